"""Per-answer feedback and weights from an imported file reach the student's review."""

import re

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Attempt, QuestionBank
from quizapp.questiontypes.feedback import feedback_for
from tests.factories import make_quiz

GIFT = """::Moon::The rover landed on the Moon.{FALSE#No: on Mars.#Right, on Mars.}

::Minutes::How many minutes did the landing take? {#
  =7:0#Seven minutes of terror.
  =%50%7:1#Close enough: half marks.
}

::Helicopter::What is the name of the Mars helicopter? {
  =Ingenuity#Exactly.
  =%50%the helicopter#Half marks: name it.
}
"""


def test_feedback_for_each_type():
    mcq = {"options": ["a", "b"], "answer": "a", "feedback": ["yes", "no"]}
    assert feedback_for("mcq", mcq, 1) == ["no"]
    multi = {"options": ["a", "b", "c"], "answers": ["a", "b"], "feedback": ["A", "", "C"]}
    assert feedback_for("multi", multi, [2, 0, 1]) == ["A", "C"]
    assert feedback_for("truefalse", {"answer": True, "feedback": ["t", "f"]}, False) == ["f"]
    short = {"answers": ["Ingenuity", "helicopter"], "feedback": ["yes", "half"]}
    assert feedback_for("short", short, "the Helicopter") == ["half"]
    numeric = {"answer": 7, "tolerance": 0, "unit": "", "feedback": "exact",
               "alternatives": [{"answer": 7, "tolerance": 1, "fraction": 0.5,
                                 "feedback": "close"}]}  # fmt: skip
    assert feedback_for("numeric", numeric, 7.0) == ["exact"]
    assert feedback_for("numeric", numeric, 6.5) == ["close"]
    assert feedback_for("numeric", numeric, 3.0) == []
    assert feedback_for("mcq", {"options": ["a", "b"], "answer": "a"}, 0) == []
    assert feedback_for("mcq", mcq, "junk") == []


def test_feedback_follows_the_variant_a_restated_answer_was_graded_by():
    short = {"answers": ["Ingenuity", "helicopter"], "feedback": ["yes", "half"]}
    prompt = "Which aircraft flew on Mars?"
    assert feedback_for("short", short, "the helicopter flew on Mars", prompt=prompt) == ["half"]
    assert feedback_for("short", short, "a drone flew on Mars", prompt=prompt) == []


def test_student_review_shows_the_files_feedback_and_partial_marks(
    app, runner, client, auth, student, tmp_path
):
    path = tmp_path / "mars.gift"
    path.write_text(GIFT, encoding="utf-8")
    assert runner.invoke(args=["questions", "import", str(path), "--bank", "mars"]).exit_code == 0
    with app.app_context():
        bank = db.session.scalar(sa.select(QuestionBank).where(QuestionBank.slug == "mars"))
        quiz = make_quiz(slug="mars", topic="general", title="Mars", draw_count=3)
        quiz.banks.append(bank)
        db.session.commit()
    auth.login(student["email"])
    start = client.post("/quiz/mars/start")
    attempt_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
    answers = {"Moon": "true", "Minutes": "7.8", "Helicopter": "The helicopter"}
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        positions = {r.version.title: r.position for r in attempt.responses}
    for title, value in answers.items():
        client.post(f"/attempt/{attempt_id}/q/{positions[title]}",
                    data={"answer": value, "nav": "stay"})  # fmt: skip
    page = client.post(f"/attempt/{attempt_id}/submit", follow_redirects=True)
    text = page.get_data(as_text=True)
    assert "No: on Mars." in text
    assert "Close enough: half marks." in text
    assert "Half marks: name it." in text
    assert "Score: 33%" in text
