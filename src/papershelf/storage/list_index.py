"""``lists/index.json``, parsed once per version of the file.

At 40,000 papers the index holds every list's ids (about 5 MB) and takes about 8 ms to parse;
one import read it five times (the catalog before and after, the import's own look-up, the
save, the record of what changed). Every writer replaces the file (a new inode), so its
identity on disk says when the parse kept is still the file's content. What this process
writes is kept as the parse of the file it wrote (``as_parsed``): read again, it would be
the same (about 20 ms at 50,000 papers, twice an import).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from papershelf.errors import ListError
from papershelf.storage.index_shape import index_problem
from papershelf.storage.list_record import copy_stamp
from papershelf.storage.lock import WriteLock


def _stamp(path: Path) -> str | None:
    """``list_record.copy_stamp`` of the index, or None when it cannot be read."""
    try:
        return copy_stamp(path)
    except OSError:
        return None


class ListIndex:
    """Reads (and keeps) and writes the index; ``save`` writes bytes atomically."""

    def __init__(
        self, path: Path, save: Callable[[Path, bytes], object], *, lock_timeout: float = 5.0
    ) -> None:
        self.path = path
        self._save = save
        self._lock = WriteLock(
            path.with_name(path.name + ".lock"), target=path, timeout=lock_timeout
        )
        self._kept: tuple[str, dict[str, Any]] | None = None
        self.parses = 0
        """How many times the file was parsed (a test counts them)."""

    def read(self) -> dict[str, Any]:
        """The index as it is on disk; shared with later reads: not to be changed."""
        stamp, kept = _stamp(self.path), self._kept  # ``let_go`` may run on another thread
        if stamp is not None and kept is not None and kept[0] == stamp:
            return kept[1]
        data = self._parse()
        if stamp is not None and data is not None:
            self._kept = (stamp, data)
            return data
        return {"lists": [], "bundled_forgotten": []}

    def let_go(self) -> None:
        """Drop the parse kept; the next read parses the file again.

        The app holds its catalog for hours between two loads, and the ids in the index
        are 10 MB of it at 50,000 papers.
        """
        self._kept = None

    def read_stamp(self) -> str | None:
        """The file's stamp (``list_record.copy_stamp``) as ``read`` last found it, or None."""
        return None if self._kept is None else self._kept[0]

    @property
    def lock(self) -> WriteLock:
        """Held by ``changing``; a caller holds it longer to read more than the index."""
        return self._lock

    @contextlib.contextmanager
    def changing(self) -> Iterator[dict[str, Any]]:
        """The index as it is now, for its caller to change; written when the block ends.

        One writer at a time across processes (``index.json.lock``), and the index read
        under the lock: two imports at once (the app's and the command line's) each add
        their list to what the other wrote, where the second used to write back the index
        it had read before the first's write, and the first's list was lost. Nothing is
        written when the block raises.
        """
        with self._lock:
            data = dict(self.read())
            for key in ("lists", "bundled"):
                if isinstance(data.get(key), list):
                    data[key] = [dict(r) if isinstance(r, dict) else r for r in data[key]]
            yield data
            self._kept = None  # read again from what was written (or what is left on failure)
            stamp = self._save(
                self.path, orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
            )
            # The file's stamp as written: a later writer's file has another, and is parsed.
            if isinstance(stamp, str):
                written = as_parsed(data)
                if written is not None and index_problem(written) is None:
                    self._kept = (stamp, written)

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


class _NotJson(Exception):
    """A value that JSON would not give back as it is (``as_parsed`` then gives up)."""


def as_parsed(data: dict[str, Any]) -> dict[str, Any] | None:
    """What parsing ``data`` as written (``OPT_SORT_KEYS``) gives; None if unsure.

    Keys sorted (code point order is UTF-8's byte order), tuples as lists; only text,
    integers, booleans and None are taken as they are: anything else is parsed again.
    """
    try:
        copied: dict[str, Any] = _json_copy(data)
    except (_NotJson, RecursionError):
        return None
    return copied


_TEXT = {str}
_INT_RANGE = range(-(2**63), 2**64)
"""The integers orjson writes."""


def _json_copy(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int and value in _INT_RANGE:
        return value
    if kind is list or kind is tuple:
        if set(map(type, value)) <= _TEXT:  # the ids: 50,000 of them, at C speed
            return list(value)
        return [_json_copy(item) for item in value]
    if kind is dict and set(map(type, value)) <= _TEXT:
        if set(map(type, value.values())) <= _TEXT:  # an id map
            return {key: value[key] for key in sorted(value)}
        return {key: _json_copy(value[key]) for key in sorted(value)}
    raise _NotJson
