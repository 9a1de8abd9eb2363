"""Calls to action and page furniture inside the text: share and follow prompts,
newsletter sign-ups, advertisement labels, copyright, cookie and editorial-standards
notices.

Each is recognised by shape, not by exact wording: a short block that *starts* with
an imperative (share, follow, sign up, subscribe...) and names its target (a social
network, a newsletter, an inbox). Running prose that mentions these words is longer
or does not start with the imperative, and stays.
"""

from __future__ import annotations

import re

from retina.clean.candidate import Candidate, Finding
from retina.clean.tokens import words
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
_SHARE_LABEL = re.compile(
    r"^(?:share|share\s+this|share\s+on|tweet|email|print|copy\s+link|opens\s+in\s+new\s+window"
    r"|(?:facebook|twitter|whatsapp|linkedin|reddit|email|telegram)(?:\s*[|·,/]\s*|\s+)?)+$",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"^(?:sign\s*up|signup|subscribe|get|join|register|receive|enter\s+your\s+e-?mail|"
    r"(?:don't|do\s+not|never)\s+miss|want|stay\s+(?:informed|updated|up\s+to\s+date)|"
    r"like\s+this\s+(?:article|story)|enjoying\s+this)\b"
    r".*\b(?:newsletters?|inbox|e-?mails?|alerts?|briefings?|digest|bulletins?|"
    r"notifications|subscribe|subscription)\b",
    re.IGNORECASE,
)
_AD_LABEL = (
    r"(?:advertisement|advertising|advert|ad|sponsored(?:\s+content)?|paid\s+content|"
    r"promoted|partner\s+content|"
    r"(?:the\s+)?(?:story|article|content)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?"
    r"(?:advertisement|ad|advert))?|continue\s+reading\s+(?:below|the\s+main\s+story)|"
    r"scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content|\s+reading)?)"
)
# one label, or several run together ("Advertisement - Scroll to continue")
_AD = re.compile(rf"^{_AD_LABEL}(?:[\s.:…|–—-]+{_AD_LABEL})*[\s.:…-]*$", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4}).*|.*\ball\s+rights\s+reserved\b.*",
    re.IGNORECASE,
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

_MAX_SHARE_WORDS = 20
_MAX_NEWSLETTER_WORDS = 40
_MAX_BOILERPLATE_WORDS = 30


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
    if n <= _MAX_SHARE_WORDS and (_SHARE_LABEL.match(text) or _SHARE.match(text)):
        return RemovedKind.SHARE_PROMPT, "asks the reader to share or follow"
    if n <= _MAX_NEWSLETTER_WORDS and _NEWSLETTER.match(text):
        return RemovedKind.NEWSLETTER_PROMPT, "asks the reader to sign up or subscribe"
    if n <= _MAX_BOILERPLATE_WORDS and _COOKIES.match(text):
        return RemovedKind.BOILERPLATE, "a cookie notice"
    if n <= _MAX_BOILERPLATE_WORDS and _STANDARDS.match(text):
        return RemovedKind.BOILERPLATE, "a statement of the publisher's editorial standards"
    if n <= _MAX_BOILERPLATE_WORDS and _COPYRIGHT.fullmatch(text):
        return RemovedKind.BOILERPLATE, "a copyright notice"
    return None
