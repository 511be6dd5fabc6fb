"""The publication date a news page gives in its header chrome (``pagedates``).

The pages are written for these tests: a menu, a headline, a date line and a byline
above two paragraphs of prose.
"""

import datetime as dt

import pytest

from quizapp.seedgen.pagedates import header_dates, last_update, parse_segment, publication_date

BODY = (
    "The harbour authority opened a new lock on the river after four years of building work.\n\n"
    "Engineers said the gates were tested with a full load of water before the first ships passed."
)


def page(date_line: str, body: str = BODY) -> str:
    """A small news page with ``date_line`` between its headline and byline."""
    return (
        "RIVERSIDE GAZETTE\nHome | Local | Business | Science\n\n"
        "New river lock opens to shipping\n"
        f"{date_line}\nBy Jo Marsh, Transport Reporter\nShare   Email\n\n{body}\n"
    )


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("Published March 5, 2024, 7:40 a.m. PT", dt.date(2024, 3, 5)),
        ("Published: 12 February 2023", dt.date(2023, 2, 12)),
        ("Posted Sept. 8, 2022 at 11:02 p.m. EDT", dt.date(2022, 9, 8)),
        ("Jan. 30, 2021 | 6:15 PM", dt.date(2021, 1, 30)),
        ("Tuesday 14 May 2024 16.20 BST | Last modified Tuesday 14 May 2024 18.05 BST",
         dt.date(2024, 5, 14)),
        ("October 1, 2020 · 8:30 PM GMT+5:30 · Updated two hours ago", dt.date(2020, 10, 1)),
        ("Published Nov. 2, 2023 at 9:00 a.m. CET | Updated Nov. 3, 2023", dt.date(2023, 11, 2)),
        ("Updated 21 August 2022", dt.date(2022, 8, 21)),
        ("2019-06-17", dt.date(2019, 6, 17)),
    ],
)  # fmt: skip
def test_publication_date_from_header_styles(date_line, expected):
    assert publication_date(page(date_line)) == expected


def test_no_publication_date_from_a_body_sentence():
    body = (
        "The harbour authority opened a new lock on the river on March 5, 2024, after four "
        "years of work.\n\nEngineers said the gates were tested before the first ships passed."
    )
    assert publication_date(page("By the transport desk", body)) is None


def test_a_date_line_inside_the_body_is_not_the_header():
    body = f"{BODY}\nPublished March 9, 2024\n{BODY}"
    assert publication_date(page("5 min read", body)) is None


def test_no_publication_date_when_the_header_has_none():
    assert publication_date(page("Updated 6:40 p.m. MDT")) is None
    assert publication_date(page("Listen to this article  4 min")) is None


def test_two_conflicting_header_dates_give_none():
    assert publication_date(page("Published March 5, 2024\nMarch 7, 2024")) is None
    assert publication_date(page("Published: 3 May 2023 | Updated: 1 May 2023")) is None


def test_agreeing_header_dates_give_that_date():
    date_lines = "March 5, 2024\nPublished Tuesday, March 5, 2024 | Updated March 6, 2024"
    assert publication_date(page(date_lines)) == dt.date(2024, 3, 5)


def test_a_weekday_that_disagrees_with_its_date_is_no_date():
    assert parse_segment("Wednesday 14 May 2024") is None
    assert parse_segment("Tues., May 14, 2024") == parse_segment("May 14, 2024")


def test_header_dates_keep_their_labels_in_page_order():
    dates = header_dates(page("Published Nov. 2, 2023 | Updated Nov. 3, 2023, 1:10 p.m."))
    assert [(d.label, d.day) for d in dates] == [
        ("published", dt.date(2023, 11, 2)),
        ("updated", dt.date(2023, 11, 3)),
    ]


def test_last_update_is_the_latest_update_date():
    assert last_update(page("Published Nov. 2, 2023 | Updated Nov. 3, 2023")) == dt.date(
        2023, 11, 3
    )
    assert last_update(page("Published Nov. 2, 2023")) is None
