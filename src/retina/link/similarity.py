"""The duplicate decision for a candidate pair, from their shingle sets.

Copies of an article are edited: a new headline (not part of the text compared), a
trimmed intro, a dropped last paragraph, added boilerplate. The shorter text is then
still almost wholly contained in the longer one, while two articles written separately
about the same story share at most about two thirds of their five-word shingles
(measured on the sample web, see docs/duplicates.md). So the decision is containment of
the smaller set, with a Jaccard floor so that a short brief is not the duplicate of a
long feature that quotes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_CONTAINMENT = 0.8
MIN_JACCARD = 0.45
MIN_SHINGLES = 8
"""Texts with fewer shingles (about a dozen words) are matched only exactly."""


@dataclass(frozen=True, slots=True)
class Resemblance:
    """How much two texts overlap, as shingle sets."""

    jaccard: float
    containment: float


def resemblance(a: np.ndarray, b: np.ndarray) -> Resemblance:
    """Jaccard similarity and containment of the smaller of two sorted unique hash arrays."""
    if a.size == 0 or b.size == 0:
        return Resemblance(0.0, 0.0)
    common = np.intersect1d(a, b, assume_unique=True).size
    return Resemblance(common / (a.size + b.size - common), common / min(a.size, b.size))


def is_duplicate(r: Resemblance) -> bool:
    """Whether a pair with this resemblance is one article (copies, re-posts)."""
    return r.containment >= MIN_CONTAINMENT and r.jaccard >= MIN_JACCARD


def estimated_containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Containment implied by an estimated Jaccard similarity and the two set sizes."""
    if min(size_a, size_b) == 0:
        return 0.0
    common = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, common / min(size_a, size_b))
