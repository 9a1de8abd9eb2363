"""Names as bylines write them: after a "by" word ("By", "Von", "Par", "Door", "Autor:"),
before a date ("Joshua Sokol May 20, 2019") or a job title ("Ben Silverman, Games Editor").

The page's metadata (`metadata.py`) reads author names from bylines, marked up (a list
of names, `names_in_byline`) or, on pages that mark none, a line of text that is a byline
and nothing else (`names_if_byline`), and from author meta tags, where a name may be
written surname first (`names_in_meta`); the byline detector (`junk/bylines.py`) finds the
same lines left in the text. All read them alike.
"""

from __future__ import annotations

import re

from retina.clean.dates import cut_at_date
from retina.clean.tokens import CJK

BY = re.compile(
    r"^\W*(?:(?:(?:(?:view|see)\s+all|all|more)\s+(?:posts|articles|stories)\s+by"
    r"|more\s+from|(?:alles|mehr)\s+von"
    r"|(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von|voir\s+tous\s+les\s+articles\s+de"
    r"|ver\s+todas\s+las\s+entradas\s+de|tutti\s+gli\s+articoli\s+di"
    r"|(?:written|posted|reported)\s+by|(?:geschrieben|verfasst)\s+von"
    r"|(?:écrit|rédigé)\s+par|escrito\s+por|scritto\s+da|geschreven\s+door"
    r"|(?:erstellt|veröffentlicht)\s+von|by|von|par|por|door|przez|autor(?:in)?:?"
    r"|(?:post\s+)?author:?|texto?:?|автор:?|текст:|بقلم\s*:?|oleh|penulis:?|yazar:?)\s+"
    r"|(?:di|da|av|af)\s+(?=\S+\s+\S))",
    re.IGNORECASE,
)
"""The "by" word (or "written by", or an author link's "View all posts by") that opens a
byline. The short ones are also the start of surnames ("Di Maria", "Da Silva"), so they
count only before a name of two words or more."""
BY_OPENINGS = (
    *("By ", "BY ", "by ", "Von ", "Par ", "Por ", "Door ", "Av "),
    *("记者", "記者", "本报记者", "本報記者", "（记者", "（記者", "(记者", "(記者"),
)
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
_OTHER_CREDIT = re.compile(
    r"[\s,;|]*\b(?:(?:with|mit)\s+)?(?:edited|photos?|photographs|pictures|illustrations?|graphics|video"
    r"|(?:additional\s+)?reporting|fotos?|bearbeitet)\s+(?:by|von)\b",
    re.IGNORECASE,
)
"""The credit for someone else's part a byline runs on with ("Rob Ewaschuk Edited by Betsy
Beyer", "Photos by …"): not an author."""


