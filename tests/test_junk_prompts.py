"""Share and newsletter prompts, ad labels, copyright, cookie and paywall notices, affiliate
disclosures and embed placeholders."""

from __future__ import annotations

import pytest

from retina.clean.junk.prompts import classify_prompt
from retina.model import RemovedKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Advertisement", RemovedKind.AD),
        ("ADVERTISEMENT", RemovedKind.AD),
        ("Story continues below advertisement", RemovedKind.AD),
        ("Sponsored content", RemovedKind.AD),
        ("Share this article", RemovedKind.SHARE_PROMPT),
        ("Share on WhatsApp", RemovedKind.SHARE_PROMPT),
        ("Follow us on Twitter and Facebook", RemovedKind.SHARE_PROMPT),
        ("Click to share on LinkedIn (Opens in new window)", RemovedKind.SHARE_PROMPT),
        ("Facebook | Twitter | Email", RemovedKind.SHARE_PROMPT),
        ("Merken.", RemovedKind.SHARE_PROMPT),
        ("Teilen | Drucken", RemovedKind.SHARE_PROMPT),
        ("Pin it", RemovedKind.SHARE_PROMPT),
        ("Partager", RemovedKind.SHARE_PROMPT),
        ("Sign up for our daily newsletter", RemovedKind.NEWSLETTER_PROMPT),
        (
            "Get the best of the Herald delivered to your inbox every morning.",
            RemovedKind.NEWSLETTER_PROMPT,
        ),
        ("Subscribe to our breaking news alerts", RemovedKind.NEWSLETTER_PROMPT),
        (
            "[What you need to know to start the day: Get New York Today in your inbox.]",
            RemovedKind.NEWSLETTER_PROMPT,
        ),
        ("© 2024 Coastal Ledger. All rights reserved.", RemovedKind.BOILERPLATE),
        ("We use cookies to give you the best experience. Accept all", RemovedKind.BOILERPLATE),
        ("Abonnieren Sie unseren Newsletter für die Region", RemovedKind.NEWSLETTER_PROMPT),
        ("Inscrivez-vous à notre newsletter quotidienne", RemovedKind.NEWSLETTER_PROMPT),
        ("Suscríbete a nuestro boletín y recibe las noticias", RemovedKind.NEWSLETTER_PROMPT),
        ("Already a subscriber? Log in to keep reading.", RemovedKind.BOILERPLATE),
        (
            "This story is for subscribers. Please subscribe or sign in for full access.",
            RemovedKind.BOILERPLATE,
        ),
        ("Sie sind bereits Abonnent? Hier anmelden und weiterlesen.", RemovedKind.BOILERPLATE),
        ("This post contains affiliate links.", RemovedKind.BOILERPLATE),
        (
            "We recommend the best products through an independent review process, and "
            "advertisers do not influence our picks. We may receive compensation if you visit "
            "partners we recommend.",
            RemovedKind.BOILERPLATE,
        ),
        (
            "Аdvеrtіѕе wіth thе most visited news site ~ Wе оffеr fullу сuѕtоmіzаblе расkаgеѕ.",
            RemovedKind.AD,
        ),
        (
            "We may earn a commission when you buy something through the links on this page.",
            RemovedKind.BOILERPLATE,
        ),
        (
            "Für Links auf dieser Seite erhalten wir eine Provision vom Händler.",
            RemovedKind.BOILERPLATE,
        ),
        (
            "Click the button below to load the content from youtube.com.",
            RemovedKind.BOILERPLATE,
        ),
        ("Klicken Sie hier, um den Inhalt von Google Maps zu laden.", RemovedKind.BOILERPLATE),
        (
            "© 2022, Belize Daily. This article is the copyrighted property of Belize Daily. "
            "Written permission must be obtained before reprinting this article in print, "
            "online or on air.",
            RemovedKind.BOILERPLATE,
        ),
        ("Copyright 2021 The Associated Press. May not be republished.", RemovedKind.BOILERPLATE),
        ("Unlimited digital access for $1 a week. Cancel anytime.", RemovedKind.NEWSLETTER_PROMPT),
        (
            "Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.",
            RemovedKind.NEWSLETTER_PROMPT,
        ),
        ("Alle Artikel lesen, jederzeit kündbar.", RemovedKind.NEWSLETTER_PROMPT),
        (
            "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
            RemovedKind.BOILERPLATE,
        ),
        ("订阅会员可阅读全文，请登录。", RemovedKind.BOILERPLATE),
        ("이 기사의 전문은 회원 전용입니다. 로그인 하세요.", RemovedKind.BOILERPLATE),
        (
            "The views expressed in this article are those of the author and do not "
            "necessarily reflect the editorial stance of the newspaper.",
            RemovedKind.BOILERPLATE,
        ),
        ("Opinions expressed by Forbes Contributors are their own.", RemovedKind.BOILERPLATE),
        (
            "Die Meinung des Autors spiegelt nicht unbedingt die Meinung der Redaktion wider.",
            RemovedKind.BOILERPLATE,
        ),
        ("Les opinions exprimées n'engagent que leurs auteurs.", RemovedKind.BOILERPLATE),
        (
            "الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر أصحابها فقط.",
            RemovedKind.BOILERPLATE,
        ),
        ("Sign up here.", RemovedKind.NEWSLETTER_PROMPT),
        ("Subscribe now", RemovedKind.NEWSLETTER_PROMPT),
        ("Click here to sign up.", RemovedKind.NEWSLETTER_PROMPT),
        ("Register for free!", RemovedKind.NEWSLETTER_PROMPT),
        (
            "Follow the AP's coverage of Congress at https://apnews.com/hub/congress.",
            RemovedKind.RELATED_LINK,
        ),
        (
            "Find more AP coverage of the Middle East at https://apnews.com/hub/middle-east",
            RemovedKind.RELATED_LINK,
        ),
        ("Share full article", RemovedKind.SHARE_PROMPT),
        ("扫一扫，分享到微信朋友圈", RemovedKind.SHARE_PROMPT),
        ("更多精彩内容，请关注我们的微信公众号", RemovedKind.SHARE_PROMPT),
        ("点击进入专题", RemovedKind.RELATED_LINK),
        ("기자 페이지 바로가기", RemovedKind.RELATED_LINK),
        ("구독하기", RemovedKind.NEWSLETTER_PROMPT),
        ("Anzeige", RemovedKind.AD),
        ("Publicité", RemovedKind.AD),
        ("Reklama", RemovedKind.AD),
        ("Реклама", RemovedKind.AD),
        ("Iklan", RemovedKind.AD),
        ("Continua após a publicidade", RemovedKind.AD),
        ("Scroll untuk melanjutkan membaca", RemovedKind.AD),
        ("Поделиться", RemovedKind.SHARE_PROMPT),
        ("Paylaş", RemovedKind.SHARE_PROMPT),
        ("Receba as notícias no seu WhatsApp", RemovedKind.SHARE_PROMPT),
        ("Haberin devamı için tıklayın", RemovedKind.RELATED_LINK),
        ("Para leer sobre otros hechos en Medellín, clic AQUÍ.", RemovedKind.RELATED_LINK),
        ("To read the council's report, click here.", RemovedKind.RELATED_LINK),
        ("Abone ol", RemovedKind.NEWSLETTER_PROMPT),
        ("广告", RemovedKind.AD),
        ("Artikel teilen", RemovedKind.SHARE_PROMPT),
        ("Follow", RemovedKind.SHARE_PROMPT),
        ("Síguenos en Twitter", RemovedKind.SHARE_PROMPT),
        (
            "Sigue toda la información de Economía y Negocios en Facebook y X, o en nuestra"
            " newsletter semanal",
            RemovedKind.SHARE_PROMPT,
        ),
        ("Suivez toute l’actualité de Paris sur Facebook", RemovedKind.SHARE_PROMPT),
        ("Folgen Sie der Autorin auf X", RemovedKind.SHARE_PROMPT),
        ("Segui il canale WhatsApp del Corriere", RemovedKind.SHARE_PROMPT),
        ("Folgen Sie uns auf Twitter Liken Sie uns auf Facebook", RemovedKind.SHARE_PROMPT),
        ("Suivez-nous sur Facebook", RemovedKind.SHARE_PROMPT),
        ("Comparte esta noticia", RemovedKind.SHARE_PROMPT),
        ("Obserwuj nas na Facebooku", RemovedKind.SHARE_PROMPT),
        ("Partager sur Facebook", RemovedKind.SHARE_PROMPT),
        ("Dieser Artikel ist nur für Abonnenten verfügbar.", RemovedKind.BOILERPLATE),
        ("Cet article est réservé aux abonnés.", RemovedKind.BOILERPLATE),
        ("This story is for subscribers only.", RemovedKind.BOILERPLATE),
        ("Supported by", RemovedKind.AD),
        ("Video Ad Feedback", RemovedKind.AD),
        ("Got a news tip? Email us at tips@example.com.", RemovedKind.BOILERPLATE),
        ("Have an opinion? Send us a letter to the editor.", RemovedKind.BOILERPLATE),
        ("Submit a letter to the editor", RemovedKind.BOILERPLATE),
        (
            "Have you been affected by the flooding? Share your experiences by emailing"
            " haveyoursay@example.co.uk.",
            RemovedKind.BOILERPLATE,
        ),
        ("Do you have a story? Contact our newsroom.", RemovedKind.BOILERPLATE),
        ("CLICK HERE TO GET THE FOX NEWS APP", RemovedKind.NEWSLETTER_PROMPT),
        ("Download the Ledger app for the latest news on the go.", RemovedKind.NEWSLETTER_PROMPT),
        ("Enable push notifications", RemovedKind.NEWSLETTER_PROMPT),
        ("Breaking news alerts straight to your phone", RemovedKind.NEWSLETTER_PROMPT),
        ("CLICK HERE FOR MORE SPORTS COVERAGE ON FOXNEWS.COM", RemovedKind.RELATED_LINK),
        (
            "Thank you for reading. Please consider supporting our journalism.",
            RemovedKind.BOILERPLATE,
        ),
        ("Report a correction or typo", RemovedKind.BOILERPLATE),
        ("Jetzt die App herunterladen und nichts mehr verpassen!", RemovedKind.NEWSLETTER_PROMPT),
        ("Push-Benachrichtigungen aktivieren", RemovedKind.NEWSLETTER_PROMPT),
        ("Téléchargez l'application Le Ledger", RemovedKind.NEWSLETTER_PROMPT),
        ("Activa las notificaciones", RemovedKind.NEWSLETTER_PROMPT),
        ("Scarica l'app", RemovedKind.NEWSLETTER_PROMPT),
        ("Unterstützen Sie unseren unabhängigen Journalismus.", RemovedKind.BOILERPLATE),
        ("Soutenez notre journalisme indépendant.", RemovedKind.BOILERPLATE),
        ("Apoya el periodismo independiente.", RemovedKind.BOILERPLATE),
        ("Fehler gefunden? Jetzt melden.", RemovedKind.BOILERPLATE),
        ("Signaler une erreur", RemovedKind.BOILERPLATE),
        ("Hier klicken für mehr Nachrichten aus der Region", RemovedKind.RELATED_LINK),
        ("Haz clic aquí para más noticias", RemovedKind.RELATED_LINK),
        ("Únete a nuestro canal de WhatsApp", RemovedKind.SHARE_PROMPT),
        ("Join our GaijinPot Study Facebook group to connect", RemovedKind.SHARE_PROMPT),
        (
            "To revisit this article, visit My Profile, then View saved stories.",
            RemovedKind.SHARE_PROMPT,
        ),
        ("Gift Article", RemovedKind.SHARE_PROMPT),
        ("Add to your saved stories", RemovedKind.SHARE_PROMPT),
        ("Comment on this story", RemovedKind.SHARE_PROMPT),
        ("Sign in", RemovedKind.NEWSLETTER_PROMPT),
        ("Reuse this content", RemovedKind.SHARE_PROMPT),
        (
            "The BBC is not responsible for the content of external sites. Read about our"
            " approach to external linking.",
            RemovedKind.BOILERPLATE,
        ),
        ("This article is more than 2 years old", RemovedKind.BOILERPLATE),
        (
            "Privacy Notice: Newsletters may contain info about charities, online ads, and"
            " content funded by outside parties.",
            RemovedKind.NEWSLETTER_PROMPT,
        ),
        ("after newsletter promotion", RemovedKind.NEWSLETTER_PROMPT),
        ("Subscribe for $1", RemovedKind.NEWSLETTER_PROMPT),
        ("Get the news you need to start your day", RemovedKind.NEWSLETTER_PROMPT),
        ("Get the latest updates from The Ledger", RemovedKind.NEWSLETTER_PROMPT),
        ("Thanks for reading! Subscribe here.", RemovedKind.NEWSLETTER_PROMPT),
        (
            "Our journalism needs your support. Subscribe today to The Ledger.",
            RemovedKind.BOILERPLATE,
        ),
        (
            "Local journalism is essential. Give directly to The Ledger's Community Funded"
            " Journalism program.",
            RemovedKind.BOILERPLATE,
        ),
        (
            "Have a question about the harbour plan? Send it to questions@ledger.example.",
            RemovedKind.BOILERPLATE,
        ),
        (
            "A version of this article appears in print on March 4, 2024, Section A, Page 12 of"
            " the New York edition with the headline: Council Approves Harbour Budget.",
            RemovedKind.BOILERPLATE,
        ),
        (
            "This article appeared in the Europe section of the print edition under the"
            ' headline "Harbour wars"',
            RemovedKind.BOILERPLATE,
        ),
    ],
)
def test_prompts_found(text: str, kind: RemovedKind) -> None:
    verdict = classify_prompt(text)
    assert verdict is not None and verdict[0] is kind


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<저작권자 ⓒ 한빛일보, 무단 전재 및 재배포 금지>", "a copyright notice"),
        ("ⓒ 2024 Hanbit Daily", "a copyright notice"),
        ("無断転載を禁じます。", "a copyright notice"),
        ("【本文版权归腾讯公司所有。未经授权，不得转载、摘编等。】", "a copyright notice"),
        ("この記事は有料会員限定です。残り1234文字", "a paywall notice"),
        ("本文为付费会员专享内容", "a paywall notice"),
        ("이 기사는 유료회원 전용입니다.", "a paywall notice"),
        ("打开新浪新闻APP，阅读体验更佳", "offers the site's app"),
        ("下载客户端", "offers the site's app"),
        ("アプリで読む", "offers the site's app"),
        ("앱 다운로드", "offers the site's app"),
    ],
)
def test_notices_in_chinese_japanese_and_korean(text: str, reason: str) -> None:
    verdict = classify_prompt(text)
    assert verdict is not None and verdict[1].startswith(reason)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Подписывайтесь на наш канал в Telegram, чтобы быть в курсе новостей.", "asks"),
        ("Следите за нами в соцсетях", "asks"),
        ("تابعونا على تويتر وفيسبوك", "asks"),
        ("Ikuti kami di Google News", "asks"),
        ("Bizi Twitter ve Instagram'da takip edin", "asks"),
        ("Если вы нашли ошибку, выделите её и нажмите Ctrl+Enter.", "a notice to report a typo"),
    ],
)
def test_prompts_in_russian_arabic_indonesian_and_turkish(text: str, reason: str) -> None:
    verdict = classify_prompt(text)
    assert verdict is not None and verdict[1].startswith(reason)


