import datetime as dt

import pytest

from quizapp.seedgen import gates
from quizapp.seedgen.candidate import Candidate
from quizapp.seedgen.extract import Block, extract_blocks
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.generate import (
    mcq_date_cloze,
    mcq_entity_cloze,
    multi_same_kind,
    numeric_quantity,
    short_entity_cloze,
)
from quizapp.seedgen.matching import matching_people_roles, ordering_timeline
from quizapp.seedgen.select import near_duplicate, score, select
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.truefalse import truefalse_statements

MAST = (
    "The Navigation Cameras (Navcams), which are used for driving, share space on the mast "
    "with two science cameras: the zoomable Mastcam-Z and a laser instrument called SuperCam."
)
TILT = (
    "The spacecraft is healthy, according to officials, after landing on a flat, safe surface "
    "in Jezero Crater with just 1 degree of tilt and relatively small rocks nearby."
)
CRANE = (
    "The rover is shown in stunning detail just 6 1/2 feet (2 meters) off the ground, being "
    "lowered by cables attached to an overhead sky crane."
)


def facts_of(text, vocabulary, published=None):
    blocks = [Block(0, len(text), text)]
    return article_facts(text, split_sentences(text, blocks), vocabulary, published)


def test_entity_cloze_offers_same_kind_options(vocabulary):
    candidates = list(mcq_entity_cloze(facts_of(MAST, vocabulary), vocabulary))
    supercam = next(c for c in candidates if c.data["answer"] == "SuperCam")
    assert supercam.prompt.endswith("Which instrument fills the blank?")
    assert "called ___." in supercam.prompt
    assert 3 <= len(supercam.data["options"]) <= 5
    assert supercam.data["options"] == sorted(supercam.data["options"], key=str.lower)
    assert "Mastcam-Z" not in supercam.distractors  # it is in the stem


def test_short_answer_accepts_the_articles_own_spellings(vocabulary):
    candidates = list(short_entity_cloze(facts_of(MAST, vocabulary), vocabulary))
    navcams = next(c for c in candidates if "Navcams" in c.answers[0])
    assert navcams.data["answers"] == [
        "Navigation Cameras (Navcams)",
        "Navigation Cameras",
        "Navcams",
    ]


def test_numeric_hides_number_and_conversion_and_keeps_unit(vocabulary):
    (candidate,) = numeric_quantity(facts_of(CRANE, vocabulary), vocabulary)
    assert candidate.data == {"answer": 6.5, "tolerance": 0.25, "unit": "feet"}
    assert "just ___ feet off the ground" in candidate.prompt
    assert "meters" not in candidate.prompt


def test_date_cloze_distractors_are_nearby_dates(vocabulary):
    text = "The mast is scheduled to be raised Saturday, Feb. 20, after the charges fire."
    (candidate,) = mcq_date_cloze(facts_of(text, vocabulary), vocabulary)
    assert candidate.data["answer"] == "Feb. 20"
    assert candidate.data["options"] == ["Feb. 18", "Feb. 19", "Feb. 20", "Feb. 21"]


@pytest.mark.parametrize(
    ("sentence", "false"),
    [
        (
            "The telescope cost about $650 million to build, according to the European Space "
            "Agency.",
            "$1.3 billion",
        ),
        (
            "The lander came down about 12,500 meters from the target site, according to the "
            "mission team.",
            "25,000 meters",
        ),
        (
            "The rover drove three kilometers across the crater floor in March, according to NASA.",
            "five kilometers",
        ),
    ],
)
def test_a_swapped_amount_is_written_like_the_original(vocabulary, sentence, false):
    candidates = list(truefalse_statements(facts_of(sentence, vocabulary), vocabulary))
    swapped = [c.prompt for c in candidates if c.rule == "truefalse.swap_number"]
    assert swapped and all(false in prompt for prompt in swapped), swapped


