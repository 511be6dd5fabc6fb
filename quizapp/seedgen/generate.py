"""Candidate generators, one function per rule; each yields ``Candidate`` objects.

Rules overgenerate on purpose: the gates (``gates.py``) and ranking (``select.py``)
decide what is kept. Every cloze replaces exactly one span of the cited sentence's
clean text with a blank, so the sentence alone answers the question.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import KIND_NOUNS, Candidate
from .entities import Mention
from .facts import ArticleFacts, SentenceFacts
from .gates import normalise
from .vocabulary import Vocabulary

BLANK = "___"
FAMILIES = {"camera": ("camera", "instrument"), "instrument": ("instrument", "camera")}
ROLE_KINDS = ("spacecraft", "organisation")
ROLE_NOUNS = ("rover", "orbiter", "lander", "helicopter", "probe", "telescope", "university",
              "agency", "laboratory", "institute")  # fmt: skip
COORDINATION = re.compile(r"^(?:,\s*|\s+)(?:(?:and|or)\s+)?(?:(?:the|a|an)\s+)?[\w\s-]{0,30}$")
POSSESSIVE = re.compile(r"['’]s\b")
PARTNER = re.compile(r"\b(with|cooperation|partnership|partners?)\s+(the\s+)?$", re.I)
MAX_STATEMENT_WORDS = 35
QUOTED_BLANK = re.compile(r"[\"“]___[\"”]")
LINKING_WORDS = re.compile(r"\b(is|are|was|were|leads?|led|by|with|while|for|from)\b")


def canonical(name: str, vocabulary: Vocabulary) -> str:
    """Identity of a name: its vocabulary term, else its bracket-free lower-case form."""
    parts = [p.strip() for p in re.split(r"[()]", name) if p.strip()]
    for part in parts:
        term = vocabulary.term_for(part)
        if term:
            return term.name.lower()
    return parts[0].lower() if parts else name.lower()


def role_of(name: str, kind: str, vocabulary: Vocabulary) -> str | None:
    """What sort of spacecraft or organisation a name is (rover, orbiter, university),
    from the vocabulary, else from a role noun in the name; for cameras and instruments,
    the craft carrying them (an orbiter's camera is never swapped for a rover's);
    None for other kinds."""
    if kind in FAMILIES:
        term = vocabulary.term_for(name.split(" (")[0])
        mounted = term.mounted.lower() if term else ""
        return "orbiter" if "orbiter" in mounted else "rover" if mounted else "unknown"
    if kind not in ROLE_KINDS:
        return None
    for part in [p.strip() for p in re.split(r"[()]", name) if p.strip()]:
        term = vocabulary.term_for(part)
        if term and term.role:
            return term.role
    words = [w.lower() for w in re.findall(r"[\w-]+", name)]
    for word in reversed(words):
        if word in ROLE_NOUNS:
            return "space agency" if word == "agency" else word
    return "unknown"


def all_spellings(name: str, facts: ArticleFacts, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The article's spellings of a name plus the vocabulary's aliases of it."""
    forms = list(spellings(name, facts))
    for part in list(forms):
        term = vocabulary.term_for(part)
        if term:
            forms += term.spellings
    return tuple(dict.fromkeys(forms))


def spellings(name: str, facts: ArticleFacts) -> tuple[str, ...]:
    """Accepted typed forms of a name that the article itself supports."""
    parts = [p.strip() for p in re.split(r"[()]", name) if p.strip()]
    forms = [name, *parts]
    for short, long in facts.abbreviations.items():
        if short in parts or long in parts:
            forms += [short, long]
    return tuple(dict.fromkeys(forms))


def distractor_pool(kind: str, facts: ArticleFacts, vocabulary: Vocabulary) -> list[str]:
    """Same-kind names: the article's own first, then the vocabulary's."""
    pool = facts.names_of_kind(kind)
    pool += [t.name for t in vocabulary.terms if t.kind == kind]
    if kind == "hardware":  # "Back Shell" in a list, "back shell" in a sentence
        pool = [term.name if (term := vocabulary.term_for(n)) else n for n in pool]
    return list(dict.fromkeys(pool))


