"""Errors Retina reports to users: each carries a one-line, human-readable message."""


class RetinaError(Exception):
    """Base class: the CLI prints `str(error)` on one line and exits non-zero.

    The message is kept on one line whatever it quotes: libraries' messages (lxml's
    parser errors) carry line breaks, and hostile input can put them in a quoted value."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


class InputError(RetinaError):
    """The input cannot be turned into an article (empty, binary, too large, corrupt...)."""


class NotAnArticle(InputError):
    """The input is a page, but no article: a listing page (a front, section or tag page)
    of teasers of other articles. A batch skips it rather than counting it a failure."""


class FetchError(RetinaError):
    """A URL could not be fetched (network error, HTTP error, size limit)."""


class StoreError(RetinaError):
    """The article database cannot be opened, read or written (corrupt, locked, too new...)."""
