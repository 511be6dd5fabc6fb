"""The quiz builder: settings, fixed questions, draw rules, publishing and previews."""

import re

import pytest
import sqlalchemy as sa

from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    AuditEvent,
    Difficulty,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
    Quiz,
    QuizDrawRule,
    Role,
    User,
)
from tests.conftest import PASSWORD
from tests.factories import make_bank
from tests.test_query_counts import count_queries

SETTINGS = {
    "title": "Landing check",
    "description": "Five questions on the landing.",
    "topic": "landing",
    "selection": "fixed",
    "time_limit_minutes": "10",
    "attempts_allowed": "2",
    "grading_method": "highest",
    "opens_at": "",
    "closes_at": "",
    "shuffle_questions": "y",
    "shuffle_options": "y",
}


def _login(client, email):
    client.post("/auth/logout")
    client.post("/auth/login", data={"email": email, "password": PASSWORD})


def _create(client, **changes) -> int:
    response = client.post("/teach/quizzes/new", data={**SETTINGS, **changes})
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(re.search(r"/teach/quizzes/(\d+)", response.headers["Location"]).group(1))


def _question_ids(app, bank_slug="test-bank") -> dict[str, int]:
    with app.app_context():
        rows = db.session.execute(
            sa.select(Question.key, Question.id)
            .join(QuestionBank)
            .where(QuestionBank.slug == bank_slug)
        ).all()
        return dict(rows)


def _fixed_order(app, quiz_id) -> list[int]:
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        return [item.question_id for item in quiz.fixed_questions]


@pytest.fixture
def bank(app):
    with app.app_context():
        make_bank()


@pytest.fixture
def other_teacher(app):
    with app.app_context():
        create_user(
            email="other-teacher@example.org",
            password=PASSWORD,
            display_name="Otto Other",
            role=Role.TEACHER,
        )
    return "other-teacher@example.org"


def test_teacher_builds_orders_and_publishes_a_fixed_quiz_a_student_then_takes(
    app, client, bank, teacher, student
):
    _login(client, teacher["email"])
    quiz_id = _create(client)
    ids = _question_ids(app)
    picked = [ids["q-tf"], ids["q-mcq"], ids["q-num"]]
    response = client.post(f"/teach/quizzes/{quiz_id}/pick?bank=1", data={"question_ids": picked})
    assert response.status_code == 302
    assert _fixed_order(app, quiz_id) == picked
    client.post(f"/teach/quizzes/{quiz_id}/questions/{ids['q-num']}/move", data={"step": "-1"})
    client.post(f"/teach/quizzes/{quiz_id}/questions/{ids['q-tf']}/move", data={"step": "1"})
    assert _fixed_order(app, quiz_id) == [ids["q-num"], ids["q-tf"], ids["q-mcq"]]
    client.post(f"/teach/quizzes/{quiz_id}/questions/{ids['q-tf']}/remove")
    assert _fixed_order(app, quiz_id) == [ids["q-num"], ids["q-mcq"]]
    page = client.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert "Attempts ask <strong>2</strong> of the <strong>2</strong>" in page

    with app.app_context():
        slug = db.session.get(Quiz, quiz_id).slug
    _login(client, student["email"])
    assert client.get(f"/quiz/{slug}").status_code == 404
    assert "Landing check" not in client.get("/").get_data(as_text=True)

    _login(client, teacher["email"])
    client.post(f"/teach/quizzes/{quiz_id}/publish")
    listing = client.get("/teach/quizzes").get_data(as_text=True)
    assert "Landing check" in listing and "Published" in listing

    _login(client, student["email"])
    assert "Landing check" in client.get("/").get_data(as_text=True)
    start = client.post(f"/quiz/{slug}/start")
    assert start.status_code == 302 and "/attempt/" in start.headers["Location"]
    with app.app_context():
        attempt = db.session.scalar(sa.select(Attempt))
        assert attempt.user_id == student["id"] and not attempt.is_preview
        asked = {r.version.question_id for r in attempt.responses}
        assert asked == {ids["q-num"], ids["q-mcq"]}
        assert attempt.deadline is not None
        actions = db.session.scalars(sa.select(AuditEvent.action)).all()
    assert {"quiz.created", "quiz.questions_changed", "quiz.published"} <= set(actions)


