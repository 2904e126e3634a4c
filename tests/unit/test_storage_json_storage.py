"""The TinyDB storage: cached reads, re-read only on change, one write per batch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tinydb import TinyDB

from papershelf.errors import LibraryError, WriteError
from papershelf.storage import atomic, json_storage
from papershelf.storage.json_storage import AtomicJSONStorage
from papershelf.storage.schema import SCHEMA, dump_document, load_document


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = load_document

    def counting(raw: bytes) -> object:
        calls.append(len(raw))
        return real(raw)

    monkeypatch.setattr(json_storage, "load_document", counting)
    return calls


def test_missing_file_reads_empty_and_creates_nothing(tmp_path: Path) -> None:
    storage = AtomicJSONStorage(tmp_path / "data" / "library.json")
    assert storage.read() == {}
    assert not (tmp_path / "data").exists()


def test_tinydb_on_top_writes_readable_json(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    db = TinyDB(storage=lambda: AtomicJSONStorage(path))
    db.table("meta").insert({"k": 1})
    text = path.read_text()
    assert text.startswith('{\n  "meta": {\n')
    assert f'"schema": {SCHEMA}' in text
    db.close()


def test_reads_are_cached_until_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.json"
    path.write_bytes(dump_document({"states": {"a": {"starred": True}}}))
    parses = _count_parses(monkeypatch)
    storage = AtomicJSONStorage(path)
    for _ in range(5):
        assert storage.read() == {"states": {"a": {"starred": True}}}
    assert len(parses) == 1
    # our own write is not parsed again
    storage.write({"states": {"a": {"starred": False, "note": "x"}}})
    assert storage.read() == {"states": {"a": {"starred": False, "note": "x"}}}
    assert len(parses) == 1
    # another writer replaces the file: read again, once
    other = AtomicJSONStorage(path)
    other.write({"states": {"b": {"note": "from elsewhere"}}})
    assert storage.refresh() is True
    assert storage.read() == {"states": {"b": {"note": "from elsewhere"}}}
    assert storage.refresh() is False
    assert len(parses) == 2


def test_in_place_edit_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    storage = AtomicJSONStorage(path)
    storage.write({"states": {}})
    generation = storage.generation
    with path.open("r+b") as handle:  # same inode, different size
        handle.write(dump_document({"states": {"zz": {"note": "hand edit"}}}))
    assert storage.refresh() is True
    assert storage.generation == generation + 1
    assert storage.read() == {"states": {"zz": {"note": "hand edit"}}}


def test_batch_commits_once_and_discards_on_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.json"
    storage = AtomicJSONStorage(path)
    writes: list[bytes] = []
    real = atomic.atomic_write

    def counting(target: Path, data: bytes, *, keep_open: bool = False) -> object:
        writes.append(data)
        return real(target, data, keep_open=keep_open)

    monkeypatch.setattr("papershelf.storage.json_storage.atomic_write", counting)
    db = TinyDB(storage=lambda: storage)
    with storage.batch():
        db.table("a").insert({"x": 1})
        db.table("b").insert({"y": 2})
        assert writes == []
    assert len(writes) == 1
    with pytest.raises(RuntimeError), storage.batch():
        db.table("a").insert({"x": 3})
        raise RuntimeError("boom")
    assert len(writes) == 1
    assert len(db.table("a")) == 1
    with storage.batch():
        pass  # nothing changed: nothing written
    assert len(writes) == 1


def test_failed_write_leaves_file_and_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.json"
    storage = AtomicJSONStorage(path)
    storage.write({"t": {"1": {"note": "kept"}}})
    before = path.read_bytes()

    def fail(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("papershelf.storage.json_storage.atomic_write", fail)
    db = TinyDB(storage=lambda: storage)
    with pytest.raises(WriteError, match="No space left on device"):
        db.table("t").insert({"note": "lost"})
    assert path.read_bytes() == before
    assert storage.read() == {"t": {"1": {"note": "kept"}}}


def test_corrupt_and_unreadable_files_raise_library_error(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_bytes(b"{oops")
    with pytest.raises(LibraryError, match="library file is corrupt"):
        AtomicJSONStorage(path).read()
    if os.getuid() != 0:  # root reads anything
        path.write_bytes(b"{}")
        path.chmod(0)
        with pytest.raises(LibraryError, match="cannot read"):
            AtomicJSONStorage(path).read()
