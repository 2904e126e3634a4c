"""CSV export: header, round-trip through csv.reader, and formula-injection hardening."""

from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.models import Link, Paper, PaperState, Status, StatusChange
from papershelf.export._text import multi_line, one_line
from papershelf.export.csv_export import HEADER, defuse, to_csv


def read(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(HEADER)
    assert all(len(row) == len(HEADER) for row in rows)
    return [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]


LUMOS = Paper(
    id="mlsys2025-lumos-1a2b",
    title='Lumos, "Efficient" Modeling',
    venue="MLSys 2025",
    year=2025,
    authors=("Ji Zhang", "Wei Li"),
    topics=("LLM Training", "Modeling, Estimation"),
    links=(Link("arxiv", "https://arxiv.org/abs/1"), Link("paper", "https://mlsys.org/p/1")),
    affiliations=("Cornell", "Meta"),
    awards=("Outstanding Paper",),
)


def test_header_and_a_full_row() -> None:
    state = PaperState(
        status=Status.READ,
        starred=True,
        note='Line one, with a comma\nLine "two"\n\nLast',
        first_triaged="2025-05-01T09:00:00Z",
        history=(
            StatusChange(Status.TO_READ, "2025-05-01T09:00:00Z"),
            StatusChange(Status.READ, "2025-05-03T18:30:00Z"),
        ),
        note_changed="2025-05-03T18:31:00Z",
        tags=("survey", "=group meeting"),
    )
    text = to_csv([LUMOS], {LUMOS.id: state})
    assert text.startswith(",".join(HEADER) + "\r\n")
    (row,) = read(text)
    assert row == {
        "id": "mlsys2025-lumos-1a2b",
        "title": 'Lumos, "Efficient" Modeling',
        "authors": "Ji Zhang; Wei Li",
        "venue": "MLSys 2025",
        "year": "2025",
        "topics": "LLM Training; Modeling, Estimation",
        "status": "read",
        "starred": "true",
        "note": 'Line one, with a comma\nLine "two"\n\nLast',
        "tags": "survey; =group meeting",
        "main_url": "https://mlsys.org/p/1",
        "status_changed": "2025-05-03T18:30:00Z",
        "first_triaged": "2025-05-01T09:00:00Z",
        "note_changed": "2025-05-03T18:31:00Z",
        "affiliations": "Cornell; Meta",
        "awards": "Outstanding Paper",
        "remarks": "",
        "links": "arxiv: https://arxiv.org/abs/1; paper: https://mlsys.org/p/1",
        "withdrawn": "false",
        "abstract": "",
        "doi": "",
        "arxiv": "",
        "citations": "",
        "published_venue": "",
    }


def test_untouched_paper_gets_defaults_and_blanks() -> None:
    bare = Paper(id="x", title="Bare", venue="V")
    (row,) = read(to_csv([bare], {}))
    assert (row["status"], row["starred"], row["note"], row["year"]) == ("unread", "false", "", "")
    assert row["main_url"] == row["status_changed"] == row["links"] == ""


def test_rows_keep_paper_order() -> None:
    papers = [Paper(id=f"p{i}", title=f"T{i}", venue="V") for i in (3, 1, 2)]
    assert [row["id"] for row in read(to_csv(papers, {}))] == ["p3", "p1", "p2"]


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("http://evil","x")',
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "  =1+1",
        "\uff1d1+1",
        "\tindented",
        "\rcarriage",
    ],
)
def test_formula_cells_get_an_apostrophe(cell: str) -> None:
    assert defuse(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Lumos", "1+1", "a=b", "", "'quoted", "x-y"])
def test_ordinary_cells_are_left_alone(cell: str) -> None:
    assert defuse(cell) == cell


def test_hostile_titles_notes_and_authors_are_defused_in_the_file() -> None:
    p = Paper(id="x", title="=cmd|' /C calc'!A0", venue="@V", authors=("+Ann",), topics=("-t",))
    (row,) = read(to_csv([p], {"x": PaperState(note="- a markdown list\n- item")}))
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["venue"] == "'@V"
    assert row["authors"] == "'+Ann"
    assert row["topics"] == "'-t"
    assert row["note"] == "'- a markdown list\n- item"


def test_terminal_escapes_never_reach_the_output() -> None:
    osc = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
    p = Paper(id="x", title=f"T{osc}", venue="V", authors=(f"A{osc}",))
    text = to_csv([p], {"x": PaperState(note=f"n\x1b[2J\n{osc}\u202e\x9b")})
    assert not re.search(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u202e]", text)
    (row,) = read(text)
    assert row["title"].startswith("T")


def test_bom_for_excel() -> None:
    text = to_csv([LUMOS], {}, bom=True)
    assert text.startswith("\ufeffid,")
    assert read(text[1:])[0]["id"] == LUMOS.id


texts = st.one_of(st.text(max_size=30), st.text(alphabet=",\"\n\r;=+-@ 'ab\t", max_size=30))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(texts, st.lists(texts, max_size=3), texts), min_size=1, max_size=5))
def test_any_text_round_trips(rows: list[tuple[str, list[str], str]]) -> None:
    papers = [
        Paper(id=f"id{i}", title=title, venue="V", authors=tuple(authors))
        for i, (title, authors, _) in enumerate(rows)
    ]
    states = {f"id{i}": PaperState(note=note) for i, (_, _, note) in enumerate(rows)}
    got = read(to_csv(papers, states))
    assert len(got) == len(papers)
    for p, row in zip(papers, got, strict=True):
        authors = "; ".join(a for a in (one_line(a) for a in p.authors) if a)
        assert row["title"] == defuse(one_line(p.title))
        assert row["authors"] == defuse(authors)
        assert row["note"] == defuse(multi_line(states[p.id].note))
