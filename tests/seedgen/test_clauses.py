"""Long cloze stems are cut to the clauses that hold the blank, without breaking them."""

import pytest

from quizapp.seedgen.clauses import MAX_STEM_WORDS, appositive, cut, parts, safe_cut, shorten

FACILITY = (
    "The experiment took place in the early hours of ___ at the National Ignition Facility, "
    "part of Lawrence Livermore National Laboratory in Livermore, California, where 192 laser "
    "beams fired 2.05 megajoules of energy at a tiny capsule of hydrogen fuel."
)
LAUNCH = (
    "The mission began on ___, when an LVM3 rocket lifted off from the Satish Dhawan Space "
    "Centre at Sriharikota, on India's southeast coast, carrying a propulsion module that "
    "brought the lander into orbit around the moon early in August."
)
LANDER = (
    "The Vikram lander, part of the Chandrayaan-3 mission of the Indian Space Research "
    "Organisation (ISRO), settled onto the surface at 6:04 p.m. India time, after a descent "
    "of roughly ___ minutes in which its engines slowed it from more than 6,000 kilometres "
    "an hour to a gentle walking pace."
)
COUNTRIES = (
    "Only the United States, the former Soviet Union and ___ had landed spacecraft gently on "
    "the moon before, and none of them had come down this far south, where the terrain is "
    "rough and the sun stays low on the horizon."
)
LEADING = (
    "To force hydrogen nuclei close enough to fuse, the fuel must reach temperatures of more "
    "than ___ million degrees Celsius, hotter than the center of the sun, and pressures "
    "billions of times greater than the air at sea level."
)


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (
            FACILITY,
            "The experiment took place in the early hours of ___ at the National Ignition "
            "Facility, part of Lawrence Livermore National Laboratory in Livermore, California.",
        ),
        (
            LAUNCH,
            "The mission began on ___, when an LVM3 rocket lifted off from the Satish Dhawan "
            "Space Centre at Sriharikota, on India's southeast coast.",
        ),
        (
            LANDER,
            "The Vikram lander settled onto the surface at 6:04 p.m. India time, after a "
            "descent of roughly ___ minutes in which its engines slowed it from more than "
            "6,000 kilometres an hour to a gentle walking pace.",
        ),
        (
            COUNTRIES,
            "Only the United States, the former Soviet Union and ___ had landed spacecraft "
            "gently on the moon before, and none of them had come down this far south.",
        ),
        (
            LEADING,
            "The fuel must reach temperatures of more than ___ million degrees Celsius, hotter "
            "than the center of the sun, and pressures billions of times greater than the air "
            "at sea level.",
        ),
    ],
)
def test_a_long_stem_keeps_the_clause_with_the_blank(stem, expected):
    assert len(stem.split()) > MAX_STEM_WORDS
    assert shorten(stem) == expected


def test_the_comma_that_opens_a_following_clause_stays():
    stem = FACILITY.replace("___", "Dec. 5").replace("192", "___")
    assert shorten(stem) == (
        "The experiment took place in the early hours of Dec. 5 at the National Ignition "
        "Facility, where ___ laser beams fired 2.05 megajoules of energy at a tiny capsule of "
        "hydrogen fuel."
    )


def test_a_short_stem_and_a_quotation_are_left_alone():
    short = "The rover carries ___ instruments, including a laser spectrometer."
    assert shorten(short) == short
    quoted = (
        '"We are witness to a new flight, and new history has been written today, for all of '
        'us," said the prime minister, who was in Johannesburg, where a summit of five nations '
        "was being held that week, when the lander touched down at ___ p.m."
    )
    assert '"We are witness' in shorten(quoted)


def test_a_leading_date_goes_whole_with_its_year():
    stem = (
        "On February 22, 2021, a unique video of the landing itself was published at the "
        "press conference for the landing of the probe, which had touched down three days "
        "before in the exact desired location, with the ___ thrown off."
    )
    assert shorten(stem) == (
        "A unique video of the landing itself was published at the press conference for the "
        "landing of the probe with the ___ thrown off."
    )


MERGER = (
    "According to the team's analysis, the signal came from two black holes, one about 36 "
    "times as massive as the sun and the other about 29 times, that spiraled into each other "
    "and merged roughly 1.3 billion years ago, forming a single black hole of about ___ solar "
    "masses."
)


