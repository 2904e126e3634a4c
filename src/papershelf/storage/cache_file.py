"""``catalog.json``'s bytes: one JSON document with a head, the first papers, then a list a line.

``{"format":3,"head":[start,end],"first":{...},"lists":{`` then each list's name and entry on
lines of their own, then ``}}``. The head, at a fixed place in the first bytes, gives the byte
range of ``first`` (the catalog's first papers, drawn before the rest is read). The lists are
read a line at a time: read whole, a 50,000-paper cache held its 20 MB of bytes, the JSON
parser's tree of them (about 30 MB more) and the parsed rows at once, the peak of the app's
memory. The file stays one JSON document (a reader that takes it whole still can), and a
cache in another layout (an older papershelf's, or edited by hand) is read whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import IO, Any

import orjson

CACHE_FORMAT = 3
"""3: rows with text lists packed into one string each (``catalog_rows.pack``), a third
smaller in memory when read; 2: rows of lists; 1: objects."""

HEAD = re.compile(rb'\{"format":(\d+),"head":\[ *(\d+), *(\d+)\],"first":')
HEAD_BYTES = 64
"""The head is within the first bytes: ``{"format":3,"head":[...],"first":`` is 50."""
_LISTS = b',"lists":{\n'
_TAIL = b"}}"


def header(start: int, end: int) -> bytes:
    """Fixed width (spaces are JSON whitespace), so its length is known before the offsets."""
    return b'{"format":%d,"head":[%12d,%12d],"first":' % (CACHE_FORMAT, start, end)


def cache_chunks(
    lists: Mapping[str, Any],
    first: Mapping[str, Any] | None = None,
    lines: Mapping[str, bytes] | None = None,
) -> Iterator[bytes]:
    """The file for ``lists`` and the first papers, one list at a time.

    Compact JSON never holds a raw newline (strings escape it), so the lines split exactly;
    written as it comes, the file never sits in memory whole. ``lines``: list name -> its
    entry's line as read (``read_cache_file``), written as it is instead of serialised again.
    """
    lines = lines or {}
    data = orjson.dumps(first or {})
    start = len(header(0, 0))
    yield header(start, start + len(data))
    yield data
    yield _LISTS
    for i, (name, entry) in enumerate(lists.items()):
        yield (b"," if i else b"") + orjson.dumps(name) + b":\n"
        line = lines.get(name)
        if line is None:
            yield orjson.dumps(entry)
            line = b"\n"
        yield line
    yield _TAIL


def cache_bytes(lists: Mapping[str, Any], first: Mapping[str, Any] | None = None) -> bytes:
    """``cache_chunks`` joined."""
    return b"".join(cache_chunks(lists, first))


def read_cache_file(file: IO[bytes], lines: dict[str, bytes] | None = None) -> tuple[object, bool]:
    """(the document without ``first``, whether it was in lines); other JSON is read whole.

    The store writes a cache read whole again in lines. Raises ``orjson.JSONDecodeError``
    when the text is not JSON (a damaged cache). ``lines`` is given each list's entry line as
    read (with its newline), when the file is in lines.
    """
    found = HEAD.match(file.read(HEAD_BYTES))
    if found is not None:
        file.seek(int(found[3]))
        if file.readline() == _LISTS:
            return _lines(LineReader(file), int(found[1]), lines)
    file.seek(0)
    return orjson.loads(file.read()), False


class LineReader:
    """``readline`` of a file read a megabyte at a time.

    A list's line is megabytes long (5 MB for 10,000 papers): ``BufferedReader.readline``
    takes it in thousands of small reads, about three times slower at 40,000 papers.
    Never more than the line and one chunk are held.
    """

    CHUNK = 1 << 20

    def __init__(self, file: IO[bytes], chunk: int = CHUNK) -> None:
        self._file, self._size = file, chunk
        self._chunk, self._at = b"", 0

    def readline(self) -> bytes:
        """The next line with its newline; the rest without one at the end; b"" after it."""
        pieces: list[bytes] = []
        while True:
            end = self._chunk.find(b"\n", self._at)
            if end >= 0:
                pieces.append(self._chunk[self._at : end + 1])
                self._at = end + 1
                return b"".join(pieces)
            pieces.append(self._chunk[self._at :])
            self._chunk, self._at = self._file.read(self._size), 0
            if not self._chunk:
                return b"".join(pieces)


def _lines(file: LineReader, version: int, lines: dict[str, bytes] | None) -> tuple[object, bool]:
    lists: dict[str, Any] = {}
    while True:
        line = file.readline()
        if line.rstrip() == _TAIL:
            return {"format": version, "lists": lists}, True
        name = orjson.loads(line.removeprefix(b",").removesuffix(b":\n") if line else b"")
        entry = file.readline()
        if type(name) is not str or not entry.endswith(b"\n"):
            return None, False  # cut short or not ours: damaged
        lists[name] = orjson.loads(entry)
        if lines is not None:  # only when asked: else each line is let go of once parsed
            lines[name] = entry
