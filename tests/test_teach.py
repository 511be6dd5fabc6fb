"""The teacher's review of bank questions, each with its source highlighted."""

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Question
from tests.factories import make_bank


def _login(client, user):
    client.post("/auth/login", data={"email": user["email"], "password": user["password"]})


def test_teacher_reviews_every_question_with_its_source(app, client, teacher):
    with app.app_context():
        make_bank()
        questions = db.session.scalars(sa.select(Question).order_by(Question.id)).all()
        ids = [(q.id, q.versions[0].sources[0]["text"]) for q in questions]
    _login(client, teacher)
    banks = client.get("/teach/banks").get_data(as_text=True)
    assert "Test bank" in banks
    bank = client.get("/teach/banks/test-bank").get_data(as_text=True)
    assert "7 questions" in bank
    for question_id, sentence in ids:
        page = client.get(f"/teach/questions/{question_id}").get_data(as_text=True)
        assert f"<mark>{sentence}</mark>" in page
        assert "<cite>Test rover lands</cite>, Test Press" in page
        assert "Correct answer" in page


def test_students_cannot_open_the_teacher_pages(app, client, student):
    with app.app_context():
        make_bank()
    _login(client, student)
    for url in ("/teach/banks", "/teach/banks/test-bank", "/teach/questions/1"):
        assert client.get(url).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/teach/banks")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_every_shipped_question_shows_its_source_in_context(app, client, runner, teacher):
    from markupsafe import escape

    from quizapp.models import QuestionVersion

    result = runner.invoke(args=["seed", "load"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        rows = db.session.execute(
            sa.select(Question.id, QuestionVersion.sources).join(
                QuestionVersion, QuestionVersion.question_id == Question.id
            )
        ).all()
    assert len(rows) >= 25
    _login(client, teacher)
    for question_id, sources in rows:
        page = client.get(f"/teach/questions/{question_id}").get_data(as_text=True)
        for source in sources:
            assert f"<mark>{escape(source['text'])}</mark>" in page, question_id
        assert "<figcaption" in page and "<cite>" in page