def test_truefalse_swaps_a_same_kind_name(vocabulary):
    candidates = list(truefalse_statements(facts_of(TILT, vocabulary), vocabulary))
    assert {c.data["answer"] for c in candidates} == {True, False}
    swapped = next(c for c in candidates if c.rule == "truefalse.swap_entity")
    assert "Jezero Crater" not in swapped.prompt and swapped.prompt.endswith(".")
    # "just 1 degree of tilt" -> "just 3 degree of tilt" would not agree: not swapped
    assert not any(c.rule == "truefalse.swap_number" for c in candidates)


def test_multi_blanks_only_names_joined_as_a_list(vocabulary):
    (candidate,) = multi_same_kind(facts_of(MAST, vocabulary), vocabulary)
    assert candidate.data["answers"] == ["Mastcam-Z", "SuperCam"]
    assert "the zoomable ___ and a laser instrument called ___." in candidate.prompt
    assert "Navigation Cameras (Navcams)" in candidate.prompt  # a different role: not blanked
    assert set(candidate.data["answers"]) < set(candidate.data["options"])
    assert "HiRISE" not in candidate.data["options"]  # an orbiter's camera, not the rover's


def test_multi_skips_names_in_different_roles(vocabulary):
    text = "JPL leads the orbiter's mission, while the HiRISE instrument is led by Caltech."
    assert list(multi_same_kind(facts_of(text, vocabulary), vocabulary)) == []


def test_numeric_skips_a_count_whose_stem_lists_the_things_counted(vocabulary):
    assert list(numeric_quantity(facts_of(MAST, vocabulary), vocabulary)) == []


def test_a_count_of_things_listed_one_by_one_is_given_away():
    stem = "The club raced ___ boats from the pier, one at dawn, one at noon and one at dusk."
    assert gates.count_not_given_away(number_cloze(stem, 3))


def test_counts_of_cameras_and_wheels_are_instrument_facts(vocabulary):
    text = (
        "NASA equipped the spacecraft with a record 25 cameras and two microphones, many of "
        "which were turned on during Thursday's descent."
    )
    facts = facts_of(text, vocabulary)
    assert {c.kind for c in numeric_quantity(facts, vocabulary)} == {"instrument"}
    swaps = [c for c in truefalse_statements(facts, vocabulary) if c.rule.endswith("number")]
    assert swaps and {c.kind for c in swaps} == {"instrument"}


def test_swapped_names_play_the_same_role(vocabulary):
    text = (
        "JPL, a division of Caltech in Pasadena, California, manages the Mars 2020 Perseverance "
        "mission and the Ingenuity Mars Helicopter technology demonstration for NASA."
    )
    facts = facts_of(text, vocabulary)
    statements = [c.prompt for c in truefalse_statements(facts, vocabulary)]
    assert "JPL manages the Mars 2020 Perseverance mission" in statements[0]  # one claim
    managers = {s.split(" manages ")[0] for s in statements[1:]}
    assert managers == {"JPL", "The Los Alamos National Laboratory"}  # a laboratory for one
    hirise = (
        "The descent stage can be seen falling through the Martian atmosphere in an image "
        "taken by the HiRISE camera aboard the Mars Reconnaissance Orbiter, according to NASA."
    )
    swaps = [c for c in truefalse_statements(facts_of(hirise, vocabulary), vocabulary)]
    assert not any("Mastcam-Z camera aboard" in c.prompt for c in swaps)
    assert any("HiRISE camera aboard the Mars Odyssey." in c.prompt for c in swaps)


def test_no_trivial_true_statement_or_swap_of_the_subject(raw_articles, vocabulary):
    raw = raw_articles["first-images-and-video"]
    facts = article_facts(raw, split_sentences(raw, extract_blocks(raw)), vocabulary, None)
    prompts = [c.prompt for c in truefalse_statements(facts, vocabulary)]
    assert "One of the first color images was obtained by the Perseverance probe." not in prompts
    assert "MRO’s wheels differ from Curiosity’s wheels in several details." not in prompts


