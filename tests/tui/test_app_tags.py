"""Tags of your own in the app: # adds and removes, the tree counts them, search finds them."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.widgets import Input, Static

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.dialogs import TagDialog
from papershelf.tui.shelf import NavKey
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import SIZE, highlighted, ready, row_text, settle, type_text, wait_for

Shown = tuple[str, tuple[str, ...], str]
"""The paper's row, the tree's tags and the status line."""


def error_shown(app: App[int]) -> object:
    """What the open tag dialog says under its field (its error line)."""
    return app.screen.query_one("#tag-error", Static).visual


def test_hash_tags_a_paper_the_tree_counts_it_and_undo_takes_it_back(
    app: PapershelfApp, library: Library
) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await type_text(pilot, "For Survey, [b]x[/b]")
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await settle(pilot, screen)
            assert library.state(paper.id).tags == ("For Survey", "[b]x[/b]")
            assert "#For Survey" in row_text(screen, 0)  # in the row, as typed
            assert screen.nav.tag_names == ("[b]x[/b]", "For Survey")
            assert screen.shelf.counts.of(NavKey("tag", "For Survey")) == (0, 1)
            await pilot.press("slash", *"survey", "enter")  # search matches tags
            assert [p.id for p in screen.paper_list.papers] == [paper.id]
            await pilot.press("escape", "u")
            await settle(pilot, screen)
            await wait_for(pilot, lambda: library.state(paper.id).tags == ())
            await wait_for(pilot, lambda: screen.nav.tag_names == ())

    asyncio.run(run())


def test_minus_removes_a_tag_and_a_bad_tag_is_refused(app: PapershelfApp, library: Library) -> None:
    first = library.papers()[0].id
    library.add_tags([first], ["reread", "group"])

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await type_text(pilot, "-reread")
            await pilot.press("enter")
            await settle(pilot, screen)
            await wait_for(pilot, lambda: library.state(first).tags == ("group",))
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await pilot.press("enter")  # nothing typed: it says what it takes
            await wait_for(pilot, lambda: "-tag to remove" in str(error_shown(app)))
            assert isinstance(app.screen, TagDialog)
            await type_text(pilot, "x" * 60)
            await pilot.press("enter")  # too long: said, nothing queued
            await wait_for(pilot, lambda: "longer than 40" in str(error_shown(app)))
            assert isinstance(app.screen, TagDialog)
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            await settle(pilot, screen)
            assert library.state(first).tags == ("group",)

    asyncio.run(run())


def test_a_bad_tag_keeps_the_dialog_open_with_the_text_typed(
    app: PapershelfApp, library: Library
) -> None:
    """``ok1, yyy...`` (45 y): the error shows in the dialog; nothing is applied or lost."""
    typed = "ok1, " + "y" * 45
    first = library.papers()[0].id

    async def run() -> tuple[str, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            dialog = app.screen
            await type_text(pilot, typed)
            await pilot.press("enter")
            await wait_for(pilot, lambda: "longer than 40" in str(error_shown(app)))
            assert app.screen is dialog
            kept = dialog.query_one(Input).value
            said = str(error_shown(app))
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            await settle(pilot, screen)
            return kept, said

    kept, said = asyncio.run(run())
    assert kept == typed
    assert said == "not a tag: tag 'yyyyyyyyyyyyyyyyyyyy'... is longer than 40 characters"
    assert library.state(first).tags == ()


def test_a_tag_typed_in_another_case_shows_as_the_library_spells_it(
    app: PapershelfApp, library: Library
) -> None:
    """``SURVEY`` where ``survey`` exists: the row, the tree and the status line say survey."""
    papers = library.papers()
    library.add_tags([p.id for p in papers[1:4]], ["survey"])

    async def run() -> tuple[Shown, Shown]:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            assert highlighted(screen).id == papers[0].id
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await type_text(pilot, "SURVEY")
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            said = screen.query_one(StatusLine).message
            at_once = (row_text(screen, 0), screen.nav.tag_names, said)
            await settle(pilot, screen)
            assert screen.shelf.counts.of(NavKey("tag", "survey")) == (0, 4)
            return at_once, (row_text(screen, 0), screen.nav.tag_names, said)

    at_once, settled = asyncio.run(run())
    assert library.state(papers[0].id).tags == ("survey",)
    for row, tags, _ in (at_once, settled):
        assert "#survey" in row and "SURVEY" not in row
        assert tags == ("survey",)
    assert at_once[2].startswith("tags +survey: ")


def test_the_status_line_names_only_the_tags_that_changed(
    app: PapershelfApp, library: Library
) -> None:
    """``-nothere`` removes nothing and says so; a real change is named, the rest said apart."""
    first = library.papers()[0].id
    library.add_tags([first], ["group"])

    async def run() -> list[str]:
        said = []
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            assert highlighted(screen).id == first
            for typed in ("-nothere", "GROUP", "new, -group, -nothere"):
                await pilot.press("number_sign")
                await wait_for(pilot, lambda: bool(app.screen.query(Input)))
                await type_text(pilot, typed)
                await pilot.press("enter")
                await wait_for(pilot, lambda: app.screen is screen)
                said.append(screen.query_one(StatusLine).message)
                await settle(pilot, screen)
        return said

    said = asyncio.run(run())
    title = library.paper(first).title
    assert said == [
        "no tag 'nothere' on this paper",
        "tag 'group' already on this paper",
        f"tags +new -group: {title}; no tag 'nothere' on this paper",
    ]
    assert library.state(first).tags == ("new",)


def test_a_tag_on_a_selection_clears_it_as_a_status_does(
    app: PapershelfApp, library: Library
) -> None:
    """Tagged, the selection is done with (as after ``r`` or ``s``); escape keeps it."""

    async def run() -> tuple[list[str], list[str], list[str]]:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            ids = [p.id for p in screen.paper_list.papers[:2]]
            await pilot.press("space", "space")
            assert screen.paper_list.selected_ids == ids
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await pilot.press("escape")  # no tags: the selection stays
            await wait_for(pilot, lambda: app.screen is screen)
            kept = screen.paper_list.selected_ids
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await type_text(pilot, "both")
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await settle(pilot, screen)
            return ids, kept, screen.paper_list.selected_ids

    ids, kept, after = asyncio.run(run())
    assert kept == ids
    assert after == []
    assert [library.state(i).tags for i in ids] == [("both",), ("both",)]


def test_the_error_goes_once_the_text_changes_and_says_not_a_tag_once(
    app: PapershelfApp, library: Library
) -> None:
    """``#`` refused, then a backspace: the error line empties (it stayed, naming the old text)."""

    async def run() -> tuple[str, str, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await pilot.press("number_sign", "enter")
            await wait_for(pilot, lambda: "nothing is left" in str(error_shown(app)))
            said = str(error_shown(app))
            await pilot.press("backspace")
            await pilot.pause()
            after_backspace = str(error_shown(app))
            await pilot.press("number_sign", "enter", "a")
            await pilot.pause()
            after_typing = str(error_shown(app))
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            return said, after_backspace, after_typing

    said, after_backspace, after_typing = asyncio.run(run())
    assert said == "'#' is not a tag (nothing is left once trimmed)"
    assert after_backspace == ""
    assert after_typing == ""


def test_text_that_names_no_tag_says_so_instead_of_doing_nothing(app: PapershelfApp) -> None:
    async def run() -> list[str]:
        said = []
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            dialog = app.screen
            for typed in (",,", "-"):
                await type_text(pilot, typed)
                await pilot.press("enter")
                await wait_for(pilot, lambda: bool(str(error_shown(app))))
                assert app.screen is dialog
                said.append(str(error_shown(app)))
                dialog.query_one(Input).value = ""
        return said

    assert asyncio.run(run()) == ["no tag here: name one, or -tag"] * 2
