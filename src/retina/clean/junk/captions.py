"""Captions left in the text: figure labels and photo credits.

Extractors keep a figure's caption when the page sets it as a paragraph. A caption is
recognised by what only captions carry: a numbered figure label at its start
("Abbildung 4: …", "Fig. 2. …"), a picture credit or image licence at its end ("… (Foto:
dpa)", "… Photo: Reuters", "… © AFP / Jane Roe", "… CC-BY-SA 2.0", a credit glued to the
last sentence: "… underground.CreditChang W. Lee/The New York Times") or a click-to-enlarge
hint, in a block too short to be running prose; the screen-reader labels of a picture's
credit and caption ("Image source, Getty Images"); a slideshow's captions by their counter
("1/50 …", "2/50 …", "3/50 …" in a row); the title of a picture gallery whose pictures
were left out ("Gallery: Xbox One X | 14 Photos")."""

from __future__ import annotations

import re

from retina.clean.candidate import Candidate, Finding
from retina.clean.tokens import words
from retina.model import BlockKind, RemovedKind

_PICTURE_WORDS = (
    r"fotos?|photos?|photograph|photography|bild(?:er)?|images?|imagen|fotografía|fotografie"
    r"|picture|credits?|crédits?|crédito|photo\s+credit|bildquelle|fotoquelle|illustration"
    r"|videos?|vídeo|graphics?|grafik|infografik|infographic"
    r"|фото|фотография|иллюстрация|ілюстрація|صورة|الصورة|gambar|fotoğraf"
)
"""Words that introduce a picture credit. "Source:"/"Quelle:" are left out: in running text
they cite data ("… 5.3 percent (Quelle: Bundesagentur für Arbeit)"), and a trailing
"Source: Publication" line is an attribution (`attribution.py`)."""
_FIGURE_LABEL = re.compile(
    r"^(?:abbildung|abb\.|figure|fig\.|figura|grafik|illustration|bild|image|photo|foto|chart"
    r"|karte|map)\s*\d+[a-z]?\s*[:.–-]\s+\S",
    re.IGNORECASE,
)
_CREDIT_IN_BRACKETS = re.compile(
    rf"[(\[]\s*(?:{_PICTURE_WORDS})\s*:\s*[^()\[\]]{{2,80}}[)\]]\s*\.?$", re.IGNORECASE
)
_CREDIT_LABEL = re.compile(
    rf"(?:^|[.!?]\s*|\|\s*)(?:{_PICTURE_WORDS}|copyright)\s*:\s*[\w©@][^.!?:]{{1,60}}$",
    re.IGNORECASE,
)
# "Zum Vergrößern auf das Bild klicken", "Click to enlarge", a link alone "View the full size
# image": said only under a picture.
_ENLARGE = re.compile(
    r"\b(?:click|tap)\s+(?:(?:on\s+)?(?:the\s+)?(?:image|picture|photo)\s+)?(?:to\s+)?"
    r"(?:enlarge|zoom|view\s+(?:larger|full\s+size))\b"
    r"|\bzum\s+vergrößern\b|\bcliquez\s+(?:sur\s+l'image\s+)?pour\s+agrandir\b"
    r"|\bhaga\s+clic\s+para\s+ampliar\b|\bclicca\s+per\s+ingrandire\b"
    r"|^(?:view|see|open)\s+(?:the\s+)?(?:full[\s-]size|larger|full|high[\s-]resolution)\s+"
    r"(?:image|picture|photo|version)\W*$"
    r"|^(?:view|open)\s+(?:the\s+)?(?:image|picture|photo|gallery)\s+in\s+full\s*screen\W*$",
    re.IGNORECASE,
)
# A Creative Commons licence closing a short block is a picture's: "… CC-BY-SA 2.0".
_LICENCE_AT_END = re.compile(
    r"\bCC[- ](?:BY|0)(?:[- ](?:SA|NC|ND))*(?:[- ]\d\.\d)?\s*[).]?$|\bCC0\s*[).]?$"
)
# "… Mikaela Shiffrin. © AFP / Jeff Pachoud", "… verwendet. - © jollier_ - stock.adobe.com":
# a photographer or agency after the copyright sign, closing a short block. A year there
# makes it a copyright notice ("© 2002 Jamie Zawinski"), left to the prompts detector.
_CREDIT_SIGN = re.compile(
    r"(?:[.!?]\s*|\s[-–—|/]\s*)©\s*(?!.*\b(?:1[89]|20)\d{2}\b)(?:(?![.!?]\s)[^©:]){2,60}$"
)
_GLUED_CREDIT = re.compile(
    r"[.!?\"”’)](?:Credits?|Photo(?:graph)?|Image|Foto|Bild)+:?\s*[A-ZÀ-Ý][^!?]{1,70}$"
)
"""A credit glued to the caption's last sentence ("… seeped underground.CreditChang W.
Lee/The New York Times"): the credit sits in its own element of the figure's caption, and
the page's text runs the two together, which prose never does."""
_PHOTO_CREDIT_IN_BRACKETS = re.compile(
    r"\((?:[^()]*\b(?:Getty\s+Images|AP\s+Photo|Photo\s+by|picture[\s-]alliance|Shutterstock"
    r"|iStock(?:photo)?|imago\s+images|(?:photo|image)s?\s+via\s+(?:AP|Reuters|AFP))\b[^()]*"
    r"|[A-ZÀ-Ý][\w.'-]+(?:\s+[A-ZÀ-Ý][\w.'-]+)+\s*/\s*(?:AFP|EPA|Reuters|AP)\b[^()]*)"
    r"\)\s*\.?$"
)
"""A photographer and picture agency in brackets closing the block ("(Thomas Coex/AFP/Getty
Images)", "(AP Photo/Elaine Thompson)", "(picture alliance / dpa / Oliver Berg)", "(… Press
Service photo via AP)"). An
agency alone or with another credits the text, not a picture ("… geäußert. (dpa)",
"(dpa/gem)", "(dpa/AFP)")."""
_SPOKEN_LABEL = re.compile(
    r"^(?:image|photo|picture|video|media)\s+(?:source|caption|credit)s?\s*,\s*\S", re.IGNORECASE
)
"""A picture's credit or caption under the label a page writes for screen readers, with a
comma ("Image source, Getty Images", "Image caption, Residents were rescued by boat")."""
_CREDIT_ALONE = re.compile(
    r"^(?:(?:AP|AFP|Reuters|EPA|dpa|Getty|Xinhua|PA)\s+(?:Photos?|Images?)\s*/\s*\S.*"
    r"|Getty\s+Images(?:\s+for\s+\S.*)?|(?:\S+\s+){0,4}via\s+Getty\s+Images"
    r"|(?:photo|image|picture)s?\s+(?:by|courtesy(?:\s+of)?)\s+(?-i:[A-ZÀ-Ý])[^.!?]*"
    r"|[\[【(]?\s*(?:사진|写真|图片|圖片)\s*(?:제공)?\s*[=＝:：]\s*[^\]】)]{1,30}[\]】)]?"
    r"|写真・図版)$",
    re.IGNORECASE,
)
"""A picture credit on its own line ("AP Photo/John Locher", "Getty Images", "Jane Roe via
Getty Images", "Photo by Jane Roe")."""
_MAX_CREDIT_ALONE_WORDS = 10
_GALLERY_TITLE = re.compile(
    r"^(?:gallery|photo\s+gallery|galerie|bildergalerie|fotogalerie|fotostrecke|galería"
    r"|galleria|slideshow)\s*:\s*\S|\|\s*\d+\s+(?:photos|pictures|images|bilder|fotos)$",
    re.IGNORECASE,
)
"""The title of a picture gallery set in the text, the pictures left out ("Gallery: Xbox
One X | 14 Photos", "Bildergalerie: BMW 3er Touring")."""
_MAX_GALLERY_TITLE_WORDS = 15
_SLIDE = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})\s+\S")
_MIN_SLIDES = 3
_MAX_LABELLED_WORDS = 80
_MAX_CREDITED_WORDS = 60
_MAX_AGENCY_CAPTION_WORDS = 100
"""A wire photo's caption runs long (who, where, when and what happened, 70 words and more),
and a closing "(AP Photo/…)" or "(… via Getty Images)" is said of nothing but a picture."""
_MAX_CREDIT_LINE_WORDS = 40


