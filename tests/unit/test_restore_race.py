"""``import-state`` reads the decisions it keeps under the same lock as its write.

Another process's ``different`` written between the read and the write was lost: the
restore wrote back the decisions it had read before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from papershelf.domain.models import PaperState, Status
from papershelf.paths import Paths
from papershelf.services.library import Library


def test_a_decision_written_just_before_a_restore_is_kept(
    library: Library, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = (p.id for p in library.papers()[:2])
    elsewhere = Library(paths)  # another process on the same library
    elsewhere.papers()
    store = library._store
    writing = store._writing

    @contextmanager
    def after_the_other_process() -> Iterator[dict[str, PaperState]]:
        """The other process takes the lock first: its write lands before this one."""
        elsewhere.different(first, second)
        with writing() as changed:
            yield changed

    monkeypatch.setattr(store, "_writing", after_the_other_process)
    change = library.replace_states({first: PaperState(status=Status.READ, note="from export")})
    monkeypatch.undo()

    state = Library(paths).state(first)
    assert change.changed
    assert (state.status, state.note) == (Status.READ, "from export")
    assert state.different == (second,)


def test_a_restore_merges_into_the_library_as_one_undoable_change(library: Library) -> None:
    """Papers the export does not name keep their state; the same restore again changes nothing."""
    keep, old, new = (p.id for p in library.papers()[:3])
    library.set_status([keep, old], Status.READING)
    restored = {
        old: PaperState(status=Status.READ, starred=True),
        new: PaperState(note="imported"),
    }
    change = library.replace_states(restored)
    assert change.changed and set(change.paper_ids) == {old, new}
    assert library.state(keep).status is Status.READING
    assert library.state(old) == restored[old]
    assert not library.replace_states(restored).changed
    library.undo()
    assert library.state(old).status is Status.READING
    assert new not in library.states()
