"""Completes a path typed in the import dialog, and says when nothing there can complete it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.suggester import Suggester

from papershelf.services.url_lists import is_url, unfetched


def _shown(folder: Path) -> str:
    return f"{folder}/" if str(folder) != "/" else "/"


class PathSuggester(Suggester):
    """Completes a typed path from the folder it names (right arrow or end accepts).

    ``said`` gets (the value, what to tell the reader) after each value: "" when the value
    completes or there is nothing to say, else why it cannot (no such folder, no name there
    starts so): a path that matched nothing looked just like one still being read.
    """

    def __init__(self, said: Callable[[str, str], None] | None = None) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._said = said or (lambda value, text: None)

    async def get_suggestion(self, value: str) -> str | None:
        # Off the event loop: a folder on a slow or network disk must not hold up keys.
        suggestion, why = await asyncio.to_thread(self._complete, value)
        self._said(value, why)
        return suggestion

    @staticmethod
    def _complete(value: str) -> tuple[str | None, str]:
        if not value or is_url(value) or unfetched(value):  # an address: enter says what it takes
            return None, ""
        typed = Path(value).expanduser()
        folder, stem = (typed, "") if value.endswith("/") else (typed.parent, typed.name)
        try:
            names = sorted(entry.name for entry in folder.iterdir() if entry.name.startswith(stem))
        except FileNotFoundError:
            return None, f"no folder {_shown(folder)}"
        except NotADirectoryError:
            return None, f"{folder} is a file, not a folder"
        except OSError:
            return None, f"{_shown(folder)} cannot be read"
        names = [n for n in names if not n.startswith(".") or stem.startswith(".")]
        if not names:
            there = f"no name in {_shown(folder)} starts with {stem!r}"
            return None, there if stem else f"{_shown(folder)} has nothing to import"
        name = names[0]
        return value + name[len(stem) :] + ("/" if (folder / name).is_dir() else ""), ""
