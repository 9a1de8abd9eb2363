"""Lines of page furniture the extractors leave between paragraphs: a date or time on its
own ("23.10.2018", "asked Feb 6, 2014 at 20:37", "opublikowano: 2021-04-29 17:13") or a
relative time ("Published 3 hours ago"), reading-time labels ("5 min read", "Lesezeit: 3
Minuten"), tag and category lists ("Tags: harbour, council"), comment-form prompts ("You
must be logged in to post a comment") and other log-in notices, comment counts
("Kommentare insgesamt: 0"), the labels of a player, a gallery or the app banner ("Your
browser does not support the video tag.", "toggle caption", "Listen to this article"), a
pager's controls ("Next", "« Older posts") and a slideshow's run into its captions, links
to skip past part of the page ("Skip to content"), separator lines with no words ("___"
before a wire story's credits), an end-of-story mark ("（完）", "(END)", "###"), a Chinese
page's editor line ("责任编辑：李华"), a closing line of agency credits ("aja/PAP"), and
headings left at the end with nothing under them (the title of a related-links box whose
links are gone).

A date line is a short block that holds a full date or a clock time and, besides it, at
most one label word ("Updated", "asked"); a paragraph that mentions a date says something
else as well, and so does a reference ('"Roadmap". Retrieved 10 May 2016').
"""

from __future__ import annotations

import re
import unicodedata

from retina.clean.candidate import Candidate, Finding
from retina.clean.dates import DATE, strip_dates
from retina.clean.tokens import addresses_the_reader, words
from retina.model import BlockKind, RemovedKind

