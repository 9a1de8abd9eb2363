"""Page furniture between paragraphs: date lines, reading times, comment-form prompts and
the labels and notices of comment sections."""

from __future__ import annotations

import pytest

from helpers import BODY, dump
from retina import clean
from retina.clean.candidate import Candidate
from retina.clean.junk.page_lines import find_page_lines, page_line_reason
from retina.model import BlockKind, RemovedKind

_COMMENT_SECTION = "a label or notice of the comment section"
_SEPARATOR = "a separator line with no words"
_CONTROLS = "a label of a player, a gallery or the app"
_NEEDS_SCRIPT = "a notice that part of the page needs JavaScript"
_DATE_LINE = "a date or time on its own"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("23.10.2018", "a date or time on its own"),
        ("asked Feb 6, 2014 at 20:37", "a date or time on its own"),
        ("3:59 PM", "a date or time on its own"),
        ("opublikowano: 2021-04-29 17:13:04", "a date or time on its own"),
        ("Updated: 12 March 2024, 10:15 GMT", "a date or time on its own"),
        ("Posted on 12 March 2024", "a date or time on its own"),
        ("Aktualisiert am 4. Mai 2023 um 18:02 Uhr", "a date or time on its own"),
        (
            "Updated March 3, 2024 at 10:15 a.m. EST | Published March 3, 2024 at 6:00 a.m. EST",
            "a date or time on its own",
        ),
        ("Mittwoch | 31. Juli 2019", "a date or time on its own"),
        ("First published on Tue 3 Mar 2024 06.00 GMT", "a date or time on its own"),
        ("Posted: Thursday, April 21, 2022. 10:11 pm CST.", "a date or time on its own"),
        (
            "This story was originally published March 3, 2024, 6:00 AM.",
            "a date or time on its own",
        ),
        ("5 min read", "a reading-time label"),
        ("Tags: harbour, council, Marlow", "a list of the page's tags or categories"),
        ("Kategorie: News", "a list of the page's tags or categories"),
        ("Filed under: Politics, Local", "a list of the page's tags or categories"),
        ("Lesezeit: 3 Minuten", "a reading-time label"),
        ("Ten tekst przeczytasz w mniej niż minutę", "a reading-time label"),
        ("This story takes 4 minutes to read", "a reading-time label"),
        ("You must be logged in to post a comment.", "a comment-form prompt"),
        ("Bitte melden Sie sich an, um Kommentare zu schreiben.", "a comment-form prompt"),
        ("Sie sind aktuell nicht eingeloggt.", "a notice about logging in"),
        ("You must be logged in to view this page.", "a notice about logging in"),
        ("Kommentare insgesamt: 0", "a count of comments"),
        ("12 Comments", "a count of comments"),
        ("Comments (3)", "a count of comments"),
        ("Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!", "a listing's pagination"),
        ("Showing 1–10 of 19 results", "a listing's pagination"),
        ("Page 2 of 5", "a listing's pagination"),
        ("Next", "a pager's controls"),
        ("« Older posts", "a pager's controls"),
        ("Previous article Next article", "a pager's controls"),
        ("Zurück Weiter »", "a pager's controls"),
        ("Précédent", "a pager's controls"),
        ("Skip to main content", "a link to skip past part of the page"),
        ("Überspringe die Bildergalerie", "a link to skip past part of the page"),
        ("Zum Inhalt springen", "a link to skip past part of the page"),
        ("Aller au contenu", "a link to skip past part of the page"),
        (
            "Previous Next “One girl can be silenced” slideshow A photo contest winner",
            "a slideshow's controls and captions",
        ),
        ("Leave a Reply Cancel reply", _COMMENT_SECTION),
        ("Join the conversation", _COMMENT_SECTION),
        ("Show 12 comments", _COMMENT_SECTION),
        ("Kommentar schreiben", _COMMENT_SECTION),
        ("Laisser un commentaire", _COMMENT_SECTION),
        ("Comments are moderated and will appear after approval.", _COMMENT_SECTION),
        ("Please read our community guidelines before posting a comment.", _COMMENT_SECTION),
        (
            "ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها. "
            "ننصحك بمراجعة إرشادات الاستخدام للتعرف إليها جيداً.",
            _COMMENT_SECTION,
        ),
        ("Updated 3:45 PM EST, Mon December 4, 2026", "a date or time on its own"),
        ("Publicado: Jueves, 21 Abril 2022 04:45", "a date or time on its own"),
        ("Published 3 hours ago", "a date or time on its own"),
        ("vor 16 Stunden", "a date or time on its own"),
        ("hace 5 minutos", "a date or time on its own"),
        ("Your browser does not support the video tag.", _CONTROLS),
        ("toggle caption", _CONTROLS),
        ("Image 1 of 12", _CONTROLS),
        ("Listen to this article · 5:32 min", _CONTROLS),
        ("loading...", _CONTROLS),
        ("Open in app", _CONTROLS),
        ("Please turn on JavaScript to use this feature", _NEEDS_SCRIPT),
        ("JavaScript is disabled in your browser.", _NEEDS_SCRIPT),
        ("This interactive graphic requires JavaScript.", _NEEDS_SCRIPT),
        ("Bitte aktivieren Sie JavaScript, um die Grafik zu sehen.", _NEEDS_SCRIPT),
        ("Publié le 05 mars 2024 à 18h30, modifié le 05 mars 2024 à 19h02", _DATE_LINE),
        ("Sign in to comment", _COMMENT_SECTION),
        ("Back to top", "a link back to the top or the front page"),
        ("Zur Startseite", "a link back to the top or the front page"),
        ("（完）", "an end-of-story mark"),
        ("原标题：他晚于阿姆斯特朗登月", "the title the reprinted article had"),
        ("（记者 李华）", "a credit line naming the reporter or the agency"),
        ("（共同）", "a credit line naming the reporter or the agency"),
        ("この記事を書いた人", "the label of the author's box"),
        (
            "Ihr Kommentar ist zu lang. Es sind maximal 2048 Zeichen erlaubt!",
            "a comment-form prompt",
        ),
        ("Was this article helpful?", "a feedback widget's question"),
        ("212 Followers", "a count of followers"),
        ("1.2K subscribers", "a count of followers"),
        ("Fandest du den Artikel hilfreich?", "a feedback widget's question"),
        ("Kategorisiert unter: Guides • Tipps & Tricks", "a list of the page's tags or categories"),
        ("(END)", "an end-of-story mark"),
        ("###", "an end-of-story mark"),
        ("责任编辑：李华", "a line naming the article's editor"),
        ("【责任编辑：严玉洁】", "a line naming the article's editor"),
        ("___", _SEPARATOR),
        ("* * *", _SEPARATOR),
        ("==========", _SEPARATOR),
        ("•", _SEPARATOR),
        ("—————", _SEPARATOR),
    ],
)
def test_page_lines_found(text: str, reason: str) -> None:
    assert page_line_reason(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "On 23.10.2018 the council voted to close the bridge.",
        "The meeting starts at 10:30 on Tuesday in the town hall.",
        "2019 was a good year for the harbour.",
        "Published in March 2021, the report found little.",
        "Users who logged in saw comments from friends first, the company said.",
        "The 5 minutes that changed the match",
        "Topics discussed included the harbour: dredging, jobs and the estuary.",
        "Tags are sewn into every uniform, the factory manager said.",
        '^ "Roadmap". Retrieved 10 May 2016.',
        "At 3:59 PM the power failed across the city and the hospital switched to generators.",
        "Log in to your account.",
        "Now log in with your new password.",
        "Comments from readers poured in: 300 in an hour.",
        "Rated 4 to 5 of 5 stars by critics",
        "Page 2 of the report lists 14 of 20 schools.",
        "Next, configure the token.",
        "Next week's budget is a crucial opportunity.",
        "Weiter oben haben wir zwei Modelle verglichen.",
        "zurück Richtung Hellbrunn",
        "Back",  # a heading of a fitness guide as often as a link
        "Skipping breakfast is no longer advised.",
        "Skip the queue: book online.",
        "Passer le permis à 17 ans devient possible.",
        "Previous results were better, next year may be worse.",
        "She read the verdict in five minutes.",
        "Minutes of the meeting: read them online",
        "The council said its community guidelines for the harbour would change next year.",
        "Join the conversation about the harbour plan at the town hall on Friday.",
        "Leave a reply on the form by Friday, the council told residents of the harbour.",
        "قال المجلس إن شروط التعليق على الخطة ستنشر الأسبوع المقبل.",  # a report: no "please"
        "=)",  # a blogger's emoticon is text
        ":-)",
        "🙂",
        "snake_case",
        "The end",
        "编辑部表示，这项调查将持续到明年。",  # "the editors said…": a sentence
        "（编辑：严玉洁 王辉）",  # a wire story's own credits
        "The deal closed 2 hours ago.",
        "Loading the trucks took hours.",
        "Get the app right and the users follow.",
        "Enable JavaScript in Chrome by opening Settings.",  # a how-to's step
        "The course teaches JavaScript to beginners.",
        "Readers found the article helpful, the survey said.",
    ],
)
def test_prose_stays(text: str) -> None:
    assert page_line_reason(text) is None


