"""Words that name a news site's sections ("World", "Politics", "Tech"): read in an
attribution line ("Source: World – The Spectator Australia") and in a title's breadcrumb
("Harbour vote passes | Politics | Coastal Ledger")."""

from __future__ import annotations

from retina.clean.tokens import words

SECTION_WORDS = frozenset(
    [
        "world",
        "news",
        "politics",
        "business",
        "economy",
        "economics",
        "finance",
        "markets",
        "money",
        "tech",
        "technology",
        "science",
        "health",
        "sport",
        "sports",
        "culture",
        "arts",
        "entertainment",
        "opinion",
        "comment",
        "lifestyle",
        "travel",
        "environment",
        "climate",
        "education",
        "uk",
        "us",
        "europe",
        "asia",
        "africa",
        "americas",
        "australia",
        "local",
        "national",
        "international",
        "media",
        "style",
        "food",
        "books",
        "music",
        "film",
        "tv",
        "society",
        "life",
        "features",
        "analysis",
    ]
)


def is_section_name(part: str) -> bool:
    """One to three words, each a section word ("World", "Local News", "US Politics")."""
    tokens = words(part)
    return 0 < len(tokens) <= 3 and all(t in SECTION_WORDS for t in tokens)
