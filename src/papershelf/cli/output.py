"""Printing for the CLI: tables that fit the terminal, JSON, and terminal-safe text."""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime
from typing import Any

import orjson

from papershelf.domain.text import sanitize


def safe(text: str) -> str:
    """User text never carries escape sequences to the terminal."""
    return sanitize(text)


def say(text: str) -> None:
    """A line for the reader on stderr, after everything written to stdout before it.

    stdout is flushed first: into a pipe or a file it is block-buffered, and a summary sent
    to stderr went out before the table it sums up (``papershelf orphans 2>&1 | less``).
    """
    sys.stdout.flush()
    print(text, file=sys.stderr)


def say_on_terminal(text: str) -> None:
    """``say``, when a person reads stdout: an empty result is no news to a script.

    ``list`` and ``export`` say "no papers match" this way (as ``gh`` says "no results"):
    a pipe or a file gets the empty result alone, and exit 0.
    """
    if sys.stdout.isatty():
        say(text)


# A cheap superset of the characters ``_json_escape`` escapes (it checks the category).
_SUSPECT = re.compile(
    "[\x7f-\x9f\u00ad\u0600-\u08ff\u180e\u2000-\u206f\ufeff-\ufffb\U00011000-\U000e007f]"
)


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp"):
        return char
    code = ord(char)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _terminal_safe(raw: bytes) -> bytes:
    if not raw.isascii() or b"\x7f" in raw:
        raw = _SUSPECT.sub(_json_escape, raw.decode("utf-8")).encode("utf-8")
    return raw


def print_json(data: Any) -> None:
    """JSON as stored (lossless), with controls and bidi/zero-width characters as JSON escapes.

    orjson escapes only C0 controls; C1 controls, bidi overrides and zero-width characters
    would reach the terminal raw.
    """
    raw = _terminal_safe(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    sys.stdout.buffer.write(raw)
    sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


_CHUNK = 512


def print_json_array(items: Iterable[Any]) -> None:
    """A JSON array written as it is made, byte for byte what ``print_json(list)`` writes.

    Only a chunk of items is in memory at a time, so a list of 50,000 papers never becomes
    one document. JSON strings hold no raw newline, so indenting an item's lines is safe.
    """
    out = sys.stdout.buffer
    first = True
    chunk: list[bytes] = []

    def flush() -> None:
        nonlocal first
        out.write((b"[\n  " if first else b",\n  ") + b",\n  ".join(chunk))
        first = False
        chunk.clear()

    for item in items:
        raw = _terminal_safe(orjson.dumps(item, option=orjson.OPT_INDENT_2))
        chunk.append(raw.replace(b"\n", b"\n  "))
        if len(chunk) >= _CHUNK:
            flush()
    if chunk:
        flush()
    out.write(b"[]\n" if first else b"\n]\n")
    sys.stdout.flush()


def _char_cells(char: str) -> int:
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):  # accents, joiners, selectors
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(text: str) -> int:
    """Columns ``text`` takes on a terminal: 2 for CJK and emoji (``中``, ``🚀``), 0 for marks.

    The CLI may not load rich (``cell_len``); this is its rule in short.
    """
    return len(text) if text.isascii() else sum(map(_char_cells, text))


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns, ending in "…" when cut."""
    if cells(text) <= width:
        return text  # a lone accent fits in no column
    if width <= 0:
        return ""
    kept, used = [], 0
    for char in text:
        used += _char_cells(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def fitted(head: str, text: str, tail: str, width: int, *, least: int = 10) -> str:
    """``head``, ``text`` and ``tail`` on one line of ``width`` columns, ``text`` cut to fit.

    ``head`` and ``tail`` stay whole (they hold ids that a reader copies): a terminal
    wrapping a longer line breaks them anywhere. ``text`` keeps at least ``least`` columns.
    """
    room = max(least, width - cells(head) - cells(tail))
    return head + cut(text, room) + tail


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cells(text))


MAX_CELL = 48
"""Widest a capped column gets: one 110-character id or venue name must not take the
title's room in every row (``--format json`` keeps them whole)."""
_GAP = 2
_MIN_FLEX = 10
_TYPICAL = 0.9
"""Share of a capped column's cells kept whole while the flexible column lacks room."""


