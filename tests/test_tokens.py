"""Words as the junk detectors count them: combining marks belong to their word."""

from __future__ import annotations

import pytest

from retina.clean.tokens import words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("यह भी पढ़ें: दिल्ली में बारिश", ["यह", "भी", "पढ़ें", "दिल्ली", "में", "बारिश"]),
        ("ข่าว ภาษาไทย", ["ข่าว", "ภาษาไทย"]),
        ("اقرأ أيضاً", ["اقرأ", "أيضاً"]),
        ("Don’t stop, naïve café", ["don't", "stop", "naïve", "café"]),
        ("cafe\u0301 owners", ["café", "owners"]),  # a combining accent, composed by NFKC
    ],
)
def test_words_keep_their_combining_marks(text: str, expected: list[str]) -> None:
    """Python's `\\w` leaves combining marks out: Hindi's "पढ़ें" (read) came out "पढ",
    and every Thai, Bengali or Tamil word in pieces."""
    assert words(text) == expected
