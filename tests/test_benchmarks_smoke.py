"""The benchmark suite runs end to end at a tiny size and writes its JSON (timings not checked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import budgets  # noqa: E402
from benchmarks.bench_cli import SAME_VENUE_REPEATS  # noqa: E402
from benchmarks.bench_search import keystrokes  # noqa: E402
from benchmarks.ptyterm import strip_escapes  # noqa: E402


def test_keystrokes_type_a_word_then_nothing_then_erase() -> None:
    queries = keystrokes("tra", "zq")
    assert queries == ["t", "tr", "tra", "traz", "trazq", "traz", "tra", "tr", "t", ""]


def test_strip_escapes_keeps_only_the_text() -> None:
    data = b"\x1b[?2026h\x1b[1;1H\x1b[38;2;1;2;3mConcerto\x1b[0m: \x1b]0;title\x07Auto"
    assert strip_escapes(data) == "Concerto: Auto"


def _results(**sizes: dict[str, Any]) -> dict[str, Any]:
    return {"sizes": sizes, "errors": []}


def test_budgets_flag_a_miss_with_how_much() -> None:
    results = _results(
        bundled={"cold_start": {"first_frame_s": {"median": 0.45}}},
        **{"10k": {"cold_start": {"first_frame_s": {"median": 1.0}}}},
    )
    by_size = {
        b["size"]: b
        for b in budgets.check_budgets(results)
        if b["what"] == "cold start to papers on screen"
    }
    assert by_size["bundled"]["met"] is True
    assert by_size["10k"]["met"] is False
    assert by_size["10k"]["over_percent"] == 25.0
    assert by_size["50k"]["met"] is None  # not measured
    results["budgets"] = budgets.check_budgets(results)
    text = budgets.table(results)
    assert "0.450 ok" in text
    assert "MISSED cold start to papers on screen at 10k" in text


def _run_suite(tmp_path: Path, only: str) -> tuple[dict[str, Any], str]:
    out = tmp_path / "latest.json"
    env = {k: v for k, v in os.environ.items() if k != "PAPERSHELF_DATA_DIR"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--sizes",
            "200",
            "--only",
            only,
            "--runs",
            "1",
            "--import-runs",
            "1",
            "--search-rounds",
            "1",
            "--status-keys",
            "2",
            "--search-word",
            "t",
            "--no-warm-up",
            "--workdir",
            str(tmp_path / "work"),
            "--out",
            str(out),
            "--quiet",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results: dict[str, Any] = json.loads(out.read_text())
    assert results["errors"] == []
    assert "| figure (median) |" in proc.stdout
    assert not (tmp_path / "work" / "200" / "data").exists()  # cleaned up without --keep
    return results, proc.stdout


# Two runs, so that a parallel test run (-n) does them side by side: the app section
# starts the app twice in a terminal, the rest runs the CLI and the filter in process.
def test_the_headless_sections_run_and_write_json(tmp_path: Path) -> None:
    results, _ = _run_suite(tmp_path, "import,cli,search")
    entry = results["sizes"]["200"]
    assert entry["papers"] >= 200
    assert entry["import"]["seconds"]["median"] > 0
    # The second list into list 2's venue, a few times over: each import into a fresh copy.
    assert entry["import"]["same_venue_s"]["n"] == SAME_VENUE_REPEATS
    # ... imported into a copy: the catalog the other sections measure is the size's alone.
    assert entry["papers"] == 200 + 77  # the bundled lists hold 77 papers, one withdrawn
    assert entry["cli"]["list_json"]["seconds"]["n"] == 1
    assert len(entry["search"]["shown"]) == len(keystrokes("t"))
    assert "cold_start" not in entry
    assert any(b["what"] == "list --format json" for b in results["budgets"])
    # Its report into a pipe nobody reads any more ("| head"): no traceback, exit 0.
    read_end, write_end = os.pipe()
    os.close(read_end)
    report = subprocess.run(
        [sys.executable, "-m", "benchmarks.report", str(tmp_path / "latest.json")],
        cwd=ROOT,
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
    )
    os.close(write_end)
    assert (report.returncode, report.stderr) == (0, "")


def test_the_app_section_runs_in_a_terminal_and_writes_json(tmp_path: Path) -> None:
    results, _ = _run_suite(tmp_path, "app")
    entry = results["sizes"]["200"]
    assert entry["cold_start"]["first_frame_s"]["median"] > 0
    assert entry["cold_start"]["first_frame_s"]["n"] == 1
    # The first key's answer comes after the first frame (kept screen or not).
    assert entry["cold_start"]["live_s"]["median"] >= entry["cold_start"]["first_frame_s"]["median"]
    assert "live_s" not in entry["reference_start"]
    assert entry["interactive"]["status"]["durable_ms"]["n"] == 2
    assert entry["interactive"]["search"]["queries"] == keystrokes("t")


@pytest.mark.parametrize("content", [None, b"{"])
def test_the_report_of_a_missing_or_broken_run_says_so_in_a_line(
    tmp_path: Path, content: bytes | None, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks import report

    path = tmp_path / "run.json"
    if content is not None:
        path.write_bytes(content)
    assert report.main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"benchmarks.report: {path}: ") and err.count("\n") == 1


@pytest.mark.parametrize("text, size", [("bundled", 0), ("10k", 10_000), ("2500", 2_500)])
def test_sizes_parse(text: str, size: int) -> None:
    from benchmarks.workspace import label, parse_size

    assert parse_size(text) == size
    assert parse_size(label(size)) == size
