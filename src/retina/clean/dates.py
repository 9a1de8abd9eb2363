"""Dates in pages and text dumps: date strings parsed leniently, and dates written out in
running text ("May 20, 2019", "23.10.2018 17:13") found and cut away."""

from __future__ import annotations

import re
import warnings
from datetime import datetime

_MONTHS = (
    r"jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|jun(?:e|i)?"
    r"|jul(?:y|i)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?|dez(?:ember)?|janvier|février|mars|avril|juin|juillet|août|septembre"
    r"|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
    r"|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno"
    r"|luglio|settembre|ottobre|dicembre"
)
_WEEKDAYS = (
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes"
    r"|sábado|domingo"
)
DATE = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
    rf"|\b\d{{1,2}}\.?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}\b|\b(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?\b"
    rf"|\b\d{{1,2}}h\d{{2}}\b"
    rf"|\b\d{{1,2}}\.\d{{2}}\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT)\b",
    re.IGNORECASE,
)
"""A full date (with its year) or a clock time, as pages write them ("10:15 a.m.", the
Guardian's "06.00 GMT", the French "18h30")."""
_DATE_WORDS = re.compile(
    rf"^(?:{_MONTHS}|{_WEEKDAYS}|am|pm|a\.m|p\.m|at|um|uhr|à|a|las|alle|ore|om|o|godz|de|del|der|den"
    r"|utc|gmt|bst|cet|cest|est|edt|pst|pdt|mez|mesz|h|on|am|le|el|il|of"
    r"|published|updated|modified|posted|veröffentlicht|aktualisiert|publié|publicado"
    r"|actualizado|pubblicato|aggiornato|modifié|geändert|modificado|modificato)$",
    re.IGNORECASE,
)
_STAMP_LABEL = (
    r"(?:published|updated|posted|last\s+updated|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour"
    r"|publicado|actualizado|pubblicato|aggiornato)\s*:?\s*"
)
_STAMP_DATE = (
    rf"(?:{DATE.pattern}|\d{{1,2}}\.?\s+(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    r"|(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago)"
)
_TRAILING_STAMP = re.compile(
    rf"(?:\s*[|·•,–—-]?\s+(?:{_STAMP_LABEL})?|(?<=[^\W\d_]){_STAMP_LABEL}){_STAMP_DATE}(?:[\s,]+(?:at\s+)?{_STAMP_DATE})?\W*$",
    re.IGNORECASE,
)
_MAX_STAMPED_CHARS = 300
_STAMP_WINDOW = 64
"""A stamp, its label and the separator before it fit in the line's last characters
("… - Updated: March 3, 2024 at 10:15 a.m."); the pattern is tried there alone."""


def split_stamp(text: str) -> tuple[str, str]:
    """A line and the date stamp it ends with: a list of other stories gives each its
    date ("Engineers warn sea wall could fail Published 12 January", "… | 3 hours ago"),
    even glued to the headline by markup without spaces ("…could failPublished 12
    January"). The stamp is "" when the line ends with none, or is too long to be a
    headline and its stamp."""
    tail = text[-_STAMP_WINDOW:]
    if len(text) > _MAX_STAMPED_CHARS or not (any(map(str.isdigit, tail)) or "ago" in tail):
        return text, ""
    found = _TRAILING_STAMP.search(text, max(0, len(text) - _STAMP_WINDOW))
    if found is None or not found.start():
        return text, ""
    return text[: found.start()], text[found.start() :].strip(_SEPARATORS)


_DATELINE_LEAD = re.compile(
    rf"^(?:{_WEEKDAYS}|updated|published|posted|on|am|le|el|il|den|vom)\.?,?$", re.IGNORECASE
)
"""A word leading into a date after a name: a weekday, "Updated", "on"."""
_SEPARATORS = " \t\n,;:|/•·–—-"


def strip_dates(text: str) -> str:
    """The text without its dates and times and the words that go with them ("at",
    "Uhr", "GMT", month and weekday names), nor numbers."""
    kept = []
    for word in DATE.sub(" ", text).split():
        bare = word.strip(".,:;|/()–-")
        if bare and not bare.isdigit() and not _DATE_WORDS.match(bare):
            kept.append(word)
    return " ".join(kept)


def cut_at_date(text: str) -> str:
    """The text before the first date or time in it and the words leading into that date:
    "Joshua Sokol May 20, 2019" and "Jo Lin | Updated Mon, 12.03.2024 17:13" give the
    names. Text without a date is returned whole."""
    found = DATE.search(text)
    if found is None:
        return text
    head = text[: found.start()]
    while True:
        head = head.rstrip(_SEPARATORS)
        rest, _, last = head.rpartition(" ")
        if not last or not _DATELINE_LEAD.match(last):
            return head
        head = rest


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
