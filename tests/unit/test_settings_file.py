"""``settings.json`` keys written by several writers at once: none loses another's key.

The theme, the view and the merged conflict copies each rewrite the whole file; two at
once (two windows, a theme changed during the start's merge) kept only the last one's key.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from papershelf.services import merged_copies, remembered, settings
from papershelf.storage import settings_file


def test_writers_in_turn_keep_each_others_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    copy = tmp_path / "library (conflict).json"
    copy.write_text("{}", encoding="utf-8")
    settings.save_theme(path, "nord")
    remembered.save_view(path, {"node": ["venue", "OSDI", ""]})
    merged_copies.remember(path, [copy])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["theme"] == "nord" and data["view"] == {"node": ["venue", "OSDI", ""]}
    assert [entry[0] for entry in data["merged_copies"]] == [copy.name]
    assert not remembered.save_view(path, {"node": ["venue", "OSDI", ""]})  # unchanged


def test_a_write_between_anothers_read_and_write_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The view is saved while the theme's write has read the file and not yet written it."""
    path = tmp_path / "settings.json"
    path.write_text("{}", encoding="utf-8")
    reads: list[int] = []
    real_read = settings_file.read_settings
    first = threading.get_ident()

    def slow_read(p: Path) -> dict[str, Any]:
        data = real_read(p)
        if threading.get_ident() == first:
            reads.append(1)
            if len(reads) == 2:  # the theme's writer has read what it will write back
                view_writer.start()
                view_writer.join(timeout=0.5)  # held off by the lock: it cannot finish now
        return data

    monkeypatch.setattr(settings_file, "read_settings", slow_read)
    view_writer = threading.Thread(target=remembered.save_view, args=(path, {"sort": "year"}))
    settings.save_theme(path, "nord")
    view_writer.join(timeout=30)
    assert not view_writer.is_alive()
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "theme": "nord",
        "view": {"sort": "year"},
    }