_STAMP = re.compile(
    r"[\s,|–—-]+(?:(?:published|updated|posted|last\s+updated|veröffentlicht|aktualisiert"
    r"|publié|mis\s+à\s+jour|publicado|actualizado)\b"
    r"|(?:기사\s*)?입력|(?:최종\s*)?수정|등록|配信|更新|公開|发布|發布|发表|發表).*$",
    re.IGNORECASE | re.DOTALL,
)
"""A time stamp run on after the names in a form the date cut does not know ("By Jane Roe,
Published 3 hours ago", "김민수 기자 입력 2024.12.06 09:30")."""
_AGENCY_AFTER = re.compile(
    r"[\s,|–—-]+(?:the\s+)?(?:associated\s+press|reuters|afp|bloomberg(?:\s+news)?|dpa"
    r"|upi|cnn|ap)(?:\s+(?:writer|reporter|correspondent|staff))?$",
    re.IGNORECASE,
)
"""The agency a wire byline names after the people ("By JANE ROE Associated Press",
"Jo Lin, Reuters"), a workplace, not one more author."""
CASELESS_SCRIPT = re.compile(f"[\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f{CJK}]")
"""Hebrew, Arabic, Devanagari, Thai, Chinese, Japanese and Korean: scripts without
capitals, whose names no case tells."""
_CJK_BRACKETED_DATELINE = re.compile(r"^[(（][^)）=＝]{0,20}[=＝]([^)）]{0,20})[)）]\s*")
CJK_REPORTER_BEFORE = re.compile(
    r"^(?:(?:本报|本報|本刊|本网|本網)?(?:特约|特約)?(?:记者|記者|通讯员|通訊員)|文\s*[/／｜|])\s*"
)
_DIGIT = re.compile(r"\d")
_CJK_REPORTER_AFTER = re.compile(
    r"\s*(?:객원\s*)?(?:기자|특파원)$|\s*(?:記者|记者|特派員|特派员|通信員|通讯员)$"
)
_SEGMENTS = re.compile(r"\s*(?:,|\s\|)\s*")
_DANGLING = re.compile(r"\s*(?:[,&;]|\b(?:and|und|et|y|e)\b)\s*$", re.IGNORECASE)
_EMAIL = re.compile(r"\s*[-–—|,]?\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email\s+protected\])")
"""An e-mail address beside the name, or the placeholder a CDN writes in its place."""
_HANDLE = re.compile(r"\s+@\w+\b")
"""A social-media handle beside the name ("Williams Perdomo @wperdomod")."""
_NAME_LIST = re.compile(r"\s*(?:,|;|&|\b(?i:and|und|et)\b|\b(?:y|e|en|i|og|och)\b)\s*")
_PARTICLES = frozenset("de da del della di van von der den du la le bin al ter ten".split())
_MAX_BYLINE_CHARS = 400
"""Ten names with their roles and a date; more is no byline."""
_MAX_NAME_WORDS = 4
_MAX_AUTHOR_WORDS = 6
"""The most words one author's name is taken to have ("María del Carmen García López");
a longer byline is a list of names, or no byline."""
_ARTICLES = frozenset("The A An Der Die Das Le La Les El Los Las Il Lo Het".split())
"""A name does not begin with an article ("By The Noun Project")."""


def names_if_byline(text: str) -> list[str]:
    """The names of a line of text that is a byline and nothing else: a "by" word, then
    names of two to four capitalised words ("By Leona Stanhope", "Von Jan de Vries und
    Ana Ruiz, 12.03.2024"); empty for anything else ("By the numbers", "By Land And Sea")."""
    text = " ".join(text.split())
    if CASELESS_SCRIPT.search(text) and CJK_REPORTER_BEFORE.match(text.lstrip("（(")):
        names = [name for name in _NAME_LIST.split(name_in_byline(text)) if name]
        return names if names and all(map(_is_cjk_name, names)) else []
    if not BY.match(text):
        return []
    names = [name for name in _NAME_LIST.split(name_in_byline(text)) if name]
    if not names or not all(_is_name(name) for name in names):
        return []
    return names


_WITH = re.compile(r"\s*(?:[()]|\b(?:with|avec|mit|con|com|z)\b)\s*")
"""A byline crediting helpers: "Martin Untersinger (avec Damien Leloup et Morgane Tual)".
Lower case only: "Con Coughlin" is a name."""


def names_in_byline(text: str) -> list[str]:
    """The names a byline credits: each name of the list it is ("Ana Ruiz, Jan de Vries and
    Li Wei", "Martin Untersinger (avec Damien Leloup et Morgane Tual)"), when every part
    is a name; else the one name it is, or nothing when it is longer than a name."""
    name = name_in_byline(text)
    parts = [p for part in _WITH.split(name) for p in _NAME_LIST.split(part) if p]
    if len(parts) > 1 and all(_is_name(part) for part in parts):
        return [_uncapitalised(part) for part in parts]
    people = _beside_affiliations(name)
    if people:
        return people
    aside = _AFFILIATION_IN_BRACKETS.match(name)
    if aside and _is_name(aside.group(1)):
        return [_uncapitalised(aside.group(1))]
    return [_uncapitalised(name)] if name and len(name.split()) <= _MAX_AUTHOR_WORDS else []


