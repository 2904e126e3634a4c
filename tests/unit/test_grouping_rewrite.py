"""``_rewrite`` walks only the papers whose spelling changes: the same papers as a walk of all."""

from __future__ import annotations

from dataclasses import replace

import pytest

from papershelf.domain import grouping
from papershelf.domain.models import Paper, Venue


def _papers(with_also: bool) -> list[Paper]:
    venues = ["osdi 2024", "OSDI 2024", "Osdi 2024", "SOSP 2023", "sosp 2023", "arXiv"]
    topics = [("llm serving",), ("LLM Serving",), ("GPU",), (), ("LLM serving", "gpu")]
    out = []
    for n in range(60):
        paper = Paper(
            id=f"p{n}",
            title=f"Paper {n}",
            venue=venues[n % len(venues)],
            topics=topics[n % len(topics)],
        )
        if with_also and n % 7 == 0:
            paper = replace(paper, also_venues=("osdi 2024", "arXiv"))
        out.append(paper)
    return out


def _walk_all(papers: list[Paper], spellings: grouping.Spellings) -> list[Paper]:
    """Each paper respelled on its own, as the walk of every paper did."""
    out = []
    for paper in papers:
        venue, topics = spellings.venue(paper.venue), spellings.topics(paper.topics)
        also = tuple(dict.fromkeys(v for v in map(spellings.venue, paper.also_venues)))
        also = tuple(v for v in also if v != venue)
        out.append(replace(paper, venue=venue, topics=topics, also_venues=also))
    return out


@pytest.mark.parametrize("with_also", [False, True])
def test_the_papers_walked_are_all_that_change(with_also: bool) -> None:
    papers = _papers(with_also)
    venues = {p.venue: Venue(p.venue[:-5], int(p.venue[-4:])) for p in papers if " " in p.venue}
    grouped = grouping.group_catalog(papers, venues)
    assert grouped.papers == _walk_all(papers, grouped.spellings)
    changed = [new for old, new in zip(papers, grouped.papers, strict=True) if new is not old]
    unchanged = [new for old, new in zip(papers, grouped.papers, strict=True) if new is old]
    assert changed and unchanged  # some respelled, the others kept as the same objects
    assert all(p == _walk_all([p], grouped.spellings)[0] for p in unchanged)
