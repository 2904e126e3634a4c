"""Modules the keys use and the first frame does not: each loads on its first use.

The session's thread loads the commands as it replays kept changes, soon after the first
papers show; the paper actions (links, tags, ``$EDITOR``) load with the first such key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from papershelf.deferred import deferred

if TYPE_CHECKING:
    from papershelf.services import commands as cmd
    from papershelf.tui.screens import paper_actions
else:
    cmd = deferred("papershelf.services.commands")
    paper_actions = deferred("papershelf.tui.screens.paper_actions")

__all__ = ["cmd", "paper_actions"]
