from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterable
from pathlib import Path

import orjson
import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.cli.main import main
from papershelf.domain.models import ParsedList
from papershelf.errors import ListError
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.storage import catalog_cache
from papershelf.storage.catalog_store import CACHE_FORMAT, CatalogStore

LIST = """# Tiny list

* \\[LLM serving] [Alpha: Serving Models Fast](https://example.org/a). Ann Lee, Bo Li. OSDI 2024
* \\[LLM serving] [Beta: Training Models Cheaply](https://example.org/b). Cy Wu. OSDI 2024
"""


def _imported(paths: Paths, tmp_path: Path) -> Library:
    source = tmp_path / "tiny.md"
    source.write_text(LIST, encoding="utf-8")
    lib = Library(paths)
    lib.import_lists([source])
    return lib


def test_a_fresh_cache_is_used_without_reading_any_list(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = [(p.id, p.title, p.links, p.topics) for p in _imported(paths, tmp_path).papers()]

    def no_reading(*_args: object) -> str:
        raise AssertionError("a list was read although the cache is fresh")

    monkeypatch.setattr(CatalogStore, "text_of", no_reading)
    again = [(p.id, p.title, p.links, p.topics) for p in _store(paths).load().papers]
    assert again == first


def test_a_replaced_list_copy_is_parsed_again(paths: Paths, tmp_path: Path) -> None:
    _imported(paths, tmp_path)
    copy = paths.lists / "tiny.md"
    copy.write_text(LIST.replace("Serving Models Fast", "Serving Models Faster"), "utf-8")
    titles = {p.title for p in _store(paths).load().papers}
    assert "Alpha: Serving Models Faster" in titles
    assert "Alpha: Serving Models Fast" not in titles


def test_a_cache_of_another_format_is_rebuilt(paths: Paths, tmp_path: Path) -> None:
    first = [p.id for p in _imported(paths, tmp_path).papers()]
    paths.catalog.write_bytes(orjson.dumps({"format": CACHE_FORMAT - 1, "lists": {}}))
    assert [p.id for p in _store(paths).load().papers] == first
    assert orjson.loads(paths.catalog.read_bytes())["format"] == CACHE_FORMAT


def test_repeated_values_share_one_object(paths: Paths, tmp_path: Path) -> None:
    _imported(paths, tmp_path)
    papers = [p for p in _store(paths).load().papers if p.venue == "OSDI 2024"]
    assert len(papers) == 2
    assert papers[0].venue is papers[1].venue
    assert papers[0].topics is papers[1].topics
    assert papers[0].links[0].kind is papers[1].links[0].kind


def _store(paths: Paths) -> CatalogStore:
    return CatalogStore(paths, parse_list)


def test_the_store_parses_through_the_parser_it_is_given(paths: Paths, tmp_path: Path) -> None:
    _imported(paths, tmp_path)
    paths.catalog.unlink()  # no cache: the copy must be parsed again
    calls: list[str] = []

    def parse(text: str, *, source: str, venue: str | None) -> ParsedList:
        calls.append(source)
        return parse_list(text, source=source, venue=venue)

    catalog = CatalogStore(paths, parse).load()
    assert "tiny.md" in calls
    assert len([p for p in catalog.papers if p.venue == "OSDI 2024"]) == 2


def test_a_stored_copy_that_no_longer_parses_is_reported_not_dropped_silently(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _imported(paths, tmp_path)
    copy = paths.lists / "tiny.md"
    copy.write_text("# Tiny list\n\nNo papers here any more.\n", "utf-8")

    catalog = _store(paths).load()
    assert "OSDI 2024" not in {p.venue for p in catalog.papers}
    assert "tiny" in catalog.problems
    assert "cannot be read" in catalog.problems["tiny"]
    info = next(i for i in Library(paths).lists() if i.name == "tiny")
    assert info.problem is not None
    assert "papershelf forget tiny" in info.problem

    code = main(["--data-dir", str(paths.data_dir), "lists"])
    assert code == 0
    assert "warning:" in capsys.readouterr().err

    # Not cached as an empty list: once the copy is fixed, its papers come back.
    copy.write_text(LIST, "utf-8")
    fixed = _store(paths).load()
    assert fixed.problems == {}
    assert len([p for p in fixed.papers if p.venue == "OSDI 2024"]) == 2


def test_a_list_that_cannot_be_read_can_still_be_forgotten(paths: Paths, tmp_path: Path) -> None:
    _imported(paths, tmp_path)
    (paths.lists / "tiny.md").write_text("nothing\n", "utf-8")
    lib = Library(paths)
    assert lib.forget("tiny").info.name == "tiny"
    assert "tiny" not in {i.name for i in lib.lists()}
    assert lib.catalog.problems == {}


def test_every_list_the_parser_rejects_is_reported(paths: Paths, tmp_path: Path) -> None:
    _imported(paths, tmp_path)
    paths.catalog.unlink()

    def broken(text: str, *, source: str, venue: str | None) -> ParsedList:
        raise ListError(f"{source}: holds no paper")

    catalog = CatalogStore(paths, broken).load()
    assert set(catalog.problems) >= {"tiny"}
    assert "holds no paper" in catalog.problems["tiny"]


def test_loading_the_catalog_leaves_the_garbage_collector_alone(
    paths: Paths, tmp_path: Path
) -> None:
    _imported(paths, tmp_path)
    paths.catalog.unlink()
    frozen, threshold = gc.get_freeze_count(), gc.get_threshold()
    assert gc.isenabled()
    assert len(_store(paths).load().papers) > 2
    assert gc.isenabled()
    assert (gc.get_freeze_count(), gc.get_threshold()) == (frozen, threshold)


def test_a_damaged_copy_of_hand_added_papers_is_reported(paths: Paths) -> None:
    lib = Library(paths)
    lib.add_paper("A Paper Added By Hand", "OSDI 2024")
    (paths.lists / "added-by-hand.json").write_text('[{"title": "no id"}]', "utf-8")
    catalog = _store(paths).load()
    assert "A Paper Added By Hand" not in {p.title for p in catalog.papers}
    assert "damaged" in catalog.problems["added-by-hand"]


OTHER = LIST.replace("Alpha", "Gamma").replace("Beta", "Delta").replace("OSDI 2024", "SOSP 2023")


def test_the_reload_after_an_import_checks_and_unpacks_no_row(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted work: the rows of the lists already loaded are neither checked nor rebuilt."""
    from papershelf.storage import catalog_checks, catalog_rows, catalog_store

    lib = _imported(paths, tmp_path)
    lib.papers()
    checked: list[int] = []
    built: list[int] = []
    real_check, real_papers = catalog_checks.cache_entry_ok, catalog_rows.papers_of

    def check(entry: object) -> bool:
        checked.append(len(entry["papers"]) if isinstance(entry, dict) else 0)
        return real_check(entry)

    def papers(
        rows: Iterable[list[object]],
        names: tuple[str, ...] = (),
        memo: dict[object, object] | None = None,
    ) -> object:
        rows = list(rows)  # a load outside an import hands its rows over as it drains them
        built.append(len(rows))
        return real_papers(rows, names, memo)

    monkeypatch.setattr(catalog_store, "cache_entry_ok", check)
    monkeypatch.setattr(catalog_rows, "papers_of", papers)
    other = tmp_path / "other.md"
    other.write_text(OTHER, encoding="utf-8")
    fresh = Library(paths)
    fresh.import_lists([other])
    # The load before the import checks and builds every list (the bundled ones, tiny); the
    # reload after it checks nothing and unpacks no row: the new list's papers are made from
    # what the import parsed.
    lists = len(_store(paths).records())
    assert built == checked
    assert len(built) == lists - 1
    assert list(fresh.papers()) == _store(paths).load().papers  # every field, as a load makes it


def test_a_cache_another_process_changed_meanwhile_loads_right(
    paths: Paths, tmp_path: Path
) -> None:
    store = _store(paths)
    other = tmp_path / "other.md"
    other.write_text(OTHER, encoding="utf-8")
    with store.keeping_rows():
        before = store.load()
        Library(paths).import_lists([other])  # another process, as far as ``store`` knows
        after = store.load()
    assert len(after.papers) == len(before.papers) + 2
    assert [p.id for p in after.papers] == [p.id for p in _store(paths).load().papers]


def test_a_write_removes_the_cache_temps_a_killed_start_left_not_young_ones(
    tmp_path: Path,
) -> None:
    """The app leaves without waiting for the cache it writes: a kill mid-write leaves a temp
    file (20 MB at 50,000 papers). Another process's write in progress is young: kept."""
    from papershelf.storage.atomic import TEMP_SUFFIX, temp_prefix

    path = tmp_path / "catalog.json"
    stale = tmp_path / f"{temp_prefix(path)}dead{TEMP_SUFFIX}"
    young = tmp_path / f"{temp_prefix(path)}busy{TEMP_SUFFIX}"
    other = tmp_path / f"{temp_prefix(tmp_path / 'library.json')}dead{TEMP_SUFFIX}"
    for temp in (stale, young, other):
        temp.write_bytes(b"{")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    catalog_cache.write(path, {}, {})
    assert catalog_cache.read(path)[0] == {}
    assert (stale.exists(), young.exists(), other.exists()) == (False, True, True)
