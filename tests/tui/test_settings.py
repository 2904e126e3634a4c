"""config.toml ([keys], [ui]) and settings.json (the remembered theme)."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.errors import UsageError
from papershelf.services.settings import Config, UiOptions, load_config, load_theme, save_theme
from papershelf.tui import keys
from papershelf.tui.keymap_check import check_keymap, load_app_config


def test_missing_config_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "config.toml") == Config()
    assert UiOptions().advance_after_triage is True


def test_keys_and_ui(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[keys]\nmark-read = "R"\nfocus-search = ["f", "ctrl+f"]\n\n'
        "[ui]\nadvance_after_triage = false\nautosave_seconds = 2\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.keys == {"mark-read": "R", "focus-search": "f,ctrl+f"}
    assert config.ui == UiOptions(advance_after_triage=False, autosave_seconds=2)
    check_keymap(config, str(path))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[keys\n", "config.toml"),
        ("[keys]\nmark-read = 3\n", "mark-read"),
        ("[ui]\nadvance_after_triage = 1\n", "advance_after_triage"),
        ("[ui]\nautosave_seconds = true\n", "autosave_seconds"),
        ("[ui]\nautosave_seconds = 0\n", "autosave_seconds"),
        ("[ui]\nspeed = 3\n", "speed"),
        ("[colours]\n", "colours"),
    ],
)
def test_broken_config_is_one_clear_line(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_config(path)
    message = str(caught.value)
    assert words in message and str(path) in message and "\n" not in message


def test_unknown_binding_id_is_refused() -> None:
    with pytest.raises(UsageError, match="mark-reed"):
        check_keymap(Config(keys={"mark-reed": "R"}), "config.toml")
    assert "triage-read" in keys.binding_ids()  # the triage screen's keys remap too


def test_theme_round_trip_keeps_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "settings.json"
    assert load_theme(path) is None
    save_theme(path, "nord")
    assert load_theme(path) == "nord"
    path.write_text('{"theme": "nord", "other": 1}', encoding="utf-8")
    save_theme(path, "gruvbox")
    assert load_theme(path) == "gruvbox"
    assert '"other": 1' in path.read_text(encoding="utf-8")
    path.write_text("not json", encoding="utf-8")
    assert load_theme(path) is None


@pytest.mark.parametrize(
    ("keymap", "words"),
    [
        ({"mark-read": "t"}, ("'t'", "mark-read", "mark-to-read")),
        ({"mark-read": "R,j"}, ("'j'", "mark-read", "cursor-down")),  # the list's j
        ({"toggle-star": "q"}, ("'q'", "toggle-star", "quit")),
        ({"triage-star": "r"}, ("'r'", "triage-star", "triage-read")),
        ({"mark-read": "x", "mark-unread": "r"}, None),  # swapped: no key has two meanings
        ({"tree-expand": "t"}, None),  # the tree's keys are the tree's: t stays on the list
    ],
)
def test_a_key_given_two_meanings_is_refused(
    keymap: dict[str, str], words: tuple[str, ...] | None
) -> None:
    if words is None:
        check_keymap(Config(keys=keymap), "config.toml")
        return
    with pytest.raises(UsageError) as caught:
        check_keymap(Config(keys=keymap), "config.toml")
    message = str(caught.value)
    assert all(word in message for word in words), message
    assert message.startswith("config.toml: [keys] ") and "\n" not in message


def test_no_default_key_has_two_meanings() -> None:
    assert keys.conflicts({}) == []


def test_the_unknown_id_message_points_somewhere_reachable() -> None:
    with pytest.raises(UsageError) as caught:
        check_keymap(Config(keys={"mark-reed": "R"}), "config.toml")
    assert "? in the app" not in str(caught.value)
    assert "README" in str(caught.value)


FOUR_MISTAKES = (
    '[keys]\ntoggle-star = 5\nnosuch-action = "z"\n\n'
    '[ui]\nadvance_after_triage = "yes"\nautosave_seconds = 0\n'
)


def test_every_mistake_is_said_at_once_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(FOUR_MISTAKES + "\n[enrich]\nretries = -1\n\n[colours]\n", "utf-8")
    with pytest.raises(UsageError) as caught:
        load_app_config(path)
    lines = caught.value.lines
    assert len(lines) == 6, lines
    assert all(line.startswith(f"{path}: ") for line in lines)
    said = "\n".join(lines)
    for words in (
        "unknown table [colours]",
        "[keys] toggle-star must be a key name",
        "[ui] advance_after_triage has the wrong type (str)",
        "[ui] autosave_seconds must be a number of seconds above 0 and at most 3600 (found 0)",
        "[enrich] retries must be a whole number",
        "[keys] unknown binding id 'nosuch-action'",
    ):
        assert words in said, (words, lines)


def test_every_clash_of_keys_is_said(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nmark-read = "t"\ntoggle-star = "q"\n', encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_app_config(path)
    [first, second] = caught.value.lines
    assert "'t' is both" in first and "'q' is both" in second
