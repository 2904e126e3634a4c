"""What the app remembers between runs besides the theme: the view the user left.

Kept in ``settings.json`` beside the theme, never in the library: losing it costs a
preference, not a note. Written only when it changed, atomically, other keys kept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from papershelf.storage.atomic import atomic_write

KEY = "view"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_view(path: Path) -> dict[str, Any]:
    """The remembered view ({} when none or unreadable)."""
    view = _read(path).get(KEY)
    return view if isinstance(view, dict) else {}


def save_view(path: Path, view: dict[str, Any]) -> bool:
    """Remember ``view``; False when it was already remembered (nothing written)."""
    data = _read(path)
    if data.get(KEY) == view:
        return False
    data[KEY] = view
    atomic_write(path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return True
