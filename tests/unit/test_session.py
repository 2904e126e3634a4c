"""The session headless: order, one retry policy, failures, nothing dropped, kept changes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

from papershelf.domain.models import Status
from papershelf.errors import UsageError, WriteError
from papershelf.paths import Paths
from papershelf.services import session as ev
from papershelf.services.commands import Outcome, Redo, SetNote, SetStar, SetStatus, Undo
from papershelf.services.library import Library
from papershelf.services.results import Change
from papershelf.services.session import RetryPolicy, Session, UndoOf

E = TypeVar("E")
WAIT = 20.0  # generous: the suite must hold on a busy machine


class Recorder:
    """Collects a session's events; waits for one that matches."""

    def __init__(self) -> None:
        self.events: list[ev.Event] = []
        self._changed = threading.Condition()

    def __call__(self, event: ev.Event) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()
        if isinstance(event, ev.Loaded):
            session = self.session
            if session is not None:
                session.shown.set()

    session: Session | None = None

    def wait(self, predicate: Callable[[list[ev.Event]], object], what: str) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: predicate(self.events), timeout=WAIT):
                raise AssertionError(f"timed out waiting for {what}: {self.events!r}")

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]


@contextmanager
def running(library: Library, **kwargs: object) -> Iterator[tuple[Session, Recorder]]:
    recorder = Recorder()
    session = Session(library, recorder, poll_seconds=0.05, **kwargs)  # type: ignore[arg-type]
    recorder.session = session
    thread = threading.Thread(target=session.run, daemon=True)
    thread.start()
    try:
        recorder.wait(lambda events: any(whole(e) for e in events), "the load")
        yield session, recorder
    finally:
        session.stop()
        thread.join(timeout=WAIT)
        assert not thread.is_alive()


def whole(event: ev.Event) -> bool:
    """The whole catalog loaded (not the first lists a start may send before it)."""
    return isinstance(event, ev.Loaded) and event.partial is None


