"""The article's language: declared, checked against the text, or identified."""

from __future__ import annotations

import pytest

from retina import clean
from retina.clean.language import checked_language

GERMAN = (
    "Jede Menge Spaß bereitet es den ehrenamtlichen Experten im Reparaturcafé, wenn sie"
    " defekte Geräte wieder zum Laufen bringen. Die Besucher bringen Toaster, Lampen und"
    " Fahrräder mit, und die Helfer schauen sich die Sachen gemeinsam mit ihnen an. Oft ist"
    " es nur ein loses Kabel, manchmal fehlt ein Ersatzteil, das dann bestellt werden muss."
)
ENGLISH = (
    "The Garden is a nearly wordless visual narrative that intercuts the story of two men"
    " who fall in love with scenes of the filmmaker at work in his garden on the coast. It"
    " was shot on Super 8 and video, and it is one of the most personal films he made in"
    " the years before his death, when he was living in the cottage by the power station."
)
BENGALI = (
    "কুষ্টিয়া-১ (দৌলতপুর) আসনের সংসদ সদস্য অ্যাডভোকেট আ ক ম সারওয়ার জাহান বাদশা বলেছেন, "
    "দৌলতপুর উপজেলার মানুষের জীবনমান উন্নয়নে সরকার নানা প্রকল্প বাস্তবায়ন করছে। তিনি আরও বলেন, "
    "এলাকার রাস্তাঘাট, স্কুল ও হাসপাতালের উন্নয়নে কাজ চলছে এবং শিগগিরই তা শেষ হবে।"
)


@pytest.mark.parametrize(
    ("declared", "text", "language"),
    [
        ("en", GERMAN, "de"),  # a template's lang="en-US" over a German blog
        ("de", ENGLISH, "en"),  # a German site's template over an English post
        ("en", BENGALI, "bn"),  # a script English is not written in
        ("en", ENGLISH, "en"),
        ("de", GERMAN, "de"),
        (None, GERMAN, "de"),
        ("en", "Too short to tell.", "en"),
        ("ja", ENGLISH, "ja"),  # no common words to check a declared Japanese by
        # a list of names is in no language: the declaration stays
        (
            "en",
            "Elliot Ackerman Saladin Ambar Rutgers University Martin Amis Anne Applebaum"
            " Margaret Atwood John Banville Paul Berman Sven Birkerts Charles Blow Mark"
            " Bowden Ian Buruma Robert Caro Teju Cole Rachel Cusk Lydia Davis Junot Díaz",
            "en",
        ),
    ],
)
def test_the_declared_language_is_checked_against_the_text(
    declared: str | None, text: str, language: str
) -> None:
    assert checked_language(declared, text) == language


def test_a_page_declaring_the_wrong_language_gets_its_text_s() -> None:
    page = (
        '<html lang="en-US"><head><title>Reparaturcafé</title></head><body><article>'
        f"<h1>Reparaturcafé</h1><p>{GERMAN}</p></article></body></html>"
    )
    assert clean(page, url="https://www.ahlen.de/reparaturcafe").language == "de"
