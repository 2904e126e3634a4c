"""An import writes the catalog cache once, and the lines of the lists it left alone as read."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.errors import ListError
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.storage import cache_file, catalog_cache
from papershelf.storage.cache_file import cache_bytes
from papershelf.storage.catalog_cache import copy_digest, digest
from papershelf.storage.catalog_store import CatalogStore
from papershelf.storage.kept_rows import KeptRows


def _list(name: str, count: int) -> str:
    items = "".join(
        f"* \\[Systems] [{name.title()} paper {i}: a study](https://example.org/{name}/{i})."
        f" Ann Lee, Zoë Ñu. OSDI 2024\n"
        for i in range(count)
    )
    return f"# {name.title()} list\n\n{items}"


def _import(paths: Paths, tmp_path: Path, name: str, count: int = 3) -> None:
    source = tmp_path / f"{name}.md"
    source.write_text(_list(name, count), encoding="utf-8")
    Library(paths).import_lists([source])


def _copied_again(paths: Paths) -> None:
    """Every list copy replaced by a copy of itself: a new inode, the same text."""
    for copy in paths.lists.glob("*.md"):
        shutil.copyfile(copy, copy.with_suffix(".tmp"))
        copy.with_suffix(".tmp").replace(copy)


def _as_serialised(path: Path) -> bytes:
    """The file as a fresh serialisation of what it holds."""
    doc = orjson.loads(path.read_bytes())
    return cache_bytes(doc["lists"], doc["first"])


class _CountedDumps:
    """``orjson`` as ``cache_file`` sees it, counting the list entries it serialises."""

    def __init__(self) -> None:
        self.entries: list[str] = []
        self.loads = orjson.loads
        self.JSONDecodeError = orjson.JSONDecodeError

    def dumps(self, value: Any, *args: Any) -> bytes:
        if isinstance(value, dict) and "papers" in value:
            self.entries.append(str(value.get("key", "")))
        return orjson.dumps(value, *args)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> _CountedDumps:
    counter = _CountedDumps()
    monkeypatch.setattr(cache_file, "orjson", counter)
    return counter


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    done: list[Path] = []
    real = catalog_cache.write

    def write(path: Path, *args: Any) -> None:
        done.append(path)
        real(path, *args)

    monkeypatch.setattr(catalog_cache, "write", write)
    return done


def test_an_import_serialises_only_the_list_it_stores(
    paths: Paths, tmp_path: Path, counted: _CountedDumps, writes: list[Path]
) -> None:
    _import(paths, tmp_path, "alpha")
    _import(paths, tmp_path, "beta")
    CatalogStore(paths, parse_list).load()
    counted.entries.clear()
    writes.clear()
    _import(paths, tmp_path, "gamma")
    assert writes == [paths.catalog]  # once, after the reload
    assert len(counted.entries) == 1  # gamma; the bundled lists, alpha and beta as read
    assert paths.catalog.read_bytes() == _as_serialised(paths.catalog)
    assert "gamma" in orjson.loads(paths.catalog.read_bytes())["lists"]


def test_lists_copied_again_are_stamped_anew_in_their_lines(
    paths: Paths, tmp_path: Path, counted: _CountedDumps, writes: list[Path]
) -> None:
    _import(paths, tmp_path, "alpha")
    _import(paths, tmp_path, "beta")
    before = orjson.loads(paths.catalog.read_bytes())["lists"]
    _copied_again(paths)
    counted.entries.clear()
    writes.clear()
    _import(paths, tmp_path, "gamma")
    assert writes == [paths.catalog]  # the load before the import left its write to the end
    assert len(counted.entries) == 1
    assert paths.catalog.read_bytes() == _as_serialised(paths.catalog)
    after = orjson.loads(paths.catalog.read_bytes())["lists"]
    for name in ("alpha", "beta"):
        assert after[name]["stamp"] != before[name]["stamp"]
        assert after[name]["stamp"] == CatalogStore(paths, parse_list).copy_stamp(
            next(r for r in CatalogStore(paths, parse_list).records() if r.name == name)
        )
        assert {**after[name], "stamp": ""} == {**before[name], "stamp": ""}
    counted.entries.clear()
    CatalogStore(paths, parse_list).load()
    assert counted.entries == []  # every stamp holds: nothing written again


def test_a_failed_import_still_writes_what_its_load_found(
    paths: Paths, tmp_path: Path, writes: list[Path]
) -> None:
    _import(paths, tmp_path, "alpha")
    _copied_again(paths)
    writes.clear()
    stub = tmp_path / "stub.md"
    stub.write_text("# Nothing here\n", encoding="utf-8")
    with pytest.raises(Exception, match="stub"):
        Library(paths).import_lists([stub])
    assert writes == [paths.catalog]
    assert paths.catalog.read_bytes() == _as_serialised(paths.catalog)
    store = CatalogStore(paths, parse_list)
    assert store.load().papers and not store.notices


def test_a_line_kept_is_the_entry_it_was_read_as() -> None:
    entry: dict[str, Any] = {"key": "k", "papers": [["p", "T"]], "venues": [], "stamp": "1:2:3"}
    compact = orjson.dumps(entry) + b"\n"
    spaced = b'{"key": "k", "papers": [["p", "T"]], "venues": [], "stamp": "1:2:3"}\n'
    other = {**entry}
    kept = KeptRows()
    kept.read({"a": entry, "b": other}, {"a": compact, "b": spaced})
    assert kept.lines_for({"a": entry, "b": other}) == {"a": compact, "b": spaced}
    entry["stamp"], other["stamp"] = "4:5:6", "4:5:6"
    # a new stamp goes into a line as orjson writes it; one written by hand is written anew
    assert kept.lines_for({"a": entry, "b": other}) == {"a": orjson.dumps(entry) + b"\n"}
    assert kept.lines_for({"a": dict(entry)}) == {}  # another entry (parsed again): not its line


@given(st.text(), st.sampled_from(["\n", "\r\n", "\r", ""]))
def test_a_copy_is_hashed_as_its_text(
    tmp_path_factory: pytest.TempPathFactory, text: str, end: str
) -> None:
    path = tmp_path_factory.mktemp("copy") / "list.md"
    try:
        data = (text + end).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no file holds it
        return
    path.write_bytes(data)
    found = copy_digest(path)
    assert found is None or found == digest(path.read_text(encoding="utf-8"))
    assert (found is None) == (b"\r" in data)


def test_a_copy_no_longer_utf8_is_reported_as_before(paths: Paths, tmp_path: Path) -> None:
    _import(paths, tmp_path, "alpha")
    copy = paths.lists / "alpha.md"
    copy.write_bytes(copy.read_bytes().replace("Zoë".encode(), b"Zo\xeb"))  # Latin-1 now
    with pytest.raises(ListError, match="not UTF-8 text"):
        CatalogStore(paths, parse_list).load()


def test_a_copy_with_a_new_inode_is_stamped_without_reading_its_text(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(paths, tmp_path, "alpha")
    good = CatalogStore(paths, parse_list).load().papers
    _copied_again(paths)

    def no_text(*_args: object) -> str:
        raise AssertionError("the text of a list copied again was read")

    monkeypatch.setattr(CatalogStore, "text_of", no_text)
    store = CatalogStore(paths, parse_list)
    assert store.load().papers == good and not store.notices


def test_the_reload_after_an_import_does_not_read_the_copy_it_saved(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(paths, tmp_path, "alpha")
    read: list[str] = []
    real = CatalogStore.text_of

    def counted(store: CatalogStore, record: Any) -> str:
        read.append(record.name)
        return str(real(store, record))

    monkeypatch.setattr(CatalogStore, "text_of", counted)
    _import(paths, tmp_path, "beta")
    assert read == []
    cached = CatalogStore(paths, parse_list).load().papers
    paths.catalog.unlink()
    assert cached == CatalogStore(paths, parse_list).load().papers  # every list parsed again


def test_a_copy_changed_after_it_was_saved_is_read_again(paths: Paths, tmp_path: Path) -> None:
    _import(paths, tmp_path, "alpha")
    store = CatalogStore(paths, parse_list)
    record = next(r for r in store.records() if r.name == "alpha")
    text = _list("alpha", 3)
    store.save_list(record, text, parse_list(text, source="alpha.md", venue=None))
    copy = paths.lists / "alpha.md"
    copy.write_text(text.replace("paper 1", "paper one"), encoding="utf-8")
    titles = [p.title for p in store.load().papers if "alpha" in p.lists]
    assert "Alpha paper one: a study" in titles
