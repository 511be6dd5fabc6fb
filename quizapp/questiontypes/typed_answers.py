"""Fair comparison of a typed answer with the accepted variants of a ``short`` question.

A student who knows the answer should not lose the mark for how they wrote it.
Both the typed text and every accepted variant are reduced to a *reading*:

- Unicode NFKC, casefolded, curly apostrophes made straight;
- "Hazard Cameras (Hazcams)" is read three ways: whole, "Hazard Cameras" and "Hazcams";
- leading prepositions of place ("on the belly"), determiners and quantifiers
  ("the", "its", "several") and a leading possessive ("the rover's belly",
  "NASA's Mars Reconnaissance Orbiter") are set aside;
- punctuation becomes a space ("Mastcam-Z" = "Mastcam Z") and spaces are ignored
  when comparing, so "heatshield" = "heat shield";
- the last word, and each word before "and" or "or", is put in the singular with
  ``inflect`` ("Navcams" = "Navcam", "rocks and soil" = "rock and soil").

A typed answer may also say a little more or order its parts differently:

- a name followed by the noun of its kind is the name ("HiRISE camera", "Jezero
  crater", "Artemis missions"), when the accepted answer is written as a name (a
  capital letter or a digit in its last word) and the extra word is one of
  ``answer_heads`` of ``seedgen/data/kinds.toml``, so "HiRISE Mars" is still not "HiRISE";
- a noun for a portion of some material, after it or before it with "of", leaves
  the material ("rock and regolith samples", "samples of rock and regolith",
  "dust layer", "a layer of dust");
- the parts of "A and B" may come in either order ("soil and rock"), and "&" is "and".

Words that restate the question around the answer ("Jezero Crater on Mars")
are set aside by ``restatement``, which needs the prompt and so works around
this module rather than inside it.

Two readings match when their letters agree and their prepositions do not
contradict each other ("on the back" matches "back" and "on the back", never
"in the back" when the key says "on"). Small typos are forgiven only in long
answers (``rapidfuzz`` edit distance, at most one edit from 8 letters, two from
14), never in a one- or two-letter part or a number ("Mastcam" is not
"Mastcam-Z"), and never when the typed word is itself a common English word
(``wordfreq``), so "tables" is not "cables" and "pocket engines" is not "rocket
engines".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from quizapp.english_words import answer_heads, inflector, zipf_frequency

PREPOSITIONS = frozenset(
    "on in at onto into inside within aboard near by from to under beneath".split()
)
DETERMINERS = frozenset(
    "the a an its their his her our your my this that these those some several".split()
)
CONJUNCTIONS = frozenset(("and", "or"))
# Nouns for a portion of a material: "rock samples" are rock, "a layer of dust" is dust.
PORTION_NOUNS = frozenset("sample specimen piece bit chunk fragment grain particle layer".split())
# A typed word at least this common in English is a real word, not a typo.
REAL_WORD_ZIPF = 3.0
MIN_FUZZY_LETTERS = 8
PARENTHESES = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@dataclass(frozen=True)
class Reading:
    """One way of reading an answer: a preposition set aside and the remaining words."""

    preposition: str | None
    words: tuple[str, ...]
    is_name: bool = False

    @property
    def letters(self) -> str:
        """The words run together, so compounds written as one word still agree."""
        return "".join(self.words)


@lru_cache(maxsize=4096)
def singular(word: str) -> str:
    """The singular of an English noun, or the word itself when it is not a plural."""
    if len(word) <= 3 or not word.isalpha():
        return word
    result = inflector().singular_noun(word)
    return result if isinstance(result, str) and result else word


def _words(text: str) -> list[str]:
    cleaned = []
    for ch in text:
        if ch == "'" or unicodedata.category(ch)[0] not in "PS":
            cleaned.append(ch)
        else:
            cleaned.append(" ")
    return "".join(cleaned).split()


def _set_aside_leading(words: list[str]) -> tuple[str | None, list[str]]:
    """Drop leading prepositions, determiners and possessives; return the preposition seen."""
    preposition = None
    changed = True
    while changed and len(words) > 1:
        changed = False
        head = words[0]
        if head in PREPOSITIONS and preposition is None:
            preposition, words, changed = head, words[1:], True
        elif head in DETERMINERS or head.endswith(("'s", "s'")):
            words, changed = words[1:], True
    return preposition, words


def _in_the_singular(words: list[str]) -> list[str]:
    """Each part's head noun in the singular: the last word, and each word before "and"/"or"."""
    heads = {len(words) - 1} | {i - 1 for i, word in enumerate(words) if word in CONJUNCTIONS}
    return [singular(word) if i in heads else word for i, word in enumerate(words)]


def _reading(text: str, is_name: bool = False) -> Reading | None:
    preposition, words = _set_aside_leading(_words(text))
    words = [w.replace("'", "") for w in words]
    words = [w for w in words if w]
    if not words:
        return None
    return Reading(preposition, tuple(_in_the_singular(words)), is_name)


