"""Whether an English word is used as a noun, without a tagger.

A count noun is written in the plural about as often as in the singular ("day" and
"days", "laser" and "lasers"); an adjective has no plural in use ("lunar" and "lunars",
"small" and "smalls"). ``inflect`` makes the plural and ``wordfreq`` says how often
each form is written.
"""

from __future__ import annotations

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
