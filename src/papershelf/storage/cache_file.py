"""``catalog.json``'s bytes: one JSON document, written a list a line to be read so.

Read whole, a 50,000-paper cache held its 20 MB of bytes, the JSON parser's own tree of
them (about 30 MB more) and the parsed rows at once: the peak of the app's memory. Read a
line at a time, only one list's bytes and tree are held beside the rows. The file stays one
JSON document (a reader that takes it whole still can), and a cache written in one piece
(an older papershelf's, or edited by hand) is read whole as before.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Any

import orjson

CACHE_FORMAT = 3
"""3: rows with text lists packed into one string each (``catalog_rows.pack``), a third
smaller in memory when read; 2: rows of lists; 1: objects."""

_HEAD = b'{"format":%d,"lists":{\n' % CACHE_FORMAT
_TAIL = b"}}"


def cache_chunks(lists: Mapping[str, Any]) -> Iterator[bytes]:
    """``{"format": 3, "lists": lists}`` with each list's name and entry on lines of their own.

    Compact JSON never holds a raw newline (strings escape it), so the lines split exactly.
    One list at a time: written as it comes, the file never sits in memory whole.
    """
    yield _HEAD
    for i, (name, entry) in enumerate(lists.items()):
        yield (b"," if i else b"") + orjson.dumps(name) + b":\n"
        yield orjson.dumps(entry)
        yield b"\n"
    yield _TAIL


def cache_bytes(lists: Mapping[str, Any]) -> bytes:
    """``cache_chunks`` joined."""
    return b"".join(cache_chunks(lists))


def read_cache_file(file: IO[bytes]) -> tuple[object, bool]:
    """(the document, whether it was in lines); any other JSON is read whole.

    The store writes a cache read whole again in lines. Raises ``orjson.JSONDecodeError``
    when the text is not JSON (a damaged cache).
    """
    first = file.readline()
    if first != _HEAD:
        return orjson.loads(first + file.read()), False
    lists: dict[str, Any] = {}
    while True:
        line = file.readline()
        if line.rstrip() == _TAIL:
            return {"format": CACHE_FORMAT, "lists": lists}, True
        name = orjson.loads(line.removeprefix(b",").removesuffix(b":\n") if line else b"")
        entry = file.readline()
        if type(name) is not str or not entry.endswith(b"\n"):
            return None, False  # cut short or not ours: damaged
        lists[name] = orjson.loads(entry)
