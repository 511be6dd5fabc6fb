"""Candidate generators: the cloze and list rules here, and the assembly of every rule.

Rules overgenerate on purpose: the gates (``gates.py``) and ranking (``select.py``)
decide what is kept. Every cloze replaces exactly one span of the cited sentence's
clean text with a blank, so the sentence alone answers the question. The other rule
families live in ``truefalse``, ``matching``, ``whq`` and ``phrasal``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .entities import Mention
from .facts import ArticleFacts
from .gates import normalise
from .goals import GOAL_RULES
from .introduced_questions import INTRODUCED_RULES
from .kinds import asked_nouns, name_words
from .matching import MATCHING_RULES
from .monthyears import MONTH_YEAR_RULES
from .names import (
    COMPARED,
    FAMILIES,
    all_spellings,
    canonical,
    option_distractors,
    option_form,
    pick_distractors,
    quantity_kind,
    role_of,
    short_name,
    spellings,
)
from .ordinals import ORDINAL_RULES
from .quantities import without_conversion
from .relative_questions import RELATIVE_TIME_RULES
from .sequence import SEQUENCE_RULES
from .stems import (
    BLANK,
    cloze,
    date_choice,
    options_in_order,
    quote,
    says,
    usable,
    weekday_start,
)
from .tolerances import clear_of, tolerance_for
from .truefalse import truefalse_statements
from .vocabulary import Vocabulary
from .whq import WH_RULES
from .years import YEAR_RULES

COORDINATION = re.compile(r"^(?:,\s*|\s+)(?:(?:and|or)\s+)?(?:(?:the|a|an)\s+)?[\w\s-]{0,30}$")
QUOTED_BLANK = re.compile(r"[\"“]___[\"”]")
LINKING_WORDS = re.compile(r"\b(is|are|was|were|leads?|led|by|with|while|for|from)\b")


def blank_noun(stem: str, mention: Mention, vocabulary: Vocabulary) -> str:
    """The noun a "Which ... fills the blank?" question asks for: the kind word right
    after the blank ("the ___ instrument is led by": "instrument"); else a spacecraft's
    role ("___'s wheels": "rover"); else the mention's kind noun."""
    match = re.match(r"___ (?P<word>[a-z]+)\b", stem[stem.find(BLANK) :])
    if match and match["word"] in name_words("after_blank"):
        return match["word"]
    role = role_of(mention.text, mention.kind, vocabulary)
    if mention.kind == "spacecraft" and role and role != "unknown":
        return role
    return vocabulary.asked_noun(mention.kind) or asked_nouns()[mention.kind][0]


