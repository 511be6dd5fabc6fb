"""What a page is about, and whether a stem's definite noun phrases say what they mean.

A stem is read by a student who has the article in mind but not the sentence around the
stem. "The capsule" and "the map" are clear in a quiz about a capsule or a map; "the
reply", "the craft" or "the nearby cave" point at a sentence the student does not see.
``confidence.references_grounded`` asks this module two things:

* ``page_context``: the nouns the quiz is about, from the page's title, headline and
  standfirst (the lines above the body that read as such), the common nouns the page
  writes right after a name from the headline ("OSIRIS-REx spacecraft"), and the other
  kind nouns of their kind (``data/kinds.toml``: "probe" brings "spacecraft"). A page
  with no title or headline is about what its first sentence says.
* ``descriptions`` and ``grounded``: the definite noun phrases of a stem ("the" and the
  lower-case words after it, up to a preposition, a verb or punctuation) and whether
  each can be identified from the stem or the page (see ``grounded``).

An abbreviation is a second kind of reference: "the FDS" means nothing to a student
unless the stem spells out "flight data subsystem" (``unexplained_abbreviation``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.english_words import zipf_frequency
from quizapp.questiontypes.typed_answers import singular

from .clauses import IRREGULAR_PAST
from .kinds import name_heads, nouns_before_names
from .sentences import Sentence
from .stems import BLANK
from .vocabulary import Vocabulary

WORD = re.compile(r"___|[\w'’-]+")


@dataclass(frozen=True)
class Page:
    """What the confidence conditions know of the page a draft comes from."""

    text: str
    topic_nouns: frozenset[str]
    vocabulary: Vocabulary


# --- the page's topic -----------------------------------------------------------------

HEADLINE_WORDS = range(5, 41)
CAPITALISED_RUN = re.compile(r"(?<![\w-])[A-Z][\w-]*(?: [A-Z0-9][\w-]*)*")
NOT_A_NOUN = re.compile(
    r"^(?:[a-z]+ing|[a-z]+ed|cannot|is|are|was|were|has|have|had|will|would|should|can|"
    r"could|may|might|and|or|but|of|in|on|at|to|for|from|with|by|as|than|that|which|who|"
    r"said|says)$"
)


def headline_text(raw: str, body_start: int, title: str = "") -> str:
    """The title and the lines above the article body that read as its headline or
    standfirst: five to forty words, no menu bar ("Home | Science"), caption, byline,
    dateline or second sentence (a full stop after a lower-case word)."""
    lines = (line.strip() for line in raw[:body_start].splitlines())
    heading = [
        line
        for line in lines
        if len(line.split()) in HEADLINE_WORDS
        and "|" not in line
        and not line.startswith(("[", "(", "By ", "Published"))
        and not re.search(r"[a-z]{2}\. [A-Z]|\s[—–]\s", line)
    ]
    return " ".join([title, *heading])


def noun_key(word: str) -> str:
    """A noun as the conditions compare it: lower case, singular, no possessive."""
    return singular(re.sub(r"['’]s?$", "", word.lower()))


def heading_names(heading: str) -> set[str]:
    """Capitalised runs of the headline and their runs of up to three words ("NASA's
    OSIRIS-REx mission": "NASA", "OSIRIS-REx", ...), whatever the headline's
    capitalisation (a Title Case headline capitalises every word)."""
    names = set()
    for run in CAPITALISED_RUN.findall(heading):
        words = [re.sub(r"['’]s$", "", word) for word in run.split()]
        for size in range(1, 4):
            names.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return {name for name in names if len(name) > 2}


def subject_nouns(names: Sequence[str], sentences: Sequence[str]) -> set[str]:
    """Common nouns written right after one of ``names`` in the article ("OSIRIS-REx
    spacecraft", "Europa Clipper team"): the nouns the page uses for its subject."""
    nouns = set()
    for name in names:
        pattern = re.compile(rf"\b{re.escape(name)} (?P<noun>[a-z][a-z-]+)\b")
        for sentence in sentences:
            for match in pattern.finditer(sentence):
                if not NOT_A_NOUN.match(match["noun"]):
                    nouns.add(noun_key(match["noun"]))
    return nouns


def same_kind_nouns(nouns: set[str]) -> set[str]:
    """The kind nouns (``data/kinds.toml``) of the kinds some of ``nouns`` belong to:
    "probe" brings "spacecraft", "orbiter" and the other craft nouns."""
    heads, before = name_heads(), nouns_before_names()
    kinds = {heads.get(n) or before.get(n) for n in nouns} - {None}
    return {n for table in (heads, before) for n, kind in table.items() if kind in kinds}


def page_context(
    raw: str, sentences: Sequence[Sentence], vocabulary: Vocabulary, title: str = ""
) -> Page:
    """The page's text and the nouns its quiz is about (see module docstring)."""
    texts = [s.clean for s in sentences]
    heading = headline_text(raw, sentences[0].start if sentences else len(raw), title)
    if not heading.strip() and texts:
        heading = texts[0]
    nouns = {noun_key(word) for word in re.findall(r"[A-Za-z][\w-]*", heading)}
    nouns |= subject_nouns(sorted(heading_names(heading)), texts)
    nouns |= same_kind_nouns(nouns)
    return Page(" ".join(texts), frozenset(nouns), vocabulary)


# --- definite descriptions ------------------------------------------------------------

# Words that end a noun phrase: prepositions, conjunctions, relative words, pronouns,
# determiners, auxiliaries and verbs in the past.
NOUN_PHRASE_END = re.compile(
    r"^(?:of|to|in|on|at|for|from|with|by|as|into|onto|over|under|about|after|before|during|"
    r"since|until|than|around|across|through|between|against|without|within|along|among|"
    r"toward|towards|upon|via|per|like|near|beyond|behind|below|above|off|out|up|down|"
    r"and|or|but|nor|so|yet|that|which|who|whom|whose|where|when|while|because|if|it|"
    r"itself|its|they|them|their|he|him|his|she|her|we|our|you|a|an|the|this|these|those|"
    r"not|also|still|now|then|there|here|together|ever|already|would|will|could|can|may|"
    r"might|must|should|did|does|do|is|are|was|were|be|been|being|has|have|had|"
    rf"{IRREGULAR_PAST}|[a-z]+ed)$"
)
# An adverb ends a phrase too, but never opens one ("the reply", "the family").
ADVERB = re.compile(r"^[a-z]+ly$")
MAX_DESCRIPTION_WORDS = 4
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
GENERIC_PARTICIPANTS = frozenset(
    """article story team researcher scientist author study research paper finding result
    evidence work mission project expedition experiment""".split()
)
TIME_NOUNS = frozenset(
    "year month week day decade century time season morning afternoon evening night era "
    "past future".split()
)
ONLY_ONE = frozenset(
    "world sun earth sky ground surface atmosphere stratosphere mesosphere troposphere "
    "ionosphere universe public".split()
)
ONLY_ONE_PHRASES = frozenset({"solar system", "planetary system", "milky way"})
RELATIVE_ADJECTIVES = frozenset(
    "nearby neighbouring neighboring adjacent other same remaining latter former".split()
)
ORDINAL = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|only|"
    r"next|most|least|\w{3,}est)$"
)
# What defines a description right after it: a phrase of place or "of" (not "with",
# which more often belongs to the verb: "share space on the mast with ..."), a relative
# clause or participle, a name or the blank ("the journal ___"), an appositive (", the
# boundary of ...", ", called Casgevy", ", Richard Slayman"), or a second noun with "of"
# ("the front and rear of the rover").
DEFINED_AFTER = re.compile(
    r"^\s*(?:of|to|for|from|in|on|at|around|near|inside|behind|aboard|between|within|that|"
    r"which|who|whom|whose|where|known|called|named|[a-z]+ed by)\b|^\s*(?:[A-Z0-9]|___)|"
    r"^, (?:the|a|an) [a-z]|^, (?:called|named|known as) |^, [A-Z]|^ and \w+ of\b"
)
# An indefinite noun phrase: what a later description in the stem may refer back to.
INDEFINITE = re.compile(r"(?:^|\s)[Aa]n? (?!few\b|number\b|lot\b)[\w-]")
# A description set off after a name ("Ingenuity, the mini-helicopter,") describes it.
NAMED_BEFORE = re.compile(r"[A-Z][\w-]*, $")


@dataclass(frozen=True)
class Description:
    """A definite noun phrase of a stem: its words after "the" and where it ends."""

    words: tuple[str, ...]
    end: int

    @property
    def start(self) -> int:
        """Where the phrase's first word starts in the stem."""
        return self.end - len(" ".join(self.words))

    @property
    def heads(self) -> tuple[str, ...]:
        """The words that may be the phrase's noun, singular: its last word, or an
        earlier one when the last is a verb in the present ("the evidence comes", "the
        capsule hit"), which a phrase read without a tagger takes in."""
        return tuple(noun_key(word) for word in self.words if word != BLANK)


def descriptions(stem: str) -> list[Description]:
    """The definite noun phrases of ``stem`` outside quotations whose first word is in
    lower case ("the reply", "the nearby cave", "the ___ companies"); "the" before a
    name ("the University of Arizona") is part of the name."""
    text = re.sub(r"[\"“][^\"”]*[\"”]", lambda m: " " * len(m.group()), stem)
    found = []
    for match in re.finditer(r"\b[Tt]he ", text):
        words, end = [], match.end()
        for word in WORD.finditer(text, match.end()):
            token = word.group()
            if text[end : word.start()].strip() or token[:1].isupper():
                break
            if NOUN_PHRASE_END.match(token) or len(words) == MAX_DESCRIPTION_WORDS:
                break
            if words and ADVERB.match(token):
                break
            if words and (token == BLANK or token[:1].isdigit() or token in NUMBER_WORDS):
                break  # "the journal ___" is named; "the observatory carries four ..."
            words.append(token)
            end = word.end()
            if re.search(r"['’]s?$", token):
                break  # "the world's": the possessor is the phrase
        if words and words != [BLANK]:
            found.append(Description(tuple(words), end))
    return found


def agent_of(noun: str, topic: frozenset[str]) -> bool:
    """True when ``noun`` names the doer or the act of a topic word ("winner" of "win",
    "landing" of "lands")."""
    for suffix in ("er", "or", "ing"):
        if noun.endswith(suffix) and len(noun) > 4:
            root = noun[: -len(suffix)]
            stems = {root, root + "e", root[:-1] if root[-1:] == root[-2:-1] else root}
            if stems & topic:
                return True
    return False


def noun_grounded(head: str, earlier: set[str], page: Page) -> bool:
    """True when a description's noun needs no definition: a time, a thing of which
    there is one, a participant of any report, a noun the stem named before, or one of
    the page's topic nouns (or their doer or act, "winner" of "win")."""
    known = TIME_NOUNS | ONLY_ONE | GENERIC_PARTICIPANTS | earlier | page.topic_nouns
    return head in known or head.isdigit() or agent_of(head, page.topic_nouns)


def grounded(description: Description, stem: str, page: Page) -> bool:
    """True when a student can tell what ``description`` refers to: it is defined in the
    stem (an ordinal or superlative, a phrase, clause, name or appositive after it, a
    name before it, an indefinite noun phrase before it that it refers back to) or its
    noun needs no definition (``noun_grounded``). A relative adjective ("the nearby
    cave") needs a reference point the stem does not give, unless it places a time."""
    words, start = description.words, description.start
    if set(words) & RELATIVE_ADJECTIVES and not set(description.heads) & TIME_NOUNS:
        return False
    if any(ORDINAL.match(w) for w in words) or " ".join(words[-2:]) in ONLY_ONE_PHRASES:
        return True
    if DEFINED_AFTER.match(stem[description.end :]) or NAMED_BEFORE.search(stem[: start - 4]):
        return True
    if INDEFINITE.search(stem[:start]):
        return True  # "a Yucatan miniature pig ... the animal's genome" refers back
    earlier = {noun_key(w) for w in WORD.findall(stem[:start])}
    return any(noun_grounded(head, earlier, page) for head in description.heads)


# --- abbreviations --------------------------------------------------------------------

ABBREVIATION = re.compile(r"\b[A-Z]{2,6}(?=s?\b)")
COMMON_ZIPF = 3.5
SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in"})


def spelled_out(short: str, text: str) -> str | None:
    """The words ``text`` spells ``short`` out with ("flight data subsystem, or FDS",
    "Flight Data Subsystem (FDS)"), or None."""
    for marker in (rf", or {short}\b", rf" \({short}\)"):
        for match in re.finditer(marker, text):
            words = re.findall(r"[\w-]+", text[: match.start()])[-2 * len(short) :]
            for first in range(len(words)):
                if words[first].lower() in SMALL_WORDS:
                    continue
                tail = [w for w in words[first:] if w.lower() not in SMALL_WORDS]
                if "".join(w[0] for w in tail).upper() == short:
                    return " ".join(words[first:])
    return None


def unexplained_abbreviation(stem: str, page: Page) -> str | None:
    """An uncommon abbreviation (Zipf frequency under 3.5: not NASA, FDA or DNA) of a term
    the article spells out elsewhere but the stem does not ("the FDS" for "the flight
    data subsystem"), or None. One that stands for a name ("ISRO", the Indian Space
    Research Organisation) names its bearer like any name."""
    for match in ABBREVIATION.finditer(stem):
        short = match.group()
        if zipf_frequency(short.lower()) >= COMMON_ZIPF:
            continue
        long = spelled_out(short, page.text)
        if long and long[:1].islower() and long.lower() not in stem.lower():
            return short
    return None
