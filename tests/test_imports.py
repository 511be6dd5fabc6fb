"""Upload a question file: preview, confirm, all or nothing; export every format."""

import io
import re

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import AuditEvent, Question, QuestionVersion
from tests.csrf import csrf_token, log_in_with_token
from tests.formats.conftest import FIXTURES


def login(client, user):
    client.post("/auth/login", data={"email": user["email"], "password": user["password"]})


@pytest.fixture
def bank_slug(client, teacher):
    login(client, teacher)
    response = client.post("/teach/banks/new", data={"name": "Imports"})
    return response.headers["Location"].rsplit("/", 1)[1]


def upload(client, slug, name, fmt="auto", content=None):
    content = content if content is not None else (FIXTURES / name).read_bytes()
    return client.post(
        f"/teach/banks/{slug}/import",
        data={"upload": (io.BytesIO(content), name), "format": fmt},
        content_type="multipart/form-data",
    )


def payload_of(page: str) -> str:
    return re.search(r'name="payload" type="hidden" value="([^"]+)"', page).group(1)


def question_count(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count(Question.id)))


def test_preview_shows_every_question_and_problem_then_confirm_imports_all(app, client, bank_slug):
    response = upload(client, bank_slug, "full.gift")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Read as <strong>GIFT (Moodle)</strong>: 19 questions to import, 3 problems" in page
    assert "<strong>Line 82:</strong> Not imported: an essay question" in page
    assert "Where did Perseverance land?" in page
    assert "Right: an ancient lake bed." in page  # per-answer feedback
    assert "Percy (50%)" in page  # weights
    assert "Perseverance landed in Jezero Crater on 18 February 2021." in page  # general
    assert page.count('class="card mb-3 preview-question"') == 19
    assert question_count(app) == 0
    confirmed = client.post(
        f"/teach/banks/{bank_slug}/import/confirm",
        data={"payload": payload_of(page)},
        follow_redirects=True,
    )
    assert "Imported 19 questions into “Imports”" in confirmed.get_data(as_text=True)
    assert question_count(app) == 19
    with app.app_context():
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "bank.imported"))
        assert event.after == {"format": "gift", "questions": 19, "problems": 3}
        version = db.session.scalar(
            sa.select(QuestionVersion).where(QuestionVersion.title == "Partial")
        )
        assert version.data["fractions"] == [1.0, 0.5, -0.5]


def test_pasted_text_with_a_manual_format(app, client, bank_slug):
    text = "Which planet?\nA. Mars\nB. Venus\nANSWER: A\n"
    response = client.post(
        f"/teach/banks/{bank_slug}/import", data={"text": text, "format": "aiken"}
    )
    page = response.get_data(as_text=True)
    assert "Read as <strong>Aiken</strong>: 1 question to import, 0 problems" in page
    assert "Correct answer" in page and ">Mars<" in page


def test_nothing_chosen_is_a_form_error(client, bank_slug):
    page = client.post(f"/teach/banks/{bank_slug}/import", data={"format": "auto"})
    assert "Choose a file or paste the questions." in page.get_data(as_text=True)


def test_hostile_text_is_shown_escaped_in_the_preview(client, bank_slug):
    page = upload(client, bank_slug, "hostile.gift").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;answer&#39;)&lt;/script&gt;" in page
    assert "onerror=alert(1)&gt; Is this safe?" in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("latin.gift", "Caf\u00e9 {T}".encode("latin-1"), "is not UTF-8 text"),
        ("junk.bin", b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        ("empty.txt", b"", "The file is empty"),
        ("xxe.xml", (FIXTURES / "xxe.xml").read_bytes(), "refused for safety"),
    ],
)
def test_unreadable_files_get_a_clear_error_and_no_import_button(
    app, client, bank_slug, name, content, message
):
    page = upload(client, bank_slug, name, content=content).get_data(as_text=True)
    assert message in page
    assert 'name="payload"' not in page
    assert question_count(app) == 0


