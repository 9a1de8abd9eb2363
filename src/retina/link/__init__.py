"""Link stage: which stored articles are the same article, and where each copy came from.

Pure functions over the model types: URL identity (`urls`), content fingerprints
(`shingles`, `minhash`, `lsh`, `fingerprint`), the duplicate decision (`similarity`) and
the origin of a group of copies (`origin`). `retina.store.links` keeps the index in the
database and calls these when an article is stored.
"""

from retina.link.fingerprint import Fingerprint, fingerprint
from retina.link.origin import Decision, Posting, decide
from retina.link.similarity import Resemblance, is_duplicate, resemblance
from retina.link.urls import url_identity

__all__ = [
    "Decision",
    "Fingerprint",
    "Posting",
    "Resemblance",
    "decide",
    "fingerprint",
    "is_duplicate",
    "resemblance",
    "url_identity",
]