def test_matching_people_and_ordering_timeline(pipeline_run, raw_articles, vocabulary):
    raw = raw_articles["awestruck"]
    facts = article_facts(raw, split_sentences(raw, extract_blocks(raw)), vocabulary, None)
    (matching,) = matching_people_roles(facts, vocabulary)
    assert ["Adam Steltzner", "chief engineer"] in matching.data["pairs"]
    raw = raw_articles["perseverance-sneak-peek"]
    facts = article_facts(
        raw, split_sentences(raw, extract_blocks(raw)), vocabulary, dt.date(2021, 2, 19)
    )
    (ordering,) = ordering_timeline(facts, vocabulary)
    assert 3 <= len(ordering.data["items"]) <= 6


def candidate(**changes):
    values = {
        "type": "mcq",
        "rule": "mcq.entity_cloze",
        "prompt": "JPL leads the mission, while ___ leads HiRISE. Which organisation is it?",
        "data": {"options": ["Caltech", "NASA", "University of Arizona"], "answer": "NASA"},
        "explanation": "x",
        "sources": (),
        "stem": "JPL leads the mission, while ___ leads HiRISE.",
        "answers": ("University of Arizona",),
        "kind": "organisation",
        "distractors": ("Caltech", "NASA"),
    }
    values.update(changes)
    return Candidate(**values)


def short_cloze(stem, answer, kind):
    asked = f"{stem} Which {kind} fills the blank?"
    return Candidate(
        "short", "short.entity_cloze", asked, {"answers": [answer]}, "", (), stem, (answer,), kind
    )


def number_cloze(stem, answer, unit="things", tolerance=0):
    data = {"answer": answer, "tolerance": tolerance, "unit": unit}
    asked = f"{stem} What number fills the blank?"
    return Candidate(
        "numeric", "numeric.quantity", asked, data, "", (), stem, (str(answer),), "number"
    )


def test_gate_answer_given_away():
    assert gates.answer_given_away(candidate(stem="The University of Arizona leads ___."))
    assert gates.answer_given_away(candidate()) is None


@pytest.mark.parametrize(
    "stem",
    [
        "It was captured by the ___ orbital probe.",
        "This is the first image sent back by the ___.",
        "The image above was obtained by a camera on the ___.",
        "The ___ camera did the same for Curiosity in 2012.",
    ],
)
def test_gate_dangling_reference(stem):
    assert gates.dangling_reference(candidate(stem=stem))


@pytest.mark.parametrize(
    "stem",
    [
        "The orbiter circles about ___ kilometers above the surface of the moon.",
        "Temperatures at the site fell to ___ degrees below zero.",
        "The helicopter rose about ___ meters above its landing spot.",
    ],
)
def test_above_or_below_before_a_noun_phrase_is_a_preposition(stem):
    assert gates.dangling_reference(candidate(stem=stem)) is None


def test_above_or_below_without_a_noun_phrase_still_points_up_the_page():
    assert gates.dangling_reference(candidate(stem="The crater shown below is ___ meters wide."))


@pytest.mark.parametrize(
    "stem",
    [
        "Three months later it entered orbit around the moon at an altitude of ___ kilometers.",
        "In 2019, they published the first image of a black hole, in the galaxy ___.",
        "After the launch, it unfolded a sunshield the size of a ___ court.",
    ],
)
def test_a_subject_pronoun_after_a_leading_phrase_is_dangling(stem):
    assert gates.dangling_reference(candidate(stem=stem))


@pytest.mark.parametrize(
    "stem",
    [
        "The lander touched down in 2023, and it worked for ___ days.",
        "When it reached orbit, the probe sent back ___ images.",
        "NASA said it would take ___ years to build.",
    ],
)
def test_a_subject_pronoun_with_its_noun_in_the_stem_is_not_dangling(stem):
    assert gates.dangling_reference(candidate(stem=stem)) is None


def test_gate_distinct_options_and_all_or_none():
    assert gates.distractors_distinct(candidate(data={"options": ["NASA", "N.A.S.A."]}))
    assert gates.no_all_or_none(candidate(data={"options": ["NASA", "All of the above"]}))


