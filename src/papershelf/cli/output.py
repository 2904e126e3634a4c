"""Printing for the CLI: tables that fit the terminal, JSON, and terminal-safe text."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from typing import Any

import orjson

from papershelf.domain.models import Status
from papershelf.domain.text import sanitize

GLYPHS = {Status.UNREAD: "·", Status.TO_READ: "○", Status.READING: "◐", Status.READ: "●"}


def safe(text: str) -> str:
    """User text never carries escape sequences to the terminal."""
    return sanitize(text)


def print_json(data: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


def _cut(text: str, width: int) -> str:
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, flex: int = -1) -> None:
    """Columns sized to their content; column ``flex`` shrinks so the table fits the width."""
    if not rows:
        return
    width = shutil.get_terminal_size((120, 24)).columns
    cells = [[safe(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    flex = flex % len(headers)
    others = sum(w for i, w in enumerate(widths) if i != flex) + 2 * (len(headers) - 1)
    widths[flex] = max(10, min(widths[flex], width - others))
    out = sys.stdout

    def line(values: Sequence[str]) -> str:
        return "  ".join(_cut(v, w).ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out.write(line(headers) + "\n")
    for row in cells:
        out.write(line(row) + "\n")
