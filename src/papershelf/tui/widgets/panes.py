"""The main screen's three panes (tree, list, detail): which show, and which has focus."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from textual import events
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget

from papershelf.tui.key_hints import key_named, keymap_of
from papershelf.tui.widgets.detail_pane import DetailPane
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.paper_list import PaperList

Side = Literal["tree", "detail"]

BOTH_AT = 100
"""From this many columns the tree (24-40 wide) and the details (28-72) show beside the list."""
ONE_AT = 80
"""From this many columns one side pane shows: the tree, or the details when asked for."""


def side_room(width: int) -> int:
    """How many side panes fit beside a list whose titles keep 30 columns or more.

    At 100 columns the tree (24) and the details (28) leave the list 46 columns; at 80 one
    of them leaves it 51-55; below 80 the list keeps the width to itself.
    """
    return 2 if width >= BOTH_AT else 1 if width >= ONE_AT else 0


def visible(room: int, tree: bool, detail: bool, asked: Side | None) -> tuple[bool, bool]:
    """(tree shows, details show) for the panes wanted, the room, and the last one asked for.

    The details give way first as the screen narrows, the tree next: with room for one the
    tree shows unless the details were asked for (``d``, ``enter``, ``n``); with room for none
    only the pane asked for shows. ``b`` and ``d`` show a pane hidden for lack of room.
    """
    if room >= 2:
        return tree, detail
    if room == 1:
        if asked == "detail" and detail:
            return False, True
        return tree, False
    return asked == "tree" and tree, asked == "detail" and detail


def room_hint(
    room: int, tree: bool, detail: bool, asked: Side | None, keymap: Mapping[str, str] = {}
) -> str:
    """The status line's word on the panes that are wanted but hidden for lack of room."""
    shown = visible(room, tree, detail, asked)
    panes = (("toggle-tree", "tree"), ("toggle-detail", "details"))
    hidden = [
        f"{key_named(keymap, binding_id)} {word}"
        for want, show, (binding_id, word) in zip((tree, detail), shown, panes, strict=True)
        if want and not show
    ]
    return f"narrow: {' · '.join(hidden)}" if hidden else ""


class Panes(Horizontal):
    """Shows, hides and cycles the panes, after ``visible`` for the width the screen has.

    ``shown`` (remembered between runs) is which panes the user wants; a narrow screen hides
    some of them until asked for (see ``side_room`` for the breakpoints).
    """

    class Changed(Message):
        """Which panes show changed (a key or a resize): the status line's hint may too."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._want = {"tree": True, "detail": True}
        self._asked: Side | None = None
        self._room = 2

    @property
    def _nav(self) -> NavTree:
        return self.query_one(NavTree)

    @property
    def _list(self) -> PaperList:
        return self.query_one(PaperList)

    @property
    def _detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    def on_mount(self) -> None:
        # The app's width, not a later resize: the first frame already has its layout.
        self._room = side_room(self.app.size.width)
        self._apply()

    def on_resize(self, event: events.Resize) -> None:
        room = side_room(event.size.width)
        if room != self._room:
            self._room = room
            self._apply()

    def _visible(self) -> tuple[bool, bool]:
        return visible(self._room, self._want["tree"], self._want["detail"], self._asked)

    def hint(self) -> str:
        """``narrow: b tree · d details`` for what the width hides, else ``""``."""
        want = self._want
        return room_hint(self._room, want["tree"], want["detail"], self._asked, keymap_of(self.app))

    def toggle(self, side: Side) -> None:
        """Hide the pane when it shows, else show it (in place of the other if need be)."""
        index = 0 if side == "tree" else 1
        if self._visible()[index]:
            if self._asked == side:
                self._asked = None
            if self._visible()[index]:  # shown by choice, not only because it was asked for
                self._want[side] = False
        else:
            self._want[side] = True
            self._asked = side
        self._apply()

    def toggle_tree(self) -> None:
        self.toggle("tree")

    def toggle_detail(self) -> None:
        self.toggle("detail")

    def show_detail(self) -> None:
        """The details asked for (``enter``, ``n``): they stay when the screen narrows.

        A note being written must not vanish with a resize, nor its next letters reach the list.
        """
        if not self._visible()[1]:
            self.toggle("detail")
        self._asked = "detail"

    def _apply(self) -> None:
        tree, detail = self._visible()
        changed = (self._nav.display, self._detail.display) != (tree, detail)
        if not tree and self._nav.has_focus:
            self._list.focus()
        if not detail and self._detail.has_focus_within:
            self._detail.stop_editing()
            self._list.focus()
        self._nav.display = tree
        self._detail.display = detail
        if changed:
            self.post_message(self.Changed())

    def focus_step(self, step: int) -> None:
        """Cycle tree -> list -> detail (or the note being edited), skipping hidden panes."""
        panes: list[Widget] = [self._list]
        if self._nav.display:
            panes.insert(0, self._nav)
        detail = self._detail
        if detail.display:
            panes.append(detail.editor if detail.editing else detail.scroller)
        index = next((i for i, w in enumerate(panes) if w is self.screen.focused), -1)
        panes[(index + step) % len(panes)].focus()

    def shown(self) -> dict[str, bool]:
        """Which panes the user wants (remembered between runs), whatever the width hides."""
        return dict(self._want)

    def restore(self, shown: dict[str, object]) -> None:
        for side in ("tree", "detail"):
            if shown.get(side) is False:
                self._want[side] = False
        if self.is_mounted:
            self._apply()
