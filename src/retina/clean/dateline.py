"""The news agency a wire story's dateline credits: "WASHINGTON (AP) — …", "LONDON, Dec 7
(Reuters) - …", "Berlin (dpa) - …", "MADRID, 7 dic (EFE).- …", "(Reuters) - …",
"【ワシントン共同】…", "(서울=연합뉴스) …", "新华社北京12月6日电 …"; and the
wire a press release went out on: "NEW YORK, Nov. 7, 2024 /PRNewswire/ -- …",
"SAN FRANCISCO--(BUSINESS WIRE)--…".

A newspaper running an agency's copy keeps the agency's dateline, so it names the
publication the text comes from as surely as a closing "Source:" line does. Only agencies
are read: a station or paper crediting itself in its own dateline ("SAN FRANCISCO (KRON)
—") writes a name that need not match the site's, and would be taken for a copy.
"""

from __future__ import annotations

import re

from retina.url_parts import bare_host

AGENCIES: dict[str, tuple[str, tuple[str, ...]]] = {
    # as the dateline writes it: (the name shown, the agency's own hosts)
    "AP": ("The Associated Press", ("apnews.com", "ap.org")),
    "Reuters": ("Reuters", ("reuters.com",)),
    "AFP": ("AFP", ("afp.com",)),
    "dpa": ("dpa", ("dpa.com",)),
    "UPI": ("UPI", ("upi.com",)),
    "Bloomberg": ("Bloomberg", ("bloomberg.com",)),
    "CNN": ("CNN", ("cnn.com",)),
    "EFE": ("EFE", ("efe.com",)),
    "ANSA": ("ANSA", ("ansa.it",)),
    "Xinhua": ("Xinhua", ("xinhuanet.com", "news.cn")),
    "Kyodo": ("Kyodo News", ("kyodonews.net",)),
    "Yonhap": ("Yonhap", ("yna.co.kr",)),
    "PTI": ("PTI", ("ptinews.com",)),
    "IANS": ("IANS", ("ianslive.in",)),
    "ANI": ("ANI", ("aninews.in",)),
    "AAP": ("AAP", ("aap.com.au",)),
    "CP": ("The Canadian Press", ("thecanadianpress.com",)),
    "PA": ("PA Media", ("pa.media",)),
    "APA": ("APA", ("apa.at",)),
    "KNA": ("KNA", ("kna.de",)),
    "epd": ("epd", ("epd.de",)),
    "Lusa": ("Lusa", ("lusa.pt",)),
    "Europa Press": ("Europa Press", ("europapress.es",)),
    "PAP": ("PAP", ("pap.pl",)),
    "TASS": ("TASS", ("tass.com", "tass.ru")),
    "Interfax": ("Interfax", ("interfax.com", "interfax.ru")),
    "Belga": ("Belga", ("belganewsagency.eu",)),
    "ANP": ("ANP", ("anp.nl",)),
    # as Japanese, Korean and Chinese datelines write them (`_CJK_DATELINE`)
    "共同": ("Kyodo News", ("kyodonews.net", "kyodonews.jp")),
    "時事": ("Jiji Press", ("jiji.com",)),
    "연합뉴스": ("Yonhap", ("yna.co.kr", "yonhapnews.co.kr")),
    "뉴스1": ("News1", ("news1.kr",)),
    "뉴시스": ("Newsis", ("newsis.com",)),
    "新华社": ("Xinhua", ("xinhuanet.com", "news.cn")),
    "中新社": ("China News Service", ("chinanews.com.cn", "chinanews.com")),
}
RELEASE_WIRES: dict[str, tuple[str, tuple[str, ...]]] = {
    "PRNewswire": ("PR Newswire", ("prnewswire.com", "prnewswire.co.uk")),
    "CNW": ("Canada Newswire", ("newswire.ca",)),
    "BUSINESS WIRE": ("Business Wire", ("businesswire.com",)),
    "GLOBE NEWSWIRE": ("GlobeNewswire", ("globenewswire.com",)),
    "EINPresswire.com": ("EIN Presswire", ("einpresswire.com",)),
    "ACCESSWIRE": ("ACCESSWIRE", ("accesswire.com",)),
}
"""The wires that distribute companies' press releases, as their datelines write them."""
_RELEASE_DATELINE = re.compile(
    # "NEW YORK, Nov. 7, 2024 /PRNewswire/ -- …", "/PRNewswire-HISPANIC PR WIRE/",
    # "SAN FRANCISCO--(BUSINESS WIRE)--…", "… (GLOBE NEWSWIRE) -- …"
    r"^[^\n]{0,100}?(?:/(?P<slashed>PRNewswire|CNW|EINPresswire\.com)(?:-[\w .]{1,30})?/"
    r"|\((?P<bracketed>BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE)\))\s*[-–—]{1,2}"
)
_NAMES = "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True))
_DATELINE = re.compile(
    # a place (each word capitalised) and perhaps a date, then the agency and a dash:
    # "MADRID, 7 dic (EFE).- …", "(Reuters) - …"
    rf"^(?:[A-ZÀ-Ý][\w.'’/-]*(?:[ -][A-ZÀ-Ý][\w.'’/-]*){{0,4}}(?:,\s*[\w. ]{{1,20}})?\s*)?"
    rf"\((?P<agency>{_NAMES})\)\s*\.?\s*[—–-]{{1,2}}\s"
)


