"""A second reader changes how long a list's general reading takes, never what it reads."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from dataclasses import fields, replace
from multiprocessing.connection import Connection
from typing import Any, cast

import pytest

from papershelf.catalog import read_ahead, second_core
from papershelf.catalog.entries import read
from papershelf.catalog.entry_venue import Context
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.second_core import flat_entries
from papershelf.catalog.spans import Span
from papershelf.catalog.venue_text import VenueGuess
from papershelf.errors import ListError
from tests.unit.lists_at_hand import lists_at_hand
from tests.unit.test_catalog_shapes_property import SHAPES, VENUES

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


class Taken(list[read_ahead._Shared]):
    """The second readers made, in order; ``counts``: the readings taken from each."""

    @property
    def counts(self) -> list[int]:
        return [shared.taken for shared in self]


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> Taken:
    """Every list gets a second reader, however short, and its walk waits for the split.

    Where the child starts follows where the walk has come by the time the child is ready
    (``_Board``). A short list's walk could be over by then; waiting here makes the child's
    share of the readings the same on a busy machine as on an idle one.
    """
    monkeypatch.setattr(read_ahead, "MIN_LINES", 0)
    made = Taken()
    init = read_ahead._Shared.__init__

    def kept(self: read_ahead._Shared, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        made.append(self)
        _wait_for_split(self)

    monkeypatch.setattr(read_ahead._Shared, "__init__", kept)
    return made


def _wait_for_split(shared: read_ahead._Shared) -> None:
    """Until the child has said where it starts, or has died without saying."""
    pid = shared._child._pid
    deadline = time.monotonic() + 60  # a guard against a hang only
    while not shared.board.split and _state(pid) not in ("Z", "X", "gone"):
        assert time.monotonic() < deadline, "the child never said where it starts"
        time.sleep(0.001)


def _shape_list(shape: str, n: int) -> str:
    papers = [(f"Study number {i} of shared reading", VENUES[i % 5], 2000 + i) for i in range(n)]
    return "# A reading list\n\n" + SHAPES[shape](papers, 0)


def test_every_list_at_hand_reads_the_same_with_a_second_reader(taken: Taken) -> None:
    files = lists_at_hand()
    assert len(files) > 50  # the corpora sit beside the checkout
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            alone = parse_list(text, source=path.name)
        except ListError as exc:
            with pytest.raises(ListError, match=re.escape(str(exc))):
                parse_list(text, source=path.name, ahead=True)
            continue
        assert parse_list(text, source=path.name, ahead=True) == alone, path.name
    assert len(taken) > 30  # lists read by the general reader, each with a second reader
    asked = sum(shared.asked for shared in taken)
    assert sum(taken.counts) >= 0.9 * asked > 500  # the second readers' readings were used


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_takes_the_second_half_from_the_second_reader(taken: Taken, shape: str) -> None:
    text = _shape_list(shape, 400)
    alone = parse_list(text, source="x.md")
    assert parse_list(text, source="x.md", ahead=True) == alone
    if taken:  # a shape the general reader reads: the second half came from the child
        assert taken.counts[-1] >= 150, taken.counts


def test_a_child_that_dies_leaves_the_whole_reading_here(
    taken: Taken, monkeypatch: pytest.MonkeyPatch
) -> None:
    def dies(*args: object) -> None:
        os._exit(3)

    monkeypatch.setattr(read_ahead, "_child_reading", dies)
    text = _shape_list("table", 300)
    assert parse_list(text, source="x.md", ahead=True) == parse_list(text, source="x.md")
    assert taken.counts == [0]
    monkeypatch.setattr(Connection, "send", dies)  # the child's answer
    text = _shape_list("citations", 300)
    assert parse_list(text, source="x.md", ahead=True) == parse_list(text, source="x.md")
    assert taken.counts == [0, 0]


def test_the_child_starts_past_where_the_walk_has_come_when_it_is_ready() -> None:
    board = read_ahead._Board()
    try:
        assert board.split == 0  # until the child says: every line is read here
        board.cells[0] = 400  # the walk reads line 400 of 1,000
        split = board.start_past(1_000)
        assert split == board.split == 401 + int(600 * read_ahead.SPLIT)
        board.cells[0] = 5_000  # never past the end
        assert board.start_past(1_000) == 1_001
    finally:
        board.close()


def test_a_late_child_takes_only_what_the_walk_has_not_reached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The walk does not wait for a child slow to start; the child then starts late."""
    monkeypatch.setattr(read_ahead, "MIN_LINES", 0)
    text = _shape_list("bold tags", 400)
    lines = text.count("\n")
    start_past = read_ahead._Board.start_past

    def late(board: read_ahead._Board, total: int) -> int:
        deadline = time.monotonic() + 60  # a guard against a hang only
        while board.at < 0.9 * lines and time.monotonic() < deadline:
            time.sleep(0.001)  # in the child: until the walk has read 90% of the list
        return start_past(board, total)

    monkeypatch.setattr(read_ahead._Board, "start_past", late)
    splits: list[int] = []
    made = read_ahead._Shared.made

    def seen(shared: read_ahead._Shared) -> read_ahead.Made:
        splits.append(shared.board.split)
        return made(shared)

    monkeypatch.setattr(read_ahead._Shared, "made", seen)
    assert parse_list(text, source="x.md", ahead=True) == parse_list(text, source="x.md")
    assert all(split > 0.9 * lines for split in splits), (splits, lines)


