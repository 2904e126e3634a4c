"""``new``, ``orphans``, ``export --orphans``, ``forget`` by prefix, and one way of counting."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from papershelf.domain.models import PaperState, Status
from papershelf.paths import resolve_paths
from papershelf.services.library import Library
from tests.conftest import corpus_file
from tests.conftest import run_cli as run

Capsys = pytest.CaptureFixture[str]


def as_json(capsys: Capsys, *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_new_lists_what_the_last_import_added(capsys: Capsys) -> None:
    code, out, err = run(capsys, "new")
    assert code == 0 and out == "" and "nothing new" in err
    assert run(capsys, "import", str(corpus_file("B12")))[0] == 0
    papers = as_json(capsys, "new")
    assert isinstance(papers, list) and len(papers) == 26
    assert {p["venue"] for p in papers} == {"OSDI 2024"}
    assert {p["list"] for p in papers} == {"B12_mental2008_osdi-2024"}
    assert all(p["added_at"] and p["status"] == "unread" for p in papers)
    code, out, err = run(capsys, "new")
    assert code == 0 and len(out.splitlines()) == 27  # header + 26
    assert "26 papers joined the catalog with the last import (B12_mental2008_osdi-2024" in err
    assert len(as_json(capsys, "new", "--since", "2000-01-01")) == 26
    assert as_json(capsys, "new", "--since", "2999-01-01") == []


def test_new_names_two_lists_of_a_bigger_import_and_counts_the_rest(capsys: Capsys) -> None:
    files = [str(corpus_file(f"B{n}")) for n in (12, 15, 17, 18)]
    assert run(capsys, "import", *files)[0] == 0
    code, _, err = run(capsys, "new")
    said = err.strip().splitlines()[-1]
    assert code == 0 and "with the last import (B12_" in said
    assert re.search(r", B15_[^,]*\(\+2 more\), \d{4}-\d\d-\d\d \d\d:\d\d\)$", said), said
    assert "B17_" not in said and "B18_" not in said


def test_new_since_a_bad_date_is_one_line_exit_2(capsys: Capsys) -> None:
    code, out, err = run(capsys, "new", "--since", "yesterday")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "papershelf: --since 'yesterday' is not a date: give YYYY-MM-DD or an ISO time"
    ]


def test_orphans_are_listed_reachable_and_exported(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # tables fit the terminal: room for whole titles
    assert run(capsys, "import", str(corpus_file("B12")))[0] == 0
    [first] = [p for p in as_json(capsys, "new") if "Llumnix" in p["title"]]
    pid, title = first["id"], first["title"]
    assert run(capsys, "star", pid)[0] == 0
    code, out, _ = run(capsys, "forget", "b12_MENTAL")
    assert code == 0
    assert out == (
        "forgot B12_mental2008_osdi-2024: 26 papers left the catalog; "
        "the state of 1 paper is kept (`papershelf orphans`)\n"
    )
    # A state that came from another machine: no title was ever known here.
    Library(resolve_paths()).replace_states(
        {**Library(resolve_paths()).states(), "sosp2031-elsewhere-0000": PaperState(Status.READ)}
    )
    orphans = as_json(capsys, "orphans")
    assert [(o["id"], o["title"]) for o in orphans] == [
        (pid, title),
        ("sosp2031-elsewhere-0000", "(title unknown)"),
    ]
    code, out, err = run(capsys, "orphans")
    assert "(title unknown)" in out and "B12_mental2008_osdi-2024" in out
    assert "2 papers no list holds" in err
    # note, mark, show and tags reach an orphan by a prefix of its id.
    assert run(capsys, "note", pid[:18], "--set", "read it on the plane")[0] == 0
    assert run(capsys, "mark", pid[:18], "reading")[1] == f"mark reading: {pid} ({title})\n"
    assert run(capsys, "tag", pid[:18], "plane")[0] == 0
    code, out, _ = run(capsys, "show", pid[:18])
    assert code == 0 and "no list holds it any more (last: B12_mental2008_osdi-2024)" in out
    assert title in out and "reading *" in out and "read it on the plane" in out
    code, out, _ = run(capsys, "doctor")
    assert f"  {pid}  {title}" in out
    # export: orphans only with --orphans, through the same filters.
    exported = as_json_text(capsys, "export", "--format", "json", "--orphans")
    assert {pid, "sosp2031-elsewhere-0000"} <= {p["id"] for p in exported["papers"]}
    exported = as_json_text(capsys, "export", "--format", "json")
    assert pid not in {p["id"] for p in exported["papers"]}
    code, out, _ = run(capsys, "export", "--format", "csv", "--orphans", "--status", "reading")
    assert title in out and "Concerto" not in out


def as_json_text(capsys: Capsys, *argv: str) -> dict[str, list[dict[str, object]]]:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    data: dict[str, list[dict[str, object]]] = json.loads(out)
    return data


def test_orphans_when_there_are_none(capsys: Capsys) -> None:
    code, out, err = run(capsys, "orphans")
    assert code == 0 and out == "" and "no orphans" in err
    assert as_json(capsys, "orphans") == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("A0", "list name 'A0' is ambiguous: A03_inpluslab_Systems"),
        ("nothing", "no list 'nothing' (see `papershelf lists`)"),
        ("A03_inplus_lab", "no list 'A03_inplus_lab' (did you mean 'A03_inpluslab_Systems"),
        ("", "no list '' (see `papershelf lists`)"),
    ],
)
def test_forget_a_prefix_that_is_not_unique_exits_2(
    capsys: Capsys, name: str, message: str
) -> None:
    assert run(capsys, "import", str(corpus_file("A03")), str(corpus_file("A04")))[0] == 0
    code, out, err = run(capsys, "forget", name)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert len(as_json(capsys, "lists")) == 4


def test_forget_says_what_left_and_what_other_lists_keep(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "import", str(corpus_file("A03")), str(corpus_file("A04")))
    # A04 holds 38 of A03's papers: 36 by id, PatrickStar under its short name and the
    # prompting survey by its arXiv id under another venue.
    assert "111 papers joined the catalog" in out and "11 papers joined the catalog" in out
    code, out, _ = run(capsys, "forget", "a03")
    assert code == 0
    # Before: "111 papers left the catalog", though A04 still held 36 of them.
    assert out.startswith(
        "forgot A03_inpluslab_Systems-for-Foundation-Models_README: 73 papers left the catalog; "
        "38 papers stay, held by other lists"
    )


def _figures(text: str) -> tuple[int, int]:
    """``76 papers (+1 withdrawn)`` -> (76, 1)."""
    found = re.search(r"(\d+) papers?(?: \(\+(\d+) withdrawn\))?", text)
    assert found, text
    return int(found[1]), int(found[2] or 0)


def test_every_command_counts_the_same(capsys: Capsys) -> None:
    def counts() -> dict[str, tuple[int, int]]:
        _, doctor, _ = run(capsys, "doctor")
        catalog = next(line for line in doctor.splitlines() if line.startswith("catalog:"))
        venues = as_json(capsys, "venues")
        stats = as_json(capsys, "stats")
        listed = as_json(capsys, "list")
        listed_all = as_json(capsys, "list", "--all")
        _, stats_text, _ = run(capsys, "stats")
        return {
            "doctor": _figures(catalog),
            "venues": (
                sum(v["papers"] for v in venues),
                sum(v["withdrawn"] for v in venues),
            ),
            "stats": (stats["overall"]["total"], stats["overall"]["withdrawn"]),
            "stats text": _figures(stats_text.split("\n\n")[1]),
            "list": (len(listed), len(listed_all) - len(listed)),
        }

    bundled = counts()
    assert set(bundled.values()) == {(76, 1)}, bundled
    # A list's count and its venue's count agree (bundled: one list per venue).
    lists = {i["name"]: (i["papers"], i["withdrawn"]) for i in as_json(capsys, "lists")}
    venues = {v["venue"]: (v["papers"], v["withdrawn"]) for v in as_json(capsys, "venues")}
    assert lists["asplos-2025"] == venues["ASPLOS 2025"] == (32, 1)
    assert lists["mlsys-2025"] == venues["MLSys 2025"] == (44, 0)
    _, table, _ = run(capsys, "lists")
    assert "32 (+1 withdrawn)" in table
    for name in ("B13", "A03", "B28"):
        assert run(capsys, "import", str(corpus_file(name)))[0] == 0
        figures = counts()
        assert len(set(figures.values())) == 1, (name, figures)
    code, out, _ = run(capsys, "forget", "a03")
    assert code == 0
    after = counts()
    assert len(set(after.values())) == 1, after
    left = _figures(out)
    assert left[0] + left[1] == sum(figures["doctor"]) - sum(after["doctor"])