def test_a_date_line_inside_the_text_is_removed_with_its_reason() -> None:
    article = clean(dump(*BODY[:2], "12.03.2024, 10:15", *BODY[2:]))
    assert [b.text for b in article.blocks] == BODY
    (removed,) = article.removed
    assert removed.kind is RemovedKind.BOILERPLATE
    assert removed.reason == "a date or time on its own"


def test_a_heading_left_with_nothing_under_it_goes() -> None:
    article = clean(dump(*BODY, "## More from the harbour desk", "## Related stories"))
    assert [b.text for b in article.blocks] == BODY
    assert [r.reason for r in article.removed] == ["a heading with no text under it"] * 2


def test_headings_with_text_under_them_stay() -> None:
    article = clean(dump(BODY[0], "## What happens next", *BODY[1:]))
    assert "What happens next" in [b.text for b in article.blocks]


def test_a_closing_line_of_agency_credits_goes() -> None:
    article = clean(dump(*BODY, "aja/PAP"))
    assert [b.text for b in article.blocks] == BODY
    (removed,) = article.removed
    assert removed.kind is RemovedKind.BYLINE
    assert removed.reason == "a closing line of author initials and news agencies"


def test_slash_words_stay() -> None:
    """Only initials and agencies, each written in one case, and only as the last block."""
    closing = clean(dump(*BODY, "Input/Output"))
    assert [b.text for b in closing.blocks] == [*BODY, "Input/Output"]
    inside = clean(dump(BODY[0], "TCP/IP", *BODY[1:]))
    assert [b.text for b in inside.blocks] == [BODY[0], "TCP/IP", *BODY[1:]]


