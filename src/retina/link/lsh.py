"""Locality-sensitive hashing: band keys under which similar signatures collide.

The signature is cut into `BANDS` bands of `ROWS` values; two articles become candidates
when any band is identical. With 32 bands of 4 rows, a pair with Jaccard similarity 0.5
collides with probability 0.87, 0.6 with 0.99 and 0.7 with 0.9998, while unrelated
articles (similarity below 0.1) almost never do. Candidates are then verified
(`retina.link.similarity`), so LSH only has to find them.

A band's key is 32 bits: the index keeps one sorted array per band, so two unrelated
articles share a key by chance with probability 2**-32 per band (about 0.8 % of queries
meet one such false candidate among a million articles, which the signature check drops),
and a key costs half the memory of a 64-bit one.
"""

from __future__ import annotations

import numpy as np

from retina.link.minhash import PERMUTATIONS

BANDS = 32
ROWS = PERMUTATIONS // BANDS

_rng = np.random.default_rng(7)
_ROW_MIX = _rng.integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)
_BAND_SALT = _rng.integers(0, 2**63, size=BANDS, dtype=np.uint64)


def band_keys(signatures: np.ndarray) -> np.ndarray:
    """The `BANDS` uint32 keys of a signature, or of each row of a (n, PERMUTATIONS)
    array of signatures; the band number is mixed in."""
    bands = signatures.astype(np.uint64).reshape(*signatures.shape[:-1], BANDS, ROWS)
    keys = (bands * _ROW_MIX).sum(axis=-1, dtype=np.uint64) ^ _BAND_SALT
    keys = keys * np.uint64(0xFF51AFD7ED558CCD)
    # The high half of the multiply is the best mixed.
    return ((keys ^ (keys >> np.uint64(29))) >> np.uint64(32)).astype(np.uint32)