def test_a_reading_is_taken_only_for_the_same_line_and_equal_arguments() -> None:
    """What the child read with other arguments (its guess of the context) is not used."""
    spans = [Span("Attention Is All You Need", href="https://e.org/a.pdf")]
    ctx, elsewhere = Context(("Models",), plain_ok=True), Context(("Other",), plain_ok=True)
    here, there = read(spans, 7, ctx), read(spans, 7, elsewhere)
    assert here[0] and here != there  # a paper, under two topics

    def made(args: Context, reading: read_ahead.Reading) -> read_ahead.Made:
        flat = (flat_entries(reading[0]), reading[1])
        return {7: [(read_ahead.arguments(spans, args), flat)]}

    board = read_ahead._Board()
    board.cells[1] = 5  # the child's split
    shared = read_ahead._Shared(read, board, cast(second_core.Forked, None))  # its answer: below
    shared._made = made(elsewhere, there)
    assert shared(spans, 7, ctx) == here and shared.taken == 0  # other arguments: read here
    # Marked: the child's reading, where the arguments are equal, is the one given.
    shared._made = made(ctx, there)
    assert shared(spans, 8, ctx)[0][0].line == 8  # another line: read here
    assert shared(spans, 7, ctx) == there and shared.taken == 1
    assert shared(spans, 7, ctx) == here and shared.taken == 1  # each of the child's once
    assert shared(spans, 3, ctx)[0][0].line == 3 and shared.asked == 4  # above the split: not asked


def test_every_field_of_the_spans_and_the_context_is_an_argument() -> None:
    """A field ``arguments`` left out would let a reading stand for another context's."""
    spans = [Span("A Title", href="https://e.org/a.pdf")]
    ctx = Context(("Topic",), VenueGuess("OSDI", 2020), details=[[Span("Line")]])
    other: dict[str, Any] = {
        "topics": ("Other",),
        "section_venue": VenueGuess("SOSP", 2021),
        "plain_ok": True,
        "paper_place": True,
        "details": [[Span("Line", strong=True)]],
        "extra_links": [Span("code", href="https://e.org/c")],
        "extra_venue": VenueGuess("ATC", 2019),
        "extra_year": 2019,
        "extra_authors": ("A. Name",),
        "extra_affiliations": ("Some Lab",),
        "series": "CCS",
        "label": "Papers:",
    }
    assert set(other) == {f.name for f in fields(Context)}  # a new field needs a value here
    before = read_ahead.arguments(spans, ctx)
    for name, value in other.items():
        assert read_ahead.arguments(spans, replace(ctx, **{name: value})) != before, name
    for f in fields(Span):
        changed_value: Any = _another(getattr(spans[0], f.name))
        changed = replace(spans[0], **{f.name: changed_value})
        assert read_ahead.arguments([changed], ctx) != before, f.name


def _another(value: object) -> object:
    if isinstance(value, bool):
        return not value
    return "x" if value is None else f"{value}x"


def test_short_lists_and_processes_that_may_not_fork_read_alone() -> None:
    calls: list[int] = []

    def walk(reader: read_ahead.Reader, start: int) -> None:
        calls.append(start)

    with read_ahead.shared(read, walk, read_ahead.MIN_LINES - 1, allowed=True) as reader:
        assert reader is read
    with read_ahead.shared(read, walk, read_ahead.MIN_LINES * 10, allowed=False) as reader:
        assert reader is read
    assert calls == []


def _state(pid: int) -> str:
    """The process's state letter (``Z`` a zombie); ``gone`` once it has been reaped."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_child_dies_with_the_process_that_forked_it_and_holds_none_of_its_pipes() -> None:
    """A parse process killed (the app's server on exit) leaves no reader of its own behind.

    Its pipe to the app must end with it: a child still holding the write end kept the app
    waiting for the child's whole reading.
    """
    read_end, write_end = os.pipe()
    script = (
        "import os, signal, time\n"
        "from papershelf.catalog.second_core import forked\n"
        "def work():\n"
        "    time.sleep(120)\n"
        "    yield 1\n"
        "with forked(work, allowed=True) as child:\n"
        "    assert child is not None\n"
        "    print(child._pid, flush=True)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, pass_fds=(write_end,), text=True
    )
    os.close(write_end)
    assert proc.stdout is not None
    grandchild = int(proc.stdout.readline())
    proc.wait()
    try:
        watch = select.poll()  # not ``select``: a worker may hold descriptors past 1024
        watch.register(read_end, select.POLLIN)
        ready = watch.poll(60_000)  # a guard against a hang only
        assert ready and os.read(read_end, 1) == b"", "the child still holds the pipe"
        assert proc.stdout.read() == ""  # and its output ended with it
    finally:
        os.close(read_end)
        if _state(grandchild) not in ("Z", "X", "gone"):
            os.kill(grandchild, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while _state(grandchild) not in ("Z", "X", "gone"):  # killed with its parent
        assert time.monotonic() < deadline, "the child outlived the process that forked it"
        time.sleep(0.01)
