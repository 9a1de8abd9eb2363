"""Related-link injections: many marker forms removed; prose and subheadings kept."""

from __future__ import annotations

import pytest

from helpers import BODY, dump, with_injection
from retina import clean
from retina.clean.candidate import Candidate
from retina.clean.junk.related import find_related_links, is_headline_like, is_marker
from retina.model import BlockKind, RemovedKind

UNRELATED = "Pop star announces surprise comeback tour across Europe"


@pytest.mark.parametrize(
    "line",
    [
        f"Also Read: {UNRELATED}",
        f"Also Read:\u00a0\u00a0 {UNRELATED}",
        f"ALSO READ | {UNRELATED}",
        f"Read more: {UNRELATED}",
        f"READ MORE: {UNRELATED}",
        f"Related: {UNRELATED}",
        f"See also: {UNRELATED}",
        f"Don't miss: {UNRELATED}",
        f"Don’t miss – {UNRELATED}",
        f"Recommended: {UNRELATED}",
        f"You may also like: {UNRELATED}",
        f"**Also Read:** {UNRELATED}",
        f"[Read more: {UNRELATED}]",
        f"MUST READ » {UNRELATED}",
        f"Lesen Sie auch: {UNRELATED}",
        f"Das könnte Sie auch interessieren: {UNRELATED}",
        f"PUEDES VER: {UNRELATED}",
        "PUEDES VER: ¿Qué es la Sunedu, cómo está conformada y para qué sirve?",
        f"LE PUEDE INTERESAR: {UNRELATED}",
        f"MIRA: {UNRELATED}",
        f"Leia também: {UNRELATED}",
        f"Potrebbe interessarti: {UNRELATED}",
        f"Lees ook: {UNRELATED}",
        f"Czytaj też: {UNRELATED}",
        "Read more: https://example.com/news/pop-star-comeback",
        f"Related: {UNRELATED}?",
        "Читайте также: Поп-звезда объявила о турне по Европе",
        "По теме: Поп-звезда объявила о турне по Европе",
        "Дивіться також: Поп-зірка оголосила про тур Європою",
        "اقرأ أيضاً: نجمة البوب تعلن عن جولة مفاجئة في أوروبا",
        f"Baca juga: {UNRELATED}",
        "यह भी पढ़ें: पॉप स्टार ने यूरोप दौरे की घोषणा की",
        "קראו גם: כוכבת הפופ מודיעה על סיבוב הופעות באירופה",
        "بیشتر بخوانید: ستاره پاپ تور اروپایی را اعلام کرد",
        "Διαβάστε επίσης: Η ποπ σταρ ανακοινώνει περιοδεία στην Ευρώπη",
        "Xem thêm: Ngôi sao nhạc pop công bố chuyến lưu diễn châu Âu",
        "Přečtěte si také: Popová hvězda ohlásila turné po Evropě",
        "Citește și: Vedeta pop anunță un turneu surpriză în Europa",
        f"Ayrıca okuyun: {UNRELATED}",
        f"Go deeper: {UNRELATED}",
    ],
)
def test_marker_and_headline_removed(line: str) -> None:
    article = clean(with_injection(line))
    assert [b.text for b in article.blocks] == BODY
    (removed,) = article.removed
    assert removed.kind is RemovedKind.RELATED_LINK
    assert removed.text == line


@pytest.mark.parametrize(
    "marker", ["Also Read:", "READ MORE", "Related stories", "You might also like"]
)
def test_marker_alone_then_headline_on_next_line(marker: str) -> None:
    body = list(BODY)
    body[2:2] = [marker, UNRELATED]
    article = clean(dump(*body))
    assert [b.text for b in article.blocks] == BODY
    (removed,) = article.removed
    assert removed.kind is RemovedKind.RELATED_LINK
    assert removed.text == f"{marker}\n{UNRELATED}"


def test_several_injections_each_recorded() -> None:
    body = list(BODY)
    body.insert(1, f"Also Read: {UNRELATED}")
    body.insert(4, "READ MORE | Markets slide as oil prices jump")
    article = clean(dump(*body))
    assert [b.text for b in article.blocks] == BODY
    assert [r.kind for r in article.removed] == [RemovedKind.RELATED_LINK] * 2
    assert "unrelated" in article.removed[0].reason


