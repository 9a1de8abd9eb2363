"""Builders for small test articles, and a loader for the scripts outside the package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]

BODY = [
    "The city council of Marlow voted on Tuesday to expand the harbour, ending a debate that "
    "had divided residents for more than two years and delayed investment in the port.",
    "Supporters of the plan said the expansion would bring hundreds of jobs to the town, while "
    "opponents warned that dredging would damage the estuary and its fragile bird colonies.",
    "The harbour authority expects construction to begin next spring, with the first new berths "
    "open to cargo ships by the end of the following year if funding arrives on time.",
    "Environmental groups said they would challenge the decision in court, arguing that the "
    "council had ignored the findings of its own independent impact assessment.",
]


def dump(
    *body: str,
    title: str = "Marlow council approves harbour expansion",
    site: str = "Coastal Ledger",
) -> str:
    """A plain-text dump in the seed's layout: title, site line, blank-line paragraphs."""
    return "\n\n".join([title, site, *body]) + "\n"


def with_injection(line: str, at: int = 2) -> str:
    """The standard body with `line` inserted as its own paragraph before paragraph `at`."""
    body = list(BODY)
    body.insert(at, line)
    return dump(*body)


def load_script(relative: str, name: str) -> ModuleType:
    """Import a script of the project's that is not in the package (benchmarks/, fuzz/)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
