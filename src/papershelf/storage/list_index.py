"""``lists/index.json``, parsed once per version of the file.

At 40,000 papers the index holds every list's ids (about 5 MB) and takes about 8 ms to parse;
one import read it five times (the catalog before and after, the import's own look-up, the
save, the record of what changed). Every writer replaces the file (a new inode), so its
identity on disk says when the parse kept is still the file's content.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from papershelf.errors import ListError
from papershelf.storage.index_shape import index_problem

Stamp = tuple[int, int, int]


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class ListIndex:
    """Reads (and keeps) and writes the index; ``save`` writes bytes atomically."""

    def __init__(self, path: Path, save: Callable[[Path, bytes], object]) -> None:
        self.path = path
        self._save = save
        self._kept: tuple[Stamp, dict[str, Any]] | None = None
        self.parses = 0
        """How many times the file was parsed (a test counts them)."""

    def read(self) -> dict[str, Any]:
        """The index as it is on disk; shared with later reads: not to be changed."""
        stamp = _stamp(self.path)
        if stamp is not None and self._kept is not None and self._kept[0] == stamp:
            return self._kept[1]
        data = self._parse()
        if stamp is not None and data is not None:
            self._kept = (stamp, data)
            return data
        return {"lists": [], "bundled_forgotten": []}

    def for_change(self) -> dict[str, Any]:
        """A copy of the index its caller may change and ``write`` (list records copied too)."""
        data = dict(self.read())
        for key in ("lists", "bundled"):
            if isinstance(data.get(key), list):
                data[key] = [dict(r) if isinstance(r, dict) else r for r in data[key]]
        return data

    def write(self, data: dict[str, Any]) -> None:
        self._kept = None  # read again from what was written (or what is left on failure)
        self._save(self.path, orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))

    def _parse(self) -> dict[str, Any] | None:
        """The file's content checked (None: there is no file)."""
        try:
            data = orjson.loads(self.path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, orjson.JSONDecodeError) as exc:
            raise ListError(f"{self.path}: cannot read the list index ({exc})") from exc
        self.parses += 1
        if not isinstance(data, dict):
            raise ListError(f"{self.path}: the list index is not a JSON object")
        problem = index_problem(data)
        if problem is not None:
            raise ListError(f"{self.path}: the list index is damaged ({problem})")
        return data
