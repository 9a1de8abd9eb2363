"""Related-link injections: "Also Read: <unrelated headline>" and its many variants.

Detection is structural rather than a list of phrases: a *marker* (a short phrase
built only from referral words such as read/see/also/more/related/miss/like, in
any case, optionally bold or bracketed, ending in a separator like ':' '|' '»' or
standing alone on its line) followed by a *headline-like* text (short, one
sentence, starts like a title). How much the headline shares with the article's
vocabulary is reported, and decides the weaker cases: a link-only paragraph with
no marker is removed only when it is unrelated to the article. Chinese, Japanese and
Korean markers ("相关阅读：", "【関連記事】", "관련기사") are a list of their own: those
scripts write the marker as one run of characters.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from retina.clean.candidate import Candidate, Finding
from retina.clean.dates import split_stamp
from retina.clean.tokens import (
    LETTER,
    content_words,
    ends_like_sentence,
    sentence_count_at_least_two,
    starts_like_title,
    words,
)
from retina.model import BlockKind, RemovedKind


def _as_words(listed: list[str]) -> frozenset[str]:
    """The words as `tokens.words` writes them, case-folded: Greek's final "ς" is "σ"."""
    return frozenset(word.casefold() for word in listed)


# Words that make a phrase a referral ("read", "see", "miss"...), in the languages
# Retina sees most. A marker needs one of them.
REFERRAL_WORDS = _as_words(
    [
        "read",
        "reads",
        "reading",
        "see",
        "related",
        "recommended",
        "recommend",
        "recommends",
        "miss",
        "like",
        "watch",
        "listen",
        "trending",
        "popular",
        "pick",
        "picks",
        "suggested",
        "further",
        "explore",
        "deeper",
        "previously",
        "also",
        "more",
        "check",
        "lesen",
        "lies",
        "siehe",
        "mehr",
        "auch",
        "lire",
        "voir",
        "aussi",
        "également",
        "relacionada",
        "relacionadas",
        "relacionado",
        "relacionados",
        "lee",
        "leer",
        "también",
        "más",
        "leggi",
        "vedi",
        "anche",
        # Spanish, Portuguese, Italian, German, Dutch and Polish referrals ("Puedes ver:",
        # "Le puede interesar:", "Leia também", "Potrebbe interessarti", "Weitere
        # Beiträge", "Lees ook", "Czytaj też")
        "ver",
        "vea",
        "véase",
        "mira",
        "mire",
        "lea",
        "interesar",
        "interesa",
        "leia",
        "veja",
        "confira",
        "interessarti",
        "interessieren",
        "weitere",
        "weiterlesen",
        "lees",
        "ook",
        "czytaj",
        "zobacz",
        "też",
        "także",
        # Russian, Ukrainian, Arabic, Hindi, Indonesian and Turkish ("Читайте также:",
        # "По теме:", "Дивіться також", "اقرأ أيضا:", "यह भी पढ़ें:", "Baca juga:",
        # "Ayrıca okuyun")
        # the most-read box's label ("Most viewed", "Top Stories", "Meistgelesen", "Les plus
        # lus", "Lo más leído", "Più letti", "Mais lidas")
        "viewed",
        "stories",
        "meistgelesen",
        "meistgelesene",
        "lus",
        "leído",
        "leídos",
        "leídas",
        "letti",
        "lidas",
        "lidos",
        "читайте",
        "читать",
        "смотрите",
        "также",
        "подробнее",
        "рекомендуем",
        "теме",
        "дивіться",
        "також",
        "اقرأ",
        "إقرأ",
        "شاهد",
        "أيضا",
        "ايضا",
        "أيضاً",
        "ايضاً",
        "صلة",
        "पढ़ें",
        "पढ़िए",
        "baca",
        "juga",
        "simak",
        "okuyun",
        "ayrıca",
        "ilgili",
        # Hebrew, Persian, Greek, Vietnamese, Czech and Romanian ("קראו גם:", "بیشتر
        # بخوانید:", "Διαβάστε επίσης:", "Xem thêm:", "Čtěte také:", "Citește și:")
        "קראו",
        "بخوانید",
        "διαβάστε",
        "επίσης",
        "xem",
        "đọc",
        "čtěte",
        "přečtěte",
        "citește",
        "citeste",
    ]
)
# Words that may accompany referral words in a marker ("You may also like", "Editor's picks").
MARKER_FILLERS = _as_words(
    [
        "you",
        "go",
        "dig",
        "may",
        "might",
        "also",
        "don't",
        "dont",
        "do",
        "not",
        "this",
        "these",
        "our",
        "the",
        "on",
        "from",
        "in",
        "of",
        "must",
        "here",
        "editor's",
        "editors",
        "just",
        "next",
        "up",
        "what",
        "else",
        "to",
        "should",
        "want",
        "could",
        "would",
        "be",
        "interested",
        "stories",
        "story",
        "news",
        "articles",
        "noticia",
        "noticias",
        "notícia",
        "notícias",
        "nota",
        "notas",
        "artículo",
        "artículos",
        "artigo",
        "artigos",
        "articolo",
        "articoli",
        "article",
        "coverage",
        "topics",
        "topic",
        "link",
        "links",
        "video",
        "videos",
        "for",
        "with",
        "about",
        "top",
        "latest",
        "content",
        "now",
        "today",
        "as",
        "well",
        "other",
        "people",
        "are",
        "readers",
        "most",
        "viewed",
        "popular",
        "and",
        "sie",
        "à",
        "a",
        "la",
        "le",
        "plus",
        "el",
        "la",
        "lo",
        "y",
        "e",
        "di",
        "puede",
        "puedes",
        "pueden",
        "te",
        "tambem",
        "também",
        "potrebbe",
        "più",
        "mais",
        "les",
        "zum",
        "thema",
        "beiträge",
        "artikel",
        "das",
        "könnte",
        "auch",
        "по",
        "ещё",
        "еще",
        "материалы",
        "новости",
        "на",
        "тему",
        "ذات",
        "مواضيع",
        "أخبار",
        "المزيد",
        "berita",
        "lainnya",
        "sini",
        "यह",
        "ये",
        "भी",
        "खबर",
        "ख़बर",
        "גם",
        "עוד",
        "بیشتر",
        "thêm",
        "si",
        "také",
        "și",
        "haber",
        "haberler",
        "bunlar",
        "da",
        "çekebilir",
    ]
)
_SEPARATOR = r"(?:[:|»›>–—•~]|-{1,2}|\.{3}|…)"
_OPENERS = "\\s*_#>\\[(«\"'“"
_WORD = f"(?:{LETTER}|['’])"
"""A marker's word: letters with their combining marks ("أيضاً", "पढ़ें"), apostrophes."""
_MARKER_THEN_TEXT = re.compile(
    rf"^[{_OPENERS}]*(?P<marker>[^\W\d_]{_WORD}*(?:\s+{_WORD}+){{0,5}}?)\s*[*_\])]*\s*"
    rf"{_SEPARATOR}\s*[*_]*\s*(?P<rest>.*?)[*_\])]*\s*$",
    re.DOTALL,
)
_MARKER_ALONE = re.compile(
    rf"^[{_OPENERS}]*(?P<marker>[^\W\d_]{_WORD}*(?:\s+{_WORD}+){{0,5}})\s*[*_\])]*\s*"
    rf"{_SEPARATOR}?\s*[*_]*\s*$"
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_CJK_MARKER = re.compile(
    r"^[【\[（(<《]?\s*(?P<marker>相关阅读|相关新闻|相关链接|相关文章|延伸阅读|推荐阅读|更多阅读"
    r"|阅读更多|相關閱讀|相關新聞|相關文章|延伸閱讀|推薦閱讀|関連記事|関連ニュース|関連リンク"
    r"|あわせて読みたい|合わせて読みたい|こちらもおすすめ|人気記事|おすすめ記事|猜你喜欢|热门推荐|热门文章"
    r"|精彩(?:视频)?推荐"
    r"|관련\s*기사|관련\s*뉴스|함께\s*볼만한\s*뉴스|많이\s*본\s*뉴스)"
    r"\s*[】\]）)>》]?\s*[:：|｜>》»]?\s*(?P<rest>.*)$",
    re.DOTALL,
)
_MAX_CJK_HEADLINE_CHARS = 60
_MAX_HEADLINE_WORDS = 30
_MAX_FOLLOWING_HEADLINES = 6
_UNRELATED_OVERLAP = 0.2
_MIN_OPENING_LINKS = 2
_READ_ON_LABEL = re.compile(
    r"^\W*(?:(?:read|learn|find\s+out|see)\s+more|continue\s+reading|read\s+on"
    r"|read\s+the\s+(?:rest|(?:full|whole|complete|entire|original)\s+(?:story|article|report"
    r"|piece|post|interview))|zum\s+(?:vollständigen|ganzen)\s+(?:artikel|beitrag|text)"
    r"|lire\s+l['’]article\s+(?:complet|en\s+entier)"
    r"|le[ea]r?\s+(?:la\s+nota|el\s+artículo|la\s+noticia)\s+complet[ao]"
    r"|leggi\s+l['’]articolo\s+completo|leia\s+(?:a\s+matéria|o\s+artigo)\s+complet[ao]"
    r"|weiterlesen|mehr\s+(?:lesen|erfahren)|en\s+savoir\s+plus"
    r"|lire\s+la\s+suite|lire\s+plus|leer\s+más|más\s+información|seguir\s+leyendo"
    r"|continua\s+a\s+leggere|leggi\s+(?:tutto|di\s+più)|lees\s+meer"
    r"|czytaj\s+(?:dalej|więcej)|saiba\s+mais|leia\s+mais)",
    re.IGNORECASE,
)
"""The label of a link to the rest of a text elsewhere, in eleven languages ("Read the full
story", "Zum vollständigen Artikel", "Lire l'article complet", "Lee la nota completa")."""
_READ_ON_ALONE = re.compile(r"^\W*(?:[\w'’]+\s+){0,5}[\w'’]+[^\w:]*$")
"""Six words at most, then nothing but marks ("Read more »", "Read the full story
here."); one ending in a colon introduces what follows."""
_MAX_READ_ON_CHARS = 60
_LINK_ONLY = 0.9
_MAX_LEAD_IN_WORDS = 8
_MIN_PROSE_WORDS = 12
_MAX_LABEL_CHARS = 60
"""A box's label is a few words: longer text is not tokenised to find out."""


def is_marker(phrase: str) -> bool:
    """True when every word of `phrase` is a referral word or filler, and one is a referral.
    A Turkish "İ" case-folds to "i" and a combining dot, which the word lists leave out."""
    tokens = [token.replace("\u0307", "") for token in words(phrase)]
    if not tokens or len(tokens) > 6:
        return False
    if not any(t in REFERRAL_WORDS for t in tokens):
        return False
    return all(t in REFERRAL_WORDS or t in MARKER_FILLERS for t in tokens)


def is_headline_like(text: str) -> bool:
    """Short, a single sentence, starting like a title (or a bare URL)."""
    text = text.strip()
    if _URL.match(text):
        return True
    n = len(words(text))
    if not 2 <= n <= _MAX_HEADLINE_WORDS or len(text) > 250:
        return False
    if not starts_like_title(text) or sentence_count_at_least_two(text):
        return False
    return not ends_like_sentence(text) or text.rstrip().endswith(("?", "!")) or n <= 20


class ArticleVocabulary:
    """Which content words occur in which candidate blocks, to measure topical overlap."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self._blocks = [content_words(c.text) for c in candidates]
        self._frequency: Counter[str] = Counter()
        for block_words in self._blocks:
            self._frequency.update(block_words)

    def overlap(self, text: str, exclude: set[int]) -> float:
        """Share of the text's content words that occur in blocks outside `exclude`."""
        own = content_words(text)
        if not own:
            return 0.0
        shared = sum(
            1
            for w in own
            if self._frequency[w] - sum(1 for j in exclude if w in self._blocks[j]) > 0
        )
        return shared / len(own)


def find_related_links(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Find related-link injections among the candidates (positions in `skip` are ignored)."""
    findings: list[Finding] = []
    taken: set[int] = set(skip)
    vocabulary = ArticleVocabulary(candidates)
    for i in range(len(candidates)):
        if i in taken:
            continue
        finding = (
            _marker_with_headline(candidates, i, taken, vocabulary)
            or _cjk_marker(candidates, i, taken)
            or _bare_link(candidates, i, taken, vocabulary)
        )
        if finding:
            findings.append(finding)
            taken.update(finding.positions)
    findings = [_whole_box(candidates, finding, taken) for finding in findings]
    for links in (_closing_links(candidates, taken), _opening_links(candidates, taken)):
        if links:
            findings.append(links)
            taken.update(links.positions)
    read_on = [
        i
        for i, candidate in enumerate(candidates)
        if i not in taken and _is_read_on_label(candidate.text)
    ]
    findings.extend(
        Finding((i,), RemovedKind.RELATED_LINK, 'a link label to read on elsewhere ("Read more")')
        for i in read_on
    )
    kept = [i for i in range(len(candidates)) if i not in taken and i not in read_on]
    findings.extend(
        Finding((i,), RemovedKind.RELATED_LINK, 'a related-links label with no links ("Most Read")')
        for i, after in itertools.zip_longest(kept, kept[1:])
        if _is_lone_label(candidates[i], None if after is None else candidates[after])
    )
    return findings


_SECTION_LABELS = _as_words(["related", "recommended", "trending"])
"""One-word labels that head nothing but links; "Like" or "Watch" may head a section."""


def _is_lone_label(candidate: Candidate, after: Candidate | None) -> bool:
    """The label of a box of links to other articles ("Trending Now", "You might also
    like", "Lesen Sie auch") left without its links, which the engines or the detectors
    dropped: a line that is only a marker, or such a heading right above prose. A heading
    above anything else may head a section of the article's own ("See also", "Further
    reading" over a list of references)."""
    label = candidate.text.strip().rstrip(":：").strip()
    if len(label) > _MAX_LABEL_CHARS or not is_marker(label):
        return False
    if candidate.kind is BlockKind.PARAGRAPH:
        return True
    if candidate.kind is not BlockKind.HEADING or after is None:
        return False
    tokens = words(label)
    return (
        (len(tokens) > 1 or tokens[0] in _SECTION_LABELS)
        and after.kind is BlockKind.PARAGRAPH
        and ends_like_sentence(after.text)
        and len(words(after.text)) >= _MIN_PROSE_WORDS
    )


def _is_read_on_label(text: str) -> bool:
    """A link's label to read on elsewhere, alone ("Read more »", "Mehr erfahren"): no
    headline after it for the marker rules to take with it."""
    text = text.strip()
    return len(text) <= _MAX_READ_ON_CHARS and bool(
        _READ_ON_LABEL.match(text) and _READ_ON_ALONE.fullmatch(text)
    )


def _opening_links(candidates: list[Candidate], taken: set[int]) -> Finding | None:
    """The links to other articles a page lists above the text (a series' other parts,
    "Top stories"): the first blocks, two or more, each only a link to a headline, with
    the heading above them, before the article's first paragraph of prose."""
    kept = [i for i in range(len(candidates)) if i not in taken]
    start = 1 if kept and _introduces_links(candidates[kept[0]]) else 0
    run = list(itertools.takewhile(lambda i: _is_bare_headline_link(candidates[i]), kept[start:]))
    if len(run) < _MIN_OPENING_LINKS or len(run) + start == len(kept):
        return None
    after = candidates[kept[start + len(run)]]
    if after.kind is not BlockKind.PARAGRAPH or not ends_like_sentence(after.text):
        return None
    return Finding(
        tuple(kept[: start + len(run)]),
        RemovedKind.RELATED_LINK,
        f"{len(run)} link(s) to other articles above the text, each a headline on its own",
    )


def _closing_links(candidates: list[Candidate], taken: set[int]) -> Finding | None:
    """The links to other articles a page lists after the text ("Weitere Beiträge aus der
    Kolumne:", then headlines): the last blocks, each only a link to a headline, with the
    heading or lead-in line above them. The article's own text ends in prose, so at
    least one paragraph that ends like a sentence must stay before them."""
    kept = [i for i in range(len(candidates)) if i not in taken]
    run: list[int] = []
    while kept and _is_bare_headline_link(candidates[kept[-1]]):
        run.insert(0, kept.pop())
    if not run:
        return None
    if kept and _introduces_links(candidates[kept[-1]]):
        run.insert(0, kept.pop())
    if not any(
        candidates[i].kind is BlockKind.PARAGRAPH and ends_like_sentence(candidates[i].text)
        for i in kept
    ):
        return None
    links = sum(1 for i in run if candidates[i].link_density > 0)
    return Finding(
        tuple(run),
        RemovedKind.RELATED_LINK,
        f"{links} link(s) to other articles closing the text, each a headline (and its date)",
    )


def _is_bare_headline_link(candidate: Candidate) -> bool:
    """A link whose text is a headline, alone or with its date stamp; a bare address
    cites a source ("Weiterführender Link: www.dwds.de/…"), and stays."""
    if not candidate.link_density:
        return False
    headline, _ = split_stamp(candidate.text)
    return (
        candidate.link_density * len(candidate.text) >= _LINK_ONLY * len(headline)
        and candidate.kind is not BlockKind.TABLE
        and not _URL.match(headline.strip())
        and is_headline_like(headline)
        and not ends_like_sentence(headline)
    )


def _introduces_links(candidate: Candidate) -> bool:
    """A heading, or a short line ending with a colon, right above the closing links."""
    n = len(words(candidate.text))
    return n <= _MAX_LEAD_IN_WORDS and (
        candidate.kind is BlockKind.HEADING or candidate.text.rstrip().endswith(":")
    )


def _marker_with_headline(
    candidates: list[Candidate], i: int, taken: set[int], vocabulary: ArticleVocabulary
) -> Finding | None:
    text = candidates[i].text.strip()
    match = _MARKER_THEN_TEXT.match(text)
    if match and is_marker(match.group("marker")):
        rest = match.group("rest").strip()
        if rest and is_headline_like(rest):
            overlap = vocabulary.overlap(rest, {i} | taken)
            return Finding(
                (i,),
                RemovedKind.RELATED_LINK,
                f"{_quote_marker(match.group('marker'))} marker followed by a headline "
                f"({_relation(overlap)})",
            )
    run_on = _run_on_marker(text)
    if run_on:
        marker, rest = run_on
        overlap = vocabulary.overlap(rest, {i} | taken)
        return Finding(
            (i,),
            RemovedKind.RELATED_LINK,
            f"{_quote_marker(marker)} marker run into a headline ({_relation(overlap)})",
        )
    alone = _MARKER_ALONE.match(text)
    if alone and is_marker(alone.group("marker")):
        following = []
        for j in range(i + 1, min(len(candidates), i + 1 + _MAX_FOLLOWING_HEADLINES)):
            nxt = candidates[j]
            if j in taken or not is_headline_like(nxt.text) or ends_like_sentence(nxt.text):
                break
            following.append(j)
            if nxt.kind is not BlockKind.LIST_ITEM and nxt.link_density < 0.5:
                break  # one plain line after the marker; lists and links may run on
        if following:
            headlines = " ".join(candidates[j].text for j in following)
            overlap = vocabulary.overlap(headlines, {i, *following} | taken)
            return Finding(
                (i, *following),
                RemovedKind.RELATED_LINK,
                f"{_quote_marker(alone.group('marker'))} marker on its own line followed by "
                f"{len(following)} headline(s) ({_relation(overlap)})",
            )
    return None


def _cjk_marker(candidates: list[Candidate], i: int, taken: set[int]) -> Finding | None:
    """ "相关阅读：10月CPI数据解读", "【関連記事】" over its links, "관련기사": Chinese,
    Japanese and Korean write the marker as one run of characters, with no words for the
    referral vocabulary to read, and a headline without spaces to count. The headline is
    short and not a sentence (no "。"). A marker alone is the label of a box whose links
    are gone."""
    match = _CJK_MARKER.match(candidates[i].text.strip())
    if not match:
        return None
    rest = match.group("rest").strip()
    if rest:
        if not _cjk_headline(rest):
            return None
        return Finding(
            (i,), RemovedKind.RELATED_LINK, f'"{match.group("marker")}" marker and a headline'
        )
    following = []
    for j in range(i + 1, min(len(candidates), i + 1 + _MAX_FOLLOWING_HEADLINES)):
        if (
            j in taken
            or candidates[j].link_density < _LINK_ONLY
            or not _cjk_headline(candidates[j].text.strip())
        ):
            break
        following.append(j)
    if not following:
        return Finding(
            (i,),
            RemovedKind.RELATED_LINK,
            f'a related-links label with no links ("{match.group("marker")}")',
        )
    return Finding(
        (i, *following),
        RemovedKind.RELATED_LINK,
        f'"{match.group("marker")}" marker on its own line followed by {len(following)} link(s)',
    )


def _cjk_headline(text: str) -> bool:
    """Short and not a sentence: no "。"."""
    return len(text) <= _MAX_CJK_HEADLINE_CHARS and "。" not in text


def _run_on_marker(text: str) -> tuple[str, str] | None:
    """ "READ MORE Headline here": a marker of two or more words and a headline with no
    separator between them (a line break the layout lost). The headline must not end like
    a sentence, so prose opening with "See also" or "Read more" stays."""
    tokens = text.split()
    marker_words = 0  # leading tokens that may belong to a marker (punctuation may)
    for token in tokens[:6]:
        if not all(w in REFERRAL_WORDS or w in MARKER_FILLERS for w in words(token)):
            break
        marker_words += 1
    for size in range(min(marker_words, len(tokens) - 2), 1, -1):
        marker, rest = " ".join(tokens[:size]), " ".join(tokens[size:])
        if (
            is_marker(marker)
            and is_headline_like(rest)
            and (not ends_like_sentence(rest) or rest.endswith(("?", "!")))
        ):
            return marker, rest
    return None


_BARE_LINK = "a block that is only a link to a headline"


def _bare_link(
    candidates: list[Candidate], i: int, taken: set[int], vocabulary: ArticleVocabulary
) -> Finding | None:
    """A paragraph that is only a link to a headline, unrelated to the article."""
    cand = candidates[i]
    if (
        cand.link_density < _LINK_ONLY
        or not is_headline_like(cand.text)
        or ends_like_sentence(cand.text)
    ):
        return None
    overlap = vocabulary.overlap(cand.text, {i} | taken)
    if overlap >= _UNRELATED_OVERLAP:
        return None
    return Finding(
        (i,),
        RemovedKind.RELATED_LINK,
        f"{_BARE_LINK} ({_relation(overlap)})",
    )


def _whole_box(candidates: list[Candidate], finding: Finding, taken: set[int]) -> Finding:
    """A list item that is a link to an unrelated headline takes along the list items
    around it that are links to headlines too, when prose stands on both sides: one box
    of links to other stories set into the text ("Mehr zum Thema"), some of whose
    headlines share the article's words. A list closing the text may be its own "See
    also"."""
    if not finding.reason.startswith(_BARE_LINK):
        return finding
    [i] = finding.positions
    if candidates[i].kind is not BlockKind.LIST_ITEM:
        return finding
    box = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(candidates) and j not in taken and _box_item(candidates[j]):
            box.append(j)
            j += step
    box.sort()
    if len(box) == 1 or not (
        _is_prose(candidates, box[0] - 1) and _is_prose(candidates, box[-1] + 1)
    ):
        return finding
    taken.update(box)
    return Finding(
        tuple(box),
        RemovedKind.RELATED_LINK,
        f"a list of {len(box)} links to headlines amid the text, one of them unrelated to it",
    )


def _box_item(candidate: Candidate) -> bool:
    return candidate.kind is BlockKind.LIST_ITEM and _is_bare_headline_link(candidate)


def _is_prose(candidates: list[Candidate], i: int) -> bool:
    if not 0 <= i < len(candidates):
        return False
    candidate = candidates[i]
    return (
        candidate.kind is BlockKind.PARAGRAPH
        and ends_like_sentence(candidate.text)
        and len(words(candidate.text)) >= _MIN_PROSE_WORDS
    )


def _relation(overlap: float) -> str:
    if overlap < _UNRELATED_OVERLAP:
        return f"unrelated to the article: {overlap:.0%} of its words occur in the text"
    return f"{overlap:.0%} of its words occur in the article"


def _quote_marker(marker: str) -> str:
    return f'"{" ".join(marker.split())}"'
