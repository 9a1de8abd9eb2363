"""Dates in pages and text dumps: date strings parsed leniently, and dates written out in
running text ("May 20, 2019", "23.10.2018 17:13") found and cut away."""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime

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


_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
"""Seconds (or milliseconds) since 1970, as some publishing systems write the date."""
_DAY_FIRST = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")
"""A date written with dots is day first everywhere it is written so ("05.03.2024")."""
_FOREIGN_MONTHS = {
    **dict.fromkeys(("januar", "janvier", "enero", "gennaio", "janeiro", "januari"), "January"),
    **dict.fromkeys(("februar", "février", "febrero", "febbraio", "fevereiro"), "February"),
    **dict.fromkeys(("märz", "mars", "marzo", "março", "maart"), "March"),
    **dict.fromkeys(("avril", "abril", "aprile"), "April"),
    **dict.fromkeys(("mai", "mayo", "maggio", "maio", "mei"), "May"),
    **dict.fromkeys(("juni", "juin", "junio", "giugno", "junho"), "June"),
    **dict.fromkeys(("juli", "juillet", "julio", "luglio", "julho"), "July"),
    **dict.fromkeys(("août", "agosto", "augustus"), "August"),
    **dict.fromkeys(("septembre", "septiembre", "settembre", "setembro"), "September"),
    **dict.fromkeys(("oktober", "octobre", "octubre", "ottobre", "outubro"), "October"),
    **dict.fromkeys(("novembre", "noviembre", "novembro"), "November"),
    **dict.fromkeys(("dezember", "décembre", "diciembre", "dicembre", "dezembro"), "December"),
}
_FOREIGN_MONTH = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(_FOREIGN_MONTHS) + r")(?![^\W\d_])", re.IGNORECASE
)
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "CET": 3600, "MEZ": 3600,
    "CEST": 7200, "MESZ": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800,
    "EST": -18000, "EDT": -14400, "CST": -21600, "CDT": -18000, "MST": -25200,
    "MDT": -21600, "PST": -28800, "PDT": -25200, "AEST": 36000, "AEDT": 39600,
    "JST": 32400, "KST": 32400, "HKT": 28800, "SGT": 28800,
}  # fmt: skip
"""Time-zone abbreviations news pages write that name one offset. IST (India, Ireland,
Israel) and other ambiguous ones are left for the parser to ignore."""


def parse_datetime(value: str | None) -> datetime | None:
    """Parse an ISO-8601 or common date string; None when it is not a date. Besides ISO
    8601 and what dateutil reads: seconds or milliseconds since 1970, dotted dates day
    first, month names in German, French, Spanish, Italian, Portuguese and Dutch, and the
    common time-zone abbreviations ("EST")."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    if _EPOCH.match(value):
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC)
    from dateutil import parser

    value = _FOREIGN_MONTH.sub(lambda found: _FOREIGN_MONTHS[found.group().lower()], value)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown time zone names: keep the local time
        try:
            return parser.parse(value, dayfirst=bool(_DAY_FIRST.match(value)), tzinfos=_ZONES)
        except (ValueError, OverflowError, TypeError):
            return None
