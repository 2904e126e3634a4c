"""A real kill (SIGKILL) in the middle of ``papershelf enrich``: what was fetched is kept."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from papershelf.cli.main import main
from papershelf.paths import Paths
from papershelf.services.enrich.ids import idents_of
from papershelf.services.library import Library
from tests.unit.enrich_server import (
    FixtureServer,
    Seen,
    enrich_server,
    nothing_anywhere,
    write_config,
)
from tests.unit.test_enrich_run import arxiv_entry, feed

__all__ = ["enrich_server"]
SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX kill")
def test_a_killed_run_keeps_what_it_fetched_and_the_next_run_resumes(
    paths: Paths, enrich_server: FixtureServer, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(paths, enrich_server.base)
    nothing_anywhere(enrich_server)
    papers = [p for p in Library(paths).papers() if not idents_of(p) and p.year][:4]
    third = threading.Event()
    release = threading.Event()
    answered: list[str] = []
    lock = threading.Lock()

    def search(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        words = re.findall(r'ti:"([^"]*)"', seen.query["search_query"][0])[0]
        paper = next(p for p in papers if " ".join(re.findall(r"\w+", p.title)) == words)
        with lock:
            answered.append(paper.id)
            count = len(answered)
        if count == 3:
            third.set()
            release.wait(30)  # the client is killed while it waits for this answer
        return 200, {}, feed([arxiv_entry(f"2501.0000{count}", paper.title, "A.")])

    enrich_server.route("/arxiv", search)
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    argv = [sys.executable, "-m", "papershelf", "--data-dir", str(paths.data_dir), "enrich"]
    child = subprocess.Popen(
        [*argv, *(p.id for p in papers), "--source", "arxiv"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert third.wait(60), "the run never reached its third request"
        child.kill()
        child.wait(30)
    finally:
        release.set()
        if child.poll() is None:
            child.kill()
    kept = json.loads(paths.enrich.joinpath("papers.json").read_text(encoding="utf-8"))["papers"]
    done = {pid for pid, e in kept.items() if e["sources"].get("arxiv", {}).get("record")}
    assert done == set(answered[:2])

    code = main(
        ["--data-dir", str(paths.data_dir), "enrich", *(p.id for p in papers), "--source", "arxiv"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert len(answered) == 5  # the one in flight when killed, and the one never asked
    assert "2 found, 2 unchanged" in out
