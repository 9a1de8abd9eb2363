"""Dates written in lines of text: the stamp a list of stories gives each headline."""

from __future__ import annotations

import pytest

from retina.clean.dates import split_stamp


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
