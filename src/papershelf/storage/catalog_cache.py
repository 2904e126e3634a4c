"""``catalog.json``: every list's parsed entry, and a copy of the first lists' readable alone.

The file is one JSON object, ``{"format", "head", "first", "lists"}``. ``lists`` is the cache
(list name -> entry). ``first`` repeats the entries of the first lists in catalog order (about
a screenful of papers, when a big list follows), and ``head`` gives its byte range, written
at a fixed place near the start: a start reads those few kilobytes and shows the first
papers before it reads (at 50,000 papers) 20 MB. Entries in ``first`` are checked like any
other (their list's stamp, options and rows), so they can only be right or ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

from papershelf import __version__
from papershelf.storage import catalog_stages
from papershelf.storage.atomic import atomic_write_bytes
from papershelf.storage.catalog_stages import rows_of
from papershelf.storage.list_record import ListRecord

CACHE_FORMAT = 3
"""3: rows with text lists packed into one string each (``catalog_rows.pack``), a third
smaller in memory when read; 2: rows of lists; 1: objects."""

SMALL_BYTES = 256 * 1024
"""A cache this small (the bundled lists are 31 kB) is read whole before the first frame."""

_HEAD = re.compile(rb'\{"format":(\d+),"head":\[ *(\d+), *(\d+)\],"first":')
_HEAD_BYTES = 64
"""The head is within the first bytes: ``{"format":3,"head":[...],"first":`` is 50."""


def options_key(record: ListRecord) -> str:
    """Everything but the text that changes what a list parses to."""
    ids = orjson.dumps(record.id_map, option=orjson.OPT_SORT_KEYS).decode()
    return "|".join((record.venue or "", ids, __version__, str(CACHE_FORMAT)))


def entry_key(record: ListRecord, digest: str) -> str:
    """An entry's key: the list text's digest and the options it was parsed with."""
    return digest + "|" + options_key(record)


def unchanged(entry: object, record: ListRecord, stamp: str) -> bool:
    """The entry was made from this very file (by its stamp) with the same options."""
    if not isinstance(entry, dict) or entry.get("stamp") != stamp:
        return False
    return str(entry.get("key", "")).partition("|")[2] == options_key(record)


def read(path: Path) -> tuple[dict[str, Any], bool]:
    """(list name -> entry, damaged): {} for a missing file or another version's."""
    try:
        data = orjson.loads(path.read_bytes())
    except OSError:
        return {}, False
    except orjson.JSONDecodeError:
        data = None
    if isinstance(data, dict) and data.get("format") != CACHE_FORMAT:
        return {}, False  # another version's cache: replaced without a word
    lists = data.get("lists") if isinstance(data, dict) else None
    if not isinstance(lists, dict):
        return {}, True
    return lists, False


def read_first(path: Path) -> dict[str, Any] | None:
    """The first lists' entries alone ({} when there are none); None: the file has no head.

    A cache without a head (written before there were heads) is worth writing again.
    """
    try:
        with path.open("rb") as f:
            found = _HEAD.match(f.read(_HEAD_BYTES))
            if found is None or int(found[1]) != CACHE_FORMAT:
                return None
            start, end = int(found[2]), int(found[3])
            f.seek(start)
            first = orjson.loads(f.read(max(0, end - start)))
    except FileNotFoundError:
        return {}
    except (OSError, orjson.JSONDecodeError):
        return None
    return first if isinstance(first, dict) else None


def first_lists(names: Sequence[str], lists: Mapping[str, Any]) -> dict[str, Any]:
    """The leading lists that make a first screen, when a heavy list follows them; else {}."""
    first: dict[str, Any] = {}
    rows = 0
    for at, name in enumerate(names):
        if name not in lists:
            continue
        count = rows_of(lists[name])
        heavy_rows = catalog_stages.HEAVY_ROWS
        if count >= heavy_rows or rows >= catalog_stages.SCREENFUL:
            heavy = any(rows_of(lists.get(later)) >= heavy_rows for later in names[at:])
            return first if heavy else {}
        first[name] = lists[name]
        rows += count
    return {}  # nothing heavy follows: the whole cache is read at once


def write(path: Path, lists: dict[str, Any], names: Sequence[str]) -> None:
    """Write the cache (``names``: the lists in catalog order, for ``first``)."""
    first = orjson.dumps(first_lists(names, lists))
    start = len(_header(0, 0))
    head = _header(start, start + len(first))
    rest = orjson.dumps(lists)
    atomic_write_bytes(path, b"".join((head, first, b',"lists":', rest, b"}")))


def _header(start: int, end: int) -> bytes:
    """Fixed width (spaces are JSON whitespace), so its length is known before the offsets."""
    return b'{"format":%d,"head":[%12d,%12d],"first":' % (CACHE_FORMAT, start, end)
