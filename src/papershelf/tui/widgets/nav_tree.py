"""The navigation tree: views at the top, then venues with their topics, each with read/total."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from papershelf.tui import keys
from papershelf.tui.display import bar, clean
from papershelf.tui.name_cut import cut_middle, cut_siblings, default_tail
from papershelf.tui.shelf import ALL, NEW, STARRED, TOP_VIEWS, Counts, NavKey, Outline, Shelf
from papershelf.tui.widgets.muted import muted_style, undim

Figures = Callable[[NavKey], tuple[int, int]]
"""(read, total) of a node."""

NAME_WIDTH = 22
BAR_CELLS = 6
NAME_LEAST = 10
"""The fewest cells a name keeps before the bars give way (then the counts never do)."""


def figures_width(digits: int, bar_cells: int) -> int:
    """`` 123/456 ▰▰▱▱▱▱`` after the name, plus a cell of slack for the scrollbar."""
    return 2 * digits + 3 + (bar_cells + 1 if bar_cells else 0)


def label_shape(content_width: int, largest_total: int) -> tuple[int, int, int]:
    """(name width, digits, bar cells) for a tree this wide whose largest count is given.

    The counts are never cut: digits grow with the catalog, and a narrow pane drops the
    bars before a name gets shorter than ``NAME_LEAST``.
    """
    digits = max(3, len(str(largest_total)))
    bar_cells = BAR_CELLS
    if content_width - figures_width(digits, bar_cells) < NAME_LEAST:
        bar_cells = 0
    return max(6, content_width - figures_width(digits, bar_cells)), digits, bar_cells


def shown_name(key: NavKey, name: str | None = None) -> str:
    """The name a node shows, whole: ``name`` if given, a topic's last part, else the key's."""
    if name is None:
        name = key.topic.rsplit(" > ", 1)[-1] if key.kind == "topic" else key.label
    return clean(name)


def name_room(name_width: int, depth: int, expandable: bool) -> int:
    """Cells for a node's name: guides take 2 cells a level and the expand arrow 2 more."""
    return max(6, name_width - 2 * depth - (2 if expandable else 0))


def node_label(
    key: NavKey,
    read: int,
    total: int,
    depth: int = 0,
    expandable: bool = False,
    name_width: int = NAME_WIDTH,
    name: str | None = None,
    digits: int = 3,
    bar_cells: int = BAR_CELLS,
) -> Text:
    """``MLSys 2025  12/44 ▰▰▱▱▱▱``; status views (and Starred, until a star) show a count.

    ``name`` replaces the node's own name (a year under its series shows ``2024``); one too
    long keeps its start and end (``cut_middle``; the tree cuts siblings alike, ``cut_siblings``).
    """
    room = name_room(name_width, depth, expandable)
    name = shown_name(key, name)
    label = Text(cut_middle(name, room, default_tail(name, room)), end="")
    label.truncate(room, pad=True)
    if key.kind in ("status", "withdrawn", "new") or (key == STARRED and not total):  # no 0/0
        label.append(f" {'':>{digits}} {total:<{digits}}", "dim")  # under the other totals
        return label
    label.append(f" {read:>{digits}}/{total:<{digits}}{' ' if bar_cells else ''}", "dim")
    if bar_cells:
        label.append(bar(read, total, bar_cells))
    return label


