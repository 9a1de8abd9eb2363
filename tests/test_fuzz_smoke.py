"""A short run of the fuzzer (fuzz/fuzz.py; `make fuzz` runs it for ten minutes)."""

from __future__ import annotations

import pytest

from helpers import load_script

fuzzer = load_script("fuzz/fuzz.py", "retina_fuzz")


@pytest.mark.parametrize(
    ("target", "cases"), [("clean", 60), ("feeds", 60), ("opml", 300), ("web", 200)]
)
def test_mutated_hostile_input_gets_a_result_or_a_one_line_error(target: str, cases: int) -> None:
    findings = fuzzer.fuzz(
        [target], seconds=120, seed=7, slow=10, max_cases=cases, shared=False, record=False
    )
    assert [f"{case.seed} after {case.mutations}: {problem}" for case, problem in findings] == []


def test_the_oracle_catches_what_it_should() -> None:
    """A crash, a multi-line message and a hang are each a finding; a one-line error is not."""
    from retina.errors import InputError

    case = fuzzer.Case("clean", "hand-made", data=b"x")

    def crash(_case: object) -> None:
        raise KeyError("boom")

    def refuse(_case: object) -> None:
        raise InputError("input is empty")

    def hang(_case: object) -> None:
        while True:
            pass

    assert "KeyError" in fuzzer.check(crash, case, slow=1)
    assert fuzzer.check(refuse, case, slow=1) is None
    assert fuzzer.check(hang, case, slow=0.1).startswith("hung")


def test_mutations_are_reproducible() -> None:
    pool = [("a", b"<html><body><p>One two three.</p></body></html>"), ("b", b"<p>x</p>")]

    def first_cases(seed: int) -> list[bytes]:
        stream = fuzzer.cases("clean", fuzzer.random.Random(seed), pool)
        return [next(stream).data for _ in range(20)]

    assert first_cases(3) == first_cases(3) != first_cases(4)
    assert len(set(first_cases(3))) > 10
