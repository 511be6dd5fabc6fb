"""Matching and ordering rules: pairs and sequences gathered across an article."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .entities import Mention
from .facts import ArticleFacts, SentenceFacts
from .kinds import asked_nouns
from .names import is_plural, short_name
from .stems import mentions_of, says_all, usable
from .vocabulary import Vocabulary


def matching_people_roles(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """matching.person_role: match each person with the role the article gives them."""
    people = [(p, sf) for sf in usable(facts) for p in sf.people]
    unique = list({p.name: (p, sf) for p, sf in people}.values())[:5]
    if len(unique) >= 3 and len({p.role for p, _ in unique}) == len(unique):
        pairs = [[p.name, p.role] for p, _ in unique]
        yield Candidate(
            "matching", "matching.person_role",
            "Which role does the article give each of these people?",
            {"pairs": pairs}, says_all(sf.sentence for _, sf in unique),
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
        {"pairs": pairs}, says_all(sources),
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
        says_all(e.sentence for e in distinct),
        tuple(e.sentence for e in distinct), "", (), "event",
    )  # fmt: skip


MOUNTED = (
    re.compile(
        r"^(?: \([^)]*\))?(?: camera| instrument)? (?P<where>(?:on|aboard) the "
        r"(?:[a-z]+(?=[ ,.])(?! of)|[A-Z][\w ]*?(?=[,.])))"
    ),
    re.compile(r"^,[^.;]*?\bshares? space (?P<where>on the [a-z]+)\b"),
)


def matching_mounted(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """matching.mounted: match each camera or instrument with where the article says it
    sits ("Hazard Cameras (Hazcams) on the underside", "the Navigation Cameras (Navcams)
    ... share space on the mast", "the HiRISE camera aboard the Mars Reconnaissance
    Orbiter"); one name per place, so every pairing is unambiguous, and every name
    written in its short form ("Hazcams", "HiRISE", "Navcams")."""
    pairs: dict[str, tuple[str, SentenceFacts]] = {}
    names: set[str] = set()
    for sf, mention in mentions_of(facts, "camera", "instrument"):
        text = sf.sentence.clean
        for pattern in MOUNTED:
            match = pattern.match(text[mention.end :])
            name = mention.text.split(" (")[0]
            if match and match["where"] not in pairs and name not in names:
                pairs[match["where"]] = (mention.text, sf)
                names.add(name)
    if len(pairs) < 3:
        return
    chosen = list(pairs.items())[:5]
    data = {"pairs": [[short_name(name, vocabulary), where] for where, (name, _) in chosen]}
    sources = tuple(dict.fromkeys(sf.sentence for _, (_, sf) in chosen))
    yield Candidate(
        "matching", "matching.mounted", "Where does the article say each of these is mounted?",
        data, says_all(sources), sources, "",
        tuple(x for pair in data["pairs"] for x in pair), "camera",
    )  # fmt: skip


DESCRIBED_AFTER = (
    re.compile(r"^,? which (?:are|is) (?P<what>used for [a-z ]+?)(?=[,.;])"),
    re.compile(r"^ (?P<verb>captured|took|recorded) (?P<what>views? [a-z ]+?)(?=[,.;])"),
)


DESCRIBED_BEFORE = (
    re.compile(r"\ban? (?P<what>[a-z]+ (?:instrument|camera|spectrometer)) called $"),
    re.compile(
        r"\b(?P<head>[a-z]+) (?P<noun>camera|instrument)s: (?:the )?(?P<adjective>[a-z]+) $"
    ),
)


def description(text: str, mention: Mention) -> tuple[str, tuple[str, ...]] | None:
    """What a sentence says a camera or instrument is or does, as a noun phrase: "cameras
    used for driving", "a laser instrument", "a zoomable science camera", "cameras that
    captured views from the front and rear of the rover", with the words of the sentence
    it rests on; None when the sentence says neither."""
    plural = is_plural(mention)
    noun = asked_nouns()[mention.kind][1 if plural else 0]
    for pattern in DESCRIBED_AFTER:
        if match := pattern.match(text[mention.end :]):
            verb = f"that {match['verb']} " if "verb" in match.groupdict() else ""
            what = f"{verb}{match['what']}"
            return f"{noun if plural else 'a ' + noun} {what}", (what.removeprefix("that "),)
    for pattern in DESCRIBED_BEFORE:
        if match := pattern.search(text[: mention.start]):
            if "adjective" in match.groupdict():
                words = (match["adjective"], f"{match['head']} {match['noun']}")
                return f"a {words[0]} {words[1]}", words
            return f"a {match['what']}", (match["what"],)
    return None


def matching_described(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """matching.described: match each camera or instrument with what the article says it
    is or does ("the Navigation Cameras (Navcams), which are used for driving", "a laser
    instrument called SuperCam", "two science cameras: the zoomable Mastcam-Z"); the
    first description of each name, and every description different."""
    pairs: dict[str, tuple[str, SentenceFacts]] = {}
    evidence: list[str] = []
    for sf, mention in mentions_of(facts, "camera", "instrument"):
        name = short_name(mention.text)
        found = description(sf.sentence.clean, mention)
        if found and name not in pairs and found[0] not in [w for w, _ in pairs.values()]:
            pairs[name] = (found[0], sf)
            evidence += [name, *found[1]]
    if len(pairs) < 3:
        return
    chosen = sorted(pairs.items(), key=lambda p: p[1][1].sentence.start)[:5]
    data = {"pairs": [[name, what] for name, (what, _) in chosen]}
    sources = tuple(dict.fromkeys(sf.sentence for _, (_, sf) in chosen))
    yield Candidate(
        "matching", "matching.described",
        "What does the article say each of these cameras and instruments is or does?",
        data, says_all(sources), sources, "",
        tuple(evidence), "camera",
    )  # fmt: skip


MATCHING_RULES = (
    matching_people_roles,
    matching_abbreviations,
    ordering_timeline,
    matching_mounted,
    matching_described,
)