def test_a_cut_keeps_the_main_clause_and_the_noun_a_relative_clause_hangs_on():
    short = shorten(MERGER)
    assert "the signal came from two black holes that spiraled" in short.lower()
    assert "analysis that" not in short
    assert len(short.split()) <= MAX_STEM_WORDS


def test_a_cut_that_would_leave_a_relative_clause_on_another_noun_is_unsafe():
    main = MERGER.index(", the signal")
    counted = MERGER.index(", one about")
    aside_end = MERGER.index(", that spiraled")
    assert not safe_cut(MERGER, main, counted)  # "the team's analysis that spiraled"
    assert safe_cut(MERGER, counted, aside_end)  # "two black holes that spiraled"
    assert safe_cut(MERGER, 0, main + 2)  # the leading "According to ..." may go


def test_an_irregular_past_verb_makes_a_clause_not_an_appositive():
    assert not appositive("the signal came from two black holes")
    assert appositive("the executive director of the LIGO Laboratory")


def test_a_comma_between_two_adjectives_is_not_a_break():
    text = "The crater sits in a long, narrow valley, which the lander photographed."
    assert [text[a:b] for a, b in parts(text)] == [
        "The crater sits in a long, narrow valley",
        "which the lander photographed.",
    ]
    lead = (
        "A NASA spacecraft the size of a baby grand piano flew past Pluto on Tuesday, giving "
        "scientists their first close look at the small, icy world at the edge of the solar "
        "system after a trip of more than nine years and about ___ billion kilometers."
    )
    assert "Tuesday icy world" not in shorten(lead)
    said = "The signal reached the team, scientists said on Friday."
    assert len(parts(said)) == 2  # a noun, then a clause of its own


@pytest.mark.parametrize(
    ("stem", "aside", "expected"),
    [
        (
            "A retired teacher from Boulder, Colorado, who had waited six years for a donor,"
            " left the clinic after ___ days.",
            ", who had waited six years for a donor,",
            "A retired teacher from Boulder, Colorado, left the clinic after ___ days.",
        ),
        (
            "The capsule that landed near Woomera on Dec. 6, 2020, a year after it left the"
            " asteroid, carried ___ grams of rock.",
            ", a year after it left the asteroid,",
            "The capsule that landed near Woomera on Dec. 6, 2020, carried ___ grams of rock.",
        ),
        (
            "The team, which met in a small lab, measured ___ pulses.",
            ", which met in a small lab,",
            "The team measured ___ pulses.",
        ),
    ],
)
def test_a_cut_keeps_the_comma_that_closes_a_place_or_a_date(stem, aside, expected):
    start = stem.index(aside)
    assert cut(stem, start, start + len(aside)) == expected


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (  # a second predicate of the same subject
            "The dam, named Kestrel, holds ___ cubic meters of water, the largest store in "
            "the valley, and was designed and built by a firm from the coast that had worked "
            "on the river for many years before the flood.",
            "The dam, named Kestrel, holds ___ cubic meters of water, the largest store in "
            "the valley.",
        ),
        (  # a second clause whose subject is "that ..."
            "Over the winter about ___ percent of the lake froze solid in the cold snap that "
            "hit the north, and that share has been shrinking by roughly one point a year "
            "since the first survey of the lake.",
            "Over the winter about ___ percent of the lake froze solid in the cold snap that "
            "hit the north.",
        ),
        (  # an appositive closed by a relative clause
            "Ada Marsh, a geologist at the state university who has spent two decades "
            "mapping caves under the hills, found ___ new caves in the spring at the quarry "
            "near the river.",
            "Ada Marsh found ___ new caves in the spring at the quarry near the river.",
        ),
    ],
)
def test_more_cuts_keep_a_long_stem_under_the_limit(stem, expected):
    assert shorten(stem, limit=20) == expected


