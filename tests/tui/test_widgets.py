"""The widgets alone, in a tiny app: the virtual list at 50,000 papers, the tree, the editor."""

from __future__ import annotations

import asyncio

from rich.style import Style
from textual.app import App, ComposeResult

from papershelf.domain.models import Paper, PaperState, Status
from papershelf.tui.shelf import ALL, NavKey, Outline, Shelf
from papershelf.tui.widgets.nav_tree import NavTree, node_label
from papershelf.tui.widgets.note_editor import NoteEditor
from papershelf.tui.widgets.paper_list import PaperList
from papershelf.tui.widgets.paper_rows import (
    CURSOR_MARK,
    SELECTED_MARK,
    columns,
    header_text,
    row_text,
)


def synthetic(n: int) -> list[Paper]:
    return [
        Paper(
            id=f"p{i:06d}",
            title=f"Paper number {i} about systems",
            venue=f"Conf {2000 + i % 25}",
            topics=(f"Area {i % 7} > Topic {i % 13}",),
        )
        for i in range(n)
    ]


class ListApp(App[None]):
    CSS_PATH = "../../src/papershelf/tui/app.tcss"

    def __init__(self, papers: list[Paper], states: dict[str, PaperState]) -> None:
        super().__init__()
        self.papers = papers
        self.states = states
        self.highlights: list[str | None] = []
        self.opened: list[str] = []

    def compose(self) -> ComposeResult:
        yield PaperList(id="papers")

    def on_mount(self) -> None:
        self.query_one(PaperList).set_papers(self.papers, self.states)
        self.query_one(PaperList).focus()

    def on_paper_list_highlighted(self, message: PaperList.Highlighted) -> None:
        self.highlights.append(message.paper_id)

    def on_paper_list_opened(self, message: PaperList.Opened) -> None:
        self.opened.append(message.paper_id)


def test_fifty_thousand_papers_render_only_visible_rows() -> None:
    papers = synthetic(50_000)
    states = {papers[-1].id: PaperState(status=Status.READ, starred=True)}
    app = ListApp(papers, states)
    calls: list[int] = []

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            widget = app.query_one(PaperList)
            await pilot.pause()  # the first screen is drawn before counting starts
            original = widget._render_row

            def counting(row: int, *args: object) -> object:
                calls.append(row)
                return original(row, *args)  # type: ignore[arg-type]

            widget._render_row = counting  # type: ignore[method-assign,assignment]
            await pilot.press("G")
            await pilot.pause()  # the frame after the key, also on a busy machine
            assert widget.cursor == 49_999
            assert widget.highlighted is papers[-1]
            last = widget.render_line(widget.scrollable_content_region.height - 1).text
            assert "Paper number 49999" in last and "●" in last and "★" in last
            assert 0 < len(set(calls)) <= 2 * widget.size.height
            assert min(calls) >= 49_999 - widget.size.height
            # Work, not time: only the rows on screen were drawn (counted above).
            widget.set_papers(papers[::-1], states, keep=papers[10].id)
            assert widget.highlighted is papers[10]

    asyncio.run(run())


def test_cursor_keys_paging_and_messages() -> None:
    papers = synthetic(200)
    app = ListApp(papers, {})

    async def run() -> None:
        async with app.run_test(size=(100, 22)) as pilot:
            widget = app.query_one(PaperList)
            await pilot.press("j", "j", "k")
            assert widget.cursor == 1
            await pilot.press("pagedown")
            page = widget.scrollable_content_region.height - 1
            assert widget.cursor == 1 + page
            assert round(widget.scroll_y) > 0  # the cursor stays on screen
            await pilot.press("pageup", "g")
            assert widget.cursor == 0 and round(widget.scroll_y) == 0
            await pilot.press("enter")
            await pilot.pause()
            assert app.opened == [papers[0].id]
            assert app.highlights[-1] == papers[0].id
            top = widget.scrollable_content_region.y - widget.region.y  # the title edge
            await pilot.click(PaperList, offset=(10, top + 3))
            assert widget.cursor == 3

    asyncio.run(run())


def test_selection_marks_and_select_all_toggles() -> None:
    papers = synthetic(5)
    app = ListApp(papers, {})

    async def run() -> None:
        async with app.run_test(size=(100, 12)) as pilot:
            widget = app.query_one(PaperList)
            await pilot.press("space")
            assert widget.selected_ids == [papers[0].id]
            assert widget.render_line(0).text[1] == "✓"
            await pilot.press("V")
            assert widget.selected_ids == [p.id for p in papers]
            await pilot.press("V")
            assert widget.selected_ids == []
            await pilot.press("space")
            widget.set_papers(papers[2:], {})
            assert widget.selected_ids == []  # row 1 was selected, it left the view

    asyncio.run(run())


