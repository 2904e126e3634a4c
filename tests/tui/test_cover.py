"""The screen a clean quit leaves is the next start's first frame, until the app is ready.

``services.last_screen`` keeps it with a stamp of what it shows; ``tui.cover`` draws it
first and lays it over the main screen until that one has settled.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from textual import events
from textual.strip import Strip

from papershelf.domain.models import Status
from papershelf.errors import LibraryError
from papershelf.paths import Paths
from papershelf.services.last_screen import KeptScreen, keep_screen, read_screen
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.cover import WAITING, Cover, Lifted, screen_lines
from papershelf.tui.screens.main import MainScreen

from .conftest import SIZE, ready, wait_for


def _app(library: Library | object, paths: Paths, cover: object = None) -> PapershelfApp:
    """The app as ``run_app`` makes it: the view remembered, so a start puts it back."""
    return PapershelfApp(library, paths, library_label="~/lib", cover=cover)  # type: ignore[arg-type]


async def _kept_screen(paths: Paths, keys: tuple[str, ...]) -> KeptScreen:
    """Run the app, press ``keys``, quit with ``q``: the screen it kept."""
    app = _app(Library(paths, lock_timeout=2.0), paths)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press(*keys)
        await pilot.press("q")
        await wait_for(pilot, lambda: app.return_code is not None)
    assert app.kept_screen is not None
    assert app.kept_size == SIZE  # what ``run_app`` keeps it for: a terminal of that size
    return app.kept_screen


def _text(lines: list[list[tuple[str, str]]]) -> str:
    return "\n".join("".join(text for text, _ in line) for line in lines)


def test_a_clean_quit_keeps_the_screen_and_the_next_start_draws_it_first(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def run() -> None:
        kept = await _kept_screen(paths, ("j", "s"))  # a star: the kept screen shows it
        assert len(kept.lines) == SIZE[1] and "★" in _text(kept.lines)
        assert "starred:" not in _text(kept.lines)  # the status line's message is not kept
        assert kept.status_row == SIZE[1] - 2  # above the footer
        assert 0 < kept.status_end < SIZE[0]
        assert "all papers" in _text(kept.lines[kept.status_row : kept.status_row + 1])
        keep_screen(paths, SIZE, kept)
        assert read_screen(paths, SIZE) == kept

        drawn_before_begin: list[int] = []
        lines_drawn = [0]
        draw, begin = Cover.render_line, PapershelfApp._begin

        shown_first: list[str] = []

        def counted(self: Cover, y: int) -> Strip:
            lines_drawn[0] += 1
            strip = draw(self, y)
            if y == SIZE[1] - 2 and not shown_first:
                shown_first.append(strip.text)
            return strip

        def begin_after(self: PapershelfApp) -> None:
            drawn_before_begin.append(lines_drawn[0])
            begin(self)

        monkeypatch.setattr(Cover, "render_line", counted)
        monkeypatch.setattr(PapershelfApp, "_begin", begin_after)
        opened: list[bool] = []

        def open_library() -> Library:
            opened.append(True)
            return Library(paths, lock_timeout=2.0)

        app = _app(open_library, paths, cover=read_screen(paths, SIZE))
        async with app.run_test(size=SIZE) as pilot:
            # Typed while the kept screen shows: it acts once the catalog is in.
            app.post_message(events.Key("t", "t"))
            screen = await ready(pilot)
            assert opened == [True]
            assert drawn_before_begin and drawn_before_begin[0] >= SIZE[1]  # drawn first
            assert WAITING.strip() in shown_first[0]  # keys wait, and the screen says so
            await wait_for(pilot, lambda: not screen.query(Cover))
            highlighted = screen.paper_list.papers[0]
            await wait_for(pilot, lambda: screen_lines(screen) != kept.lines)  # "t" acted
            states = screen.shelf.states
            marked = [pid for pid, state in states.items() if state.status is Status.TO_READ]
            assert len(marked) == 1, (marked, highlighted.id)

    asyncio.run(run())


def test_the_cover_gives_way_to_a_screen_that_looks_the_same(paths: Paths) -> None:
    async def run() -> None:
        kept = await _kept_screen(paths, ("j", "j"))
        app = _app(lambda: Library(paths, lock_timeout=2.0), paths, cover=kept)
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await wait_for(pilot, lambda: not screen.query(Cover))
            await wait_for(pilot, lambda: screen_lines(screen) == kept.lines)

    asyncio.run(run())


def test_a_change_since_the_quit_means_no_cover(paths: Paths, tmp_path: Path) -> None:
    lines = KeptScreen([[("x" * SIZE[0], "bold #ff0000 on #000000")]] * SIZE[1], 38)
    library = Library(paths, lock_timeout=2.0)
    library.states()
    paths.data_dir.mkdir(parents=True)
    keep_screen(paths, SIZE, lines)
    assert read_screen(paths, SIZE) == lines
    assert read_screen(paths, (SIZE[0] - 1, SIZE[1])) is None  # another terminal size
    paper = library.catalog.papers[0]
    library.set_status([paper.id], Status.READ)  # the CLI wrote the library meanwhile
    assert read_screen(paths, SIZE) is None
    keep_screen(paths, SIZE, lines)
    paths.settings.write_text("{}", encoding="utf-8")  # the view or the theme changed
    assert read_screen(paths, SIZE) is None


def test_a_terminal_that_looks_otherwise_means_no_cover(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = KeptScreen([[("y", "")]] * SIZE[1])
    paths.data_dir.mkdir(parents=True)
    keep_screen(paths, SIZE, lines)
    assert read_screen(paths, SIZE) == lines
    monkeypatch.setenv("TEXTUAL_COLOR_SYSTEM", "standard")
    assert read_screen(paths, SIZE) is None


def test_a_damaged_kept_screen_is_dropped(paths: Paths) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.last_screen.write_bytes(b'{"stamp": [1, 2')
    assert read_screen(paths, SIZE) is None
    assert not paths.last_screen.exists()
    keep_screen(paths, SIZE, KeptScreen([[("z", "")]] * SIZE[1]))
    data = json.loads(paths.last_screen.read_bytes())
    data["lines"] = [[["z"]]] * SIZE[1]  # a run without its style
    paths.last_screen.write_text(json.dumps(data), encoding="utf-8")
    assert read_screen(paths, SIZE) is None


def test_a_library_that_cannot_open_under_the_cover_ends_with_its_message(
    paths: Paths,
) -> None:
    def broken() -> Library:
        raise LibraryError(f"{paths.library}: not a papershelf library (line 1)")

    async def run() -> None:
        app = _app(broken, paths, cover=KeptScreen([[("cover", "")]] * SIZE[1], 38))
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.return_code is not None)
        assert app.return_code == 2
        assert app.load_error is not None and "not a papershelf library" in app.load_error

    asyncio.run(run())


def test_a_cover_unlike_the_screen_is_not_drawn_again(paths: Paths) -> None:
    async def run() -> None:
        kept = await _kept_screen(paths, ())
        keep_screen(paths, SIZE, kept)
        app = _app(Library(paths, lock_timeout=2.0), paths)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            app.post_message(Lifted(same=True))
            await pilot.pause()
            assert paths.last_screen.exists()
            app.typed = True  # a key typed under the cover acts on the screen under it
            app.post_message(Lifted(same=False))
            await pilot.pause()
            assert paths.last_screen.exists()
            app.typed = False
            app.post_message(Lifted(same=False))
            await wait_for(pilot, lambda: not paths.last_screen.exists())

    asyncio.run(run())


def test_a_textual_that_draws_otherwise_keeps_no_screen_and_lifts_the_cover(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen's lines come from Textual's compositor, which no public API offers."""
    from textual._compositor import Compositor  # the private part a release may change

    async def run() -> None:
        kept = await _kept_screen(paths, ())
        keep_screen(paths, SIZE, kept)
        monkeypatch.delattr(Compositor, "render_strips")
        app = _app(lambda: Library(paths, lock_timeout=2.0), paths, cover=kept)
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert screen_lines(screen) is None
            await wait_for(pilot, lambda: not screen.query(Cover))  # lifted all the same
            await wait_for(pilot, lambda: not paths.last_screen.exists())  # not known alike
            await pilot.press("q")
            await wait_for(pilot, lambda: app.return_code is not None)
        assert app.return_code == 0 and app.kept_screen is None

    asyncio.run(run())


