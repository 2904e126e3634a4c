"""What the app's first frame does not need is not imported before it."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import python_c

LATER = (
    "markdown_it",  # the note pane's Markdown, mounted after the first frame
    "textual.widgets._markdown",
    "papershelf.tui.commands",  # the palette, when it first opens
    "papershelf.tui.screens.dialogs",
    "papershelf.tui.screens.help",
    "papershelf.tui.screens.triage",
    "papershelf.tui.screens.progress",
    "papershelf.export",  # BibTeX for `c`
    "papershelf.tui.widgets.note_editor",  # the TextArea, mounted after the first frame
    "textual.widgets._text_area",
    "papershelf.cli.parser",  # a bare start has no flags to parse
    "argparse",
    "tomllib",  # only when there is a config file
    "filelock",  # with the first write
    "webbrowser",  # with the first `o`
    "papershelf.services.merging",  # with a merge, or on the session's thread
    "papershelf.services.forgetting",
    "papershelf.services.commands",  # on the session's thread, once the first papers show
    "papershelf.services.library_commands",
    "papershelf.services.results",  # with the first change
    "papershelf.services.importing",  # with the first import
    "papershelf.services.import_batch",
    "papershelf.services.duplicates",  # once the cursor rests, off the UI thread
    "papershelf.domain.merge_rules",  # with a merge of two copies
    "papershelf.services.enrich.report",  # with the first look-up
    "papershelf.tui.screens.paper_actions",  # with the first link, tag or $EDITOR key
    # After the kept screen's frame (``tui.cover``): the library, the session, the screen.
    "papershelf.services.library",
    "papershelf.services.session",
    "papershelf.tui.screens.main",
    "papershelf.tui.widgets.paper_list",
)


def test_the_app_module_leaves_the_rest_for_later() -> None:
    code = (
        "import sys, papershelf.cli.main, papershelf.tui.app\n"
        f"print(' '.join(m for m in {LATER!r} if m in sys.modules))\n"
    )
    out = python_c(code)
    assert out.strip() == ""


def test_after_the_first_papers_the_collector_leaves_the_catalog_alone() -> None:
    """Run in a process of its own: freezing is for the whole process."""
    code = (
        "import gc\n"
        "from papershelf.cli.main import tune_collector\n"
        "from papershelf.tui.collector import INTERACTIVE_GC, settle_collector\n"
        "tune_collector()\n"
        "catalog = [[i] for i in range(10_000)]\n"
        "settle_collector()\n"
        "assert gc.get_threshold() == INTERACTIVE_GC, gc.get_threshold()\n"
        "assert gc.get_freeze_count() >= 10_000, gc.get_freeze_count()\n"
    )
    python_c(code)  # the checks are asserts in that process: its exit code tells


def test_the_first_seconds_on_screen_leave_rich_s_emoji_table_unread(tmp_path: Path) -> None:
    """A str label is read as markup, and markup loads a 4,000-name emoji table (ms of a
    start); the app's labels are ``Text`` (they are names, never markup, anyway)."""
    code = (
        "import asyncio, sys\n"
        "from papershelf.paths import resolve_paths\n"
        "from papershelf.services.library import Library\n"
        "from papershelf.tui.app import PapershelfApp\n"
        "async def main():\n"
        "    paths = resolve_paths(None)\n"
        "    app = PapershelfApp(Library(paths), paths, remember_theme=False)\n"
        "    async with app.run_test(size=(160, 45)) as pilot:\n"
        "        await pilot.pause(0.5)\n"
        "        print(app.screen.__class__.__name__, 'rich._emoji_codes' in sys.modules)\n"
        "asyncio.run(main())\n"
    )
    env = {
        **os.environ,
        "PAPERSHELF_DATA_DIR": str(tmp_path),
        "PAPERSHELF_STATE_DIR": str(tmp_path),
    }
    out = python_c(code, env)
    assert out.split() == ["MainScreen", "False"]