_CJK_DATELINE = re.compile(
    r"^\s*(?:【[^】]{0,12}?(?P<ja>共同|時事)】"
    r"|[（(][^=）)]{1,12}=(?P<ko>연합뉴스|뉴스1|뉴시스)[）)]"
    r"|(?P<zh>新华社|中新社)[^。，,]{0,24}?电)"
)
"""Datelines in Japanese ("【ワシントン共同】"), Korean ("(서울=연합뉴스)") and Chinese
("新华社北京12月6日电") news."""


def credited_agency(first_block: str, site_name: str | None, url: str | None) -> str | None:
    """The agency the text's opening dateline names, unless the page is the agency's own."""
    match = (
        _DATELINE.match(first_block[:120])
        or _RELEASE_DATELINE.match(first_block[:160])
        or _CJK_DATELINE.match(first_block[:60])
    )
    if not match:
        return None
    written = next(filter(None, match.groups()))  # the one group that matched
    return _unless_own(written, site_name, url)


_SPELLED_OUT = {
    name.casefold().removeprefix("the "): written
    for written, (name, _hosts) in AGENCIES.items()
    if " " in name
}
"""Agencies by the name they spell out ("Associated Press", "Canadian Press")."""
_COPYRIGHT_HOLDER = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:(?:19|20)\d\d\s+)?(?:the\s+)?(?P<holder>[^.,;]{2,40}?)"
    r"(?:\s+(?:19|20)\d\d)?[.,;]?\s*(?:all\s+rights\s+reserved|$)",
    re.IGNORECASE,
)


def agency_author(authors: list[str], site_name: str | None, url: str | None) -> str | None:
    """The agency credited as the only author ("By The Associated Press"): a wire copy."""
    if len(authors) != 1:
        return None
    written = _agency_written(authors[0])
    return _unless_own(written, site_name, url) if written else None


def copyright_agency(notice: str, site_name: str | None, url: str | None) -> str | None:
    """The agency a copyright notice closing the text names as the holder ("Copyright 2024
    The Associated Press. All rights reserved."): the text is its copy."""
    match = _COPYRIGHT_HOLDER.match(notice.strip())
    written = _agency_written(match.group("holder")) if match else None
    return _unless_own(written, site_name, url) if written else None


_WITH_AGENCY = re.compile(
    r"^[\s—–-]*[(\[]?\s*(?:mit\s+material\s+(?:von|der|des)"
    r"|with(?:\s+(?:files|reporting|additional\s+reporting|inputs?|wires?)\s+from)?"
    r"|(?:\S+\s+){0,4}(?:avec|mit|con|com))"
    r"\s+(?:the\s+)?(?P<agency>[^()\[\].,;]{2,40}?)\s*[)\]]?[.\s]*$",
    re.IGNORECASE,
)
_MAX_CREDIT_WORDS = 10


def closing_agency(line: str, site_name: str | None, url: str | None) -> str | None:
    """The agency a credit line names as the source of part of the text ("With files
    from The Canadian Press", "(With inputs from PTI)", "Le Monde avec AFP", "Mit Material
    von dpa"): the text is partly its copy. The line is the text's, and stays; "With
    agencies" names none."""
    if len(line.split()) > _MAX_CREDIT_WORDS:
        return None
    match = _WITH_AGENCY.match(line)
    written = _agency_written(match.group("agency")) if match else None
    return _unless_own(written, site_name, url) if written else None


def _agency_written(name: str) -> str | None:
    """The agency as datelines write it, for its name written either way ("AP",
    "The Associated Press")."""
    name = name.strip()
    if name in AGENCIES:
        return name
    return _SPELLED_OUT.get(name.casefold().removeprefix("the "))


def _unless_own(written: str, site_name: str | None, url: str | None) -> str | None:
    """The agency's name, unless the page is the agency's own."""
    name, hosts = AGENCIES.get(written) or RELEASE_WIRES[written]
    host = bare_host(url) if url else None
    if host and any(host == h or host.endswith("." + h) for h in hosts):
        return None
    if site_name and (written in site_name.split() or name.casefold() in site_name.casefold()):
        return None  # "AP News", "Reuters UK"
    return name
