"""Refuse a ``[keys]`` table that cannot mean what its writer wanted, before the app opens."""

from __future__ import annotations

from pathlib import Path

from papershelf.errors import ConfigError
from papershelf.services.settings import Config, read_config
from papershelf.tui import keys


def load_app_config(path: Path) -> Config:
    """``config.toml`` as the app starts with it; ``ConfigError`` listing every mistake.

    The file's own mistakes and its ``[keys]`` table's, all in one start: found one at a
    time, each fix cost a restart.
    """
    config, problems = read_config(path)
    problems += keymap_problems(config, str(path))
    if problems:
        raise ConfigError(problems)
    return config


def check_keymap(config: Config, where: str) -> None:
    """Refuse, at the start, what ``[keys]`` gets wrong instead of ignoring it."""
    if problems := keymap_problems(config, where):
        raise ConfigError(problems)


def keymap_problems(config: Config, where: str) -> list[str]:
    """A line for each thing ``[keys]`` gets wrong.

    An unknown binding id is a typo; a key given two meanings hides one of them.
    """
    known = keys.binding_ids()
    problems = [
        f"{where}: [keys] unknown binding id {binding_id!r} (the README's Keys section lists them)"
        for binding_id in config.keys
        if binding_id not in known
    ]
    for key, first, second in keys.conflicts(config.keys):
        problems.append(
            f"{where}: [keys] {key!r} is both {first} ({_meaning(first)}) and {second}"
            f" ({_meaning(second)}): give one of them another key"
        )
    return problems


def _meaning(binding_id: str) -> str:
    return next(keys.explain(b) for _, b in keys.all_bindings() if b.id == binding_id)
