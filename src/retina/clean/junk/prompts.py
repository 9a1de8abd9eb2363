"""Calls to action and page furniture inside the text: share and follow prompts,
newsletter sign-ups and subscription offers, advertisement labels and ads disguised with
look-alike letters, copyright, cookie and editorial-standards notices, paywall notices (in
Chinese, Japanese and Korean too), disclaimers that the views are not the publisher's,
affiliate-link disclosures, embed placeholders, ad labels and share buttons in other
languages ("Anzeige", "Publicité", "广告", "Artikel teilen"), a sign-up button's label left
alone ("Sign up here."), a pointer to more coverage at an address ("Follow the AP's
coverage of … at https://…") and the newsroom's call for tips or experiences ("Got a news
tip? Email us…").

Each is recognised by shape, not by exact wording: a short block that *starts* with
an imperative (share, follow, sign up, subscribe...) and names its target (a social
network, a newsletter, an inbox). Running prose that mentions these words is longer
or does not start with the imperative, and stays.
"""

from __future__ import annotations

import re

from retina.clean.candidate import Candidate, Finding
from retina.clean.tokens import addresses_the_reader, words
from retina.model import RemovedKind

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|linkedin|instagram|telegram|reddit|pinterest|tiktok|"
    r"threads|bluesky|mastodon|youtube|e-?mail|social\s+media|(?:with\s+)?(?:your\s+)?friends|this\s+"
    r"(?:article|story|page|post)"
)
_SHARE = re.compile(
    rf"^(?:click|tap|press)?\s*(?:here\s+)?(?:to\s+)?(?:share|tweet|follow|like|pin|send|"
    rf"email|e-mail|print|copy\s+link)\b.*\b(?:{_SOCIAL})\b|^follow\s+us\b",
    re.IGNORECASE,
)
_SHARE_ELSEWHERE = re.compile(
    r"^(?:síguenos|sígannos|seguinos|folgen\s+sie|folge\s+uns|seguici|siga-nos|segue-nos"
    r"|sigue\s+(?:toda\s+la\s+(?:información|actualidad)|a\b|el\s+canal|nuestr\w+)|siga\s+a\b"
    r"|segui\s+(?:tutte\s+le\s+notizie|il\s+canale)|suivez(?:[\s-]nous|\s+toute\s+l['’]actualité)"
    r"|join|únete|unete|únase|rejoignez|rejoins|unisciti|entre\s+(?:no|em)|participe"
    r"|suis-nous|volg\s+ons|obserwuj\s+nas|comparte|compartí|compártelo|teilen\s+sie"
    r"|partagez|condividi|compartilhe|deel|udostępnij"
    r"|подписывайтесь|подпишитесь|следите\s+за\s+нами|читайте\s+нас|поделитесь|підписуйтесь"
    r"|تابعونا|تابعوا|تابعنا|اشترك|ikuti\s+kami|ikuti|bizi(?=.*\btakip\b)"
    r"|receba\s+(?:as\s+)?(?:notícias|novidades)|recibe\s+(?:las\s+)?noticias)\b"
    r".*\b(?:(?:facebook\w*|twitter|x|whatsapp|linkedin|instagram|telegram|tiktok|youtube"
    r"|threads|bluesky|mastodon|redes\s+sociales|réseaux\s+sociaux|social\s+media"
    r"|sozialen\s+medien|google\s+news|телеграм\w*|вконтакте|дзен\w*|канал\w*|соцсет\w*"
    r"|تويتر|فيسبوك|فيس\s+بوك|انستغرام|إنستغرام|يوتيوب|تلغرام|تيليجرام|واتساب|قناتنا"
    r"|sosial\s+media)|(?:noticia|art[ií]culo|article|artikel|beitrag|articolo|notizia"
    r"|artigo|notícia)s?)\b",
    re.IGNORECASE,
)
"""Follow and share prompts in Spanish, German, Italian, Portuguese, French, Dutch,
Polish, Russian, Ukrainian, Arabic, Indonesian and Turkish ("Síguenos en Twitter",
"Sigue toda la información de Economía en Facebook y X", "Folgen Sie uns auf Instagram",
"Comparte esta noticia", "Подписывайтесь на наш канал в
Telegram", "تابعونا على تويتر", "Ikuti kami di Google News")."""
_TYPO_NOTICE = re.compile(r"\bctrl\s*\+\s*enter\b", re.IGNORECASE)
"""A notice to report a typo by selecting it ("Если вы нашли ошибку, выделите её и нажмите
Ctrl+Enter"), common on Russian and Ukrainian sites."""
_SHARE_LABEL = re.compile(
    r"^(?:(?:share|share\s+this|share\s+on|tweet|email|print|copy\s+link"
    r"|share\s+(?:this\s+|the\s+|full\s+)?(?:article|story|page|post)"
    r"|gift\s+(?:this\s+)?(?:article|story)|comment\s+on\s+this\s+(?:article|story)"
    r"|add\s+to\s+(?:your\s+)?saved\s+(?:stories|articles)|follow\s+this\s+author|summari[sz]e"
    r"|reuse\s+this\s+content|republish\s+this\s+(?:article|story)"
    r"|(?:artikel|beitrag)\s+teilen|partager\s+(?:cet\s+article|sur\s+\w+)"
    r"|compartir\s+(?:este\s+art[ií]culo|en\s+\w+)|condividi\s+(?:questo\s+articolo|su\s+\w+)"
    r"|compartilhe|compartilhar"
    r"|opens\s+in\s+new\s+window|save|pin\s+it|bookmark|teilen|merken|drucken|partager"
    r"|imprimer|compartir|imprimir|condividi|delen|udostępnij|поделиться|paylaş|bagikan"
    r"|facebook|twitter|whatsapp|linkedin|reddit|telegram|follow)(?:\s*[|·,/.]\s*|\s+)?)+$",
    re.IGNORECASE,
)
"""The labels of share, save and print buttons, alone or in a row ("Teilen | Drucken",
"Merken", "Pin it", "Facebook Twitter Email", "Gift Article", "Add to your saved
stories")."""
_SAVE_NOTICE = re.compile(
    r"^to\s+revisit\s+this\s+(?:article|story|recipe),\s+(?:visit|select|go\s+to)\s+my\s+"
    r"(?:profile|account)",
    re.IGNORECASE,
)
"""Condé Nast's save-for-later notice, on all its magazines: "To revisit this article, visit
My Profile, then View saved stories."."""
_NEWSLETTER = re.compile(
    r"^(?:sign\s*up|signup|subscribe|get|join|register|receive|enter\s+your\s+e-?mail|"
    r"(?:don't|do\s+not|never)\s+miss|want|stay\s+(?:informed|updated|up\s+to\s+date)|"
    r"like\s+this\s+(?:article|story)|enjoying\s+this)\b"
    r".*\b(?:newsletters?|inbox|e-?mails?|alerts?|briefings?|digest|bulletins?|"
    r"notifications|subscribe|subscription)\b",
    re.IGNORECASE,
)
_BARE_CALL = re.compile(
    r"^(?:(?:click|tap)\s+here\s+to\s+)?(?:(?:sign\s*up|subscribe)"
    r"(?:\s+(?:here|now|today|for\s+free|free))*"
    r"|(?:register|join)(?:\s+(?:here|now|today|for\s+free|free))+|sign\s*in|log\s*in"
    r"|구독하기|(?:立即)?订阅|(?:立即)?訂閱|購読する|ログイン|登录|로그인|abone\s+ol)\W*$",
    re.IGNORECASE,
)
"""A sign-up or sign-in button's label alone ("Sign up here.", "Subscribe now", "Sign in",
"구독하기"): the newsletter box or account menu it belonged to is gone."""
_MAX_BUTTON_WORDS = 5
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_MAX_THANKS_WORDS = 10
"""A sign-off and a button's label in one short block ("Thanks for reading! Subscribe
here.")."""
_MORE_COVERAGE = re.compile(
    r"^(?:follow|find|see|read|get|for|more\s+(?:of|on|from))\b.{0,100}"
    r"\b(?:coverage|updates|reporting|stories)\b.{0,60}?(?:https?://|www\.)\S+\W*$",
    re.IGNORECASE | re.DOTALL,
)
"""A pointer to more coverage elsewhere, with its address: "Follow the AP's coverage of
Congress at https://apnews.com/hub/congress." (closing wire copy on thousands of sites)."""
_MAX_MORE_COVERAGE_WORDS = 30
_SHARE_CJK = re.compile(
    r"分享到|分享至|转发到|轉發到|分享給|扫一扫|掃一掃|扫描二维码|シェアする|공유하기"
    r"|关注.{0,20}(?:微信|公众号|微博|抖音)|(?:微信|公众号).{0,10}关注"
)
"""Chinese, Japanese and Korean share and follow prompts ("扫一扫，分享到微信朋友圈",
"更多精彩内容，请关注我们的微信公众号"), which the word-based patterns cannot read."""
_MAX_CJK_PROMPT_CHARS = 40
_CALL_OUT = re.compile(
    r"^(?:(?:got|have|do\s+you\s+have)\s+(?:a|any)\s+(?:news\s+)?(?:tips?|story(?:\s+ideas?)?)"
    r"|have\s+you\s+been\s+affected\b|are\s+you\s+affected\b"
    r"|(?:do\s+you\s+)?have\s+(?:a\s+)?questions?(?:\s+(?:about|on|for)\s+[^?]{1,60})?"
    r"|(?:do\s+you\s+)?have\s+information\s+about\s+(?:this|the)\s+story"
    r"|(?:got|have|do\s+you\s+have)\s+an?\s+(?:opinion|view|point\s+of\s+view))[^?]{0,80}\?"
    r"(?=.*(?:@|\b(?:e-?mail|contact|get\s+in\s+touch|send|share|write|submit|whatsapp|call)\b))"
    r"|^(?:send|write|submit)\s+(?:us\s+)?(?:an?\s+)?letters?\s+to\s+the\s+editor"
    r"(?:\s+(?:here|online|at\s+\S+))?\W*$",
    re.IGNORECASE | re.DOTALL,
)
"""The newsroom asking for tips, experiences or letters: "Got a news tip? Email us at …",
"Have you been affected by the flooding? Share your experiences by emailing …", "Have an
opinion? Send us a letter to the editor."."""
_MAX_CALL_OUT_WORDS = 60
_APP_OR_ALERTS = re.compile(
    r"^(?:(?:click|tap)\s+here\s+to\s+)?(?:download|get|install|try)\s+(?:the\s+|our\s+)?"
    r"(?:free\s+)?(?:[\w.&'’-]+\s+){0,4}app\b"
    r"|^(?:enable|turn\s+on|allow|activate)\s+(?:push\s+|breaking[- ]news\s+)?"
    r"(?:notifications|alerts)\b"
    r"|^(?:get\s+)?(?:breaking[- ])?news\s+alerts?\b.{0,60}\b(?:phone|device|inbox|desktop)\b"
    # German, French, Spanish, Italian, Portuguese
    r"|^jetzt\s+(?:die\s+|unsere\s+)?(?:[\w.&'’-]+\s+){0,3}app\s+(?:herunterladen|laden"
    r"|installieren)\b|^(?:die\s+)?(?:[\w.&'’-]+\s+){0,3}app\s+(?:herunterladen|installieren)"
    r"[\s!.]*$|^(?:jetzt\s+)?(?:push-?)?benachrichtigungen\s+(?:aktivieren|einschalten)\b"
    r"|^(?:téléchargez|télécharger|installez)\s+(?:l['’]|notre\s+)appli(?:cation)?\b"
    r"|^(?:activez|activer)\s+les\s+(?:notifications|alertes)\b"
    r"|^(?:descarga|descargue|descargar|instala)\s+(?:la\s+|nuestra\s+)?app\b"
    r"|^(?:activa|active|activar)\s+las\s+(?:notificaciones|alertas)\b"
    r"|^(?:scarica|scaricate)\s+(?:l['’]|la\s+nostra\s+)app\b|^(?:attiva|attivate)\s+le\s+notifiche\b"
    r"|^(?:baixe|baixar)\s+o\s+(?:nosso\s+)?(?:app|aplicativo)\b"
    r"|^(?:ative|ativar)\s+as\s+notificações\b",
    re.IGNORECASE | re.DOTALL,
)
"""The site's app or its alerts offered: "CLICK HERE TO GET THE FOX NEWS APP", "Download
the Ledger app for the latest news", "Enable push notifications", "Breaking news alerts
straight to your phone", "Jetzt die App herunterladen", "Activez les notifications"."""
_MAX_APP_PROMPT_WORDS = 20
_APP_CJK = re.compile(
    r"(?:下载|打开|下載|打開|安装|安裝).{0,12}(?:APP|App|app|客户端|客戶端)"
    r"|(?:APP|App|客户端|客戶端)内?(?:打开|打開|阅读|閱讀)"
    r"|アプリ(?:で|を)(?:読む|開く|ダウンロード)|앱\s*(?:다운로드|에서\s*보기)"
)
"""The app offered in Chinese, Japanese and Korean: "打开新浪新闻APP，阅读体验更佳", "下载客户端",
"アプリで読む", "앱 다운로드"."""
_CLICK_THROUGH = re.compile(
    r"^(?:(?:click|tap)\s+here\s+(?:to|for)|hier\s+klicken|klicken\s+sie\s+hier|cliquez\s+ici"
    r"|(?:haz|haga)\s+clic\s+aquí|pulsa\s+aquí|clicca\s+qui|clique\s+aqui)\b"
    r"|^(?:\w+\s+){0,4}(?:için\s+)?tıklayın(?:ız)?\W*$"
    r"|^(?:点击|點擊)(?:进入|進入|查看|阅读|閱讀|这里|這裡)|^.{0,20}바로가기$"
    r"|^.{0,160}\b(?:click|clic|clique|klicken\s+sie|haga\s+clic|pulse)\s+(?:here|aquí|aqui|ici"
    r"|hier)\W*$",
    re.IGNORECASE,
)
"""A line that is a link out, "CLICK HERE FOR MORE SPORTS COVERAGE ON FOXNEWS.COM", "Hier
klicken für mehr Nachrichten", "Cliquez ici pour…", "Para leer más, clic AQUÍ.", "点击进入专题",
"기자 페이지 바로가기"."""
_MAX_CLICK_THROUGH_WORDS = 20
_SUPPORT_US = re.compile(
    r"\b(?:support(?:ing)?|donat(?:e|ing)\s+to|contribut(?:e|ing)\s+to|fund(?:ing)?)\s+"
    r"(?:our|independent|local|quality|public[- ]service|non-?profit)\s+(?:\w+\s+){0,2}?"
    r"(?:journalism|news(?:room)?|reporting|media)\b",
    re.IGNORECASE,
)
"""A plea for money, "Please consider supporting our journalism": only where it speaks to
the reader ("a grant to support local journalism" is news)."""
_SUPPORT_NEEDED = re.compile(
    r"\b(?:our|independent|local|quality)\s+journalism\s+(?:needs|depends\s+on|relies\s+on)"
    r"\s+(?:your|readers['’]?)\s+support\b"
    r"|^(?:[^.!?]*[.!?]\s+)?(?:please\s+)?(?:give|donate|contribute|chip\s+in)\b[^.!?]{0,80}"
    r"\b(?:journalism|newsroom|reporting)\b",
    re.IGNORECASE,
)
"""The plea put the other way round ("Our journalism needs your support."), or as a call
to give ("Local journalism is essential. Give directly to The Ledger's Community Funded
Journalism program.")."""
_NEWS_PITCH = re.compile(
    r"^get\s+(?:the\s+|all\s+the\s+)?(?:latest\s+|top\s+|best\s+)?(?:news|stories|headlines|updates)"
    r"\s+(?:you\s+need|that\s+matter|delivered|from\s+(?:the\s+)?(?-i:[A-Z])|straight\s+to"
    r"|sent\s+to)",
    re.IGNORECASE,
)
"""A newsletter's pitch that does not name it: "Get the news you need to start your day",
"Get the latest updates from The Ledger"."""
_MAX_NEWS_PITCH_WORDS = 15
_SUBSCRIPTION_PRICE = re.compile(
    r"^(?:subscribe|join|sign\s+up)\s+(?:now\s+|today\s+)?(?:for|from)\s+(?:just\s+|only\s+)?"
    r"(?:[$€£]\s?\d|\d+(?:[.,]\d+)?\s?(?:[$€£]|euros?|dollars?|cents?))",
    re.IGNORECASE,
)
"""A subscription offered at a price: "Subscribe for $1", "Subscribe now from 99 cents"."""
_SUPPORT_US_IMPERATIVE = re.compile(
    r"^(?:(?:please\s+)?support\s+(?:our|independent|local|quality)"
    r"|unterstützen\s+sie\s+(?:unseren|unsere|den|die)|unterstütze\s+(?:unseren|unsere)"
    r"|soutenez\s+(?:notre|le|la)|apoy[ae]\s+(?:el|nuestro|al)|sostieni\s+(?:il|la|il\s+nostro)"
    r"|apoie\s+o)\s+(?:\w+\s+){0,2}?(?:journalism|journalismus|redaktion|journalisme|rédaction"
    r"|information|periodismo|giornalismo|jornalismo)\b",
    re.IGNORECASE,
)
"""The same plea as an imperative, which speaks to the reader by its form: "Unterstützen
Sie unseren unabhängigen Journalismus", "Soutenez notre journalisme", "Apoya el periodismo
independiente"."""
_REPORT_ERROR = re.compile(
    r"^(?:report|submit|suggest|send(?:\s+us)?)\s+(?:a\s+|an\s+)?"
    r"(?:correction|typo|error|mistake)s?\b"
    r"|^fehler\s+gefunden\s*\?|^(?:einen\s+)?fehler\s+melden\b"
    r"|^signaler\s+une\s+(?:erreur|faute|coquille)\b|^(?:reportar|reporta|notificar)\s+un\s+error\b"
    r"|^segnala(?:re)?\s+un\s+errore\b|^(?:reportar|comunicar)\s+(?:um\s+)?erro\b",
    re.IGNORECASE,
)
"""A link to report an error: "Report a correction or typo", "Fehler gefunden? Jetzt
melden.", "Signaler une erreur", "Reportar un error"."""
_MAX_REPORT_ERROR_WORDS = 12
_PRINT_EDITION = re.compile(
    r"^(?:a\s+version\s+of\s+)?this\s+(?:article|story|review|essay|column|piece|interview)"
    r"\s+(?:appears|appeared|was\s+published)\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"print(?:ed)?\b|^(?:dieser|der)\s+(?:artikel|beitrag|text)\s+(?:ist\s+)?(?:erschien|erschienen)"
    r"\s+in\s+der\s+(?:[\w-]+\s+){0,3}?(?:print-?ausgabe|gedruckten\s+ausgabe)\b",
    re.IGNORECASE,
)
"""Where the article ran in the paper: "A version of this article appears in print on March
4, 2024, Section A, Page 12 of the New York edition with the headline: …", "This article
appeared in the Europe section of the print edition under the headline …"."""
_MAX_PRINT_EDITION_WORDS = 60
_AD_LABEL = (
    r"(?:advertisement|advertising|advert|ad|sponsored(?:\s+content)?|paid\s+content|"
    r"promoted|partner\s+content|supported\s+by|(?:video\s+)?ad\s+feedback|"
    r"anzeige|werbung|gesponsert|publicidad|publicidade|publicité|pubblicità|reklama|reklame"
    r"|advertentie|patrocinado|sponsorisé|contenu\s+sponsorisé|contenido\s+patrocinado|"
    r"广告|廣告|広告|광고|реклама|reklam|iklan|"
    r"(?:the\s+)?(?:story|article|content)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?"
    r"(?:advertisement|ad|advert))?|continue\s+reading\s+(?:below|the\s+main\s+story)|"
    r"scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content|\s+reading)?"
    r"|continua\s+(?:após|depois\s+da)\s+(?:a\s+)?publicidade|scroll\s+untuk\s+melanjutkan\s+membaca)"
)
# one label, or several run together ("Advertisement - Scroll to continue")
_AD = re.compile(rf"^{_AD_LABEL}(?:[\s.:…|–—-]+{_AD_LABEL})*[\s.:…-]*$", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"(?:[©ⓒ]|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4}).*|.*\ball\s+rights\s+reserved\b.*",
    re.IGNORECASE,
)
# A notice that opens with the copyright sign may run on about permissions and reprints.
_COPYRIGHT_OPENING = re.compile(
    r"^(?:[©ⓒ]|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", re.IGNORECASE
)
_STANDARDS = re.compile(
    r"^our\s+(?:standards|editorial\s+(?:standards|policy|guidelines|values)|ethics\s+policy|"
    r"corrections\s+policy)\s*(?:[:|–—-]|$)",
    re.IGNORECASE,
)
_COOKIES = re.compile(
    r"^(?:this\s+(?:site|website)|we)\s+uses?\s+cookies\b.*\b(?:accept|consent|privacy|"
    r"experience|agree|settings)\b",
    re.IGNORECASE,
)

