"""The question editor: every type written and edited with server-side checks and a preview."""

import re

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import (
    AuditEvent,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
    ReviewDecision,
)
from tests.factories import make_bank


def login(client, user):
    client.post("/auth/login", data={"email": user["email"], "password": user["password"]})


@pytest.fixture
def own_bank(app, teacher):
    """The teacher's own bank with one published question of every type."""
    with app.app_context():
        bank = make_bank(slug="mine")
        bank.owner_id = teacher["id"]
        db.session.commit()
        return bank.slug


@pytest.fixture
def teacher_client(client, teacher, own_bank):
    login(client, teacher)
    return client


def question_id(app, key: str, slug: str = "mine") -> int:
    with app.app_context():
        return db.session.scalar(
            sa.select(Question.id)
            .join(QuestionBank)
            .where(Question.key == key, QuestionBank.slug == slug)
        )


def versions(app, qid: int) -> list[QuestionVersion]:
    with app.app_context():
        return list(
            db.session.scalars(
                sa.select(QuestionVersion)
                .where(QuestionVersion.question_id == qid)
                .order_by(QuestionVersion.number)
            )
        )


def common(**extra) -> dict:
    return {
        "prompt": "Which camera on the mast can zoom?",
        "topic": "instruments",
        "difficulty": "easy",
        "explanation": "The article says so.",
        **extra,
    }


def rows(name: str, values: list[str]) -> dict:
    return {f"{name}-{i}": value for i, value in enumerate(values)}


VALID_NEW = {
    "mcq": {**rows("options", ["Hazcam", "Mastcam-Z", "Navcam"]), "correct": "1"},
    "multi": {**rows("options", ["cameras", "microphones", "sails"]), "correct": ["0", "1"]},
    "truefalse": {"answer": "true"},
    "numeric": {"answer": "2,5", "tolerance": "0.5", "unit": "m"},
    "short": {"answers": "Jezero Crater\nJezero\n"},
    "matching": {
        "pairs-0-left": "HiRISE",
        "pairs-0-right": "orbit",
        "pairs-1-left": "Hazcams",
        "pairs-1-right": "hazards",
    },
    "ordering": rows("items", ["heat shield", "parachute", "sky crane"]),
}
EXPECTED_DATA = {
    "mcq": {"options": ["Hazcam", "Mastcam-Z", "Navcam"], "answer": "Mastcam-Z"},
    "multi": {
        "options": ["cameras", "microphones", "sails"],
        "answers": ["cameras", "microphones"],
    },
    "truefalse": {"answer": True},
    "numeric": {"answer": 2.5, "tolerance": 0.5, "unit": "m"},
    "short": {"answers": ["Jezero Crater", "Jezero"]},
    "matching": {"pairs": [["HiRISE", "orbit"], ["Hazcams", "hazards"]]},
    "ordering": {"items": ["heat shield", "parachute", "sky crane"]},
}


@pytest.mark.parametrize("type_name", sorted(VALID_NEW))
def test_teacher_writes_a_question_of_every_type(app, teacher_client, teacher, type_name):
    form = teacher_client.get(f"/teach/banks/mine/questions/new?type={type_name}")
    assert form.status_code == 200
    response = teacher_client.post(
        f"/teach/banks/mine/questions/new?type={type_name}",
        data={**common(), **VALID_NEW[type_name], "save": "Save as draft"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        question = db.session.scalar(sa.select(Question).where(Question.key.like("t-%")))
        assert question.status == QuestionStatus.DRAFT
        assert question.topic == "instruments"
        version = question.versions[0]
        assert version.type == type_name
        assert version.data == EXPECTED_DATA[type_name]
        assert version.author_id == teacher["id"]
        assert version.sources == []
        assert (
            db.session.scalar(
                sa.select(AuditEvent.action).where(AuditEvent.target_id == str(question.id))
            )
            == "question.created"
        )


def test_save_and_publish_makes_a_question_quizzes_can_draw(app, teacher_client):
    teacher_client.post(
        "/teach/banks/mine/questions/new?type=truefalse",
        data={**common(prompt="The rover has wheels."), "answer": "false", "publish": "1"},
    )
    with app.app_context():
        question = db.session.scalar(sa.select(Question).where(Question.key.like("t-%")))
        assert question.status == QuestionStatus.PUBLISHED
        assert question.versions[0].data == {"answer": False}


BAD_INPUT = [
    ("mcq", {**rows("options", ["Only one"]), "correct": "0"}, "Give at least two options."),
    ("mcq", rows("options", ["A", "B"]), "Mark exactly one option as the correct one."),
    (
        "mcq",
        {**rows("options", ["A", "", "B"]), "correct": "1"},
        "The option marked correct is empty.",
    ),
    ("mcq", {**rows("options", ["Navcam", "navcam "]), "correct": "0"}, "appears more than once"),
    ("multi", rows("options", ["A", "B"]), "Mark at least one option as correct."),
    (
        "numeric",
        {"answer": "12", "tolerance": "-1"},
        "The tolerance must be a number of 0 or more.",
    ),
    ("numeric", {"answer": "twelve", "tolerance": "0"}, "Enter a number"),
    ("short", {"answers": " \n "}, "Give at least one accepted answer."),
    ("short", {"answers": "Jezero\nJEZERO!"}, "is listed twice"),
    ("short", {"answers": "?!"}, "has no letters or digits"),
    ("truefalse", {}, "Say whether the statement is true or false."),
    (
        "matching",
        {"pairs-0-left": "A", "pairs-0-right": "x", "pairs-1-left": "a", "pairs-1-right": "y"},
        "appears more than once",
    ),
    (
        "matching",
        {"pairs-0-left": "A", "pairs-0-right": "x", "pairs-1-left": "B"},
        "Fill in both sides of pair 2",
    ),
    ("ordering", rows("items", ["first", "First"]), "appears more than once"),
    ("ordering", rows("items", ["alone"]), "Give at least two items"),
]


@pytest.mark.parametrize(("type_name", "fields", "message"), BAD_INPUT)
def test_bad_questions_are_explained_and_nothing_is_saved(
    app, teacher_client, type_name, fields, message
):
    with app.app_context():
        before = db.session.scalar(sa.select(sa.func.count(QuestionVersion.id)))
    response = teacher_client.post(
        f"/teach/banks/mine/questions/new?type={type_name}",
        data={**common(), **fields, "save": "Save as draft"},
    )
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(QuestionVersion.id))) == before


