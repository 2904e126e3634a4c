"""``settings.json``: one key changed at a time, under a lock of its own.

The theme (changed on the app's thread), the view (kept on leaving) and the conflict copies
merged already (the start's merge) are keys of one file, each written by reading the whole
file, changing its key and writing the file back. Two such writes at once (two windows, a
theme changed during the start's merge) lost the first one's key; under the lock each reads
what the other wrote. These are preferences, not the library: a lock not had within a
second or two costs the one key, said as an ``OSError`` like any other failed write.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from papershelf.errors import LockTimeoutError, WriteError
from papershelf.storage.atomic import atomic_write
from papershelf.storage.lock import WriteLock

LOCK_TIMEOUT = 2.0
"""Seconds to wait for another writer of the file (each holds it for one small write)."""


def lock_path(settings: Path) -> Path:
    return settings.with_name(settings.name + ".lock")


def read_settings(settings: Path) -> dict[str, Any]:
    """The file's keys ({} when it is missing, unreadable or not an object)."""
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def update_setting(settings: Path, key: str, change: Callable[[Any], Any]) -> bool:
    """Set ``key`` to ``change(its value now)``, other keys kept; False when that is no change.

    Nothing is written (and no lock taken: a read-only folder says nothing) when the value
    read first is already the new one.
    """
    if (now := read_settings(settings).get(key)) == change(now):
        return False
    try:
        with WriteLock(lock_path(settings), target=settings, timeout=LOCK_TIMEOUT):
            data = read_settings(settings)
            new = change(data.get(key))
            if key in data and data[key] == new:
                return False
            data[key] = new
            text = json.dumps(data, indent=2, sort_keys=True) + "\n"
            atomic_write(settings, text.encode("utf-8"))
    except (LockTimeoutError, WriteError) as exc:
        raise OSError(str(exc)) from None
    return True
