"""Versions, sources and permissions of edited questions."""

import re
import threading

import pytest
import sqlalchemy as sa

from quizapp import authoring
from quizapp.extensions import db
from quizapp.models import Question, QuestionBank, QuestionVersion, Role
from tests.conftest import PASSWORD
from tests.factories import ARTICLE_TEXT, make_bank, make_quiz
from tests.test_query_counts import count_queries
from tests.test_question_editor import edit, login, question_id, versions


@pytest.fixture
def own_bank(app, teacher):
    with app.app_context():
        bank = make_bank(slug="mine")
        bank.owner_id = teacher["id"]
        db.session.commit()
        return bank.slug


def test_an_attempt_keeps_showing_the_version_it_drew(app, client, teacher, student, own_bank):
    qid = question_id(app, "q-mcq")
    with app.app_context():
        make_quiz(draw_count=7)
    login(client, student)
    start = client.post("/quiz/landing-quiz/start")
    attempt_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
    client.post("/auth/logout")
    login(client, teacher)
    assert edit(client, qid, 1).status_code == 302
    client.post("/auth/logout")
    login(client, student)
    pages = [client.get(f"/attempt/{attempt_id}/q/{n}").get_data(as_text=True) for n in range(1, 8)]
    assert any("Which camera on the mast can zoom?" in page for page in pages)
    assert not any("Which mast camera can zoom in?" in page for page in pages)
    client.post(f"/attempt/{attempt_id}/submit")
    results = client.get(f"/attempt/{attempt_id}/results").get_data(as_text=True)
    assert "Which camera on the mast can zoom?" in results
    # A new attempt draws the new version.
    start = client.post("/quiz/landing-quiz/start")
    new_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
    pages = [client.get(f"/attempt/{new_id}/q/{n}").get_data(as_text=True) for n in range(1, 8)]
    assert any("Which mast camera can zoom in?" in page for page in pages)


def test_two_teachers_saving_at_once_make_one_version(app, teacher, own_bank):
    """Parallel saves from the same base: one wins, the other gets EditConflict, no duplicate."""
    qid = question_id(app, "q-tf")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def save(prompt):
        with app.app_context():
            version = versions(app, qid)[0]
            content = authoring.content_of(version)
            content = authoring.Content(**{**content.__dict__, "prompt": prompt})
            barrier.wait()
            try:
                authoring.save_version(qid, 1, content, teacher["id"], prompt)
                outcomes.append("saved")
            except authoring.EditConflict:
                outcomes.append("conflict")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=save, args=(f"Edit {n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    assert [v.number for v in versions(app, qid)] == [1, 2]


def test_a_duplicate_version_number_is_a_conflict_not_a_crash(app, teacher, own_bank):
    """Even when the stale check is passed, the unique constraint stops a second version 2."""
    qid = question_id(app, "q-tf")
    with app.app_context():
        content = authoring.content_of(versions(app, qid)[0])
        authoring.save_version(qid, 1, content, teacher["id"], "first")
        # Someone set the counter back (or read it before the first save committed).
        db.session.execute(sa.update(Question).where(Question.id == qid).values(current_version=1))
        db.session.commit()
        with pytest.raises(authoring.EditConflict):
            authoring.save_version(qid, 1, content, teacher["id"], "second")
        assert db.session.get(Question, qid).current_version == 1
    assert [v.change_note for v in versions(app, qid)] == ["", "first"]


def test_teacher_re_picks_the_cited_sentences(app, client, teacher, own_bank):
    qid = question_id(app, "q-mcq")
    login(client, teacher)
    page = client.get(f"/teach/questions/{qid}/sources").get_data(as_text=True)
    assert "<mark>Mastcam-Z is a zoomable camera on the mast.</mark>" in page
    # Page chrome ("Menu", "Related News") is not offered as a sentence.
    assert ">Menu<" not in page and "Related News" not in page
    first = "The rover carries 25 cameras and two microphones."
    second = "SuperCam fires a laser at rocks."
    values = [f"{ARTICLE_TEXT.index(s)}-{ARTICLE_TEXT.index(s) + len(s)}" for s in (first, second)]
    for value in values:
        assert f'value="{value}"' in page
    response = client.post(
        f"/teach/questions/{qid}/sources",
        data={"sentences": values, "base_version": "1", "change_note": "Cite the camera count"},
    )
    assert response.status_code == 302
    latest = versions(app, qid)[-1]
    assert latest.number == 2
    assert [s["text"] for s in latest.sources] == [first, second]
    for source in latest.sources:
        assert ARTICLE_TEXT[source["start"] : source["end"]] == source["text"]
    shown = client.get(f"/teach/questions/{qid}").get_data(as_text=True)
    assert f"<mark>{first}</mark>" in shown


def test_sources_outside_the_sentence_list_are_refused(app, client, teacher, own_bank):
    qid = question_id(app, "q-mcq")
    login(client, teacher)
    response = client.post(
        f"/teach/questions/{qid}/sources", data={"sentences": ["0-4"], "base_version": "1"}
    )
    assert response.status_code == 200
    assert "not a valid choice" in response.get_data(as_text=True)
    assert len(versions(app, qid)) == 1


def test_a_hand_written_question_may_cite_nothing_then_cite_the_banks_article(
    app, client, teacher, own_bank
):
    login(client, teacher)
    client.post(
        "/teach/banks/mine/questions/new?type=truefalse",
        data={"prompt": "Mars is red.", "topic": "mission", "difficulty": "easy", "answer": "true"},
    )
    with app.app_context():
        qid = db.session.scalar(sa.select(Question.id).where(Question.key.like("t-%")))
    page = client.get(f"/teach/questions/{qid}").get_data(as_text=True)
    assert "This question does not cite an article." in page
    sources = client.get(f"/teach/questions/{qid}/sources").get_data(as_text=True)
    assert "<mark>" not in sources and "SuperCam fires a laser at rocks." in sources


@pytest.fixture
def other_teacher(app):
    from quizapp.auth.services import create_user

    with app.app_context():
        create_user(email="t2@example.org", password=PASSWORD, display_name="T2", role=Role.TEACHER)
    return {"email": "t2@example.org", "password": PASSWORD}


def test_other_teachers_cannot_see_or_change_my_questions(app, client, other_teacher, own_bank):
    qid = question_id(app, "q-mcq")
    login(client, other_teacher)
    for url in ("", "/edit", "/history", "/sources"):
        assert client.get(f"/teach/questions/{qid}{url}").status_code == 404, url
    for url in ("/edit", "/sources", "/retire", "/restore"):
        assert client.post(f"/teach/questions/{qid}{url}").status_code == 404, url
    assert client.get("/teach/banks/mine/questions/new?type=mcq").status_code == 404
    assert edit(client, qid, 1).status_code == 404
    assert len(versions(app, qid)) == 1


def test_seed_banks_are_read_only_to_teachers(app, client, teacher):
    with app.app_context():
        make_bank(slug="seed")
    qid = question_id(app, "q-mcq", slug="seed")
    login(client, teacher)
    page = client.get(f"/teach/questions/{qid}").get_data(as_text=True)
    assert "Preview: what a student sees" in page
    assert "/edit" not in page and "Retire" not in page
    assert client.get(f"/teach/questions/{qid}/history").status_code == 200
    assert client.get(f"/teach/questions/{qid}/edit").status_code == 404
    assert edit(client, qid, 1).status_code == 404
    assert client.post(f"/teach/questions/{qid}/retire").status_code == 404


def test_admin_may_edit_any_bank(app, client, admin, own_bank):
    qid = question_id(app, "q-mcq")
    login(client, admin)
    assert edit(client, qid, 1).status_code == 302
    assert len(versions(app, qid)) == 2


def test_question_pages_issue_the_same_queries_however_many_versions(
    app, client, teacher, own_bank
):
    qid = question_id(app, "q-mcq")
    login(client, teacher)
    urls = [f"/teach/questions/{qid}{tail}" for tail in ("", "/edit", "/history", "/sources")]

    def counts():
        result = {}
        for url in urls:
            with count_queries(app) as statements:
                assert client.get(url).status_code == 200
            result[url] = len(statements)
        return result

    edit(client, qid, 1)
    before = counts()
    for base in range(2, 6):
        edit(client, qid, base, prompt=f"Version {base + 1}?")
    assert len(versions(app, qid)) == 6
    assert counts() == before
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(QuestionBank.id))) == 1
        assert db.session.scalar(sa.select(sa.func.count(QuestionVersion.id))) == 12


