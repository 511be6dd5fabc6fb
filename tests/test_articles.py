"""An article in, a draft bank out: uploads, the background job, its page and its failures."""

import io
from pathlib import Path

import pytest
import sqlalchemy as sa

from quizapp.articletext import ArticleTextError, article_text
from quizapp.extensions import db
from quizapp.models import (
    Article,
    AuditEvent,
    Job,
    JobStatus,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
)
from tests.test_query_counts import count_queries

ARTICLES = Path(__file__).parent / "articles"
JPL_PAGE = (ARTICLES / "jpl_sneak_peek.html").read_text(encoding="utf-8")
SEED_ARTICLE = Path(__file__).parent.parent / "seed" / "articles" / "000_4bf1ddff5ce27e64.txt"
# Text that only the page's scripts, styles, cookie banner, menus and footer contain.
CHROME = (
    "forty-two secret cameras",
    "stylesheet camera",
    "nine hundred elephants",
    "cookies",
    "Careers",
    "Related News",
    "Sample Depot",
    "Site Manager",
    "Please enable JavaScript",
    "SUBSCRIBE",
)


def _login(client, user):
    client.post("/auth/login", data={"email": user["email"], "password": user["password"]})


def _upload(client, **fields):
    data = {"title": "Sneak peek", "publisher": "NASA JPL", "fmt": "auto", **fields}
    return client.post("/teach/articles/new", data=data, content_type="multipart/form-data")


def _job_id(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def test_html_page_keeps_the_article_and_drops_scripts_styles_and_chrome():
    text = article_text(JPL_PAGE, "auto", "page.html")
    assert text.startswith("The six-wheeled robot delivered")
    assert "Hazard Cameras (Hazcams) captured views" in text
    assert "manages the Mars 2020 Perseverance mission" in text
    for chrome in CHROME:
        assert chrome not in text
    assert "<" not in text and "gtag" not in text


def test_the_same_page_read_twice_gives_the_same_text():
    assert article_text(JPL_PAGE, "html") == article_text(JPL_PAGE, "html")


def test_markdown_loses_its_markup_but_keeps_headings_lists_and_sentences():
    text = article_text((ARTICLES / "perseverance_notes.md").read_text(), "markdown")
    assert "Perseverance sends a sneak peek" in text
    assert "The Navigation Cameras (Navcams), which are used for driving" in text
    assert "#" not in text and "**" not in text and "](" not in text


def test_plain_text_is_kept_as_it_is_apart_from_line_endings():
    raw = SEED_ARTICLE.read_text(encoding="utf-8")
    assert article_text(raw.replace("\n", "\r\n"), "text") == raw


@pytest.mark.parametrize(
    "content, fmt",
    [
        ("", "text"),
        ("   \n\n ", "text"),
        (
            "<html><head><script>var a = 'The rover landed.';</script>"
            "<style>p{color:red}</style></head><body><img src='a.png'></body></html>",
            "html",
        ),
    ],
)
def test_an_upload_without_article_text_is_refused(content, fmt):
    with pytest.raises(ArticleTextError):
        article_text(content, fmt)


def test_pasted_html_page_becomes_a_draft_bank_owned_by_the_teacher(app, client, teacher):
    _login(client, teacher)
    job_id = _job_id(
        _upload(
            client, text=JPL_PAGE, published="2021-02-19", url="https://www.jpl.nasa.gov/news/x"
        )
    )
    page = client.get(f"/teach/jobs/{job_id}").get_data(as_text=True)
    assert "draft questions are ready for review" in page
    assert 'http-equiv="refresh"' not in page
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert job.status == JobStatus.SUCCEEDED and job.progress == 100
        bank = db.session.get(QuestionBank, job.result["bank_id"])
        assert bank.owner_id == teacher["id"] and bank.article.owner_id == teacher["id"]
        assert bank.article.url == "https://www.jpl.nasa.gov/news/x"
        assert str(bank.article.published) == "2021-02-19"
        raw = bank.article.raw_text
        assert raw == article_text(JPL_PAGE, "html")
        rows = db.session.execute(
            sa.select(Question, QuestionVersion)
            .join(QuestionVersion)
            .where(Question.bank_id == bank.id)
        ).all()
        assert len(rows) == job.result["questions"] >= 5
        for question, version in rows:
            assert question.status == QuestionStatus.DRAFT
            assert version.article_id == bank.article.id
            assert version.sources
            for source in version.sources:
                assert raw[source["start"] : source["end"]] == source["text"]
            for chrome in CHROME:
                assert chrome not in version.prompt
        actions = db.session.scalars(sa.select(AuditEvent.action)).all()
        assert {"article.uploaded", "bank.generated"} <= set(actions)
    assert f"/teach/banks/{bank.slug}" in page


def test_uploaded_markdown_file_becomes_a_draft_bank(app, client, teacher):
    _login(client, teacher)
    notes = (ARTICLES / "perseverance_notes.md").read_bytes()
    job_id = _job_id(_upload(client, file=(io.BytesIO(notes), "notes.md")))
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert job.status == JobStatus.SUCCEEDED, job.error
        article = db.session.scalar(sa.select(Article))
        assert article.source_file == "notes.md"
        assert "**" not in article.raw_text


def test_the_seed_article_text_file_becomes_a_draft_bank(app, client, teacher):
    _login(client, teacher)
    raw = SEED_ARTICLE.read_bytes()
    job_id = _job_id(_upload(client, file=(io.BytesIO(raw), "sneak-peek.txt")))
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert job.status == JobStatus.SUCCEEDED, job.error
        assert db.session.scalar(sa.select(Article.raw_text)) == raw.decode()


def test_an_article_the_generator_cannot_read_fails_with_its_reason_and_writes_nothing(
    app, client, teacher
):
    _login(client, teacher)
    french = (ARTICLES / "french_article.txt").read_text(encoding="utf-8")
    job_id = _job_id(_upload(client, text=french, title="Perseverance se pose"))
    page = client.get(f"/teach/jobs/{job_id}").get_data(as_text=True)
    assert "The job failed" in page
    assert "No questions could be made from this article" in page
    assert "Try again" in page
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Article.id))) == 0
        assert db.session.scalar(sa.select(sa.func.count(QuestionBank.id))) == 0
        assert db.session.get(Job, job_id).tries == 1
    response = client.post(f"/teach/jobs/{job_id}/retry")
    assert response.status_code == 302
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert job.status == JobStatus.FAILED and job.tries == 2
        assert "article.retried" in db.session.scalars(sa.select(AuditEvent.action)).all()