def mcq_entity_cloze(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.entity_cloze: blank a named thing; options are same-kind names, all written in
    their option form (``option_form``): a spacecraft or place the article spells with
    extra words ("NASA's Mars Curiosity rover") is blanked on its vocabulary name only
    ("NASA's Mars ___ rover"), so the answer is written like "Opportunity" and "Spirit"."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for mention in sf.mentions:
            start, end = mention.start, mention.end
            answer = option_form(mention.text, mention.kind, vocabulary)
            if mention.kind in ("spacecraft", "place") and answer != mention.text:
                inner = mention.text.find(answer)
                if inner < 0:
                    continue  # "MRO" cannot be blanked as "Mars Reconnaissance Orbiter"
                start, end = start + inner, start + inner + len(answer)
            else:
                answer = mention.text
            stem = cloze(text, start, end)
            if QUOTED_BLANK.search(stem) or COMPARED.search(text):
                continue  # a quoted nickname stands out among plain names
            distractors = option_distractors(mention, stem, facts, vocabulary)
            if mention.kind in ("spacecraft", "place"):
                distractors = [option_form(d, mention.kind, vocabulary) for d in distractors]
            if len(distractors) < 2:
                continue
            noun = blank_noun(stem, mention, vocabulary)
            yield Candidate(
                "mcq", "mcq.entity_cloze", f"{quote(stem)} Which {noun} fills the blank?",
                {"options": options_in_order([answer, *distractors]), "answer": answer},
                says(sf), (sf.sentence,), stem, (answer,), mention.kind, tuple(distractors),
            )  # fmt: skip


def short_entity_cloze(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.entity_cloze: type the blanked name; variants are the article's own spellings."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for mention in sf.mentions:
            if mention.kind == "organisation" or COMPARED.search(text):
                continue  # "differ from ___'s wheels": other names differ too
            stem = cloze(text, mention.start, mention.end)
            noun = blank_noun(stem, mention, vocabulary)
            yield Candidate(
                "short", "short.entity_cloze", f"{quote(stem)} Which {noun} fills the blank?",
                {"answers": typed_forms(mention, facts, vocabulary)},
                says(sf), (sf.sentence,), stem, (mention.text,), mention.kind,
            )  # fmt: skip


def typed_forms(mention: Mention, facts: ArticleFacts, vocabulary: Vocabulary) -> list[str]:
    """Accepted typed answers: the article's spellings; for landing hardware and
    spacecraft also the vocabulary's names of the same thing ("jet pack", "sky crane",
    "descent stage"; "Ingenuity" for "Ingenuity Mars Helicopter")."""
    forms = list(spellings(mention.text, facts))
    if mention.kind in ("hardware", "spacecraft"):
        forms = list(all_spellings(mention.text, facts, vocabulary))
    return list({normalise(f): f for f in reversed(forms)}.values())[::-1]


def mcq_date_cloze(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.date_cloze: blank a date; options are the same date moved by a day or two."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for date in sf.dates:
            stem = cloze(text, weekday_start(text, date.start), date.end)
            distractors = [date.shifted(d, facts.published_year) for d in (-2, -1, 1)]
            yield date_choice("mcq.date_cloze", sf, stem, date.text, distractors)


APPROXIMATE_BEFORE = re.compile(
    r"\b(?:about|around|roughly|some|nearly|almost|approximately|close to|more than|over|"
    r"less than|under)\s*$",
    re.IGNORECASE,
)


def approximate_figure(before: str, number_text: str) -> bool:
    """True when the article gives a rounded figure to two significant figures with a
    decimal point ("some 4.5 billion years"): the neighbouring value (4.6) is quoted
    elsewhere just as often, so the question says it wants the article's figure."""
    digits = number_text.replace(",", "")
    if not APPROXIMATE_BEFORE.search(before) or "." not in digits:
        return False
    return len(digits.replace(".", "").lstrip("0")) == 2


def numeric_quantity(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """numeric.quantity: blank a number and drop the same amount restated in other units
    (``without_conversion``); keep the unit, and key the figure with the tolerance its
    written precision and any "about" or "more than" before it allow (``tolerances``)."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for quantity in sf.quantities:
            if text[quantity.conversion_end :].lstrip().startswith(":"):
                continue  # the stem would list what is being counted
            number_end = quantity.start + len(quantity.number_text)
            stem = text[: quantity.start] + BLANK + text[number_end : quantity.end]
            stem += without_conversion(text[quantity.conversion_end :])
            value = int(quantity.value) if quantity.value.is_integer() else quantity.value
            tolerance = tolerance_for(
                text[: quantity.start], quantity.number_text, quantity.precision
            )
            others = [q.value for q in sf.quantities if q is not quantity]
            tolerance = clear_of(quantity.value, tolerance, others)
            asked = "What number fills the blank?"
            if approximate_figure(text[: quantity.start], quantity.number_text):
                asked = "What number fills the blank, as the article gives it?"
            yield Candidate(
                "numeric", "numeric.quantity", f"{quote(stem)} {asked}",
                {"answer": value, "tolerance": tolerance, "unit": quantity.unit},
                says(sf), (sf.sentence,), stem, (quantity.number_text,),
                quantity_kind(quantity.unit),
            )  # fmt: skip


def coordinated_groups(text: str, mentions: tuple[Mention, ...]) -> list[list[Mention]]:
    """Runs of same-family names joined only by a list ("X, Y and Z", "the zoomable
    Mastcam-Z and a laser instrument called SuperCam"): names that play the same role."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        family = sorted(FAMILIES.get(mention.kind, (mention.kind,)))
        if groups:
            last = groups[-1][-1]
            between = text[last.end : mention.start]
            same_family = sorted(FAMILIES.get(last.kind, (last.kind,))) == family
            if (
                same_family
                and COORDINATION.match(between)
                and re.search(r",|\band\b|\bor\b", between)
                and not LINKING_WORDS.search(between)
            ):
                groups[-1].append(mention)
                continue
        groups.append([mention])
    return [g for g in groups if len(g) >= 2]


def multi_same_kind(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """multi.same_kind: blank the names of one list in a sentence; pick all that fit.

    Only names joined as a list are blanked together, so every blank plays the same
    role (never "___ leads the mission, while the instrument is led by ___").
    """
    for sf in usable(facts):
        text = sf.sentence.clean
        for mentions in coordinated_groups(text, sf.mentions):
            names = list(dict.fromkeys(m.text for m in mentions))
            if len(names) < 2 or len(names) > 3:
                continue
            kind = mentions[0].kind
            stem = text
            for mention in sorted(mentions, key=lambda m: -m.start):
                stem = cloze(stem, mention.start, mention.end)
            wrong = [
                d
                for d in pick_distractors(names[0], kind, stem, facts, vocabulary, 6)
                if canonical(d, vocabulary) not in [canonical(n, vocabulary) for n in names]
            ][:2]
            if len(wrong) < 2:
                continue
            if kind in FAMILIES:  # "Hazcams" beside "Mastcam-Z", not "Hazard Cameras"
                names = [short_name(n, vocabulary) for n in names]
                wrong = [short_name(w, vocabulary) for w in wrong]
            kinds = {m.kind for m in mentions}
            plural = asked_nouns()["instrument" if len(kinds) > 1 else kind][1]
            yield Candidate(
                "multi", "multi.same_kind",
                f"{quote(stem)} Which of these {plural} fill the blanks (select all that apply)?",
                {"options": options_in_order(names + wrong), "answers": options_in_order(names)},
                says(sf), (sf.sentence,), stem, tuple(names),
                kind, tuple(wrong),
            )  # fmt: skip


RULES = (
    mcq_entity_cloze,
    mcq_date_cloze,
    short_entity_cloze,
    numeric_quantity,
    truefalse_statements,
    multi_same_kind,
    *MATCHING_RULES,
    *SEQUENCE_RULES,
    *GOAL_RULES,
)


def all_candidates(facts: ArticleFacts, vocabulary: Vocabulary) -> list[Candidate]:
    """Every candidate from every rule (cloze and list rules, then the wh-question rules
    of ``whq``), in rule then text order."""
    rules = (
        *RULES, *WH_RULES, *INTRODUCED_RULES, *YEAR_RULES, *MONTH_YEAR_RULES, *ORDINAL_RULES,
        *RELATIVE_TIME_RULES,
    )  # fmt: skip
    return [c for rule in rules for c in rule(facts, vocabulary)]