def test_an_empty_question_and_a_bad_topic_are_refused(app, teacher_client):
    response = teacher_client.post(
        "/teach/banks/mine/questions/new?type=truefalse",
        data={**common(prompt="", topic="Not A Topic!"), "answer": "true", "save": "1"},
    )
    page = response.get_data(as_text=True)
    assert "Write the question." in page
    assert "Use lower-case letters, digits and hyphens." in page


def test_preview_shows_the_student_fields_and_saves_nothing(app, teacher_client):
    response = teacher_client.post(
        "/teach/banks/mine/questions/new?type=ordering",
        data={**common(prompt="Order the landing."), **VALID_NEW["ordering"], "preview": "1"},
    )
    page = response.get_data(as_text=True)
    assert "Preview: what a student sees" in page
    assert "Give each event its position, 1 = first." in page
    # The student's ordering fields, each item with a position select.
    for item in ("heat shield", "parachute", "sky crane"):
        assert re.search(rf'<div class="col-sm-8" id="preview-position_\d-item">{item}</div>', page)
    with app.app_context():
        assert db.session.scalar(sa.select(Question).where(Question.key.like("t-%"))) is None


@pytest.mark.parametrize(
    "key", ["q-mcq", "q-multi", "q-tf", "q-num", "q-short", "q-match", "q-order"]
)
def test_edit_page_shows_the_current_version_and_its_preview(app, teacher_client, key):
    qid = question_id(app, key)
    page = teacher_client.get(f"/teach/questions/{qid}/edit").get_data(as_text=True)
    version = versions(app, qid)[0]
    assert "Preview: what a student sees" in page
    assert f'<h3 class="h5" id="preview-prompt">{version.prompt}</h3>' in page
    assert 'name="base_version" type="hidden" value="1"' in page
    # The edit form is filled from the saved version.
    for value in {"q-mcq": ["Mastcam-Z"], "q-order": ["parachute opened"]}.get(key, []):
        assert f'value="{value}"' in page


def edit(client, qid, base, **fields):
    data = {
        "prompt": "Which mast camera can zoom in?",
        "topic": "landing",
        "difficulty": "medium",
        "explanation": "Mastcam-Z zooms.",
        **rows("options", ["Hazcam", "Mastcam-Z", "Navcam", "SuperCam"]),
        "correct": "1",
        "base_version": str(base),
        "change_note": "Clearer stem, one more distractor",
        "save": "Save new version",
        **fields,
    }
    return client.post(f"/teach/questions/{qid}/edit", data=data)


