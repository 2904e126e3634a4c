"""Cache rows keep every paper exactly, with text lists packed into one string."""

from __future__ import annotations

import pytest

from papershelf.domain.models import Link, Paper
from papershelf.storage.catalog_checks import _row_ok
from papershelf.storage.catalog_rows import SEP, pack, paper_row, papers_of, unpack


@pytest.mark.parametrize(
    "items", [[], [""], ["a"], ["a", ""], ["", ""], [f"a{SEP}b", "c"], ["x", "y", "z"]]
)
def test_pack_then_unpack_gives_the_same_list(items: list[str]) -> None:
    assert unpack(pack(items)) == tuple(items)


def test_a_row_gives_back_the_same_paper_and_checks_out() -> None:
    paper = Paper(
        "p1",
        "A title",
        "MLSys 2025",
        2025,
        ("Ana Li", "Bo Wu"),
        ("LLM serving", "kv-cache"),
        (Link("paper", "https://e.org/1"), Link("code", "https://github.com/x/y")),
        ("MIT",),
        (),
        (f"odd{SEP}remark",),
        True,
        "list.md",
        12,
    )
    row = paper_row(paper, paper.id)
    assert _row_ok(row)
    assert list(papers_of([row, row])) == [paper, paper]


def test_a_packed_script_link_does_not_check_out() -> None:
    row = paper_row(Paper("p1", "T", "V"), "p1")
    row[6] = f"paper{SEP}javascript:alert(1)"
    assert not _row_ok(row)
    row[6] = f"paper{SEP}https://e.org{SEP}code"  # an odd number of parts
    assert not _row_ok(row)
