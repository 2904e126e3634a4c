"""Cache rows keep every paper exactly, with text lists packed into one string."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.domain.models import Link, Paper
from papershelf.storage.catalog_checks import _row_ok
from papershelf.storage.catalog_rows import (
    SEP,
    KnownPapers,
    as_row_paper,
    build_catalog,
    drained,
    pack,
    paper_row,
    papers_of,
    unpack,
)


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


def _authored(pid: str, authors: tuple[str, ...], affiliations: tuple[str, ...]) -> list[Any]:
    return paper_row(Paper(pid, f"Title {pid}", "V 2025", 2025, authors, (), (), affiliations), pid)


def test_a_name_on_many_papers_is_kept_once_across_lists() -> None:
    """One person's name is one string however many papers and lists carry it."""
    # Built at run time, so the names are not shared by the compiler's constants.
    ana, mit = "".join(["An", "a Li"]), "".join(["M", "IT"])
    first = [_authored("p1", (ana, "Bo Wu"), (mit,)), _authored("p2", ("Cy", ana), ("CMU",))]
    second = [_authored("p3", ("".join(["An", "a Li"]),), ("".join(["M", "IT"]), "CMU"))]
    memo: dict[Any, Any] = {}
    papers = [*papers_of(first, (), memo), *papers_of(second, (), memo)]
    assert [p.authors for p in papers] == [(ana, "Bo Wu"), ("Cy", ana), (ana,)]
    names = [p.authors[0] for p in papers[::2]] + [papers[1].authors[1]]
    assert len({id(name) for name in names}) == 1
    assert papers[0].affiliations[0] is papers[2].affiliations[0]


def test_drained_rows_give_the_same_papers_and_leave_the_list_empty() -> None:
    rows = [_authored(f"p{i}", ("A", "B"), ()) for i in range(5)]
    expected = list(papers_of([list(row) for row in rows]))
    assert list(papers_of(drained(rows))) == expected
    assert rows == []


def test_a_drained_catalog_is_the_catalog() -> None:
    def entries() -> dict[str, Any]:
        return {
            name: {"papers": [_authored(f"{name}{i}", ("A",), ()) for i in range(3)], "venues": []}
            for name in ("one", "two")
        }

    kept, drained_entries = entries(), entries()
    plain = build_catalog(["one", "two"], kept)
    consumed = build_catalog(["one", "two"], drained_entries, drain=True)
    assert consumed.papers == plain.papers
    assert consumed.members == plain.members
    assert all(entry["papers"] == [] for entry in drained_entries.values())


def test_years_and_line_numbers_are_shared_across_papers() -> None:
    rows = [paper_row(Paper(f"p{i}", "T", "V 2025", 2025, line=400), f"p{i}") for i in range(2)]
    for row in rows:  # as read from JSON: an int object per row
        row[3], row[12] = int("2025"), int("400")
    a, b = papers_of(rows)
    assert a.year is b.year and a.line is b.line


_TEXTS = st.lists(st.text(st.sampled_from(["a", " ", SEP, "é"]), max_size=3), max_size=3)


@given(
    authors=_TEXTS,
    topics=_TEXTS,
    remarks=_TEXTS,
    links=st.lists(st.sampled_from(["https://e.org/1", f"https://e.org/{SEP}"]), max_size=3),
    year=st.none() | st.integers(0, 3000),
    withdrawn=st.booleans(),
)
def test_a_paper_made_without_its_row_is_the_one_the_row_gives(
    authors: list[str],
    topics: list[str],
    remarks: list[str],
    links: list[str],
    year: int | None,
    withdrawn: bool,
) -> None:
    paper = Paper(
        "p1",
        "A title",
        "MLSys 2025",
        year,
        tuple(authors),
        tuple(topics),
        tuple(Link("paper", url) for url in links),
        tuple(remarks),
        tuple(authors),
        tuple(remarks),
        withdrawn,
        "list.md",
        3,
        ("Elsewhere 2024",),  # the cache keeps no other venues: neither does the copy
    )
    (from_row,) = papers_of([paper_row(paper, "kept-id")], ("mine",))
    assert as_row_paper(paper, "kept-id", ("mine",)) == from_row


