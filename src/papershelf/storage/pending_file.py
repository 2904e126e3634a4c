"""The pending-changes file: the user's changes that could not be written yet, kept on disk.

Written only while a write is failing (the happy path never touches it), atomically, to the
data folder or, when that folder refuses, to a fallback outside it. Whoever starts next reads
both, applies the changes and removes the files.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from papershelf.storage.atomic import atomic_write_bytes

FORMAT = 1


def save(places: Sequence[Path], changes: Sequence[dict[str, Any]]) -> Path | None:
    """Keep ``changes`` in the first place that takes them; None when none did.

    An empty ``changes`` removes every copy instead (all of them are written now).
    """
    if not changes:
        for place in places:
            with contextlib.suppress(OSError):
                place.unlink(missing_ok=True)
        return None
    data = orjson.dumps({"format": FORMAT, "changes": list(changes)}, option=orjson.OPT_INDENT_2)
    for place in places:
        try:
            atomic_write_bytes(place, data)
        except OSError:
            continue
        # A stale copy elsewhere would replay older changes after these.
        for other in places:
            if other != place:
                with contextlib.suppress(OSError):
                    other.unlink(missing_ok=True)
        return place
    return None


def load(places: Sequence[Path]) -> tuple[list[dict[str, Any]], list[str]]:
    """The changes kept in ``places``, oldest file first, and one line per unreadable file."""
    found: list[tuple[float, list[dict[str, Any]]]] = []
    problems: list[str] = []
    for place in places:
        try:
            raw = place.read_bytes()
            mtime = place.stat().st_mtime
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(f"{place}: cannot read kept changes ({exc.strerror or exc})")
            continue
        try:
            data = orjson.loads(raw)
            changes = data["changes"] if isinstance(data, dict) else None
            if not isinstance(changes, list) or not all(isinstance(c, dict) for c in changes):
                raise ValueError("no list of changes")
        except (orjson.JSONDecodeError, ValueError, KeyError) as exc:
            problems.append(f"{place}: kept changes are unreadable ({exc}); the file is left")
            continue
        found.append((mtime, changes))
    found.sort(key=lambda item: item[0])
    return [change for _, changes in found for change in changes], problems
