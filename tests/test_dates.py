"""Dates as pages write them, and the stamp a list of stories gives each headline."""

from __future__ import annotations

import pytest

from retina.clean.dates import parse_datetime, split_stamp


@pytest.mark.parametrize(
    ("line", "headline", "stamp"),
    [
        (
            "Ferry fares rise Published 3 November 2023",
            "Ferry fares rise",
            "Published 3 November 2023",
        ),
        # glued by markup without spaces between the link and its date
        ("Sea wall could failPublished 12 January", "Sea wall could fail", "Published 12 January"),
        ("Storm damage costs city | 3 hours ago", "Storm damage costs city", "3 hours ago"),
        ("Mazda fertigt flexibler 4. November 2021", "Mazda fertigt flexibler", "4. November 2021"),
        ("Mayor wins - Updated: 2024-03-01 10:15", "Mayor wins", "Updated: 2024-03-01 10:15"),
        ("Port names director - October 9, 2020", "Port names director", "October 9, 2020"),
    ],
)
def test_a_line_ending_with_a_date_stamp_is_split_before_it(
    line: str, headline: str, stamp: str
) -> None:
    assert split_stamp(line) == (headline, stamp)


@pytest.mark.parametrize(
    "line",
    [
        "Ferry fares rise again",
        "12 January 2024",  # a date alone has no line before it
        "Votes were counted on March 3, 2024 and " * 10 + "May 2, 2024",  # too long
    ],
)
def test_a_line_without_a_stamp_after_text_is_kept_whole(line: str) -> None:
    assert split_stamp(line) == (line, "")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T18:30:00Z", "2024-03-05T18:30:00+00:00"),
        ("1709663400", "2024-03-05T18:30:00+00:00"),  # seconds since 1970
        ("1709663400000", "2024-03-05T18:30:00+00:00"),  # milliseconds
        ("10.12.2022, 07:00:03", "2022-12-10T07:00:03"),  # dotted: day first
        ("03/05/2024", "2024-03-05T00:00:00"),  # slashed: month first, as in the US
        ("5 marzo 2024", "2024-03-05T00:00:00"),
        ("5. März 2024 18:30", "2024-03-05T18:30:00"),
        ("5 décembre 2023", "2023-12-05T00:00:00"),
        ("2024-03-05T18:30:00 EST", "2024-03-05T18:30:00-05:00"),
        ("Tue, 05 Mar 2024 18:30:00 CET", "2024-03-05T18:30:00+01:00"),
    ],
)
def test_dates_as_pages_write_them(value: str, expected: str) -> None:
    parsed = parse_datetime(value)
    assert parsed is not None and parsed.isoformat() == expected


@pytest.mark.parametrize("value", ["", "0000-00-00", "2024-13-45", "{{date}}", "Mars attacks"])
def test_what_is_no_date(value: str) -> None:
    assert parse_datetime(value) is None
