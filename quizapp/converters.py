"""URL converters that turn out-of-range ids and malformed names into a 404.

A database cannot look up what it cannot represent: SQLite raises
``OverflowError`` beyond 64-bit integers, PostgreSQL refuses integers beyond
its 32-bit ``integer`` columns and strings holding a NUL byte. These
converters replace Flask's ``int`` and default string converters for every
rule, so a URL carrying such a value matches no rule at all and answers 404
before any view or query runs, including rules added later.
"""

from flask import Flask
from werkzeug.routing import IntegerConverter, UnicodeConverter

# The largest value of the integer primary keys on every supported database.
MAX_ID = 2**31 - 1
# No path segment the app serves is longer (slugs are at most 80 characters).
MAX_SEGMENT = 200
# Control characters (NUL included) never belong in a name in a URL.
_NO_CONTROLS = r"[^/\x00-\x1f\x7f]"


class BoundedIntConverter(IntegerConverter):
    """``<int:...>``: ASCII digits only, at most ``MAX_ID`` unless a rule says less."""

    regex = r"[0-9]{1,10}"

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits, min, max if max is not None else MAX_ID, signed)


class SegmentConverter(UnicodeConverter):
    """``<name>`` (the default): one path segment without control characters."""

    def __init__(self, map, minlength=1, maxlength=MAX_SEGMENT, length=None):  # noqa: A002
        super().__init__(map, minlength, maxlength, length)
        self.regex = self.regex.replace("[^/]", _NO_CONTROLS, 1)


class SlugConverter(SegmentConverter):
    """``<slug:...>``: a quiz or bank slug, 1 to 80 characters, no spaces or controls."""

    def __init__(self, map):  # noqa: A002
        super().__init__(map, minlength=1, maxlength=80)
        self.regex = self.regex.replace(_NO_CONTROLS, r"[^/\s\x00-\x1f\x7f]", 1)


def register(app: Flask) -> None:
    """Install the converters; call before any blueprint adds its rules."""
    app.url_map.converters.update(
        int=BoundedIntConverter,
        default=SegmentConverter,
        string=SegmentConverter,
        slug=SlugConverter,
    )
