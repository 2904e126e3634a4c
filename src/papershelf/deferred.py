"""A module imported on first use: what a start does not run is not imported before its papers.

A start imports what it needs to draw the first papers; the commands, imports, reports and
actions behind a key load on the first use of one of their names (usually on the session's
thread, as it replays kept changes, well before a key needs them). The standard library's
``importlib.util.LazyLoader`` does this too, but is not safe when two threads first touch a
module at once before Python 3.12; ``importlib.import_module`` takes the import lock.

    if TYPE_CHECKING:
        from papershelf.services import commands as cmd
    else:
        cmd = deferred("papershelf.services.commands")
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class Deferred:
    """Stands for a module until one of its names is read; then reads it from the module."""

    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attr)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<deferred module {self._name!r}, {state}>"


def deferred(name: str) -> Any:
    """The module ``name``, imported when one of its names is first read."""
    return Deferred(name)