def test_only_published_questions_can_be_picked(app, client, bank, teacher):
    ids = _question_ids(app)
    with app.app_context():
        db.session.get(Question, ids["q-mcq"]).status = QuestionStatus.DRAFT
        db.session.commit()
    _login(client, teacher["email"])
    quiz_id = _create(client)
    page = client.get(f"/teach/quizzes/{quiz_id}/pick?bank=1").get_data(as_text=True)
    assert f'value="{ids["q-mcq"]}"' not in page and f'value="{ids["q-tf"]}"' in page
    response = client.post(
        f"/teach/quizzes/{quiz_id}/pick?bank=1", data={"question_ids": [ids["q-mcq"], ids["q-tf"]]}
    )
    assert "Only published questions" in response.get_data(as_text=True)
    assert _fixed_order(app, quiz_id) == []


def test_a_question_retired_after_picking_is_no_longer_asked(app, client, bank, teacher):
    ids = _question_ids(app)
    _login(client, teacher["email"])
    quiz_id = _create(client, shuffle_questions="")
    client.post(
        f"/teach/quizzes/{quiz_id}/pick?bank=1", data={"question_ids": [ids["q-tf"], ids["q-mcq"]]}
    )
    with app.app_context():
        db.session.get(Question, ids["q-tf"]).status = QuestionStatus.RETIRED
        db.session.commit()
    client.post(f"/teach/quizzes/{quiz_id}/preview")
    with app.app_context():
        attempt = db.session.scalar(sa.select(Attempt))
        assert [r.version.question_id for r in attempt.responses] == [ids["q-mcq"]]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"title": ""}, "This field is required"),
        ({"time_limit_minutes": "0"}, "Number must be between 1 and 600"),
        ({"attempts_allowed": "-1"}, "Number must be between 1 and 100"),
        ({"grading_method": "best"}, "Not a valid choice"),
        ({"topic": "nonsense"}, "Not a valid choice"),
        ({"selection": "everything"}, "Not a valid choice"),
        (
            {"opens_at": "2030-05-02T10:00", "closes_at": "2030-05-01T10:00"},
            "must close after it opens",
        ),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_created(app, client, teacher, changes, message):
    _login(client, teacher["email"])
    response = client.post("/teach/quizzes/new", data={**SETTINGS, **changes})
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Quiz.id))) == 0


def test_settings_are_saved_and_audited_with_what_changed(app, client, teacher):
    _login(client, teacher["email"])
    quiz_id = _create(client)
    client.post(
        f"/teach/quizzes/{quiz_id}",
        data={
            **SETTINGS,
            "attempts_allowed": "",
            "opens_at": "2030-05-01T09:30",
            "grading_method": "average",
            "role": "admin",
            "owner_id": "99",
        },
    )
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.attempts_allowed is None
        assert quiz.grading_method.value == "average"
        assert quiz.opens_at.isoformat() == "2030-05-01T09:30:00+00:00"
        assert quiz.owner_id == teacher["id"]
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "quiz.updated"))
        assert set(event.after) == {"attempts_allowed", "opens_at", "grading_method"}
    page = client.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert 'value="2030-05-01T09:30"' in page


def test_draw_rules_draw_their_counts_by_difficulty_from_the_named_banks(
    app, client, bank, teacher
):
    ids = _question_ids(app)
    with app.app_context():
        make_bank(slug="second-bank")
        for key in ("q-mcq", "q-tf"):
            version = db.session.scalar(
                sa.select(QuestionVersion).where(QuestionVersion.question_id == ids[key])
            )
            version.difficulty = Difficulty.HARD
        db.session.commit()
        second = db.session.scalar(
            sa.select(QuestionBank.id).where(QuestionBank.slug == "second-bank")
        )
    _login(client, teacher["email"])
    quiz_id = _create(client, selection="pool")
    assert "Add published questions" in _publish_message(client, quiz_id)
    preview = client.post(f"/teach/quizzes/{quiz_id}/preview", follow_redirects=True)
    assert "Add a draw rule first." in preview.get_data(as_text=True)
    client.post(
        f"/teach/quizzes/{quiz_id}/rules", data={"bank_id": 1, "count": 2, "difficulty": "hard"}
    )
    client.post(f"/teach/quizzes/{quiz_id}/rules", data={"bank_id": second, "count": 1})
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.draw_count == 3
        assert [rule.count for rule in quiz.draw_rules] == [2, 1]
    for _ in range(3):
        client.post(f"/teach/quizzes/{quiz_id}/preview")
        with app.app_context():
            attempt = db.session.scalar(sa.select(Attempt).where(Attempt.state == "open"))
            drawn = [r.version.question for r in attempt.responses]
            hard = {ids["q-mcq"], ids["q-tf"]}
            assert len(drawn) == 3
            assert sum(1 for q in drawn if q.id in hard) == 2
            assert sum(1 for q in drawn if q.bank.slug == "second-bank") == 1
        client.post(f"/attempt/{attempt.id}/submit")


