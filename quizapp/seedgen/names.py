"""Names and options: a name's identity, spellings and role, and same-kind wrong options.

Used by every question rule that asks for a named thing (a camera for a camera, a
rover for a rover) and by the false statements that swap one name for another.
"""

from __future__ import annotations

import re

from .entities import Mention
from .facts import ArticleFacts
from .gates import normalise
from .kinds import name_words
from .vocabulary import Vocabulary

FAMILIES = {"camera": ("camera", "instrument"), "instrument": ("instrument", "camera")}
ROLE_KINDS = ("spacecraft", "organisation")
COORDINATION = re.compile(r"^(?:,\s*|\s+)(?:(?:and|or)\s+)?(?:(?:the|a|an)\s+)?[\w\s-]{0,30}$")
POSSESSIVE = re.compile(r"['’]s\b")
# "Perseverance's wheels differ from Curiosity's wheels": either compared name swapped or
# blanked for another would make a true statement too
COMPARED = re.compile(r"\b(?:differs?|differed|different|distinct) from\b|\bunlike\b", re.I)
PARTNER = re.compile(r"\b(with|cooperation|partnership|partners?)\s+(the\s+)?$", re.I)


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
        mounted = re.findall(r"\w+", term.mounted.lower()) if term else []
        carriers = [word for word in mounted if word in name_words("roles")]
        return carriers[-1] if carriers else " ".join(mounted) or "unknown"
    if kind not in ROLE_KINDS:
        return None
    for part in [p.strip() for p in re.split(r"[()]", name) if p.strip()]:
        term = vocabulary.term_for(part)
        if term and term.role:
            return term.role
    words = [w.lower() for w in re.findall(r"[\w-]+", name)]
    for word in reversed(words):
        if word in name_words("roles"):
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
    A name whose vocabulary term lists a word of the stem as ``also_true`` is never
    picked: "The ___ holding NASA's Perseverance rover" cannot offer the back shell,
    which held the rover too.
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
            if also_true(name, stem_lower, vocabulary):
                continue
            chosen.append(name)
            if len(chosen) == count:
                return chosen
    return chosen


def also_true(name: str, stem: str, vocabulary: Vocabulary) -> bool:
    """True when the stem has a word in whose context the named part would also be a
    right answer (the vocabulary term's ``also_true`` words)."""
    term = vocabulary.term_for(name)
    words = set(re.findall(r"[a-z]+", stem.lower()))
    return bool(term and words & set(term.also_true))


def option_form(name: str, kind: str, vocabulary: Vocabulary) -> str:
    """How a name is written among options, so that all options are written alike:
    cameras and instruments by their short name ("Navcams"); spacecraft and places by
    the vocabulary name of the term they spell ("Mars Curiosity", "Perseverance rover"
    -> "Curiosity", "Perseverance"; "MRO (NASA Mars Reconnaissance Orbiter)" -> "Mars
    Reconnaissance Orbiter"); other names unchanged."""
    if kind in FAMILIES:
        return short_name(name, vocabulary)
    if kind in ("spacecraft", "place"):
        for part in [p.strip() for p in re.split(r"[()]", name) if p.strip()]:
            if term := vocabulary.term_for(part):
                return term.name
    return name


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
    name only plural names ("the ___ are expected to": "Navcams", never "Mastcam-Z").
    The article's subject is never a wrong option: the article tells of it doing most
    things ("Which rover sent back a movie of its descent?" cannot offer Perseverance)."""
    wrong = pick_distractors(mention.text, mention.kind, stem, facts, vocabulary, 6)
    wrong = [w for w in wrong if not is_subject(w, facts)]
    if mention.kind == "place":
        wrong = [w for w in wrong if w in facts.names_of_kind("place")]
    if plural_name(mention.text):
        wrong = [w for w in wrong if plural_name(w)]
    return wrong[:3]


def plural_name(name: str) -> bool:
    """True for a plural name such as "Navcams" or "Hazard Cameras (Hazcams)"."""
    head = name.split(" (")[0].split()[-1]
    return head.endswith("s") and head[:-1].lower().endswith(("cam", "camera", "microphone"))


def quantity_kind(unit: str) -> str:
    """ "instrument" for counts of the rover's hardware (cameras, microphones, wheels:
    an instruments fact), else "number"."""
    return "instrument" if re.search(r"camera|microphone|wheel", unit) else "number"


def is_plural(mention: Mention) -> bool:
    """True for a plural camera name such as "Navigation Cameras (Navcams)"."""
    return mention.text.split(" (")[0].endswith("s") and mention.kind in ("camera", "microphone")


def is_subject(name: str, facts: ArticleFacts) -> bool:
    """True for a name the article repeats in four or more sentences (its subject, NASA):
    the same test as the ``answer_not_obvious`` gate."""
    key = normalise(name).split()[-1] if normalise(name) else ""
    texts = [normalise(POSSESSIVE.sub("", s.sentence.clean)) for s in facts.sentences]
    return bool(key) and sum(f" {key} " in f" {t} " for t in texts) >= 4


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
