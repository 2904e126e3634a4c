"""Papers that look alike but were not made one: the doubtful cases the reader decides.

Candidates come from blocks (the same title key, the same paper link, the same first or
last words of a title within a venue), so a 50,000-paper catalog never compares every
pair. A pair the reader called ``different`` is never shown again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from papershelf.domain.identity import (
    NEAR_IDENTICAL,
    RELATED,
    conflict,
    long_title_key,
    paper_urls,
    ratio,
    title_key,
)
from papershelf.domain.models import Paper, PaperState
from papershelf.services.sameness import different_pairs
from papershelf.storage.catalog_rows import Catalog

_BLOCK_MAX = 40
"""A block this large is a common phrase ("a survey"), not evidence: skipped."""
_EDGE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Two papers that may be one, with how alike their titles are and why they were not."""

    a: Paper
    b: Paper
    score: float
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a.id,
            "b": self.b.id,
            "a_title": self.a.title,
            "b_title": self.b.title,
            "score": round(self.score, 3),
            "reason": self.reason,
        }


def _blocks(papers: Iterable[Paper]) -> dict[tuple[str, str], list[Paper]]:
    blocks: dict[tuple[str, str], list[Paper]] = {}
    for paper in papers:
        key, long_key = title_key(paper.title), long_title_key(paper.title)
        keys = {("title", key), ("title", long_key)}
        words = long_key.split()
        if len(words) >= 2 * _EDGE_WORDS:
            keys.add((paper.venue, "^" + " ".join(words[:_EDGE_WORDS])))
            keys.add((paper.venue, "$" + " ".join(words[-_EDGE_WORDS:])))
        keys.update(("url", url) for url in paper_urls(paper.links))
        for block in keys:
            blocks.setdefault(block, []).append(paper)
    return blocks


def _why(a: Paper, b: Paper, score: float, block: str) -> str | None:
    """Why the pair was not merged, or None when it is not worth showing."""
    against = conflict(a, b)
    if against is not None:
        return f"alike, but {against}" if score >= RELATED else None
    if a.venue != b.venue:
        if score >= NEAR_IDENTICAL:
            return f"the same title in {a.venue or 'no venue'} and {b.venue or 'no venue'}"
        return None
    if block == "url":
        return f"the same paper link, titles {score:.0%} alike" if score >= RELATED else None
    if score >= RELATED:
        return f"titles {score:.0%} alike in {a.venue or 'no venue'} (below {NEAR_IDENTICAL:.0%})"
    return None


def find_duplicates(catalog: Catalog, states: Mapping[str, PaperState]) -> list[Duplicate]:
    """Every doubtful pair, most alike first."""
    different = different_pairs(states)
    seen: set[frozenset[str]] = set()
    found: list[Duplicate] = []
    for (kind, _), members in _blocks(catalog.papers).items():
        if len(members) < 2 or len(members) > _BLOCK_MAX:
            continue
        for a, b in combinations(members, 2):
            pair = frozenset((a.id, b.id))
            if a.id == b.id or pair in seen or pair in different:
                continue
            seen.add(pair)
            score = ratio(title_key(a.title), title_key(b.title))
            reason = _why(a, b, score, kind)
            if reason is not None:
                found.append(Duplicate(a, b, score, reason))
    found.sort(key=lambda d: (-d.score, d.a.id, d.b.id))
    return found