def test_only_the_main_screen_alone_is_kept(paths: Paths) -> None:
    async def run() -> None:
        app = _app(Library(paths, lock_timeout=2.0), paths)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("question_mark")  # the help screen over the main one
            await wait_for(pilot, lambda: not isinstance(app.screen, MainScreen))
            await app.quit()
        assert app.kept_screen is None

    asyncio.run(run())


def test_kept_lines_come_back_as_drawn_and_an_unknown_style_as_plain_text() -> None:
    from rich.style import Style

    from papershelf.tui.cover import lines_of, strips_of

    lines = [[("[bold]x[/bold] ", "bold #ff0000 on #000000"), ("\x1b[31m", "")], [("y", "nosuch")]]
    strips = strips_of(lines)
    first = list(strips[0])
    assert first[0].text == "[bold]x[/bold] " and first[0].style == Style.parse(
        "bold #ff0000 on #000000"
    )
    assert first[1].style == Style.null()  # never None: Textual's colour filters read it
    assert [(s.text, s.style) for s in strips[1]] == [("y", Style.null())]
    assert first[1].text == "[31m"  # the escape character dropped: nothing reaches the terminal
    assert lines_of(strips_of(lines[:1])) == [[lines[0][0], ("[31m", "none")]]


def test_the_kept_status_line_says_that_keys_wait_in_the_style_of_its_figures() -> None:
    from rich.style import Style

    from papershelf.tui.cover import strips_of, waiting

    figures, hint = Style.parse("#aaaaaa on #000011"), Style.parse("italic on #000011")
    runs = [(" all papers   76 of 76", str(figures)), ("   narrow: d details", str(hint))]
    (row,) = strips_of([[*runs, (" " * 20, "on #000011")]])
    said = waiting(row, len(" all papers   76 of 76"))
    assert said.cell_length == row.cell_length  # the line's width, no wrap
    assert said.text.startswith(" all papers   76 of 76" + WAITING[: row.cell_length - 22])
    assert "narrow" not in said.text  # the hint gives way
    assert [s.style for s in said if s.text.strip() and WAITING.startswith(s.text)] == [figures]
    (blank,) = strips_of([[(" " * 30, "")]])
    assert waiting(blank, 10).text == blank.text  # no figures: left as it is


def test_the_status_line_may_differ_from_the_kept_one() -> None:
    """A first start's hint is gone at the next: only the rest must be the same."""
    from papershelf.tui.cover import Cover

    rows = [[("header", "")], [(" all papers   76 of 76   t to-read · ? help", "")], [("keys", "")]]
    cover = Cover(KeptScreen(rows, status_row=1, status_end=22), over=True)
    assert cover.shows([rows[0], [(" all papers   76 of 76", "")], rows[2]])
    assert not cover.shows([[("other", "")], rows[1], rows[2]])
    assert not Cover(KeptScreen(rows)).shows([rows[0], [("x", "")], rows[2]])