def test_empty_list_says_why() -> None:
    app = ListApp([], {})

    async def run() -> None:
        async with app.run_test(size=(60, 10)) as pilot:
            widget = app.query_one(PaperList)
            widget.empty_text = "No papers match."
            widget.refresh()
            await pilot.press("j", "enter", "space", "V")
            assert "No papers match." in widget.render_line(0).text
            assert widget.highlighted is None
            assert app.opened == []

    asyncio.run(run())


def test_row_columns_adapt_to_width() -> None:
    papers = [Paper(id="a", title="T", venue="V", topics=("Area > Leaf topic",))]
    app = ListApp(papers, {})

    async def run() -> None:
        async with app.run_test(size=(130, 5)) as pilot:
            widget = app.query_one(PaperList)
            assert "Leaf topic" in widget.render_line(0).text
            await pilot.resize_terminal(85, 5)
            await pilot.pause()
            assert "Leaf topic" not in widget.render_line(0).text
            assert "V" in widget.render_line(0).text
            await pilot.resize_terminal(60, 5)  # the title keeps its room: no venue column
            await pilot.pause()
            assert widget.render_line(0).text.split() == ["❯", "·", "T"]

    asyncio.run(run())


class TreeApp(App[None]):
    def __init__(self, shelf: Shelf) -> None:
        super().__init__()
        self.shelf = shelf
        self.chosen: list[NavKey] = []

    def compose(self) -> ComposeResult:
        yield NavTree()

    def on_mount(self) -> None:
        tree = self.query_one(NavTree)
        tree.set_outline(self.shelf.outline, self.shelf.counts.of)
        tree.focus()

    def on_nav_tree_scope_chosen(self, message: NavTree.ScopeChosen) -> None:
        self.chosen.append(message.key)


def test_tree_lists_views_then_venues_with_figures() -> None:
    papers = synthetic(30)
    shelf = Shelf(papers, {papers[0].id: PaperState(status=Status.READ)})
    app = TreeApp(shelf)

    async def run() -> None:
        async with app.run_test(size=(60, 40)) as pilot:
            tree = app.query_one(NavTree)
            await pilot.pause()
            labels = [tree.get_node_at_line(i).label.plain for i in range(8)]  # type: ignore[union-attr]
            assert labels[0].startswith("All papers") and "1/30" in labels[0]
            assert [label.split()[0] for label in labels[1:7]] == [
                "Starred",
                "To",
                "Reading",
                "Read",
                "Unread",
                "Withdrawn",
            ]
            # The synthetic venues are years of one series: one node, its years inside.
            assert labels[7].split()[:2] == ["Conf", "1/30"]
            await pilot.press("down")
            assert app.chosen[-1] == NavKey("starred")
            tree.move_cursor_to(NavKey("topic", "Conf 2000", "Area 0 > Topic 0"))
            await pilot.pause()
            assert app.chosen[-1] == NavKey("topic", "Conf 2000", "Area 0 > Topic 0")
            tree.move_cursor_to(ALL)

    asyncio.run(run())


def test_node_label_is_text_not_markup() -> None:
    label = node_label(NavKey("venue", "[bold]Evil[/bold] 2025"), 1, 4)
    assert label.plain.startswith("[bold]Evil[/bold] 2025")
    assert "1/4" in label.plain and "▰" in label.plain
    counts_only = node_label(NavKey("status", "read"), 0, 12)
    assert "12" in counts_only.plain and "▰" not in counts_only.plain


class EditorApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.saved: list[tuple[str, str]] = []
        self.closed: list[str] = []

    def compose(self) -> ComposeResult:
        yield NoteEditor(autosave_seconds=0.1)

    def on_note_editor_save_requested(self, message: NoteEditor.SaveRequested) -> None:
        self.saved.append((message.paper_id, message.text))

    def on_note_editor_closed(self, message: NoteEditor.Closed) -> None:
        self.closed.append(message.paper_id)


def test_editor_saves_after_a_pause_once_and_on_close() -> None:
    app = EditorApp()

    async def run() -> None:
        async with app.run_test() as pilot:
            editor = app.query_one(NoteEditor)
            editor.open_note("p1", "old")
            editor.focus()
            await pilot.pause(0.2)
            assert app.saved == []  # loading is not a change
            await pilot.press("end", "!")
            await pilot.pause(0.3)
            assert app.saved == [("p1", "old!")]
            await pilot.press("backspace")
            await pilot.press("escape")
            await pilot.pause()
            assert app.saved == [("p1", "old!"), ("p1", "old")]
            assert app.closed == ["p1"]

    asyncio.run(run())