_MAX_LABEL_WORDS = 1
_EMOTICON_PARTS = frozenset("()[]{}<>:;")
_MAX_DATE_LINE_WORDS = 12
_MAX_STAMPS = 2
_READING_TIME = re.compile(
    r"^(?:\W*(?:reading\s+time|lesezeit|lesedauer|tiempo\s+de\s+lectura|temps\s+de\s+lecture"
    r"|tempo\s+di\s+lettura|tempo\s+de\s+leitura|leestijd|czas\s+czytania)\W*\s*)?"
    r"(?:ca\.\s*)?\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|minuten|minutos|minuti|minuut|minut)\.?"
    r"(?:\s+(?:read|reading|lesen|lesezeit|de\s+lectura|de\s+lecture|di\s+lettura|leestijd))?\W*$",
    re.IGNORECASE,
)
# "Ten tekst przeczytasz w mniej niż minutę", "This story takes 4 minutes to read": a short
# line that speaks of reading and of minutes says how long the article takes.
_READING_VERB = re.compile(
    r"\b(?:read|reading|lesen|lire|lecture|leer|lectura|leggere|lettura|ler|leitura|lezen"
    r"|przeczytasz|przeczytać|czytania)\b",
    re.IGNORECASE,
)
_MINUTES = re.compile(
    r"(?:\d+|\b(?:a|an|one|two|three|four|five|ten|less\s+than|under|mniej\s+niż|weniger\s+als"
    r"|menos\s+de|moins\s+d['’]une?)\b)\s*"
    r"\b(?:min|mins|minutes?|minuten?|minutos?|minuti|minuto|minuut|minut[aęy]?)\b",
    re.IGNORECASE,
)
"""A count of minutes: "4 minutes", "mniej niż minutę" ("Minutes of the meeting" is none)."""
_MAX_READING_LINE_WORDS = 8
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
_COMMENT_TOO_LONG = re.compile(
    r"\b(?:your\s+comment\s+is\s+too\s+long|ihr\s+kommentar\s+ist\s+zu\s+lang"
    r"|votre\s+commentaire\s+est\s+trop\s+long|tu\s+comentario\s+es\s+demasiado\s+largo)\b",
    re.IGNORECASE,
)
"""The comment form's check on the reader's text: "Ihr Kommentar ist zu lang. Es sind
maximal 2048 Zeichen erlaubt!"."""
_FEEDBACK = re.compile(
    r"^(?:was\s+this\s+(?:article|story|page|post|information)\s+(?:helpful|useful)"
    r"|did\s+you\s+find\s+this\s+(?:article|story|page|post)\s+(?:helpful|useful)"
    r"|(?:war|fandest\s+du|fanden\s+sie)\s+(?:dieser|diesen|der|den)\s+(?:artikel|beitrag)"
    r"\s+hilfreich|cet\s+article\s+vous\s+a-t-il\s+été\s+utile"
    r"|¿?(?:te|le)\s+ha\s+resultado\s+útil\s+(?:este|el)\s+artículo)\W*$",
    re.IGNORECASE,
)
"""The question of a feedback widget under the text: "Was this article helpful?"."""
_MAX_FEEDBACK_WORDS = 10
# The labels of a comment section ("Leave a Reply", "Join the conversation", "Show 12
# comments", "Kommentar schreiben") and its moderation notice ("Comments are moderated…",
# "Please read our community guidelines before commenting").
_COMMENT_LABEL = re.compile(
    r"^(?:(?:leave|post|add|write|submit)\s+(?:a\s+|your\s+)?(?:reply|comment|response)"
    r"(?:\s+cancel\s+reply)?|(?:join|start)\s+the\s+(?:conversation|discussion|debate)"
    r"|(?:show|view|hide|load|read|see)\s+(?:all\s+)?(?:\d+\s+)?(?:comments?|replies)"
    r"|have\s+your\s+say|kommentar(?:e)?\s+(?:schreiben|anzeigen|verfassen)"
    r"|(?:schreiben\s+sie|schreibe)\s+einen\s+kommentar|laisser\s+un\s+commentaire"
    r"|(?:deja|dejar|deje)\s+(?:un|tu|su)\s+comentario|deixe\s+(?:um|seu)\s+comentário"
    r"|lascia\s+un\s+commento|(?:sign|log)\s*in\s+to\s+(?:comment|reply))[\s.:!…]*$"
    r"|^comments?\s+(?:are|will\s+be)\s+(?:moderated|reviewed|closed|disabled|turned\s+off)\b",
    re.IGNORECASE,
)
# Said to the reader about commenting, not reported ("the council's community guidelines").
_COMMENT_RULES = re.compile(
    r"\b(?:community|comment(?:ing)?|discussion)\s+(?:guidelines|rules|policy|standards)\b",
    re.IGNORECASE,
)
_COMMENTING = re.compile(rf"\b(?:{_COMMENTS}|commenting|posting)\b", re.IGNORECASE)
# The same in Arabic: comments (تعليق), the site's guidelines or rules (إرشادات، قواعد،
# شروط) and "we advise you" or "please" (ننصحك، يرجى، الرجاء).
_ARABIC_COMMENT_RULES = re.compile(
    r"(?=.*تعليق)(?=.*(?:إرشادات|قواعد|شروط))(?=.*(?:ننصحك|ننصحكم|يرجى|الرجاء|نرجو))"
)
_MAX_COMMENT_NOTICE_WORDS = 60
_TAXONOMY = re.compile(
    r"^(?:tags?|tagged(?:\s+with)?|schlagw[öo]rter|stichw[öo]rter|kategorie(?:n)?|categor(?:y|ies)"
    r"|filed\s+under|posted\s+in|categori[sz]ed\s+(?:under|in)|kategorisiert\s+unter"
    r"|abgelegt\s+unter|themen|topics|etiquetas|categorías?|catégories?|mots[- ]clés"
    r"|tagi|kategorie|argomenti|trefwoorden)\s*:\s*\S",
    re.IGNORECASE,
)
_MAX_TAXONOMY_WORDS = 25
# "Showing 1–10 of 19 results", "Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!",
# "Page 2 of 5": a listing's pagination, no sentence of an article.
_RANGE_OF = re.compile(
    r"\b\d+\s*(?:-|–|to|bis|a|à|al)\s*\d+\s+(?:of|von|de|sur|di|z)\s+"
    r"(?:insgesamt\s+|total\s+)?\d+\b",
    re.IGNORECASE,
)
_LISTING = re.compile(
    r"\b(?:results?|items?|entries|articles|products|posts|showing|displaying|angezeigt"
    r"|anzeigen|ergebnissen?|einträgen?|artikeln?|produkten?|beiträgen?|résultats"
    r"|resultados|artículos|risultati|articoli|wyników|mostrando|affichage)\b",
    re.IGNORECASE,
)
_PAGE_OF = re.compile(
    r"^(?:page|seite|página|pagina|strona)\s+\d+\s+(?:of|von|de|sur|di|z)\s+\d+\W*$",
    re.IGNORECASE,
)
_MAX_PAGINATION_WORDS = 14
_BACK = r"previous|prev|older|zurück|vorherige[rs]?|précédente?|anterior|precedente|vorige"
_FORWARD = r"next|newer|weiter|nächste[rs]?|suivante?|siguiente|successiv[oa]|volgende"
_PAGER_NOUNS = r"page|pages|post|posts|article|articles|story|stories|entries|seite|página|pagina"
_PAGER = re.compile(
    rf"^[\W_]*(?:(?:{_BACK}|{_FORWARD})(?:\s+(?:{_PAGER_NOUNS}))?[\W_]*){{1,2}}$",
    re.IGNORECASE,
)
"""A pager's controls and nothing else: "Next", "« Older posts", "Zurück Weiter"."""
_CAROUSEL = re.compile(rf"^[\W_]*(?:{_BACK})[\W_]+(?:{_FORWARD})\b\W+\w", re.IGNORECASE)
"""A slideshow's two controls run into the caption of its slides ("Previous Next “One
girl can be silenced…” slideshow"): no sentence opens by going back and forward."""
_BACK_LINK = re.compile(
    r"^\W*(?:back\s+to\s+(?:the\s+)?(?:top|home(?:\s*page)?|front\s+page)|(?:zurück\s+)?zur"
    r"\s+startseite|nach\s+oben|retour\s+(?:en\s+haut|à\s+l['’]accueil)|volver\s+(?:arriba"
    r"|al\s+inicio)|torna\s+(?:su|all['’]inizio|alla\s+home)|voltar\s+ao\s+topo)\W*$",
    re.IGNORECASE,
)
_END_MARK = re.compile(
    r"^[（(\[【]?\s*(?:完|全文完|end|ends)\s*[）)\]】]?$|^#{3}$|^-\s*30\s*-$", re.IGNORECASE
)
"""The mark a wire story ends with: "（完）" (Xinhua), "(END)", "###", "-30-"."""
_ORIGINAL_TITLE = re.compile(r"^[【\[]?(?:原标题|原標題)\s*[:：]")
"""A Chinese page's "原标题：…", the headline of the article it reprints."""
_CJK_CREDIT = re.compile(
    r"^[（(]\s*(?:共同|時事|新华社|中新社|(?:记者|記者|通讯员|通訊員)\s*[^）)]{1,20})\s*[）)]$"
)
"""A Chinese or Japanese credit line: "（共同）", "（记者 李华）"."""
_AUTHOR_BOX_LABEL = re.compile(
    r"^(?:この記事を書いた人|著者プロフィール|作者简介|作者簡介|기자\s*프로필)$"
)
"""The heading of the author's box under a Japanese, Chinese or Korean article ("この記事を
書いた人", "the one who wrote this article"), left when the box's text was not taken."""
_CUT_SHORT = re.compile(r"^\[\+\d+ chars\]$")
"""What a news API leaves where it cut an article short ("[+2345 chars]")."""
_EDITOR_LINE = re.compile(
    r"^[【\[（(]?\s*(?:责任编辑|責任編輯|责编|責編)\s*[:：]\s*[^\s。]{1,20}"
    r"(?:\s+[^\s。]{1,20})?\s*[】\]）)]?$"
)
"""A Chinese news page's closing "责任编辑：李华" (the editor responsible), a field of the
page's publishing system. A wire story's own "（编辑：严玉洁 王辉）" is its credits, kept like
Reuters' "(Editing by …)"."""
_AGO = re.compile(
    r"^(?:(?:published|updated|posted|last\s+updated|aktualisiert|veröffentlicht|publié|mis\s+à"
    r"\s+jour|publicado|actualizado)\s*:?\s*)?"
    r"(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?"
    r"|months?|years?)\s+ago"
    r"|vor\s+(?:\d+|einer|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monaten?)"
    r"|il\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois)"
    r"|hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses?))\W*$",
    re.IGNORECASE,
)
"""A relative time on its own ("Published 3 hours ago", "vor 2 Stunden", "hace 5 minutos")."""
_MAX_AGO_WORDS = 8
_CONTROLS = re.compile(
    r"^(?:your\s+browser\s+does\s+not\s+support\b.*"
    r"|this\s+video\s+(?:can\s*not|cannot|could\s+not)\s+be\s+played\b.*"
    r"|loading\s*(?:\.\.\.|…)?|click\s+to\s+expand|(?:enlarge|expand)\s+this\s+image"
    r"|toggle\s+caption|(?:hide|show)\s+caption|image\s+\d+\s+of\s+\d+"
    r"|listen\s+to\s+(?:this\s+)?(?:article|story)(?:\s*[·•|–-]\s*\d+(?::\d+)?\s*(?:min\w*)?)?"
    r"|listen\s*[·•|–-]\s*\d+(?::\d+)?\s*(?:min\w*)?"
    r"|open\s+in\s+(?:the\s+)?app|(?:download|get)\s+(?:the|our)\s+(?:\w+\s+)?app)\W*$",
    re.IGNORECASE | re.DOTALL,
)
"""The labels of a video or audio player, a gallery or the app banner left in the text
("Your browser does not support the video tag.", "toggle caption", "Image 1 of 12",
"Listen to this article", "Open in app")."""
_MAX_CONTROLS_WORDS = 20
_NEEDS_SCRIPT = re.compile(
    r"^(?:(?:please\s+)?(?:enable|turn\s+on|activate|switch\s+on)\s+javascript"
    r"(?:\s+in\s+your\s+browser)?\s+(?:to|for|in\s+order\s+to)\s+(?:use|view|see|watch|play"
    r"|read|continue|access|comment|display|experience|enjoy|get)\b.*"
    r"|please\s+(?:enable|turn\s+on|activate|switch\s+on)\s+javascript\b.*"
    r"|javascript\s+is\s+(?:disabled|required|not\s+enabled|turned\s+off)\b.*"
    r"|this\s+(?:\w+\s+){1,2}requires\s+javascript\b.*"
    r"|bitte\s+aktivieren\s+sie\s+javascript\b.*|veuillez\s+activer\s+(?:le\s+)?javascript\b.*"
    r"|(?:por\s+favor,?\s+)?(?:habilita|activa)\s+(?:el\s+)?javascript\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
"""What a widget says in its place without its script ("Please turn on JavaScript to use
this feature", "Bitte aktivieren Sie JavaScript"). A how-to's step ("Enable JavaScript in
the browser's settings") asks it for no purpose of the page's, and stays."""
_SKIP_LINK = re.compile(
    r"^\W*(?:skip\s+(?:to|past|over|navigation|gallery|ad|advertisement)\b|überspringe\b"
    r"|(?:zum|zur)\s+\w+\s+springen\b"
    r"|(?:aller|passer|saltar|ir|vai|salta)\s+(?:au|à\s+la|al|a\s+la)\s+"
    r"(?:contenu|contenido|contenuto|navigation|navegación|menu|menú|recherche|búsqueda)\b)",
    re.IGNORECASE,
)
"""A link for screen readers and keyboards past the page's parts ("Skip to content",
"Überspringe die Bildergalerie", "Zum Inhalt springen", "Aller au contenu")."""
_MAX_SKIP_LINK_WORDS = 6
# "You are not logged in", "Sie müssen angemeldet sein": the state of the reader's log-in;
# a how-to's "Log in to your account" step has no negation or obligation and stays.
_LOG_IN_NOTICE = re.compile(
    rf"\b(?:not|nicht|must|need\s+to|have\s+to|müssen|musst|pas|no|debes|devez)\b.*"
    rf"\b(?:{_LOG_IN})\b",
    re.IGNORECASE,
)
_MAX_LOG_IN_NOTICE_WORDS = 12
_FOLLOWER_COUNT = re.compile(
    r"^\d[\d.,]*\s*[KkMm]?\s+(?:followers|following|subscribers|abonnenten|follower|abonnés"
    r"|seguidores|iscritti)$",
    re.IGNORECASE,
)
"""An author box's or a profile card's "212 Followers", "1.2K subscribers"."""
_COMMENT_COUNT = re.compile(
    rf"^(?:(?:{_COMMENTS})(?:\s+(?:insgesamt|total))?\s*[:(]?\s*\d+\)?|\d+\s+(?:{_COMMENTS}))$",
    re.IGNORECASE,
)
# Author initials and news agencies closing a report: "aja/PAP", "dpa/lnw", "ksc/dpa/AFP".
_CREDIT_LINE = re.compile(r"^\(?[^\W\d_]{1,6}(?:\s*/\s*[^\W\d_]{1,6})+\)?$")
_TEXT_KINDS = {BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM}


def find_page_lines(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Find date lines, reading-time labels, comment-form and log-in notices, comment
    counts, pagers, slideshow controls and skip links, the label of the article's kind
    opening the text, and a closing line of agency credits."""
    findings = []
    for index, candidate in enumerate(candidates):
        if index in skip or candidate.kind not in _TEXT_KINDS:
            continue
        reason = page_line_reason(candidate.text)
        if reason:
            findings.append(Finding((index,), RemovedKind.BOILERPLATE, reason))
    taken = skip | {f.positions[0] for f in findings}
    first = next((i for i in range(len(candidates)) if i not in taken), None)
    if first is not None and _KICKER.match(candidates[first].text.strip()):
        reason = "a label of the article's kind above it"
        findings.append(Finding((first,), RemovedKind.BOILERPLATE, reason))
        taken.add(first)
    last = next((i for i in reversed(range(len(candidates))) if i not in taken), None)
    if last is not None and is_credit_line(candidates[last]):
        reason = "a closing line of author initials and news agencies"
        findings.append(Finding((last,), RemovedKind.BYLINE, reason))
    return findings


_KICKER = re.compile(
    r"^(?:breaking(?:\s+news)?|opinion|analysis|live|live\s+updates|exclusive|explainer"
    r"|review|interview|obituary|fact\s+check|developing(?:\s+story)?|in\s+brief|update"
    r"|eilmeldung|meinung|kommentar|analyse|exklusiv|liveblog|rezension|nachruf"
    r"|éditorial|tribune|décryptage|exclusif|en\s+direct|opinión|análisis|última\s+hora"
    r"|en\s+vivo|exclusiva|opinione|analisi|in\s+diretta|esclusiva)\W*$",
    re.IGNORECASE,
)
"""A label of the article's kind set above its text ("BREAKING NEWS", "Opinion", "Live",
"In brief", "Meinung", "Última hora"): the page's, like a section's name."""


def is_credit_line(candidate: Candidate) -> bool:
    """ "aja/PAP", "(dpa/lnw)": initials and agencies, each written in one case. Only as
    the last block: "TCP/IP" elsewhere may be a list item."""
    text = candidate.text.strip()
    if candidate.kind is not BlockKind.PARAGRAPH or not _CREDIT_LINE.match(text):
        return False
    return all(part.islower() or part.isupper() for part in re.split(r"[\s/()]+", text) if part)


def page_line_reason(text: str) -> str | None:
    """Why `text` is a line of page furniture, or None when it reads as article text."""
    text = " ".join(text.split())
    if _END_MARK.match(text):
        return "an end-of-story mark"
    if _CUT_SHORT.match(text):
        return "the mark of a text cut short by the service that gave it"
    if _ORIGINAL_TITLE.match(text):
        return "the title the reprinted article had"
    if _CJK_CREDIT.match(text):
        return "a credit line naming the reporter or the agency"
    if _AUTHOR_BOX_LABEL.match(text):
        return "the label of the author's box"
    if _is_separator(text):
        return "a separator line with no words"
    if _EDITOR_LINE.match(text):
        return "a line naming the article's editor"
    n = len(words(text))
    if not n:
        return None
    if n <= _MAX_DATE_LINE_WORDS * _MAX_STAMPS and _date_line(text):
        return "a date or time on its own"
    if n <= _MAX_TAXONOMY_WORDS and _TAXONOMY.match(text):
        return "a list of the page's tags or categories"
    if n <= 8 and _READING_TIME.match(text):
        return "a reading-time label"
    if (
        n <= _MAX_READING_LINE_WORDS
        and not text.rstrip().endswith((".", "!", "?"))  # "She read it in five minutes."
        and _READING_VERB.search(text)
        and _MINUTES.search(text)
    ):
        return "a reading-time label"
    if n <= _MAX_COMMENT_FORM_WORDS and (
        (_COMMENT_FORM.search(text) and addresses_the_reader(text))
        or _COMMENT_TOO_LONG.search(text)
    ):
        return "a comment-form prompt"
    if n <= _MAX_FEEDBACK_WORDS and _FEEDBACK.match(text):
        return "a feedback widget's question"
    if n <= _MAX_COMMENT_NOTICE_WORDS and (
        _COMMENT_LABEL.search(text)
        or (_COMMENT_RULES.search(text) and _COMMENTING.search(text) and addresses_the_reader(text))
        or _ARABIC_COMMENT_RULES.match(text)
    ):
        return "a label or notice of the comment section"
    if n <= _MAX_LOG_IN_NOTICE_WORDS and _LOG_IN_NOTICE.search(text) and addresses_the_reader(text):
        return "a notice about logging in"
    if n <= 4 and _COMMENT_COUNT.match(text):
        return "a count of comments"
    if n <= 3 and _FOLLOWER_COUNT.match(text):
        return "a count of followers"
    if n <= _MAX_PAGINATION_WORDS and (
        _PAGE_OF.match(text) or (_RANGE_OF.search(text) and _LISTING.search(text))
    ):
        return "a listing's pagination"
    if n <= 4 and _PAGER.match(text):
        return "a pager's controls"
    if n <= _MAX_SKIP_LINK_WORDS and _SKIP_LINK.match(text):
        return "a link to skip past part of the page"
    if n <= _MAX_SKIP_LINK_WORDS and _BACK_LINK.match(text):
        return "a link back to the top or the front page"
    if n <= _MAX_AGO_WORDS and _AGO.match(text):
        return "a date or time on its own"
    if n <= _MAX_CONTROLS_WORDS and _CONTROLS.match(text):
        return "a label of a player, a gallery or the app"
    if n <= _MAX_CONTROLS_WORDS and _NEEDS_SCRIPT.match(text):
        return "a notice that part of the page needs JavaScript"
    if _CAROUSEL.match(text):
        return "a slideshow's controls and captions"
    return None


def _is_separator(text: str) -> bool:
    """ "___", "* * *", "=====", "•": a rule drawn with punctuation (before a wire story's
    credits, between a post's parts). Not an emoticon ("=)", ":-)"), which a blog's author
    writes as text, nor emoji."""
    return bool(text) and all(
        char == " "
        or (char not in _EMOTICON_PARTS and unicodedata.category(char)[0] == "P")
        or char in "=+~|#"
        for char in text
    )


def _date_line(text: str) -> bool:
    """A date or time with at most a word of label; or several, set apart by bars ("Updated
    March 3, 2024 at 10:15 a.m. EST | Published March 3, 2024 at 6:00 a.m. EST")."""
    return _one_date_line(text) or all(map(_one_date_line, _STAMP_SEPARATOR.split(text)))


def _one_date_line(text: str) -> bool:
    text = _STORY_STAMP.sub("", text)
    return bool(DATE.search(text)) and len(words(strip_dates(text))) <= _MAX_LABEL_WORDS


_STORY_STAMP = re.compile(
    r"^this\s+(?:story|article)\s+was\s+(?:originally\s+|first\s+|last\s+)?"
    r"(?:published|posted|updated)\s+",
    re.IGNORECASE,
)
"""The sentence a stamp may be written as: "This story was originally published March 3,
2024, 6:00 AM." (McClatchy's papers)."""


_STAMP_SEPARATOR = re.compile(r"\s[|·•]\s")


_LOWEST_RANK = 6
_MAX_LEAD_IN_WORDS = 12
_EMPTIED = "a heading whose text was all removed"


def find_trailing_headings(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Headings after the last kept block of text, and a short line leading in to what
    follows ("See more photos:", "Das Thema könnte dich auch interessieren:") with nothing
    after it: they head or introduce nothing (pictures, embeds, links the page shows are
    not text). Run last, when the other detectors have taken what they introduced."""
    kept = [i for i in range(len(candidates)) if i not in skip]
    trailing: list[tuple[int, str]] = []
    for index in reversed(kept):
        candidate = candidates[index]
        if candidate.kind is BlockKind.HEADING:
            trailing.append((index, "a heading with no text under it"))
        elif _is_lead_in(candidate):
            trailing.append((index, "a line leading in to what follows, with nothing after it"))
        else:
            return [Finding((i,), RemovedKind.BOILERPLATE, why) for i, why in reversed(trailing)]
    return []  # headings and lead-ins only: nothing to compare them with


def _is_lead_in(candidate: Candidate) -> bool:
    return (
        candidate.kind is BlockKind.PARAGRAPH
        and candidate.text.rstrip().endswith(":")
        and len(words(candidate.text)) <= _MAX_LEAD_IN_WORDS
    )


def find_emptied_headings(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Headings whose text the other detectors all took (a review's "Summary" over a box
    outside the declared article, "Related" over its links): they head nothing now. A
    heading with nothing at all under it is left alone: pages set a section heading right
    above its first subheading. Run last; a subheading emptied this way empties its parent
    too (the headings are read from the last)."""
    taken = set(skip)
    findings = []
    for index in range(len(candidates) - 1, -1, -1):
        heading = candidates[index]
        if index in taken or heading.kind is not BlockKind.HEADING:
            continue
        rank = heading.level or _LOWEST_RANK
        below = []
        for following in range(index + 1, len(candidates)):
            block = candidates[following]
            if block.kind is BlockKind.HEADING and (block.level or _LOWEST_RANK) <= rank:
                break
            below.append(following)
        if below and all(i in taken for i in below):
            taken.add(index)
            findings.append(Finding((index,), RemovedKind.BOILERPLATE, _EMPTIED))
    return findings[::-1]
