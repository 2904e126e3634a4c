"""What is new: the papers imports brought into the catalog, by when they joined.

Each list's record keeps, per import, the ids that joined the catalog then
(``ListRecord.added``). ``papershelf new`` and the app's "New" node read them here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from papershelf.domain.models import Paper
from papershelf.errors import UsageError
from papershelf.storage.catalog_store import Catalog, ListRecord

__all__ = ["NewPapers", "last_import_ids", "new_papers", "parse_since"]


@dataclass(frozen=True, slots=True)
class NewPapers:
    """Papers that joined the catalog since ``since`` (or with the last import)."""

    since: str | None
    """The bound asked for (a UTC stamp), or None: the last import that added papers."""
    at: str | None
    """When that last import was (None when nothing was ever added, or with ``since``)."""
    papers: list[Paper] = field(default_factory=list)
    """Still in the catalog, in catalog order, withdrawn included."""
    added_at: dict[str, str] = field(default_factory=dict)
    """Paper id -> when it joined (the latest time, if it joined more than once)."""
    lists: dict[str, str] = field(default_factory=dict)
    """Paper id -> the list whose import brought it."""


def parse_since(text: str) -> str:
    """``YYYY-MM-DD`` or an ISO time -> a UTC stamp comparable with import times.

    A date or time without a zone is local time (the date people have in mind).
    """
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"--since {text!r} is not a date: give YYYY-MM-DD or an ISO time"
        ) from None
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _last_import(records: Sequence[ListRecord]) -> tuple[str, str] | None:
    """(second, exact time) of the last import that added papers.

    The exact time tells apart two imports in one second; an addition recorded before it was
    kept has none, and sorts before a newer one of the same second.
    """
    return max(((a.at, a.exact) for r in records for a in r.added), default=None)


def new_papers(
    records: Sequence[ListRecord], catalog: Catalog, since: str | None = None
) -> NewPapers:
    """What joined the catalog at or after ``since`` (a ``parse_since`` stamp).

    Without ``since``: what the last import that added anything brought (one command
    importing several lists is one import: its lists share a time; two commands in one
    second are two, by ``Addition.exact``).
    """
    last = None if since is not None else _last_import(records)
    if since is None and last is None:
        return NewPapers(since=None, at=None)
    added_at: dict[str, str] = {}
    lists: dict[str, str] = {}
    for record in records:
        for addition in record.added:
            if since is None:
                wanted = (addition.at, addition.exact) == last
            else:
                wanted = addition.at >= since
            if not wanted:
                continue
            for pid in addition.ids:
                if addition.at >= added_at.get(pid, ""):
                    added_at[pid] = addition.at
                    lists[pid] = record.name
    papers = [p for p in catalog.papers if p.id in added_at]
    shown = {p.id for p in papers}
    return NewPapers(
        since=since,
        at=None if last is None else last[0],
        papers=papers,
        added_at={pid: t for pid, t in added_at.items() if pid in shown},
        lists={pid: n for pid, n in lists.items() if pid in shown},
    )


def last_import_ids(records: Sequence[ListRecord], catalog: Catalog) -> frozenset[str]:
    """The ids the last import brought that are still in the catalog (the app's "New")."""
    return frozenset(p.id for p in new_papers(records, catalog).papers)
