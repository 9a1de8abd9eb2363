"""Errors Retina reports to users: each carries a one-line, human-readable message."""


class RetinaError(Exception):
    """Base class: the CLI prints `str(error)` on one line and exits non-zero."""


class InputError(RetinaError):
    """The input cannot be turned into an article (empty, binary, too large, corrupt...)."""


class FetchError(RetinaError):
    """A URL could not be fetched (network error, HTTP error, size limit)."""


class StoreError(RetinaError):
    """The article database cannot be opened, read or written (corrupt, locked, too new...)."""
