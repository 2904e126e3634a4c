from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from papershelf.paths import Paths
from papershelf.services.library import Library
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
    again = [(p.id, p.title, p.links, p.topics) for p in CatalogStore(paths).load().papers]
    assert again == first


def test_a_replaced_list_copy_is_parsed_again(paths: Paths, tmp_path: Path) -> None:
    _imported(paths, tmp_path)
    copy = paths.lists / "tiny.md"
    copy.write_text(LIST.replace("Serving Models Fast", "Serving Models Faster"), "utf-8")
    titles = {p.title for p in CatalogStore(paths).load().papers}
    assert "Alpha: Serving Models Faster" in titles
    assert "Alpha: Serving Models Fast" not in titles


def test_a_cache_of_another_format_is_rebuilt(paths: Paths, tmp_path: Path) -> None:
    first = [p.id for p in _imported(paths, tmp_path).papers()]
    paths.catalog.write_bytes(orjson.dumps({"format": CACHE_FORMAT - 1, "lists": {}}))
    assert [p.id for p in CatalogStore(paths).load().papers] == first
    assert orjson.loads(paths.catalog.read_bytes())["format"] == CACHE_FORMAT


def test_repeated_values_share_one_object(paths: Paths, tmp_path: Path) -> None:
    _imported(paths, tmp_path)
    papers = [p for p in CatalogStore(paths).load().papers if p.venue == "OSDI 2024"]
    assert len(papers) == 2
    assert papers[0].venue is papers[1].venue
    assert papers[0].topics is papers[1].topics
    assert papers[0].links[0].kind is papers[1].links[0].kind