def test_gate_distractor_form():
    assert gates.distractor_form(
        candidate(answers=("JPL",), distractors=("Arizona State University",))
    )
    similar = candidate(distractors=("Arizona State University", "Caltech"))
    assert gates.distractor_form(similar) is None


def test_gate_grammatical_prompt():
    assert gates.grammatical_prompt(candidate(prompt="Which camera fills the blank"))
    assert gates.grammatical_prompt(candidate(type="truefalse", prompt="Is it true?"))
    assert gates.grammatical_prompt(candidate(prompt='Unbalanced "quote?'))


def test_gate_numbers_keep_units():
    numeric = candidate(type="numeric", data={"answer": 25, "tolerance": 0, "unit": ""})
    assert gates.number_keeps_unit(numeric)


def test_gate_answer_supported():
    from quizapp.seedgen.sentences import Sentence

    source = Sentence(0, 0, 0, 10, "JPL leads.", "JPL leads.")
    assert gates.answer_supported(candidate(sources=(source,)))
    assert gates.answer_supported(candidate(sources=(source,), answers=("JPL",))) is None


def test_gate_distractor_not_true_and_answer_not_obvious():
    other = ["Caltech leads the mission while someone leads HiRISE."]
    assert gates.make_distractor_not_true(other)(candidate())
    sentences = ["NASA did a thing."] * 4
    assert gates.make_answer_not_obvious(sentences)(candidate(answers=("NASA",)))


def test_gate_answer_not_obvious_rejects_swapping_out_the_subject():
    sentences = ["The Perseverance rover did a thing."] * 4
    swap = candidate(
        type="truefalse",
        rule="truefalse.swap_entity",
        prompt="The Curiosity rover is lowered towards the surface of Mars.",
        data={"answer": False},
        stem="The Curiosity rover is lowered towards the surface of Mars.",
        answers=("Perseverance rover",),
    )
    assert gates.make_answer_not_obvious(sentences)(swap)


def test_ranking_prefers_instruments_and_drops_same_blank_twice():
    from quizapp.seedgen.sentences import Sentence

    source = Sentence(0, 0, 0, len(MAST), MAST, MAST)
    camera = candidate(sources=(source,), kind="camera", answers=("SuperCam",))
    organisation = candidate(sources=(source,), kind="organisation")
    assert score(camera) > score(organisation)
    short = candidate(sources=(source,), type="short", data={"answers": ["SuperCam"]})
    assert near_duplicate(camera, short)
    kept, _ = select([organisation, camera, short])
    assert kept[0] is camera and len(kept) == 1


def test_who_congratulated_is_trivia_whatever_stands_before_the_verb():
    stem = "___, the administrator of NASA, congratulated ISRO on the landing on the moon."
    assert gates.not_trivia(short_cloze(stem, "Bill Nelson", "person"))


@pytest.mark.parametrize(
    ("statement", "trivia"),
    [
        ("Bill Nelson congratulated ISRO on the landing and said his agency was glad.", True),
        ("Kim Budil warmly praised the team that built the laser facility.", True),
        ("JPL manages the Mars 2020 Perseverance mission for NASA.", False),
        ("NASA, ESA and CSA built the observatory together.", False),
    ],
)
def test_a_true_statement_about_who_congratulated_is_trivia(statement, trivia):
    candidate = Candidate(
        "truefalse", "truefalse.as_stated", statement, {"answer": True}, "", (), statement,
        (), "statement",
    )  # fmt: skip
    assert bool(gates.not_trivia(candidate)) is trivia


def test_a_nationality_before_a_craft_noun_is_not_a_name():
    from quizapp.seedgen.entities import find_mentions
    from quizapp.seedgen.vocabulary import Vocabulary

    mentions, _ = find_mentions(
        "An Indian lander touched down, days after the Luna rover crashed.", Vocabulary()
    )
    assert [m.text for m in mentions] == ["Luna"]


