"""A sectioned list reads the same whether or not its entries' shown years are worked out.

``reading_choice`` skips them when every paper without a venue of its own gets a named one
(the title's or ``--venue``'s): that must never change what an import gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.catalog import family_b
from papershelf.catalog.blocks import Block
from papershelf.catalog.entry import Found
from papershelf.catalog.markdown_list import parse_list
from papershelf.domain.models import ParsedList

_BODY = """
## Papers

### Serving

* LLM Inference
  * Alpha: Serving Models Fast (2023) \\[[Paper](https://example.org/a)] \\[[arXiv](https://arxiv.org/abs/2301.00001)]
    * CMU & MIT
  * Beta: Training Cheaply \\[[arXiv](https://arxiv.org/abs/2105.01234)] 2021
  * Alpha: Serving Models Fast \\[[Code](https://github.com/x/alpha)]

### OSDI 2024

* Gamma: A Venue Heading's Paper \\[[Paper](https://example.org/g)] (2019)
"""
_TITLES = ("# MLSys 2025\n", "# 2025\n", "# Reading list\n", "# MLSys\n", "")
_VENUES = (None, "OSDI 2024", "OSDI", "2024", " ")


_ASKED: list[bool] = []


def _always_years(blocks: list[Block], *, venue_known: bool, years: bool = True) -> Found:
    _ASKED.append(years)
    return _parse_b(blocks, venue_known=venue_known)


_parse_b = family_b.parse


def _both(text: str, venue: str | None, monkeypatch: pytest.MonkeyPatch) -> list[ParsedList]:
    quick = parse_list(text, source="s.md", venue=venue)
    with monkeypatch.context() as m:
        m.setattr(family_b, "parse", _always_years)  # as reading_choice calls it
        _ASKED.clear()
        full = parse_list(text, source="s.md", venue=venue)
        assert _ASKED  # the reading compared is the one with every year read
    return [quick, full]


@pytest.mark.parametrize("title", _TITLES)
@pytest.mark.parametrize("venue", _VENUES)
def test_the_years_left_unread_are_never_asked(
    title: str, venue: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick, full = _both(title + _BODY, venue, monkeypatch)
    assert quick == full and len(full.papers) == 3


def test_the_seed_list_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    seed = Path(__file__).resolve().parents[2] / "seeds" / "mlsys-2025.md"
    text = seed.read_text(encoding="utf-8")
    for venue in (None, "MLSys 2025", "Other"):
        quick, full = _both(text, venue, monkeypatch)
        assert quick == full and quick.papers


def test_without_years_an_entry_shows_none() -> None:
    """The switch does what it says (else the tests above compare a reading with itself)."""
    from papershelf.catalog.blocks import parse_blocks
    from papershelf.catalog.candidates import parse_markdown

    text = "# Reading list\n" + _BODY
    blocks = parse_blocks(text, parse_markdown(text).tokens)
    read = family_b.parse(blocks, venue_known=False)
    unread = family_b.parse(blocks, venue_known=False, years=False)
    assert [e.year for e in read.entries if e.venue is None] == [2023, 2021, None]
    assert all(e.year is None for e in unread.entries)
    assert [e.title for e in read.entries] == [e.title for e in unread.entries]
