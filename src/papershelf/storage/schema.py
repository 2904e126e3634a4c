"""The library file's layout, its version (``schema``), migrations and shape checks.

Schema 4 (current)::

    {
      "meta":   {"counters": {"last_seq": 12}},
      "redo":   {"00000011": <record>},
      "schema": 4,
      "states": {"<paper id>": <state>},
      "undo":   {"00000010": <record>, ...}
    }

``<state>`` is ``PaperState.to_json()`` without the fields at their default (so ``tags``, a
list of the reader's tags, is there only when a paper has some); ``<record>`` is
``{"seq", "label", "at", "changes"}`` with ``changes`` mapping paper ids to what changed
(``deltas.state_delta``: changed fields, the status history's new tail, the note as text
hunks). Undo and redo apply a record to the current states, so the log costs what changed,
not copies of whole notes. Everything but ``schema`` is a TinyDB table keyed by a string id
(paper id, or the zero-padded sequence number).

Schema 3 is the same without ``same`` and ``different`` (the reader's decisions that two
ids are, or are not, one paper: lists of ids, like tags there only when a paper has some).

Schema 2 is the same without tags: a state never has ``tags`` and a record's ``set`` never
changes them. Version 3 exists so that an older papershelf refuses a file with tags instead
of rejecting its undo log as corrupt.

Schema 1 stored ``before`` and ``after``, the whole states of the touched papers, in each
record: two copies of a note per change. Schema 0 is the shape before ``schema`` existed: a
flat ``{paper id: {status, starred, note}}``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from papershelf.domain.models import PaperState, Status
from papershelf.storage.deltas import delta_problems, state_delta

SCHEMA = 4
STATES, UNDO, REDO, META = "states", "undo", "redo", "meta"
TABLES = (STATES, UNDO, REDO, META)
_STATUSES = frozenset(s.value for s in Status)
_MAX_PROBLEMS = 20

Tables = dict[str, dict[str, Any]]


class CorruptError(ValueError):
    """The bytes are not a library file this version understands; ``problems`` says why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0])
        self.problems = problems

    @property
    def summary(self) -> str:
        more = len(self.problems) - 1
        return self.problems[0] + (f" (and {more} more)" if more > 0 else "")


class NewerSchemaError(ValueError):
    """The file was written by a newer papershelf; it must be neither read nor overwritten."""

    def __init__(self, found: int) -> None:
        super().__init__(f"schema {found}")
        self.found = found


def _migrate_0_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    problems = [f"entry {k!r} is not an object" for k, v in doc.items() if not isinstance(v, dict)]
    if problems:
        raise CorruptError(problems[:_MAX_PROBLEMS])
    states: dict[str, Any] = {}
    for paper_id, old in doc.items():
        state = {
            "status": old.get("status", "unread"),
            "starred": old.get("starred", False),
            "note": old.get("note", ""),
            "first_triaged": None,
            "history": [],
            "note_changed": None,
        }
        if state["status"] != "unread" or state["starred"] or state["note"]:
            states[paper_id] = state
    return {"schema": 1, STATES: states, UNDO: {}, REDO: {}, META: {}}


def _migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """Whole before/after states in each record become deltas (see ``deltas``)."""
    problems: list[str] = []
    for name in (UNDO, REDO):
        table = doc.get(name, {})
        if not isinstance(table, dict):
            continue  # reported by the shape check
        for key, record in table.items():
            problems.extend(_v1_record_problems(f"{name} record {key!r}", record))
    if problems:
        raise CorruptError(problems[:_MAX_PROBLEMS])
    out = dict(doc, schema=2)
    for name in (UNDO, REDO):
        table = doc.get(name, {})
        if not isinstance(table, dict):
            continue
        out[name] = {
            key: {
                "seq": record["seq"],
                "label": record["label"],
                "at": record["at"],
                "changes": {
                    pid: state_delta(
                        PaperState.from_json(record["before"].get(pid, {})),
                        PaperState.from_json(after),
                    )
                    for pid, after in record["after"].items()
                },
            }
            for key, record in table.items()
        }
    return out


def _migrate_2_to_3(doc: dict[str, Any]) -> dict[str, Any]:
    """Tags arrive: a schema-2 file has none, so its states and deltas stand as they are."""
    return dict(doc, schema=3)


def _migrate_3_to_4(doc: dict[str, Any]) -> dict[str, Any]:
    """Decisions arrive: a schema-3 file has none, so it stands as it is."""
    return dict(doc, schema=4)


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_0_to_1,
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
}
"""``MIGRATIONS[n]`` turns a schema-``n`` document into a schema-``n + 1`` one."""


def _is_timestamp(value: object) -> bool:
    return value is None or isinstance(value, str)


