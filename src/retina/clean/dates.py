"""Date strings from pages and text dumps, parsed leniently."""

from __future__ import annotations

import warnings
from datetime import datetime


def parse_datetime(value: str | None) -> datetime | None:
    """Parse an ISO-8601 or common date string; None when it is not a date."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    from dateutil import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown time zone names: keep the local time
        try:
            return parser.parse(value)
        except (ValueError, OverflowError, TypeError):
            return None