def test_an_edited_html_prompt_is_stored_as_plain_text(app, client, teacher, own_bank):
    from quizapp.models import PromptFormat

    qid = question_id(app, "q-mcq")
    with app.app_context():
        version = db.session.scalar(
            sa.select(QuestionVersion).where(QuestionVersion.question_id == qid)
        )
        version.prompt_format = PromptFormat.HTML
        db.session.commit()
    login(client, teacher)
    page = client.get(f"/teach/questions/{qid}/edit").get_data(as_text=True)
    assert "imported as HTML" in page
    edit(client, qid, 1, prompt="<b>Which</b> camera zooms?")
    latest = versions(app, qid)[-1]
    assert latest.prompt_format == PromptFormat.PLAIN
    shown = client.get(f"/teach/questions/{qid}").get_data(as_text=True)
    assert "&lt;b&gt;Which&lt;/b&gt; camera zooms?" in shown and "<b>Which</b>" not in shown


def test_imported_weights_survive_an_edit_that_keeps_the_options(app, client, teacher, own_bank):
    qid = question_id(app, "q-mcq")
    with app.app_context():
        version = db.session.scalar(
            sa.select(QuestionVersion).where(QuestionVersion.question_id == qid)
        )
        version.data = {
            **version.data,
            "fractions": [0, 1, 0.5],
            "feedback": ["No", "Yes", "Close"],
        }
        db.session.commit()
    login(client, teacher)
    assert "per-answer weights or feedback" in client.get(f"/teach/questions/{qid}/edit").get_data(
        as_text=True
    )
    plain = question_id(app, "q-multi")
    assert "per-answer weights or feedback" not in client.get(
        f"/teach/questions/{plain}/edit"
    ).get_data(as_text=True)
    same_options = {"options-0": "Hazcam", "options-1": "Mastcam-Z", "options-2": "Navcam"}
    edit(client, qid, 1, **{"options-3": ""}, **same_options)
    kept = versions(app, qid)[-1].data
    assert kept["fractions"] == [0, 1, 0.5] and kept["feedback"] == ["No", "Yes", "Close"]
    # Adding an option makes the per-option lists meaningless: they are dropped, not broken.
    assert edit(client, qid, 2).status_code == 302
    latest = versions(app, qid)[-1]
    assert latest.number == 3
    assert "fractions" not in latest.data and "feedback" not in latest.data
    assert versions(app, qid)[1].data["fractions"] == [0, 1, 0.5]
