from __future__ import annotations

import json
from datetime import date

import pytest

from papershelf.domain.models import Paper, PaperState, Status, StatusChange
from papershelf.domain.progress import read_per_week, tally


def paper(pid: str, venue: str, topics: tuple[str, ...] = (), withdrawn: bool = False) -> Paper:
    return Paper(id=pid, title=pid, venue=venue, topics=topics, withdrawn=withdrawn)


def test_tally_by_venue_and_topic() -> None:
    papers = [
        paper("a", "V1", ("x",)),
        paper("b", "V1", ("x", "y")),
        paper("c", "V2"),
        paper("d", "V2", withdrawn=True),
    ]
    states = {"a": PaperState(status=Status.READ, starred=True), "c": PaperState(Status.TO_READ)}
    overall, venues = tally(papers, states)
    assert overall.total == 3 and overall.read == 1 and overall.starred == 1
    assert [(v.label, v.total, v.read) for v in venues] == [("V1", 2, 1), ("V2", 1, 0)]
    assert venues[1].counts[Status.TO_READ] == 1
    assert round(overall.percent_read, 1) == 33.3
    _, topics = tally(papers, states, by="topic")
    assert [(t.label, t.total) for t in topics] == [
        ("V1 / x", 2),
        ("V1 / y", 1),
        ("V2 / (no topic)", 1),
    ]


def test_read_per_week_counts_each_read_paper_by_its_last_read_week() -> None:
    states = {
        "a": PaperState(
            Status.READ,
            history=(
                StatusChange(Status.READING, "2026-11-16T10:00:00Z"),
                StatusChange(Status.READ, "2026-11-17T10:00:00Z"),
            ),
        ),
        "b": PaperState(Status.READ, history=(StatusChange(Status.READ, "2026-11-24T08:00:00Z"),)),
        "c": PaperState(Status.READ, history=(StatusChange(Status.READ, "2025-01-01T08:00:00Z"),)),
    }
    states["d"] = PaperState(  # read, unread again, read again: once, in its last week
        Status.READ,
        history=(
            StatusChange(Status.READ, "2026-11-10T08:00:00Z"),
            StatusChange(Status.UNREAD, "2026-11-11T08:00:00Z"),
            StatusChange(Status.READ, "2026-11-18T08:00:00Z"),
        ),
    )
    states["e"] = PaperState(  # read, then unread again: not read
        Status.UNREAD,
        history=(
            StatusChange(Status.READ, "2026-11-24T09:00:00Z"),
            StatusChange(Status.UNREAD, "2026-11-24T10:00:00Z"),
        ),
    )
    states["w"] = states["b"]  # withdrawn
    states["orphan"] = states["b"]  # a state no catalog paper has
    papers = [Paper(pid, pid, "V1 2026", withdrawn=pid == "w") for pid in "abcdew"]
    weeks = read_per_week(papers, states, weeks=3, today=date(2026, 11, 25))
    assert weeks == [(date(2026, 11, 9), 0), (date(2026, 11, 16), 2), (date(2026, 11, 23), 1)]
    overall, _ = tally(papers, states)
    assert sum(n for _, n in weeks) <= overall.read == 4


def test_stats_and_the_progress_screen_show_the_same_weeks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from papershelf.tui.screens.progress import ProgressScreen
    from tests.conftest import run_cli

    code, out, _ = run_cli(capsys, "stats", "--format", "json")
    assert code == 0
    assert len(json.loads(out)["read_per_week"]) == ProgressScreen.WEEKS == 12