def test_a_heading_whose_text_was_all_removed_goes_with_it() -> None:
    """ "Newsletter" heads only a sign-up prompt; once the prompt is gone it heads nothing.
    "Background" has a section of its own under it and stays, and so does a heading with
    no block at all before the next one (a section heading above its first subheading)."""
    article = clean(
        dump(
            BODY[0],
            "## Newsletter",
            "Sign up for our daily newsletter",
            "## Background",
            "### The first vote",
            BODY[1],
            "## Reactions",
            BODY[2],
        )
    )
    assert [b.text for b in article.blocks] == [
        BODY[0],
        "Background",
        "The first vote",
        BODY[1],
        "Reactions",
        BODY[2],
    ]
    assert [r.reason for r in article.removed] == [
        "a heading whose text was all removed",
        "asks the reader to sign up or subscribe",
    ]


def test_a_lead_in_with_nothing_after_it_goes() -> None:
    """ "See more photos:" introduced pictures, which are no text; a lead-in with its list
    after it stays."""
    article = clean(dump(*BODY, "The council named three options:", "- Rebuild", "- Repair"))
    assert "The council named three options:" in [b.text for b in article.blocks]
    article = clean(dump(*BODY, "See more photos:"))
    assert [b.text for b in article.blocks] == BODY
    assert [r.reason for r in article.removed] == [
        "a line leading in to what follows, with nothing after it"
    ]


def _paragraph(text: str) -> Candidate:
    return Candidate(BlockKind.PARAGRAPH, text)


@pytest.mark.parametrize("label", ["BREAKING NEWS", "Opinion", "Live", "In brief", "Meinung"])
def test_a_label_of_the_article_s_kind_above_it_goes(label: str) -> None:
    candidates = [Candidate(BlockKind.PARAGRAPH, label), *map(_paragraph, BODY)]
    [finding] = find_page_lines(candidates, set())
    assert finding.positions == (0,)
    assert finding.reason == "a label of the article's kind above it"


def test_the_same_word_inside_the_text_stays() -> None:
    candidates = [*map(_paragraph, BODY[:2]), Candidate(BlockKind.HEADING, "Analysis")]
    assert not find_page_lines(candidates, set())
