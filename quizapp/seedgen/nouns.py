"""Whether an English word is used as a noun, without a tagger.

A count noun is written in the plural about as often as in the singular ("day" and
"days", "laser" and "lasers"); an adjective has no plural in use ("lunar" and "lunars",
"small" and "smalls"). ``inflect`` makes the plural and ``wordfreq`` says how often
each form is written.
"""

from __future__ import annotations

from functools import cache

PLURAL_GAP = 1.5  # a noun's plural is at most this much rarer (Zipf scale) than its singular


@cache
def _inflector():
    import inflect

    return inflect.engine()


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@cache
def is_count_noun(word: str) -> bool:
    """True for a word used as a countable noun ("day", "instruments"), False for an
    adjective or other word with no plural in use ("lunar", "hexagonal", "worse")."""
    lowered = word.lower()
    if not lowered.isalpha():
        return False
    if _inflector().singular_noun(lowered):
        return True  # already a plural: "instruments", "kelvins"
    plural = _inflector().plural_noun(lowered)
    return _zipf(plural) > 0 and _zipf(plural) >= _zipf(lowered) - PLURAL_GAP
