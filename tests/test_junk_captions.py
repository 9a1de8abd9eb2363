"""Captions left in the text: numbered figure labels, picture credits, captions the page marks."""

from __future__ import annotations

import pytest

from helpers import BODY
from retina.clean import clean
from retina.clean.candidate import Candidate
from retina.clean.junk.captions import caption_reason, find_captions
from retina.model import BlockKind, RemovedKind


@pytest.mark.parametrize(
    "text",
    [
        "Figure 2: Rainfall in the catchment area since 1990.",
        "Fig. 3. The new pier under construction",
        "Abbildung 4: Der Gletscher im Sommer 2021",
        "The minister arrives at parliament on Tuesday (Photo: Jane Roe/Agency)",
        "Los ministros, el lunes en Bruselas (Foto: Agencia EFE).",
        "Crowds gathered outside the court. Photo: Harbour Press",
        "Die neue Brücke am Abend | Bild: Stadtwerke",
        "A person crossing the street on November 04, 2023.Photograph: Jane Roe/Agency",
        "Das Firmengeflecht der Gruppe. Zum Vergrößern auf das Bild klicken. CC-BY-SA 2.0",
        "The harbour from the lighthouse, 1911. Click to enlarge",
        "Video: The Ledger",  # an embedded video's label and credit
        "VIDEO: The 20-second hand wash",
        "Grafik: Statistisches Bundesamt",
        "Media caption, The mayor spoke after the vote",
        "View image in fullscreen",
        "The old mill on the river Tamar (Jane Roe, CC BY 4.0)",
        "Hat das Potential zum Olympia-Superstar: Mikaela Shiffrin. © AFP / Jeff Pachoud",
        "Stapel mit Mauerziegeln vor dem Rohbau. - © jollier_ - stock.adobe.com",
        "Lee Elder at the Masters in 1975. | © Ric Clarson/PGA Tour Archive",
        "Gallery: Xbox One X | 14 Photos",
        "Bildergalerie: BMW 3er Touring Facelift (2022) erstmals erwischt",
        "A worker repairing cables in Flushing, Queens.CreditCreditChang W. Lee/The New York Times",
        "Interest payments could surpass the defence budget in 2023.CreditJeon Heon-Kyun/EPA",
        "Paul Volcker and President Obama during a meeting in 2009. (Saul Loeb/AFP/Getty Images)",
        "The new chief justice is sworn in on Monday. (AP Photo/Ted S. Warren)",
        "Der Philosoph Richard David Precht im DLF. (picture alliance / dpa / Oliver Berg)",
        "Image source, Getty Images",
        "AP Photo/John Locher",
        "[사진 제공=항만청]",
        "写真・図版",
        "图片：新华社",
        "Getty Images",
        "Jane Roe via Getty Images",
        "Photo by Jane Roe",
        # a wire photo's caption runs long; its closing credit says it is one
        "In this photo dated Tuesday, Nov. 29, 2016 the Soyuz-FG rocket booster with the"
        " Progress MS-04 cargo ship is installed on a launch pad in Baikonur, Kazakhstan. The"
        " unmanned Russian cargo space ship Progress MS-04 broke up in the atmosphere over"
        " Siberia on Thursday Dec. 1, 2016, just minutes after the launch en route to the"
        " International Space Station due to an unspecified malfunction, the Russian space"
        " agency said. (Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)",
        "Image caption, Residents were rescued by boat in the town centre",
        "Фото: пресс-служба мэрии Москвы",
        "View the full size image",
        "View larger image",
        "الصورة: وكالة الأنباء الرسمية",
    ],
)
def test_captions_found(text: str) -> None:
    assert caption_reason(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Figure skating returns to the city next winter after a long absence.",
        "Unemployment rose to 5.3 percent (Source: national statistics office).",
        "Die Quote stieg auf 5,3 Prozent (Quelle: Bundesagentur für Arbeit).",
        "The photo, taken in 1931 by an unknown photographer, became famous overnight.",
        "Image rights are at the heart of the dispute, the lawyer said: the agency disagrees.",
        "Source: World – The Spectator Australia",
        "linux usability ...or, why do I bother. © 2002, 2003 Jamie Zawinski",
        "© Harbour Press: the harbour at dawn",
        "The gallery: a new museum opens by the harbour",
        "Shares of the bank fell. Credit Suisse said the rate would hold for the year.",
        "Bundeskanzler Olaf Scholz hat sich dazu bisher skeptisch geäußert. (dpa)",
        "Später kündigte der Manager dann doch sein Erscheinen an. (dpa/AFP)",
        "Galerie: Picasso kommt nach Berlin und bleibt bis März in der Stadt, sagte der "
        "Direktor am Montag.",
        "Readers could click to enlarge the map, but most did not, the survey of 2,000 users "
        "of the site found when it was published last spring after a long delay, which the "
        "council blamed on a shortage of staff in its planning office and on the courts, "
        "and on the weather, which had delayed the survey of the river itself by months.",
        "The image, sources said, was taken in May.",
        "Getty Images said it would appeal the ruling.",
        "Photo by photo, the exhibition retells the war.",
    ],
)
def test_prose_and_attributions_stay(text: str) -> None:
    assert caption_reason(text) is None


