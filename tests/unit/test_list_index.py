"""``lists/index.json`` is parsed once per version of the file, and never served stale."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import orjson
import pytest

from papershelf.errors import WriteError
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.loading import Loader
from papershelf.storage.list_index import ListIndex

LIST = """# Tiny list

* \\[LLM serving] [Alpha: Serving Models Fast](https://example.org/a). Ann Lee. OSDI 2024
* \\[LLM serving] [Beta: Training Models Cheaply](https://example.org/b). Cy Wu. OSDI 2024
"""
OTHER = LIST.replace("Alpha", "Gamma").replace("Beta", "Delta").replace("OSDI", "SOSP")


def _write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_an_import_parses_the_index_once_before_its_writes_and_not_after(
    paths: Paths, tmp_path: Path
) -> None:
    Library(paths).import_lists([_write(tmp_path / "tiny.md", LIST)])
    lib = Library(paths)
    index: ListIndex = lib._catalog_store.index
    lib.import_lists([_write(tmp_path / "other.md", OTHER)])
    # The catalog before, the import's look-up and the save share one parse; what the
    # import wrote is kept as written (it was five parses, then two).
    assert index.parses == 1
    assert {r.name for r in lib._catalog_store.records()} >= {"tiny", "other"}
    kept = index.read()
    # The same content, key order and types as a parse of the file gives.
    assert orjson.dumps(kept) == orjson.dumps(orjson.loads(index.path.read_bytes()))
    assert index.parses == 1


_RECORD = {"name": "n", "source": "/n.md", "sha256": "", "imported_at": "", "added": []}


def _saving(path: Path, data: bytes) -> str:
    """The save of ``CatalogStore``: the file's stamp as written."""
    from papershelf.storage.list_record import copy_stamp

    path.write_bytes(data)
    return copy_stamp(path)


@pytest.mark.parametrize(
    "value",
    [
        {"b": [("x", "y")], "a": {"z": 1, "y": [True, None, "é"]}, "c": ("id-1", "id-2")},
        {"lists": [dict(_RECORD, id_map={"b": "1", "a": "2"}, ids=["b", "a"])], "retired": {}},
    ],
)
def test_what_is_written_is_kept_as_a_parse_would_give_it(
    tmp_path: Path, value: dict[str, object]
) -> None:
    path = tmp_path / "index.json"
    path.write_bytes(b"{}")
    index = ListIndex(path, _saving)
    with index.changing() as change:
        change.update(value)
    parsed = orjson.loads(path.read_bytes())
    assert index.read() == parsed and index.parses == 1
    assert orjson.dumps(index.read()) == orjson.dumps(parsed)  # key order too
    change_again = index.read()
    assert change_again is not value and all(type(v) is not tuple for v in change_again.values())


@pytest.mark.parametrize("odd", [1.5, float("nan")])
def test_a_value_json_might_not_give_back_is_parsed_again(tmp_path: Path, odd: object) -> None:
    path = tmp_path / "index.json"
    path.write_bytes(b"{}")
    index = ListIndex(path, lambda p, data: _saving(p, orjson.dumps({"retired": {}})))
    with index.changing() as change:
        change["retired"] = {"x": odd}
    assert index.read() == {"retired": {}}  # the file, not what was asked to be written
    assert index.parses == 2


def test_the_index_is_read_again_when_another_process_replaced_it(
    paths: Paths, tmp_path: Path
) -> None:
    lib = Library(paths)
    lib.import_lists([_write(tmp_path / "tiny.md", LIST)])
    store = lib._catalog_store
    assert "other" not in {r.name for r in store.records()}
    Library(paths).import_lists([_write(tmp_path / "other.md", OTHER)])  # "another process"
    assert "other" in {r.name for r in store.records()}


class _Abandon(Exception):
    """Leaves a ``changing`` block without writing."""


def test_a_copy_being_changed_leaves_what_is_kept_alone(tmp_path: Path) -> None:
    path = tmp_path / "index.json"
    record = {"name": "a", "source": "/a.md", "sha256": "", "imported_at": "", "added": []}
    data = {"lists": [record], "bundled_forgotten": []}
    path.write_bytes(orjson.dumps(data))
    index = ListIndex(path, _write_bytes)
    with pytest.raises(_Abandon), index.changing() as change:
        change["lists"][0]["added"] = ["x"]
        change["bundled_forgotten"] = ["b"]
        assert index.read() == orjson.loads(path.read_bytes())
        raise _Abandon
    assert index.read() == data
    assert index.parses == 1


def test_a_failed_write_is_not_mistaken_for_the_file(tmp_path: Path) -> None:
    path = tmp_path / "index.json"
    data: dict[str, list[str]] = {"lists": [], "bundled_forgotten": []}
    path.write_bytes(orjson.dumps(data))

    def fail(_path: Path, _data: bytes) -> None:
        raise WriteError("disk full")

    index = ListIndex(path, fail)
    with pytest.raises(WriteError), index.changing() as change:
        change["bundled_forgotten"] = ["b"]
    assert index.read() == data


def test_an_index_changed_in_place_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "index.json"
    path.write_bytes(orjson.dumps({"lists": [], "bundled_forgotten": []}))
    index = ListIndex(path, _write_bytes)
    index.read()
    with path.open("r+b") as f:  # an editor that writes in place: same inode
        f.write(orjson.dumps({"lists": [], "bundled_forgotten": ["zz"]}))
        f.truncate()
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert index.read()["bundled_forgotten"] == ["zz"]


def test_an_import_beside_another_processs_import_keeps_both_lists(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other import writes the index while this one writes its list copy.

    This one used to write back the index as it had read it before, and the other list was
    gone from it. Now the other waits for the index's lock and adds its list to this one's.
    """
    from papershelf.storage import catalog_store

    mine, theirs = _write(tmp_path / "mine.md", LIST), _write(tmp_path / "theirs.md", OTHER)
    save = catalog_store._save
    others: list[threading.Thread] = []

    def save_and_let_the_other_in(path: Path, data: bytes) -> str:
        stamp = save(path, data)
        if path.name == "mine.md" and not others:
            other = threading.Thread(target=Library(paths).import_lists, args=([theirs],))
            others.append(other)
            other.start()
            other.join(timeout=1.0)  # it finishes now unless it waits for the lock
        return stamp

    monkeypatch.setattr(catalog_store, "_save", save_and_let_the_other_in)
    report = Library(paths).import_lists([mine])[0]
    others[0].join()
    assert {"mine", "theirs"} <= {r.name for r in Library(paths)._catalog_store.records()}
    assert Library(paths).catalog.members.keys() >= {"mine", "theirs"}
    assert report.joined == 2  # its own two papers, not the other list's


def test_the_app_lets_go_of_the_index_after_a_load_and_reads_it_again_when_needed(
    paths: Paths, tmp_path: Path
) -> None:
    """The app keeps its catalog for hours: the index's ids (10 MB at 50,000) are not kept."""
    Library(paths).import_lists([_write(tmp_path / "tiny.md", LIST)])
    lib = Library(paths)
    index: ListIndex = lib._catalog_store.index
    Loader(lib, lambda event: None, threading.Event(), build_index=False).load(0)
    parsed = index.parses
    assert index.read_stamp() is None  # nothing kept
    assert {r.name for r in lib._catalog_store.records()} >= {"tiny"}
    assert index.parses == parsed + 1
