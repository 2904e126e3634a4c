"""The start's first lists: the cache's head, the partial catalogs of a load, ``quick``.

What shows before the whole catalog must be what the whole catalog holds: a head entry is
checked like any cache entry, and anything that does not check out is simply not shown early.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.catalog import parse_stored
from papershelf.domain.models import Paper
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.storage import catalog_cache, catalog_stages
from papershelf.storage.catalog_rows import Catalog
from papershelf.storage.catalog_store import CatalogStore
from papershelf.storage.list_record import ListRecord


def _list(name: str, count: int) -> str:
    items = "".join(
        f"* \\[Systems] [{name.title()} paper number {i}: a study](https://example.org/{name}/{i})."
        f" Ann Lee. OSDI 2024\n"
        for i in range(count)
    )
    return f"# {name.title()} list\n\n{items}"


@pytest.fixture
def small_then_big(paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    """Two imported lists (the bundled ones forgotten): 2 papers, then a heavy 3.

    The thresholds are scaled down (a heavy list is thousands of papers; a cache read whole
    at once, hundreds of kB).
    """
    monkeypatch.setattr(catalog_cache, "SMALL_BYTES", 0)
    monkeypatch.setattr(catalog_stages, "HEAVY_ROWS", 3)
    monkeypatch.setattr(catalog_stages, "SCREENFUL", 1)
    library = Library(paths)
    for bundled in ("asplos-2025", "mlsys-2025"):
        library.forget(bundled)
    for name, count in (("small", 2), ("big", 3)):
        source = tmp_path / f"{name}.md"
        source.write_text(_list(name, count), encoding="utf-8")
        library.import_lists([source], venue="OSDI 2024" if name == "small" else "SOSP 2024")
    return library


def _store(paths: Paths) -> CatalogStore:
    return CatalogStore(paths, parse=parse_stored)


def _shown(papers: list[Paper]) -> list[tuple[Any, ...]]:
    return [(p.id, p.title, p.venue, p.topics, p.links, p.lists) for p in papers]


def test_a_start_shows_the_first_list_from_the_head_as_the_whole_catalog_has_it(
    small_then_big: Library, paths: Paths
) -> None:
    quick = _store(paths).quick()
    assert quick is not None
    first, done, total = quick
    assert (done, total) == (1, 2)
    whole = _store(paths).load().papers
    assert len(first.papers) == 2
    assert _shown(first.papers) == _shown(whole[:2])


def test_a_changed_first_list_is_not_shown_from_the_head(
    small_then_big: Library, paths: Paths
) -> None:
    (paths.lists / "small.md").write_text(_list("changed", 2), encoding="utf-8")
    assert _store(paths).quick() is None
    titles = [p.title for p in _store(paths).load().papers]
    assert "Changed paper number 0: a study" in titles


def test_a_head_that_points_elsewhere_is_not_used(small_then_big: Library, paths: Paths) -> None:
    raw = paths.catalog.read_bytes()
    start = raw.index(b'"first":') + len(b'"first":')
    # The same length, other offsets: the head now points into the middle of the file.
    paths.catalog.write_bytes(raw.replace(b"%12d" % start, b"%12d" % (start + 7), 1))
    assert catalog_cache.read_first(paths.catalog) is None
    assert _store(paths).quick() is None
    assert len(_store(paths).load().papers) == 5


def test_without_a_cache_the_load_hands_out_the_first_lists_before_the_rest(
    small_then_big: Library, paths: Paths
) -> None:
    paths.catalog.unlink()
    seen: list[tuple[list[tuple[Any, ...]], int, int]] = []

    def partial(catalog: Catalog, done: int, total: int) -> None:
        seen.append((_shown(catalog.papers), done, total))

    whole = _shown(_store(paths).load(partial=partial).papers)
    assert seen, "no partial catalog"
    for papers, done, total in seen:
        assert done < total == 2
        assert papers == whole[: len(papers)]
    assert catalog_cache.read_first(paths.catalog) is not None  # the rebuilt cache has a head


def test_a_small_catalog_is_read_whole_at_once(library: Library, paths: Paths) -> None:
    whole = _shown(list(library.papers()))  # the bundled lists, cached
    quick = _store(paths).quick()
    assert quick is not None
    catalog, done, total = quick
    assert done == total == 2
    assert _shown(catalog.papers) == whole


_ENTRY = st.fixed_dictionaries(
    {"key": st.text(max_size=8), "papers": st.lists(st.just(["x"]), max_size=5)}
)


@settings(max_examples=60, deadline=None)
@given(
    lists=st.dictionaries(st.text(min_size=1, max_size=6), _ENTRY, max_size=6),
    extra=st.lists(st.text(min_size=1, max_size=6), max_size=3),
)
def test_the_head_reads_alone_as_the_first_lists(
    tmp_path_factory: pytest.TempPathFactory, lists: dict[str, Any], extra: list[str]
) -> None:
    path = tmp_path_factory.mktemp("cache") / "catalog.json"
    names = [*lists, *extra]
    catalog_cache.write(path, lists, names)
    assert catalog_cache.read(path) == (lists, False)
    assert catalog_cache.read_first(path) == catalog_cache.first_lists(names, lists)


def test_partial_catalogs_come_seldom_and_each_twice_as_big() -> None:
    records = [ListRecord(name=f"l{i}", source="x", sha256="", imported_at="") for i in range(6)]
    now = [0.0]
    stages = catalog_stages.Stages(records, {}, clock=lambda: now[0])  # no cache: all parsed
    assert stages.due(1, 40, parsed=True)  # the first list, at once: a parse follows
    now[0] = 0.5
    assert not stages.due(2, 100, parsed=True)  # too soon
    now[0] = 1.6
    assert not stages.due(3, 70, parsed=True)  # not twice as big
    assert stages.due(4, 200, parsed=True)
    now[0] = 9.0
    assert not stages.due(6, 900, parsed=True)  # the last list: the whole catalog follows


def test_a_cached_catalog_shows_early_only_before_a_heavy_list() -> None:
    records = [ListRecord(name=n, source="x", sha256="", imported_at="") for n in "abc"]
    cache: dict[str, Any] = {
        n: {"papers": [[]] * rows} for n, rows in zip("abc", (70, 10, 5), strict=True)
    }
    assert not catalog_stages.Stages(records, cache).due(1, 70, parsed=False)
    cache["c"] = {"papers": [[]] * catalog_stages.HEAVY_ROWS}
    assert catalog_stages.Stages(records, cache).due(1, 70, parsed=False)