@pytest.mark.parametrize(
    ("stem", "answer"),
    [
        ("The rover carries a Laser-Induced Breakdown Spectroscope (___) and a camera.", "LIBS"),
        ("The observatory carries the Near Infrared Camera (___) and three more.", "NIRCam"),
        ("The ___ (ESA) built the launcher that carried the telescope to space.",
         "European Space Agency"),
    ],
)  # fmt: skip
def test_an_abbreviation_is_not_asked_beside_its_expansion(stem, answer):
    assert gates.acronym_not_spelled_out(short_cloze(stem, answer, "instrument"))


def test_an_abbreviation_whose_expansion_is_elsewhere_may_be_asked():
    stem = "The rover carries a laser spectrometer called ___ on its mast."
    assert gates.acronym_not_spelled_out(short_cloze(stem, "LIBS", "instrument")) is None


@pytest.mark.parametrize(
    "stem",
    [
        "The facility occupies a building the size of ___ football fields, completed in 2009.",
        "Casgevy treats sickle cell disease and transfusion-dependent beta thalassaemia, ___ "
        "inherited disorders of the blood.",
        "In a clinical trial, 28 of ___ people with sickle cell disease were free of pain.",
    ],
)
def test_a_number_that_is_not_a_fact_to_learn_is_not_asked(stem):
    assert gates.number_is_a_fact(number_cloze(stem, 3))


def test_a_measured_number_is_asked():
    stem = "The lasers fired ___ megajoules of energy at a tiny capsule of hydrogen fuel."
    candidate = number_cloze(stem, 2.05, unit="megajoules", tolerance=0.005)
    assert gates.number_is_a_fact(candidate) is None


def test_a_subject_vocabulary_names_its_own_kinds_in_questions(vocabulary):
    from quizapp.seedgen.entities import Mention
    from quizapp.seedgen.generate import blank_noun
    from quizapp.seedgen.vocabulary import Vocabulary

    stem = "The rover was lowered by ___ attached to the descent stage."
    cables = Mention("hardware", "cables", 27, 33)
    assert blank_noun(stem, cables, vocabulary) == "part of the landing system"
    assert blank_noun(stem, cables, Vocabulary()) == "part"


@pytest.mark.parametrize(
    ("stem", "answer"),
    [
        (
            "The waves were picked up on Sept. 14, 2015, by the ___ detectors of LIGO, which "
            "stand about 3,000 kilometers apart in Livingston, Louisiana, and Hanford, Washington.",
            2,
        ),
        (
            "Each LIGO detector is shaped like a letter L, with ___ arms 4 kilometers long, and a "
            "laser beam is split to travel down both arms, bounce off mirrors and return.",
            2,
        ),
        (
            "The signal came from ___ black holes, one about 36 times as massive as the sun and "
            "the other about 29 times, that spiraled into each other.",
            2,
        ),
        ("The team used ___ instruments, the Mastcam-Z, SuperCam and PIXL, to study rocks.", 3),
        ("The lander carries ___ cameras, a pair of them pointing down at the ground.", 2),
    ],
)
def test_a_count_the_stem_gives_away_is_not_asked(stem, answer):
    assert gates.count_not_given_away(number_cloze(stem, answer))


@pytest.mark.parametrize(
    ("stem", "answer"),
    [
        (
            "The waves were picked up on Sept. 14, 2015, by the two detectors of LIGO, which "
            "stand about ___ kilometers apart in Livingston, Louisiana, and Hanford, Washington.",
            3000,
        ),
        ("The rover carries ___ instruments, including Mastcam-Z and SuperCam.", 7),
        ("The mission was run by NASA and ESA, which built ___ satellites for it.", 4),
    ],
)
def test_a_count_the_stem_does_not_give_away_is_asked(stem, answer):
    assert gates.count_not_given_away(number_cloze(stem, answer)) is None


DETECTION = (
    "The waves were picked up on Sept. 14, 2015, by the two detectors of the Laser "
    "Interferometer Gravitational-Wave Observatory, known as LIGO, which stand about 3,000 "
    "kilometers apart in Livingston, Louisiana, and Hanford, Washington."
)


