"""Shared fixtures: the ../shared material (skipped with a reason when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared is not beside the project ({path} missing)")
    return path


@pytest.fixture
def seed_bytes() -> bytes:
    return shared_path("seed", "000_db7903cc2ab08068.txt").read_bytes()
