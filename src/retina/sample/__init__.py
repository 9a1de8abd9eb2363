"""The sample news web: realistic, messy, invented news with known right answers.

`generate(folder, seed=..., outlets=..., articles=...)` writes outlets' article pages
(HTML in six template families, plus an aggregator's plain-text dumps), front and
section pages, RSS/Atom/JSON feeds, news sitemaps, robots.txt, optional hostile pages,
and the ground truth (`truth.jsonl`, `outlets.json`, `manifest.json`).
`iter_articles(...)` yields the same article pages in memory. `serve(folder)` serves a
generated folder over HTTP on loopback. See docs/sample-web.md.
"""

from __future__ import annotations

from retina.sample.errors import SampleWebError
from retina.sample.hostile import HostileOptions
from retina.sample.server import Behaviour, RequestRecord, SampleServer, serve
from retina.sample.site import DEFAULT_BASE_URL, SamplePage, Summary, generate, iter_articles
from retina.sample.truth import read_truth

__all__ = [
    "DEFAULT_BASE_URL",
    "Behaviour",
    "HostileOptions",
    "RequestRecord",
    "SamplePage",
    "SampleServer",
    "SampleWebError",
    "Summary",
    "generate",
    "iter_articles",
    "read_truth",
    "serve",
]
