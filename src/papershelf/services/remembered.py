"""What the app remembers between runs besides the theme: the view the user left.

Kept in ``settings.json`` beside the theme, never in the library: losing it costs a
preference, not a note. Written only when it changed, atomically, other keys kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from papershelf.storage.settings_file import read_settings, update_setting

KEY = "view"


def load_view(path: Path) -> dict[str, Any]:
    """The remembered view ({} when none or unreadable)."""
    view = read_settings(path).get(KEY)
    return view if isinstance(view, dict) else {}


def save_view(path: Path, view: dict[str, Any]) -> bool:
    """Remember ``view``; False when it was already remembered (nothing written)."""
    return update_setting(path, KEY, lambda _: view)
