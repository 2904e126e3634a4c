"""``catalog.json`` is one JSON document written a list a line, and read a list at a time."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.storage.cache_file import CACHE_FORMAT, cache_bytes, read_cache_file
from papershelf.storage.catalog_store import CatalogStore

LIST = """# Tiny list

* \\[LLM serving] [Alpha: Serving Models Fast](https://example.org/a). Ann Lee. OSDI 2024
* \\[LLM serving] [Beta: Training Models Cheaply](https://example.org/b). Cy Wu. OSDI 2024
"""

texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
entries = st.dictionaries(
    texts,
    st.fixed_dictionaries(
        {
            "key": texts,
            "papers": st.lists(
                st.lists(st.one_of(texts, st.integers(-(2**63), 2**63 - 1), st.none()))
            ),
        }
    ),
    max_size=4,
)


@given(entries)
def test_the_lines_are_the_document_whole_or_read_a_list_at_a_time(
    lists: dict[str, Any],
) -> None:
    data = cache_bytes(lists, {"key": "k"})
    doc = {"format": CACHE_FORMAT, "lists": lists}
    whole = orjson.loads(data)  # one JSON document
    assert (whole["format"], whole["first"], whole["lists"]) == (CACHE_FORMAT, {"key": "k"}, lists)
    assert read_cache_file(io.BytesIO(data)) == (doc, True)
    assert data.count(b"\n") == 1 + 2 * len(lists)  # a line per name, a line per entry


def test_a_cache_in_one_piece_is_read_whole() -> None:
    doc = {"format": CACHE_FORMAT, "lists": {"a": {"papers": []}}}
    assert read_cache_file(io.BytesIO(orjson.dumps(doc))) == (doc, False)


@pytest.mark.parametrize("cut", [30, -3, -1])
def test_a_cut_short_cache_is_damaged(cut: int) -> None:
    data = cache_bytes({"a": {"papers": [[1, 2]]}, "b": {"papers": []}})[:cut]
    try:
        doc, _ = read_cache_file(io.BytesIO(data))
    except orjson.JSONDecodeError:
        return
    assert doc is None


def _library(paths: Paths, tmp_path: Path) -> Library:
    source = tmp_path / "tiny.md"
    source.write_text(LIST, encoding="utf-8")
    lib = Library(paths)
    lib.import_lists([source])
    return lib


def test_a_load_reads_one_list_at_a_time(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each parse is one list's line, never the whole file."""
    first = [p.id for p in _library(paths, tmp_path).papers()]
    whole = paths.catalog.read_bytes()
    sizes: list[int] = []
    real = orjson.loads

    def loads(data: bytes) -> object:
        sizes.append(len(data))
        return real(data)

    monkeypatch.setattr(orjson, "loads", loads)
    assert [p.id for p in CatalogStore(paths, parse_list).load().papers] == first
    assert len(whole) not in sizes  # never the file whole
    assert sum(size > 1000 for size in sizes) >= 2  # the lists, one by one


def test_an_older_cache_in_one_piece_is_used_then_written_in_lines(
    paths: Paths, tmp_path: Path
) -> None:
    first = [p.id for p in _library(paths, tmp_path).papers()]
    doc = orjson.loads(paths.catalog.read_bytes())
    paths.catalog.write_bytes(orjson.dumps(doc))  # as papershelf wrote it before
    store = CatalogStore(paths, parse_list)
    assert [p.id for p in store.load().papers] == first
    assert not store.notices
    assert paths.catalog.read_bytes() == cache_bytes(doc["lists"], doc["first"])


def test_the_cache_is_written_a_list_at_a_time(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list's line at most is in memory at once, never the whole file."""
    from papershelf.storage.atomic import atomic_write_bytes as real

    _library(paths, tmp_path)
    whole = paths.catalog.read_bytes()
    paths.catalog.unlink()
    chunks: list[int] = []

    def spy(path: Path, data: object) -> None:
        if path == paths.catalog:
            assert not isinstance(data, bytes)
            data = [chunks.append(len(chunk)) or chunk for chunk in data]  # type: ignore[attr-defined, func-returns-value]
        real(path, data)  # type: ignore[arg-type]

    monkeypatch.setattr("papershelf.storage.catalog_cache.atomic_write_bytes", spy)
    CatalogStore(paths, parse_list).load()
    assert len(paths.catalog.read_bytes()) == len(whole) == sum(chunks)
    assert sum(size > 1000 for size in chunks) >= 2  # each list its own chunk


@given(st.binary(max_size=60).map(lambda b: b.replace(b"x", b"\n")), st.integers(1, 9))
def test_lines_are_read_as_readline_reads_them(data: bytes, chunk: int) -> None:
    from papershelf.storage.cache_file import LineReader

    reader, file = LineReader(io.BytesIO(data), chunk), io.BytesIO(data)
    while True:
        line = file.readline()
        assert reader.readline() == line
        if not line:
            break
    assert reader.readline() == b""
