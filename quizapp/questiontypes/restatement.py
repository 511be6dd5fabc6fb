"""Typed answers that restate part of the question around the answer.

A student who knows the answer often repeats words of the question with it.
Asked "In which crater on Mars did Perseverance land?", they type "Jezero
Crater on Mars", "in Jezero Crater, on Mars" or "Perseverance landed in Jezero
Crater"; asked "Which orbiter relayed the rover's data to Earth?", they type
"the Mars Reconnaissance Orbiter relayed it". Such an answer is an accepted
variant (compared as ``typed_answers`` compares it) with a *restating phrase*
before it, after it, or both:

- every content word of a phrase is a word of the prompt, read the same way
  (case, a possessive, singular or plural, a verb's -s, -ed or -ing form); its
  other words are function words: determiners, pronouns, auxiliaries and
  prepositions of place or means;
- a phrase is joined to the answer by a comma, a preposition, an auxiliary
  ("it was ...") or a verb of the prompt ("... relayed it");
- a phrase with a content word holds a preposition or a verb, so a bare noun
  beside the answer ("Jezero, Gale") is never a restatement;
- "and", "or", "but", "not" (also in "didn't") and the like never occur in
  a phrase: two answers are not one, and a denied answer is not given.

So "Jezero Crater near the equator" (when the prompt does not say "equator"),
"Gale Crater on Mars", "Jezero or Gale" and "Jezero, not Gale" stay wrong.
A preposition just before the answer stays with it, so "in the back" still
contradicts an accepted "on the back".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quizapp.english_words import answer_heads
from quizapp.questiontypes.typed_answers import (
    APOSTROPHES,
    DETERMINERS,
    PREPOSITIONS,
    answer_matches,
    singular,
)

# Prepositions that place or relate the answer without naming a rival to it.
# "after", "before", "instead of", "except", "without" and "not" are left out on purpose.
LINK_PREPOSITIONS = PREPOSITIONS | frozenset(
    "of with for as via over across through toward towards around above below "
    "off up down out about along upon".split()
)
AUXILIARIES = frozenset(
    "is was are were be been being am do does did has have had "
    "can could will would may might must shall should called named known".split()
)
PRONOUNS = frozenset("it they them he she him one ones there here".split())
RELATIVES = frozenset("which that who whom whose where when what".split())
FUNCTION_WORDS = DETERMINERS | PRONOUNS | RELATIVES | AUXILIARIES | LINK_PREPOSITIONS
# Words that join a second answer or deny one: never part of a restating phrase.
NEVER_RESTATING = frozenset(
    "and or nor but plus not no never neither none without except instead".split()
)
QUESTION_WORDS = frozenset(("which", "what", "whose"))
# A prompt word after one of these is a verb ("are used", "to photograph").
BEFORE_VERBS = AUXILIARIES | {"to"}
COMMA = ","
# A comma, semicolon, colon, a full stop ending a word, or a dash between spaces.
SEPARATOR = re.compile(r"[,;:!?]|\.(?!\w)|(?<=\s)[-\u2013\u2014]+(?=\s)")
# The answer itself is never much longer than the longest accepted variant.
EXTRA_ANSWER_WORDS = 4


@dataclass(frozen=True)
class Token:
    """A word of the typed text (casefolded, possessive set aside) or a comma, with its span."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class QuestionWords:
    """The forms of every word of a prompt, and of those that look like its verbs."""

    words: frozenset[str]
    verbs: frozenset[str]


@lru_cache(maxsize=8192)
def word_forms(word: str) -> frozenset[str]:
    """The word with each ending a noun or a verb may take removed ("landed" -> "land").

    Nouns go through ``singular`` (inflect). Verb endings are stripped here: the web
    workers that grade answers stay free of spaCy, which lemminflect, the lemma
    tables' usual home, imports whenever it is installed. A stripped form is only
    compared with the forms of the prompt's own words."""
    forms = {word, singular(word)}
    if word.endswith("ied"):
        forms.add(word[:-3] + "y")
    elif word.endswith("ed"):
        forms |= {word[:-1], word[:-2]}
        if len(word) > 4 and word[-3] == word[-4]:
            forms.add(word[:-3])  # "dropped" -> "drop"
    if word.endswith("ing"):
        forms |= {word[:-3], word[:-3] + "e"}
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    return frozenset(form for form in forms if form == word or len(form) >= 3)


def _plain_word(word: str) -> str:
    """A word casefolded, its possessive ending and other apostrophes removed ("n't" is "not")."""
    word = word.casefold()
    if word.endswith("n't"):
        return "not"
    if word.endswith("'s"):
        word = word[:-2]
    return word.replace("'", "")


def _is_word_character(ch: str) -> bool:
    return ch == "'" or (not ch.isspace() and unicodedata.category(ch)[0] not in "PS")


def tokens(text: str) -> list[Token]:
    """The words and commas of ``text``; other punctuation only separates words."""
    separators = {match.start() for match in SEPARATOR.finditer(text)}
    found, start = [], None
    for index, ch in enumerate(text + " "):
        if _is_word_character(ch):
            start = index if start is None else start
            continue
        if start is not None:
            word = _plain_word(text[start:index])
            if word:
                found.append(Token(word, start, index))
            start = None
        if index in separators and found and found[-1].text != COMMA:
            found.append(Token(COMMA, index, index + 1))
    return found