@pytest.mark.parametrize(
    "text",
    [
        "警方称，该男子未经授权进入机场控制区，已被拘留。",  # unauthorised entry: a report
        "この記事は会員の投票で選ばれた。",  # "chosen by the members' vote"
        "저작권 분쟁은 내년에 법원에서 다뤄질 예정이다.",  # a copyright dispute
    ],
)
def test_chinese_japanese_and_korean_prose_stays(text: str) -> None:
    assert classify_prompt(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Bizi en çok Twitter'daki yorumlar şaşırttı, dedi bakan.",  # "takip" is not asked
        "Подписывайтесь или нет, но налог придётся платить, заявил министр.",
    ],
)
def test_russian_and_turkish_prose_stays(text: str) -> None:
    assert classify_prompt(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Twitter users shared the video widely on Facebook after the match.",
        "Follow the money: how the cartel funded the campaign",
        "The lesson: get your e-mail under control before the holidays.",
        "[Alden: Lute, did you somehow give me a triple dose of this?]",
        "Save the date: the harbour festival opens on 12 May.",
        "Merken Sie sich den Termin vor.",
        "Copyright law in the EU changed last year.",
        "Subscribers to the council's newsletter were told of the vote in advance, the mayor said, "
        "and several of them attended the meeting to object to the plan in person.",
        "The advertisement industry lobbied against the rules for months before the vote.",
        "We use the harbour every day, said one fisherman.",
        "Netflix said subscribers would have to sign in from a device in their household.",
        "Estate agents earn a commission of three percent on each sale, the survey found.",
        "The provision of clean water is the council's first duty, the mayor said.",
        '"It was a lot of money," she told the network\'s affiliate station on Tuesday.',
        "Click-through rates for video content load the servers less than expected.",
        "Copyright holders say the law, passed in 2019, has not stopped piracy.",
        "Customers complained they could not cancel the contract at all.",
        "Владимир Путин встретился с Olaf Scholz и Emmanuel Macron в Москве во вторник.",
        "The regulator said advertisers do not influence its rulings, and never have.",
        "The views expressed by the minister do not reflect government policy, a spokesman said.",
        "会員の皆さんが全文を読んだ。",  # "the members read the full text": a report
        "购买订阅的用户增加了，全文见年报。",
        "Register",  # a heading as often as a button
        "Supported by the council, the plan passed easily.",
        "Anzeige gegen den Bürgermeister erstattet",
        "Comparte tu opinión sobre la xenofobia",
        "Partagez-vous ce constat sur le port ?",
        "Werbung für Zigaretten ist seit 2007 verboten, sagte der Minister.",
        "Este artículo fue escrito por suscriptores de nuestra comunidad y editado por la"
        " redacción del diario.",
        "Have you been affected by the strike? Many readers have.",  # no way to reply
        "Got a tip? Police said the caller gave no name.",
        "Join us",
        "Subscribe to the podcast",
        "Read the full report at https://example.org/report.pdf",  # the source, not more news
        "Follow-up coverage at https://example.org was promised by the council for next week.",
        "The foundation gave $5 million to support local journalism in rural counties.",
        "Download speeds doubled after the upgrade, the app's makers said.",
        "Reporting errors in the census cost the city two seats, the audit found.",
        "Die App herunterladen können Nutzer ab Montag, teilte das Ministerium mit.",
        "Unterstützen Sie unseren Kandidaten, rief der Bürgermeister den Wählern zu.",
        "Fehler in der Abrechnung kosteten die Stadt zwei Millionen Euro.",
        "Fehler gefunden hat der Prüfer in der Abrechnung der Stadtwerke.",
        "Donors gave $2 million to the newsroom fund last year, the foundation said.",
        "Get the news from the mayor first, the aide told reporters.",
        "Have a question? The council said residents could ask at the meeting.",
        "This article appeared in The Conversation.",  # a credit: the attribution detector's
        "This article is more than a rehash of the old report, the editor said on Tuesday.",
        # "sigue" also means "goes on": a report, not a call to follow
        "Sigue la polémica en Twitter tras las declaraciones del ministro",
        "Sigue sin conocerse el paradero del artículo robado",
        "Write a letter to the editor explaining why the council erred, residents were told.",
        "Have an opinion about the budget? The council wants to hear it at the hearing.",
    ],
)
def test_prose_stays(text: str) -> None:
    assert classify_prompt(text) is None


@pytest.mark.parametrize(
    "text",
    ["Advertisement - Scroll to continue", "ADVERTISEMENT | Story continues below", "Sponsored"],
)
def test_ad_labels_alone_or_run_together(text: str) -> None:
    assert classify_prompt(text) == (RemovedKind.AD, "an advertisement label")


def test_editorial_standards_notice() -> None:
    verdict = classify_prompt("Our Standards: The Thomson Reuters Trust Principles.")
    assert verdict is not None and verdict[0] is RemovedKind.BOILERPLATE
    assert classify_prompt("Our standards of living have fallen since the crisis began.") is None
