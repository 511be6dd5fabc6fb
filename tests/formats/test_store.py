"""Writing a parsed set into a bank: every question with its own version, in chunks, keys kept."""

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.formats import ParsedQuestion, store
from quizapp.models import Question, QuestionVersion
from quizapp.question_banks import create_bank


def _question(n: int, key: str = "") -> ParsedQuestion:
    return ParsedQuestion(type="truefalse", prompt=f"Statement {n} is true.",
                          data={"answer": True}, key=key)  # fmt: skip


def test_a_set_larger_than_a_chunk_pairs_each_question_with_its_own_version(app, monkeypatch):
    monkeypatch.setattr(store, "INSERT_CHUNK", 3)
    with app.app_context():
        other = create_bank("Other", None, slug="other")
        store.import_questions(other, [_question(n, key=f"k{n}") for n in range(4)], None)
        bank = create_bank("Chunked", None, slug="chunked")
        store.import_questions(bank, [_question(0, key="k0")], None)
        # k0 is taken in this bank, k2 appears twice in the file: both get fresh keys.
        keys = ["k0", "k1", "k2", "k2", "", "k5", "k6"]
        added = store.import_questions(
            bank, [_question(n, key) for n, key in enumerate(keys)], None
        )
        db.session.commit()
        rows = db.session.execute(
            sa.select(Question.key, QuestionVersion.prompt, QuestionVersion.number)
            .join(QuestionVersion)
            .where(Question.bank_id == bank.id)
            .order_by(Question.id)
        ).all()
    assert added == len(keys)
    assert [prompt for _, prompt, _ in rows] == ["Statement 0 is true."] + [
        f"Statement {n} is true." for n in range(len(keys))
    ]
    assert {number for *_, number in rows} == {1}
    stored_keys = [key for key, *_ in rows]
    assert (
        stored_keys[0] == "k0"
        and stored_keys[2:4] == ["k1", "k2"]
        and stored_keys[6:] == ["k5", "k6"]
    )
    assert len(set(stored_keys)) == len(stored_keys)
    assert all(key.startswith("q-") for key in (stored_keys[1], stored_keys[4], stored_keys[5]))
