"""The seed readings stop once they cannot be kept, and the reading kept stays the same.

``reading_choice`` reads a list with the general reader first when no tagged entry opens it;
the tagged and sectioned readings then stop early (``seed_room``). Whichever order it takes,
every list must come out the same: checked on every real list at hand and on generated
lists mixing every shape, seed shapes and non-papers among them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.catalog import family_a, family_b, reading_choice
from papershelf.catalog.blocks import parse_blocks
from papershelf.catalog.candidates import parse_markdown
from papershelf.catalog.entry import Found
from papershelf.catalog.seed_room import Need
from tests.unit.lists_at_hand import lists_at_hand
from tests.unit.test_catalog_shapes_property import SHAPES, VENUES

LISTS = lists_at_hand()


def _reading(
    text: str, *, general_first: bool, monkeypatch: pytest.MonkeyPatch, venue_known: bool = False
) -> object:
    """``read_list_of``'s answer with the order forced, as plain values."""
    monkeypatch.setattr(reading_choice, "_general_first", lambda blocks: general_first)
    parsed = parse_markdown(text)
    blocks = parse_blocks(text, parsed.tokens)
    found, general = reading_choice.read_list_of(blocks, text, parsed, venue_known=venue_known)
    return (repr(found.entries), found.skipped, found.first_line, general)


def _both_orders(text: str, venue_known: bool = False) -> tuple[object, object]:
    with pytest.MonkeyPatch.context() as patch:
        first = _reading(text, general_first=True, monkeypatch=patch, venue_known=venue_known)
        last = _reading(text, general_first=False, monkeypatch=patch, venue_known=venue_known)
    return first, last


def test_the_real_lists_are_there() -> None:
    assert len(LISTS) >= 40, LISTS


@pytest.mark.parametrize("venue_known", [False, True])
@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
def test_either_order_reads_a_real_list_the_same(path: Path, venue_known: bool) -> None:
    """Also with a title naming the venue, as a seed list's (``# MLSys 2025``)."""
    first, last = _both_orders(path.read_text(encoding="utf-8"), venue_known)
    assert first == last


_NOISE = [
    "- [Contents](#contents)\n",
    "- Some prose about the list, no link.\n",
    "Prose paragraph with a [link](https://example.org/x).\n\n",
    "- **Category**\n  - [Nested paper title here](https://papers.example.org/n.pdf)\n",
    "- [tool-name](https://github.com/someone/tool) - a tool\n",
    "## A section\n\n",
    "### OSDI 2024\n\n",
    "| Title | Venue |\n|---|---|\n| A tabled paper title | OSDI'24 |\n\n",
    "- [An unparsed link's title here] (https://x.org/p/u.pdf), OSDI 2020.\n",
]


@st.composite
def mixed_lists(draw: st.DrawFn) -> str:
    parts = ["# A reading list\n\n"]
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        shape = draw(st.sampled_from(sorted(SHAPES)))
        count = draw(st.integers(min_value=1, max_value=30))
        start = draw(st.integers(min_value=0, max_value=10_000))
        papers = [
            (f"Study {start + i} of shared things", VENUES[i % len(VENUES)], 2000 + i % 30)
            for i in range(count)
        ]
        parts.append(SHAPES[shape](papers, draw(st.integers(min_value=0, max_value=3))))
        parts.extend(draw(st.lists(st.sampled_from(_NOISE), max_size=4)))
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(mixed_lists())
def test_either_order_reads_a_mixed_list_the_same(text: str) -> None:
    first, last = _both_orders(text)
    assert first == last


