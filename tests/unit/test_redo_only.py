"""``Library.next_redo`` and ``redo(only=...)``: what the app's ``U`` asks about and redoes."""

from __future__ import annotations

from papershelf.domain.models import Status
from papershelf.services.library import Library


def test_next_redo_names_the_change_redo_would_bring_back(library: Library) -> None:
    first, second = (p.id for p in library.catalog.papers[:2])
    assert library.next_redo() is None
    library.set_status([first], Status.READ)
    library.set_starred([second], True)
    library.undo()
    library.undo()
    undone = library.next_redo()
    assert undone is not None and undone.paper_ids == (first,)
    assert library.redo(only=undone.seq + 1) is None  # not that one: nothing redone
    assert library.state(first).status is Status.UNREAD
    redone = library.redo(only=undone.seq)
    assert redone is not None and library.state(first).status is Status.READ
    following = library.next_redo()
    assert following is not None and following.paper_ids == (second,)