class NavTree(Tree[NavKey]):
    """Shows the outline; posts ``ScopeChosen`` when the cursor lands on a node.

    Moves like the list (``j``/``k``) and opens and closes like a file tree (``l``/``h``).
    """

    BINDINGS = keys.TREE_BINDINGS
    COMPONENT_CLASSES: ClassVar[set[str]] = Tree.COMPONENT_CLASSES | {"nav-tree--dim"}
    """The counts' colour (``muted.py``)."""

    class ScopeChosen(Message):
        def __init__(self, key: NavKey) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        # A Text, not a str: a str label is read as markup, which loads rich's emoji table
        # (a few ms of the first frame) for a root that is never shown.
        super().__init__(Text("papers"), id=id, classes=classes)
        self.border_title = "Venues · topics"
        self.show_root = False
        self.guide_depth = 2
        self._by_key: dict[NavKey, TreeNode[NavKey]] = {}
        self._depth: dict[NavKey, tuple[int, bool, str | None]] = {}
        """(depth, expandable, name shown instead of the key's) of each node."""
        self._drawn: dict[NavKey, tuple[int, int, tuple[int, int, int]]] = {}
        """(read, total, label shape) each node's label shows."""
        self._shape = (NAME_WIDTH, 3, BAR_CELLS)
        """(name width, digits, bar cells): ``label_shape`` of the pane and the catalog."""
        self._figures: Figures | None = None
        self._children: dict[NavKey | None, list[NavKey]] = {}
        """Each node's children in order (None: the root's), for cutting names alike."""
        self._shown: dict[NavKey, str] = {}
        """Each node's name as cut for the pane's width."""
        self.tag_names: tuple[str, ...] = ()
        """The tags the tree shows a node for (after the views, before the venues)."""
        self._wanted: NavKey | None = None
        """Where the cursor belongs: the user's last move, or the node last asked for
        (``move_cursor_to``). A rebuild puts it back there: a caller's idea of the scope can
        be older than a key whose highlight is still on its way (it undid the key)."""
        self._placed: NavKey | None = None
        """The node this tree last put the cursor on itself; None once the user moved it."""

    def render_label(self, node: TreeNode[NavKey], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        return undim(label, muted_style(self, "nav-tree--dim"))

    def set_outline(
        self,
        outline: Outline,
        figures: Figures,
        tags: Sequence[str] = (),
        cursor: NavKey | None = None,
    ) -> None:
        """Rebuild the tree (new catalog, a tag added or gone); the cursor stays on its node.

        The nodes open before stay open (an import from the command line rebuilds the tree
        under the user's eyes). ``cursor``: the node to put it on instead (the view's, when
        the tree is first built).
        """
        now = self.cursor_node.data if self.cursor_node is not None else None
        if now is not None and now != self._placed:  # the user's move, maybe not yet handled
            current: NavKey | None = now
        else:
            current = cursor or self._wanted or now
        opened = self.expanded_keys()
        self._figures = figures
        self._reshape(figures)
        self.clear()
        self._by_key.clear()
        self._depth.clear()
        self._drawn.clear()
        self._children.clear()
        for key in TOP_VIEWS:
            if key == NEW and not figures(key)[1] and current != NEW:
                continue  # nothing new (or all of it triaged): no node until the next import
            self._plan(None, key, 0, leaf=True)
        self.tag_names = tuple(tags)
        for tag in tags:
            self._plan(None, NavKey("tag", tag), 0, leaf=True)
        topics_of = dict(outline.venues)
        for venue, topics in outline.venues:
            series = outline.series_of(venue)
            if series is None:
                self._plan_venue(None, venue, topics, 0)
            elif NavKey("series", series) not in self._depth:
                # The first year met places the series; its years follow, newest first.
                node = self._plan(None, NavKey("series", series), 0, leaf=False)
                for label in outline.years[series]:
                    year = label[len(series) :].strip() or "no year"
                    self._plan_venue(node, label, topics_of[label], 1, year)
        self._recut()
        for parent, children in self._children.items():  # parents are planned before children
            for key in children:
                self._add(self.root if parent is None else self._by_key[parent], key, figures)
        self.expand_keys(opened)
        self.move_cursor_to(current or ALL)

    def _plan_venue(
        self,
        parent: NavKey | None,
        venue: str,
        topics: Sequence[str],
        depth: int,
        name: str | None = None,
    ) -> None:
        """A venue node (under the root, or a year under its series) and its topics."""
        venue_key = self._plan(parent, NavKey("venue", venue), depth, leaf=not topics, name=name)
        parents = {topic.rpartition(" > ")[0] for topic in topics}
        for topic in topics:
            parent_topic = topic.rpartition(" > ")[0]
            node = NavKey("topic", venue, parent_topic) if parent_topic else venue_key
            key = NavKey("topic", venue, topic)
            self._plan(node, key, depth + topic.count(" > ") + 1, leaf=topic not in parents)

    def _plan(
        self,
        parent: NavKey | None,
        key: NavKey,
        depth: int,
        *,
        leaf: bool,
        name: str | None = None,
    ) -> NavKey:
        """Note a node to add once its siblings are known (they decide where names are cut)."""
        self._children.setdefault(parent, []).append(key)
        self._depth[key] = (depth, not leaf, name)
        return key

    def _recut(self) -> None:
        """Each node's name for the pane's width, cut alike among its siblings."""
        self._shown.clear()
        for children in self._children.values():
            names = [shown_name(key, self._depth[key][2]) for key in children]
            rooms = [name_room(self._shape[0], *self._depth[key][:2]) for key in children]
            self._shown.update(zip(children, cut_siblings(names, rooms), strict=True))

    def show_shelf(self, shelf: Shelf, cursor: NavKey | None = None) -> None:
        """The shelf's outline, tags and figures (a new catalog)."""
        self.set_outline(shelf.outline, shelf.counts.of, shelf.counts.tags(), cursor)

    def show_counted(
        self,
        shelf: Shelf,
        cursor: NavKey,
        wanted: Callable[[Shelf], bool],
        then: Callable[[], object] = lambda: None,
    ) -> None:
        """``show_shelf`` once the shelf is counted on a thread, if it is still ``wanted``.

        Counting 50,000 papers took 0.15-0.25 s of the UI thread, and keys waited for it:
        ``q``, the first key of a start, a status key. ``then`` runs once it is drawn.
        """
        if shelf.counted:  # a key counted it meanwhile: nothing to wait for
            self.show_shelf(shelf, cursor)
            then()
            return
        count = shelf.count_apart()
        before = self._cursor_key()

        def work() -> None:
            outline, counts = count()
            self.app.call_from_thread(draw, outline, counts)

        def draw(outline: Outline, counts: Counts) -> None:
            if wanted(shelf):
                shelf.adopt_counts(outline, counts)
                # A node the user went to while it was counted stays under the cursor.
                now = self._cursor_key()
                self.show_shelf(shelf, now if now is not None and now != before else cursor)
                then()

        self.run_worker(work, thread=True, group="count", exclusive=True)

    def _cursor_key(self) -> NavKey | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def update_from(self, shelf: Shelf, touched: Iterable[NavKey]) -> None:
        """New figures on the nodes ``touched``; a tag that came or went rebuilds the tree."""
        if tuple(shelf.counts.tags()) != self.tag_names:
            self.show_shelf(shelf)
        else:
            self.update_figures(touched, shelf.counts.of)

    def _add(self, parent: TreeNode[NavKey], key: NavKey, figures: Figures) -> None:
        read, total = figures(key)
        self._drawn[key] = (read, total, self._shape)
        label = self._label(key, read, total, self._shape)
        if self._depth[key][1]:
            node = parent.add(label, data=key, expand=False)
        else:
            node = parent.add_leaf(label, data=key)
        self._by_key[key] = node

    def _label(self, key: NavKey, read: int, total: int, shape: tuple[int, int, int]) -> Text:
        depth, expandable, name = self._depth[key]
        name = self._shown.get(key, name)
        return node_label(key, read, total, depth, expandable, shape[0], name, *shape[1:])

    def update_figures(self, keys: Iterable[NavKey], figures: Figures) -> None:
        """Relabel the nodes among ``keys`` whose figures changed (a status key: a handful).

        Each relabel costs the tree a callback, so unchanged labels are not set again.
        """
        shape = self._shape
        for key in keys:
            node = self._by_key.get(key)
            if node is None:
                continue
            read, total = figures(key)
            if self._drawn.get(key) == (read, total, shape):
                continue
            self._drawn[key] = (read, total, shape)
            node.set_label(self._label(key, read, total, shape))

    def update_all(self, figures: Figures) -> None:
        self._figures = figures
        self._reshape(figures)
        self.update_figures(list(self._by_key), figures)

    def _reshape(self, figures: Figures) -> bool:
        """Fit the labels to the pane and the catalog (All papers holds the largest count)."""
        # Before the first layout the pane has no width yet: the default, until on_resize.
        width = self.scrollable_content_region.width or NAME_WIDTH + figures_width(3, BAR_CELLS)
        shape = label_shape(width, figures(ALL)[1])
        changed, self._shape = shape != self._shape, shape
        if changed:
            self._recut()
        return changed

    def on_resize(self) -> None:
        # Names take what the figures leave, so counts and bars line up at any width.
        if self._figures is not None and self._reshape(self._figures):
            self.update_figures(list(self._by_key), self._figures)

    def move_cursor_to(self, key: NavKey) -> None:
        """The cursor to ``key``'s node; to All papers while that node is not in (yet)."""
        self._wanted = key
        node = self._by_key.get(key)
        if node is None:
            node = self._by_key.get(ALL)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        if node.line >= 0:
            self._place(node)
        else:  # expanding renumbers the lines only on the next refresh: move after it
            self.call_after_refresh(self._place, node)

    def _place(self, node: TreeNode[NavKey]) -> None:
        if node.data is None or self._by_key.get(node.data) is not node:
            return  # rebuilt meanwhile: the rebuild places the cursor itself
        self._placed = node.data
        self.move_cursor(node, animate=False)

    def label_of(self, key: NavKey) -> str | None:
        """What the node of ``key`` shows (None when the tree has no such node)."""
        node = self._by_key.get(key)
        return None if node is None else str(node.label)

    def expanded_keys(self) -> list[NavKey]:
        """The open nodes (remembered between runs)."""
        return [key for key, node in self._by_key.items() if node.is_expanded]

    def expand_keys(self, keys: Iterable[NavKey]) -> None:
        for key in keys:
            node = self._by_key.get(key)
            if node is not None and node.allow_expand:
                node.expand()

    def action_cursor_first(self) -> None:
        self.cursor_line = 0

    def action_cursor_last(self) -> None:
        self.cursor_line = self.last_line

    def action_expand_node(self) -> None:
        """Open the node; on an open one, step to its first child."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if node.is_expanded:
            self.action_cursor_down()
        else:
            node.expand()

    def action_collapse_node(self) -> None:
        """Close the node; on a closed one (or a leaf), step to its parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent, animate=False)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NavKey]) -> None:
        event.stop()
        key = event.node.data
        if key is None:
            return
        if key != self._placed:  # the user's own move: where the cursor stays through rebuilds
            self._wanted, self._placed = key, None
        self.post_message(self.ScopeChosen(key))

    def on_tree_node_selected(self, event: Tree.NodeSelected[NavKey]) -> None:
        event.stop()
