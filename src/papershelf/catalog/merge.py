"""Re-import rules: match parsed papers to catalog papers, so ids and state survive edits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from papershelf.domain.ids import normalize_title
from papershelf.domain.models import Paper

_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})", re.IGNORECASE)
_SHORT_NAME = re.compile(r"^[^:]{1,40}:\s+")
_NEAR_IDENTICAL = 0.92


def _arxiv_ids(paper: Paper) -> set[str]:
    return {m.group(1) for link in paper.links if (m := _ARXIV.search(link.url))}


def _long_title(title: str) -> str:
    """The title without a leading short name: ``Frugal: Efficient ...`` -> ``Efficient ...``."""
    return normalize_title(_SHORT_NAME.sub("", title))


def _same_paper(old: Paper, new: Paper) -> bool:
    if old.venue != new.venue:
        return False
    if _arxiv_ids(old) & _arxiv_ids(new):
        return True
    a, b = normalize_title(old.title), normalize_title(new.title)
    long_a, long_b = _long_title(old.title), _long_title(new.title)
    if long_a == long_b or a == long_b or b == long_a:
        return True
    ratio = SequenceMatcher(None, a, b).ratio()
    if ratio >= _NEAR_IDENTICAL:
        return True
    # The same landing page with a clearly related title (list URLs get renumbered between
    # versions, so a shared URL alone is not proof).
    shared_url = {link.url for link in old.links} & {link.url for link in new.links}
    return bool(shared_url) and ratio >= 0.6


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
    candidates = [p for pid, p in catalog.items() if pid not in parsed_ids]
    taken: set[str] = set()
    out: list[Paper] = []
    new = updated = unchanged = 0
    renamed: list[tuple[str, str]] = []
    for paper in parsed:
        kept = id_map.get(paper.id, paper.id)
        if kept not in catalog:
            match = next(
                (c for c in candidates if c.id not in taken and _same_paper(c, paper)), None
            )
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
