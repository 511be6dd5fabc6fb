"""Which ranked drafts a bank keeps: side figures, the bank's size and sentences whose
two drafts hold each other's answers (``banksize.py``)."""

from quizapp.seedgen.banksize import (
    BEYOND_SIZE,
    MIN_BANK,
    SIBLING,
    SIDE_FIGURE,
    bank_cap,
    trim,
)
from quizapp.seedgen.candidate import Candidate
from quizapp.seedgen.centrality import Centrality, asked_in_side_clause, asked_in_subject
from quizapp.seedgen.sentences import Sentence
from quizapp.seedgen.stems import BLANK


def sentence(text, start):
    return Sentence(index=start, block=0, start=start, end=start + len(text), text=text, clean=text)


def number_draft(text, answer, start=0, stem=None):
    """A numeric cloze of ``text`` blanking ``answer`` (the first time it is written)."""
    return Candidate(
        type="numeric",
        rule="numeric.quantity",
        prompt=(stem or text.replace(answer, BLANK, 1)) + " What number fills the blank?",
        data={"answer": answer, "unit": "units"},
        explanation="",
        sources=(sentence(text, start),),
        stem=stem or text.replace(answer, BLANK, 1),
        answers=(answer,),
        kind="number",
    )


def test_a_number_of_a_relative_clause_is_read_in_the_whole_sentence():
    text = "The bridge, which engineers finished in 40 days, carries 12 lanes of traffic."
    finished = number_draft(text, "40")
    assert asked_in_side_clause(finished)
    assert not asked_in_side_clause(number_draft(text, "12"))
    # the stem was cut to the clause; the sentence still shows where the number stood
    cut = number_draft(text, "40", stem=f"Engineers finished the bridge in {BLANK} days.")
    assert asked_in_side_clause(cut)


def test_a_count_before_the_main_verb_is_in_the_subject():
    text = "The four old towers stood on a ridge 300 meters above the town."
    assert asked_in_subject(number_draft(text, "four"))
    assert not asked_in_subject(number_draft(text, "300"))
    second = "The dam measures 90 meters across and is made of 14 concrete blocks."
    assert not asked_in_subject(number_draft(second, "90"))


PEAK = "The ferry carried 240 passengers and sailed at 30 knots."


def test_a_sentence_off_the_story_keeps_the_draft_of_its_claim():
    side = "The four old towers stood on a ridge 300 meters above the town."
    towers, ridge = number_draft(side, "four", 100), number_draft(side, "300", 100)
    centrality = Centrality({100: 0.5}, frozenset(), 1000)
    kept, dropped = trim([towers, ridge], centrality)
    assert kept == [ridge]
    assert dropped == [(SIBLING, towers)]


def test_a_central_sentence_keeps_both_drafts_that_hold_each_others_answers():
    passengers, knots = number_draft(PEAK, "240"), number_draft(PEAK, "30")
    kept, dropped = trim([passengers, knots], Centrality({0: 1.5}, frozenset(), 1000))
    assert kept == [passengers, knots] and not dropped


def test_an_aside_gives_way_to_its_sibling_even_in_a_central_sentence():
    passengers, knots = number_draft(PEAK, "240"), number_draft(PEAK, "30")
    centrality = Centrality({0: 1.5}, frozenset(), 1000)
    kept, dropped = trim([passengers, knots], centrality, {id(knots)})
    assert kept == [passengers]
    assert dropped == [(SIBLING, knots)]


def main_drafts(count):
    """``count`` drafts from central sentences of their own."""
    return [
        number_draft(f"Crew {n} unloaded {n + 10} crates at the harbor.", f"{n + 10}", 1000 * n)
        for n in range(1, count + 1)
    ]


def test_side_figures_give_way_once_the_bank_has_enough_main_drafts():
    main = main_drafts(MIN_BANK)
    side = number_draft("A gull circled the mast 3 times.", "3", 50)
    scores = {c.source_start: 1.2 for c in main} | {50: 0.1}
    kept, dropped = trim([*main, side], Centrality(scores, frozenset(), 10_000))
    assert kept == main
    assert dropped == [(SIDE_FIGURE, side)]


def test_side_figures_fill_a_bank_that_would_be_too_small():
    main = main_drafts(2)
    side = number_draft("A gull circled the mast 3 times.", "3", 50)
    scores = {c.source_start: 1.2 for c in main} | {50: 0.1}
    kept, dropped = trim([*main, side], Centrality(scores, frozenset(), 10_000))
    assert kept == [*main, side] and not dropped


def test_a_bank_keeps_at_most_its_cap_with_the_best_ranked_first():
    words = 10
    cap = bank_cap(words)
    main = main_drafts(cap + 2)
    scores = {c.source_start: 1.2 for c in main}
    kept, dropped = trim(main, Centrality(scores, frozenset(), words))
    assert kept == main[:cap]
    assert dropped == [(BEYOND_SIZE, c) for c in main[cap:]]
    assert bank_cap(100 * words) > cap
