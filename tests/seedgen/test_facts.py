import datetime as dt

from quizapp.seedgen.entities import abbreviation_pairs, find_mentions
from quizapp.seedgen.extract import extract_blocks
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.quantities import find_dates, find_quantities
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.vocabulary import Vocabulary


def quantities(text):
    return [(q.value, q.unit) for q in find_quantities(text)]


def test_counts_and_measures():
    text = "NASA equipped the spacecraft with a record 25 cameras and two microphones."
    assert quantities(text) == [(25, "cameras"), (2, "microphones")]
    assert quantities("with just 1 degree of tilt") == [(1, "degree")]
    assert quantities("less than 24 hours after") == [(24, "hours")]
    assert quantities("The 360-degree image") == [(360, "degree")]


def test_fraction_and_conversion_are_kept():
    text = "just 6 1/2 feet (2 meters) off the ground"
    (quantity,) = find_quantities(text)
    assert (quantity.value, quantity.unit, quantity.precision) == (6.5, "feet", 0.5)
    assert text[quantity.start : quantity.conversion_end] == "6 1/2 feet (2 meters)"


def test_ordinals_dates_designations_and_codes_are_not_quantities():
    for text in (
        "landed on Feb. 18, 2021 and the first drive",
        "photos of Apollo 11's Buzz Aldrin and Saturn as seen by Voyager 1 today",
        "news release 2021-035 on the 18th",
        "one of the six-wheeled rover's wheels",
        "at least one or two months until",
        "did the same for Curiosity in 2012.",
    ):
        assert quantities(text) == [], text


def test_dates():
    (date,) = find_dates("which landed on Feb. 18, 2021.")
    assert (date.month, date.day, date.year) == (2, 18, 2021)
    assert date.shifted(1) == "Feb. 19, 2021"


def test_named_things_with_kinds(vocabulary):
    text = (
        "The Navigation Cameras (Navcams), which are used for driving, share space on the mast "
        "with two science cameras: the zoomable Mastcam-Z and a laser instrument called SuperCam."
    )
    mentions, _ = find_mentions(text, vocabulary)
    assert [(m.kind, m.text) for m in mentions] == [
        ("camera", "Navigation Cameras (Navcams)"),
        ("camera", "Mastcam-Z"),
        ("instrument", "SuperCam"),
    ]


def test_names_without_vocabulary():
    text = "NASA's Mars Curiosity rover landed in Gale Crater, led by the University of Arizona."
    mentions, _ = find_mentions(text, Vocabulary())
    assert {(m.kind, m.text) for m in mentions} >= {
        ("spacecraft", "Curiosity"),
        ("place", "Gale Crater"),
        ("organisation", "University of Arizona"),
    }


def test_a_subjects_own_words_open_no_name():
    text = "The Jovian orbiter passed the Juno orbiter near the Great Red Spot."
    general, _ = find_mentions(text, Vocabulary())
    jovian, _ = find_mentions(text, Vocabulary(not_names=frozenset({"jovian"})))
    assert ("spacecraft", "Jovian") in {(m.kind, m.text) for m in general}
    assert {(m.kind, m.text) for m in jovian} == {("spacecraft", "Juno")}


def test_the_seed_vocabulary_names_its_planet_and_obvious_answers(vocabulary):
    mentions, _ = find_mentions("A Mars orbiter relayed the Perseverance rover's data.", vocabulary)
    assert [m.text for m in mentions] == ["Perseverance rover"]
    assert {"nasa", "mars"} <= vocabulary.obvious


def test_people_and_roles(vocabulary):
    _, people = find_mentions(
        'Chief engineer Adam Steltzner called the picture "iconic," he said.', vocabulary
    )
    assert [(p.name, p.role) for p in people] == [("Adam Steltzner", "chief engineer")]
    _, people = find_mentions(
        "Too many to count, said Pauline Hwang, strategic mission manager for surface operations.",
        vocabulary,
    )
    assert [(p.name, p.role) for p in people] == [
        ("Pauline Hwang", "strategic mission manager for surface operations")
    ]


def test_abbreviations_both_ways_and_wrong_expansion_rejected():
    assert abbreviation_pairs("the Hazard Cameras (Hazcams) on")[0][:2] == (
        "Hazcams",
        "Hazard Cameras",
    )
    assert abbreviation_pairs("the MRO (NASA Mars Reconnaissance Orbiter) probe")[0][:2] == (
        "MRO",
        "Mars Reconnaissance Orbiter",
    )
    # The article expands HiRISE wrongly; the letters do not fit, so no pair is made.
    assert abbreviation_pairs("The High Resolution Camera Experiment (HiRISE) camera") == []


def test_timeline_orders_events_by_the_articles_time_words(raw_articles, vocabulary):
    raw = raw_articles["perseverance-sneak-peek"]
    facts = article_facts(
        raw, split_sentences(raw, extract_blocks(raw)), vocabulary, dt.date(2021, 2, 19)
    )
    labels = [e.label for e in facts.events]
    assert labels[0] == "Pyrotechnic charges fire to release the mast"
    assert labels.index("The mast is raised") < labels.index(
        "The Navcams take panoramas of the rover's deck"
    )
    assert labels[-1] == "Perseverance begins its science mission"


def test_unusable_sentences(raw_articles, vocabulary):
    raw = raw_articles["first-images-and-video"]
    facts = article_facts(raw, split_sentences(raw, extract_blocks(raw)), vocabulary, None)
    reasons = {f.sentence.clean[:20]: f.unusable for f in facts.sentences}
    assert reasons["Photograph of me tak"] == "first person"
    assert reasons["The first image obta"] == "not a full sentence"
