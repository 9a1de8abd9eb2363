"""Attribution lines: "Source: World – The Spectator Australia", "Via Reuters",
"This article first appeared in The Conversation", "Originally published by X"; in
German, French, Spanish, Portuguese and Italian too ("Dieser Artikel erschien zuerst bei
X", "Cet article est republié à partir de The Conversation"), Arabic's "المصدر:" ("the
source:") and Chinese "来源：". Not "Quelle:": German pages close press releases, studies
and data with it as often as republished copy.
They usually end the text; a short one may also open it.

They credit the publication a republished copy came from. The line is removed from
the text and its publication (and section, when given) become the article's origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retina.clean.candidate import Candidate, Finding
from retina.clean.dates import cut_at_date
from retina.clean.section_names import is_section_name
from retina.clean.tokens import ends_like_sentence, starts_like_title, words
from retina.model import RemovedKind
from retina.url_parts import bare_host

_LEAD_IN = re.compile(
    r"""^[\s*_(\[]*(?:
        (?:sources?|courtesy(?:\s+of)?|المصدر)\s*[:|–—-]\s*
      | (?:本文)?(?:来源|來源)\s*[:：]\s*
      | (?:via
        | (?:originally|first)\s+(?:published|posted|appeared)(?:\s+(?:by|at|on|in))?
        | (?:a\s+version\s+of\s+)?(?:this|the)\s+
            (?:article|story|piece|post|report|column|essay|interview)\s+
            (?:was\s+|is\s+|has\s+been\s+)?
            (?:(?:first\s+|originally\s+)?(?:appeared|published|posted|ran|produced)
                (?:\s+first|\s+originally)?
                (?:\s+(?:in\s+(?:partnership|collaboration)\s+with|by|at|on|in))?
            | (?:republished|reprinted|reproduced)(?:\s+with\s+permission)?\s+from)
        | the\s+post\s+\S.{0,300}?\s+appeared\s+first\s+on
        | (?:republished|reprinted|reproduced)(?:\s+with\s+permission)?\s+(?:from|by|of)
        | read\s+the\s+original(?:\s+(?:article|story))?(?:\s+(?:at|on))?
        | (?:dieser|der)\s+(?:artikel|beitrag|text)\s+(?:erschien|ist)\s+
            (?:zuerst|ursprünglich|erstmals)(?:\s+(?:bei|in|auf|im)(?:\s+(?:der|dem|den))?)?
        | cet\s+article\s+(?:a\s+été\s+|est\s+)?(?:publié|paru|republié)
            (?:\s+(?:initialement|originellement|d['’]abord|pour\s+la\s+première\s+fois))?
            \s+(?:sur|dans|par|à\s+partir\s+de|de)
        | este\s+(?:artículo|texto|artigo)\s+(?:fue\s+|se\s+|foi\s+)?
            (?:publicado|publicó|republicado|republicó)
            (?:\s+(?:originalmente|inicialmente|por\s+primera\s+vez))?
            \s+(?:en|por|em|no|na|pelo|pela)
        | questo\s+articolo\s+(?:è\s+stato\s+)?(?:pubblicato|ripubblicato)
            (?:\s+(?:originariamente|originalmente|per\s+la\s+prima\s+volta))?
            \s+(?:su|in|da|sul|sulla|nel|nella)
        )\s*(?:[:|–—-]\s*|\s+)
    )(?P<rest>\S.*?)[\s*_)\]]*$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_PART_SEPARATOR = re.compile(r"\s+[–—|/-]\s+|\s*[|]\s*")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_TRAILING = re.compile(r"[\s.,;:]+$")
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})[.!?][\"'”’]?\s+")
"""The end of the credit's first sentence: "The Conversation. Read the original article."
Three letters before the stop, so "St. Louis Post-Dispatch" and "U.S. News" stay whole."""
_AFTER_NAME = re.compile(
    r",\s+(?:a|an|the|which|who|where)\s+.*$"
    r"|\s+(?:under|with)\s+(?:a|an|the|its|their|permission)\b.*$"
    r"|\s+(?:sous|bajo|sob|sotto)\s+(?:la\s+|una\s+|uma\s+)?licen[cz]\w*\b.*$"
    r"|\s+erschienen\b.*$"
    r"|\s+(?:作者|编辑|责任编辑|责编|记者|記者|編輯)\s*[:：].*$"
    r"|\s+(?:no\.?\s*|nr\.?\s*|issue\s+|ausgabe\s+)?\d{1,2}\s*/\s*\d{2,4}\b.*$"
    r"|\s+(?:on|in)\s+(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b).*$",
    re.IGNORECASE | re.DOTALL,
)
"""What follows the publication's name in a credit: "KFF Health News, a national
newsroom…", "The Conversation under a Creative Commons license", "… with permission",
"… sous licence Creative Commons", "… bei Zeit Online erschienen", a magazine's issue
("in der EMOTION 10/22"), the next field of a Chinese page's line ("来源：新华网 作者：李华")."""
_CITATION = re.compile(
    r"\bet\s+al\b|\(\s*(?:1[89]|20)\d\d[a-z]?\s*\)|\b(?:abgerufen|accessed|retrieved|consulté)\b",
    re.IGNORECASE,
)
"""A reference to a paper ("Quelle: Hilimire, M. R. et al. (2015): Fermented foods…,
abgerufen am 21.09.22"): the article's source of facts, no publication it was copied from."""
_MAX_REST_WORDS = 12
_SEARCH_LAST = 3
_SEARCH_FIRST = 1
_MAX_LEADING_WORDS = 8


@dataclass(frozen=True, slots=True)
class Attribution:
    """What an attribution line credits."""

    origin: str
    section: str | None


def parse_attribution(text: str) -> Attribution | None:
    """Parse one line; None when it is not an attribution line."""
    match = _LEAD_IN.match(text.strip())
    if not match:
        return None
    if _CITATION.search(match.group("rest")):
        return None
    rest = _credited_name(match.group("rest"))
    url = _URL.fullmatch(rest)
    if url or _DOMAIN.match(rest):
        host = bare_host(rest if "://" in rest else f"http://{rest}")  # "http://[::1": none
        return Attribution(origin=host, section=None) if host else None
    if not rest or len(words(rest)) > _MAX_REST_WORDS or rest.split()[0].isdigit():
        return None  # ("… was first published in 2019 and has been updated"): no name
    parts = [p.strip() for p in _PART_SEPARATOR.split(rest) if p.strip()]
    origin, section = parts[-1], " – ".join(parts[:-1]) or None
    if len(parts) > 1 and is_section_name(origin) and not is_section_name(parts[0]):
        origin, section = " – ".join(parts[:-1]), parts[-1]
    if not starts_like_title(origin):
        return None
    return Attribution(origin=origin, section=section)


def _credited_name(rest: str) -> str:
    """The publication a credit names, without the sentences after it ("Read the original
    article.", "Sign up for their newsletter."), a clause describing it or the date it
    ran ("The Guardian on March 3, 2020")."""
    rest = _SENTENCE_END.split(rest, maxsplit=1)[0]
    if not _URL.match(rest):
        rest = cut_at_date(_AFTER_NAME.sub("", rest))
        if rest.startswith("the ") and starts_like_title(rest[4:]):
            rest = rest[4:]  # "… first appeared in the Financial Times"
    return _TRAILING.sub("", rest)


def find_attribution(
    candidates: list[Candidate], skip: set[int]
) -> tuple[Finding, Attribution] | None:
    """The attribution line among the article's last blocks or, when short, its first one."""
    positions = [i for i in range(len(candidates)) if i not in skip]
    last = list(reversed(positions[-_SEARCH_LAST:]))
    first = [i for i in positions[:_SEARCH_FIRST] if i not in last]
    for i in last + first:
        text = candidates[i].text
        if i in first and (len(words(text)) > _MAX_LEADING_WORDS or ends_like_sentence(text)):
            continue  # a lead paragraph that happens to begin "Via ..." is prose
        attribution = parse_attribution(text)
        if attribution:
            credited = attribution.origin
            if attribution.section:
                credited += f" (section {attribution.section})"
            return Finding(
                (i,), RemovedKind.ATTRIBUTION, f"credits the original publication: {credited}"
            ), attribution
    return None
