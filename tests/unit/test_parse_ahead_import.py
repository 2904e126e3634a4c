"""The parse started ahead: parts read as the child sends them, and the import's use of it."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from papershelf.catalog import markdown_list, match_keys
from papershelf.catalog.markdown_list import parse_list
from papershelf.domain.models import Paper
from papershelf.errors import ListError
from papershelf.paths import Paths
from papershelf.services import flat_parse, outbox, parse_ahead
from papershelf.services.library import Library
from tests.conftest import run_cli

from .test_parse_ahead import LISTS, _until, big_text, started


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_ready_reads_the_parts_that_came_and_waits_for_the_last(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A caller asking while it works goes on until the whole parse is in, not the first part."""
    monkeypatch.setattr(markdown_list, "PART", 50)
    gate, parent, real = tmp_path / "go", os.getpid(), flat_parse.flat_rows
    sent: list[int] = []

    def held(papers: list[Paper]) -> object:
        if os.getpid() != parent and sent:  # the child, after its first part
            _until(gate)
        sent.append(len(papers))
        return real(papers)

    monkeypatch.setattr(parse_ahead, "flat_rows", held)
    text = big_text()
    with started(text) as ahead:
        try:
            conn = ahead._conn
            assert conn is not None and conn.poll(60)  # the first part is there
            assert not ahead.ready()  # read, but the rest is still to come
            assert len(ahead._papers) == 50
        finally:
            gate.touch()  # the child goes on, whatever was found
        assert ahead.result() == parse_list(text, source="b.md")
        assert ahead.ready()


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_close_ends_a_child_whose_answer_is_never_read() -> None:
    ahead = parse_ahead.parse_ahead("- [T](https://e.org/x.pdf)\n", source="t.md", venue=None)
    proc = ahead._proc
    assert proc is not None
    ahead.close()
    assert not proc.is_alive() and proc.exitcode is not None


def test_short_lists_and_callers_that_do_not_ask_parse_here() -> None:
    small = parse_ahead.parse_ahead("- [T](https://e.org/x.pdf)\n", source="t.md", venue=None)
    text = big_text()
    unasked = parse_ahead.parse_ahead(text, source="t.md", venue=None, start=False)
    big = parse_ahead.parse_ahead(text, source="t.md", venue=None)
    try:
        assert (small.started, unasked.started, big.started) == (False, False, True)
        assert unasked.result() == big.result()
    finally:
        big.close()