# Newsletter sign-ups in other languages: the imperative, then the newsletter or inbox.
_NEWSLETTER_ELSEWHERE = re.compile(
    r"^(?:jetzt\s+)?(?:abonniere|abonnieren\s+sie|melde\s+dich|melden\s+sie\s+sich|trag\s+dich"
    r"|tragen\s+sie\s+sich|registriere|abonnez|inscrivez|suscríbete|suscribite|regístrate"
    r"|iscriviti|assine|inscreva|zapisz|schrijf\s+je|abonneer)\b"
    r".*\b(?:newsletters?|nieuwsbrief|boletín|infolettre|e-?mails?|postfach|posteingang|inbox)\b",
    re.IGNORECASE,
)
# "Already a subscriber? Log in", "Subscribe to continue reading": the paywall speaking.
_SUBSCRIBER = (
    r"subscri(?:ber|be|ption)s?|abonnent(?:en|in)?|abonnieren|abonné(?:e|s)?|abonnement"
    r"|suscriptor(?:es)?|suscr[ií]bete|suscripción|assinantes?|abbonat[oi]"
)
_ACCESS = (
    r"log\s*in|sign\s*in|einloggen|anmelden|continue\s+reading|keep\s+reading|weiterlesen"
    r"|full\s+(?:story|article)|unlimited\s+access|read\s+the\s+rest|seguir\s+leyendo"
    r"|lire\s+la\s+suite|se\s+connecter"
)
_PAYWALL = re.compile(
    rf"\b(?:{_SUBSCRIBER})\b.*\b(?:{_ACCESS})\b|\b(?:{_ACCESS})\b.*\b(?:{_SUBSCRIBER})\b",
    re.IGNORECASE,
)
_FOR_SUBSCRIBERS = re.compile(
    rf"^(?:this|dieser|diese|dieses|der|cet|ce|este|esta|questo|quest[ao])\s+"
    rf"(?:article|story|content|artikel|beitrag|inhalt|text|contenu|contenido|art[ií]culo"
    rf"|articolo|contenuto|conte[uú]do|artigo)\b"
    rf"(?=.{{0,60}}\b(?:only|nur|exclusiv\w*|réservée?|riservat[oa]|reservad[oa]|available"
    rf"|verfügbar|disponible|disponibile|dispon[ií]vel|solo|sólo|seulement|uniquement"
    rf"|apenas)\b).{{0,60}}\b(?:{_SUBSCRIBER}|abonn[ée]s?)\b",
    re.IGNORECASE | re.DOTALL,
)
"""The paywall naming the article: "Dieser Artikel ist nur für Abonnenten verfügbar", "Cet
article est réservé aux abonnés", "This story is for subscribers only"."""
# The same in Chinese, Japanese and Korean, written without spaces: a member or subscriber
# word and "the rest" or "the full text", said to the reader ("お読みいただけます", "请", "세요").
_CJK_SUBSCRIBER = r"会員|購読|ログイン|订阅|訂閱|会员|會員|登录|登入|付费|付費|구독|회원|로그인"
_CJK_ACCESS = r"続き|全文|继续阅读|繼續閱讀|전문|계속\s*읽|이어서"
_PAYWALL_CJK = re.compile(
    rf"(?:{_CJK_SUBSCRIBER}).*(?:{_CJK_ACCESS})|(?:{_CJK_ACCESS}).*(?:{_CJK_SUBSCRIBER})"
)
_FOR_SUBSCRIBERS_CJK = re.compile(
    r"^[\s　]*(?:この記事|本記事|本文|此文|该文|該文|这篇文章|這篇文章|이\s*기사)"
    r"(?=.{0,30}(?:会員|会员|會員|회원|購読|订阅|訂閱|구독|有料|付费|付費|유료))"
    r"(?=.{0,40}(?:限定|専用|专享|專享|仅限|僅限|전용|のみ))"
)
"""The paywall naming the article: "この記事は有料会員限定です", "本文为付费会员专享内容",
"이 기사는 유료회원 전용입니다"."""
_COPYRIGHT_CJK = re.compile(
    r"ⓒ|無断転載|无断转载|무단\s*(?:전재|복제|배포)|저작권자"
    r"|未[经經](?:授权|授權|许可|許可|允许|允許)[^。]{0,10}(?:转载|轉載|复制|複製|使用|摘编|摘編)"
    r"|版[权權]所有|禁止[转轉]载"
)
"""Copyright notices of Chinese, Japanese and Korean pages: "<저작권자 ⓒ 한빛일보, 무단 전재 및
재배포 금지>", "無断転載を禁じます", "未经授权禁止转载", "版权所有"."""
_CJK_TO_THE_READER = re.compile(r"ください|いただ|ご覧|请|請|您|세요|십시오|하십시")
_MAX_CJK_NOTICE_CHARS = 120
# "The views expressed … are the author's own", "Die Meinung des Autors …", "Les opinions
# exprimées … n'engagent que …", "الآراء الواردة … لا تعبر عن رأي …": a disclaimer under an
# opinion piece or above the comments. It names the author, comments or the publisher; a
# report of what someone's views "do not reflect" names none of them.
_DISCLAIMER = re.compile(
    r"^(?:the\s+)?(?:views?|opinions?)\s+(?:expressed|contained|stated|in\s+(?:this|these))"
    r"|^(?:die\s+)?(?:meinung|ansichten?)\s+(?:des|der)\s+(?:autor|verfasser|kommentator)"
    r"|^(?:les\s+)?opinions?\s+exprimées?|^(?:las\s+)?opiniones\s+(?:expresadas|vertidas)"
    r"|^(?:le\s+)?opinioni\s+espresse|^(?:as\s+)?opiniões\s+expressas"
    r"|^الآراء\s+(?:الواردة|المنشورة|المعبر)",
    re.IGNORECASE,
)
_DISCLAIMER_SUBJECT = re.compile(
    r"\b(?:authors?|writers?|contributors?|columnists?|comments?|commenters?"
    r"|editors?|editorial|publication|newspaper|website|site|autor(?:en|in|es)?|verfasser"
    r"|redaktion|auteurs?|rédaction|journal|redacción|periódico|autore|redazione"
    r"|this\s+(?:article|column|blog|post|site))\b|كتابها|أصحابها|الكاتب|موقع|رأي",
    re.IGNORECASE,
)
_MAX_DISCLAIMER_WORDS = 45
_EXTERNAL_LINKS = re.compile(
    r"\bnot\s+responsible\s+for\s+the\s+content\s+of\s+(?:external|third[- ]party|other)\s+"
    r"(?:internet\s+)?(?:sites|websites|links|pages)\b",
    re.IGNORECASE,
)
"""The site's disclaimer for the pages it links to ("The BBC is not responsible for the
content of external sites.")."""
_AGE_NOTE = re.compile(
    r"^this\s+(?:article|story|content|piece)\s+is\s+(?:more\s+than|over)\s+\S+\s+"
    r"(?:years?|months?|weeks?|days?)\s+old\W*$",
    re.IGNORECASE,
)
"""A note of the article's age ("This article is more than 2 years old")."""
_NEWSLETTER_SMALL_PRINT = re.compile(
    r"^privacy\s+notice\s*:\s*newsletters?\b|^after\s+newsletter\s+promotion\W*$",
    re.IGNORECASE,
)
"""What a newsletter box leaves behind: its privacy small print and the anchor after it."""
# "Cancel anytime", "Jederzeit kündbar": the pitch of a subscription offer.
_CANCEL_ANYTIME = re.compile(
    r"\bcancel\s+(?:at\s+)?any\s*time\b|\bcancela\s+cuando\s+quieras\b|\bjederzeit\s+kündbar\b"
    r"|\bjederzeit\s+kündigen\b|\brésiliable\s+à\s+tout\s+moment\b|\bcancele\s+quando\s+quiser\b"
    r"|\bdisdici\s+(?:quando\s+vuoi|in\s+qualsiasi\s+momento)\b|\bopzegbaar\b",
    re.IGNORECASE,
)
# "This post contains affiliate links", "Für Links auf dieser Seite erhält X eine Provision",
# "We may receive compensation …", "… advertisers do not influence our picks".
_AFFILIATE = re.compile(
    r"\baffiliate[- ]?links?\b|\b(?:partner|werbe|provisions|affiliate)-?links?\b"
    r"|\bamazon[- ]partner\b|\bqualifying\s+purchases\b|\bliens?\s+affiliés?\b"
    r"|\benlaces\s+de\s+afiliados?\b"
    r"|\blinks?\b.*\b(?:earn|earns|receive|receives|erhält|erhalten|verdienen?|bekommen)\b"
    r".{0,80}\b(?:commission|provision)\b"
    r"|\b(?:earn|earns|receive|receives|erhält|erhalten|verdienen?|bekommen)\b.{0,80}"
    r"\b(?:commission|provision)\b.*\blinks?\b"
    r"|\b(?:we|i)\s+may\s+(?:receive|earn|get|be\s+paid)\s+(?:a\s+)?(?:compensation|commission)"
    r"|\badvertisers\s+(?:do\s+not|don't)\s+influence\s+our\b",
    re.IGNORECASE,
)
# The placeholder a consent tool puts where an embed (video, map, post) would load.
_EMBED_PLACEHOLDER = re.compile(
    r"^(?:bitte\s+)?(?:click|tap|klicken|klicke|cliquez|haga\s+clic)(?![-\w])"
    r"(?=.*\b(?:content|inhalte?|contenu|contenido|video|map|karte)\b)"
    r"(?=.*\b(?:load|laden|charger|cargar|anzuzeigen|unlock|entsperren)\b)",
    re.IGNORECASE,
)