def test_outline_nests_topic_paths() -> None:
    papers = [
        Paper(id="a", title="A", venue="V 1", topics=("X > Y", "Z")),
        Paper(id="b", title="B", venue="V 1", topics=("X > W",)),
    ]
    outline = Outline.build(papers)
    assert outline.venues == (("V 1", ("X", "X > Y", "Z", "X > W")),)


def test_escape_sequences_and_controls_never_reach_the_row() -> None:
    hostile = Paper(
        id="h",
        title="Evil\x1b[2J\x1b]0;owned\x07 title\u202e reversed\u200b [b]x[/b]",
        venue="V\x1b[31m 2025",
        topics=("T\x07opic",),
    )
    app = ListApp([hostile], {})

    async def run() -> None:
        async with app.run_test(size=(130, 5)):
            widget = app.query_one(PaperList)
            text = widget.render_line(0).text
            assert "\x1b" not in text and "\x07" not in text
            assert "\u202e" not in text and "\u200b" not in text
            assert "Evil title reversed [b]x[/b]" in text
            assert "V 2025" in text

    asyncio.run(run())


def test_the_scrollbar_pages_drags_and_ignores_row_clicks() -> None:
    papers = synthetic(200)
    app = ListApp(papers, {})

    async def run() -> None:
        async with app.run_test(size=(100, 22)) as pilot:
            widget = app.query_one(PaperList)
            bar = widget.size.width - 1
            height = widget.scrollable_content_region.height
            top = widget.scrollable_content_region.y - widget.region.y  # the title edge
            assert widget.render_line(0).cell_length == widget.size.width - 1  # the bar's cell
            await pilot.click(
                PaperList, offset=(bar, top + height - 1)
            )  # the track below the thumb
            await pilot.wait_for_scheduled_animations()
            assert round(widget.scroll_y) > 0 and widget.cursor == 0  # a page, not a row
            await pilot.click(PaperList, offset=(bar, top + 0))  # above the thumb
            await pilot.wait_for_scheduled_animations()
            assert round(widget.scroll_y) == 0
            await pilot.mouse_down(PaperList, offset=(bar, top + 0))  # the thumb
            await pilot.hover(PaperList, offset=(bar, top + 5))
            await pilot.wait_for_scheduled_animations()
            await pilot.mouse_up(PaperList, offset=(bar, top + 5))
            assert round(widget.scroll_y) >= 5 * len(papers) // height - 1
            widget.set_papers(papers[:3], {})  # everything fits: no bar, back to the top
            assert round(widget.scroll_y) == 0
            assert widget.render_line(0).cell_length == widget.size.width
            assert not widget.allow_vertical_scroll

    asyncio.run(run())


def test_a_row_is_drawn_without_an_app() -> None:
    paper = Paper(id="a", title="[bold]T", venue="V 2024", topics=("Area > Leaf",))
    state = PaperState(status=Status.READ, starred=True)
    styles: list[str] = []

    def component(name: str) -> Style:
        styles.append(name)
        return Style()

    wide = row_text(paper, state, is_cursor=True, is_selected=True, width=130, component=component)
    assert wide.plain.startswith(f"{CURSOR_MARK}{SELECTED_MARK} ")
    assert "[bold]T" in wide.plain and "V 2024" in wide.plain and "Leaf" in wide.plain
    assert "paper-list--read" in styles
    narrow = row_text(
        paper, state, is_cursor=False, is_selected=False, width=40, component=component
    )
    assert narrow.plain.startswith("  ") and "V 2024" not in narrow.plain
    assert columns(40) == (30, 0, 0)
    # The title keeps its room first: a venue column only once the title has 48 cells.
    assert columns(72)[1] == 0 and columns(74)[1] > 0
    assert len(header_text(120).plain) == 120


def test_a_cut_title_keeps_its_ellipsis_beside_the_scrollbar() -> None:
    papers = [
        Paper(id=f"p{i}", title="A very long title about systems " * 4, venue="V 2024")
        for i in range(100)
    ]
    app = ListApp(papers, {})

    async def run() -> None:
        async with app.run_test(size=(60, 10)) as pilot:
            widget = app.query_one(PaperList)
            await pilot.pause()
            assert widget.allow_vertical_scroll  # the bar shows
            assert "…" in widget.render_line(1).text  # the cut shows, not a cropped word

    asyncio.run(run())
