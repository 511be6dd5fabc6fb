"""Named things in a sentence: instruments and cameras, spacecraft, places,
organisations, and people with their roles.

Recognition is rule-based (spaCy ``EntityRuler`` and ``Matcher``; no trained model):

* every vocabulary name and alias, with its kind;
* names ending in a kind noun: "Jezero Crater" (place), "Mars Reconnaissance Orbiter"
  (spacecraft), "Hazard Cameras" (camera), "University of Arizona" (organisation);
* camera names built on "-cam" ("Navcams", "Mastcam-Z");
* a capitalised word before "rover", "orbiter", "lander", ... ("Curiosity rover");
* a title that opens a name ("Mount Pinatubo"), and a name after "the" and a kind
  noun ("the journal Science", "the island of Tongatapu");
* "an instrument called SuperCam";
* an abbreviation defined in brackets, either way round ("Hazard Cameras (Hazcams)",
  "ESA (European Space Agency)"): the whole phrase is one mention;
* people next to a role: "chief engineer Adam Steltzner", "Pauline Hwang, strategic
  mission manager for surface operations".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .kinds import name_heads, name_titles, name_words, nouns_before_names
from .vocabulary import Vocabulary

GRAMMAR_WORDS = frozenset(
    ("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
     "after", "before", "during", "while", "when")
)  # fmt: skip
ROLE_HEADS = (
    "engineer", "scientist", "manager", "director", "administrator", "investigator",
    "lead", "spokesperson", "spokesman", "spokeswoman", "researcher", "geologist",
)  # fmt: skip
ABBREVIATION = re.compile(
    r"(?P<long>(?:[A-Z][\w-]*\s+(?:of\s+)?){0,5}[A-Z][\w-]*)\s+\((?P<short>[A-Z][\w-]*)\)"
    r"|(?P<short2>[A-Z][\w-]*)\s+\((?P<long2>(?:[A-Z][\w-]*\s+(?:of\s+)?){1,5}[A-Z][\w-]*)\)"
)


@dataclass(frozen=True)
class Mention:
    """A named thing; offsets index the sentence's clean text."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class PersonRole:
    """A person named with a role in the sentence."""

    name: str
    role: str
    start: int
    end: int


def abbreviates(short: str, long: str) -> bool:
    """True when the letters of ``short`` appear in order in ``long``, first letters equal."""
    short_l, long_l = short.lower().rstrip("s"), long.lower()
    if not short_l or short_l[0] != long_l[0]:
        return False
    position = 0
    for letter in short_l:
        position = long_l.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def abbreviation_pairs(text: str) -> list[tuple[str, str, int, int]]:
    """(short, long, start, end) for each bracketed abbreviation defined in ``text``."""
    pairs = []
    for match in ABBREVIATION.finditer(text):
        short = match.group("short") or match.group("short2")
        long = match.group("long") or match.group("long2")
        words = long.split()
        # Trim leading words that are not part of the abbreviated name ("NASA Mars ...").
        while len(words) > 1 and not abbreviates(short, " ".join(words)):
            words = words[1:]
        long = " ".join(words)
        if abbreviates(short, long):
            start = (
                match.start() + match.group().find(words[0])
                if match.group("long")
                else match.start()
            )
            pairs.append((short, long, start, match.end()))
    return pairs


def kind_from_words(words: list[str], vocabulary: Vocabulary) -> str | None:
    """Kind of a name from the vocabulary, else from its kind noun (last or first word)."""
    known = vocabulary.kind_of(" ".join(words))
    if known:
        return known
    for word in (words[-1], words[0]):
        kind = name_heads().get(word.lower())
        if kind:
            return kind
    return None


@lru_cache(maxsize=8)
def entity_pipeline(vocabulary: Vocabulary) -> tuple[Language, Matcher]:
    """A blank English pipeline with an entity ruler for names and generic name shapes."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    patterns: list[dict] = []
    for term in vocabulary.terms:
        if term.kind == "rover part":  # wrong options only, never recognised as a mention
            continue
        for spelling in term.spellings:
            patterns.append({"label": term.kind, "pattern": spelling})
    name_word = {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(not_names(vocabulary))}}
    for noun, kind in name_heads().items():
        title = noun.title()
        if noun in name_words("heads_before_of"):
            patterns.append(
                {"label": kind, "pattern": [{"ORTH": title}, {"LOWER": "of"}, name_word]}
            )
        patterns.append(
            {"label": kind, "pattern": [name_word, {"OP": "*", **name_word}, {"ORTH": title}]}
        )
    for title, kind in name_titles().items():  # "Mount Pinatubo"
        patterns.append({"label": kind, "pattern": [{"ORTH": title}, {"OP": "+", **name_word}]})
    known = sorted(s for term in vocabulary.terms for s in term.spellings)
    cam = {"TEXT": {"REGEX": r"^[A-Z][a-z]*[Cc]ams?$", "NOT_IN": known}}
    patterns.append({"label": "camera", "pattern": [cam]})
    patterns.append(
        {"label": "camera", "pattern": [cam, {"ORTH": "-"}, {"TEXT": {"REGEX": "^[A-Z0-9]+$"}}]}
    )
    ruler.add_patterns(patterns)
    return nlp, shape_matcher(nlp)


def not_names(vocabulary: Vocabulary) -> frozenset[str]:
    """Lower-case words that open no name: grammar words, general ones ("earth") and the
    subject's own ("mars")."""
    return GRAMMAR_WORDS | name_words("not_names") | vocabulary.not_names