@pytest.mark.parametrize(
    "line",
    [
        "Also, read the ministry's report, which explains why the harbour plan was delayed twice.",
        "Read more about the vote in the minutes published by the council on its website today.",
        "See also the chart below, which compares cargo volumes in the last ten years.",
        "Read more: the figures show that cargo volumes rose by a third last year, and the "
        "council expects growth to continue as new berths open.",
        "Related: the port authority said it had received no objections from shipping firms.",
        "More than 400 residents attended the meeting, the largest turnout in years.",
        "Update: The council published the full text of the decision on Wednesday evening.",
        "Mira, el puerto ya no es lo que era, dijo un pescador a este diario el martes.",
        "Ver para creer: el consejo aprobó el plan del puerto por unanimidad este martes.",
        "Читайте внимательно: совет опубликовал полный текст решения в среду вечером.",
    ],
)
def test_prose_that_looks_similar_stays(line: str) -> None:
    article = clean(with_injection(line))
    assert line in [b.text for b in article.blocks]
    assert article.removed == []


def test_subheading_stays() -> None:
    body = list(BODY)
    body.insert(2, "Jobs and the estuary")
    article = clean(dump(*body))
    assert "Jobs and the estuary" in [b.text for b in article.blocks]
    assert article.removed == []


def test_link_only_block_unrelated_is_removed_but_related_link_stays() -> None:
    cands = [Candidate(BlockKind.PARAGRAPH, t) for t in BODY]
    cands.insert(1, Candidate(BlockKind.PARAGRAPH, UNRELATED, link_density=1.0))
    cands.insert(
        3,
        Candidate(BlockKind.PARAGRAPH, "Council votes to expand Marlow harbour", link_density=1.0),
    )
    findings = find_related_links(cands, set())
    assert [f.positions for f in findings] == [(1,)]


def test_marker_grammar() -> None:
    assert is_marker("You may also like")
    assert is_marker("ALSO READ")
    assert is_marker("Editor's picks")
    assert not is_marker("Update")
    assert not is_marker("The council said")
    assert not is_marker("Also the mayor")
    assert is_headline_like(UNRELATED)
    assert not is_headline_like("the chart below.")
    assert not is_headline_like("Cargo rose. Ships came back to the port in numbers.")


@pytest.mark.parametrize("marker", ["READ MORE", "You may also like", "Also Read"])
def test_marker_run_into_its_headline(marker: str) -> None:
    """A layout that lost the line break between marker and headline (a single <br>)."""
    line = f"{marker} {UNRELATED}"
    article = clean(with_injection(line))
    assert [b.text for b in article.blocks] == BODY
    (removed,) = article.removed
    assert removed.kind is RemovedKind.RELATED_LINK
    assert "run into a headline" in removed.reason


@pytest.mark.parametrize(
    "prose",
    [
        "Read more about the harbour plans in the council minutes published on Friday.",
        "See also The Harbour Report, which the council commissioned last year.",
    ],
)
def test_prose_opening_with_marker_words_stays(prose: str) -> None:
    article = clean(with_injection(prose))
    assert prose in [b.text for b in article.blocks]


def test_headline_starting_with_a_currency_amount() -> None:
    assert is_headline_like("$22bn Deal Creates Packaging Giant")
    assert is_headline_like("£4.3bn deal creates regional airline giant")
    article = clean(with_injection("Also Read: $22bn Deal Creates Packaging Giant"))
    assert [b.text for b in article.blocks] == BODY


_PROSE = Candidate(
    BlockKind.PARAGRAPH,
    "The council voted on Tuesday to rebuild the harbour wall after a winter of storms.",
)


def _link(text: str, kind: BlockKind = BlockKind.PARAGRAPH) -> Candidate:
    return Candidate(kind, text, link_density=1.0)


def test_closing_links_to_other_articles_go_with_their_heading() -> None:
    """Even when they share the article's words: the same column, the same topic."""
    candidates = [
        _PROSE,
        Candidate(BlockKind.HEADING, "More from the harbour column:"),
        _link("Storms flood the harbour wall again", BlockKind.LIST_ITEM),
        _link("Council to vote on the harbour budget", BlockKind.LIST_ITEM),
    ]
    [finding] = find_related_links(candidates, set())
    assert finding.positions == (1, 2, 3)
    assert finding.kind is RemovedKind.RELATED_LINK
    assert "closing the text" in finding.reason


def test_a_box_of_links_goes_whole_when_one_of_its_headlines_is_unrelated() -> None:
    """Two links in one list amid the text: one shares the article's words, the other
    does not; both are the box of other stories."""
    candidates = [
        _PROSE,
        _link("Storms flood the harbour wall again", BlockKind.LIST_ITEM),
        _link("Ferry fares climb by a tenth in April", BlockKind.LIST_ITEM),
        _PROSE,
    ]
    [finding] = find_related_links(candidates, set())
    assert finding.positions == (1, 2)
    assert "one of them unrelated" in finding.reason


