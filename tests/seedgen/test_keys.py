"""Typed answer keys are built fairly and the same way for every question."""

from quizapp.questiontypes import get_type
from quizapp.questiontypes.typed_answers import answer_key
from quizapp.seedgen.candidate import Candidate
from quizapp.seedgen.facts import ArticleFacts
from quizapp.seedgen.keys import with_fair_key
from quizapp.seedgen.vocabulary import Vocabulary


def short_candidate(prompt: str, answers: list[str], in_source: tuple[str, ...] = ()) -> Candidate:
    return Candidate(
        "short", "short.test", prompt, {"answers": answers}, "", (), prompt, in_source, ""
    )


def keyed(candidate: Candidate, abbreviations: dict[str, str] | None = None) -> Candidate | None:
    facts = ArticleFacts(raw="", sentences=[], abbreviations=abbreviations or {})
    return with_fair_key(candidate, facts, Vocabulary())


def grade(candidate: Candidate, typed: str) -> float:
    return get_type("short").grade(candidate.data, typed)


def test_key_accepts_the_asked_kind_after_the_name():
    candidate = keyed(short_candidate("Which camera took the image?", ["HiRISE"]))
    assert grade(candidate, "HiRISE camera") == 1.0
    assert grade(candidate, "the HiRISE camera") == 1.0


def test_key_accepts_abbreviation_and_expansion_both_ways():
    abbreviations = {"MRO": "Mars Reconnaissance Orbiter"}
    for answer in ("MRO", "Mars Reconnaissance Orbiter"):
        candidate = keyed(short_candidate("Which orbiter took it?", [answer]), abbreviations)
        assert grade(candidate, "MRO") == 1.0
        assert grade(candidate, "NASA's Mars Reconnaissance Orbiter") == 1.0


def test_key_accepts_the_articles_own_wording():
    candidate = short_candidate("What covered the camera?", ["dust"], ("a layer of dust",))
    assert grade(keyed(candidate), "a layer of dust") == 1.0


def test_key_accepts_both_orders_of_a_two_part_answer():
    candidate = keyed(short_candidate("What will it collect?", ["Martian rock and regolith"]))
    assert grade(candidate, "regolith and rock") == 1.0


def test_variants_a_student_would_not_tell_apart_are_listed_once():
    candidate = keyed(short_candidate("What fired?", ["pyrotechnic charges", "pyrotechnic charge"]))
    assert candidate.data["answers"] == ["pyrotechnic charges"]


def test_an_answer_too_long_to_type_is_not_asked_as_typed():
    long_answer = "cameras that captured views from the front and rear of the rover"
    assert keyed(short_candidate("What are the Hazcams?", [long_answer])) is None


def test_same_answer_gets_the_same_key_in_every_shipped_bank(pipeline_run):
    keys: dict[str, set[tuple[str, ...]]] = {}
    for bank, _ in pipeline_run.values():
        for question in bank["questions"]:
            if question["type"] == "short" and "Which" not in question["prompt"]:
                lead = answer_key(question["answers"][0])
                keys.setdefault(lead, set()).add(tuple(sorted(question["answers"])))
    assert keys
    for lead, variants in keys.items():
        assert len(variants) == 1, f"{lead}: {variants}"
