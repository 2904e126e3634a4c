"""Importing stays linear in every shape: counted work (function calls), never wall-clock time.

Doubling a list must roughly double the work. Python function calls counted by cProfile are
deterministic, so this holds on a loaded machine; timings live in ``benchmarks/``.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest

from papershelf.catalog.markdown_list import parse_list
from tests.unit.test_catalog_shapes_property import SHAPES, VENUES, Paper


def _papers(n: int) -> list[Paper]:
    return [
        (f"Study number {i} of distributed things", VENUES[i % len(VENUES)], 2000 + i % 30)
        for i in range(n)
    ]


def _calls(shape: str, n: int) -> int:
    text = "# A reading list\n\n" + SHAPES[shape](_papers(n), n % 4)
    profile = cProfile.Profile()
    profile.enable()
    parsed = parse_list(text, source="big.md")
    profile.disable()
    assert len(parsed.papers) == n
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_doubling_a_list_doubles_the_work(shape: str) -> None:
    small, large = _calls(shape, 300), _calls(shape, 600)
    assert large <= 2.2 * small, (small, large)


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_ten_thousand_entries_stay_linear(shape: str) -> None:
    small, large = _calls(shape, 5_000), _calls(shape, 10_000)
    assert large <= 2.2 * small, (small, large)


def test_many_bare_headings_keep_a_bounded_memory() -> None:
    """Headings with nothing under them are remembered for a shared Source line, a few only.

    Remembering all of them made every further heading copy the whole list (quadratic);
    copies are not function calls, so this is checked on the reader's state.
    """
    from papershelf.catalog import engine
    from papershelf.catalog.candidates import read_document
    from papershelf.catalog.entries import read
    from papershelf.catalog.entry import Found

    text = "# L\n\n" + "".join(f"### Bare heading number {i} here\n\n" for i in range(500))
    walker = engine._Walker(Found(), None, read, lambda: False)
    for candidate in read_document(text).candidates:
        walker.visit(candidate)
    assert 0 < len(walker.bare) <= engine._MAX_SHARED + 1
    text += "### Last Paper Title Here\n* **Source:** OSDI'20\n"
    assert [p.title for p in parse_list(text, source="x.md").papers] == ["Last Paper Title Here"]
