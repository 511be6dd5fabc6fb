"""CSV downloads that spreadsheet programs open safely.

Files are UTF-8 with a byte-order mark (so Excel reads accents right) and
every cell that a spreadsheet would take for a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with a quote
character, so it is shown as text and never run. Rows are streamed, a few
hundred lines at a time, so an export of a million rows never sits in memory.
"""

import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from flask import Response, stream_with_context

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
# Rows written per chunk of the streamed download.
CHUNK_ROWS = 500


def safe_cell(value: Any) -> str:
    """The cell's text, neutralised when a spreadsheet would read it as a formula.

    Numbers stay numbers: a negative int or float is written as it is.
    """
    if type(value) is str:  # the common case, checked first: exports call this per cell
        text = value
    elif value is None:
        return ""
    elif isinstance(value, bool):
        return "yes" if value else "no"
    elif isinstance(value, int | float):
        return str(value)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_lines(header: list[str], rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """The CSV text in chunks of whole lines, BOM first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)
        return text

    writer.writerow([safe_cell(name) for name in header])
    yield BOM + flush()
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, CHUNK_ROWS)):
        writer.writerows([safe_cell(value) for value in row] for row in chunk)
        yield flush()


def csv_response(filename: str, header: list[str], rows: Iterable[Iterable[Any]]) -> Response:
    """A streamed CSV download named ``filename``."""
    response = Response(
        stream_with_context(csv_lines(header, rows)), mimetype="text/csv; charset=utf-8"
    )
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
