"""Stored lists parsed in a child process give what parsing them here gives, whatever happens.

The app parses its lists again in a child when its catalog cache is missing or stale
(``services.parse_child``); these tests hold it to ``parse_stored``'s papers and errors,
and to the fallback when the child cannot start, dies or fails.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from papershelf.catalog import parse_stored
from papershelf.errors import ListError
from papershelf.paths import Paths, seeds_dir
from papershelf.services import parse_child
from papershelf.services.library import Library
from papershelf.services.parse_child import ChildParser, app_parser

WILD = Path(__file__).resolve().parents[3] / "shared" / "corpus-wild"
NO_PAPERS = "Nothing to read here, only words.\n"


def _lists() -> list[Path]:
    found = sorted(seeds_dir().glob("*.md"))
    found += sorted(WILD.glob("W0[1-4]_*.md"))  # tables, venue tags: when the corpus is there
    return found


@pytest.fixture
def child() -> Iterator[ChildParser]:
    parser = ChildParser().start()
    yield parser
    parser.close()


def test_the_child_parses_every_list_as_this_process_does(child: ChildParser) -> None:
    lists = _lists()
    assert len(lists) >= 2
    for path in lists:
        text = path.read_text(encoding="utf-8")
        got = child(text, source=path.name, venue=None)
        assert got == parse_stored(text, source=path.name, venue=None), path.name
    assert child(text, source="x.md", venue="OSDI 2024") == parse_stored(
        text, source="x.md", venue="OSDI 2024"
    )
    assert child.parsed_here == 0 and child.parsed_there == len(lists) + 1 and child.running


def test_a_list_without_papers_raises_the_same_error_from_the_child(child: ChildParser) -> None:
    with pytest.raises(ListError) as here:
        parse_stored(NO_PAPERS, source="words.md", venue=None)
    with pytest.raises(ListError) as there:
        child(NO_PAPERS, source="words.md", venue=None)
    assert str(there.value) == str(here.value)
    assert child.parsed_here == 0


def _seed_text() -> str:
    return (seeds_dir() / "asplos-2025.md").read_text(encoding="utf-8")


def test_a_child_that_died_leaves_the_parse_to_this_process(child: ChildParser) -> None:
    text = _seed_text()
    first = child(text, source="a.md", venue=None)
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    assert child(text, source="a.md", venue=None) == first
    assert child(text, source="a.md", venue=None) == first  # and stays here: no new child
    assert child.parsed_here == 2 and not child.running


def test_a_child_that_cannot_start_leaves_the_parse_to_this_process(tmp_path: Path) -> None:
    parser = ChildParser([str(tmp_path / "no-such-program")])
    text = _seed_text()
    assert parser(text, source="a.md", venue=None) == parse_stored(text, source="a.md", venue=None)
    assert parser.parsed_here == 1 and not parser.running


def test_a_child_that_fails_a_list_leaves_that_list_to_this_process() -> None:
    # A stand-in child that answers every request as the real one does when its parse
    # raises something other than a ListError.
    script = (
        "import sys\nfrom multiprocessing.connection import Connection\n"
        "r, s = Connection(0, writable=False), Connection(int(sys.argv[1]), readable=False)\n"
        "while True:\n    r.recv()\n    s.send(('failed', 'MemoryError: '))\n"
    )
    parser = ChildParser([sys.executable, "-c", script]).start()
    try:
        text = _seed_text()
        want = parse_stored(text, source="a.md", venue=None)
        assert parser(text, source="a.md", venue=None) == want
        assert parser(text, source="a.md", venue=None) == want
        assert parser.parsed_here == 2 and parser.running  # the child is still asked
    finally:
        parser.close()


def test_ctrl_c_in_the_terminal_is_not_the_childs(child: ChildParser) -> None:
    text = _seed_text()
    want = parse_stored(text, source="a.md", venue=None)
    assert child(text, source="a.md", venue=None) == want  # up and serving
    assert child.pid is not None
    assert os.getsid(child.pid) != os.getsid(0)  # the terminal's signals go to the app alone
    os.kill(child.pid, signal.SIGINT)  # and one sent to it all the same is ignored
    assert child(text, source="a.md", venue=None) == want
    assert child.parsed_here == 0


def test_close_ends_the_child(child: ChildParser) -> None:
    child(_seed_text(), source="a.md", venue=None)
    pid = child.pid
    child.close()
    assert not child.running and child.pid is None
    assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped, not left a zombie


def test_the_app_starts_the_child_at_once_only_when_the_cache_is_missing(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse_child, "spare_core", lambda: True)
    missing = app_parser(paths)
    assert missing is not None and missing.running  # importing the parser already
    missing.close()
    Library(paths).load_catalog()  # writes the cache
    assert paths.catalog.exists()
    cached = app_parser(paths)
    assert cached is not None and not cached.running  # started only if a list needs it
    monkeypatch.setattr(parse_child, "spare_core", lambda: False)
    assert app_parser(paths) is None  # one core: the app parses its lists itself


def test_a_catalog_rebuilt_by_the_child_is_the_catalog(paths: Paths, tmp_path: Path) -> None:
    source = tmp_path / "mine.md"
    source.write_text(
        "# OSDI 2024\n\n- [A Paper About Caches](https://example.org/a.pdf)\n"
        "- [Another One on Schedulers](https://example.org/b.pdf)\n",
        encoding="utf-8",
    )
    Library(paths).import_lists([source])
    here = Library(paths).load_catalog()
    paths.catalog.unlink()
    parser = ChildParser()
    try:
        there = Library(paths, parse=parser).load_catalog()
        assert parser.parsed_there == 3 and parser.parsed_here == 0  # the seeds and mine
        assert parser.pid is None  # ended once the catalog was in
    finally:
        parser.close()
    assert there.papers == here.papers and len(there.papers) > 70
    assert there.venues == here.venues


def test_an_import_in_the_app_parses_in_the_child(paths: Paths, tmp_path: Path) -> None:
    source = tmp_path / "mine.md"
    source.write_text(
        "# OSDI 2024\n\n- [A Paper About Caches](https://example.org/a.pdf)\n", encoding="utf-8"
    )
    words = tmp_path / "words.md"
    words.write_text(NO_PAPERS, encoding="utf-8")
    parser = ChildParser()
    library = Library(paths, parse=parser)
    library.load_catalog()  # the seeds, parsed there too (no cache yet)
    assert parser.parsed_there == 2 and parser.pid is None
    batch = library.import_files([source, words])
    assert parser.parsed_there == 4 and parser.parsed_here == 0
    assert parser.pid is None  # ended after the import
    here = Library(paths.__class__(tmp_path / "other")).import_files([source, words])
    assert [r.papers for r in batch.reports] == [r.papers for r in here.reports]
    assert [r.new for r in batch.reports] == [1]
    assert [f.reason for f in batch.failures] == [f.reason for f in here.failures]
    assert len(batch.failures) == 1 and "no papers found" in batch.failures[0].reason


def test_a_papershelf_folder_where_the_app_starts_is_not_the_childs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "papershelf" / "services"
    fake.mkdir(parents=True)
    for folder in (fake.parent, fake):
        (folder / "__init__.py").write_text("raise SystemExit(3)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    parser = ChildParser()
    try:
        text = _seed_text()
        want = parse_stored(text, source="a.md", venue=None)
        assert parser(text, source="a.md", venue=None) == want
        assert parser.parsed_there == 1 and parser.parsed_here == 0
    finally:
        parser.close()


def test_close_does_not_wait_for_a_list_being_parsed() -> None:
    # A stand-in child that takes a request and never answers: a parse that never ends.
    parser = _stand_in("receive.recv()\ntime.sleep(3600)\n").start()
    text = _seed_text()
    got: list[object] = []
    asking = threading.Thread(target=lambda: got.append(parser(text, source="a.md", venue=None)))
    asking.start()
    deadline = time.monotonic() + 60  # a guard against a hang, not a speed check
    while not parser._lock.locked():  # the request is out, its answer awaited
        assert time.monotonic() < deadline and asking.is_alive()
        time.sleep(0.01)
    pid = parser.pid
    closing = threading.Thread(target=parser.close)
    closing.start()
    closing.join(timeout=60)
    if closing.is_alive() and pid is not None:  # it waited for the answer: unblock, then fail
        os.kill(pid, signal.SIGKILL)
    assert not closing.is_alive(), "close waited for the list being parsed"
    asking.join()
    assert got == [parse_stored(text, source="a.md", venue=None)]  # parsed here instead
    assert parser.parsed_here == 1 and not parser.running


def test_a_bare_start_hands_the_app_a_started_child_and_ends_it_after(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import papershelf.tui.app
    from tests.conftest import run_cli

    monkeypatch.setattr(parse_child, "spare_core", lambda: True)
    given: list[tuple[ChildParser | None, bool]] = []

    def run_app(paths: Paths, new_folder: bool = False, parse: ChildParser | None = None) -> int:
        given.append((parse, parse is not None and parse.running))
        return 0

    monkeypatch.setattr(papershelf.tui.app, "run_app", run_app)
    assert run_cli(capsys, "--data-dir", str(tmp_path / "new"))[0] == 0
    [(parser, running)] = given
    assert parser is not None and running  # no cache there: importing the parser already
    assert not parser.running  # ended when the app returned


def _stand_in(body: str) -> ChildParser:
    """A child that runs ``body`` with ``receive`` and ``send`` as the real one has them."""
    script = (
        "import sys, time\nfrom multiprocessing.connection import Connection\n"
        "receive = Connection(0, writable=False)\n"
        "send = Connection(int(sys.argv[1]), readable=False)\n" + body
    )
    return ChildParser([sys.executable, "-c", script])


def test_output_as_the_child_starts_is_not_taken_for_an_answer() -> None:
    # A .pth file or sitecustomize that prints: read as an answer, its bytes made a length
    # of about 1.7 GB, and the app waited for it for ever.
    parser = ChildParser(
        [
            sys.executable,
            "-c",
            "print('hi from a .pth file', flush=True)\nimport runpy\n"
            "runpy.run_module('papershelf.services.parse_server', run_name='__main__')",
        ]
    )
    text = _seed_text()
    got: list[object] = []
    asking = threading.Thread(target=lambda: got.append(parser(text, source="a.md", venue=None)))
    asking.start()
    asking.join(timeout=60)  # a guard against a hang, not a speed check
    parser.close()  # (ends a child whose answer never came: the test then fails, not hangs)
    asking.join()
    assert got == [parse_stored(text, source="a.md", venue=None)]
    assert parser.parsed_there == 1 and parser.parsed_here == 0


def test_a_garbled_answer_leaves_the_list_to_this_process() -> None:
    parser = _stand_in("receive.recv()\nsend.send_bytes(b'junk!')\ntime.sleep(3600)\n")
    try:
        text = _seed_text()
        want = parse_stored(text, source="a.md", venue=None)
        assert parser(text, source="a.md", venue=None) == want  # it raised UnpicklingError
        assert parser.parsed_here == 1 and not parser.running
    finally:
        parser.close()


def test_close_while_a_child_is_being_started_does_not_wait_for_its_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import subprocess

    # A child that takes a request and never answers, started only once ``close`` is under
    # way: ``close`` found no child to kill and waited for the whole parse.
    parser = _stand_in("receive.recv()\ntime.sleep(3600)\n")
    closing, popen = threading.Event(), subprocess.Popen

    def slow_popen(*args: object, **kwargs: object) -> object:
        assert closing.wait(60)
        return popen(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "Popen", slow_popen)
    text = _seed_text()
    got: list[object] = []
    asking = threading.Thread(target=lambda: got.append(parser(text, source="a.md", venue=None)))
    asking.start()
    deadline = time.monotonic() + 60  # a guard against a hang, not a speed check
    while not parser._lock.locked():
        assert time.monotonic() < deadline and asking.is_alive()
        time.sleep(0.01)
    closer = threading.Thread(target=parser.close)
    closer.start()
    closing.set()
    closer.join(timeout=60)
    if closer.is_alive() and parser.pid is not None:
        os.kill(parser.pid, signal.SIGKILL)  # unblock, then fail
    assert not closer.is_alive(), "close waited for the parse of a child it did not see"
    asking.join()
    assert got == [parse_stored(text, source="a.md", venue=None)]
    assert not parser.running
