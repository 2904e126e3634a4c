"""The library file layout: round trip, refusal of newer schemas, corruption, migration."""

from __future__ import annotations

import orjson
import pytest

from papershelf.storage.schema import (
    SCHEMA,
    CorruptError,
    NewerSchemaError,
    dump_document,
    load_document,
)

STATE = {"status": "read", "starred": True, "note": "n", "history": [{"status": "read", "at": "t"}]}


def test_round_trip_is_sorted_indented_and_versioned() -> None:
    tables = {"states": {"b": STATE, "a": {"starred": True}}, "undo": {}, "redo": {}, "meta": {}}
    raw = dump_document(tables)
    assert raw.endswith(b"\n")
    text = raw.decode()
    assert text.index('"a"') < text.index('"b"')  # sorted keys
    assert f'\n  "schema": {SCHEMA},\n' in text  # two-space indent
    loaded, found = load_document(raw)
    assert found == SCHEMA
    assert loaded == tables
    assert dump_document(loaded) == raw  # stable: same bytes every time


def test_newer_schema_is_refused() -> None:
    with pytest.raises(NewerSchemaError) as info:
        load_document(orjson.dumps({"schema": SCHEMA + 1, "states": {}, "future": []}))
    assert info.value.found == SCHEMA + 1


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"schema": 1, "states": {"a": {"status": "re', "invalid JSON"),
        (b"{not json", "invalid JSON"),
        (b"[1, 2]", "top level is a list"),
        (b"null", "the top level is null, not an object"),
        (b" true ", "the top level is true, not an object"),
        (b"3.5", "the top level is a number, not an object"),
        (b'"text"', "the top level is text, not an object"),
        (b'{"schema": "1"}', "'schema' is '1'"),
        (b'{"schema": true}', "'schema' is True"),
        (b'{"schema": 1, "states": []}', "'states' is not an object"),
        (b'{"schema": 1, "states": {"a": "read"}}', "state of 'a' is not an object"),
        (b'{"schema": 1, "states": {"a": {"status": "done"}}}', "unknown status 'done'"),
        (b'{"schema": 1, "states": {"a": {"starred": "yes"}}}', "'starred' is not true/false"),
        (b'{"schema": 1, "states": {"a": {"note": 3}}}', "'note' is not text"),
        (b'{"schema": 1, "states": {"a": {"history": [{"status": "read"}]}}}', "history entry 0"),
        (b'{"schema": 1, "undo": {"1": {"seq": 1}}}', "undo record '1'"),
        (b'{"schema": 1, "meta": {"counters": 5}}', "meta entry 'counters'"),
        (b'{"p": [1]}', "entry 'p' is not an object"),  # schema 0, wrong shape
        (b'{"p": {"status": "gone"}}', "unknown status 'gone'"),
    ],
)
def test_corrupt_files_are_described(raw: bytes, what: str) -> None:
    with pytest.raises(CorruptError) as info:
        load_document(raw)
    assert what in info.value.summary


def test_many_problems_are_counted() -> None:
    states = {f"p{i}": {"status": "bad"} for i in range(5)}
    with pytest.raises(CorruptError) as info:
        load_document(orjson.dumps({"schema": 1, "states": states}))
    assert len(info.value.problems) == 5
    assert info.value.summary.endswith("(and 4 more)")


def test_schema_0_flat_file_migrates() -> None:
    old = {
        "asplos2025-a": {"status": "read", "starred": True, "note": "good"},
        "asplos2025-b": {"status": "unread", "starred": False, "note": ""},
        "asplos2025-c": {"status": "to-read"},
    }
    tables, found = load_document(orjson.dumps(old))
    assert found == 0
    assert set(tables) == {"states", "undo", "redo", "meta"}
    states = tables["states"]
    assert set(states) == {"asplos2025-a", "asplos2025-c"}  # the untouched one is dropped
    assert states["asplos2025-a"]["status"] == "read"
    assert states["asplos2025-a"]["starred"] is True
    assert states["asplos2025-a"]["note"] == "good"
    assert states["asplos2025-c"]["starred"] is False
    assert tables["undo"] == {}


def test_empty_object_is_an_empty_schema_0_library() -> None:
    tables, found = load_document(b"{}")
    assert found == 0
    assert tables["states"] == {}