def test_saving_an_edit_makes_a_new_version_with_its_note(app, teacher_client, teacher):
    qid = question_id(app, "q-mcq")
    response = edit(teacher_client, qid, 1)
    assert response.status_code == 302
    first, second = versions(app, qid)
    assert first.prompt == "Which camera on the mast can zoom?"
    assert first.data["options"] == ["Hazcam", "Mastcam-Z", "Navcam"]
    assert second.number == 2
    assert second.prompt == "Which mast camera can zoom in?"
    assert second.data == {
        "options": ["Hazcam", "Mastcam-Z", "Navcam", "SuperCam"],
        "answer": "Mastcam-Z",
    }
    assert second.change_note == "Clearer stem, one more distractor"
    assert second.author_id == teacher["id"]
    # What the question rests on stays with it.
    assert second.sources == first.sources and second.article_id == first.article_id
    assert second.rule == first.rule
    with app.app_context():
        question = db.session.get(Question, qid)
        assert question.current_version == 2
        assert question.status == QuestionStatus.PUBLISHED
    page = teacher_client.get(f"/teach/questions/{qid}").get_data(as_text=True)
    assert "version 2" in page


def test_a_stale_save_is_refused_with_a_clear_message(app, teacher_client):
    qid = question_id(app, "q-mcq")
    assert edit(teacher_client, qid, 1).status_code == 302
    stale = edit(teacher_client, qid, 1, prompt="Someone else's idea?")
    assert stale.status_code == 302
    page = teacher_client.get(stale.headers["Location"]).get_data(as_text=True)
    assert "Someone else saved a new version of this question while you were editing" in page
    assert [v.number for v in versions(app, qid)] == [1, 2]
    assert all(v.prompt != "Someone else's idea?" for v in versions(app, qid))


def test_history_lists_versions_with_what_changed(app, teacher_client):
    qid = question_id(app, "q-mcq")
    edit(teacher_client, qid, 1)
    page = teacher_client.get(f"/teach/questions/{qid}/history").get_data(as_text=True)
    assert "2 versions" in page
    assert "Clearer stem, one more distractor" in page
    assert "Tess Teacher" in page
    assert '<del class="text-danger" aria-label="removed">on the mast </del>' in page
    assert '<ins class="text-success">zoom in?</ins>' in page
    assert '<ins class="text-success"> · SuperCam</ins>' in page
    assert "generated by rule <code>test.fixture</code>" in page


def test_retire_and_restore_instead_of_delete(app, teacher_client):
    from quizapp.models import Quiz
    from quizapp.quiz.selection import pool_for
    from tests.factories import make_quiz

    qid = question_id(app, "q-tf")
    with app.app_context():
        make_quiz()
    assert teacher_client.post(f"/teach/questions/{qid}/retire").status_code == 302

    def pooled():
        with app.app_context():
            quiz = db.session.scalar(sa.select(Quiz))
            return qid in {v.question_id for v in pool_for(quiz)}

    with app.app_context():
        assert db.session.get(Question, qid).status == QuestionStatus.RETIRED
    assert not pooled()
    page = teacher_client.get(f"/teach/questions/{qid}").get_data(as_text=True)
    assert "This question is retired" in page and ">Restore</button>" in page
    teacher_client.post(f"/teach/questions/{qid}/restore")
    with app.app_context():
        assert db.session.get(Question, qid).status == QuestionStatus.PUBLISHED
        actions = db.session.scalars(
            sa.select(ReviewDecision.action).where(ReviewDecision.question_id == qid)
        ).all()
        assert [a.value for a in actions] == ["retired", "restored"]
        audit = db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()
        assert audit[-2:] == ["question.retired", "question.restored"]
    assert pooled()
    # Restoring twice is refused politely.
    again = teacher_client.post(f"/teach/questions/{qid}/restore", follow_redirects=True)
    assert "Only a retired or rejected question can be restored." in again.get_data(as_text=True)


def flat_form(values: dict) -> dict:
    """Initial editor values as the browser would post them."""
    posted = {}
    for name, value in values.items():
        if name in ("options", "items") and isinstance(value, list):
            posted.update(rows(name, value))
        elif name == "pairs":
            for i, pair in enumerate(value):
                posted[f"pairs-{i}-left"] = pair["left"]
                posted[f"pairs-{i}-right"] = pair["right"]
        elif value is not None:
            posted[name] = value
    return posted


@pytest.mark.parametrize(
    "key", ["q-mcq", "q-multi", "q-tf", "q-num", "q-short", "q-match", "q-order"]
)
def test_saving_the_editor_unchanged_keeps_the_answer_data(app, teacher_client, key):
    from quizapp.teach.question_forms import initial_values

    qid = question_id(app, key)
    with app.app_context():
        version = db.session.scalar(
            sa.select(QuestionVersion).where(QuestionVersion.question_id == qid)
        )
        posted = flat_form(initial_values(version, "landing"))
    response = teacher_client.post(f"/teach/questions/{qid}/edit", data={**posted, "save": "1"})
    assert response.status_code == 302, response.get_data(as_text=True)
    first, second = versions(app, qid)
    assert second.data == first.data
    assert second.prompt == first.prompt and second.explanation == first.explanation
    assert second.change_note == "Edited"
