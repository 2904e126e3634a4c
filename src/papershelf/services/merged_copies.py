"""Conflict copies merged here that could not be moved away: not offered again as they are.

A copy the backups folder refused (permission denied) stayed beside the library, and every
start offered it, and merged it, again. Each is remembered by name, size and modification
time in ``settings.json`` (a preference-like record: losing it costs one more offer); a copy
that changes since (the sync folder brought a newer one) is offered again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from papershelf.storage.atomic import atomic_write

KEY = "merged_copies"


def _read(settings: Path) -> dict[str, Any]:
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _fingerprint(copy: Path) -> list[Any] | None:
    """[name, size, mtime in ns], or None when the copy cannot be read (gone meanwhile)."""
    try:
        stat = copy.stat()
    except OSError:
        return None
    return [copy.name, stat.st_size, stat.st_mtime_ns]


def remember(settings: Path, copies: Iterable[Path]) -> None:
    """Remember ``copies`` as merged here; the entries of copies gone since are dropped."""
    data = _read(settings)
    known = data.get(KEY)
    kept = [entry for entry in known if isinstance(entry, list)] if isinstance(known, list) else []
    here = settings.parent
    kept = [entry for entry in kept if entry and (here / str(entry[0])).exists()]
    for copy in copies:
        if (found := _fingerprint(copy)) is not None and found not in kept:
            kept.append(found)
    data[KEY] = kept
    atomic_write(settings, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def not_merged(settings: Path, copies: Sequence[Path]) -> list[Path]:
    """``copies`` but those merged here and unchanged since."""
    known = _read(settings).get(KEY)
    if not isinstance(known, list) or not known:
        return list(copies)
    return [copy for copy in copies if _fingerprint(copy) not in known]
