"""Papers that look alike but were not made one: the doubtful cases the reader decides.

Candidates come from blocks (the same title key, the same paper link, the same first or
last words of a title within a venue), so a 50,000-paper catalog never compares every
pair. A pair the reader called ``different`` is never shown again.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
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
from papershelf.domain.models import Paper

_BLOCK_MAX = 16
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


def _keys(paper: Paper) -> set[tuple[str, str]]:
    """The blocks a paper falls in: its title keys, its title's edges, its paper links."""
    key, long_key = title_key(paper.title), long_title_key(paper.title)
    keys = {("title", key), ("title", long_key)}
    words = long_key.split()
    if len(words) >= 2 * _EDGE_WORDS:
        keys.add((paper.venue, "^" + " ".join(words[:_EDGE_WORDS])))
        keys.add((paper.venue, "$" + " ".join(words[-_EDGE_WORDS:])))
    keys.update(("url", url) for url in paper_urls(paper.links))
    return keys


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


class DuplicateIndex:
    """The catalog's blocks, built once, so the app can ask about one paper at a time."""

    def __init__(self, papers: Iterable[Paper], different: Set[frozenset[str]]) -> None:
        self._different = different
        self._keys: dict[str, set[tuple[str, str]]] = {}
        self.blocks: dict[tuple[str, str], list[Paper]] = {}
        for paper in papers:
            keys = self._keys[paper.id] = _keys(paper)
            for block in keys:
                self.blocks.setdefault(block, []).append(paper)

    def _pair(self, a: Paper, b: Paper, kind: str) -> Duplicate | None:
        if a.id == b.id or frozenset((a.id, b.id)) in self._different:
            return None
        score = ratio(title_key(a.title), title_key(b.title))
        reason = _why(a, b, score, kind)
        return None if reason is None else Duplicate(a, b, score, reason)

    def of(self, paper: Paper) -> list[Duplicate]:
        """The possible duplicates of one paper, most alike first."""
        found: dict[str, Duplicate] = {}
        for block in self._keys.get(paper.id, ()):
            members = self.blocks.get(block, ())
            if len(members) > _BLOCK_MAX:
                continue
            for other in members:
                if other.id not in found and (dup := self._pair(paper, other, block[0])):
                    found[other.id] = dup
        return sorted(found.values(), key=lambda d: (-d.score, d.b.id))

    def all(self) -> list[Duplicate]:
        """Every doubtful pair, most alike first."""
        seen: set[frozenset[str]] = set()
        found: list[Duplicate] = []
        for (kind, _), members in self.blocks.items():
            if not 2 <= len(members) <= _BLOCK_MAX:
                continue
            for a, b in combinations(members, 2):
                pair = frozenset((a.id, b.id))
                if pair not in seen:
                    seen.add(pair)
                    if (dup := self._pair(a, b, kind)) is not None:
                        found.append(dup)
        found.sort(key=lambda d: (-d.score, d.a.id, d.b.id))
        return found