def shape_matcher(nlp: Language) -> Matcher:
    """Matcher for "Curiosity rover", "an instrument called SuperCam" and people's roles."""
    matcher = Matcher(nlp.vocab)
    craft_nouns = sorted(name_words("after_craft_name"))
    matcher.add("CRAFT", [[{"IS_TITLE": True}, {"LOWER": {"IN": craft_nouns}}]])
    called = [{"LOWER": {"IN": ["instrument", "camera", "spectrometer"]}}, {"LOWER": "called"}]
    matcher.add("CALLED", [[*called, {"TEXT": {"REGEX": r"^[A-Z]"}}]])
    matcher.add(
        "ROLE", [[{"LOWER": {"IN": list(ROLE_HEADS)}}, {"IS_TITLE": True}, {"IS_TITLE": True}]]
    )
    matcher.add("APPOSITIVE", [[{"IS_TITLE": True}, {"IS_TITLE": True}, {"ORTH": ","}]])
    return matcher


def find_mentions(text: str, vocabulary: Vocabulary) -> tuple[list[Mention], list[PersonRole]]:
    """Named things and people with roles in one clean sentence."""
    nlp, matcher = entity_pipeline(vocabulary)
    doc = nlp(text)
    matches = matcher(doc)
    found: list[Mention] = []
    for short, long, start, end in abbreviation_pairs(text):
        kind = kind_from_words(long.split(), vocabulary) or vocabulary.kind_of(short)
        if kind:
            found.append(Mention(kind, text[start:end], start, end))
    for ent in doc.ents:
        found.append(Mention(ent.label_, ent.text, ent.start_char, ent.end_char))
    excluded = not_names(vocabulary)
    people = find_people(doc, matches, excluded)
    for match_id, start, end in matches:
        label = doc.vocab.strings[match_id]
        described = start > 0 and doc[start - 1].lower_ in ("a", "an")  # "an Indian lander"
        if label == "CRAFT" and doc[start].lower_ not in excluded and not described:
            token = doc[start]
            kind = vocabulary.kind_of(token.text) or "spacecraft"
            found.append(Mention(kind, token.text, token.idx, token.idx + len(token)))
        elif label == "CALLED":
            token = doc[end - 1]
            kind = vocabulary.kind_of(token.text) or name_heads()[doc[start].lower_]
            found.append(Mention(kind, token.text, token.idx, token.idx + len(token)))
    for person in people:
        found.append(Mention("person", person.name, person.start, person.end))
    found.extend(described_names(doc, excluded))
    kept = [m for m in without_overlaps(found) if not inside_longer_name(text, m)]
    return kept, people


# A capitalised word right before a name, that is not the sentence's first word, a day
# or a month: "Salt" before "Lake City".
NAME_WORD_BEFORE = re.compile(r"(?<=\S )(?P<word>[A-Z][\w'’-]*)(?<!'s)(?<!’s) $")
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)


def inside_longer_name(text: str, mention: Mention) -> bool:
    """True when a name of several words is the end of a longer capitalised run ("Lake
    City" of "west of Salt Lake City"): a name is the whole run, never a suffix of it, so
    a part never becomes an answer or a wrong option. A one-word name after a modifier
    ("the Mars Curiosity rover") is the name itself."""
    if " " not in mention.text:
        return False
    before = NAME_WORD_BEFORE.search(text[: mention.start])
    return bool(before and before["word"].lower() not in CALENDAR_WORDS)


def described_names(doc: Doc, excluded: frozenset[str]) -> list[Mention]:
    """Names after "the" and a kind noun that says what they are ("the journal Science",
    "the island of Tongatapu", "the volcano Kilauea"): capitalised words, not opening a
    sentence, that are not grammar or general words."""
    found = []
    nouns = nouns_before_names()
    for token in doc[1:-1]:
        kind = nouns.get(token.lower_)
        if not kind or doc[token.i - 1].lower_ != "the":
            continue
        first = token.i + 1 + (doc[token.i + 1].lower_ == "of")
        last = first
        while last < len(doc) and doc[last].is_title and doc[last].lower_ not in excluded:
            last += 1
        if last > first:
            span = doc[first:last]
            found.append(Mention(kind, span.text, span.start_char, span.end_char))
    return found


def without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions, in text order."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start, m.kind)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def find_people(
    doc: Doc, matches: list[tuple[int, int, int]], excluded: frozenset[str]
) -> list[PersonRole]:
    """People introduced with a role before the name or in an appositive after it;
    ``excluded`` words never belong to the role."""
    people = []
    for match_id, start, end in matches:
        label = doc.vocab.strings[match_id]
        if label == "ROLE":
            first = start
            while first > 0 and doc[first - 1].is_alpha and doc[first - 1].lower_ not in excluded:
                if doc[first - 1].is_title and first - 1 != 0:
                    break
                first -= 1
                if start - first >= 3:
                    break
            name = doc[start + 1 : end]
            role = doc[first : start + 1].text.lower()
            people.append(PersonRole(name.text, role, name.start_char, name.end_char))
        elif label == "APPOSITIVE":
            tail = []
            for token in doc[end:]:
                if token.is_punct:
                    break
                tail.append(token)
            if tail and any(t.lower_ in ROLE_HEADS for t in tail[:6]):
                name = doc[start : end - 1]
                role = doc[tail[0].i : tail[-1].i + 1].text
                people.append(PersonRole(name.text, role, name.start_char, name.end_char))
    return people
