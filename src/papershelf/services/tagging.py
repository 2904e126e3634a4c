"""What ``tag`` and ``untag`` do to each paper: the cleaned tags, the label, the state change."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from papershelf.domain import state_ops
from papershelf.domain.models import PaperState
from papershelf.domain.tags import tags_to_write
from papershelf.errors import UsageError

StateChange = Callable[[str, PaperState], PaperState]


def tag_change(tags: Iterable[str], known: Iterable[str], *, add: bool) -> tuple[str, StateChange]:
    """The undo label and per-paper change of adding (or removing) ``tags``.

    Tags are cleaned (``UsageError`` for an empty or overlong one) and spelled as the library
    already spells them (``known``), so ``Survey`` typed first stays ``Survey`` on every paper.
    """
    try:
        wanted = tags_to_write(tags, known)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not wanted:
        raise UsageError("no tag given")
    label = ("tag " if add else "untag ") + ", ".join(wanted)
    if add:
        return label, lambda _id, state: state_ops.with_tags_added(state, wanted)
    return label, lambda _id, state: state_ops.with_tags_removed(state, wanted)
