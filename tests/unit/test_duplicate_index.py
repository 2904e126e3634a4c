"""The duplicate index's compact blocks find what a plain dictionary of blocks finds."""

from __future__ import annotations

import tracemalloc
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.models import Link, Paper
from papershelf.services.duplicates import _BLOCK_MAX, Duplicate, DuplicateIndex, _keys

WORDS = ["fast", "sparse", "attention", "serving", "large", "models", "for", "the", "cache"]


@st.composite
def catalogs(draw: st.DrawFn) -> list[Paper]:
    count = draw(st.integers(1, 24))
    papers = []
    for i in range(count):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
        venue = draw(st.sampled_from(["A 2025", "B 2025"]))
        link = draw(st.sampled_from([None, "https://arxiv.org/abs/2501.00001", "https://x.org/p"]))
        links = (Link("paper", link),) if link else ()
        papers.append(Paper(f"p{i}", " ".join(words), venue, 2025, links=links))
    return papers


def _plain_blocks(papers: list[Paper]) -> dict[tuple[str, str], list[int]]:
    blocks: dict[tuple[str, str], list[int]] = {}
    for position, paper in enumerate(papers):
        for block in _keys(paper):
            blocks.setdefault(block, []).append(position)
    return blocks


def _plain_all(index: DuplicateIndex, papers: list[Paper]) -> list[Duplicate]:
    seen: set[frozenset[str]] = set()
    found: list[Duplicate] = []
    for members in _plain_blocks(papers).values():
        if len(members) > _BLOCK_MAX:
            continue
        for i, j in combinations(members, 2):
            a, b = papers[i], papers[j]
            if frozenset((a.id, b.id)) not in seen:
                seen.add(frozenset((a.id, b.id)))
                if (dup := index._pair(a, b, {})) is not None:
                    found.append(dup)
    return sorted(found, key=lambda d: (-d.score, d.a.id, d.b.id))


def _plain_of(index: DuplicateIndex, papers: list[Paper], paper: Paper) -> list[Duplicate]:
    blocks = _plain_blocks(papers)
    found: dict[str, Duplicate] = {}
    for block in _keys(paper):
        members = [papers[i] for i in blocks.get(block, [])]
        if len(members) > _BLOCK_MAX:
            continue
        for other in members:
            if other.id not in found and (dup := index._pair(paper, other, {})):
                found[other.id] = dup
    return sorted(found.values(), key=lambda d: (-d.score, d.b.id))


@settings(max_examples=150, deadline=None)
@given(catalogs())
def test_the_compact_index_finds_what_a_dictionary_of_blocks_finds(papers: list[Paper]) -> None:
    index = DuplicateIndex(papers, set())
    assert index.all() == _plain_all(index, papers)
    for paper in papers:
        assert index.of(paper) == _plain_of(index, papers, paper)


def test_each_block_lists_its_papers_in_catalog_order() -> None:
    papers = [Paper(f"p{i}", "Fast sparse attention for serving", "A 2025") for i in range(5)]
    index = DuplicateIndex(papers, set())
    assert [0, 1, 2, 3, 4] in list(index.blocks())


def test_the_index_keeps_a_few_bytes_per_paper() -> None:
    """A dictionary of blocks kept about 360 bytes per paper; the arrays keep 12 per block."""
    papers = [
        Paper(f"p{i}", f"Paper number {i} on sparse {i % 7} attention kernels", f"V{i % 5} 2025")
        for i in range(3000)
    ]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        index = DuplicateIndex(papers, set())
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert index.of(papers[0]) is not None
    assert kept < 100 * len(papers)


def test_a_build_pauses_every_hundred_papers_and_finds_the_same() -> None:
    papers = [
        Paper(f"p{i}", f"Sparse attention kernels part {i % 40}", "A 2025") for i in range(250)
    ]
    pauses: list[int] = []
    paused = DuplicateIndex(papers, set(), lambda: pauses.append(1))
    assert len(pauses) == 3  # before papers 0, 100 and 200
    assert paused.all() == DuplicateIndex(papers, set()).all()