def pick_distractors(
    answer: str, kind: str, stem: str, facts: ArticleFacts, vocabulary: Vocabulary, count: int = 3
) -> list[str]:
    """Up to ``count`` same-kind names that differ from the answer and are not in the stem.

    Spacecraft and organisations must also play the answer's role (a rover for a
    rover, a university for a university), and a name counts as in the stem when any
    of its spellings or vocabulary aliases is ("JPL" for "Jet Propulsion Laboratory").
    """
    answer_id = canonical(answer, vocabulary)
    answer_role = role_of(answer, kind, vocabulary)
    stem_lower = stem.lower()
    chosen: list[str] = []
    for family_kind in FAMILIES.get(kind, (kind,)):
        pool = distractor_pool(family_kind, facts, vocabulary)
        ranked = sorted(enumerate(pool), key=lambda p: (abs(len(p[1]) - len(answer)) > 12, p[0]))
        for _, name in ranked:
            name_id = canonical(name, vocabulary)
            if name_id == answer_id or name_id in [canonical(c, vocabulary) for c in chosen]:
                continue
            if role_of(name, family_kind, vocabulary) != answer_role:
                continue
            forms = all_spellings(name, facts, vocabulary)
            if any(re.search(rf"\b{re.escape(f.lower())}\b", stem_lower) for f in forms):
                continue
            chosen.append(name)
            if len(chosen) == count:
                return chosen
    return chosen


def short_name(name: str, vocabulary: Vocabulary | None = None) -> str:
    """ "Navigation Cameras (Navcams)" -> "Navcams": the bracketed short form; with a
    vocabulary, a name's one-word alias of the same number ("Hazard Cameras" ->
    "Hazcams"), so options are all written alike; else the name."""
    parts = [p.strip() for p in re.split(r"[()]", name) if p.strip()]
    if len(parts) == 2:
        return min(parts, key=len)
    term = vocabulary.term_for(name) if vocabulary else None
    if term:
        words = [s for s in term.spellings if " " not in s and plural_name(s) == plural_name(name)]
        return min(words, key=len) if words else name
    return name


def option_distractors(
    mention: Mention, stem: str, facts: ArticleFacts, vocabulary: Vocabulary
) -> list[str]:
    """Wrong options for a multiple-choice question on ``mention``: same-role names
    (``pick_distractors``); for a place only places the article itself names (a student
    cannot rule out another crater the articles never mention), and for a plural camera
    name only plural names ("the ___ are expected to": "Navcams", never "Mastcam-Z")."""
    wrong = pick_distractors(mention.text, mention.kind, stem, facts, vocabulary, 6)
    if mention.kind == "place":
        wrong = [w for w in wrong if w in facts.names_of_kind("place")]
    if plural_name(mention.text):
        wrong = [w for w in wrong if plural_name(w)]
    return wrong[:3]


def cloze(text: str, start: int, end: int) -> str:
    """``text`` with ``text[start:end]`` replaced by a blank."""
    return f"{text[:start]}{BLANK}{text[end:]}"


def quote(sentence_text: str) -> str:
    """A sentence prepared for embedding in a prompt."""
    return sentence_text.strip()


def says(sf: SentenceFacts) -> str:
    """The explanation that quotes a source sentence as the article wrote it."""
    return f'The article says: "{sf.sentence.quoted}"'


def options_in_order(options: list[str]) -> list[str]:
    """Options in the stored, deterministic order: case-insensitive alphabetical."""
    return sorted(options, key=lambda o: (o.lower(), o))


def usable(facts: ArticleFacts) -> Iterator[SentenceFacts]:
    """Sentences that may be question sources."""
    return (s for s in facts.sentences if s.unusable is None)