def test_links_that_all_share_the_article_s_words_stay() -> None:
    """The article's own list of documents, each a link."""
    candidates = [
        _PROSE,
        _link("Council report on the harbour wall", BlockKind.LIST_ITEM),
        _link("The harbour budget vote", BlockKind.LIST_ITEM),
        _PROSE,
    ]
    assert not find_related_links(candidates, set())


def test_closing_links_with_their_dates_go_too() -> None:
    """A list of other stories gives each its date beside the link: the link is then a
    share of the line (its text, not the stamp)."""
    candidates = [
        _PROSE,
        Candidate(BlockKind.HEADING, "Our harbour coverage"),
        Candidate(
            BlockKind.LIST_ITEM, "Storms flood the harbour wall - March 2, 2024", link_density=0.7
        ),
        Candidate(
            BlockKind.LIST_ITEM,
            "Council to vote on the budget Published 12 January",
            link_density=0.6,
        ),
    ]
    [finding] = find_related_links(candidates, set())
    assert finding.positions == (1, 2, 3)
    assert finding.reason.startswith("2 link(s) to other articles closing the text")


@pytest.mark.parametrize(
    "candidates",
    [
        # a link inside the text, prose after it
        [_PROSE, _link("Storms flood the harbour wall again"), _PROSE],
        # a closing link that is a sentence, or a bare address citing a source
        [_PROSE, _link("Read the council's full decision on the harbour wall here.")],
        [_PROSE, Candidate(BlockKind.HEADING, "Further reading"), _link("www.example.org/wall")],
        # nothing but links: no prose of its own to end, so the links are the page
        [_link("Storms flood the harbour wall again"), _link("Council votes on harbour wall")],
        # a closing line that is not wholly a link, with a date or without
        [_PROSE, Candidate(BlockKind.PARAGRAPH, "Storms flood the harbour wall again")],
        [
            _PROSE,
            Candidate(BlockKind.LIST_ITEM, "Storms flood the wall March 2, 2024", link_density=0.3),
        ],
    ],
)
def test_what_is_not_a_closing_list_of_links(candidates: list[Candidate]) -> None:
    assert not [f for f in find_related_links(candidates, set()) if "closing" in f.reason]


def test_links_to_other_articles_above_the_text_go_with_their_heading() -> None:
    """A series' other parts, listed above the article; they share its words."""
    candidates = [
        Candidate(BlockKind.HEADING, "In this series"),
        _link("Storms flood the harbour wall again", BlockKind.LIST_ITEM),
        _link("Council to vote on the harbour budget", BlockKind.LIST_ITEM),
        _PROSE,
        _PROSE,
    ]
    [finding] = find_related_links(candidates, set())
    assert finding.positions == (0, 1, 2)
    assert finding.kind is RemovedKind.RELATED_LINK
    assert "above the text" in finding.reason


@pytest.mark.parametrize(
    "candidates",
    [
        # one link above the text: a kicker or a section's name as often as a teaser
        [_link("Storms flood the harbour wall again"), _PROSE],
        # links above more links or a list: a roundup, not an article opening
        [
            _link("Storms flood the harbour wall again", BlockKind.LIST_ITEM),
            _link("Council to vote on the harbour budget", BlockKind.LIST_ITEM),
            Candidate(BlockKind.LIST_ITEM, "Harbour master resigns after the vote"),
            _PROSE,
        ],
    ],
)
def test_what_is_not_a_list_of_links_above_the_text(candidates: list[Candidate]) -> None:
    assert not [f for f in find_related_links(candidates, set()) if "above" in f.reason]


@pytest.mark.parametrize(
    "label",
    [
        "Read more »",
        "Mehr erfahren",
        "En savoir plus",
        "Learn more",
        "Read the full story here.",
        "Zum vollständigen Artikel",
        "Lire l'article complet",
        "Lee la nota completa",
    ],
)
def test_a_read_on_label_alone_goes(label: str) -> None:
    candidates = [_PROSE, Candidate(BlockKind.PARAGRAPH, label), _PROSE]
    [finding] = find_related_links(candidates, set())
    assert finding.positions == (1,)
    assert "read on elsewhere" in finding.reason


@pytest.mark.parametrize(
    "text",
    [
        "Weiterlesen:",  # introduces what follows
        "Learn more about the harbour plan at the town hall on Friday.",
        "Reading more books helps.",
    ],
)
def test_what_is_no_read_on_label(text: str) -> None:
    candidates = [_PROSE, Candidate(BlockKind.PARAGRAPH, text), _PROSE]
    assert not [f for f in find_related_links(candidates, set()) if "read on" in f.reason]


