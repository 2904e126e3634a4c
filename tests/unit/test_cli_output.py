"""The CLI's JSON printing: the streamed array is byte for byte the whole document."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.cli import output
from papershelf.domain.enrichment import NO_ENRICHMENT, Enrichment
from papershelf.domain.models import Paper
from papershelf.export.json_export import enriched_keys
from papershelf.paths import Paths
from papershelf.services.forgetting import find_list
from papershelf.services.library import Library


class _Stdout:
    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def flush(self) -> None:
        pass


def _printed(monkeypatch: pytest.MonkeyPatch, call: Any, data: list[Any]) -> bytes:
    fake = _Stdout()
    monkeypatch.setattr(sys, "stdout", fake)
    call(data)
    return fake.buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        [],
        [{"a": 1, "b": [1, 2], "c": {"x": "y"}}],
        [{"id": i, "title": "Müller\u202e\u0085 [b]", "tags": []} for i in range(1300)],
    ],
)
def test_streamed_array_is_the_document(monkeypatch: pytest.MonkeyPatch, data: list[Any]) -> None:
    whole = _printed(monkeypatch, output.print_json, data)
    streamed = _printed(monkeypatch, lambda d: output.print_json_array(iter(d)), data)
    assert streamed == whole
    assert b"\\u202e" in whole or not data or "title" not in data[0]


@pytest.mark.parametrize("venue", ["MLSys 2025", "arXiv 2024", ""])
@pytest.mark.parametrize("authors", [(), ("Ana Li",)])
def test_no_enrichment_keys_are_those_of_an_empty_one(venue: str, authors: tuple[str, ...]) -> None:
    paper = Paper("p1", "A title", venue, authors=authors)
    fast = enriched_keys(paper, NO_ENRICHMENT)
    slow = enriched_keys(paper, Enrichment())
    assert fast == slow
    assert list(fast) == list(slow)


LONG_VENUE = "Proceedings International Conference on Computer Design VLSI in Computers 1995"
LONG_TITLE = "Data cache parameter measurements on a good many machines and their workloads"


@pytest.mark.parametrize("columns", ["160", "120"])  # a wide terminal; a pipe (120 by default)
def test_a_long_id_and_venue_leave_the_title_readable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    from tests.conftest import run_cli

    code, out, _ = run_cli(capsys, "add", "--title", LONG_TITLE, "--venue", LONG_VENUE)
    pid = out.split()[1].rstrip(":")
    assert code == 0 and len(pid) > 90
    monkeypatch.setenv("COLUMNS", columns)
    _, out, _ = run_cli(capsys, "list")
    lines = out.splitlines()
    assert max(map(len, lines)) <= int(columns)
    [row] = [line for line in lines if line.startswith(pid[:20])]
    shown = row.split()[0]
    assert shown.endswith("…") and pid.startswith(shown[:-1]) and len(shown) <= output.MAX_CELL
    assert LONG_TITLE[:50] in row
    assert any("FlashInfer: Efficient and Customizable Attention Engine" in ln for ln in lines)
    _, out, _ = run_cli(capsys, "venues")
    assert "https://mlsys.org/Conferences/2025" in out
    _, out, _ = run_cli(capsys, "list", "--format", "json", "--search", "cache parameter")
    assert pid in out and LONG_VENUE in out  # the JSON keeps them whole


@pytest.mark.parametrize("columns", ["60", "120"])
def test_ordinary_ids_are_never_cut(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """A script reads the ids back from the table: only an absurdly long one loses its end."""
    import json

    from tests.conftest import run_cli

    run_cli(capsys, "add", "--title", LONG_TITLE, "--venue", LONG_VENUE)
    for n in range(4):  # a few ids longer than most (46 characters), still ordinary
        title = f"Characterizing Disaggregated Memory Pool {n} Workloads"
        run_cli(capsys, "add", "--title", title, "--venue", "HotCloud 2025")
    _, out, _ = run_cli(capsys, "list", "--format", "json")
    ids = {p["id"] for p in json.loads(out)}
    assert sum(len(pid) > 45 for pid in ids) == 5
    monkeypatch.setenv("COLUMNS", columns)
    _, out, _ = run_cli(capsys, "list")
    shown = {line.split()[0] for line in out.splitlines()[1:]}
    ordinary = {pid for pid in ids if len(pid) <= output.MAX_CELL}
    assert len(ordinary) == len(ids) - 1 and ordinary <= shown


def test_columns_that_fit_are_left_as_they_are() -> None:
    natural = [34, 2, 60, 11]
    assert output.column_widths(natural, natural, flex=2, capped={0, 3}, width=160) == natural


@given(
    st.lists(st.tuples(st.integers(1, 150), st.integers(0, 100)), min_size=2, max_size=6),
    st.data(),
    st.integers(40, 300),
)
def test_column_widths_cut_only_the_capped_columns_and_never_below_typical(
    columns: list[tuple[int, int]], data: st.DataObject, width: int
) -> None:
    natural = [n for n, _ in columns]
    typical = [min(n, t) for n, t in columns]
    flex = data.draw(st.integers(0, len(columns) - 1))
    capped = data.draw(st.sets(st.integers(0, len(columns) - 1)))
    widths = output.column_widths(natural, typical, flex=flex, capped=capped, width=width)
    for i, (w, n, t) in enumerate(zip(widths, natural, typical, strict=True)):
        if i == flex:
            assert w >= 10 or w == n
            assert w <= max(n, 10)
        elif i in capped:
            assert min(t, output.MAX_CELL) <= w <= min(n, output.MAX_CELL)
        else:
            assert w == n
    room = width - 2 * (len(widths) - 1)
    if widths[flex] < min(natural[flex], room // 2):  # the title lacks room: cut to typical
        floors = {i: min(max(typical[i], 1), natural[i], output.MAX_CELL) for i in capped}
        assert all(widths[i] == floors[i] for i in capped - {flex})


@pytest.mark.parametrize("columns", ["80", "120"])
def test_lists_shows_names_forget_and_update_take(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    columns: str,
) -> None:
    from tests.conftest import run_cli

    seed = Path(__file__).resolve().parents[2] / "seeds" / "mlsys-2025.md"
    names = ["A01_PengtuLi_25-05-09-asplos-systems-reading", "A03_inpluslab_Systems-for-Foundation"]
    for name in names:
        copy = tmp_path / "deep" / "folder" / "names" / f"{name}.md"
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
        assert run_cli(capsys, "import", "-q", "--venue", f"{name[:3]} 2025", str(copy))[0] == 0
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = run_cli(capsys, "lists")
    assert code == 0
    assert max(map(len, out.splitlines())) <= int(columns)
    shown = [line.split()[0] for line in out.splitlines()[1:]]
    if columns == "120":  # the source gives way
        assert set(shown) >= set(names)
    else:  # 80 cannot hold them whole: cut to a start that names each alone, which they take
        lists = Library(Paths(tmp_path / "data"), lock_timeout=2.0).lists()
        taken = {find_list(lists, name).name for name in shown if name.startswith("A0")}
        assert taken == set(names)
