"""The attempt rules: resume, deadlines, attempt limits, submitting once."""

import random
import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptState, Response, User
from quizapp.models.base import utcnow
from quizapp.quiz.attempts import (
    AttemptClosed,
    NoAttemptsLeft,
    QuizUnavailable,
    close_if_expired,
    save_answer,
    start_attempt,
    submit_attempt,
)
from tests.factories import CORRECT_ANSWERS, make_bank, make_quiz


@pytest.fixture
def quiz_setup(app, student):
    with app.app_context():
        make_bank()
        quiz = make_quiz(attempts_allowed=2, time_limit_seconds=600)
        return {"quiz_id": quiz.id, "user_id": student["id"]}


def _start(ids, now=None):
    from quizapp.models import Quiz

    user = db.session.get(User, ids["user_id"])
    quiz = db.session.get(Quiz, ids["quiz_id"])
    return start_attempt(user.id, quiz, now=now, rng=random.Random(1))


def _answer_everything_correctly(attempt_id):
    responses = db.session.scalars(
        sa.select(Response).where(Response.attempt_id == attempt_id).order_by(Response.position)
    ).all()
    for response in responses:
        key = response.version.question.key
        save_answer(attempt_id, response.position, CORRECT_ANSWERS[key])


def test_starting_twice_resumes_the_same_attempt(app, quiz_setup):
    with app.app_context():
        first = _start(quiz_setup)
        second = _start(quiz_setup)
        assert not first.resumed
        assert second.resumed
        assert second.attempt.id == first.attempt.id
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 1


def test_attempt_pins_versions_and_asks_each_source_once(app, quiz_setup):
    with app.app_context():
        attempt = _start(quiz_setup).attempt
        versions = [r.version for r in attempt.responses]
        assert len(versions) == 7
        spans = {(v.article_id, v.sources[0]["start"]) for v in versions}
        assert len(spans) == len(versions)


def test_questions_sharing_a_source_sentence_are_never_asked_together(app, student):
    with app.app_context():
        bank = make_bank(types=("mcq", "truefalse"))
        # Make both questions cite the same sentence.
        mcq, tf = sorted(bank.questions, key=lambda q: q.key)
        tf.versions[0].sources = mcq.versions[0].sources
        db.session.commit()
        quiz = make_quiz(draw_count=2)
        user = db.session.get(User, student["id"])
        for seed in range(5):
            attempt = start_attempt(user.id, quiz, rng=random.Random(seed)).attempt
            assert len(attempt.responses) == 1
            submit_attempt(attempt.id)


def test_full_marks_for_correct_answers(app, quiz_setup):
    with app.app_context():
        attempt = _start(quiz_setup).attempt
        _answer_everything_correctly(attempt.id)
        assert submit_attempt(attempt.id)
        attempt = db.session.get(Attempt, attempt.id)
        assert attempt.state == AttemptState.SUBMITTED
        assert attempt.score == pytest.approx(1.0)


def test_second_submit_does_not_change_score(app, quiz_setup):
    with app.app_context():
        attempt_id = _start(quiz_setup).attempt.id
        save_answer(attempt_id, 1, None)
        assert submit_attempt(attempt_id) is True
        first_score = db.session.get(Attempt, attempt_id).score
        assert submit_attempt(attempt_id) is False
        with pytest.raises(AttemptClosed):
            save_answer(attempt_id, 1, 1)
        db.session.expire_all()
        assert db.session.get(Attempt, attempt_id).score == first_score


def test_parallel_submits_score_once(app, quiz_setup):
    with app.app_context():
        attempt_id = _start(quiz_setup).attempt.id
        _answer_everything_correctly(attempt_id)
    outcomes = []
    barrier = threading.Barrier(6)

    def submit():
        with app.app_context():
            barrier.wait()
            outcomes.append(submit_attempt(attempt_id))
            db.session.remove()

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [False] * 5 + [True]
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.score == pytest.approx(1.0)


def test_parallel_starts_open_one_attempt(app, quiz_setup):
    started = []
    barrier = threading.Barrier(6)

    def start():
        with app.app_context():
            barrier.wait()
            started.append(_start(quiz_setup).attempt.id)
            db.session.remove()

    threads = [threading.Thread(target=start) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(started)) == 1
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 1


def test_attempt_limit_holds(app, quiz_setup):
    with app.app_context():
        for _ in range(2):
            submit_attempt(_start(quiz_setup).attempt.id)
        with pytest.raises(NoAttemptsLeft):
            _start(quiz_setup)


