"""The committed review decides what ships, and every decision is counted per rule."""

import pytest

from quizapp.seedgen.pipeline import report, run_reviewed
from quizapp.seedgen.reviews import (
    Review,
    ReviewError,
    ReviewTally,
    apply_reviews,
    load_reviews,
    restored_ids,
)

QUESTION = {
    "id": "bank-1",
    "type": "short",
    "rule": "short.wh_test",
    "topic": "landing",
    "difficulty": "medium",
    "prompt": "In which crater did Perseverance land?",
    "explanation": "The article says so.",
    "answers": ["Jezero Crater"],
}


def bank_of(*questions):
    return {"article": {"id": "bank"}, "questions": list(questions)}


def test_rejected_questions_do_not_ship_and_edits_replace_fields():
    other = {**QUESTION, "id": "bank-2", "rule": "short.other"}
    reviews = {
        "bank-1": Review("edit", "accept the name alone", {"answers": ["Jezero Crater", "Jezero"]}),
        "bank-2": Review("reject", "trivia"),
    }
    tally = ReviewTally()
    shipped = apply_reviews(bank_of(QUESTION, other), reviews, tally)["questions"]
    assert [q["answers"] for q in shipped] == [["Jezero Crater", "Jezero"]]
    assert tally.outcomes == {("short.wh_test", "edited"): 1, ("short.other", "rejected"): 1}


def test_an_edit_that_breaks_the_question_is_refused():
    reviews = {"bank-1": Review("edit", "oops", {"answers": []})}
    with pytest.raises(ReviewError, match="not a usable question"):
        apply_reviews(bank_of(QUESTION), reviews, ReviewTally())


def test_an_edit_can_turn_a_typed_question_into_multiple_choice():
    change = {"type": "mcq", "options": ["Gale", "Jezero", "Gusev"], "answer": "Jezero"}
    shipped = apply_reviews(
        bank_of(QUESTION), {"bank-1": Review("edit", "no fair key", change)}, ReviewTally()
    )["questions"][0]
    assert shipped["type"] == "mcq" and "answers" not in shipped


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[q]\ndecision = "maybe"\n', "decision must be one of"),
        ('[q]\ndecision = "reject"\n', "needs a 'reason'"),
        ('[q]\ndecision = "edit"\nwhy = "x"\n', "must change something"),
        ('[q]\ndecision = "edit"\nwhy = "x"\nid = "other"\n', "cannot edit id"),
        ('[q]\ndecision = "keep"\nprompt = "x"\n', "only an edit"),
        ('[q]\ndecision = "reject"\nreason = "x"\nrestore = "y"\n', "only a keep or an edit"),
        ('[q]\ndecision = "keep"\nrestore = ""\n', "needs the reason"),
        ("[q\n", "reviews.toml"),
    ],
)
def test_malformed_review_files_are_refused_with_the_reason(tmp_path, toml, message):
    path = tmp_path / "reviews.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ReviewError, match=message):
        load_reviews(path)


def test_a_restore_is_read_with_its_decision_and_changes(tmp_path):
    path = tmp_path / "reviews.toml"
    path.write_text('[q]\ndecision = "edit"\nrestore = "sound"\nwhy = "w"\nprompt = "p"\n')
    review = load_reviews(path)["q"]
    assert review.restore == "sound" and review.changes == {"prompt": "p"}
    assert restored_ids({"q": review, "r": Review("keep")}) == {"q"}


def test_every_shipped_question_was_reviewed_and_no_decision_is_stale(seed_dir):
    results, tally = run_reviewed(seed_dir)
    assert tally.unreviewed == []
    assert tally.stale == []
    assert tally.needless_restores == [] and len(tally.restored) >= 1
    shipped = sum(len(bank["questions"]) for bank, _ in results.values())
    rejected = sum(n for (_, outcome), n in tally.outcomes.items() if outcome == "rejected")
    assert shipped >= 29 and rejected >= 1


def test_report_counts_review_decisions_per_rule(seed_dir):
    text = report(seed_dir)
    assert "== review (seed/reviews.toml), per rule:" in text
    assert "  mcq.wh_sent_back: 1, 0, 0, 0" in text
    assert "% kept as generated)" in text
    assert "set aside by the generator and restored by review: " in text