def find_captions(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Find figure captions, picture credits and slideshow captions among the blocks."""
    findings = []
    gallery = _gallery_positions(candidates, skip)
    for index, candidate in enumerate(candidates):
        if index in skip:
            continue
        if index in gallery:
            reason: str | None = _SLIDESHOW
        elif candidate.page_caption:
            reason = _MARKED
        else:
            reason = caption_reason(candidate.text)
        if reason:
            findings.append(Finding((index,), RemovedKind.CAPTION, reason))
    return _unless_a_gallery(candidates, skip, findings)


_MIN_OWN_WORDS = 40
"""Words besides the captions for a page to have text of its own: a picture gallery's
heading and its credit line have fewer."""
_SLIDESHOW = "a slideshow caption"
_MARKED = "the page marks it as a picture's caption"
_GALLERY_REASONS = (_SLIDESHOW, _MARKED)


def _unless_a_gallery(
    candidates: list[Candidate], skip: set[int], findings: list[Finding]
) -> list[Finding]:
    """The findings, without the captions of a picture gallery's pictures when they are its
    only text: a reader of "In pictures: the harbour storm" reads them."""
    pictures = {f.positions[0] for f in findings if f.reason in _GALLERY_REASONS}
    if len(pictures) < 2:
        return findings
    found = {f.positions[0] for f in findings}
    own = sum(
        len(words(c.text)) for i, c in enumerate(candidates) if i not in skip and i not in found
    )
    if own >= _MIN_OWN_WORDS:
        return findings
    return [f for f in findings if f.positions[0] not in pictures]


def _gallery_positions(candidates: list[Candidate], skip: set[int]) -> set[int]:
    """Blocks of a slideshow: at least `_MIN_SLIDES` blocks in a row numbered "k/N …" with
    the same N and k counting up ("1/50 United going down…", "2/50 …")."""
    found: set[int] = set()
    run: list[int] = []
    last: tuple[int, int] | None = None
    for index, candidate in enumerate(candidates):
        quoted = candidate.kind is BlockKind.QUOTE  # a numbered thread of posts, embedded
        match = None if index in skip or quoted else _SLIDE.match(candidate.text)
        number = (int(match.group(1)), int(match.group(2))) if match else None
        if number and last and number == (last[0] + 1, last[1]):
            run.append(index)
        else:
            if len(run) >= _MIN_SLIDES:
                found.update(run)
            run = [index] if number and number[0] <= number[1] else []
        last = number
    if len(run) >= _MIN_SLIDES:
        found.update(run)
    return found


def caption_reason(text: str) -> str | None:
    """Why `text` is a caption, or None when it reads as article text."""
    text = " ".join(text.split())
    n = len(words(text))
    if not n:
        return None
    if n <= _MAX_LABELLED_WORDS and _FIGURE_LABEL.match(text):
        return "a numbered figure caption"
    if (
        n <= _MAX_CREDITED_WORDS
        and (
            _CREDIT_IN_BRACKETS.search(text)
            or _CREDIT_SIGN.search(text)
            or _GLUED_CREDIT.search(text)
        )
    ) or (n <= _MAX_AGENCY_CAPTION_WORDS and _PHOTO_CREDIT_IN_BRACKETS.search(text)):
        return "a caption ending with its picture credit"
    if n <= _MAX_CREDIT_LINE_WORDS and _CREDIT_LABEL.search(text):
        return "a picture credit"
    if n <= _MAX_CREDIT_ALONE_WORDS and _CREDIT_ALONE.match(text):
        return "a picture credit"
    if n <= _MAX_CREDITED_WORDS and _SPOKEN_LABEL.match(text):
        return "a picture's credit or caption, labelled for screen readers"
    if n <= _MAX_CREDITED_WORDS and (_ENLARGE.search(text) or _LICENCE_AT_END.search(text)):
        return "a caption (a click-to-enlarge hint or an image licence)"
    if n <= _MAX_GALLERY_TITLE_WORDS and _GALLERY_TITLE.search(text):
        return "the title of a picture gallery"
    return None
