"""Finding a paper by the start of its id, as the CLI lets people type it."""

from __future__ import annotations

import bisect
from collections.abc import Container, Sequence

from papershelf.errors import UsageError


def unique_prefix(text: str, ids: Container[str], sorted_ids: Sequence[str]) -> str:
    """The one id ``text`` is or starts; ``UsageError`` naming the candidates otherwise."""
    if text in ids:
        return text
    start = bisect.bisect_left(sorted_ids, text)
    hits: list[str] = []
    for pid in sorted_ids[start:]:
        if not pid.startswith(text) or len(hits) > 10:
            break
        hits.append(pid)
    if not text or not hits:
        raise UsageError(f"no paper id starts with {text!r} (see `papershelf list`)")
    if len(hits) > 1:
        shown = ", ".join(hits[:5]) + (", ..." if len(hits) > 5 else "")
        raise UsageError(f"id prefix {text!r} is ambiguous: {shown}")
    return hits[0]
