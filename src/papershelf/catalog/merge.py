"""Re-import rules: match parsed papers to catalog papers, so ids and state survive edits."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from papershelf.domain.ids import normalize_title
from papershelf.domain.models import Paper

_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})", re.IGNORECASE)
_SHORT_NAME = re.compile(r"^[^:]{1,40}:\s+")
_NEAR_IDENTICAL = 0.92
_RELATED = 0.75
_COMMON_WORD = 500


def _arxiv_ids(paper: Paper) -> set[str]:
    return {m.group(1) for link in paper.links if (m := _ARXIV.search(link.url))}


def _long_title(title: str) -> str:
    """The title without a leading short name: ``Frugal: Efficient ...`` -> ``Efficient ...``."""
    return normalize_title(_SHORT_NAME.sub("", title))


class _Candidates:
    """Catalog papers a renamed entry may be, indexed so matching stays near-linear.

    Exact keys (arXiv id, title without its short name) are dict look-ups; the fuzzy title
    comparison runs only on papers of the same venue that share at least half of the title's
    words (a near-identical title does), so a large list does not compare every pair.
    """

    def __init__(self, papers: Iterable[Paper]) -> None:
        self._papers: list[tuple[Paper, str]] = []
        self._by_word: dict[tuple[str, str], list[int]] = {}
        self._exact: dict[tuple[str, str], Paper] = {}
        self._by_url: dict[tuple[str, str], list[Paper]] = {}
        for paper in papers:
            norm = normalize_title(paper.title)
            position = len(self._papers)
            self._papers.append((paper, norm))
            for word in set(norm.split()):
                self._by_word.setdefault((paper.venue, word), []).append(position)
            for arxiv in _arxiv_ids(paper):
                self._exact.setdefault((paper.venue, "arxiv:" + arxiv), paper)
            for key in {norm, _long_title(paper.title)}:
                self._exact.setdefault((paper.venue, key), paper)
            for link in paper.links:
                self._by_url.setdefault((paper.venue, link.url), []).append(paper)

    def find(self, new: Paper, taken: set[str]) -> Paper | None:
        venue = new.venue
        norm = normalize_title(new.title)
        keys = ["arxiv:" + a for a in sorted(_arxiv_ids(new))] + [norm, _long_title(new.title)]
        for key in keys:
            hit = self._exact.get((venue, key))
            if hit is not None and hit.id not in taken:
                return hit
        words = set(norm.split())
        shared: Counter[int] = Counter()
        for word in words:
            bucket = self._by_word.get((venue, word), ())
            if len(bucket) <= _COMMON_WORD:  # words like "efficient" say nothing
                shared.update(bucket)
        need = max(1, len(words) // 2)
        for position, count in shared.most_common():
            if count < need:
                break
            old, old_norm = self._papers[position]
            if old.id in taken or not _close_lengths(old_norm, norm, _NEAR_IDENTICAL):
                continue
            if _ratio_at_least(old_norm, norm, _NEAR_IDENTICAL):
                return old
        # The same landing page with a clearly related title (list URLs get renumbered
        # between versions, so a shared URL alone is not proof).
        for link in new.links:
            for old in self._by_url.get((venue, link.url), ()):
                if old.id not in taken and _ratio_at_least(
                    normalize_title(old.title), norm, _RELATED
                ):
                    return old
        return None


def _close_lengths(a: str, b: str, threshold: float) -> bool:
    # ratio <= 2*min/(len a + len b): a cheap bound that skips most pairs.
    return 2 * min(len(a), len(b)) >= threshold * (len(a) + len(b))


def _ratio_at_least(a: str, b: str, threshold: float) -> bool:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


@dataclass(frozen=True, slots=True)
class Reconciled:
    """The parsed papers with the ids they keep, and what changed against the catalog."""

    papers: tuple[Paper, ...]
    id_map: dict[str, str]
    """parsed id -> kept catalog id, for renamed papers."""
    new: int
    updated: int
    unchanged: int
    renamed: tuple[tuple[str, str], ...]
    no_longer_listed: tuple[str, ...]


def _content(paper: Paper) -> dict[str, object]:
    data = paper.to_json()
    for volatile in ("source", "line"):
        data.pop(volatile)
    return data


def reconcile(
    parsed: Sequence[Paper],
    catalog: Mapping[str, Paper],
    previous_ids: Iterable[str],
    known_map: Mapping[str, str] | None = None,
) -> Reconciled:
    """Match a freshly parsed list against the catalog.

    ``previous_ids`` are the ids the same list gave last time (empty for a new list);
    ``known_map`` are renames recorded by earlier imports of it. A parsed paper whose id is
    unknown is matched, within its venue, to a catalog paper that this list no longer lists:
    same arXiv id, same title but for a short name, or a near-identical title.
    """
    id_map = dict(known_map or {})
    parsed_ids = {id_map.get(p.id, p.id) for p in parsed}
    candidates = _Candidates(p for pid, p in catalog.items() if pid not in parsed_ids)
    taken: set[str] = set()
    out: list[Paper] = []
    new = updated = unchanged = 0
    renamed: list[tuple[str, str]] = []
    for paper in parsed:
        kept = id_map.get(paper.id, paper.id)
        if kept not in catalog:
            match = candidates.find(paper, taken)
            if match is not None:
                kept = match.id
                id_map[paper.id] = kept
                taken.add(kept)
                renamed.append((match.title, paper.title))
        paper = replace(paper, id=kept) if kept != paper.id else paper
        old = catalog.get(kept)
        if old is None:
            new += 1
        elif _content(old) == _content(paper):
            unchanged += 1
        else:
            updated += 1
        out.append(paper)
    final_ids = {p.id for p in out}
    gone = tuple(pid for pid in previous_ids if pid not in final_ids)
    return Reconciled(tuple(out), id_map, new, updated, unchanged, tuple(renamed), gone)