def _publish_message(client, quiz_id):
    return client.post(f"/teach/quizzes/{quiz_id}/publish", follow_redirects=True).get_data(
        as_text=True
    )


def test_a_rule_asking_more_than_the_bank_has_warns_on_publishing(app, client, bank, teacher):
    _login(client, teacher["email"])
    quiz_id = _create(client, selection="pool")
    client.post(f"/teach/quizzes/{quiz_id}/rules", data={"bank_id": 1, "count": 20})
    assert "Attempts will ask 7 of the 20 planned questions" in _publish_message(client, quiz_id)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"bank_id": 1, "count": 0}, "Number must be between 1 and 100"),
        ({"bank_id": 1, "count": 2, "difficulty": "extreme"}, "Not a valid choice"),
        ({"bank_id": 999, "count": 2}, "Not a valid choice"),
    ],
)
def test_bad_draw_rules_are_refused(app, client, bank, teacher, data, message):
    _login(client, teacher["email"])
    quiz_id = _create(client, selection="pool")
    response = client.post(f"/teach/quizzes/{quiz_id}/rules", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(QuizDrawRule.id))) == 0


def test_a_preview_is_never_counted_and_ignores_publication_and_limits(app, client, bank, teacher):
    ids = _question_ids(app)
    _login(client, teacher["email"])
    quiz_id = _create(client, attempts_allowed="1")
    client.post(f"/teach/quizzes/{quiz_id}/pick?bank=1", data={"question_ids": [ids["q-tf"]]})
    for _ in range(2):
        start = client.post(f"/teach/quizzes/{quiz_id}/preview")
        attempt_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
        assert client.get(start.headers["Location"]).status_code == 200
        client.post(f"/attempt/{attempt_id}/q/1", data={"answer": "true", "nav": "finish"})
        client.post(f"/attempt/{attempt_id}/submit")
    with app.app_context():
        attempts = db.session.scalars(sa.select(Attempt)).all()
        assert len(attempts) == 2 and all(a.is_preview for a in attempts)
        slug = db.session.get(Quiz, quiz_id).slug
    assert "Landing check" not in client.get("/results").get_data(as_text=True)
    client.post(f"/teach/quizzes/{quiz_id}/publish")
    start = client.post(f"/quiz/{slug}/start")
    assert "/attempt/" in start.headers["Location"]
    with app.app_context():
        real = db.session.scalar(sa.select(Attempt).where(Attempt.is_preview.is_(False)))
        assert real.number == 3


def test_other_teachers_quizzes_do_not_exist_for_you(app, client, bank, teacher, other_teacher):
    _login(client, teacher["email"])
    quiz_id = _create(client)
    _login(client, other_teacher)
    assert "Landing check" not in client.get("/teach/quizzes").get_data(as_text=True)
    for url in (
        f"/teach/quizzes/{quiz_id}",
        f"/teach/quizzes/{quiz_id}/pick?bank=1",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/teach/quizzes/{quiz_id}",
        f"/teach/quizzes/{quiz_id}/pick?bank=1",
        f"/teach/quizzes/{quiz_id}/questions/1/move",
        f"/teach/quizzes/{quiz_id}/questions/1/remove",
        f"/teach/quizzes/{quiz_id}/rules",
        f"/teach/quizzes/{quiz_id}/rules/1/remove",
        f"/teach/quizzes/{quiz_id}/publish",
        f"/teach/quizzes/{quiz_id}/unpublish",
        f"/teach/quizzes/{quiz_id}/preview",
    ):
        assert client.post(url, data=SETTINGS).status_code == 404, url
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.title == "Landing check" and not quiz.is_published


def test_another_teachers_bank_cannot_be_drawn_from(app, client, bank, teacher, other_teacher):
    with app.app_context():
        owner_id = db.session.scalar(sa.select(User.id).where(User.email == other_teacher))
        private = QuestionBank(slug="private", name="Private bank", owner_id=owner_id)
        db.session.add(private)
        db.session.commit()
        private_id = private.id
    _login(client, teacher["email"])
    quiz_id = _create(client, selection="pool")
    response = client.post(
        f"/teach/quizzes/{quiz_id}/rules", data={"bank_id": private_id, "count": 1}
    )
    assert response.status_code == 400
    assert client.get(f"/teach/quizzes/{quiz_id}/pick?bank={private_id}").status_code == 404