def state_problems(where: str, state: object) -> list[str]:
    """What is wrong with one stored state (empty when fine); missing keys take defaults."""
    if not isinstance(state, dict):
        return [f"{where} is not an object"]
    problems = []
    if state.get("status", "unread") not in _STATUSES:
        problems.append(f"{where}: unknown status {state.get('status')!r}")
    if not isinstance(state.get("starred", False), bool):
        problems.append(f"{where}: 'starred' is not true/false")
    if not isinstance(state.get("note", ""), str):
        problems.append(f"{where}: 'note' is not text")
    for key in ("first_triaged", "note_changed"):
        if not _is_timestamp(state.get(key)):
            problems.append(f"{where}: {key!r} is not a timestamp")
    for key in ("tags", "same", "different"):
        items = state.get(key, [])
        if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
            problems.append(f"{where}: {key!r} is not a list of text")
    history = state.get("history", [])
    if not isinstance(history, list):
        problems.append(f"{where}: 'history' is not a list")
    else:
        for i, change in enumerate(history):
            if (
                not isinstance(change, dict)
                or change.get("status") not in _STATUSES
                or not isinstance(change.get("at"), str)
            ):
                problems.append(f"{where}: history entry {i} is not {{status, at}}")
                break
    return problems


def _record_head_problems(where: str, record: dict[str, Any]) -> list[str]:
    problems = []
    seq = record.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool):
        problems.append(f"{where}: 'seq' is not a number")
    if not isinstance(record.get("label"), str) or not isinstance(record.get("at"), str):
        problems.append(f"{where}: 'label' or 'at' is not text")
    return problems


def _record_problems(where: str, record: object) -> list[str]:
    if not isinstance(record, dict):
        return [f"{where} is not an object"]
    problems = _record_head_problems(where, record)
    changes = record.get("changes")
    if not isinstance(changes, dict):
        return [*problems, f"{where}: 'changes' is not an object"]
    for paper_id, delta in changes.items():
        problems.extend(delta_problems(f"{where} change of {paper_id!r}", delta))
    merged = record.get("merged", [])
    if not isinstance(merged, list):
        return [*problems, f"{where}: 'merged' is not a list"]
    for i, step in enumerate(merged):
        if isinstance(step, dict) and "merged" in step:
            problems.append(f"{where}: merged step {i} has merged steps of its own")
        else:
            problems.extend(_record_problems(f"{where} merged step {i}", step))
    return problems


def _v1_record_problems(where: str, record: object) -> list[str]:
    if not isinstance(record, dict):
        return [f"{where} is not an object"]
    problems = _record_head_problems(where, record)
    for side in ("before", "after"):
        states = record.get(side)
        if not isinstance(states, dict):
            problems.append(f"{where}: {side!r} is not an object")
            continue
        for paper_id, state in states.items():
            problems.extend(state_problems(f"{where} {side} {paper_id!r}", state))
    return problems


def shape_problems(doc: dict[str, Any]) -> list[str]:
    """Every shape problem of a current-schema document, at most ``_MAX_PROBLEMS``."""
    problems: list[str] = []
    for name, table in doc.items():
        if name == "schema":
            continue
        if not isinstance(table, dict):
            problems.append(f"{name!r} is not an object")
        elif name == STATES:
            for paper_id, state in table.items():
                problems.extend(state_problems(f"state of {paper_id!r}", state))
                if len(problems) >= _MAX_PROBLEMS:
                    break
        elif name in (UNDO, REDO):
            for key, record in table.items():
                problems.extend(_record_problems(f"{name} record {key!r}", record))
                if len(problems) >= _MAX_PROBLEMS:
                    break
        else:
            problems.extend(
                f"{name} entry {key!r} is not an object"
                for key, value in table.items()
                if not isinstance(value, dict)
            )
    return problems[:_MAX_PROBLEMS]


def json_kind(value: object) -> str:
    """What a JSON value is, in the words of JSON ("null", "a list"), not Python's ("NoneType")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else "a value"


def load_document(raw: bytes) -> tuple[Tables, int]:
    """Parse, migrate and check a library file: ``(tables, schema found on disk)``.

    Raises ``CorruptError`` or ``NewerSchemaError``.
    """
    if not raw.strip():
        raise CorruptError(["the file is empty"])
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptError([f"invalid JSON: {exc}"]) from None
    if not isinstance(doc, dict):
        raise CorruptError([f"the top level is {json_kind(doc)}, not an object"])
    found = doc.get("schema", 0)
    if not isinstance(found, int) or isinstance(found, bool) or found < 0:
        raise CorruptError([f"'schema' is {found!r}, not a version number"])
    if found > SCHEMA:
        raise NewerSchemaError(found)
    version = found
    while version < SCHEMA:
        doc = MIGRATIONS[version](doc)
        version += 1
    problems = shape_problems(doc)
    if problems:
        raise CorruptError(problems)
    doc.pop("schema", None)
    return doc, found


def dump_document(tables: Tables) -> bytes:
    """Readable, diffable JSON: sorted keys, two-space indent, trailing newline."""
    doc = {"schema": SCHEMA, **tables}
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
