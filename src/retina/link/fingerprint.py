"""What the link stage keeps of an article to find its copies later."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from retina.link.lsh import band_keys
from retina.link.minhash import signature
from retina.link.shingles import shingle_hashes
from retina.link.similarity import MIN_SHINGLES
from retina.link.urls import url_identity
from retina.model import Article


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's URL identities, shingle hashes, MinHash signature and LSH band keys.

    `bands` is empty for texts too short to match approximately.
    """

    url_key: str | None
    canonical_key: str | None
    hashes: np.ndarray
    signature: np.ndarray
    bands: np.ndarray

    @property
    def shingles(self) -> int:
        return int(self.hashes.size)


def fingerprint(article: Article, *, key: str | None = None) -> Fingerprint:
    """The fingerprint of `article`; `key` is the store's identity for it (a URL or file URI)."""
    hashes = shingle_hashes(article.text)
    sig = signature(hashes)
    bands = band_keys(sig) if hashes.size >= MIN_SHINGLES else np.empty(0, dtype=np.uint32)
    url_key = url_identity(article.url) or url_identity(key)
    return Fingerprint(
        url_key=url_key,
        canonical_key=url_identity(article.canonical_url),
        hashes=hashes,
        signature=sig,
        bands=bands,
    )


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The share of signature positions where two signatures agree."""
    return float(np.count_nonzero(a == b)) / a.size
