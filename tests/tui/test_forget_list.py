"""The palette's "Forget a list…": ``papershelf forget`` in the app, asked before it acts."""

from __future__ import annotations

import asyncio

from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList, Static

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.nav_model import NavKey
from papershelf.tui.screens.dialogs import ConfirmDialog
from papershelf.tui.screens.forget_list import ListPicker
from papershelf.tui.screens.main import MainScreen

from .conftest import highlighted, ready, screen_text, settle, wait_for

ASPLOS = NavKey("venue", "ASPLOS 2025")


def first(options: OptionList) -> str:
    """The first option's text ("" while there is none)."""
    return str(options.get_option_at_index(0).prompt) if options.option_count else ""


def texts(screen: object) -> str:
    """Every text of a dialog, its wrapped lines as one."""
    return " ".join(str(w.visual) for w in screen.query(Static))  # type: ignore[attr-defined]


async def open_picker(pilot: object, app: PapershelfApp) -> ListPicker:
    """The palette, "forget a list", enter: the list picker once its lists are read."""
    await pilot.press("ctrl+p")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))  # type: ignore[arg-type]
    await pilot.press(*"forget a list")  # type: ignore[attr-defined]
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    commands = palette.query_one(CommandList)
    await wait_for(pilot, lambda: "Forget a list" in first(commands))  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, ListPicker))  # type: ignore[arg-type]
    picker = app.screen
    assert isinstance(picker, ListPicker)
    return picker


def test_forget_a_list_from_the_palette(app: PapershelfApp, paths: Paths) -> None:
    seen: dict[str, str] = {}

    async def run() -> str:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            assert paper.venue == "ASPLOS 2025"
            await pilot.press("s")  # a state of one of the papers that leave: kept
            await settle(pilot, screen)
            # Asked, then declined: nothing changes.
            picker = await open_picker(pilot, app)
            options = picker.query_one(OptionList)
            prompts = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
            seen["picker"] = " | ".join(str(p) for p in prompts)
            await pilot.press("enter")  # the first list: asplos-2025
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            seen["confirm"] = texts(app.screen)
            seen["confirm shown"] = screen_text(app)
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
            assert len(Library(paths).lists()) == 2
            # Asked again, confirmed: the list goes, the tree and the list follow.
            await open_picker(pilot, app)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.press("y")
            await wait_for(pilot, lambda: paper.id not in screen.shelf.by_id)
            await wait_for(pilot, lambda: screen.nav.label_of(ASPLOS) is None)
            await settle(pilot, screen)
            seen["after"] = str(screen.query_one("#status").render())
            assert all(p.venue == "MLSys 2025" for p in screen.paper_list.papers)
            assert len(screen.paper_list.papers) == 44
            return paper.id

    starred = asyncio.run(run())
    assert "asplos-2025" in seen["picker"] and "mlsys-2025" in seen["picker"]
    assert "32 papers (+1 withdrawn) would leave" in seen["picker"]
    confirm = seen["confirm"]
    assert "Forget the list asplos-2025?" in confirm
    assert "32 papers (+1 withdrawn) leave the catalog" in confirm
    assert "Notes, statuses, stars and tags are kept" in confirm
    assert "(1 paper leaving has some: papershelf orphans lists them)" in confirm
    assert "y forgets it" in confirm
    library = Library(paths)
    assert [i.name for i in library.lists()] == ["mlsys-2025"]
    assert library.state(starred).starred and library.orphans() == [starred]
    assert "forgot asplos-2025: 32 papers (+1 withdrawn) left the catalog" in seen["after"]
    assert "leavethecatalog" in seen["confirm shown"].replace(" ", "")  # drawn at 80x24


def test_a_list_is_named_in_the_picker_as_papershelf_forget_names_it(
    app: PapershelfApp, paths: Paths
) -> None:
    """``forgetting.find_list``: any case, a unique start, else the close names, in the dialog."""
    seen: dict[str, str] = {}

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            picker = await open_picker(pilot, app)
            await pilot.press(*"mlsys-2052", "enter")  # no list is called so: the close one said
            await pilot.pause()
            seen["unknown"] = str(picker.query_one("#list-error", Static).visual)
            assert app.screen is picker
            await pilot.press(*["backspace"] * 10, *"qqqq", "enter")  # nothing close
            await pilot.pause()
            seen["far"] = str(picker.query_one("#list-error", Static).visual)
            await pilot.press(*["backspace"] * 4, *"MLSYS", "enter")  # a start, any case
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            seen["confirm"] = texts(app.screen)
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
            picker = await open_picker(pilot, app)
            await pilot.press("down", "enter")  # nothing typed: the second of all the lists
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            seen["second"] = texts(app.screen)
            await pilot.press("n")
            await settle(pilot, screen)

    asyncio.run(run())
    assert seen["unknown"] == "no list 'mlsys-2052' (did you mean 'mlsys-2025'?)"
    assert seen["far"] == "no list 'qqqq'"  # the lists are right there: no command to run
    assert "Forget the list mlsys-2025?" in seen["confirm"]
    assert "Forget the list mlsys-2025?" in seen["second"]
    assert len(Library(paths).lists()) == 2