# "Аdvеrtіѕе wіth uѕ": Latin words spelled with look-alike Cyrillic letters, so that ad and
# spam filters do not read them. No language writes a word in two scripts.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_MIXED_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04ff])\w+\b")
_MIN_MIXED_WORDS = 3
_MIN_MIXED_SHARE = 0.2

COPYRIGHT_NOTICE = "a copyright notice"
"""Its reason: the clean stage reads an agency's notice for the text's origin."""
_MAX_SHARE_WORDS = 20
_MAX_PAYWALL_WORDS = 30
_MAX_NEWSLETTER_WORDS = 40
_MAX_BOILERPLATE_WORDS = 30
_MAX_COPYRIGHT_WORDS = 60


def find_prompts(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Find share prompts, newsletter prompts, ad labels, copyright and cookie notices."""
    findings: list[Finding] = []
    for i, cand in enumerate(candidates):
        if i in skip:
            continue
        verdict = classify_prompt(cand.text)
        if verdict:
            findings.append(Finding((i,), *verdict))
    return findings


def classify_prompt(text: str) -> tuple[RemovedKind, str] | None:
    """The kind of furniture a block is, with a reason; None for article text."""
    text = " ".join(text.split()).strip("*_ ")
    n = len(words(text))
    if n == 0:
        return None
    if n <= 8 and _AD.match(text):
        return RemovedKind.AD, "an advertisement label"
    if _disguised(text, n):
        return (
            RemovedKind.AD,
            "words spelled with look-alike letters of another script (disguised ad)",
        )
    if n <= _MAX_SHARE_WORDS and (
        _SHARE_LABEL.match(text)
        or _SHARE.match(text)
        or _SHARE_ELSEWHERE.match(text)
        or _SAVE_NOTICE.match(text)
    ):
        return RemovedKind.SHARE_PROMPT, "asks the reader to share or follow"
    if len(text) <= _MAX_CJK_PROMPT_CHARS and _SHARE_CJK.search(text):
        return RemovedKind.SHARE_PROMPT, "asks the reader to share or follow"
    if n <= _MAX_NEWSLETTER_WORDS and any(
        _NEWSLETTER.match(call) or _NEWSLETTER_ELSEWHERE.match(call) for call in _calls(text)
    ):
        return RemovedKind.NEWSLETTER_PROMPT, "asks the reader to sign up or subscribe"
    if (n <= _MAX_BUTTON_WORDS and _BARE_CALL.match(text)) or (
        n <= _MAX_THANKS_WORDS and any(map(_BARE_CALL.match, _SENTENCES.split(text)[1:]))
    ):
        return RemovedKind.NEWSLETTER_PROMPT, "a sign-up or sign-in button's label"
    if n <= _MAX_NEWS_PITCH_WORDS and _NEWS_PITCH.match(text):
        return RemovedKind.NEWSLETTER_PROMPT, "asks the reader to sign up or subscribe"
    if n <= _MAX_BUTTON_WORDS * 2 and _SUBSCRIPTION_PRICE.match(text):
        return RemovedKind.NEWSLETTER_PROMPT, "a subscription offer at a price"
    if n <= _MAX_MORE_COVERAGE_WORDS and _MORE_COVERAGE.match(text):
        return RemovedKind.RELATED_LINK, "points the reader to more coverage elsewhere"
    if (n <= _MAX_APP_PROMPT_WORDS and _APP_OR_ALERTS.match(text)) or (
        len(text) <= _MAX_CJK_PROMPT_CHARS and _APP_CJK.search(text)
    ):
        return RemovedKind.NEWSLETTER_PROMPT, "offers the site's app or its alerts"
    if n <= _MAX_NEWSLETTER_WORDS and (
        _SUPPORT_US_IMPERATIVE.match(text)
        or _SUPPORT_NEEDED.search(text)
        or (_SUPPORT_US.search(text) and addresses_the_reader(text))
    ):
        return RemovedKind.BOILERPLATE, "asks the reader to support or donate"
    if n <= _MAX_REPORT_ERROR_WORDS and _REPORT_ERROR.match(text):
        return RemovedKind.BOILERPLATE, "a link to report an error"
    if n <= _MAX_PRINT_EDITION_WORDS and _PRINT_EDITION.match(text):
        return RemovedKind.BOILERPLATE, "a note of where the article ran in print"
    if n <= _MAX_CALL_OUT_WORDS and _CALL_OUT.match(text):
        return RemovedKind.BOILERPLATE, "asks the reader for news tips, letters or experiences"
    if n <= _MAX_PAYWALL_WORDS and (
        (_PAYWALL.search(text) and addresses_the_reader(text)) or _FOR_SUBSCRIBERS.match(text)
    ):
        return RemovedKind.BOILERPLATE, "a paywall notice (subscribe or log in to read on)"
    if len(text) <= _MAX_CJK_NOTICE_CHARS and (
        (_PAYWALL_CJK.search(text) and _CJK_TO_THE_READER.search(text))
        or _FOR_SUBSCRIBERS_CJK.match(text)
    ):
        return RemovedKind.BOILERPLATE, "a paywall notice (subscribe or log in to read on)"
    if n <= _MAX_DISCLAIMER_WORDS and _DISCLAIMER.match(text) and _DISCLAIMER_SUBJECT.search(text):
        return RemovedKind.BOILERPLATE, "a disclaimer (the views are not the publisher's)"
    if n <= _MAX_DISCLAIMER_WORDS and _EXTERNAL_LINKS.search(text):
        return RemovedKind.BOILERPLATE, "a disclaimer for the pages the site links to"
    if n <= _MAX_BOILERPLATE_WORDS and _AGE_NOTE.match(text):
        return RemovedKind.BOILERPLATE, "a note of the article's age"
    if n <= _MAX_NEWSLETTER_WORDS and _NEWSLETTER_SMALL_PRINT.match(text):
        return RemovedKind.NEWSLETTER_PROMPT, "what a newsletter box leaves behind"
    if n <= _MAX_PAYWALL_WORDS and _CANCEL_ANYTIME.search(text):
        return RemovedKind.NEWSLETTER_PROMPT, "a subscription offer (cancel any time)"
    if n <= _MAX_NEWSLETTER_WORDS and _AFFILIATE.search(text):
        return RemovedKind.BOILERPLATE, "an affiliate-link disclosure"
    if n <= _MAX_NEWSLETTER_WORDS and _EMBED_PLACEHOLDER.search(text):
        return RemovedKind.BOILERPLATE, "a placeholder for embedded content"
    if n <= _MAX_CLICK_THROUGH_WORDS and _CLICK_THROUGH.match(text):
        return RemovedKind.RELATED_LINK, 'a link out ("Click here to …")'
    if n <= _MAX_BOILERPLATE_WORDS and _TYPO_NOTICE.search(text):
        return RemovedKind.BOILERPLATE, "a notice to report a typo"
    if n <= _MAX_BOILERPLATE_WORDS and _COOKIES.match(text):
        return RemovedKind.BOILERPLATE, "a cookie notice"
    if n <= _MAX_BOILERPLATE_WORDS and _STANDARDS.match(text):
        return RemovedKind.BOILERPLATE, "a statement of the publisher's editorial standards"
    if (
        (n <= _MAX_BOILERPLATE_WORDS and _COPYRIGHT.fullmatch(text))
        or (n <= _MAX_COPYRIGHT_WORDS and _COPYRIGHT_OPENING.match(text))
        or (len(text) <= _MAX_CJK_NOTICE_CHARS and _COPYRIGHT_CJK.search(text))
    ):
        return RemovedKind.BOILERPLATE, COPYRIGHT_NOTICE
    return None


def _calls(text: str) -> list[str]:
    """Where a call to action may start: the block, and in an editor's bracketed insert
    its words, and those after a lead-in's colon too ("[What you need to know to start the
    day: Get New York Today in your inbox.]")."""
    if not (text.startswith("[") and text.endswith("]")):
        return [text]
    inside = text[1:-1].strip()
    _lead, colon, call = inside.partition(": ")
    return [text, inside, call] if colon else [text, inside]


def _disguised(text: str, n: int) -> bool:
    """Whether many of the block's words mix Latin and Cyrillic letters."""
    if not (_CYRILLIC.search(text) and _LATIN.search(text)):
        return False
    mixed = len(_MIXED_WORD.findall(text))
    return mixed >= _MIN_MIXED_WORDS and mixed >= _MIN_MIXED_SHARE * n