def test_an_html_page_of_scripts_only_fails_with_a_clear_reason(app, client, teacher):
    _login(client, teacher)
    page = "<html><head><script>var s = 'The rover landed on Mars in 2021.';</script></head></html>"
    job_id = _job_id(_upload(client, text=page))
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert job.status == JobStatus.FAILED
        assert "No article text was found in the HTML page" in job.error


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"text": "   "}, "it is empty"),
        ({"text": "Some text.", "title": ""}, "This field is required"),
        ({"text": "Some text.", "url": "javascript:alert(1)"}, "Enter a web address"),
        (
            {"text": "Some text.", "file": (io.BytesIO(b"Other text."), "a.txt")},
            "not both",
        ),
        ({"file": (io.BytesIO(b"\xff\xfe\x00bad"), "a.txt")}, "not UTF-8 text"),
        ({"file": (io.BytesIO(b""), "empty.txt")}, "empty"),
    ],
)
def test_bad_uploads_are_refused_with_a_message_and_start_no_job(
    app, client, teacher, fields, message
):
    _login(client, teacher)
    response = _upload(client, **fields)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Job.id))) == 0


def test_an_article_over_the_length_limit_is_refused(app, client, teacher, monkeypatch):
    from quizapp.teach import articles_forms

    monkeypatch.setattr(articles_forms, "MAX_UPLOAD_CHARACTERS", 1000)
    _login(client, teacher)
    response = _upload(client, file=(io.BytesIO(b"word " * 201), "long.txt"))
    assert "The article is too long (1,005 characters; at most 1,000)" in response.get_data(
        as_text=True
    )
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Job.id))) == 0


def test_a_ten_megabyte_paste_is_refused_by_size(app, client, teacher):
    _login(client, teacher)
    data = {"title": "Huge", "fmt": "auto", "text": "word " * 2_000_000}
    response = client.post("/teach/articles/new", data=data)
    assert response.status_code == 413
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Job.id))) == 0


def test_another_teachers_job_does_not_exist_for_you(app, client, teacher, admin):
    from quizapp.auth.services import create_user
    from quizapp.models import Role

    _login(client, teacher)
    job_id = _job_id(_upload(client, text=SEED_ARTICLE.read_text()))
    client.post("/auth/logout")
    with app.app_context():
        create_user(
            email="t2@example.org",
            password="correct horse battery staple",
            display_name="Other",
            role=Role.TEACHER,
        )
    client.post(
        "/auth/login", data={"email": "t2@example.org", "password": "correct horse battery staple"}
    )
    assert client.get(f"/teach/jobs/{job_id}").status_code == 404
    assert client.post(f"/teach/jobs/{job_id}/retry").status_code == 404
    assert "Sneak peek" not in client.get("/teach/articles/new").get_data(as_text=True)
    client.post("/auth/logout")
    _login(client, admin)
    assert client.get(f"/teach/jobs/{job_id}").status_code == 200


def test_a_running_job_page_refreshes_itself_and_survives_a_reload(app, client, teacher):
    from quizapp import jobs

    _login(client, teacher)
    with app.app_context():
        job = Job(
            kind="article_bank",
            params={"title": "Queued one"},
            owner_id=teacher["id"],
            message="Waiting to start…",
        )
        db.session.add(job)
        db.session.commit()
        job_id = job.id
        jobs._set_state(job_id, status=JobStatus.RUNNING, progress=40, message="Reading")
    for _ in range(2):
        page = client.get(f"/teach/jobs/{job_id}").get_data(as_text=True)
        assert '<meta http-equiv="refresh" content="2">' in page
        assert 'value="40"' in page and "Reading" in page
        assert "Try again" not in page


def test_job_and_upload_pages_query_counts_stay_constant(app, client, teacher):
    _login(client, teacher)
    text = SEED_ARTICLE.read_text()

    def counts():
        job_id = _job_id(_upload(client, text=text))
        result = {}
        for url in (f"/teach/jobs/{job_id}", "/teach/articles/new"):
            with count_queries(app) as statements:
                assert client.get(url).status_code == 200
            result[url.split("/")[2]] = len(statements)
        return result

    first = counts()
    for _ in range(3):
        _upload(client, text=text)
    assert counts() == first
