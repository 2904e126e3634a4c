"""A two-column table of one paper's fields under its heading: ``| Key | Value |``.

Conference notes give each paper a heading and a small table of its fields below it
(``|**Time** | 9:15 AM |``, ``|**Authors** | Dibei Chen, ... |``, ``|**LocalPDF** |
[PDF File](...) |``). A reader sees the heading's paper and its details, not a table of
papers: each row is a ``Key: value`` line of the heading's body, as a list would write it.
"""

from __future__ import annotations

from papershelf.catalog.spans import Span, text_of

_HEADERS = frozenset({("key", "value"), ("field", "value"), ("属性", "值"), ("项目", "内容")})


def field_line(row: list[tuple[str, list[Span]]]) -> list[Span] | None:
    """``Authors: Dibei Chen, ...`` for a row of a key/value table, else None."""
    if (
        len(row) != 2
        or (row[0][0].strip().casefold(), row[1][0].strip().casefold()) not in _HEADERS
    ):
        return None
    key = text_of(row[0][1]).strip(" *_:")
    return [Span(f"{key}: "), *row[1][1]] if key else None