def status_writes_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every status change fails as on a read-only file system, until the test ends."""

    def broken(self: Library, ids: Iterable[str], status: Status) -> Change:
        raise WriteError("library.json: read-only file system")

    monkeypatch.setattr(Library, "set_status", broken)


def applied(recorder: Recorder, seq: int) -> Callable[[list[ev.Event]], bool]:
    return lambda events: any(isinstance(e, ev.Applied) and e.ticket.seq == seq for e in events)


def test_commands_run_in_submission_order_and_undo_follows_them(library: Library) -> None:
    ids = [p.id for p in library.papers()[:3]]
    with running(library, build_index=False) as (session, recorder):
        for pid in ids:
            session.submit(SetStatus((pid,), Status.READ))
        last = session.submit(Undo())
        recorder.wait(applied(recorder, last.seq), "the undo")
    assert [library.state(i).status for i in ids] == [Status.READ, Status.READ, Status.UNREAD]
    order = [e.ticket.seq for e in recorder.of(ev.Applied)]
    assert order == sorted(order) and len(order) == 4


def test_a_failing_change_is_retried_reported_once_kept_and_never_dropped(
    library: Library, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Library.set_status
    disk_back = threading.Event()
    attempts: list[int] = []

    def flaky(self: Library, ids: Iterable[str], status: Status) -> Change:
        attempts.append(1)
        if not disk_back.is_set():
            raise WriteError("library.json: disk full")
        return real(self, ids, status)

    monkeypatch.setattr(Library, "set_status", flaky)
    pid = library.papers()[0].id
    with running(library, retry=RetryPolicy((0.01,)), build_index=False) as (session, recorder):
        ticket = session.submit(SetStatus((pid,), Status.READ))
        recorder.wait(lambda _: len(attempts) >= 4, "several attempts")
        failures = recorder.of(ev.Failed)
        assert all(isinstance(f, ev.Failed) and f.retrying for f in failures)
        assert [f.first for f in failures if isinstance(f, ev.Failed)].count(True) == 1
        assert paths.pending.exists()  # kept on disk while failing
        assert [t.seq for t in session.unwritten()] == [ticket.seq]
        disk_back.set()
        recorder.wait(lambda events: any(isinstance(e, ev.Recovered) for e in events), "recovery")
    assert library.state(pid).status is Status.READ
    assert not paths.pending.exists()  # written now: nothing left to replay


def test_a_failing_command_that_is_not_the_users_change_fails_once(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Library, *, only: int | None = None) -> Change | None:
        raise UsageError("no undo today")

    monkeypatch.setattr(Library, "undo", broken)
    with running(library, retry=RetryPolicy((0.01,)), build_index=False) as (session, recorder):
        ticket = session.submit(Undo())
        recorder.wait(lambda events: bool(recorder.of(ev.Failed)), "the failure")
        [failed] = recorder.of(ev.Failed)
        assert isinstance(failed, ev.Failed) and failed.ticket == ticket
        assert not failed.retrying and failed.error == "no undo today"
        assert session.idle  # not queued again


def test_undo_of_takes_back_only_its_own_change(library: Library) -> None:
    first, second = (p.id for p in library.papers()[:2])
    with running(library, build_index=False) as (session, recorder):
        mine = session.submit(SetStatus((first,), Status.READ))
        session.submit(SetStar((second,), True))  # someone else's change, after mine
        undo = session.submit(UndoOf(ticket=mine.seq))
        recorder.wait(applied(recorder, undo.seq), "the undo")
        [done] = [e for e in recorder.of(ev.Applied) if e.ticket == undo]
        assert isinstance(done, ev.Applied) and done.outcome.change is None
        assert done.states is not None  # the screen gets the library's truth back
    assert library.state(first).status is Status.READ  # not undone: a change came after it
    assert library.state(second).starred
    with running(library, build_index=False) as (session, recorder):
        mine = session.submit(SetStatus((second,), Status.TO_READ))
        undo = session.submit(UndoOf(ticket=mine.seq))
        recorder.wait(applied(recorder, undo.seq), "the undo")
    assert library.state(second).status is Status.UNREAD


def test_undo_of_a_change_that_changed_nothing_undoes_nothing(library: Library) -> None:
    pid = library.papers()[0].id
    library.set_status([pid], Status.READ)
    with running(library, build_index=False) as (session, recorder):
        same = session.submit(SetStatus((pid,), Status.READ))  # already read: no record
        undo = session.submit(UndoOf(ticket=same.seq))
        recorder.wait(applied(recorder, undo.seq), "the undo")
    assert library.state(pid).status is Status.READ


def test_changes_kept_by_one_run_are_applied_by_the_next(
    library: Library, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid, other = (p.id for p in library.papers()[:2])

    def broken(self: Library, pid: str, text: str, *, base: str | None = None) -> Change:
        raise WriteError("library.json: read-only")

    with monkeypatch.context() as patch:
        patch.setattr(Library, "set_note", broken)
        with running(library, retry=RetryPolicy((0.01,)), build_index=False) as (s, recorder):
            s.submit(SetStar((pid,), True))
            s.submit(SetNote(other, "written while the disk was away"))
            recorder.wait(lambda _: paths.pending.exists(), "the kept changes")
        # The run ends (a kill keeps the file as it is; a quit writes it once more).
        assert s.keep_unwritten() == paths.pending
    assert library.state(other).note == ""
    fresh = Library(paths, lock_timeout=2.0)
    with running(fresh, build_index=False) as (_session, recorder):
        recorder.wait(lambda events: bool(recorder.of(ev.Restored)), "the replay")
        recorder.wait(lambda _: not paths.pending.exists(), "the replay to finish")
        recorder.wait(lambda events: bool(recorder.of(ev.ChangedElsewhere)), "the new states")
        [restored] = recorder.of(ev.Restored)
        assert isinstance(restored, ev.Restored) and restored.count == 1
    assert fresh.state(other).note == "written while the disk was away"
    assert fresh.state(pid).starred


def test_a_data_folder_that_refuses_keeps_the_changes_elsewhere(
    library: Library, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = library.papers()[0].id
    status_writes_fail(monkeypatch)
    paths.pending.mkdir(parents=True)  # the data folder takes no pending-changes file
    with running(library, retry=RetryPolicy((0.01,)), build_index=False) as (session, recorder):
        session.submit(SetStatus((pid,), Status.READ))
        recorder.wait(lambda _: paths.pending_fallback.exists(), "the fallback copy")
        [first, *_] = recorder.of(ev.Failed)
        assert isinstance(first, ev.Failed) and first.kept_in == paths.pending_fallback


def test_a_damaged_pending_file_is_reported_and_left(library: Library, paths: Paths) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.pending.write_bytes(b"\x00 not json")
    with running(library, build_index=False) as (_session, recorder):
        recorder.wait(lambda events: bool(recorder.of(ev.Restored)), "the report")
        [restored] = recorder.of(ev.Restored)
        assert isinstance(restored, ev.Restored) and restored.count == 0
        assert "unreadable" in restored.problems[0] and str(paths.pending) in restored.problems[0]
    assert paths.pending.read_bytes() == b"\x00 not json"


def test_another_process_change_arrives_as_an_event(library: Library, paths: Paths) -> None:
    pid = library.papers()[0].id
    with running(library, build_index=False) as (_session, recorder):
        Library(paths, lock_timeout=2.0).set_status([pid], Status.READING)
        recorder.wait(lambda events: bool(recorder.of(ev.ChangedElsewhere)), "the poll")
        [changed, *_] = recorder.of(ev.ChangedElsewhere)
        assert isinstance(changed, ev.ChangedElsewhere)
        assert changed.states[pid].status is Status.READING


def test_every_retried_command_survives_a_round_trip_through_the_file() -> None:
    from papershelf.services.commands import command_from_json

    commands = [
        SetStatus(("a", "b"), Status.TO_READ),
        SetStar(("c",), False),
        SetNote("d", "text\nwith lines", base="old"),
        SetNote("e", "no base"),
    ]
    assert [command_from_json(c.to_json()) for c in commands] == commands
    for bad in ({"kind": "status", "ids": "a", "status": "read"}, {"kind": "nope"}, {}):
        with pytest.raises(ValueError):
            command_from_json(bad)


def test_the_outcome_of_redo_names_the_papers(library: Library) -> None:
    pid = library.papers()[0].id
    library.set_status([pid], Status.READ)
    library.undo()
    outcome = Redo().run(library)
    assert isinstance(outcome, Outcome) and outcome.change is not None
    assert outcome.change.paper_ids == (pid,) and outcome.change.changed


def test_a_list_imported_elsewhere_reloads_the_catalog(
    library: Library, paths: Paths, tmp_path: Path
) -> None:
    source = tmp_path / "extra.md"
    source.write_text(
        "# Extra Conf 2026\n\n## Papers\n\n### Sys\n\n* Topic\n"
        "  * A brand new paper \\[[Paper](https://example.org/new)]\n",
        encoding="utf-8",
    )
    with running(library, build_index=False) as (_session, recorder):
        before = len(recorder.of(ev.Loaded))
        Library(paths, lock_timeout=2.0).import_lists([source])  # `papershelf import` elsewhere
        recorder.wait(lambda _: len(recorder.of(ev.Loaded)) > before, "the reload")
        loaded = recorder.of(ev.Loaded)[-1]
        assert any(p.title == "A brand new paper" for p in loaded.papers)


def test_a_kept_change_does_not_overwrite_a_later_change_made_elsewhere(
    library: Library, paths: Paths
) -> None:
    from papershelf.storage import pending_file

    pid, other = (p.id for p in library.papers()[:2])
    kept = {"kind": "status", "ids": [pid, other], "status": "read", "at": "2026-01-01T00:00:00Z"}
    pending_file.save((paths.pending, paths.pending_fallback), [kept])
    library.set_status([pid], Status.READING)  # another process, after the kept change
    fresh = Library(paths, lock_timeout=2.0)
    with running(fresh, build_index=False) as (_session, recorder):
        recorder.wait(lambda events: bool(recorder.of(ev.Restored)), "the replay")
        recorder.wait(lambda _: not paths.pending.exists(), "the replay to finish")
        [restored] = recorder.of(ev.Restored)
        assert isinstance(restored, ev.Restored) and restored.count == 1
        assert pid in restored.problems[0] and "changed elsewhere after it" in restored.problems[0]
    assert fresh.state(pid).status is Status.READING
    assert fresh.state(other).status is Status.READ


def test_kept_changes_carry_the_time_they_were_made(
    library: Library, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    pid = library.papers()[0].id
    status_writes_fail(monkeypatch)
    with running(library, retry=RetryPolicy((0.01,)), build_index=False) as (session, recorder):
        session.submit(SetStatus((pid,), Status.READ))
        recorder.wait(lambda _: paths.pending.exists(), "the kept changes")
    [change] = json.loads(paths.pending.read_bytes())["changes"]
    assert change["kind"] == "status" and change["at"].startswith("20")


def test_the_sessions_own_merge_of_a_conflict_copy_is_its_own_to_undo(
    library: Library, paths: Paths, tmp_path: Path
) -> None:
    import shutil

    from papershelf.services.library_commands import MergeCopies

    first, second = (p.id for p in library.papers()[:2])
    library.set_status([second], Status.READ)  # the library file, before the session
    other_dir = tmp_path / "laptop"
    shutil.copytree(paths.data_dir, other_dir)
    Library(Paths(other_dir)).set_starred([first], True)
    copy = paths.data_dir / "library.sync-conflict-20260101-101010-ABCDEFG.json"
    shutil.copy(other_dir / "library.json", copy)
    with running(library, build_index=False) as (session, recorder):
        merge = session.submit(MergeCopies((copy,)))
        recorder.wait(applied(recorder, merge.seq), "the merge")
        assert library.state(first).starred
        undo = session.submit(Undo(here=True))
        recorder.wait(applied(recorder, undo.seq), "the undo")
    [done] = [e for e in recorder.of(ev.Applied) if e.ticket.seq == undo.seq]
    assert done.outcome.elsewhere is None and done.outcome.change is not None
    assert not library.state(first).starred
