"""The app's preferences: the hand-edited ``config.toml`` and the remembered ``settings.json``."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from papershelf.errors import ConfigError, UsageError, cannot_read


@dataclass(frozen=True, slots=True)
class UiOptions:
    """The ``[ui]`` table of ``config.toml``."""

    advance_after_triage: bool = True
    """Move the list cursor to the next paper after a status key."""
    autosave_seconds: float = 1.0
    """Pause in typing after which the note editor saves."""


MAX_AUTOSAVE = 3600.0
"""Longest pause before the note editor saves: longer would leave typed notes unprotected."""

_UI_TYPES: dict[str, tuple[type, ...]] = {
    "advance_after_triage": (bool,),
    "autosave_seconds": (int, float),
}


@dataclass(frozen=True, slots=True)
class Config:
    """What ``config.toml`` asks for; the defaults when the file is missing."""

    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> key(s), e.g. ``{"mark-read": "R"}``; several keys separated by commas."""
    ui: UiOptions = field(default_factory=UiOptions)


def _parse_keys(path: Path, table: object, problems: list[str]) -> dict[str, str]:
    if not isinstance(table, dict):
        problems.append(f'{path}: [keys] must be a table of binding id = "key"')
        return {}
    keys: dict[str, str] = {}
    for binding_id, value in table.items():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ",".join(value)
        if not isinstance(value, str) or not value.strip():
            problems.append(f'{path}: [keys] {binding_id} must be a key name such as "R"')
            continue
        keys[str(binding_id)] = ",".join(part.strip() for part in value.split(","))
    return keys


def _parse_ui(path: Path, table: object, problems: list[str]) -> UiOptions:
    if not isinstance(table, dict):
        problems.append(f"{path}: [ui] must be a table")
        return UiOptions()
    values: dict[str, Any] = {}
    for name, value in table.items():
        types = _UI_TYPES.get(name)
        if types is None:
            known = ", ".join(sorted(_UI_TYPES))
            problems.append(f"{path}: [ui] unknown option {name!r} (known: {known})")
        # bool is an int subclass: keep "true" out of the number options.
        elif not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            problems.append(f"{path}: [ui] {name} has the wrong type ({type(value).__name__})")
        else:
            values[name] = value
    ui = UiOptions(**values)
    # inf or nan would switch autosave off, and with it the protection of typed notes.
    if not math.isfinite(ui.autosave_seconds) or not 0 < ui.autosave_seconds <= MAX_AUTOSAVE:
        problems.append(
            f"{path}: [ui] autosave_seconds must be a number of seconds above 0 and at most "
            f"{MAX_AUTOSAVE:g} (found {ui.autosave_seconds!r})"
        )
    return ui


def load_config(path: Path) -> Config:
    """Read ``config.toml``; a missing file gives the defaults, a broken one ``ConfigError``."""
    config, problems = read_config(path)
    if problems:
        raise ConfigError(problems)
    return config


def read_config(path: Path) -> tuple[Config, list[str]]:
    """``config.toml`` with what it gets right, and a line for each mistake in it.

    A file that cannot be read or parsed is one ``UsageError``: there is nothing to list.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(), []
    except OSError as exc:
        raise UsageError(cannot_read(path, exc)) from exc
    import tomllib  # only when there is a file: most starts have none

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: {exc}") from exc
    problems = [
        f"{path}: unknown table [{name}] (known: [enrich], [keys], [ui], [venue_aliases])"
        for name in sorted(set(data) - {"keys", "ui", "enrich", "venue_aliases"})
    ]
    keys = _parse_keys(path, data.get("keys", {}), problems)
    ui = _parse_ui(path, data.get("ui", {}), problems)
    if "enrich" in data:  # read by `enrich` itself; checked here so the app says it at start
        from papershelf.services.enrich.config import enrich_problems

        problems += enrich_problems(data["enrich"], str(path))
    return Config(keys=keys, ui=ui), problems


def load_venue_aliases(path: Path) -> tuple[dict[str, str], list[str]]:
    """``[venue_aliases]`` (``NIPS = "NeurIPS"``) and a line for each entry ignored.

    Lenient on purpose: every command builds the catalog with these, and a typo in one alias
    should cost that alias, not the command. A file that does not read costs them all.
    """
    from papershelf.domain.grouping import clean_aliases

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [f"{path}: venue aliases ignored: {exc.strerror or exc}"]
    import tomllib  # only when there is a file: most starts have none

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"{path}: venue aliases ignored: {exc}"]
    table = data.get("venue_aliases", {})
    if not isinstance(table, dict):
        return {}, [f'{path}: [venue_aliases] ignored: it must be a table of name = "Name"']
    return clean_aliases(table, str(path))


def load_theme(path: Path) -> str | None:
    """The remembered theme name, or None; an unreadable file only costs the preference."""
    from papershelf.storage.settings_file import read_settings

    theme = read_settings(path).get("theme")
    return theme if isinstance(theme, str) and theme else None


def save_theme(path: Path, theme: str) -> None:
    """Remember ``theme``, keeping any other keys the file holds; written atomically."""
    from papershelf.storage.settings_file import update_setting

    update_setting(path, "theme", lambda _: theme)