_AFFILIATION_IN_BRACKETS = re.compile(r"^(.+?)\s*\([^()]{1,40}\)$")
"""A name with its workplace or city in brackets after it: "Ana Ruiz (Reuters)". Names in
capitals only: a Chinese blog's "史蒂文的家_藍天 (stevenhgm)" is its name and handle."""


def _beside_affiliations(name: str) -> list[str]:
    """The names of a byline whose comma-separated parts are names or where they work or
    write from ("Jane Roe and John Doe, CNN", "Markus Haefliger, London, Beat Bumbacher");
    empty when a part is neither."""
    segments = [segment for segment in _SEGMENTS.split(name) if segment]
    if len(segments) < 2:
        return []
    people: list[str] = []
    for segment in segments:
        names = [part for part in _NAME_LIST.split(segment) if part]
        if names and all(_is_name(part) for part in names):
            people.extend(_uncapitalised(part) for part in names)
        elif not _is_affiliation(segment):
            return []
    return people


def _is_affiliation(part: str) -> bool:
    """Where the people of a byline work or write from, beside their names ("Jane Roe and
    John Doe, CNN", "Jane Roe, The Springfield Daily", "Markus Haefliger, London, Beat
    Bumbacher"): a few capitalised words, perhaps after an article."""
    words = part.split()
    return 0 < len(words) <= _MAX_NAME_WORDS + 1 and all(
        word in _ARTICLES or word in _PARTICLES or word[0].isupper() for word in words
    )


_MAX_CJK_NAME_CHARS = 8


def _is_cjk_name(name: str) -> bool:
    """A name after a reporter label: a few letters, no punctuation ("记者调查显示，…" is a
    sentence about reporters)."""
    letters = name.replace(" ", "").replace("·", "").replace("・", "")
    return 2 <= len(letters) <= _MAX_CJK_NAME_CHARS and letters.isalpha()


def _without_reporter_words(name: str) -> str:
    """A Chinese, Japanese or Korean byline's name without "reporter" before or after it
    ("本报记者 王明", "김민수 기자") or the dateline in brackets before it ("(서울=연합뉴스)
    김민수 기자"); a Japanese one's name after the place ("（ワシントン＝山田太郎）")."""
    if not CASELESS_SCRIPT.search(name):
        return name
    bracket = _CJK_BRACKETED_DATELINE.match(name)
    if bracket:
        rest = name[bracket.end() :].strip()
        name = rest or bracket.group(1)
    elif name[:1] in "（(" and name[-1:] in "）)":
        name = name[1:-1]  # "（记者 李华）"
    name = _CJK_REPORTER_AFTER.sub("", CJK_REPORTER_BEFORE.sub("", name)).strip()
    digit = _DIGIT.search(name)  # a date glued on: "李华2024-03-05"; no such name has digits
    return name[: digit.start()].strip() if digit else name


def _uncapitalised(name: str) -> str:
    """A person's name set in capitals as the byline's style ("JANE ROE"), written as a
    name. Not initials, acronyms or handles ("BDZV", "TAG24", "NATURSTROM AG")."""
    if name.isupper() and _is_name(name) and all(len(word) >= 3 for word in name.split()):
        return name.title()
    return name


_META_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_INITIAL = re.compile(r"^(?:\w\.)+$|^\w$")
_CATALOGUE_KEYS = frozenset("dc:creator dc.creator dcterm:creator dcterms.creator".split())
"""Dublin Core's creator is written "Last, First", one tag per creator, as library
catalogues write it."""


_CREDENTIAL = re.compile(
    r"^(?:Ph\.?\s?D|M\.?D|D\.?O|MPH|MSc?|MA|MBA|MFA|RDN?|RN|LD|CDE|CPT|CSCS|NP|PA-C|DDS|DVM"
    r"|PharmD|PsyD|LCSW|LMFT|FACP|FAAP|CFA|CFP|CPA|Esq)\.?$"
)
"""A degree or licence written after a name ("Grant Tinsley, PhD", "Jo Lin, MS, RDN"):
part of how the author signs, not one more author."""


