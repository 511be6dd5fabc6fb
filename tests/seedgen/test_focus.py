"""A cloze stem is focused on the clause that holds its blank: reporting tails and stale
weekdays go, and an asserted subordinate clause with its own subject becomes the stem."""

from dataclasses import replace

import pytest

from quizapp.seedgen.centrality import is_aside
from quizapp.seedgen.clauses import leading, shorten, subject_relative, whole_clause
from quizapp.seedgen.focus import (
    clause_holding_blank,
    focused,
    with_named_subject,
    without_reporting_tail,
    without_stale_time,
)
from quizapp.seedgen.gates import no_stale_time
from quizapp.seedgen.sentences import Sentence

from .test_generate_gates_select import number_cloze


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (
            "The rover drove ___ meters across the crater floor, mission managers said Tuesday.",
            "The rover drove ___ meters across the crater floor.",
        ),
        (
            "The bridge will carry ___ cars a day, the city council announced on Monday.",
            "The bridge will carry ___ cars a day.",
        ),
        ('"We saw ___ whales," the captain said.', '"We saw ___ whales," the captain said.'),
        ("Officials said ___ people were evacuated.", "Officials said ___ people were evacuated."),
    ],
)
def test_a_reporting_tail_is_not_part_of_the_claim(stem, expected):
    assert without_reporting_tail(stem) == expected


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (
            "The probe entered orbit around Mars on Sunday night, ending a trip of ___ months.",
            "The probe entered orbit around Mars, ending a trip of ___ months.",
        ),
        ("The dam released ___ liters last week.", "The dam released ___ liters."),
        # a weekday that belongs to a noun phrase or to another preposition stays
        ("Sensors worked during Thursday's storm of ___ hours.", None),
        ("The lake has risen ___ centimeters since Friday.", None),
        ("The ship left on Saturday, Feb. 3, carrying ___ tonnes.", None),
        # a season or year counted from the day of writing
        (
            "The first floods reached the valley last summer, when ___ rivers burst their banks.",
            "The first floods reached the valley, when ___ rivers burst their banks.",
        ),
        (
            "Rain has fallen in ___ towns since early last year, from the coast to the hills.",
            "Rain has fallen in ___ towns, from the coast to the hills.",
        ),
        (
            "Last month the lake reached a record of ___ meters.",
            "The lake reached a record of ___ meters.",
        ),
        ("The lake rose in 2010 and last year by ___ meters.", None),
        ("Last year's flood left ___ towns cut off.", None),
    ],
)
def test_a_stale_weekday_adjunct_is_dropped_from_the_clause(stem, expected):
    assert without_stale_time(stem) == (expected or stem)


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (
            "Residents were stunned when the glacier retreated ___ meters in a single summer.",
            "The glacier retreated ___ meters in a single summer.",
        ),
        (
            "A survey published in March found that the reef had lost ___ percent of its coral.",
            "The reef had lost ___ percent of its coral.",
        ),
        (
            "The vaccine was approved after the company's trial enrolled ___ volunteers, "
            "most of them over 60.",
            "The company's trial enrolled ___ volunteers.",
        ),
        # not asserted, a pronoun subject, or the blank outside the clause: no extraction
        ("Officials hoped that the bridge would reopen within ___ weeks.", None),
        ("The statue was moved because it weighed ___ tonnes.", None),
        ("Because the road was closed, drivers waited ___ hours at the border.", None),
        ("It was the first time that the river had flooded ___ villages.", None),
    ],
)
def test_an_asserted_clause_holding_the_blank_becomes_the_stem(stem, expected):
    assert clause_holding_blank(stem) == expected


def test_focus_drops_the_tail_before_extracting():
    stem = "Engineers found that the tunnel had sunk ___ centimeters, the agency said on Friday."
    assert focused(stem) == "The tunnel had sunk ___ centimeters."


def test_a_place_opening_a_clause_with_its_own_verb_is_no_leading_adverbial():
    assert not leading("In Kenya itself the rains failed again")
    assert leading("In 2019")
    assert leading("When it reached orbit")


def test_a_relative_word_without_a_verb_before_a_comma_is_not_a_whole_clause():
    assert not whole_clause("where the mayor")
    assert whole_clause("which maps the ices that cover it")
    assert whole_clause("where the river bends")


def test_a_cut_never_leaves_a_stem_opening_with_and():
    stem = (
        "In Kenya itself the rains failed for a third year in a row, and the government "
        "declared a national drought that left roughly ___ million people short of food "
        "and water for most of the dry season that followed."
    )
    assert not shorten(stem).startswith("And")


def test_a_trailing_participle_with_its_preposition_may_go():
    stem = (
        "The survey counted about ___ breeding pairs of albatross on the island this spring, "
        "roughly twice the number of a decade ago, based on photographs taken from a small "
        "aircraft that flew over the colony in three passes."
    )
    assert shorten(stem) == (
        "The survey counted about ___ breeding pairs of albatross on the island this spring, "
        "roughly twice the number of a decade ago."
    )


def test_the_subjects_own_relative_clause_goes_last():
    stem = (
        "The storm that struck the northern coast in late October destroyed ___ homes, "
        "flattening whole streets of wooden houses and leaving thousands of families "
        "without power, water or a roof for the rest of a cold and wet winter."
    )
    span = subject_relative(stem)
    assert span and stem[slice(*span)].strip() == "that struck the northern coast in late October"
    assert shorten(stem).startswith("The storm destroyed ___ homes")


def test_this_year_goes_stale():
    assert no_stale_time(number_cloze("Before this year only ___ wells were dug.", 3))


def test_backstory_outside_the_asked_clause_is_no_aside():
    text = (
        "The finding ends a debate that had been running since the dam burst on May 2, "
        "releasing about 40 million cubic meters of water."
    )
    source = Sentence(0, 0, 0, len(text), text, text)
    asked = number_cloze("The dam burst on May 2, releasing about ___ million cubic meters.", 40)
    assert not is_aside(replace(asked, sources=(source,)))
    whole = number_cloze(text.replace("40", "___"), 40)
    assert is_aside(replace(whole, sources=(source,)))


@pytest.mark.parametrize(
    ("stem", "previous", "expected"),
    [
        (  # the sentence before names the only thing "it" can stand for
            "It will circle the moon ___ times.",
            "The Orion probe reached lunar orbit in May.",
            "The Orion probe will circle the moon ___ times.",
        ),
        (  # after a leading adverbial without a name
            "Once there, it will circle the moon ___ times.",
            "Kestrel-2 was launched on a small rocket.",
            "Once there, Kestrel-2 will circle the moon ___ times.",
        ),
        (  # a second name in the sentence before: "it" could be either
            "It will circle the moon ___ times.",
            "The Orion probe reached Mars in May.",
            "It will circle the moon ___ times.",
        ),
        (  # the subject before names no thing
            "It will circle the moon ___ times.",
            "Rather than heading straight out, the spacecraft will swing past the moon.",
            "It will circle the moon ___ times.",
        ),
        (  # an "it" that stands for nothing
            "It is thought that ___ probes flew.",
            "The Orion probe reached lunar orbit in May.",
            "It is thought that ___ probes flew.",
        ),
    ],
)
def test_an_opening_it_is_named_from_the_sentence_before(stem, previous, expected):
    assert with_named_subject(stem, previous) == expected
