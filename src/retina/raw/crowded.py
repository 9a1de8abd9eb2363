"""Start tags crowded with attributes, found before libxml2 parses the page.

libxml2's HTML parser checks each attribute of a tag against all the others before it, and
lxml lists them the same way, so one tag of 80,000 attributes (870 kB) takes 9 s to parse
and 14 s more to list: a page built to hold a worker. Real pages have a few dozen
attributes on an element at most.
"""

from __future__ import annotations

import re

MAX_ATTRIBUTES = 1_000
"""Attributes of one element accepted."""
_MIN_CROWDED_CHARS = 2 * MAX_ATTRIBUTES
"""The shortest start tag that can hold more than `MAX_ATTRIBUTES` ("a b c…")."""
_LONG_TAG = re.compile(rf"<[A-Za-z][A-Za-z0-9-]*\s[^<]{{{_MIN_CROWDED_CHARS},}}")
_START_TAG = re.compile(r"""<[A-Za-z](?:[^<>"']++|"[^"]*+"|'[^']*+')*+""")
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")


def crowded_tag(text: str) -> bool:
    """Whether a start tag holds more than `MAX_ATTRIBUTES` attributes. Only runs of
    `_MIN_CROWDED_CHARS` without a "<" are looked at (0.17 ms on a page), outside scripts
    (where "if (i <n && ok)" is no tag)."""
    for found in _LONG_TAG.finditer(text):
        start = found.start()
        tag = _START_TAG.match(text, start)
        if (
            tag is not None
            and tag.end() - start >= _MIN_CROWDED_CHARS
            and len(_QUOTED.sub(" ", tag.group()).split()) > MAX_ATTRIBUTES
            and not _inside_script(text, start)
        ):
            return True
    return False


def _inside_script(text: str, position: int) -> bool:
    """Whether `position` is in a script's code: after a `<script` with no end tag between.
    Any end tag counts ("</p>" too): libxml2 may end a script there, so a script left
    open cannot hide the markup after it."""
    opened = max(text.rfind("<script", 0, position), text.rfind("<SCRIPT", 0, position))
    return opened > text.rfind("</", 0, position)