def test_one_core_parses_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    assert not parse_ahead.available()


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_the_command_line_import_stores_the_same_catalog(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line parses ahead; the library's own import does not: same papers."""
    if not LISTS:
        pytest.skip("no corpus")
    started: list[bool] = []
    real = parse_ahead.Ahead.start

    def start(self: parse_ahead.Ahead) -> parse_ahead.Ahead:
        started.append(True)
        return real(self)

    monkeypatch.setattr(parse_ahead.Ahead, "start", start)
    files = [str(p) for p in LISTS[:3]]
    code, _, err = run_cli(capsys, "import", *files, "-q", "--data-dir", str(tmp_path / "cli"))
    assert (code, err) == (0, "")
    assert len(started) == len(files)
    lib, plain = Library(Paths(tmp_path / "cli")), Library(Paths(tmp_path / "lib"))
    plain.import_lists([Path(f) for f in files])
    assert len(started) == len(files)  # the library's own import parsed in-process
    assert lib.papers() == plain.papers()


def test_a_command_starts_its_big_files_before_the_library_loads(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text(big_text(), "utf-8")
    small = tmp_path / "small.md"
    small.write_text("- [T](https://e.org/x.pdf)\n", "utf-8")
    names = [str(big), str(small), str(tmp_path / "missing.md"), "https://e.org/l.md", str(big)]
    started = parse_ahead.start_files(names, "OSDI 2024")
    try:
        assert list(started) == [str(big)]  # once; the others are read by the import itself
        ahead = started[str(big)]
        assert ahead.started and (ahead.source, ahead.venue) == ("big.md", "OSDI 2024")
        here = parse_ahead.parse_ahead(ahead.text, source="big.md", venue="OSDI 2024", start=False)
        assert ahead.result() == here.result()
    finally:
        for ahead in started.values():
            ahead.close()


def test_the_import_takes_each_started_parse_once(tmp_path: Path) -> None:
    from papershelf.catalog.source import read_list_file

    lists = LISTS[:2]
    if not lists:
        pytest.skip("no corpus")
    started = {  # every list, however short, as if it were big
        str(p): parse_ahead.Ahead(read_list_file(p), p.name, None).start() for p in lists
    }
    lib = Library(Paths(tmp_path / "early"))
    lib.import_files(lists, parse_ahead=True, started=started)
    plain = Library(Paths(tmp_path / "plain"))
    plain.import_files(lists)
    assert started == {}  # each taken (and closed) by the import
    assert lib.papers() == plain.papers()


def test_a_started_parse_the_import_never_took_is_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argparse import Namespace

    from papershelf.cli import import_cmds

    ahead = parse_ahead.Ahead("- [T](https://e.org/x.pdf)\n", "t.md", None).start()
    proc = ahead._proc
    assert proc is not None

    def stops(lib: Library, args: Namespace) -> int:
        raise ListError("the import stopped before this file")

    monkeypatch.setattr(import_cmds, "_import", stops)
    with pytest.raises(ListError):
        import_cmds.cmd_import(Library(Paths(tmp_path)), Namespace(started={"t.md": ahead}))
    assert not proc.is_alive() and proc.exitcode is not None


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_a_child_whose_keys_are_no_longer_read_ends_by_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After ``enough`` the child's next write fails and it leaves, not waiting on the pipe."""
    small_runs(monkeypatch)
    text = big_text()
    with started(text) as ahead:
        assert ahead.result() == parse_list(text, source="b.md")
        assert ends_after_enough(ahead) == 0  # by itself: ``close`` would have terminated it
        assert ahead.shares() == []


def small_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of keys that fill the pipe: a child sending them waits until they are read."""
    monkeypatch.setattr(outbox, "PIPE_SIZE", 4096)  # a run of keys (long URLs) fills it
    monkeypatch.setattr(match_keys, "_SHARE_CHUNK", 10)  # twenty runs


def ends_after_enough(ahead: parse_ahead.Ahead) -> int | None:
    """The exit code of ``ahead``'s child after ``enough`` (None: still running after 60 s).

    Its parse taken, the child waits on the pipe with its runs of keys until then.
    """
    proc = ahead._proc
    assert proc is not None
    proc.join(0.5)
    assert proc.is_alive()  # its runs of keys wait for room in the pipe
    ahead.enough()
    proc.join(60)
    return proc.exitcode


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_keys_are_worked_out_here_when_the_child_dies_before_sending_them() -> None:
    text = big_text()
    with started(text) as ahead:
        proc = ahead._proc
        assert proc is not None and proc.pid is not None
        papers = list(ahead.result().papers)
        os.kill(proc.pid, signal.SIGKILL)  # whatever runs of keys it sent, no more come
        proc.join(60)
        keys = match_keys.PaperKeys()
        keys.work_out(papers, ahead)
        alone = match_keys.PaperKeys()
        assert [(keys.titles[p.title], keys.urls(p), keys.arxiv_and_dois(p)) for p in papers] == [
            (alone.titles[p.title], alone.urls(p), alone.arxiv_and_dois(p)) for p in papers
        ]
        assert ahead.shares() == []


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_a_child_ends_by_itself_while_another_list_is_parsed_beside_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch import starts a child per list: a later one holds no copy of an earlier pipe."""
    small_runs(monkeypatch)
    text = big_text()
    with started(text) as first, started(text) as second:
        assert first.result() == parse_list(text, source="b.md")
        assert second.started
        assert ends_after_enough(first) == 0  # the second child held no end of the first's pipe
        assert second.result() == parse_list(text, source="b.md")


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_the_parse_asked_again_after_enough_is_the_same_papers_not_a_new_parse() -> None:
    text = big_text()
    with started(text) as ahead:
        first = ahead.result()
        ahead.enough()
        again = ahead.result()
        assert len(again.papers) == len(first.papers) > 0
        assert all(a is b for a, b in zip(again.papers, first.papers, strict=True))