def test_answers_after_the_deadline_are_not_counted(app, quiz_setup):
    with app.app_context():
        start = utcnow() - timedelta(minutes=30)
        attempt = _start(quiz_setup, now=start).attempt
        first = attempt.responses[0]
        save_answer(attempt.id, 1, CORRECT_ANSWERS[first.version.question.key], now=start)
        with pytest.raises(AttemptClosed):
            save_answer(attempt.id, 2, CORRECT_ANSWERS[attempt.responses[1].version.question.key])
        attempt = db.session.get(Attempt, attempt.id)
        assert attempt.state == AttemptState.TIMED_OUT
        assert attempt.submitted_at == attempt.deadline
        answered = [r for r in attempt.responses if r.answer is not None]
        assert [r.position for r in answered] == [1]
        assert attempt.score == pytest.approx(1 / 7)


def test_answer_within_the_grace_period_counts(app, quiz_setup):
    with app.app_context():
        start = utcnow() - timedelta(seconds=602)
        attempt = _start(quiz_setup, now=start).attempt
        key = attempt.responses[0].version.question.key
        save_answer(attempt.id, 1, CORRECT_ANSWERS[key])
        assert submit_attempt(attempt.id)
        attempt = db.session.get(Attempt, attempt.id)
        assert attempt.state == AttemptState.SUBMITTED
        assert attempt.score == pytest.approx(1 / 7)


def test_expired_attempt_is_closed_when_resumed(app, quiz_setup):
    with app.app_context():
        old = _start(quiz_setup, now=utcnow() - timedelta(hours=1)).attempt
        result = _start(quiz_setup)
        assert result.attempt.id != old.id
        assert db.session.get(Attempt, old.id).state == AttemptState.TIMED_OUT
        assert close_if_expired(db.session.get(Attempt, old.id))


def test_unpublished_and_closed_quizzes_cannot_be_started(app, quiz_setup):
    from quizapp.models import Quiz

    with app.app_context():
        quiz = db.session.get(Quiz, quiz_setup["quiz_id"])
        quiz.is_published = False
        db.session.commit()
        with pytest.raises(QuizUnavailable):
            _start(quiz_setup)
        quiz.is_published = True
        quiz.closes_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
        with pytest.raises(QuizUnavailable, match="closed"):
            _start(quiz_setup)


def test_database_refuses_a_second_open_attempt(app, quiz_setup):
    with app.app_context():
        attempt = _start(quiz_setup).attempt
        db.session.add(
            Attempt(
                user_id=attempt.user_id,
                quiz_id=attempt.quiz_id,
                number=attempt.number + 1,
                question_count=attempt.question_count,
            )
        )
        with pytest.raises(sa.exc.IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_editing_a_question_later_never_changes_a_past_attempt(app, quiz_setup):
    from quizapp.models import QuestionVersion

    with app.app_context():
        attempt = _start(quiz_setup).attempt
        _answer_everything_correctly(attempt.id)
        submit_attempt(attempt.id)
        shown = {r.position: (r.question_version_id, r.version.prompt) for r in attempt.responses}
        for response in attempt.responses:
            question = response.version.question
            question.versions.append(
                QuestionVersion(
                    number=2,
                    type=response.version.type,
                    prompt="Edited: " + response.version.prompt,
                    data=response.version.data,
                )
            )
            question.current_version = 2
        db.session.commit()
        db.session.expire_all()
        attempt = db.session.get(Attempt, attempt.id)
        assert {
            r.position: (r.question_version_id, r.version.prompt) for r in attempt.responses
        } == shown
        assert attempt.score == pytest.approx(1.0)
        # A new attempt asks the new versions.
        new = _start(quiz_setup).attempt
        assert all(r.version.prompt.startswith("Edited: ") for r in new.responses)


def test_an_answer_saved_while_a_submission_is_graded_is_graded_as_saved(
    app, quiz_setup, monkeypatch
):
    from quizapp.quiz import attempts

    with app.app_context():
        attempt_id = _start(quiz_setup).attempt_id
        first = db.session.scalars(
            sa.select(Response).where(Response.attempt_id == attempt_id, Response.position == 1)
        ).one()
        right = CORRECT_ANSWERS[first.version.question.key]
        save_answer(attempt_id, 1, None)
        grade_before_saving = attempts.grade_answers
        saved = []

        def grade_then_save_from_another_tab(graded_attempt_id):
            graded = grade_before_saving(graded_attempt_id)
            if not saved:
                saved.append(True)
                save_answer(graded_attempt_id, 1, right)
            return graded

        monkeypatch.setattr(attempts, "grade_answers", grade_then_save_from_another_tab)
        assert submit_attempt(attempt_id)
        db.session.expire_all()
        stored = db.session.scalars(
            sa.select(Response).where(Response.attempt_id == attempt_id, Response.position == 1)
        ).one()
        assert stored.answer == right
        assert stored.score == 1.0
