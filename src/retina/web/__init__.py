"""Web stage: a small site and JSON API over the article store (`create_app`)."""

from retina.web.app import create_app

__all__ = ["create_app"]