def test_a_sentence_s_own_claim_wins_its_places_over_a_side_clause_number(vocabulary):
    facts = facts_of(DETECTION, vocabulary, dt.date(2016, 2, 11))
    drafted = [
        *mcq_date_cloze(facts, vocabulary),
        *numeric_quantity(facts, vocabulary),
        *truefalse_statements(facts, vocabulary),
    ]
    assert {c.type for c in drafted} >= {"mcq", "numeric", "truefalse"}
    kept, _ = select(drafted)
    assert any(c.rule == "mcq.date_cloze" for c in kept)
    assert not any(c.type == "numeric" and c.data["answer"] == 3000 for c in kept)


@pytest.mark.parametrize(
    "prompt",
    [
        "The orchard flowered early last spring, when ___ hives were set out.",
        "The herd crossed the river this summer with ___ calves.",
        "Earlier this year ___ wells ran dry.",
    ],
)
def test_a_season_or_year_counted_from_the_day_of_writing_is_stale(prompt):
    assert gates.no_stale_time(number_cloze(prompt, 5))


@pytest.mark.parametrize(
    ("stem", "answer", "gated"),
    [
        ("The farm grows apples of ___ kinds, Gala, Fuji and Braeburn.", 3, True),
        ("The route crosses ___ rivers, the Ouse, the Aire and the Wharfe.", 3, True),
        ("The farm grows apples of ___ kinds, Gala, Fuji and Braeburn.", 4, False),
        ("The farm sold ___ tonnes, more than in any season before.", 2, False),
    ],
)
def test_a_count_is_given_away_by_the_list_after_it(stem, answer, gated):
    assert bool(gates.count_not_given_away(number_cloze(stem, answer))) is gated


@pytest.mark.parametrize(
    ("stem", "gated"),
    [
        ("In 2021 the company said its mill had cut waste by ___ percent.", True),
        ("Most of the gain came from ___ new wells drilled near the coast.", True),
        ("The agency counted ___ storks along the river.", True),
        ("Acme Robotics said the company had built ___ arms.", False),
        ("NASA engineers at the agency's main centre tested ___ engines.", False),
        ("Most of the water on the island comes from ___ springs.", False),
        ("The team counted ___ storks along the river.", False),
        # a name of another kind, or one "the" makes a thing, introduces no company
        ("The flight needed all of the Delta Star's power, so the company kept ___ tanks.", True),
        ("The Orion Telescope saw it first, and the agency named ___ moons.", True),
        ("Engineers at the Coastal Research Laboratory said the laboratory ran ___ tests.", False),
        ("The University of Lund said the university hired ___ guides.", False),
    ],
)
def test_an_organisation_or_a_part_the_stem_does_not_introduce_is_gated(stem, gated):
    assert bool(gates.introduced_reference(number_cloze(stem, 5))) is gated


def test_a_side_part_that_names_nothing_but_the_agency_is_cut():
    from quizapp.seedgen.clauses import without_unintroduced_part

    stem = "Floods closed ___ roads across the north, according to the agency."
    assert without_unintroduced_part(stem) == "Floods closed ___ roads across the north."


@pytest.mark.parametrize(
    ("stem", "gated"),
    [
        ("In dry regions the yield was somewhat lower, at ___ percent.", True),
        ("The river ran higher than before, at ___ meters.", True),
        ("The tower is taller and stronger, standing ___ meters high.", True),
        ("The plume rose higher than Mount Everest, to ___ kilometers.", False),
        ("The rocket is ___ times stronger than the first one.", False),
        ("Samples from the lower slopes held ___ spores.", False),
        ("The team counted ___ storks along the river.", False),
    ],
)
def test_a_comparison_whose_standard_is_not_in_the_stem_is_gated(stem, gated):
    assert bool(gates.comparison_has_reference(number_cloze(stem, 5))) is gated
