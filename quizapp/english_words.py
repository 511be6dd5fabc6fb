"""English inflection and word frequencies, loaded on first use.

``inflect`` takes seconds to import and ``wordfreq``'s lists are large, so neither
is loaded when the app starts; grading and the question generator share one of each.
"""

from functools import lru_cache


@lru_cache(maxsize=1)
def inflector():
    """The ``inflect`` engine."""
    import inflect

    return inflect.engine()


@lru_cache(maxsize=8192)
def zipf_frequency(word: str) -> float:
    """How often ``word`` is written in English, on the Zipf scale (0 when never)."""
    from wordfreq import zipf_frequency as frequency

    return frequency(word, "en")
