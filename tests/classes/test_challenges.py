"""Students challenge questions; teachers reject with a reply or fix and regrade."""

import re
from dataclasses import replace

import pytest
import sqlalchemy as sa

from quizapp.authoring import content_of, save_version
from quizapp.classes import regrade
from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    AuditEvent,
    Challenge,
    ChallengeStatus,
    Question,
    QuestionBank,
    QuestionVersion,
    Regrade,
    RegradeChange,
    Response,
)
from tests.classes.helpers import login, take
from tests.factories import make_bank, make_quiz


@pytest.fixture
def taken(app, client, teacher, make_student):
    """The teacher's bank and quiz; Ann and Bob answered the mcq with Hazcam, Cat with Mastcam-Z."""
    with app.app_context():
        bank = make_bank()
        bank = db.session.get(QuestionBank, bank.id)
        bank.owner_id = teacher["id"]
        db.session.commit()
        quiz_id = make_quiz(owner_id=teacher["id"]).id
        mcq_id = db.session.scalar(sa.select(Question.id).where(Question.key == "q-mcq"))
    students = {}
    for name, pick in (("ann", 0), ("bob", 0), ("cat", 1)):
        user_id, email = make_student(name)
        attempt_id = take(app, user_id, quiz_id, {"q-mcq": pick, "q-tf": True})
        students[name] = {"id": user_id, "email": email, "attempt": attempt_id}
    return {"quiz": quiz_id, "mcq": mcq_id, **students}


def _position(app, attempt_id, question_id):
    with app.app_context():
        return db.session.scalar(
            sa.select(Response.position)
            .join(Response.version)
            .where(Response.attempt_id == attempt_id)
            .where(sa.text("question_version.question_id = :q").bindparams(q=question_id))
        )


def _challenge(client, app, student, question_id, reason="key_wrong", comment="Hazcam zooms too"):
    position = _position(app, student["attempt"], question_id)
    login(client, student["email"])
    return client.post(
        f"/attempt/{student['attempt']}/q/{position}/challenge",
        data={f"challenge{position}-reason": reason, f"challenge{position}-comment": comment},
        follow_redirects=True,
    )


def _attempt_score(app, attempt_id):
    with app.app_context():
        return db.session.get(Attempt, attempt_id).score


def test_student_challenges_a_question_once(app, client, taken):
    login(client, taken["ann"]["email"])
    page = client.get(f"/attempt/{taken['ann']['attempt']}/results").get_data(as_text=True)
    assert "Challenge this question" in page
    response = _challenge(client, app, taken["ann"], taken["mcq"])
    assert "Your challenge was sent to your teacher." in response.get_data(as_text=True)
    again = _challenge(client, app, taken["ann"], taken["mcq"])
    assert "You have already challenged this question." in again.get_data(as_text=True)
    with app.app_context():
        challenge = db.session.scalar(sa.select(Challenge))
        assert challenge.status == ChallengeStatus.OPEN
        assert challenge.version.number == 1
        assert challenge.version.sources[0]["text"].startswith("Mastcam-Z is a zoomable")
        assert db.session.scalar(sa.select(sa.func.count(Challenge.id))) == 1


def test_a_challenge_needs_a_reason_and_a_comment(app, client, taken):
    response = _challenge(client, app, taken["ann"], taken["mcq"], reason="bogus", comment=" ")
    assert "Say what is wrong" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Challenge.id))) == 0


def test_nobody_challenges_someone_elses_attempt(app, client, taken):
    position = _position(app, taken["ann"]["attempt"], taken["mcq"])
    login(client, taken["bob"]["email"])
    url = f"/attempt/{taken['ann']['attempt']}/q/{position}/challenge"
    data = {f"challenge{position}-reason": "unclear", f"challenge{position}-comment": "x"}
    assert client.post(url, data=data).status_code == 404
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Challenge.id))) == 0


def test_teacher_rejects_with_a_reply_the_student_sees(app, client, teacher, taken):
    _challenge(client, app, taken["ann"], taken["mcq"], reason="unclear")
    login(client, teacher["email"])
    listing = client.get("/teach/challenges").get_data(as_text=True)
    challenge_id = int(re.search(r"/teach/challenges/(\d+)", listing).group(1))
    detail = client.get(f"/teach/challenges/{challenge_id}").get_data(as_text=True)
    assert "Hazcam zooms too" in detail
    assert "<mark>Mastcam-Z is a zoomable camera on the mast.</mark>" in detail
    refused = client.post(f"/teach/challenges/{challenge_id}", data={"reject": "Reject"})
    assert refused.status_code == 422
    client.post(
        f"/teach/challenges/{challenge_id}",
        data={"reject": "Reject", "reply": "Only Mastcam-Z can zoom; see the sentence."},
    )
    login(client, taken["ann"]["email"])
    page = client.get(f"/attempt/{taken['ann']['attempt']}/results").get_data(as_text=True)
    assert "Only Mastcam-Z can zoom; see the sentence." in page
    assert "(rejected)" in page


