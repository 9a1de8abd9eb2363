"""The sample web's user-facing error."""

from __future__ import annotations

from retina.errors import RetinaError


class SampleWebError(RetinaError):
    """Bad generator arguments, an unusable output folder, or a refused server address."""
