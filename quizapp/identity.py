"""When two email addresses or names would look the same to a person.

An identity key is the Unicode TR39 (UTS #39) confusable skeleton of a text,
taken after NFKC normalisation and case folding, with combining marks dropped:
``alice``, ``alıce`` (dotless i), ``alİce``, ``аlice`` (Cyrillic а), ``a1ice``
and ``ALICE`` all have the key ``alice``. The skeleton comes from ``disarm``
(its TR39 confusables table, with TR39's ``1``/``l`` and ``0``/``O`` classes).
Two accounts may not share a key; the key is for comparing, never for display.
"""

import unicodedata

from disarm import has_bidi_control, skeleton_key

__all__ = ["has_bidi_control", "identity_key", "name_key"]


def _folded(text: str) -> str:
    """NFKC, case-folded, decomposed, without combining marks."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def identity_key(text: str) -> str:
    """The confusable skeleton two look-alike texts share."""
    return skeleton_key(_folded(text), digit_policy="tr39")


def name_key(text: str) -> str:
    """The identity key of a name, ignoring spaces and punctuation between its letters."""
    return "".join(char for char in identity_key(text) if char.isalnum())
