"""Pure changes to a paper's reading state: status, star, note and tags, with timestamps."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from papershelf.domain.models import PaperState, Status, StatusChange
from papershelf.domain.notes import merge_notes
from papershelf.domain.tags import cleaned_tags, tag_key, unique_tags
from papershelf.domain.text import clean_note


def with_status(state: PaperState, status: Status, at: str) -> PaperState:
    """Set the status and record it in the history; the first move out of unread is triage.

    Setting the status a paper already has is a no-op (the same object comes back), so a
    repeated ``mark`` adds no history entry and no undo step.
    """
    if state.status is status:
        return state
    first_triaged = state.first_triaged
    if first_triaged is None and status is not Status.UNREAD:
        first_triaged = at
    return replace(
        state,
        status=status,
        history=(*state.history, StatusChange(status, at)),
        first_triaged=first_triaged,
    )


def with_star(state: PaperState, starred: bool) -> PaperState:
    """Star or unstar; a no-op returns the same object."""
    if state.starred == starred:
        return state
    return replace(state, starred=starred)


def with_note(state: PaperState, text: str, at: str) -> PaperState:
    """Replace the note and stamp the change; the same text is a no-op (no new timestamp)."""
    if state.note == text:
        return state
    return replace(state, note=text, note_changed=at)


def with_merged_note(state: PaperState, text: str, base: str | None, at: str) -> PaperState:
    """``text`` typed over ``base``, with what changed since (``state.note``) merged in.

    What the library stores and what the app shows at once are both this: the app showed
    the typed text alone while the library kept a line appended elsewhere meanwhile.
    """
    text = clean_note(text)
    new = text if base is None else merge_notes(clean_note(base), state.note, text)
    return with_note(state, new, at)


def with_tags_added(state: PaperState, tags: Iterable[str]) -> PaperState:
    """Add the tags the paper lacks (compared without case), after the ones it has.

    Tags are expected clean (``tags.clean_tag``); when the paper has them all already, the
    same object comes back.
    """
    have = {tag_key(t) for t in state.tags}
    new = tuple(t for t in unique_tags(tags) if tag_key(t) not in have)
    if not new:
        return state
    return replace(state, tags=state.tags + new)


def with_tags_removed(state: PaperState, tags: Iterable[str]) -> PaperState:
    """Take the tags off (any case); when the paper has none of them, the same object comes back."""
    drop = {tag_key(t) for t in tags}
    kept = tuple(t for t in state.tags if tag_key(t) not in drop)
    if len(kept) == len(state.tags):
        return state
    return replace(state, tags=kept)


def restored(state: PaperState, now: PaperState | None) -> PaperState:
    """A state read from an export, as a restore writes it: text cleaned, decisions kept.

    An export carries no same/different decisions (they name other papers' ids): the ones
    the library has now stay, where a restore used to erase them.
    """
    kept = now or PaperState()
    return replace(
        state,
        note=clean_note(state.note),
        tags=cleaned_tags(state.tags),
        same=kept.same,
        different=kept.different,
    )


def restoring(given: Mapping[str, PaperState]) -> Callable[[str, PaperState], PaperState]:
    """The state function of a restore: ``restored`` on each paper's state as it is written.

    Given to the state store's one write path, it reads the decisions to keep from the
    state read under the write's lock, not from one read before it.
    """
    return lambda pid, now: restored(given[pid], now)


def tags_changed(
    states: Iterable[PaperState], add: Iterable[str], remove: Iterable[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The tags of ``add`` then ``remove`` that change at least one of ``states``.

    Judged by ``with_tags_added`` and ``with_tags_removed``, the changes the Library writes, so
    a report of "what changed" follows the write's rule (any case) and names no tag for nothing.
    """
    before = list(states)
    added = tuple(
        t for t in unique_tags(add) if any(with_tags_added(s, (t,)) is not s for s in before)
    )
    after = [with_tags_added(s, added) for s in before]
    removed = tuple(
        t for t in unique_tags(remove) if any(with_tags_removed(s, (t,)) is not s for s in after)
    )
    return added, removed