def _blocks(shape: str, count: int) -> list[object]:
    papers = [(f"Study number {i} of things", VENUES[i % 9], 2000 + i % 30) for i in range(count)]
    text = "# A reading list\n\n" + SHAPES[shape](papers, 0)
    return parse_blocks(text, parse_markdown(text).tokens)  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("shape", "sectioned_stops"),
    [("bold tags", False), ("heading per paper", True), ("citations", True)],
)
def test_a_seed_reading_that_cannot_be_kept_reads_little(
    shape: str, sectioned_stops: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against the general reader's 400 papers, the seed readings give up early.

    The sectioned reading of bold tags skips every bullet ("without a title"): it accounts
    for the whole list, so were any bullet below an entry it could be kept; it reads on.
    """
    blocks = _blocks(shape, 400)
    calls = {"a": 0, "b": 0}
    entry, paper = family_a.entry, family_b._paper

    def count_entry(*args: object, **kwargs: object) -> object:
        calls["a"] += 1
        return entry(*args, **kwargs)  # type: ignore[arg-type]

    def count_paper(*args: object, **kwargs: object) -> object:
        calls["b"] += 1
        return paper(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(family_a, "entry", count_entry)
    monkeypatch.setattr(family_b, "_paper", count_paper)
    whole = (family_a.parse(blocks), family_b.parse(blocks, venue_known=False))  # type: ignore[arg-type]
    read_whole = dict(calls)
    calls.update(a=0, b=0)
    need = Need(400, coverable=True)
    short = (
        family_a.parse(blocks, need=need),  # type: ignore[arg-type]
        family_b.parse(blocks, venue_known=False, need=need),  # type: ignore[arg-type]
    )
    assert all(isinstance(found, Found) and len(found.entries) < 400 for found in whole)
    assert short[0] is None
    assert read_whole["a"] >= 400
    # The tagged reading stops before it has read half the bullets that could hold a paper.
    assert calls["a"] <= read_whole["a"] // 2 + 1
    if sectioned_stops:
        assert short[1] is None
        assert calls["b"] <= read_whole["b"] // 2 + 1
    else:
        assert short[1] is not None and calls["b"] == read_whole["b"] == 400


def test_a_reading_that_covers_the_list_is_read_whole() -> None:
    """Fewer entries than the general reader's, but every bullet accounted for: kept whole."""
    text = "# OSDI 2024\n\n" + "".join(
        f"- [OSDI'24] [Tagged paper number {i}](https://p.example.org/{i}.pdf)\n" for i in range(3)
    )
    blocks = parse_blocks(text, parse_markdown(text).tokens)
    found = family_a.parse(blocks, need=Need(10, coverable=True))
    assert found is not None and len(found.entries) == 3
    assert family_a.parse(blocks, need=Need(10, coverable=False)) is None


def test_a_covering_tagged_list_below_paper_headings_is_kept_in_either_order() -> None:
    """Headings are no bullets: a tagged reading of the bullets alone covers the list.

    Thirty papers as headings open the list (so the general reader reads first and finds
    more papers), then five tagged bullets each naming its venue: the tagged reading is kept.
    """
    papers = [(f"Heading paper {i} on things", "OSDI", 2020) for i in range(30)]
    tagged = [(f"Tagged paper {i} on things", "NSDI", 2021) for i in range(5)]
    text = (
        "# A reading list\n\n"
        + SHAPES["heading per paper"](papers, 0).replace("* **", "**")
        + SHAPES["tag bullets"](tagged, 0)
    )
    first, last = _both_orders(text)
    assert first == last
    assert "Tagged paper 4 on things" in str(first) and "Heading paper" not in str(first)


def _unparsed_links(count: int, start: int = 0) -> str:
    return "".join(
        f"- [A study of thing number {k} in systems] (https://example.org/papers/p{k}.pdf), "
        "NeurIPS 2020.\n"
        for k in range(start, start + count)
    )


@pytest.mark.parametrize(
    "text",
    [
        "- Deep Residual Learning for Image Recognition (CVPR 2016)\n" + _unparsed_links(3),
        "- Deep Residual Learning for Image Recognition (CVPR 2016)\n"
        + _unparsed_links(3).replace("] (", "&#93;("),
    ],
    ids=["space", "entity"],
)
def test_a_title_read_from_the_text_counts_as_room(text: str) -> None:
    """``[Title] (url)`` and ``[Title&#93;(url)`` are tagged entries without a link token."""
    first, last = _both_orders(text)
    assert first == last


def test_unparsed_links_after_plain_bullets_are_kept_in_the_list_s_own_order() -> None:
    """The general reader reads first (no tagged entry opens the list) and finds fewer."""
    text = "".join(
        f"- Deep Residual Learning number {k} for Image Recognition (CVPR 2016)\n\n## S{k}\n\n"
        for k in range(40)
    )
    text += _unparsed_links(60)
    parsed = parse_markdown(text)
    blocks = parse_blocks(text, parsed.tokens)
    assert reading_choice._general_first(blocks)  # the order this list is read in
    found, general = reading_choice.read_list_of(blocks, text, parsed, venue_known=False)
    assert not general and len(found.entries) == 60  # the tagged reading, as before
    first, last = _both_orders(text)
    assert first == last
