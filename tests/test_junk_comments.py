"""Readers' comment sections: found by their names, removed with the section named."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from conftest import shared_path
from retina.clean import clean, comments
from retina.clean.candidate import Candidate
from retina.clean.comments import CommentSections
from retina.clean.html import mark_comments
from retina.clean.junk import remove_junk
from retina.model import BlockKind, RemovedKind

_PROSE = (
    "The council voted on Tuesday to rebuild the harbour wall, after a winter of storms "
    "that flooded the lower town {n} times and closed the ferry for three weeks."
)
_ARTICLE = "".join(f"<p>{_PROSE.format(n=n)}</p>" for n in range(2, 8))
_COMMENTS = (
    "<p>Finally! I have been asking for this since the first storm, and nobody listened.</p>"
    "<p>Who is going to pay for it? Not the ferry company, that is for sure, as always.</p>"
)


def _page(container: str, article: str = _ARTICLE) -> str:
    return (
        "<html><head><title>Harbour wall to be rebuilt</title></head><body>"
        f"<article><h1>Harbour wall to be rebuilt</h1>{article}</article>"
        f"{container.format(comments=_COMMENTS)}</body></html>"
    )


def _sections(markup: str) -> list[str]:
    tree = lxml_html.fromstring(markup)
    return [e.get("id") or e.get("class") or "" for e in CommentSections(tree).sections]


@pytest.mark.parametrize(
    "container",
    [
        '<div id="sf_comment_list">{comments}</div>',
        '<section class="ts-comments-section">{comments}</section>',
        '<div id="disqus_thread">{comments}</div>',
        '<ol class="commentlist">{comments}</ol>',
        '<div class="box kommentare">{comments}</div>',
        '<div class="bloque-comentarios">{comments}</div>',
        '<div class="liste-commentaires">{comments}</div>',
        '<div class="post-comments">{comments}</div>',
    ],
)
def test_comment_sections_found_by_name(container: str) -> None:
    assert len(_sections(_page(container))) == 1


@pytest.mark.parametrize(
    "container",
    [
        '<div class="post comments-open">{comments}</div>',  # the article's comment state
        '<div class="entry-content has-comments">{comments}</div>',
        '<div class="commentary">{comments}</div>',  # an opinion piece
        '<div class="kommentar">{comments}</div>',  # German: also an opinion piece
        '<div class="gallery-main-content__item__comment">{comments}</div>',  # BEM element
        '<div class="recommended">{comments}</div>',
    ],
)
def test_other_names_are_no_comment_section(container: str) -> None:
    assert _sections(_page(container)) == []


def test_a_container_with_most_of_the_page_is_the_article() -> None:
    markup = f'<html><body><div id="comments">{_ARTICLE}</div><p>Short.</p></body></html>'
    assert _sections(markup) == []


def _candidates(markup: str) -> list[Candidate]:
    """Every paragraph of the page as a candidate, as an engine that kept them all would
    give them, marked by `mark_comments` and passed through the junk detectors."""
    tree = lxml_html.fromstring(markup)
    candidates = [Candidate(BlockKind.PARAGRAPH, p.text_content()) for p in tree.iter("p")]
    mark_comments(tree, candidates)
    return candidates


def test_a_comment_thread_after_the_article_is_removed_with_its_section() -> None:
    junk = remove_junk(_candidates(_page('<div id="sf_comment_list">{comments}</div>')))
    text = "\n".join(block.text for block in junk.blocks)
    assert "nobody listened" not in text
    assert "closed the ferry" in text
    [removed] = [r for r in junk.removed if r.kind is RemovedKind.COMMENT]
    assert "div#sf_comment_list" in removed.reason
    assert "nobody listened" in removed.text and "Who is going to pay" in removed.text


def test_text_also_shown_outside_the_comments_stays() -> None:
    quoted = f"<p>{_PROSE.format(n=2)}</p>"  # a reader quotes the article
    container = '<div id="sf_comment_list">' + quoted + "{comments}</div>"
    candidates = _candidates(_page(container))
    assert [c.comment_section for c in candidates].count("div#sf_comment_list") == 2


def test_a_real_comment_thread_is_removed() -> None:
    """newspaper4k's Spanish page: trafilatura keeps its readers' comments."""
    page = shared_path("data", "extraction", "newspaper4k", "html", "spanish_article.html")
    article = clean(page.read_bytes())
    assert "Vaya comportamiento tan poco ejemplar" not in article.text
    assert "El fiscal Pedro Horrach" in article.text
    assert any(r.kind is RemovedKind.COMMENT for r in article.removed)


def test_a_page_without_an_article_of_its_own_keeps_its_posts() -> None:
    """A forum thread: the posts are the content, the rest is navigation."""
    posts = "".join(
        f'<div class="forum-comment"><p>{_PROSE.format(n=n)}</p></div>' for n in range(2, 8)
    )
    nav = "".join(f'<p><a href="/t/{n}">Thread {n}</a></p>' for n in range(9))
    markup = f"<html><body>{nav}<div id='thread'>{posts}</div>{nav}</body></html>"
    assert _sections(markup) == ["forum-comment"] * 6
    assert not any(c.comment_section for c in _candidates(markup))


def test_a_page_too_large_to_search_block_by_block_is_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each block is searched in the page's text: past a budget of page characters times
    blocks (a hostile page of thousands of sections and blocks), nothing is searched."""
    markup = _page('<div id="sf_comment_list">{comments}</div>')
    assert any(c.comment_section for c in _candidates(markup))
    monkeypatch.setattr(comments, "_MAX_SEARCHED_CHARS", 1000)
    assert not any(c.comment_section for c in _candidates(markup))


def test_each_block_is_named_after_its_own_section() -> None:
    container = (
        '<div id="thread-a"><div class="comment">{comments}</div></div>'
        '<div class="comment-box"><p>Another reader wrote this much later, after the vote.</p>'
        "</div>"
    )
    sections = [c.comment_section for c in _candidates(_page(container)) if c.comment_section]
    assert sections == ["div.comment", "div.comment", "div.comment-box"]
