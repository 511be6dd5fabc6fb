"""CSV downloads: formulas neutralised, UTF-8 with BOM, streamed."""

import csv
import io

import pytest

from quizapp.spreadsheet import csv_lines, csv_response, safe_cell


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("http://x")'],
)
def test_cells_a_spreadsheet_would_run_are_written_as_text(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "written"),
    [("Mars", "Mars"), (-3, "-3"), (0.5, "0.5"), (None, ""), (True, "yes"), ("a=b", "a=b")],
)
def test_ordinary_cells_are_unchanged(value, written):
    assert safe_cell(value) == written


def test_the_file_starts_with_a_bom_and_round_trips(app):
    text = "".join(csv_lines(["name", "score"], [["Zoë", 0.75], ["=evil()", -1]]))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [["name", "score"], ["Zoë", "0.75"], ["'=evil()", "-1"]]


def test_the_download_is_named_and_typed(app):
    with app.test_request_context():
        response = csv_response("results.csv", ["a"], iter([[1], [2]]))
        assert response.mimetype == "text/csv"
        assert 'filename="results.csv"' in response.headers["Content-Disposition"]
        body = response.get_data(as_text=True)
        assert body.splitlines() == ["\ufeffa", "1", "2"]