def mcq_entity_cloze(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.entity_cloze: blank a named thing; options are same-kind names."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for mention in sf.mentions:
            stem = cloze(text, mention.start, mention.end)
            if QUOTED_BLANK.search(stem):
                continue  # a quoted nickname stands out among plain names
            distractors = option_distractors(mention, stem, facts, vocabulary)
            if len(distractors) < 2:
                continue
            noun = KIND_NOUNS[mention.kind][0]
            yield Candidate(
                "mcq", "mcq.entity_cloze", f"{quote(stem)} Which {noun} fills the blank?",
                {"options": options_in_order([mention.text, *distractors]), "answer": mention.text},
                says(sf), (sf.sentence,), stem, (mention.text,),
                mention.kind, tuple(distractors),
            )  # fmt: skip


def short_entity_cloze(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.entity_cloze: type the blanked name; variants are the article's own spellings."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for mention in sf.mentions:
            if mention.kind in ("organisation",):
                continue
            stem = cloze(text, mention.start, mention.end)
            noun = KIND_NOUNS[mention.kind][0]
            yield Candidate(
                "short", "short.entity_cloze", f"{quote(stem)} Which {noun} fills the blank?",
                {"answers": typed_forms(mention, facts, vocabulary)},
                says(sf), (sf.sentence,), stem, (mention.text,), mention.kind,
            )  # fmt: skip


def typed_forms(mention: Mention, facts: ArticleFacts, vocabulary: Vocabulary) -> list[str]:
    """Accepted typed answers: the article's spellings; for landing hardware also the
    vocabulary's names of the same part ("jet pack", "sky crane", "descent stage")."""
    forms = list(spellings(mention.text, facts))
    if mention.kind == "hardware":
        forms = list(all_spellings(mention.text, facts, vocabulary))
    return list({normalise(f): f for f in reversed(forms)}.values())[::-1]


def mcq_date_cloze(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.date_cloze: blank a date; options are the same date moved by a day or two."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for date in sf.dates:
            stem = cloze(text, date.start, date.end)
            distractors = [date.shifted(d) for d in (-2, -1, 1)]
            yield Candidate(
                "mcq", "mcq.date_cloze", f"{quote(stem)} Which date fills the blank?",
                {"options": options_in_order([date.text, *distractors]), "answer": date.text},
                says(sf), (sf.sentence,), stem, (date.text,), "date",
                tuple(distractors),
            )  # fmt: skip


def numeric_quantity(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """numeric.quantity: blank a number (and any bracketed conversion); keep unit and precision."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for quantity in sf.quantities:
            if text[quantity.conversion_end :].lstrip().startswith(":"):
                continue  # the stem would list what is being counted
            number_end = quantity.start + len(quantity.number_text)
            stem = text[: quantity.start] + BLANK + text[number_end : quantity.end]
            stem += text[quantity.conversion_end :]
            value = int(quantity.value) if quantity.value.is_integer() else quantity.value
            tolerance = quantity.precision / 2 if quantity.precision < 1 else 0
            yield Candidate(
                "numeric", "numeric.quantity", f"{quote(stem)} What number fills the blank?",
                {"answer": value, "tolerance": tolerance, "unit": quantity.unit},
                says(sf), (sf.sentence,), stem, (quantity.number_text,),
                quantity_kind(quantity.unit),
            )  # fmt: skip


def plural_name(name: str) -> bool:
    """True for a plural name such as "Navcams" or "Hazard Cameras (Hazcams)"."""
    head = name.split(" (")[0].split()[-1]
    return head.endswith("s") and head[:-1].lower().endswith(("cam", "camera", "microphone"))


def quantity_kind(unit: str) -> str:
    """ "instrument" for counts of the rover's hardware (cameras, microphones, wheels:
    an instruments fact), else "number"."""
    return "instrument" if re.search(r"camera|microphone|wheel", unit) else "number"


def is_subject(name: str, facts: ArticleFacts) -> bool:
    """True for a name the article repeats in four or more sentences (its subject, NASA):
    the same test as the ``answer_not_obvious`` gate."""
    key = normalise(name).split()[-1] if normalise(name) else ""
    texts = [normalise(POSSESSIVE.sub("", s.sentence.clean)) for s in facts.sentences]
    return bool(key) and sum(f" {key} " in f" {t} " for t in texts) >= 4


def changed_number(value: float) -> int | float:
    """A clearly different count or measure for a false statement."""
    if value <= 3:
        return int(value) + 2 if value.is_integer() else value + 2
    return int(value * 2) if value.is_integer() else value * 2


def swap_candidates(
    mention: Mention, stem: str, facts: ArticleFacts, vocabulary: Vocabulary
) -> list[str]:
    """Names to swap into a false statement, best first.

    An organisation is swapped for another organisation the article itself names in
    another role ("ESA, a division of Caltech ..."), so a student who read the article
    can judge the statement; the article's subject (NASA) never, and names written
    like the original (with or without a bracketed abbreviation) first. Other kinds,
    and organisations when the article names no other, use same-role distractors.
    """
    same_role = pick_distractors(mention.text, mention.kind, stem, facts, vocabulary, 6)
    if mention.kind != "organisation":
        return same_role
    own = canonical(mention.text, vocabulary)
    stem_lower = stem.lower()
    named = [
        n
        for n in facts.names_of_kind("organisation")
        if canonical(n, vocabulary) != own
        and not is_subject(n, facts)
        and not any(
            re.search(rf"\b{re.escape(f.lower())}\b", stem_lower)
            for f in all_spellings(n, facts, vocabulary)
        )
    ]
    named = list({canonical(n, vocabulary): n for n in reversed(named)}.values())[::-1]
    named = [written_like(n, mention.text) for n in named]
    named.sort(
        key=lambda n: (n.isupper() != mention.text.isupper(), abs(len(n) - len(mention.text)))
    )
    return named or same_role


def written_like(name: str, original: str) -> str:
    """A bracketed name ("ESA (European Space Agency)") written like ``original``:
    its abbreviation for an abbreviation ("JPL"), else its long form; others unchanged."""
    parts = [p.strip() for p in re.split(r"[()]", name) if p.strip()]
    if len(parts) != 2 or "(" in original:
        return name
    short, long = sorted(parts, key=len)
    return short if original.isupper() else long


def truefalse_statements(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """truefalse.as_stated and truefalse.swap_entity / swap_number / swap_date."""
    for sf in usable(facts):
        text = quote(sf.sentence.clean)
        if '"' in text or "“" in text or len(text.split()) > MAX_STATEMENT_WORDS:
            continue  # quotes are not checkable facts; long statements hide the point
        details = [m for m in sf.mentions if not is_subject(m.text, facts)]
        if not (details or sf.quantities or sf.dates):
            continue  # nothing checkable beyond the article's subject: a trivial statement
        yield Candidate(
            "truefalse", "truefalse.as_stated", text, {"answer": True},
            f'True: the article says "{sf.sentence.quoted}"', (sf.sentence,), text, (),
            "statement",
        )  # fmt: skip
        offset = sf.sentence.clean.find(text)
        swaps: list[tuple[str, Mention | object, str, str]] = []
        for mention in sf.mentions:
            if mention.kind == "person" or is_subject(mention.text, facts):
                continue  # a person's role does not travel; the subject's rivals may be true
            if mention.kind == "organisation" and (
                POSSESSIVE.match(text[mention.end - offset :])
                or PARTNER.search(text[: mention.start - offset])
            ):
                continue  # "NASA's rover", "in cooperation with ESA": others may share them
            stem = cloze(text, mention.start - offset, mention.end - offset)
            others = [
                o
                for o in swap_candidates(mention, stem, facts, vocabulary)
                if plural_name(o) == plural_name(mention.text)  # "the Navcams are", never
            ][:1]  # "the Mastcam-Z are"
            if others:
                swaps.append(("truefalse.swap_entity", mention, others[0], mention.kind))
        for quantity in sf.quantities:
            new = changed_number(quantity.value)
            swaps.append(
                ("truefalse.swap_number", quantity, str(new), quantity_kind(quantity.unit))
            )
        for date in sf.dates:
            swaps.append(("truefalse.swap_date", date, date.shifted(1), "date"))
        for rule, span, replacement, kind in swaps:
            start = span.start - offset
            end = start + (
                len(span.number_text) if rule == "truefalse.swap_number" else span.end - span.start
            )
            original = text[start:end]
            if re.match(r"[A-Z]\w+ of ", replacement) and not re.search(r"\bthe $", text[:start]):
                replacement = f"{'The' if start == 0 else 'the'} {replacement}"  # the University of
            statement = text[:start] + replacement + text[end:]
            yield Candidate(
                "truefalse", rule, statement, {"answer": False},
                f'False: the article says "{original}", not "{replacement}": '
                f'"{sf.sentence.quoted}"',
                (sf.sentence,), statement, (original,), kind, (replacement,),
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
            plural = KIND_NOUNS["instrument" if len(kinds) > 1 else kind][1]
            yield Candidate(
                "multi", "multi.same_kind",
                f"{quote(stem)} Which of these {plural} fill the blanks (select all that apply)?",
                {"options": options_in_order(names + wrong), "answers": options_in_order(names)},
                says(sf), (sf.sentence,), stem, tuple(names),
                kind, tuple(wrong),
            )  # fmt: skip


def matching_people_roles(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """matching.person_role: match each person with the role the article gives them."""
    people = [(p, sf) for sf in usable(facts) for p in sf.people]
    unique = list({p.name: (p, sf) for p, sf in people}.values())[:5]
    if len(unique) >= 3 and len({p.role for p, _ in unique}) == len(unique):
        pairs = [[p.name, p.role] for p, _ in unique]
        yield Candidate(
            "matching", "matching.person_role",
            "Which role does the article give each of these people?",
            {"pairs": pairs}, "The article names each person together with their role.",
            tuple(sf.sentence for _, sf in unique), "", tuple(x for pair in pairs for x in pair),
            "person",
        )  # fmt: skip


def matching_abbreviations(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """matching.abbreviation: match each abbreviation the article defines with its full name."""
    pairs = [[short, long] for short, long in facts.abbreviations.items()][:5]
    if len(pairs) < 3:
        return
    sources = [
        sf.sentence
        for sf in facts.sentences
        if any(
            f"{a} ({b})" in sf.sentence.clean or f"{b} ({a})" in sf.sentence.clean for b, a in pairs
        )
    ]
    yield Candidate(
        "matching", "matching.abbreviation",
        "Which full name does each abbreviation used in the article stand for?",
        {"pairs": pairs}, "The article spells out each abbreviation in brackets.",
        tuple(dict.fromkeys(sources)), "", tuple(x for pair in pairs for x in pair), "name",
    )  # fmt: skip


def ordering_timeline(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """ordering.timeline: events the article places at distinct times, earliest first."""
    distinct = list({e.when: e for e in facts.events}.values())[:6]
    if len(distinct) < 3:
        return
    yield Candidate(
        "ordering", "ordering.timeline",
        "In what order does the article say these steps will happen, earliest first?",
        {"items": [e.label for e in distinct]},
        "The article gives a day, a week range or a month range for each step.",
        tuple(e.sentence for e in distinct), "", (), "event",
    )  # fmt: skip


RULES = (
    mcq_entity_cloze,
    mcq_date_cloze,
    short_entity_cloze,
    numeric_quantity,
    truefalse_statements,
    multi_same_kind,
    matching_people_roles,
    matching_abbreviations,
    ordering_timeline,
)


def all_candidates(facts: ArticleFacts, vocabulary: Vocabulary) -> list[Candidate]:
    """Every candidate from every rule (cloze rules here, then the wh-question rules of
    ``whq``), in rule then text order."""
    from .whq import WH_RULES  # whq builds on this module's helpers

    return [c for rule in (*RULES, *WH_RULES) for c in rule(facts, vocabulary)]
