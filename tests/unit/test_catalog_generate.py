"""The benchmark's synthetic lists import exactly, and large ones import fast enough."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from papershelf.catalog.markdown_list import parse_list

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", BENCHMARKS / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _load()


@pytest.mark.parametrize("count", [1, 57, 800])
def test_tagged_lists_import_every_entry(count: int) -> None:
    text = generate.generate_family_a(count, 3)
    parsed = parse_list(text, source="a.md")
    assert parsed.entries == len(parsed.papers) == count
    assert parsed.skipped == ()
    assert all(p.topics and p.authors and p.links[0].kind == "pdf" for p in parsed.papers)
    assert {p.venue.casefold() for p in parsed.papers} <= {"asplos 2025", "osdi 2024", "mlsys 2025"}
    assert len({p.venue for p in parsed.papers}) == len(parsed.venues) <= 3


@pytest.mark.parametrize("count", [1, 57, 800])
def test_sectioned_lists_import_every_entry(count: int) -> None:
    text = generate.generate_family_b(count, 3)
    parsed = parse_list(text, source="b.md")
    assert parsed.entries == len(parsed.papers) == count
    assert parsed.skipped == ()
    assert all(p.topics and p.links[0].kind == "paper" for p in parsed.papers)
    (venue,) = parsed.venues
    assert (venue.label, venue.acceptance_rate) == ("MLSys 2025", "22.5% (61 / 271)")


def test_generation_is_deterministic() -> None:
    assert generate.generate_family_a(200, 1) == generate.generate_family_a(200, 1)
    assert generate.generate_family_b(200, 1) == generate.generate_family_b(200, 1)
    assert generate.generate_family_a(200, 1) != generate.generate_family_a(200, 2)


def test_withdrawn_entries_appear(tmp_path: Path) -> None:
    out = tmp_path / "a.md"
    assert generate.main(["--family", "a", "--count", "1000", "--seed", "5", "-o", str(out)]) == 0
    parsed = parse_list(out.read_text(encoding="utf-8"), source="a.md")
    assert 0 < sum(p.withdrawn for p in parsed.papers) < 50


@pytest.mark.slow
@pytest.mark.parametrize("family", ["a", "b"])
def test_ten_thousand_entries_are_all_read(family: str) -> None:
    """The 4 s target is measured by ``benchmarks/bench_import.py``, beside markdown-it's own
    parse of the same text: a wall-clock limit here failed on slow or busy machines."""
    make = generate.generate_family_a if family == "a" else generate.generate_family_b
    parsed = parse_list(make(10_000, 1), source=f"{family}.md")
    assert parsed.entries == 10_000
    assert not parsed.skipped