def test_accept_fix_preview_and_regrade(app, client, teacher, taken):
    _challenge(client, app, taken["ann"], taken["mcq"])
    before = {name: _attempt_score(app, taken[name]["attempt"]) for name in ("ann", "bob", "cat")}
    login(client, teacher["email"])
    with app.app_context():
        challenge_id = db.session.scalar(sa.select(Challenge.id))
    accepted = client.post(
        f"/teach/challenges/{challenge_id}", data={"accept": "Accept", "reply": "You are right."}
    )
    editor = f"/teach/questions/{taken['mcq']}/edit?then=regrade"
    assert accepted.headers["Location"].endswith(editor)
    fix = client.get(editor).get_data(as_text=True)
    assert "Mastcam-Z" in fix and "which attempts a regrade would change" in fix
    fields = {
        "prompt": "Which camera on the mast can zoom?",
        "topic": "instruments",
        "difficulty": "easy",
        "options-0": "Hazcam",
        "options-1": "Mastcam-Z",
        "options-2": "Navcam",
        "base_version": "1",
        "change_note": "Key",
        "save": "Save new version",
    }
    bad = client.post(editor, data={**fields, "options-2": "hazcam ", "correct": "0"})
    assert bad.status_code == 200 and "appears more than once" in bad.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, taken["mcq"]).current_version == 1
    saved = client.post(editor, data={**fields, "correct": "0"})
    assert saved.headers["Location"].endswith(f"/teach/questions/{taken['mcq']}/regrade/1")
    preview = client.get(f"/teach/questions/{taken['mcq']}/regrade/1").get_data(as_text=True)
    assert "Answers whose score would change: 3" in preview
    assert "+14 points" in preview and "-14 points" in preview
    # The preview changed nothing.
    assert _attempt_score(app, taken["ann"]["attempt"]) == before["ann"]
    client.post(f"/teach/questions/{taken['mcq']}/regrade/1", data={"note": "key fixed"})
    after = {name: _attempt_score(app, taken[name]["attempt"]) for name in ("ann", "bob", "cat")}
    assert after["ann"] == pytest.approx(before["ann"] + 1 / 7)
    assert after["bob"] == pytest.approx(before["bob"] + 1 / 7)
    assert after["cat"] == pytest.approx(before["cat"] - 1 / 7)
    with app.app_context():
        regrade = db.session.scalar(sa.select(Regrade))
        assert (regrade.from_version, regrade.to_version) == (1, 2)
        assert db.session.scalar(sa.select(sa.func.count(RegradeChange.id))) == 3
        actions = set(db.session.scalars(sa.select(AuditEvent.action)))
        assert {"challenge.accepted", "question.edited", "question.regraded"} <= actions
    # Confirming again changes nothing and records nothing.
    again = client.post(f"/teach/questions/{taken['mcq']}/regrade/1", follow_redirects=True)
    assert "nothing to regrade" in again.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Regrade.id))) == 1
    login(client, taken["ann"]["email"])
    page = client.get(f"/attempt/{taken['ann']['attempt']}/results").get_data(as_text=True)
    assert "Regraded." in page and "Corrected answer: Hazcam" in page
    assert "You are right." in page


def test_a_regrade_grades_a_restated_answer_as_the_attempt_did(app, teacher, make_student):
    """The student restated the prompt they were shown; a regrade reads that prompt too."""
    with app.app_context():
        make_bank()
        quiz_id = make_quiz().id
        short_id = db.session.scalar(sa.select(Question.id).where(Question.key == "q-short"))
    user_id, _ = make_student("ann")
    attempt_id = take(app, user_id, quiz_id, {"q-short": "the rover landed in Jezero Crater"})
    with app.app_context():
        score = db.session.scalar(
            sa.select(Response.score)
            .join(Response.version)
            .where(Response.attempt_id == attempt_id, QuestionVersion.question_id == short_id)
        )
        assert score == 1.0
        first = db.session.scalar(
            sa.select(QuestionVersion).where(QuestionVersion.question_id == short_id)
        )
        reworded = replace(content_of(first), prompt="Where did Perseverance touch down?")
        save_version(short_id, 1, reworded, teacher["id"], "Name the rover")
        assert regrade.preview(short_id, 1) == []


def test_challenges_are_private_to_their_teacher(app, client, taken, other_teacher):
    _challenge(client, app, taken["ann"], taken["mcq"])
    with app.app_context():
        challenge_id = db.session.scalar(sa.select(Challenge.id))
    login(client, other_teacher["email"])
    assert "Hazcam zooms too" not in client.get("/teach/challenges").get_data(as_text=True)
    for method, url in (
        ("GET", f"/teach/challenges/{challenge_id}"),
        ("POST", f"/teach/challenges/{challenge_id}"),
        ("GET", f"/teach/questions/{taken['mcq']}/edit?then=regrade"),
        ("POST", f"/teach/questions/{taken['mcq']}/edit?then=regrade"),
        ("GET", f"/teach/questions/{taken['mcq']}/regrade/1"),
    ):
        assert client.open(url, method=method).status_code == 404, url


def test_the_challenge_page_shows_the_question_and_refuses_an_empty_reason(app, client, taken):
    position = _position(app, taken["ann"]["attempt"], taken["mcq"])
    login(client, taken["ann"]["email"])
    url = f"/attempt/{taken['ann']['attempt']}/q/{position}/challenge"
    results = client.get(f"/attempt/{taken['ann']['attempt']}/results").get_data(as_text=True)
    assert f'href="{url}"' in results
    page = client.get(url)
    assert page.status_code == 200
    assert "Which camera on the mast can zoom?" in page.get_data(as_text=True)
    empty = client.post(url, data={f"challenge{position}-comment": "  "})
    assert empty.status_code == 422
    assert "Choose what is wrong." in empty.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Challenge.id))) == 0