def _rows_of(ids: list[str]) -> list[list[Any]]:
    return [paper_row(Paper(pid, f"Title {pid}", "V 2025", 2025), pid) for pid in ids]


@given(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=5), max_size=4))
def test_lists_are_merged_as_paper_by_paper(lists: list[list[str]]) -> None:
    """A list sharing no paper is added at once; the result is the per-paper merge's."""
    from papershelf.storage import catalog_rows

    names = [f"l{n}" for n in range(len(lists))]
    entries = {
        name: {"papers": _rows_of(ids), "venues": []}
        for name, ids in zip(names, lists, strict=True)
    }
    catalog = build_catalog(names, entries)
    by_id: dict[str, Paper] = {}
    first: dict[str, str] = {}
    shared: dict[str, list[tuple[str, Paper]]] = {}
    for name, ids in zip(names, lists, strict=True):
        catalog_rows._add_papers(
            name, list(papers_of(_rows_of(ids), (name,))), by_id, first, shared
        )
    assert list(catalog.by_id) == list(by_id)
    assert catalog.members == dict(zip(names, lists, strict=True))
    assert catalog.shared == shared


def test_lists_sharing_no_paper_are_merged_without_a_call_per_paper(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from papershelf.storage import catalog_rows

    added: list[str] = []
    real = catalog_rows._add_papers

    def counted(name: str, *args: Any) -> None:
        added.append(name)
        real(name, *args)

    monkeypatch.setattr(catalog_rows, "_add_papers", counted)
    entries = {
        "one": {"papers": _rows_of(["a", "b"]), "venues": []},
        "two": {"papers": _rows_of(["c", "d"]), "venues": []},
        "three": {"papers": _rows_of(["e", "a"]), "venues": []},
    }
    catalog = build_catalog(["one", "two", "three"], entries)
    assert added == ["three"]  # only the list holding a paper another list holds too
    assert catalog.by_id["a"].lists == ("one", "three")


@given(st.lists(st.lists(st.sampled_from("abcdef"), max_size=5), max_size=4), st.integers(0, 3))
def test_a_reload_with_papers_kept_is_the_catalog_built_afresh(
    lists: list[list[str]], changed: int
) -> None:
    """Kept papers and kept combinations give the catalog a build from the rows gives.

    Between the two builds one list's rows are made again (a list re-imported): its papers
    are new objects, and every paper it shares is combined again from them.
    """
    names = [f"l{n}" for n in range(len(lists))]
    entries = {
        name: {"papers": _rows_of(ids), "venues": []}
        for name, ids in zip(names, lists, strict=True)
    }
    known = KnownPapers()
    build_catalog(names, entries, known=known)
    if names:
        name = names[changed % len(names)]
        rows = _rows_of(lists[changed % len(names)])
        for row in rows:
            row[1] += " (revised)"  # the list's records of its papers now say otherwise
        entries[name] = {"papers": rows, "venues": []}
    again = build_catalog(names, entries, known=known)
    fresh = build_catalog(names, entries)
    assert again.by_id == fresh.by_id
    assert again.papers == fresh.papers
    assert again.shared == fresh.shared


def test_a_paper_several_lists_hold_is_combined_once_while_its_records_stay() -> None:
    from papershelf.domain.combine import combine

    entries = {
        "one": {"papers": _rows_of(["a", "b"]), "venues": []},
        "two": {"papers": _rows_of(["a"]), "venues": []},
    }
    known = KnownPapers()
    first = build_catalog(["one", "two"], entries, known=known)
    again = build_catalog(["one", "two"], entries, known=known)
    assert again.by_id["a"] is first.by_id["a"]  # the same records: the same combination
    entries["two"] = {"papers": _rows_of(["a"]), "venues": []}  # read again: new records
    third = build_catalog(["one", "two"], entries, known=known)
    assert third.by_id["a"] is not first.by_id["a"]
    assert third.by_id["a"] == combine("a", [r for _, r in third.shared["a"]], ["one", "two"])