def _verb_positions(words: list[str], written: list[str]) -> Iterator[int]:
    """Positions of prompt words that look like verbs: "landed", "are used", "which X relays"."""
    for k, word in enumerate(words):
        if written[k][:1].isupper() or word in FUNCTION_WORDS:
            continue
        after_auxiliary = k > 0 and words[k - 1] in BEFORE_VERBS
        after_question_noun = k > 1 and words[k - 2] in QUESTION_WORDS
        if (
            (word.endswith("ed") and len(word) >= 4)
            or after_auxiliary
            or (after_question_noun and singular(word) not in answer_heads())
        ):
            yield k


@lru_cache(maxsize=1024)
def question_words(prompt: str) -> QuestionWords:
    """The words a restating phrase may take from ``prompt``."""
    normal = unicodedata.normalize("NFKC", prompt).translate(APOSTROPHES)
    found = [token for token in tokens(normal) if token.text != COMMA]
    words = [token.text for token in found]
    written = [normal[token.start : token.end] for token in found]
    verbs = {words[k] for k in _verb_positions(words, written)}
    return QuestionWords(
        frozenset().union(*(word_forms(w) for w in words)),
        frozenset().union(*(word_forms(w) for w in verbs)),
    )


def _from_question(word: str, question: QuestionWords) -> bool:
    return bool(word_forms(word) & question.words)


def _is_verb(word: str, question: QuestionWords) -> bool:
    """A verb of the prompt, or a word of the prompt typed in the past tense ("landed")."""
    forms = word_forms(word)
    return bool(forms & question.verbs) or (word.endswith("ed") and bool(forms & question.words))


def _relates(word: str, question: QuestionWords) -> bool:
    """Whether ``word`` relates a phrase to the answer: a preposition, auxiliary or verb."""
    return word in LINK_PREPOSITIONS or word in AUXILIARIES or _is_verb(word, question)


def _restates(phrase: list[str], question: QuestionWords, related: bool = False) -> bool:
    """Whether a phrase only repeats the prompt: function words and the prompt's own words.

    ``related`` says the phrase is already tied to the answer by a preposition
    that stays with the answer.
    """
    content = False
    for word in phrase:
        if word in NEVER_RESTATING:
            return False
        if word == COMMA or word in FUNCTION_WORDS:
            related = related or _relates(word, question)
            continue
        if not _from_question(word, question):
            return False
        content = True
        related = related or _is_verb(word, question)
    return related or not content


def _leads_in(phrase: list[str], answer_start: str, question: QuestionWords) -> bool:
    """Whether ``phrase`` may come before an answer that starts with ``answer_start``.

    A preposition just before the answer belongs to the answer (it may contradict
    the accepted one), so a phrase never ends with one.
    """
    if not phrase:
        return True
    if phrase[-1] in PREPOSITIONS:
        return False
    by_preposition = answer_start in PREPOSITIONS
    joined = by_preposition or phrase[-1] == COMMA or _relates(phrase[-1], question)
    return joined and _restates(phrase, question, by_preposition)


def _trails(phrase: list[str], question: QuestionWords) -> bool:
    """Whether ``phrase`` may follow the answer."""
    if not phrase:
        return True
    first = phrase[0]
    joined = first == COMMA or first in RELATIVES or _relates(first, question)
    return joined and _restates(phrase, question)


def _answer_spans(words: list[str], question: QuestionWords) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of words that restating phrases may surround."""
    size = len(words)
    ends = [end for end in range(1, size + 1) if _trails(words[end:], question)]
    for start in range(size):
        if words[start] == COMMA or not _leads_in(words[:start], words[start], question):
            continue
        for end in ends:
            if start < end and words[end - 1] != COMMA and (start, end) != (0, size):
                yield start, end


@lru_cache(maxsize=2048)
def restated_answers(typed: str, prompt: str) -> tuple[str, ...]:
    """The parts of ``typed`` that would be the answer once phrases restating ``prompt`` go.

    Each part is the typed text itself (spelling, hyphens and capitals kept),
    shortest first; none when the prompt is empty.
    """
    question = question_words(prompt)
    if not question.words:
        return ()
    normal = unicodedata.normalize("NFKC", typed).translate(APOSTROPHES).replace("&", " and ")
    found = tokens(normal)
    words = [token.text for token in found]
    spans = sorted(_answer_spans(words, question), key=lambda span: (span[1] - span[0], span))
    return tuple(
        dict.fromkeys(normal[found[start].start : found[end - 1].end] for start, end in spans)
    )


def restated_answer_matches(typed: str, accepted: Sequence[str], prompt: str) -> bool:
    """True when ``typed`` is one of ``accepted`` with words restating ``prompt`` around it."""
    variants = [variant for variant in accepted if isinstance(variant, str)]
    if not variants or not prompt:
        return False
    longest = max(len(tokens(variant)) for variant in variants)
    for answer in restated_answers(typed, prompt):
        if len(tokens(answer)) > longest + EXTRA_ANSWER_WORDS:
            break
        if answer_matches(answer, variants):
            return True
    return False
