"""The start's first lists: the cache's head, the partial catalogs of a load, ``quick``.

What shows before the whole catalog must be what the whole catalog holds: a head entry is
checked like any cache entry, and anything that does not check out is simply not shown early.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.catalog import parse_stored
from papershelf.domain.models import Paper
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.storage import catalog_cache, catalog_stages, catalog_start
from papershelf.storage.atomic import atomic_write_bytes
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
    """Two imported lists of one venue (the bundled ones forgotten): 2 papers, then 4, the
    first of which is also the small list's first paper (one paper, two lists).

    The thresholds are scaled down (a head is kept from 2,000 papers; a cache is read whole
    up to hundreds of kB).
    """
    monkeypatch.setattr(catalog_cache, "SMALL_BYTES", 0)
    monkeypatch.setattr(catalog_cache, "HEAD_FROM_PAPERS", 1)
    monkeypatch.setattr(catalog_cache, "HEAD_PAPERS", 3)
    library = Library(paths)
    for bundled in ("asplos-2025", "mlsys-2025"):
        library.forget(bundled)
    for name, text in (("small", _list("small", 2)), ("big", _list("small", 1) + _items("big", 3))):
        source = tmp_path / f"{name}.md"
        source.write_text(text, encoding="utf-8")
        library.import_lists([source], venue="OSDI 2024")
    return library


def _items(name: str, count: int) -> str:
    return _list(name, count).split("\n\n", 1)[1]


def _store(paths: Paths) -> CatalogStore:
    return CatalogStore(paths, parse=parse_stored)


def _shown(papers: list[Paper]) -> list[tuple[Any, ...]]:
    return [(p.id, p.title, p.venue, p.topics, p.links, p.lists) for p in papers]


def test_a_start_shows_the_first_papers_exactly_as_the_whole_catalog_has_them(
    small_then_big: Library, paths: Paths
) -> None:
    quick = catalog_start.quick(_store(paths))
    assert quick is not None
    first, done, total = quick
    assert (done, total) == (0, 2)
    whole = _store(paths).load().papers
    assert whole[0].lists == ("small", "big")  # the paper both lists hold, combined
    assert _shown(first.papers) == _shown(whole[:3])


@pytest.mark.parametrize("changed", ["small", "big"])
def test_a_list_changed_anywhere_means_no_first_papers(
    small_then_big: Library, paths: Paths, changed: str
) -> None:
    (paths.lists / f"{changed}.md").write_text(_list("changed", 2), encoding="utf-8")
    assert catalog_start.quick(_store(paths)) is None
    titles = [p.title for p in _store(paths).load().papers]
    assert "Changed paper number 0: a study" in titles


def test_a_head_that_points_elsewhere_is_not_used(small_then_big: Library, paths: Paths) -> None:
    count = len(small_then_big.papers())
    raw = paths.catalog.read_bytes()
    start = raw.index(b'"first":') + len(b'"first":')
    # The same length, other offsets: the head now points into the middle of the file.
    paths.catalog.write_bytes(raw.replace(b"%12d" % start, b"%12d" % (start + 7), 1))
    assert catalog_cache.read_first(paths.catalog) is None
    assert catalog_start.quick(_store(paths)) is None
    assert len(_store(paths).load().papers) == count


def test_without_a_cache_the_load_hands_out_the_first_lists_then_writes_the_head(
    small_then_big: Library, paths: Paths
) -> None:
    paths.catalog.unlink()
    seen: list[tuple[list[str], int, int]] = []

    def partial(catalog: Catalog, done: int, total: int) -> None:
        seen.append(([p.id for p in catalog.papers], done, total))

    whole = _store(paths).load(partial=partial).papers
    assert seen == [([p.id for p in whole[:2]], 1, 2)]  # the small list, while big parses
    quick = catalog_start.quick(_store(paths))  # the rebuilt cache has its first papers
    assert quick is not None and _shown(quick[0].papers) == _shown(whole[:3])


def test_a_small_catalog_is_read_whole_at_once(library: Library, paths: Paths) -> None:
    whole = _shown(list(library.papers()))  # the bundled lists, cached
    quick = catalog_start.quick(_store(paths))
    assert quick is not None
    catalog, done, total = quick
    assert done == total == 2
    assert _shown(catalog.papers) == whole


@settings(max_examples=60, deadline=None)
@given(
    lists=st.dictionaries(st.text(min_size=1, max_size=6), st.just({"papers": []}), max_size=4),
    first=st.dictionaries(st.text(max_size=6), st.text(max_size=20), max_size=4),
)
def test_the_head_reads_alone(
    tmp_path_factory: pytest.TempPathFactory, lists: dict[str, Any], first: dict[str, Any]
) -> None:
    path = tmp_path_factory.mktemp("cache") / "catalog.json"
    catalog_cache.write(path, lists, first)
    assert catalog_cache.read(path) == (lists, False, True)
    assert catalog_cache.read_first(path) == first


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


def test_a_cached_catalog_never_shows_part_of_itself() -> None:
    records = [ListRecord(name=n, source="x", sha256="", imported_at="") for n in "abc"]
    cache: dict[str, Any] = {n: {"papers": [[]] * 5_000} for n in "abc"}
    stages = catalog_stages.Stages(records, cache)
    assert not any(stages.due(done, 5_000 * done, parsed=False) for done in (1, 2))


def test_with_a_same_decision_the_first_papers_wait_for_the_whole_catalog(
    small_then_big: Library, paths: Paths
) -> None:
    first, second = (p.id for p in small_then_big.papers()[:2])
    small_then_big.same(first, second)
    assert catalog_start.quick(_store(paths)) is not None  # the cache's head is there...
    assert Library(paths).quick_catalog() is None  # ...but a decision may fold it


def test_a_start_with_nothing_changed_reads_no_index(small_then_big: Library, paths: Paths) -> None:
    """The index (6 MB at 50,000 papers) is not parsed before the first frame."""
    store = _store(paths)
    quick = catalog_start.quick(store)
    assert quick is not None and quick[1:] == (0, 2)
    assert store.index.parses == 0
    assert _shown(quick[0].papers) == _shown(_store(paths).load().papers[:3])


def test_an_index_written_again_is_read_and_a_reordered_one_shows_nothing_early(
    small_then_big: Library, paths: Paths
) -> None:
    index = paths.lists / "index.json"
    data = orjson.loads(index.read_bytes())
    atomic_write_bytes(index, orjson.dumps(data))  # the same lists, a new file
    store = _store(paths)
    assert catalog_start.quick(store) is not None and store.index.parses == 1
    data["lists"].reverse()  # big first: its first paper leads the catalog now
    atomic_write_bytes(index, orjson.dumps(data))
    assert catalog_start.quick(_store(paths)) is None


def test_other_venue_aliases_show_nothing_early(small_then_big: Library, paths: Paths) -> None:
    aliased = CatalogStore(paths, parse=parse_stored, venue_aliases={"OSDI": "Operating Systems"})
    assert catalog_start.quick(aliased) is None


def test_a_head_without_its_cheap_key_is_written_again_at_a_start(
    small_then_big: Library, paths: Paths
) -> None:
    lists, _, _ = catalog_cache.read(paths.catalog)
    head = catalog_cache.read_first(paths.catalog) or {}
    older = {k: v for k, v in head.items() if k not in ("unchanged", "copies")}
    catalog_cache.write(paths.catalog, lists, older)  # as a cache written before them
    assert catalog_start.quick(_store(paths)) is not None  # the long way still works
    _store(paths).load(partial=lambda catalog, done, total: None)  # a start
    assert (catalog_cache.read_first(paths.catalog) or {}).keys() >= {"unchanged", "copies"}
    store = _store(paths)
    assert catalog_start.quick(store) is not None and store.index.parses == 0


@pytest.mark.parametrize("change", ["version", "seeds"])
def test_another_version_or_install_checks_the_full_key(
    small_then_big: Library,
    paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: str,
) -> None:
    """A parser of another version, or another install's bundled lists, may make other first
    papers from the same copies: the cheap key is not theirs, the index is read."""
    if change == "version":
        monkeypatch.setattr(catalog_start, "__version__", "9.9.9")
    else:
        other = tmp_path / "other-seeds"
        other.mkdir()
        monkeypatch.setattr(catalog_start, "seeds_dir", lambda: other)
    store = _store(paths)
    catalog_start.quick(store)
    assert store.index.parses == 1
