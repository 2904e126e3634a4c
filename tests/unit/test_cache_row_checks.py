"""The cache's rows are checked at C speed, with the same verdict as row by row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.domain.models import Link, Paper
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.storage import catalog_checks
from papershelf.storage.catalog_checks import _row_ok, _rows_ok, cache_entry_ok
from papershelf.storage.catalog_rows import SEP, paper_row
from papershelf.storage.catalog_store import CatalogStore

_texts = st.text(alphabet=st.sampled_from(["a", "h", "t", "p", "s", ":", "/", SEP, "\n"]))
_packed = st.one_of(st.none(), _texts)
_pairs = st.lists(
    st.tuples(_texts, st.sampled_from(["http://", "https://", "https://", "HTTP://", "ftp://"])),
    min_size=1,
    max_size=3,
).map(lambda pairs: SEP.join(k.replace(SEP, "") + SEP + url + "x" for k, url in pairs))
_links = st.one_of(st.none(), _pairs, _pairs, _texts)
_field = st.one_of(st.none(), st.booleans(), st.integers(-2, 300), _texts, st.lists(_texts))


@st.composite
def _rows(draw: st.DrawFn) -> object:
    """Mostly rows of the right shape, with now and then one field of another type."""
    row: list[Any] = [
        draw(_texts),
        draw(_texts),
        draw(_texts),
        draw(st.one_of(st.none(), st.integers(0, 3000))),
        *(draw(_packed) for _ in range(2)),
        draw(_links),
        *(draw(_packed) for _ in range(3)),
        draw(st.booleans()),
        draw(_texts),
        draw(st.integers(0, 99)),
    ]
    if draw(st.integers(0, 7)) == 0:  # a text list kept as a list, or a field damaged
        row[draw(st.integers(0, 12))] = draw(_field)
    shape = draw(st.integers(0, 19))
    if shape == 0:
        return row[:-1]
    if shape == 1:
        return tuple(row)
    return row


@given(st.lists(_rows(), max_size=4))
def test_the_fast_check_agrees_with_the_row_by_row_one(rows: list[Any]) -> None:
    assert _rows_ok(rows) == all(_row_ok(row) for row in rows)


def _row(pid: str, links: tuple[Link, ...] = ()) -> list[Any]:
    return paper_row(Paper(pid, "T", "V 2025", 2025, ("A", "B"), ("x",), links), pid)


def test_usual_rows_are_checked_without_a_call_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted work: rows whose text lists are strings never reach the row-by-row check."""
    calls: list[object] = []

    def counted(row: object) -> bool:
        calls.append(row)
        return _row_ok(row)

    monkeypatch.setattr(catalog_checks, "_row_ok", counted)
    rows = [_row(f"p{n}", (Link("paper", f"https://e.org/{n}"),)) for n in range(50)]
    assert cache_entry_ok({"papers": rows, "venues": []})
    assert calls == []
    rows[7][1] = 7  # a title that is not text: the whole entry is checked row by row
    assert not cache_entry_ok({"papers": rows, "venues": []})
    assert len(calls) == 8
    rows[7][1] = "T"
    rows[9][6] = f"paper{SEP}javascript:alert(1)"  # found by the links pattern alone
    calls.clear()
    assert not cache_entry_ok({"papers": rows, "venues": []})
    assert calls == []


LIST = """# Tiny list

* \\[LLM serving] [Alpha: Serving Models Fast](https://example.org/a). Ann Lee, Bo Li. OSDI 2024
* \\[LLM serving] [Beta: Training Models Cheaply](https://example.org/b). Cy Wu. OSDI 2024
"""


@pytest.mark.parametrize(
    ("field", "value"), [(1, 7), (3, "2024"), (10, 0), (12, None), (6, f"paper{SEP}file:///x")]
)
def test_a_row_the_fast_check_rejects_is_rebuilt_with_the_notice(
    paths: Paths, tmp_path: Path, field: int, value: object
) -> None:
    source = tmp_path / "tiny.md"
    source.write_text(LIST, encoding="utf-8")
    Library(paths).import_lists([source])
    good = CatalogStore(paths, parse_list).load().papers
    doc = orjson.loads(paths.catalog.read_bytes())
    doc["lists"]["tiny"]["papers"][1][field] = value
    paths.catalog.write_bytes(orjson.dumps(doc))
    store = CatalogStore(paths, parse_list)
    assert store.load().papers == good
    assert store.notices == [
        f"{paths.catalog}: the catalog cache was damaged; rebuilt from the lists"
    ]
    again = CatalogStore(paths, parse_list)
    assert again.load().papers == good and again.notices == []