def test_builder_pages_query_counts_stay_constant(app, client, bank, teacher):
    ids = _question_ids(app)
    _login(client, teacher["email"])

    def counts(quiz_id):
        result = []
        for url in (
            "/teach/quizzes",
            f"/teach/quizzes/{quiz_id}",
            f"/teach/quizzes/{quiz_id}/pick?bank=1",
        ):
            with count_queries(app) as statements:
                assert client.get(url).status_code == 200
            result.append(len(statements))
        return result

    fixed = _create(client)
    client.post(f"/teach/quizzes/{fixed}/pick?bank=1", data={"question_ids": [ids["q-tf"]]})
    drawn = _create(client, selection="pool")
    client.post(f"/teach/quizzes/{drawn}/rules", data={"bank_id": 1, "count": 1})
    before = (counts(fixed), counts(drawn))
    with app.app_context():
        for number in range(3):
            make_bank(slug=f"more-{number}")
    client.post(f"/teach/quizzes/{fixed}/pick?bank=1", data={"question_ids": list(ids.values())})
    for bank_id in (2, 3):
        client.post(f"/teach/quizzes/{drawn}/rules", data={"bank_id": bank_id, "count": 2})
    for _ in range(3):
        _create(client)
    assert (counts(fixed), counts(drawn)) == before


def test_a_graded_quiz_with_draw_rules_keeps_its_bank_keys_from_practice_reviews(
    app, client, bank, teacher
):
    from quizapp.models.base import utcnow
    from quizapp.quiz.visibility import withheld_questions

    ids = _question_ids(app)
    _login(client, teacher["email"])
    graded = _create(client, selection="pool", attempts_allowed="2", title="Graded")
    client.post(f"/teach/quizzes/{graded}/rules", data={"bank_id": 1, "count": 3})
    with app.app_context():
        assert withheld_questions(teacher["id"], list(ids.values()), utcnow()) == {}
    client.post(f"/teach/quizzes/{graded}/publish")
    with app.app_context():
        held = withheld_questions(teacher["id"], list(ids.values()), utcnow())
    assert set(held) == set(ids.values()) and set(held.values()) == {"Graded"}
    for _ in range(2):
        start = client.post(f"/teach/quizzes/{graded}/preview")
        attempt_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
        client.post(f"/attempt/{attempt_id}/submit")
    with app.app_context():
        held = withheld_questions(teacher["id"], list(ids.values()), utcnow())
    assert set(held) == set(ids.values()), "previews do not use up the graded attempts"


def test_a_fixed_quiz_asks_every_picked_question_even_two_citing_one_sentence(
    app, client, bank, teacher
):
    ids = _question_ids(app)
    with app.app_context():
        versions = {
            key: db.session.scalar(
                sa.select(QuestionVersion).where(QuestionVersion.question_id == ids[key])
            )
            for key in ("q-mcq", "q-tf")
        }
        versions["q-tf"].sources = versions["q-mcq"].sources
        db.session.commit()
    _login(client, teacher["email"])
    quiz_id = _create(client)
    client.post(
        f"/teach/quizzes/{quiz_id}/pick?bank=1", data={"question_ids": [ids["q-tf"], ids["q-mcq"]]}
    )
    client.post(f"/teach/quizzes/{quiz_id}/preview")
    with app.app_context():
        attempt = db.session.scalar(sa.select(Attempt))
        assert {r.version.question_id for r in attempt.responses} == {ids["q-tf"], ids["q-mcq"]}


def test_review_options_are_saved_per_part_and_shown_ticked(app, client, teacher):
    from quizapp.models import ReviewMoment

    _login(client, teacher["email"])
    quiz_id = _create(
        client,
        review_score=["1", "2", "4"],
        review_answers=["1", "2"],
        review_correct=["4"],
        closes_at="2030-06-01T12:00",
    )
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.review_score == ReviewMoment.ALWAYS
        assert quiz.review_answers == ReviewMoment.IMMEDIATELY | ReviewMoment.LATER_WHILE_OPEN
        assert quiz.review_correct == ReviewMoment.AFTER_CLOSE
        assert quiz.review_feedback == ReviewMoment.NONE
    page = client.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    ticked = re.findall(r'<input checked[^>]* id="(review_\w+-\d)"', page)
    assert ticked == [
        "review_score-0",
        "review_score-1",
        "review_score-2",
        "review_answers-0",
        "review_answers-1",
        "review_correct-2",
    ]
    response = client.post(f"/teach/quizzes/{quiz_id}", data={**SETTINGS, "review_score": "8"})
    assert "is not a valid choice" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).review_score == ReviewMoment.ALWAYS
