"""Lines of page furniture the extractors leave between paragraphs: a date or time on its
own ("23.10.2018", "asked Feb 6, 2014 at 20:37", "opublikowano: 2021-04-29 17:13"),
reading-time labels ("5 min read", "Lesezeit: 3 Minuten"), tag and category lists
("Tags: harbour, council"), comment-form prompts
("You must be logged in to post a comment"), and headings left at the end with nothing
under them (the title of a related-links box whose links are gone).

A date line is a short block that holds a full date or a clock time and, besides it, at
most one label word ("Updated", "asked"); a paragraph that mentions a date says something
else as well, and so does a reference ('"Roadmap". Retrieved 10 May 2016').
"""

from __future__ import annotations

import re

from retina.clean.candidate import Candidate, Finding
from retina.clean.tokens import addresses_the_reader, words
from retina.model import BlockKind, RemovedKind

_MONTHS = (
    r"jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|jun(?:e|i)?"
    r"|jul(?:y|i)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?|dez(?:ember)?|janvier|février|mars|avril|juin|juillet|août|septembre"
    r"|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
    r"|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno"
    r"|luglio|settembre|ottobre|dicembre"
)
_DATE = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
    rf"|\b\d{{1,2}}\.?\s+(?:{_MONTHS})\.?\s+\d{{4}}\b|\b(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?\b",
    re.IGNORECASE,
)
_DATE_WORDS = re.compile(
    rf"^(?:{_MONTHS}|am|pm|a\.m|p\.m|at|um|uhr|à|a|las|alle|ore|om|o|godz|de|del|der|den"
    r"|utc|gmt|cet|cest|est|edt|pst|pdt|mez|mesz|h|on|am|le|el|il|of)$",
    re.IGNORECASE,
)
_MAX_LABEL_WORDS = 1
_MAX_DATE_LINE_WORDS = 12
_READING_TIME = re.compile(
    r"^(?:\W*(?:reading\s+time|lesezeit|lesedauer|tiempo\s+de\s+lectura|temps\s+de\s+lecture"
    r"|tempo\s+di\s+lettura|tempo\s+de\s+leitura|leestijd|czas\s+czytania)\W*\s*)?"
    r"(?:ca\.\s*)?\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|minuten|minutos|minuti|minuut|minut)\.?"
    r"(?:\s+(?:read|reading|lesen|lesezeit|de\s+lectura|de\s+lecture|di\s+lettura|leestijd))?\W*$",
    re.IGNORECASE,
)
_LOG_IN = (
    r"logged\s+in|log\s+in|sign\s+in|signed\s+in|eingeloggt|angemeldet|anmelden|einloggen"
    r"|melden\s+sie\s+sich\s+an|melde\s+dich\s+an|connecté|connectez|registrado"
    r"|iniciar\s+sesión|zalogowany"
)
_COMMENTS = (
    r"comments?|kommentare?n?|kommentieren|commentaires?|commenter|comentarios?|comentar"
    r"|reply|antworten|komentarz\w*"
)
_COMMENT_FORM = re.compile(
    rf"\b(?:{_LOG_IN})\b.*\b(?:{_COMMENTS})\b|\b(?:{_COMMENTS})\b.*\b(?:{_LOG_IN})\b",
    re.IGNORECASE,
)
_MAX_COMMENT_FORM_WORDS = 25
_TAXONOMY = re.compile(
    r"^(?:tags?|tagged(?:\s+with)?|schlagw[öo]rter|stichw[öo]rter|kategorie(?:n)?|categor(?:y|ies)"
    r"|filed\s+under|posted\s+in|themen|topics|etiquetas|categorías?|catégories?|mots[- ]clés"
    r"|tagi|kategorie|argomenti|trefwoorden)\s*:\s*\S",
    re.IGNORECASE,
)
_MAX_TAXONOMY_WORDS = 25
_TEXT_KINDS = {BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM}


def find_page_lines(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Find date lines, reading-time labels and comment-form prompts."""
    findings = []
    for index, candidate in enumerate(candidates):
        if index in skip or candidate.kind not in _TEXT_KINDS:
            continue
        reason = page_line_reason(candidate.text)
        if reason:
            findings.append(Finding((index,), RemovedKind.BOILERPLATE, reason))
    return findings


def page_line_reason(text: str) -> str | None:
    """Why `text` is a line of page furniture, or None when it reads as article text."""
    text = " ".join(text.split())
    n = len(words(text))
    if not n:
        return None
    if n <= _MAX_DATE_LINE_WORDS and _date_line(text):
        return "a date or time on its own"
    if n <= _MAX_TAXONOMY_WORDS and _TAXONOMY.match(text):
        return "a list of the page's tags or categories"
    if n <= 8 and _READING_TIME.match(text):
        return "a reading-time label"
    if n <= _MAX_COMMENT_FORM_WORDS and _COMMENT_FORM.search(text) and addresses_the_reader(text):
        return "a comment-form prompt"
    return None


def _date_line(text: str) -> bool:
    if not _DATE.search(text):
        return False
    rest = _DATE.sub(" ", text)
    label = [w for w in words(rest) if not w.isdigit() and not _DATE_WORDS.match(w)]
    return len(label) <= _MAX_LABEL_WORDS


def find_trailing_headings(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Headings after the last kept block of text: they head nothing. Run last, when the
    other detectors have taken what such a heading introduced."""
    kept = [i for i in range(len(candidates)) if i not in skip]
    trailing: list[int] = []
    for index in reversed(kept):
        if candidates[index].kind is not BlockKind.HEADING:
            return [
                Finding((i,), RemovedKind.BOILERPLATE, "a heading with no text under it")
                for i in reversed(trailing)
            ]
        trailing.append(index)
    return []  # headings only: nothing to compare them with