_CJK_PROSE = Candidate(
    BlockKind.PARAGRAPH,
    "国家统计局7日发布数据显示，11月份全国居民消费价格指数同比上涨0.5%，环比下降0.1%。",
)


@pytest.mark.parametrize(
    "text",
    ["相关阅读：10月CPI数据解读", "【延伸阅读】美联储宣布降息", "関連記事：日銀、金利据え置き"],
)
def test_cjk_marker_and_headline(text: str) -> None:
    [finding] = find_related_links(
        [_CJK_PROSE, Candidate(BlockKind.PARAGRAPH, text), _CJK_PROSE], set()
    )
    assert finding.positions == (1,)
    assert finding.kind is RemovedKind.RELATED_LINK


def test_cjk_marker_alone_goes_with_the_links_under_it() -> None:
    candidates = [
        _CJK_PROSE,
        Candidate(BlockKind.HEADING, "【関連記事】"),
        _link("日銀、金利据え置きを決定", BlockKind.LIST_ITEM),
        _link("円相場、一時150円台に", BlockKind.LIST_ITEM),
    ]
    [finding] = find_related_links(candidates, set())
    assert finding.positions == (1, 2, 3)


@pytest.mark.parametrize("label", ["関連記事", "많이 본 뉴스", "【相关阅读】"])
def test_a_cjk_label_left_without_its_links_goes(label: str) -> None:
    candidates = [_CJK_PROSE, Candidate(BlockKind.PARAGRAPH, label), _CJK_PROSE]
    [finding] = find_related_links(candidates, set())
    assert finding.positions == (1,)
    assert "with no links" in finding.reason


def test_cjk_prose_opening_with_a_marker_word_stays() -> None:
    """A sentence (it has a "。") after the marker words is text."""
    text = "相关阅读材料显示，今年以来全国居民消费价格总体平稳，食品价格涨幅有所回落。"
    assert not find_related_links([_CJK_PROSE, Candidate(BlockKind.PARAGRAPH, text)], set())


@pytest.mark.parametrize(
    "line", ["Nota relacionada: La secretaria que tumbó al contralor", "À lire également : Le port"]
)
def test_spanish_and_french_markers(line: str) -> None:
    prose = Candidate(
        BlockKind.PARAGRAPH, "El consejo votó el martes ampliar el puerto de la ciudad."
    )
    [finding] = find_related_links([prose, Candidate(BlockKind.PARAGRAPH, line), prose], set())
    assert finding.positions == (1,)


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Most Read", BlockKind.PARAGRAPH),
        ("You might also like", BlockKind.PARAGRAPH),
        ("Lesen Sie auch:", BlockKind.PARAGRAPH),
        ("Trending Now", BlockKind.HEADING),
        ("Related", BlockKind.HEADING),
        ("Meistgelesen", BlockKind.PARAGRAPH),
        ("Les plus lus", BlockKind.PARAGRAPH),
        ("Lo más leído", BlockKind.PARAGRAPH),
        ("Più letti", BlockKind.PARAGRAPH),
        ("Most viewed", BlockKind.PARAGRAPH),
        ("Top Stories", BlockKind.PARAGRAPH),
        ("İlgili Haberler", BlockKind.PARAGRAPH),  # its "İ" case-folds with a combining dot
        ("Simak berita lainnya di sini", BlockKind.PARAGRAPH),
        ("Vea también", BlockKind.PARAGRAPH),
        ("精彩视频推荐", BlockKind.PARAGRAPH),
    ],
)
def test_a_related_links_label_left_without_its_links_goes(label: str, kind: BlockKind) -> None:
    candidates = [_PROSE, Candidate(kind, label), _PROSE]
    [finding] = find_related_links(candidates, set())
    assert finding.positions == (1,)
    assert "label with no links" in finding.reason


@pytest.mark.parametrize(
    "candidates",
    [
        # a heading of the article's own over what is not prose
        [
            _PROSE,
            Candidate(BlockKind.HEADING, "See also"),
            Candidate(BlockKind.LIST_ITEM, "Harbour"),
        ],
        [
            _PROSE,
            Candidate(BlockKind.HEADING, "Further reading"),
            Candidate(BlockKind.HEADING, "Notes"),
        ],
        # a one-word heading may head a section ("Like": the gifts a character likes)
        [_PROSE, Candidate(BlockKind.HEADING, "Like"), _PROSE],
        [_PROSE, Candidate(BlockKind.PARAGRAPH, "Most people read the paper on Sundays."), _PROSE],
    ],
)
def test_what_is_no_lone_related_label(candidates: list[Candidate]) -> None:
    assert not [f for f in find_related_links(candidates, set()) if "no links" in f.reason]