def _written_as_name(text: str) -> bool:
    """Whether an answer's last word has a capital letter or a digit ("Jezero", "HiRISE")."""
    words = _words(text)
    return bool(words) and any(ch.isupper() or ch.isdigit() for ch in words[-1])


@lru_cache(maxsize=4096)
def readings(text: str) -> tuple[Reading, ...]:
    """Every reading of an answer (whole, and each side of a parenthesis)."""
    normal = unicodedata.normalize("NFKC", text).translate(APOSTROPHES).strip()
    texts = [normal]
    parts = PARENTHESES.match(normal)
    if parts:
        texts += [parts["outer"], parts["inner"]]
    found = (_reading(t.casefold(), _written_as_name(t)) for t in texts)
    return tuple(dict.fromkeys(r for r in found if r is not None))


def _allowed_edits(letters: str) -> int:
    if len(letters) < MIN_FUZZY_LETTERS:
        return 0
    return 1 if len(letters) < 14 else 2


def _exact_part(word: str) -> bool:
    """Short parts and numbers must be typed exactly ("Z" in "Mastcam-Z", "2020")."""
    return len(word) <= 2 or any(ch.isdigit() for ch in word)


def _is_real_other_word(typed: str, key_words: tuple[str, ...]) -> bool:
    return typed not in key_words and zipf_frequency(typed) >= REAL_WORD_ZIPF


def _typo_of(given: Reading, key: Reading) -> bool:
    """True when ``given`` is ``key`` with a small typo that makes no other real word."""
    allowed = _allowed_edits(key.letters)
    if not allowed:
        return False
    # Imported on first use, like inflect: only grading a typed answer needs it.
    from rapidfuzz.distance import OSA

    if OSA.distance(given.letters, key.letters) > allowed:
        return False
    if any(_is_real_other_word(word, key.words) for word in given.words):
        return False
    exact = [w for w in key.words if _exact_part(w)]
    if len(given.words) == len(key.words):
        return all(g == k for g, k in zip(given.words, key.words, strict=True) if _exact_part(k))
    return all(w in given.words for w in exact)


def _compatible(given: Reading, key: Reading) -> bool:
    return given.preposition is None or key.preposition in (None, given.preposition)


def _in_any_order(reading: Reading) -> Reading:
    """The reading with the parts of "A and B" sorted, so "soil and rock" = "rock and soil"."""
    if "and" not in reading.words:
        return reading
    parts, current = [], []
    for word in reading.words:
        if word == "and":
            parts.append(tuple(current))
            current = []
        else:
            current.append(word)
    parts.append(tuple(current))
    if not all(parts):
        return reading
    ordered = [word for part in sorted(parts) for word in (*part, "and")][:-1]
    return Reading(reading.preposition, tuple(ordered), reading.is_name)


def _shortened(given: Reading, words: tuple[str, ...]) -> Reading:
    _, kept = _set_aside_leading(list(words))
    return Reading(given.preposition, tuple(_in_the_singular(kept)), given.is_name)


def _without_extra_nouns(given: Reading, key: Reading) -> list[Reading]:
    """``given`` without a trailing kind noun (after a name) or a portion noun."""
    words, found = given.words, []
    if len(words) < 2:
        return found
    last = words[-1]
    if key.is_name and last in answer_heads() and last not in key.words:
        found.append(_shortened(given, words[:-1]))
    if last in PORTION_NOUNS and last not in key.words:
        found.append(_shortened(given, words[:-1]))
    if len(words) > 2 and singular(words[0]) in PORTION_NOUNS and words[1] == "of":
        found.append(_shortened(given, words[2:]))
    return found


def _same(given: Reading, key: Reading) -> bool:
    if given.letters == key.letters or _typo_of(given, key):
        return True
    return _in_any_order(given).letters == _in_any_order(key).letters


def reading_matches(given: Reading, key: Reading) -> bool:
    """True when a typed reading and an accepted reading say the same thing."""
    if not _compatible(given, key):
        return False
    return _same(given, key) or any(_same(g, key) for g in _without_extra_nouns(given, key))


def _and_spelled_out(text: str) -> str:
    return text.replace("&", " and ")


def answer_matches(typed: str, accepted: list[str] | tuple[str, ...]) -> bool:
    """True when ``typed`` is a fair way of writing one of the ``accepted`` answers."""
    given = readings(_and_spelled_out(typed))
    for variant in accepted:
        if not isinstance(variant, str):
            continue
        keys = readings(_and_spelled_out(variant))
        if any(reading_matches(g, k) for g in given for k in keys):
            return True
    return False


def answer_key(text: str) -> str:
    """The letters of an answer's main reading: equal keys are the same answer to a student."""
    found = readings(text)
    return found[0].letters if found else ""


def load_language_data() -> None:
    """Load the word lists and tools grading uses, so the first graded answer is not slow.

    A server calls this when a worker starts (see :mod:`quizapp.serving`);
    grading a typed answer otherwise loads them on first use, which takes
    seconds.
    """
    answer_matches("heat shieldz", ["heat shields"])
