"""Names as bylines write them: after a "by" word ("By", "Von", "Par", "Door", "Autor:"),
before a date ("Joshua Sokol May 20, 2019") or a job title ("Ben Silverman, Games Editor").

The page's metadata (`metadata.py`) reads author names from bylines, and the byline
detector (`junk/bylines.py`) finds the same lines left in the text; both read them alike.
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


def name_in_byline(text: str) -> str:
    """The name (or names) a byline credits, without its "by" word, date or job title;
    empty when nothing is left."""
    name = cut_at_date(" ".join(text.split()))
    name = BY.sub("", name).strip(" ,;|")
    role = _ROLE.search(name)
    if role and len(name[: role.start()].split()) >= 2:
        name = name[: role.start()]
    return name