def names_in_meta(value: str, key: str) -> list[str]:
    """The names an author meta tag holds: a list ("Ana Ruiz, Jan de Vries and Li Wei"),
    or one name written surname first ("Kooman, F.", "Jong, Michiel de"), turned round.
    A surname first is read where the tag's convention is that form (Dublin Core), or
    where the given name is only initials; "Alice, Bob" in a plain `author` tag stays two
    names."""
    parts = [
        part
        for part in _META_SEPARATORS.split(value.strip())
        if part and not _CREDENTIAL.match(part)
    ]
    if len(parts) == 2 and value.count(",") == 1 and _surname_first(*parts, key):
        return [f"{parts[1]} {parts[0]}"]
    return parts


def _surname_first(surname: str, given: str, key: str) -> bool:
    surname_words, given_words = surname.split(), given.split()
    if not 1 <= len(given_words) <= 3 or not given_words[0][0].isupper():
        return False
    if not surname_words[-1][0].isupper() or any(w[0].isupper() for w in surname_words[:-1]):
        return False  # one surname, after any particles ("van der Berg"): not a full name
    return key in _CATALOGUE_KEYS or any(_INITIAL.match(word) for word in given_words)


def is_person_name(name: str) -> bool:
    """Whether the text reads as one person's name: two to four capitalised words
    ("Ana Ruiz", "Jan de Vries"), or a name in a script without capitals ("王明")."""
    if CASELESS_SCRIPT.search(name):
        return 2 <= len(name.replace(" ", "")) <= _MAX_CASELESS_NAME_CHARS and not any(
            ch.isdigit() for ch in name
        )
    return (
        _is_name(name)
        and not all(word.isupper() and len(word) <= _MAX_ACRONYM for word in name.split())
        and not _NO_PERSON.search(name)
    )


_NEWSROOM_WORDS = (
    r"redaktion|redacción|rédaction|redazione|redakcja|redactie|staff|team|desk|newsroom"
    r"|news|media|insight|online|agency|agentur|presse|magazin|magazine|zeitung|gazette"
    r"|tribune|herald|wire"
)
NEWSROOM = re.compile(rf"\b(?:{_NEWSROOM_WORDS})\b", re.IGNORECASE)
"""Words that name a newsroom, a publication or an agency, not a person."""
_NO_PERSON = re.compile(
    rf"\b(?:reporter|editor|correspondent|journalist|redakteur(?:in)?|radio|{_NEWSROOM_WORDS})\b",
    re.IGNORECASE,
)
"""Words that name a job, a newsroom or a medium, which a person's name does not hold
("Reporter Radio PLUS")."""


_MAX_CASELESS_NAME_CHARS = 12
_MAX_ACRONYM = 3
"""Words all of which are this short and in capitals are a licence's or an agency's
letters ("CC BY"), not a name."""


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
    empty when nothing is left, or when the text is too long to be a byline (the date cut
    and the patterns for what follows the names take time that grows with the square of
    the length: a page's 50,000-character JSON-LD "author" held the cleaner 8 s)."""
    if len(text) > _MAX_BYLINE_CHARS:
        return ""
    name = cut_at_date(" ".join(text.split()))
    name = BY.sub("", BY.sub("", name, count=1), count=1)  # "Post author By Jo Lin"
    name = _OTHER_CREDIT.split(name, maxsplit=1)[0].strip(" ,;:|–—-→»›")
    name = _STAMP.split(name, maxsplit=1)[0]
    agency = _AGENCY_AFTER.search(name)
    if agency and len(name[: agency.start()].split()) >= 2:
        # "JANE ROE Associated Press", "Jo Lin, Reuters", "Jo Lin and the Associated Press"
        name = _DANGLING.sub("", name[: agency.start()])
    name = _without_reporter_words(_HANDLE.sub("", _EMAIL.sub("", name)))
    person, bar, _where = name.partition(" | ")
    if bar and _is_name(person):
        name = person  # "Michael Humpa | CHIP Software-Redaktion"
    role = _ROLE.search(name)
    if role and len(name[: role.start()].split()) >= 2:
        name = name[: role.start()]
    return name
