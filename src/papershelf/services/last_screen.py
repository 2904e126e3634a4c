"""The screen the app left, kept to be drawn first at the next start while the app gets ready.

A start spends most of its time importing the app's modules and building its widgets; the
papers it then draws are those it left, when nothing changed since. So the last screen is
kept as lines of (text, style) runs, with a stamp of everything the screen shows that could
change in between: the library, the catalog cache, the stored lists, the settings and
config, changes waiting to be applied, the terminal's size and look, papershelf's version.
Any difference and the file is not used: the app starts as it would without it. It is a
cache: never the user's data, rewritten at each quit, removed when unreadable.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import NamedTuple

from papershelf import __version__
from papershelf.paths import Paths

Line = list[tuple[str, str]]
"""One row of the screen: runs of text, each with its style (rich's style syntax)."""


class KeptScreen(NamedTuple):
    """The screen's rows, and which one is its status line.

    A start says there that keys wait for the catalog, as a start without it does.
    """

    lines: list[Line]
    status_row: int | None = None
    status_end: int = 0
    """Where the status line's figures end: what follows them (a hint) gives way."""


_ENV = ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR")
"""What else decides how the same screen looks (and every ``TEXTUAL_*`` variable)."""


def _file(path: Path) -> list[int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return [found.st_mtime_ns, found.st_size, found.st_ino]


def _folder(path: Path) -> list[object]:
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except OSError:
        return []
    return [[entry.name, _file(Path(entry.path))] for entry in entries]


def stamp(paths: Paths, size: tuple[int, int]) -> dict[str, object]:
    """What must be the same for the kept screen to be the one the app is about to draw."""
    env = {k: v for k, v in os.environ.items() if k in _ENV or k.startswith("TEXTUAL")}
    return {
        "version": __version__,
        "size": list(size),
        "env": env,
        "files": [
            _file(path)
            for path in (
                paths.library,
                paths.catalog,
                paths.settings,
                paths.config,
                paths.pending,
                paths.pending_fallback,
            )
        ],
        "lists": _folder(paths.lists),
        "enrich": _file(paths.enrich),
    }


def read_screen(paths: Paths, size: tuple[int, int]) -> KeptScreen | None:
    """The kept screen when nothing it shows changed since it was kept, else None."""
    try:
        data = json.loads(paths.last_screen.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        forget_screen(paths)  # damaged: the next quit writes it again
        return None
    if not isinstance(data, dict) or data.get("stamp") != stamp(paths, size):
        return None
    lines, row, end = data.get("lines"), data.get("status_row"), data.get("status_end")
    if not isinstance(lines, list) or len(lines) != size[1]:
        return None
    try:
        kept = [[(str(text), str(style)) for text, style in line] for line in lines]
    except (TypeError, ValueError):
        return None
    if not (isinstance(row, int) and 0 <= row < size[1] and isinstance(end, int)):
        row, end = None, 0
    return KeptScreen(kept, row, end)


def keep_screen(paths: Paths, size: tuple[int, int], kept: KeptScreen) -> None:
    """Keep the screen for the next start; after every other write of the quit (the stamp)."""
    from papershelf.storage.atomic import atomic_write

    if not paths.data_dir.is_dir():
        return
    data = {"stamp": stamp(paths, size), **kept._asdict()}
    with contextlib.suppress(OSError):  # a folder that refuses costs the next start its head start
        atomic_write(paths.last_screen, json.dumps(data, separators=(",", ":")).encode())


def forget_screen(paths: Paths) -> None:
    """No kept screen: it did not match what the app drew (or could not be read)."""
    with contextlib.suppress(OSError):
        paths.last_screen.unlink(missing_ok=True)
