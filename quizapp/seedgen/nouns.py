"""Whether an English word is used as a noun, without a tagger.

A count noun is written in the plural about as often as in the singular ("day" and
"days", "laser" and "lasers"); an adjective has no plural in use ("lunar" and "lunars",
"small" and "smalls"). ``inflect`` makes the plural and ``wordfreq`` says how often
each form is written.
"""

from __future__ import annotations

import re
from functools import cache

from quizapp.english_words import inflector, zipf_frequency

PLURAL_GAP = 1.5  # a noun's plural is at most this much rarer (Zipf scale) than its singular


@cache
def is_count_noun(word: str) -> bool:
    """True for a word used as a countable noun ("day", "instruments"), False for an
    adjective or other word with no plural in use ("lunar", "hexagonal", "worse")."""
    lowered = word.lower()
    if not lowered.isalpha():
        return False
    if inflector().singular_noun(lowered):
        return True  # already a plural: "instruments", "kelvins"
    plural = inflector().plural_noun(lowered)
    written = zipf_frequency(plural)
    return written > 0 and written >= zipf_frequency(lowered) - PLURAL_GAP


MAX_MODIFIERS = 6
MODIFIER = re.compile(r" (?P<word>[A-Za-z][\w'’]*(?:-[\w'’]+)*)")
ENDS_PHRASE = frozenset(
    "of or to and the a an as than in on at by for from with into who which that is are was "
    "were has have had would could will can may might must be been did does do".split()
)


def is_plural_noun(word: str) -> bool:
    """True for the plural of a count noun ("missions", "geese"); never a short word that
    only looks plural ("as", "is")."""
    return (
        len(word) > 2
        and "-" not in word
        and bool(inflector().singular_noun(word))
        and (is_count_noun(word))
    )


def head_noun(text: str, position: int) -> tuple[int, int] | None:
    """Span of the plural noun a number counts, skipping the adjectives and names before
    it ("three robotic Luna missions" -> "missions", "three Black Brant IX sounding
    rockets" -> "rockets"); None when the noun phrase ends first ("several hundred broke
    into cheers")."""
    for _ in range(MAX_MODIFIERS + 1):
        match = MODIFIER.match(text, position)
        if not match or match["word"].lower() in ENDS_PHRASE:
            return None
        word = match["word"]
        if word.islower() and is_plural_noun(word):
            return match.start("word"), match.end("word")
        position = match.end()
    return None
