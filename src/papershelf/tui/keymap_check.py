"""Refuse a ``[keys]`` table that cannot mean what its writer wanted, before the app opens."""

from __future__ import annotations

from papershelf.errors import UsageError
from papershelf.services.settings import Config
from papershelf.tui import keys


def check_keymap(config: Config, where: str) -> None:
    """Refuse, at the start, what ``[keys]`` gets wrong instead of ignoring it.

    An unknown binding id is a typo; a key given two meanings hides one of them.
    """
    known = keys.binding_ids()
    for binding_id in config.keys:
        if binding_id not in known:
            raise UsageError(
                f"{where}: [keys] unknown binding id {binding_id!r}"
                " (the README's Keys section lists them)"
            )
    if found := keys.conflicts(config.keys):
        key, first, second = found[0]
        raise UsageError(
            f"{where}: [keys] {key!r} is both {first} ({_meaning(first)}) and {second}"
            f" ({_meaning(second)}): give one of them another key"
        )


def _meaning(binding_id: str) -> str:
    return next(keys.explain(b) for _, b in keys.all_bindings() if b.id == binding_id)
