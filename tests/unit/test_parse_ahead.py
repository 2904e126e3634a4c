"""A list parsed in a forked child gives what ``parse_list`` gives here, errors included."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from papershelf.catalog import markdown_list
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.meta import read_meta
from papershelf.domain.models import Paper, ParsedList
from papershelf.errors import ListError
from papershelf.services import flat_parse, parse_ahead
from tests.conftest import CORPUS, SHARED

pytestmark = pytest.mark.skipif(not parse_ahead.available(), reason="needs fork and two cores")

LISTS = sorted(CORPUS.glob("*.md")) + sorted((SHARED / "corpus-wild").glob("W*.md"))


def big_text() -> str:
    """Long enough to parse ahead, in few entries (long links): quick to parse twice."""
    pad = "x" * 2000
    text = "".join(f"- [Paper {n}](https://e.org/{pad}/{n}.pdf)\n" for n in range(200))
    assert len(text) >= parse_ahead.MIN_CHARS
    return text


@contextlib.contextmanager
def started(text: str) -> Iterator[parse_ahead.Ahead]:
    """A child parsing ``text`` (as ``b.md``), ended whatever the test finds."""
    ahead = parse_ahead.parse_ahead(text, source="b.md", venue=None)
    try:
        yield ahead
    finally:
        ahead.close()


def _until(path: Path) -> bool:
    """Whether ``path`` exists within 60 s (another process makes it)."""
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return path.exists()


@pytest.mark.usefixtures("parse_every_list_ahead")
@pytest.mark.parametrize("path", LISTS[::4] or [pytest.param(None, marks=pytest.mark.skip)])
def test_the_child_parses_as_this_process_does(path: Path) -> None:
    _same_as_here(path)


def _same_as_here(path: Path) -> None:
    """A child is started for ``path`` and its answer is what ``parse_list`` gives here."""
    text = path.read_text(encoding="utf-8")
    ahead = parse_ahead.parse_ahead(text, source=path.name, venue=None)
    assert ahead.started
    assert ahead.result() == parse_list(text, source=path.name)


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_a_venue_given_reaches_the_child() -> None:
    text = "# Lists\n\n- [A Paper About Caches](https://example.org/a.pdf)\n"
    got = parse_ahead.parse_ahead(text, source="a.md", venue="OSDI 2024").result()
    assert [(p.title, p.venue, p.year) for p in got.papers] == [
        ("A Paper About Caches", "OSDI 2024", 2024)
    ]


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_a_list_error_in_the_child_is_the_same_error() -> None:
    text = "just prose, no paper at all\n"
    with pytest.raises(ListError) as here:
        parse_list(text, source="p.md")
    ahead = parse_ahead.parse_ahead(text, source="p.md", venue=None)
    assert ahead.started
    with pytest.raises(ListError) as there:
        ahead.result()
    assert str(there.value) == str(here.value)


def _dies_in_the_child(parent: int, how: str) -> object:
    real = parse_ahead._parse

    def parse(text: str, source: str, venue: str | None, *more: object) -> object:
        if os.getpid() != parent:
            if how == "killed":
                os._exit(9)  # no answer at all
            raise MemoryError("the child ran out")
        return real(text, source, venue, *more)  # type: ignore[arg-type]

    return parse


@pytest.mark.usefixtures("parse_every_list_ahead")
@pytest.mark.parametrize("how", ["killed", "raised"])
def test_a_failed_child_leaves_the_parse_to_this_process(
    monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.setattr(parse_ahead, "_parse", _dies_in_the_child(os.getpid(), how))
    _same_as_here(LISTS[0] if LISTS else pytest.skip("no corpus"))


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_the_answer_comes_in_parts_and_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The child sends its papers a part at a time; this process takes every part in turn."""
    monkeypatch.setattr(markdown_list, "PART", 7)  # the forked child sees it too
    parts: list[int] = []
    real = flat_parse.unflat_rows

    def counted(rows: list[tuple[object, ...]]) -> list[Paper]:
        parts.append(len(rows))
        return real(rows)

    monkeypatch.setattr(parse_ahead, "unflat_rows", counted)
    text = big_text()
    with started(text) as ahead:
        assert ahead.result() == parse_list(text, source="b.md")
    assert parts == [7] * 28 + [4]  # 200 papers


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_a_child_that_dies_between_two_parts_leaves_the_parse_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(markdown_list, "PART", 50)
    parent, real = os.getpid(), flat_parse.flat_rows
    sent: list[int] = []

    def dies(papers: list[Paper]) -> object:
        if os.getpid() != parent and sent:
            os._exit(9)  # one part sent, then nothing
        sent.append(len(papers))
        return real(papers)

    monkeypatch.setattr(parse_ahead, "flat_rows", dies)
    text = big_text()
    with started(text) as ahead:
        assert ahead.started
        assert ahead.result() == parse_list(text, source="b.md")


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_a_list_error_after_parts_were_sent_is_the_same_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Papers sent, then the list found unreadable: the parent raises that error, no parse."""
    monkeypatch.setattr(markdown_list, "PART", 50)
    parent = os.getpid()

    def fails(*args: object, **kwargs: object) -> object:
        if os.getpid() != parent:
            raise ListError("b.md: read as unreadable after its papers")
        return read_meta(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(markdown_list, "read_meta", fails)
    with started(big_text()) as ahead:
        with pytest.raises(ListError, match="after its papers"):
            ahead.result()
        assert ahead._proc is None  # reaped


@pytest.mark.usefixtures("parse_every_list_ahead")
def test_the_child_makes_all_its_parts_while_nobody_reads(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A parent busy loading the catalog does not hold the child's parse up on a full pipe."""
    monkeypatch.setattr(markdown_list, "PART", 50)
    done, parent, real = tmp_path / "done", os.getpid(), flat_parse.rest_of

    def rest(parsed: ParsedList) -> tuple[object, ...]:
        if os.getpid() != parent:
            done.touch()  # every part made and handed on
        return real(parsed)

    monkeypatch.setattr(parse_ahead, "rest_of", rest)
    pad = "x" * 2000
    text = "".join(f"- [Paper {n}](https://e.org/{pad}/{n}.pdf)\n" for n in range(800))
    with started(text) as ahead:  # 1.6 MB of parts
        assert _until(done)  # and nothing read yet
        assert ahead.result() == parse_list(text, source="b.md")
