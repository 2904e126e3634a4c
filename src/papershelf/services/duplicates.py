"""Papers that look alike but were not made one: the doubtful cases the reader decides.

Candidates come from blocks (the same title key, the same paper link, the same first or
last words of a title within a venue), so a 50,000-paper catalog never compares every
pair. A pair the reader called ``different`` is never shown again.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from papershelf.domain.identity import (
    NEAR_IDENTICAL,
    RELATED,
    SYMBOLS,
    conflict,
    paper_urls,
    title_key,
    title_keys,
)
from papershelf.domain.models import Paper

_BLOCK_MAX = 16
"""A block this large is a common phrase ("a survey"), not evidence: skipped."""
_EDGE_WORDS = 3
PAUSE_EVERY = 100
"""Papers between two pauses of a build (about 2 ms of work)."""


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
    key, long_key = title_keys(paper.title)
    keys = {("title", key), ("title", long_key)}
    words = long_key.split()
    if len(words) >= 2 * _EDGE_WORDS:
        keys.add((paper.venue, "^" + " ".join(words[:_EDGE_WORDS])))
        keys.add((paper.venue, "$" + " ".join(words[-_EDGE_WORDS:])))
    keys.update(("url", url) for url in paper_urls(paper.links))
    return keys


def _why(a: Paper, b: Paper, score: float, block: str, against: str | None) -> str | None:
    """Why the pair was not merged, or None when it is not worth showing."""
    if against is not None:
        return f"alike, but {against}"
    if a.venue != b.venue:
        return f"the same title in {a.venue or 'no venue'} and {b.venue or 'no venue'}"
    if block == "url":
        return f"the same paper link, titles {score:.0%} alike"
    alike = f"titles {score:.0%} alike in {a.venue or 'no venue'}"
    if score < NEAR_IDENTICAL:
        return f"{alike} (below {NEAR_IDENTICAL:.0%})"
    return f"{alike}, two entries of one list (they merge only on exact evidence)"


def _least(a: Paper, b: Paper, against: str | None) -> float:
    """How alike two titles must be to show the pair.

    Papers with different arXiv ids or DOIs, or in different venues, are shown only with
    near-identical titles: anything less is two papers, as their links already say.
    """
    if (against is not None and against != SYMBOLS) or a.venue != b.venue:
        return NEAR_IDENTICAL
    return RELATED


class DuplicateIndex:
    """The catalog's blocks, built once, so the app can ask about one paper at a time.

    Kept small (the app holds it beside 50,000 papers): each (block, paper) pair is the
    hash of the block's key in one sorted array and the paper's position in another, 12
    bytes a pair (a dictionary of blocks took about 18 MB at 50,000 papers, this 2). A
    block is the run of equal hashes, papers in catalog order; a paper's keys and title key
    are worked out again when asked, which is cheap for the few papers compared.
    """

    def __init__(
        self,
        papers: Iterable[Paper],
        different: Set[frozenset[str]],
        pause: Callable[[], None] | None = None,
    ) -> None:
        """Blocks of ``papers``; ``pause`` is called every ``PAUSE_EVERY`` of them.

        The app's build sleeps there, so a keystroke handled meanwhile waits for the
        interpreter a few milliseconds at most (the build takes a second at 50,000 papers).
        """
        self._different = different
        self._papers = list(papers)
        # Built in 256 parts by the hash's top byte, each sorted alone: sorting all at once
        # needs a Python int per pair (about 12 MB more at the peak of a 50,000-paper build).
        parts = [(array("q"), array("i")) for _ in range(256)]
        for position, paper in enumerate(self._papers):
            if pause is not None and position % PAUSE_EVERY == 0:
                pause()
            for block in _keys(paper):
                key = hash(block)
                hashes, positions = parts[(key >> 56) + 128]
                hashes.append(key)
                positions.append(position)
        self._hashes, self._positions = array("q"), array("i")
        for hashes, positions in parts:
            # Stable: the papers of one block stay in catalog order.
            order = sorted(range(len(hashes)), key=hashes.__getitem__)
            self._hashes.extend(map(hashes.__getitem__, order))
            self._positions.extend(map(positions.__getitem__, order))

    def _members(self, block: tuple[str, str]) -> list[Paper]:
        key = hash(block)
        hashes = self._hashes
        start = bisect_left(hashes, key)
        end = start
        while end < len(hashes) and hashes[end] == key:
            end += 1
        return [self._papers[i] for i in self._positions[start:end]]

    def blocks(self) -> Iterator[list[int]]:
        """The positions of each block's papers, blocks of one paper left out."""
        hashes, positions = self._hashes, self._positions
        start, count = 0, len(hashes)
        while start < count:
            key, end = hashes[start], start + 1
            while end < count and hashes[end] == key:
                end += 1
            if end - start > 1:
                yield positions[start:end].tolist()
            start = end

    def _pair(self, a: Paper, b: Paper, titles: dict[str, str]) -> Duplicate | None:
        if a.id == b.id or frozenset((a.id, b.id)) in self._different:
            return None
        against = conflict(a, b)
        least = _least(a, b, against)
        ka = titles.get(a.id) or titles.setdefault(a.id, title_key(a.title))
        kb = titles.get(b.id) or titles.setdefault(b.id, title_key(b.title))
        matcher = SequenceMatcher(None, ka, kb, autojunk=False)
        if matcher.real_quick_ratio() < least or matcher.quick_ratio() < least:
            return None  # the cheap upper bounds first: most pairs of a block end here
        score = matcher.ratio()
        if score < least:
            return None
        kind = "url" if paper_urls(a.links) & paper_urls(b.links) else "title"
        return Duplicate(a, b, score, _why(a, b, score, kind, against) or "")

    def of(self, paper: Paper) -> list[Duplicate]:
        """The possible duplicates of one paper, most alike first."""
        found: dict[str, Duplicate] = {}
        titles: dict[str, str] = {}
        for block in _keys(paper):
            members = self._members(block)
            if len(members) > _BLOCK_MAX:
                continue
            for other in members:
                if other.id not in found and (dup := self._pair(paper, other, titles)):
                    found[other.id] = dup
        return sorted(found.values(), key=lambda d: (-d.score, d.b.id))

    def all(self) -> list[Duplicate]:
        """Every doubtful pair, most alike first."""
        seen: set[frozenset[str]] = set()
        found: list[Duplicate] = []
        titles: dict[str, str] = {}
        papers = self._papers
        for members in self.blocks():
            if len(members) > _BLOCK_MAX:
                continue
            for i, j in combinations(members, 2):
                a, b = papers[i], papers[j]
                pair = frozenset((a.id, b.id))
                if pair not in seen:
                    seen.add(pair)
                    if (dup := self._pair(a, b, titles)) is not None:
                        found.append(dup)
        found.sort(key=lambda d: (-d.score, d.a.id, d.b.id))
        return found
