"""The one way papershelf counts papers: those in the catalog, withdrawn ones apart.

Every command and the app count through here, so ``doctor``, ``lists``, ``venues``,
``stats``, ``list`` and the app's title give the same figures: "76 papers (+1 withdrawn)".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from papershelf.domain.models import Paper

__all__ = ["PaperCount", "count_ids", "count_papers", "count_text", "counts_by_venue"]


def count_text(papers: int, withdrawn: int = 0) -> str:
    """``76 papers (+1 withdrawn)``; the part in brackets only when some are withdrawn."""
    text = "1 paper" if papers == 1 else f"{papers} papers"
    return text + (f" (+{withdrawn} withdrawn)" if withdrawn else "")


@dataclass(frozen=True, slots=True)
class PaperCount:
    """Papers that count (not withdrawn), and the withdrawn ones beside them."""

    papers: int = 0
    withdrawn: int = 0

    def __str__(self) -> str:
        return count_text(self.papers, self.withdrawn)

    @property
    def total(self) -> int:
        """The papers, withdrawn ones included."""
        return self.papers + self.withdrawn

    @property
    def cell(self) -> str:
        """The count in a table's PAPERS column: ``32 (+1 withdrawn)``."""
        return f"{self.papers}" + (f" (+{self.withdrawn} withdrawn)" if self.withdrawn else "")

    def __add__(self, other: PaperCount) -> PaperCount:
        return PaperCount(self.papers + other.papers, self.withdrawn + other.withdrawn)

    def to_json(self) -> dict[str, int]:
        return {"papers": self.papers, "withdrawn": self.withdrawn}


def count_papers(papers: Iterable[Paper]) -> PaperCount:
    """How many papers, withdrawn ones apart; each paper (each id) once."""
    seen: set[str] = set()
    n = w = 0
    for paper in papers:
        if paper.id in seen:
            continue
        seen.add(paper.id)
        if paper.withdrawn:
            w += 1
        else:
            n += 1
    return PaperCount(n, w)


def count_ids(ids: Iterable[str], by_id: Mapping[str, Paper]) -> PaperCount:
    """The catalog papers among ``ids`` (a list's members), counted as ``count_papers`` does."""
    return count_papers(by_id[pid] for pid in ids if pid in by_id)


def counts_by_venue(papers: Iterable[Paper]) -> dict[str, PaperCount]:
    """Venue label -> its papers, counted as ``count_papers`` does.

    A paper counts in every venue lists give it (``also_venues``), as ``--venue`` selects it.
    """
    groups: dict[str, list[Paper]] = {}
    for paper in papers:
        groups.setdefault(paper.venue, []).append(paper)
        for other in dict.fromkeys(paper.also_venues):
            if other != paper.venue:
                groups.setdefault(other, []).append(paper)
    return {venue: count_papers(group) for venue, group in groups.items()}
