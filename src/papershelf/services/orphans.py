"""Orphans: papers the user has a state for that no list holds any more.

Their state is kept (a re-import brings them back); the catalog index remembers what they
were (``catalog_delta.settle``), so commands can still find, name, mark and export them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from papershelf.domain.models import Paper, PaperState
from papershelf.services.lookup import unique_prefix
from papershelf.storage.catalog_store import CatalogStore
from papershelf.storage.list_record import UNKNOWN_TITLE, retired_entry, retired_paper

__all__ = ["UNKNOWN_TITLE", "orphan_ids", "orphan_papers", "resolve", "retired_paper"]

Retired = Callable[[], Mapping[str, Any]]
"""Reads what the index remembers of retired papers (only when an orphan is asked for)."""


def orphan_ids(by_id: Mapping[str, Paper], states: Mapping[str, PaperState]) -> list[str]:
    """Ids with a state but no paper in the catalog, sorted."""
    return sorted(pid for pid in states if pid not in by_id)


def orphan_papers(
    by_id: Mapping[str, Paper], states: Mapping[str, PaperState], retired: Mapping[str, Any]
) -> list[Paper]:
    """Each orphan as last known (``(title unknown)`` when the index never saw it), by id."""
    return [retired_paper(pid, retired.get(pid)) for pid in orphan_ids(by_id, states)]


def _starts_any(sorted_ids: Sequence[str], text: str) -> bool:
    i = bisect.bisect_left(sorted_ids, text)
    return i < len(sorted_ids) and sorted_ids[i].startswith(text)


def resolve(
    text: str,
    by_id: Mapping[str, Paper],
    sorted_ids: Sequence[str],
    states: Callable[[], Mapping[str, PaperState]],
    retired: Retired,
    *,
    cut: bool = False,
) -> Paper:
    """An id or unique prefix -> the catalog paper, else the orphan it names.

    Catalog ids come first: an orphan is looked for only when no catalog id starts with
    ``text``, so a prefix that worked before a ``forget`` keeps naming the same paper.
    ``cut``: ``text`` is what a table showed of a longer id (``…``): it must be the start of
    one id of the catalog and the orphans together, or a row's id could name another paper.
    """
    if cut and text:
        start = bisect.bisect_left(sorted_ids, text)
        hits = {pid for pid in sorted_ids[start : start + 12] if pid.startswith(text)}
        hits.update(pid for pid in orphan_ids(by_id, states()) if pid.startswith(text))
        pid = unique_prefix(text, (), sorted(hits))
        return by_id[pid] if pid in by_id else retired_paper(pid, retired().get(pid))
    if text in by_id or _starts_any(sorted_ids, text) or not text:
        return by_id[unique_prefix(text, by_id, sorted_ids)]
    orphans = orphan_ids(by_id, states())
    pid = unique_prefix(text, set(orphans), orphans)  # the same "no paper" error when none
    return retired_paper(pid, retired().get(pid))


def remember(
    store: CatalogStore, catalog: Mapping[str, Paper], papers: Mapping[str, Paper], at: str
) -> None:
    """Keep what an imported state file says of papers no list holds here, to name them by.

    Without it a state restored into a new library showed ``(title unknown)`` for every
    paper its lists had not brought yet; what the index already remembers is kept.
    """
    known = store.retired()
    retire = {
        pid: retired_entry(paper, "import-state", at)
        for pid, paper in papers.items()
        if pid not in catalog and pid not in known
    }
    if retire:
        store.note_changes(None, None, retire, ())