def test_a_parenthesis_without_the_blank_may_go():
    stem = "The probe (launched from a pad in the desert) sent back ___ images of the moon."
    assert shorten(stem, limit=10) == "The probe sent back ___ images of the moon."


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (  # the comma that closes an appositive stays when the relative clause after it goes
            "Professor Ana Ruiz, the head of the Harbour Institute, who has studied tides on "
            "the northern coast of the island for many years and written two books on them, "
            "said the wall would stand for ___ years.",
            "Professor Ana Ruiz, the head of the Harbour Institute, said the wall would stand "
            "for ___ years.",
        ),
        (  # a comma inside a name ("AB,C/11") is no break, and the name's closing comma stays
            "The older drug, AB,C/11, which was made by a small company in the north of the "
            "country over a period of many years, was approved in ___ after a long trial in "
            "three countries of the region.",
            "The older drug, AB,C/11, was approved in ___ after a long trial in three "
            "countries of the region.",
        ),
        (  # a reporting clause opened by a name keeps its comma
            "The camp depended on the village of Lotu on the eastern side of the valley, whose "
            "people carried the supplies up the steep paths for the whole of the season, Ruiz "
            "said, adding that ___ guides had joined.",
            "The camp depended on the village of Lotu on the eastern side of the valley, Ruiz "
            "said, adding that ___ guides had joined.",
        ),
        (  # a list of examples goes whole, never its first item alone
            "The new probe carries ___ science instruments, including cameras, spectrometers "
            "that will map the rocks, a radar and a magnetometer, along with a radio "
            "experiment that will use the signal of the probe to study the interior of the "
            "moon.",
            "The new probe carries ___ science instruments, along with a radio experiment "
            "that will use the signal of the probe to study the interior of the moon.",
        ),
    ],
)
def test_a_cut_keeps_the_punctuation_that_closes_a_set_off_phrase(stem, expected):
    assert shorten(stem) == expected


def test_a_comma_inside_a_name_is_not_a_break():
    text = "The vaccine RTS,S/AS01 was approved."
    assert parts(text) == [(0, len(text))]


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (  # a scene-setting "with" phrase after a leading condition goes; the condition stays
            "In towns where the river floods every spring, with nearly all of the rain falling "
            "in a few short weeks of the year, ___ new walls cut the damage by half over the "
            "following decade, the council said, and a fifth wall kept the water out.",
            "In towns where the river floods every spring, ___ new walls cut the damage by "
            "half over the following decade, the council said.",
        ),
        (  # a trailing "with two ..." phrase and "about the size of ..." go
            "The ferry is the largest ship the yard has ever built for a route to the islands, "
            "carrying about ___ cars on each crossing, with two decks that stretch more than 90 "
            "meters from bow to stern once they are open, about the length of a football field.",
            "The ferry is the largest ship the yard has ever built for a route to the islands, "
            "carrying about ___ cars on each crossing.",
        ),
        (  # a closing noun phrase that sums up the clause before it goes
            "The sound reached the first station about ___ seconds before it reached the second "
            "one, a gap that helped the engineers confirm that it came from the north and gave "
            "them a rough idea of which valley it had travelled along.",
            "The sound reached the first station about ___ seconds before it reached the second "
            "one.",
        ),
        (  # a relative clause before a second clause of its own goes, with the comma kept
            "Cholera is caused by Vibrio bacteria, which are passed between people through "
            "water that sewage from the crowded towns along the coast has reached, and there "
            "were an estimated ___ million cases worldwide in 2022, most of them in the "
            "poorest regions.",
            "Cholera is caused by Vibrio bacteria, and there were an estimated ___ million "
            "cases worldwide in 2022, most of them in the poorest regions.",
        ),
        (  # a last clause with a plural subject of its own goes
            "The first bridge received the city's approval in ___ after a long trial in three "
            "districts of the city, but only a few of its parts can be made each year, and "
            "towns have asked for far more than the builders are able to supply.",
            "The first bridge received the city's approval in ___ after a long trial in three "
            "districts of the city, but only a few of its parts can be made each year.",
        ),
        (  # "and whose ..." goes on with the relative clause: the aside does not go alone
            "The bird is one of only ___ species of its family, the ancient group of birds that "
            "nest in burrows under the ground, which also includes a parrot of the far south, "
            "and whose ancestors split from all other birds around 60 million years ago.",
            "The bird is one of only ___ species of its family, the ancient group of birds that "
            "nest in burrows under the ground, which also includes a parrot of the far south.",
        ),
    ],
)
def test_more_cuts_leave_a_central_claim_under_the_limit(stem, expected):
    assert shorten(stem) == expected