def test_an_upload_over_the_limit_gets_a_413_naming_the_limit(app, client, bank_slug):
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    response = upload(client, bank_slug, "big.gift", content=b"Q {T}\n\n" * 20_000)
    assert response.status_code == 413
    assert "limit of 64 KB" in response.get_data(as_text=True)


def test_a_tampered_preview_imports_nothing(app, client, bank_slug):
    page = upload(client, bank_slug, "full.aiken").get_data(as_text=True)
    payload = payload_of(page)
    forged = payload[:-3] + ("AAA" if not payload.endswith("AAA") else "BBB")
    response = client.post(
        f"/teach/banks/{bank_slug}/import/confirm",
        data={"payload": forged},
        follow_redirects=True,
    )
    assert "The preview could not be read" in response.get_data(as_text=True)
    assert question_count(app) == 0


def test_a_preview_for_one_bank_cannot_be_confirmed_into_another(app, client, bank_slug):
    page = upload(client, bank_slug, "full.aiken").get_data(as_text=True)
    other = client.post("/teach/banks/new", data={"name": "Other"}).headers["Location"]
    other_slug = other.rsplit("/", 1)[1]
    response = client.post(
        f"/teach/banks/{other_slug}/import/confirm",
        data={"payload": payload_of(page)},
        follow_redirects=True,
    )
    assert "belongs to another bank" in response.get_data(as_text=True)
    assert question_count(app) == 0


def test_a_crash_mid_import_leaves_the_bank_as_it_was(app, client, bank_slug, monkeypatch):
    from quizapp import question_imports

    page = upload(client, bank_slug, "full.xml").get_data(as_text=True)

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")  # after the questions were inserted, before commit

    monkeypatch.setattr(question_imports.audit, "record", crash)
    response = client.post(f"/teach/banks/{bank_slug}/import/confirm",
                           data={"payload": payload_of(page)})  # fmt: skip
    assert response.status_code == 500
    monkeypatch.undo()
    assert question_count(app) == 0
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(QuestionVersion.id))) == 0


def test_export_page_lists_what_each_format_loses_and_every_download_works(app, client, bank_slug):
    page = upload(client, bank_slug, "full.xml").get_data(as_text=True)
    client.post(f"/teach/banks/{bank_slug}/import/confirm", data={"payload": payload_of(page)})
    export = client.get(f"/teach/banks/{bank_slug}/export").get_data(as_text=True)
    assert "GIFT has no ordering questions" in export
    assert "Aiken holds only one-answer multiple choice" in export
    for fmt, marker in (("gift", "::Landing site::"), ("aiken", "ANSWER: A"),
                        ("moodlexml", "<quiz>"), ("csv", "type,title,prompt"),
                        ("json", '"questions"')):  # fmt: skip
        response = client.get(f"/teach/banks/{bank_slug}/export/{fmt}")
        assert response.status_code == 200
        assert "attachment" in response.headers["Content-Disposition"]
        assert marker in response.get_data(as_text=True)


def test_exported_moodle_xml_imports_into_a_second_bank_unchanged(app, client, bank_slug):
    page = upload(client, bank_slug, "full.gift").get_data(as_text=True)
    client.post(f"/teach/banks/{bank_slug}/import/confirm", data={"payload": payload_of(page)})
    xml = client.get(f"/teach/banks/{bank_slug}/export/moodlexml").data
    second = client.post("/teach/banks/new", data={"name": "Second"}).headers["Location"]
    second_slug = second.rsplit("/", 1)[1]
    page = upload(client, second_slug, "bank.xml", content=xml).get_data(as_text=True)
    assert "19 questions to import, 0 problems" in page
    client.post(f"/teach/banks/{second_slug}/import/confirm", data={"payload": payload_of(page)})
    with app.app_context():
        rows = db.session.execute(
            sa.select(Question.bank_id, QuestionVersion.prompt, QuestionVersion.data)
            .join(QuestionVersion)
            .order_by(QuestionVersion.prompt)
        ).all()
    first = sorted((p, str(d)) for b, p, d in rows if b == rows[0][0])
    others = sorted((p, str(d)) for b, p, d in rows if b != rows[0][0])
    assert first == others


