"""What an import keeps of the catalog cache between its loads, and the one write it makes.

An import loads the catalog before it stores a list and again after. Kept here, the load
after reads no file, checks no row and makes no paper again; the cache is written once, when
the import lets go of what it kept, and the lines of the lists it did not change are written
from the bytes read (at 40,000 papers, 16 MB not serialised again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from papershelf.storage.catalog_rows import KnownPapers

Pending = tuple[dict[str, Any], dict[str, Any]]
"""(the lists, the first papers) a load would have written (``catalog_cache.write``)."""


@dataclass(slots=True)
class KeptRows:
    """The cache one process last read or wrote (its lists, checked), and their papers."""

    stamp: tuple[int, int, int] | None = None
    rows: dict[str, Any] | None = None
    papers: KnownPapers = field(default_factory=KnownPapers)
    lines: dict[str, tuple[Any, object, bytes]] = field(default_factory=dict)
    """list name -> (its entry as read, the entry's stamp then, its line in the file)."""
    pending: Pending | None = None
    """What to write when the rows are let go of, while the file is still ``stamp``."""

    def current(self, path: Path) -> bool:
        """Whether rows are kept and ``path`` is still the file they were kept from.

        No file is a state like any other: a load into an empty data dir leaves its write
        to the end, and the loads after it still take the rows kept.
        """
        return self.rows is not None and self.stamp == _file_stamp(path)

    def lists(self, path: Path) -> dict[str, Any] | None:
        """The lists as kept, while ``path`` is still the file they were kept from.

        Another process wrote it meanwhile: what was left to write is dropped (the file is
        newer), and the caller reads it again.
        """
        if self.rows is None or not self.current(path):
            self.pending = None
            return None
        return dict(self.rows)

    def remember(self, path: Path, lists: dict[str, Any] | None) -> None:
        """``lists`` is what ``path`` now holds (None: unknown, not kept)."""
        self.rows = lists
        self.stamp = _file_stamp(path) if lists is not None else None

    def read(self, lists: dict[str, Any], lines: dict[str, bytes]) -> None:
        """``lines`` are the lines ``lists`` were parsed from (``read_cache_file``)."""
        self.lines = {
            name: (entry, entry.get("stamp") if type(entry) is dict else None, lines[name])
            for name, entry in lists.items()
            if name in lines
        }

    def lines_for(self, lists: dict[str, Any]) -> dict[str, bytes]:
        """The lines of the entries of ``lists`` still as read, a new stamp put in.

        An entry is the very object parsed from its line (a list parsed again, or a damaged
        entry rebuilt, is another): the line is its JSON. A load changes nothing of it but
        the stamp, the line's last member as ``orjson`` writes it; a line written another
        way (by hand) is serialised again.
        """
        out: dict[str, bytes] = {}
        for name, entry in lists.items():
            kept = self.lines.get(name)
            if kept is None or kept[0] is not entry:
                continue
            was, now, line = kept[1], entry.get("stamp"), kept[2]
            if now != was:
                tail = b',"stamp":' + orjson.dumps(was) + b"}\n"
                if not line.endswith(tail):
                    continue
                # One copy of a line of megabytes (``+`` made one per operand).
                stamped = (b',"stamp":', orjson.dumps(now), b"}\n")
                line = b"".join((memoryview(line)[: -len(tail)], *stamped))
            out[name] = line
        return out


def _file_stamp(path: Path) -> tuple[int, int, int] | None:
    """A file's identity: the cache is replaced atomically (a new inode) by every writer."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)