def column_widths(
    natural: Sequence[int],
    typical: Sequence[int],
    *,
    flex: int,
    capped: Collection[int],
    width: int,
) -> list[int]:
    """Widths that fit ``width`` when they can.

    ``natural`` is each column's widest cell or header, ``typical`` the width that fits most
    of its cells. The ``capped`` columns (free text of any length: ids, names) are at most
    ``MAX_CELL`` wide, and while the flexible column has less than half the room they are
    cut, the widest first, down to their typical width: only the rare long cell loses its
    end. The flexible column then takes what is left (at least a few characters).
    """
    cut = [i for i in capped if i != flex]  # the flexible column is never capped
    widths = [min(w, MAX_CELL) if i in cut else w for i, w in enumerate(natural)]
    room = width - _GAP * (len(widths) - 1)
    budget = room - min(widths[flex], max(_MIN_FLEX, room // 2))
    budget -= sum(w for i, w in enumerate(widths) if i != flex and i not in capped)
    while sum(widths[i] for i in cut) > budget:
        above = [i for i in cut if widths[i] > max(typical[i], 1)]
        if not above:
            break
        widest = max(above, key=lambda i: widths[i])
        widths[widest] -= 1
    others = sum(w for i, w in enumerate(widths) if i != flex)
    widths[flex] = max(_MIN_FLEX, min(widths[flex], room - others))
    return widths


def fit_line(
    widths: Sequence[int], headers: Sequence[int], give: Sequence[tuple[int, int]], width: int
) -> list[int]:
    """``widths`` narrowed until the line fits ``width`` columns.

    The columns of ``give`` (index, floor) give way widest first, each down to its floor and
    never under its header.
    """
    out = list(widths)
    for i, floor in sorted(give, key=lambda g: -out[g[0]]):
        over = sum(out) + _GAP * (len(out) - 1) - width
        if over <= 0:
            break
        out[i] -= max(0, min(over, out[i] - max(floor, headers[i])))
    return out


def local_minute(at: str) -> str:
    """An ISO time as the local ``YYYY-MM-DD HH:MM`` a table shows, as the app's history does.

    ``2026-12-07T06:53:22Z`` took 20 columns of 80. Anything else is shown as it is.
    """
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _typical(header: str, lengths: list[int]) -> int:
    """The width that fits ``_TYPICAL`` of the cells, and the header."""
    lengths.sort()
    return max(cells(header), lengths[int((len(lengths) - 1) * _TYPICAL)])


def print_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    flex: int = -1,
    capped: Collection[int] = (),
    ids: int | None = None,
    id_start: Callable[[list[str]], int] | None = None,
) -> None:
    """Columns sized to their content and the terminal (``column_widths``), cut with "…".

    The ``ids`` column is cut only past ``MAX_CELL``: ``papershelf list | cut -c1-48``
    and the like read the ids back, and an ordinary id is never that long. A line that
    would not fit the terminal even so cuts it down to the start that names each row's id
    alone (``id_start`` of the ids) and its "…", which the command line takes, then the
    other columns (``fit_line``): a terminal wrapping the line broke it anywhere.
    """
    if not rows:
        return
    width = shutil.get_terminal_size((120, 24)).columns
    rows_safe = [[safe(c) for c in row] for row in rows]
    sizes = [[cells(c) for c in row] for row in rows_safe]
    natural = [max(cells(h), *(r[i] for r in sizes)) for i, h in enumerate(headers)]
    typical = [_typical(h, [r[i] for r in sizes]) for i, h in enumerate(headers)]
    n = len(headers)
    if ids is not None:  # every id that is not absurdly long stays whole
        lengths = [r[ids % n] for r in sizes if r[ids % n] <= MAX_CELL]
        typical[ids % n] = max([cells(headers[ids % n]), *lengths])
    widths = column_widths(
        natural, typical, flex=flex % n, capped={c % n for c in capped}, width=width
    )
    heads = [cells(h) for h in headers]
    id_col = None if ids is None else ids % n
    if id_col is not None and id_start is not None and sum(widths) + _GAP * (n - 1) > width:
        least = id_start([row[id_col] for row in rows]) + 1  # and its "…"
        widths = fit_line(widths, heads, [(id_col, least)], width)
    others = [(i, 4) for i in sorted({c % n for c in capped}) if i != id_col]
    widths = fit_line(widths, heads, others, width)
    widths = fit_line(widths, heads, [(flex % n, 1)], width)
    out = sys.stdout

    def line(values: Sequence[str]) -> str:
        return "  ".join(_pad(cut(v, w), w) for v, w in zip(values, widths, strict=True)).rstrip()

    out.write(line(headers) + "\n")
    for row in rows_safe:
        out.write(line(row) + "\n")
