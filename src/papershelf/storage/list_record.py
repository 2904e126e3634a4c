"""What ``lists/index.json`` keeps of each imported list, and of the papers that left.

Apart from the store so the store stays about files and the cache; every field added here
reads back from older indexes without it (a default).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from papershelf.domain.models import Link, Paper
from papershelf.paths import seeds_dir

__all__ = [
    "Addition",
    "ListRecord",
    "copy_stamp",
    "list_name",
    "records_of",
    "retired_entry",
    "retired_paper",
    "stat_stamp",
]

RETIRED_SOURCE = "(unknown list)"
"""The ``source`` of an orphan whose last list is unknown (else that list's name)."""
UNKNOWN_TITLE = "(title unknown)"
"""The title of an orphan no index remembers (its state came from another machine)."""


@dataclass(frozen=True, slots=True)
class Addition:
    """One import's papers that joined the catalog (not in it before), and when."""

    at: str
    """To the second, as every stamp (``--since`` compares with it)."""
    ids: tuple[str, ...]
    exact: str = ""
    """The import's time to the microsecond, shared by the lists of one command: two imports
    in one second stay two. Empty in indexes written before it was kept."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"at": self.at, "ids": list(self.ids)}
        if self.exact:
            data["exact"] = self.exact
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Addition:
        return cls(at=data["at"], ids=tuple(data["ids"]), exact=str(data.get("exact", "")))


@dataclass(slots=True)
class ListRecord:
    """One imported list: where it came from and how to rebuild its papers."""

    name: str
    source: str
    sha256: str
    imported_at: str
    venue: str | None = None
    bundled: bool = False
    manual: bool = False
    """Papers added by hand: the copy holds JSON paper objects, not markdown."""
    id_map: dict[str, str] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    venues: list[str] = field(default_factory=list)
    added: list[Addition] = field(default_factory=list)
    """What each import of this list brought into the catalog, oldest first (``new``)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "source": self.source,
            "sha256": self.sha256,
            "imported_at": self.imported_at,
            "venue": self.venue,
            "manual": self.manual,
            "id_map": self.id_map,
            "ids": self.ids,
            "venues": self.venues,
            "added": [a.to_json() for a in self.added],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ListRecord:
        return cls(
            name=data["name"],
            source=data["source"],
            sha256=data["sha256"],
            imported_at=data["imported_at"],
            venue=data.get("venue"),
            manual=bool(data.get("manual", False)),
            id_map=dict(data.get("id_map", {})),
            ids=list(data.get("ids", [])),
            venues=list(data.get("venues", [])),
            added=[Addition.from_json(a) for a in data.get("added", [])],
        )


def retired_entry(paper: Paper, list_name: str, at: str) -> dict[str, Any]:
    """What the index remembers of a paper that left the catalog: enough to name it."""
    return {
        "title": paper.title,
        "venue": paper.venue,
        "year": paper.year,
        "authors": list(paper.authors),
        "links": [[link.kind, link.url] for link in paper.links],
        "list": list_name,
        "left_at": at,
    }


def retired_paper(pid: str, entry: Mapping[str, Any] | None) -> Paper:
    """A paper no list holds, as the index last knew it (``(title unknown)`` if it never did).

    The index is a file users can edit: a field of the wrong type is left out, not trusted.
    """
    entry = entry or {}

    def text(key: str) -> str:
        value = entry.get(key)
        return value if isinstance(value, str) else ""

    def texts(key: str) -> Sequence[Any]:
        value = entry.get(key)
        return value if isinstance(value, list) else []

    year = entry.get("year")
    links = tuple(
        Link(kind, url)
        for pair in texts("links")
        if isinstance(pair, list) and len(pair) == 2
        for kind, url in [pair]
        if isinstance(kind, str) and isinstance(url, str)
    )
    return Paper(
        id=pid,
        title=text("title") or UNKNOWN_TITLE,
        venue=text("venue"),
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        authors=tuple(a for a in texts("authors") if isinstance(a, str)),
        links=links,
        source=text("list") or RETIRED_SOURCE,
    )


def list_name(path: Path) -> str:
    """The name a list is stored and forgotten under: its file stem, slugged."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.") or "list"


def copy_stamp(path: Path) -> str:
    """Identity of a list copy on disk: copies are replaced atomically (a new inode)."""
    return stat_stamp(path.stat())


def stat_stamp(st: os.stat_result) -> str:
    """``copy_stamp`` of a file by its stat (a writer's, of the file it wrote)."""
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def records_of(index: Mapping[str, Any]) -> list[ListRecord]:
    """Bundled lists first (unless forgotten), then imported ones in import order."""
    forgotten = set(index.get("bundled_forgotten", []))
    bundled_meta = {r["name"]: r for r in index.get("bundled", [])}
    out: list[ListRecord] = []
    for seed in sorted(seeds_dir().glob("*.md")):
        name = list_name(seed)
        if name in forgotten:
            continue
        meta = bundled_meta.get(name, {})
        out.append(
            ListRecord(
                name=name,
                source=f"bundled:{seed.name}",
                sha256="",
                imported_at=meta.get("imported_at", ""),
                bundled=True,
                id_map=dict(meta.get("id_map", {})),
                ids=list(meta.get("ids", [])),
                venues=list(meta.get("venues", [])),
                added=[Addition.from_json(a) for a in meta.get("added", [])],
            )
        )
    out.extend(ListRecord.from_json(r) for r in index.get("lists", []))
    return out