def test_import_form_needs_its_csrf_token(csrf_app, teacher):
    client = csrf_app.test_client()
    log_in_with_token(client, teacher)
    token = csrf_token(client, "/teach/banks/new")
    slug = (
        client.post("/teach/banks/new", data={"name": "B", "csrf_token": token})
        .headers["Location"]
        .rsplit("/", 1)[1]
    )
    response = client.post(f"/teach/banks/{slug}/import", data={"text": "Q {T}"})
    assert response.status_code == 400
    assert (
        client.post(f"/teach/banks/{slug}/import/confirm", data={"payload": "x"}).status_code == 400
    )


def test_a_20_megabyte_upload_is_refused_whole(app, client, bank_slug):
    # Refused on its declared length, before a byte of it is parsed or spooled to disk.
    response = client.post(
        f"/teach/banks/{bank_slug}/import",
        data=b"Q {T}\n\n" * 3_000_000,
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code == 413
    assert "File too large" in response.get_data(as_text=True)
    assert question_count(app) == 0


def _other_teacher_client(app):
    from quizapp.auth.services import create_user
    from quizapp.models import Role

    with app.app_context():
        create_user("otto@example.org", "correct horse battery staple", "Otto", Role.TEACHER)
    other = app.test_client()
    login(other, {"email": "otto@example.org", "password": "correct horse battery staple"})
    return other


def test_every_bank_url_by_role(app, client, bank_slug, student, admin):
    """Owner and admin get the pages; another teacher finds nothing; a student is refused."""
    gets = ["", "/edit", "/import", "/export", "/export/gift"]
    posts = ["/archive", "/restore", "/copy", "/import/confirm"]
    other = _other_teacher_client(app)
    admin_client = app.test_client()
    login(admin_client, admin)
    student_client = app.test_client()
    login(student_client, student)
    anonymous = app.test_client()
    for suffix in gets:
        url = f"/teach/banks/{bank_slug}{suffix}"
        assert client.get(url).status_code == 200, url
        assert admin_client.get(url).status_code == 200, url
        assert other.get(url).status_code == 404, url
        assert student_client.get(url).status_code == 403, url
        assert anonymous.get(url).status_code == 302, url
    for suffix in posts:
        url = f"/teach/banks/{bank_slug}{suffix}"
        assert other.post(url).status_code == 404, url
        assert student_client.post(url).status_code == 403, url
        assert anonymous.post(url).status_code == 302, url
        assert admin_client.post(url).status_code == 302, url


def test_a_long_file_previews_its_start_and_imports_every_question(app, client, bank_slug):
    text = "\n\n".join(f"Statement {n} is true.{{T}}" for n in range(320))
    page = client.post(f"/teach/banks/{bank_slug}/import", data={"text": text}).get_data(
        as_text=True
    )
    assert "320 questions to import" in page
    assert page.count('class="card mb-3 preview-question"') == 300
    assert "the other 20 were read the same way" in page
    client.post(f"/teach/banks/{bank_slug}/import/confirm", data={"payload": payload_of(page)})
    assert question_count(app) == 320


def test_confirming_the_same_preview_twice_imports_its_questions_once(app, client, bank_slug):
    page = upload(client, bank_slug, "full.gift").get_data(as_text=True)
    url = f"/teach/banks/{bank_slug}/import/confirm"
    client.post(url, data={"payload": payload_of(page)})
    again = client.post(url, data={"payload": payload_of(page)}, follow_redirects=True)
    assert "already confirmed" in again.get_data(as_text=True)
    assert question_count(app) == 19
    # A new preview of the same file is a new import.
    page = upload(client, bank_slug, "full.gift").get_data(as_text=True)
    client.post(url, data={"payload": payload_of(page)})
    assert question_count(app) == 38
