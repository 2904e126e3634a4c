"""Issue 16, smaller ones: settings written only on change, config values, NUL in notes."""

from __future__ import annotations

import asyncio
import io
import json
import math
from pathlib import Path

import pytest

from papershelf.errors import UsageError
from papershelf.paths import Paths
from papershelf.services import settings
from papershelf.services.library import Library
from papershelf.services.settings import load_config
from papershelf.tui.app import PapershelfApp
from tests.hardening.helpers import first_paper_ids, run, snapshot
from tests.tui.conftest import HOSTILE_LIST, make_app, ready, screen_text

Capsys = pytest.CaptureFixture[str]


def test_the_app_start_leaves_an_unchanged_settings_file_alone(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.settings.write_text('{"theme": "nord"}\n', encoding="utf-8")
    before = snapshot(paths.settings)
    writes: list[Path] = []

    def refuse(path: Path, data: bytes) -> None:  # as on a read-only folder
        writes.append(path)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("papershelf.storage.settings_file.atomic_write", refuse)

    notes: list[str] = []

    async def start() -> None:
        app = PapershelfApp(Library(paths), paths, remember_theme=True)
        monkeypatch.setattr(app, "notify", lambda message, **_kw: notes.append(str(message)))
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(10):
                await pilot.pause(0.02)
            assert app.theme == "nord"

    asyncio.run(start())
    assert writes == [] and not any("theme" in n for n in notes), notes
    assert snapshot(paths.settings) == before


def test_save_theme_writes_only_a_change(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings.save_theme(path, "nord")
    first = snapshot(path)
    settings.save_theme(path, "nord")
    assert snapshot(path) == first
    settings.save_theme(path, "gruvbox")
    assert json.loads(path.read_text()) == {"theme": "gruvbox"}


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "0", "-1", "0.0", "1e9"])
def test_autosave_seconds_out_of_range_is_one_clear_line(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[ui]\nautosave_seconds = {value}\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_config(path)
    message = str(info.value)
    assert len(message.splitlines()) == 1
    assert str(path) in message and "autosave_seconds must be a number of seconds" in message


def test_the_app_refuses_to_start_on_an_infinite_autosave(paths: Paths, capsys: Capsys) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.config.write_text("[ui]\nautosave_seconds = inf\n", encoding="utf-8")
    result = run(capsys)  # no command: the app, which stops before any screen
    assert result.code == 2
    [line] = result.err_lines
    assert "autosave_seconds" in line and "inf" in line


def test_the_app_start_says_every_mistake_of_the_config_in_one_go(
    paths: Paths, capsys: Capsys
) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.config.write_text(
        '[keys]\ntoggle-star = 5\nnosuch-action = "z"\n\n'
        '[ui]\nadvance_after_triage = "yes"\nautosave_seconds = 0\n',
        encoding="utf-8",
    )
    result = run(capsys)  # the app, which stops before any screen: exit 2, as for one mistake
    assert result.code == 2
    assert len(result.err_lines) == 4, result.err_lines
    assert all(line.startswith(f"papershelf: {paths.config}: [") for line in result.err_lines)
    for words in ("toggle-star", "advance_after_triage", "autosave_seconds", "nosuch-action"):
        assert sum(words in line for line in result.err_lines) == 1, words


def test_the_enrich_command_says_every_mistake_of_its_table(paths: Paths, capsys: Capsys) -> None:
    run(capsys, "list")  # a library to enrich
    paths.config.write_text('[enrich]\nretries = -1\ntimeout = "x"\n', encoding="utf-8")
    result = run(capsys, "enrich", "--all")
    assert result.code == 2
    assert [line.split("[enrich] ")[1].split(" ")[0] for line in result.err_lines] == [
        "retries",
        "timeout",
    ]


def test_a_sane_autosave_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[ui]\nautosave_seconds = 0.5\n", encoding="utf-8")
    seconds = load_config(path).ui.autosave_seconds
    assert math.isclose(seconds, 0.5)


RAW = "first\x00line\r\nsecond\x1b[31m red\x1b[0m\ttab\x7f\rthird \u200d\u2764"
CLEAN = "firstline\nsecond red\ttab\nthird \u200d\u2764"


def test_nul_and_controls_from_stdin_are_dropped_the_same_everywhere(
    capsys: Capsys, paths: Paths, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    a, b = first_paper_ids(capsys, 2)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(RAW.encode()), newline=""))
    assert run(capsys, "note", a, "--set", "-").code == 0
    lib = Library(paths)
    assert lib.state(a).note == CLEAN
    lib.append_note(a, "\x00more")
    assert lib.state(a).note == CLEAN + "\nmore"
    lib.set_note(b, RAW)  # what the app calls
    assert lib.state(b).note == CLEAN
    out = tmp_path / "state.json"
    assert run(capsys, "export", "--format", "json", "-o", str(out)).code == 0
    exported = {p["id"]: p["note"] for p in json.loads(out.read_text())["papers"]}
    assert exported[b] == CLEAN
    assert "\x00" not in out.read_text()


def test_a_note_saved_from_an_old_base_keeps_what_was_written_elsewhere(
    capsys: Capsys, paths: Paths
) -> None:
    """The app saves against the text its editor opened on; a CLI append meanwhile stays."""
    (pid,) = first_paper_ids(capsys, 1)
    assert run(capsys, "note", pid, "--set", "opened\n").code == 0
    app_side = Library(paths)
    base = app_side.state(pid).note  # the editor opens on this
    assert run(capsys, "note", pid, "--append", "from a script").code == 0
    app_side.set_note(pid, base + "typed in the app\n", base=base)
    note = Library(paths).state(pid).note
    assert "typed in the app" in note and "from a script" in note, note


def test_the_detail_pane_shows_markup_in_titles_and_details_literally(
    paths: Paths, tmp_path: Path
) -> None:
    """User text reaches the screen as Text, never as markup (the sabotage parses it)."""
    source = tmp_path / "hostile.md"
    source.write_text(HOSTILE_LIST, encoding="utf-8")
    library = Library(paths)
    library.import_lists([source])
    app = make_app(library, paths)

    async def check() -> None:
        async with app.run_test(size=(160, 40)) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash", *"click", "enter")
            await pilot.pause()
            assert len(screen.paper_list.papers) == 1
            shot = screen_text(app)
            assert "Org [red]A[/red]" in shot  # the affiliation, in the detail pane
            assert shot.count("[bold]x[/bold]") >= 2  # the list row and the detail title
            assert app.is_running

    asyncio.run(check())
