"""Names as bylines write them: after a "by" word ("By", "Von", "Par", "Door", "Autor:"),
before a date ("Joshua Sokol May 20, 2019") or a job title ("Ben Silverman, Games Editor").

The page's metadata (`metadata.py`) reads author names from bylines, marked up or, on
pages that mark none, a line of text that is a byline and nothing else (`names_if_byline`);
the byline detector (`junk/bylines.py`) finds the same lines left in the text. All read
them alike.
"""

from __future__ import annotations

import re

from retina.clean.dates import cut_at_date

BY = re.compile(
    r"^\W*(?:(?:by|von|par|por|door|przez|autor(?:in)?:?|author:?|texto?:?)\s+"
    r"|(?:di|da|av|af)\s+(?=\S+\s+\S))",
    re.IGNORECASE,
)
"""The "by" word that opens a byline. The short ones are also the start of surnames ("Di
Maria", "Da Silva"), so they count only before a name of two words or more."""
BY_OPENINGS = ("By ", "BY ", "by ", "Von ", "Par ", "Por ", "Door ", "Av ")
"""How a line of text that is a byline most often begins: a test of `str.startswith`
that keeps `BY` (five times slower) off most of a page's text runs."""
_ROLE = re.compile(
    r"[\s,|–—-]+(?:(?:senior|chief|deputy|staff|contributing|associate|executive|managing"
    r"|political|politics|business|games|technology|tech|science|health|sports?|news|foreign"
    r"|national|local|city|digital|special|investigative|data|video|photo|travel|food"
    r"|entertainment|music|film|arts?|culture|opinion|economics|legal|education)\s+)*"
    r"(?:editor|reporter|correspondent|writer|columnist|contributor|journalist|producer"
    r"|critic|analyst|photographer|editor-at-large)$",
    re.IGNORECASE,
)
"""A job title a byline runs on with ("Ben Silverman, Games Editor", "Jo Lin Staff Writer")."""


_NAME_LIST = re.compile(r"\s*(?:,|;|&|\b(?i:and|und|et)\b|\b(?:y|e|en|i|og|och)\b)\s*")
_PARTICLES = frozenset("de da del della di van von der den du la le bin al ter ten".split())
_MAX_NAME_WORDS = 4
_ARTICLES = frozenset("The A An Der Die Das Le La Les El Los Las Il Lo Het".split())
"""A name does not begin with an article ("By The Noun Project")."""


def names_if_byline(text: str) -> list[str]:
    """The names of a line of text that is a byline and nothing else: a "by" word, then
    names of two to four capitalised words ("By Leona Stanhope", "Von Jan de Vries und
    Ana Ruiz, 12.03.2024"); empty for anything else ("By the numbers", "By Land And Sea")."""
    text = " ".join(text.split())
    if not BY.match(text):
        return []
    names = [name for name in _NAME_LIST.split(name_in_byline(text)) if name]
    if not names or not all(_is_name(name) for name in names):
        return []
    return names


def _is_name(name: str) -> bool:
    parts = name.split()
    if not 2 <= len(parts) <= _MAX_NAME_WORDS or parts[0] in _ARTICLES:
        return False
    return all(
        part in _PARTICLES
        or (part[0].isupper() and part.replace("-", "").replace(".", "").replace("'", "").isalpha())
        for part in parts
    )


def name_in_byline(text: str) -> str:
    """The name (or names) a byline credits, without its "by" word, date or job title;
    empty when nothing is left."""
    name = cut_at_date(" ".join(text.split()))
    name = BY.sub("", name).strip(" ,;|")
    role = _ROLE.search(name)
    if role and len(name[: role.start()].split()) >= 2:
        name = name[: role.start()]
    return name
