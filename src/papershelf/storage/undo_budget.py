"""How much of the undo log to keep: a count, a budget of paper states and one of note text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def record_cost(data: Mapping[str, Any]) -> tuple[int, int]:
    """(paper states, note characters) a stored record counts against the log's budgets."""
    changes = data["changes"]
    text = sum(
        len(old) + len(new) for delta in changes.values() for _, old, new in delta.get("note", ())
    )
    states = 2 * len(changes)
    for step in data.get("merged", ()):
        more = record_cost(step)
        states, text = states + more[0], text + more[1]
    return states, text


def records_kept(
    keys: Sequence[str],
    log: Mapping[str, Any],
    costs: dict[str, tuple[int, int]],
    *,
    cap: int,
    states: int,
    text: int,
) -> int:
    """How many of ``keys`` (newest first) fit; the newest always does.

    ``costs`` caches each record's cost by key: a key names its content for good (sequence
    numbers are never reused), so a cost is worked out once per process, not at every write.
    """
    kept = 0
    for key in keys:
        cost = costs.get(key)
        if cost is None:
            cost = costs[key] = record_cost(log[key])
        states -= cost[0]
        text -= cost[1]
        if kept and (kept >= cap or states < 0 or text < 0):
            break
        kept += 1
    return kept