def test_a_caption_paragraph_is_removed_with_its_reason() -> None:
    body = "".join(
        f"<p>Paragraph {n} of the report on the harbour, with enough words to read as the "
        f"article's running text, written by the city desk on Monday evening.</p>"
        for n in range(1, 5)
    )
    caption = "<p>The harbour at dawn (Photo: City Desk)</p>"
    html = (
        f"<html><body><article><h1>Harbour</h1>{body[:200]}{caption}{body}</article></body></html>"
    )
    article = clean(html)
    assert "The harbour at dawn" not in article.text
    removed = [r for r in article.removed if r.kind is RemovedKind.CAPTION]
    assert removed and removed[0].reason == "a caption ending with its picture credit"


def test_a_slideshow_is_removed_as_captions() -> None:
    from helpers import BODY, dump

    slides = [f"{k}/12 Harbour scene number {k}, photographed from the pier" for k in (1, 2, 3)]
    article = clean(dump(*BODY[:2], *slides, *BODY[2:]))
    assert [b.text for b in article.blocks] == BODY
    assert [r.reason for r in article.removed] == ["a slideshow caption"] * 3


def test_numbers_that_do_not_count_up_are_no_slideshow() -> None:
    from helpers import BODY, dump

    lines = [
        "24/7 service is what the port promises its customers from next year on.",
        "9/11 changed how the harbour is guarded, the chief of security said.",
        "50/50 is how the costs will be split between the city and the state.",
    ]
    article = clean(dump(*BODY[:2], *lines, *BODY[2:]))
    assert [b.text for b in article.blocks] == [*BODY[:2], *lines, *BODY[2:]]


def test_a_caption_the_page_marks_as_such_goes() -> None:
    """The Daily Mail's captions carry no credit and no full stop; the page's markup says
    what they are. A heading that happens to repeat a caption stays."""
    caption = "The letter sent by an alliance of chefs and charities to the Prime Minister"
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    page = (
        "<html><body><article><h1>Vote</h1>"
        f"<p>{BODY[0]}</p><p class='imageCaption'>{caption}</p>{paragraphs}"
        "<h2>Harbour Wall</h2><p>The wall stands.</p>"
        "<figure><img src='a.jpg'><figcaption>Harbour Wall</figcaption></figure>"
        "</article></body></html>"
    )
    article = clean(page)
    texts = [block.text for block in article.blocks]
    assert caption not in texts
    assert "Harbour Wall" in texts
    assert [r.reason for r in article.removed if r.text == caption] == [
        "the page marks it as a picture's caption"
    ]


_PICTURES = [
    "Waves break over the sea wall on the east pier on Saturday night.",
    "Fishermen secure their boats in the inner harbour before the storm.",
    "A flooded street near the ferry terminal on Sunday morning.",
]


def test_a_gallery_s_captions_are_its_text() -> None:
    """The page marks them as captions, and besides them it has only a heading."""
    candidates = [
        Candidate(BlockKind.HEADING, "In pictures: the harbour storm"),
        *(Candidate(BlockKind.PARAGRAPH, text, page_caption=True) for text in _PICTURES),
    ]
    assert find_captions(candidates, set()) == []


def test_an_article_s_captions_go_with_text_of_its_own() -> None:
    prose = Candidate(
        BlockKind.PARAGRAPH,
        "The storm that struck the harbour on Saturday night flooded the streets around the"
        " ferry terminal, broke over the sea wall on the east pier and forced fishermen to"
        " secure their boats in the inner harbour, the port authority said on Sunday.",
    )
    candidates = [
        prose,
        *(Candidate(BlockKind.PARAGRAPH, text, page_caption=True) for text in _PICTURES),
    ]
    assert [f.positions for f in find_captions(candidates, set())] == [(1,), (2,), (3,)]
