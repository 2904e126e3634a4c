"""Conflict copies merged here that could not be moved away: not offered again as they are.

A copy the backups folder refused (permission denied) stayed beside the library, and every
start offered it, and merged it, again. Each is remembered by name, size and modification
time in ``settings.json`` (a preference-like record: losing it costs one more offer); a copy
that changes since (the sync folder brought a newer one) is offered again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from papershelf.storage.settings_file import read_settings, update_setting

KEY = "merged_copies"


def _fingerprint(copy: Path) -> list[Any] | None:
    """[name, size, mtime in ns], or None when the copy cannot be read (gone meanwhile)."""
    try:
        stat = copy.stat()
    except OSError:
        return None
    return [copy.name, stat.st_size, stat.st_mtime_ns]


def remember(settings: Path, copies: Iterable[Path]) -> None:
    """Remember ``copies`` as merged here; the entries of copies gone since are dropped."""
    found = [f for copy in copies if (f := _fingerprint(copy)) is not None]
    here = settings.parent

    def change(known: Any) -> list[Any]:
        kept = [e for e in known if isinstance(e, list)] if isinstance(known, list) else []
        kept = [entry for entry in kept if entry and (here / str(entry[0])).exists()]
        return kept + [f for f in found if f not in kept]

    update_setting(settings, KEY, change)


def not_merged(settings: Path, copies: Sequence[Path]) -> list[Path]:
    """``copies`` but those merged here and unchanged since."""
    known = read_settings(settings).get(KEY)
    if not isinstance(known, list) or not known:
        return list(copies)
    return [copy for copy in copies if _fingerprint(copy) not in known]
