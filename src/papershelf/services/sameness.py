"""The reader's word on which ids are one paper: ``same`` and ``different``.

Import matching (``catalog.merge``) decides most cases; the reader corrects the rest. A
decision is the reader's data, kept in the library beside statuses and notes, so it
survives re-imports and ``forget`` and is undone like any change. It is applied each time
the catalog is built: ``different`` splits a list's record out of the paper it was matched
to, ``same`` folds one paper into the older one, whose id then answers for both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from papershelf.domain.combine import combine
from papershelf.domain.grouping import respell
from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status, StatusChange
from papershelf.errors import UsageError
from papershelf.storage.catalog_rows import Catalog

Pair = frozenset[str]
_PROGRESS = {status: n for n, status in enumerate(Status)}
"""Two changes in the same second: the further one wins (as in ``merge_rules``)."""


def different_pairs(states: Mapping[str, PaperState]) -> set[Pair]:
    """Every pair of ids the reader said are two papers."""
    return {frozenset((pid, other)) for pid, s in states.items() for other in s.different}


def same_aliases(states: Mapping[str, PaperState]) -> dict[str, str]:
    """Alias id -> the id that answers for it (chains followed, cycles cut)."""
    direct = {other: pid for pid, s in states.items() for other in s.same if other != pid}
    out: dict[str, str] = {}
    for alias in direct:
        seen = {alias}
        target = direct[alias]
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        out[alias] = target
    return out


def apply_decisions(catalog: Catalog, states: Mapping[str, PaperState]) -> Catalog:
    """The catalog with the reader's decisions applied (the same object when there are none)."""
    different = different_pairs(states)
    aliases = same_aliases(states)
    if not different and not aliases:
        return catalog
    records = {pid: list(catalog.records_of(pid)) for pid in catalog.by_id}
    members = {name: list(ids) for name, ids in catalog.members.items()}
    # different: a list's record matched to a paper the reader says it is not gets its own id.
    for (name, kept), own in catalog.own_ids.items():
        if frozenset((kept, own)) in different and kept in records:
            moved = [(n, r) for n, r in records[kept] if n == name]
            records[kept] = [(n, r) for n, r in records[kept] if n != name]
            records.setdefault(own, []).extend(moved)
            members[name] = [own if pid == kept else pid for pid in members[name]]
    # same: fold the alias into the paper that answers for it, unless said different too.
    # When no list holds that paper any more, the alias's records go under its id: the id
    # that holds the reader's state stays the one shown.
    folded: dict[str, str] = {}
    for alias, target in aliases.items():
        if alias not in records or frozenset((alias, target)) in different:
            continue
        records.setdefault(target, []).extend(records.pop(alias))
        folded[alias] = target
    if folded:
        for name, ids in members.items():
            members[name] = list(dict.fromkeys(folded.get(pid, pid) for pid in ids))
    by_id: dict[str, Paper] = {}
    shared: dict[str, list[tuple[str, Paper]]] = {}
    for pid, recs in records.items():
        if not recs:
            continue
        by_id[pid] = combine(pid, [r for _, r in recs], [name for name, _ in recs])
        if len(recs) > 1:
            shared[pid] = recs
    papers = list(by_id.values())
    if catalog.spellings is not None:  # combined again from the lists' own spellings
        papers = respell(papers, catalog.spellings)
        by_id = {p.id: p for p in papers}
    return Catalog(
        papers=papers,
        by_id=by_id,
        venues=catalog.venues,
        members=members,
        problems=catalog.problems,
        shared=shared,
        own_ids=catalog.own_ids,
        aliases={a: t for a, t in aliases.items() if t in by_id and a not in by_id},
        spellings=catalog.spellings,
    )


def joined(keep: PaperState, other: PaperState, other_id: str) -> PaperState:
    """The state of two ids that became one paper.

    The later status wins, notes are joined, stars and tags united, decisions kept.
    """
    later = max((keep, other), key=lambda s: (s.status_changed or "", _PROGRESS[s.status]))
    history = tuple(sorted(set(keep.history) | set(other.history), key=lambda c: c.at))
    note = keep.note
    if other.note and other.note not in note:
        note = f"{note.rstrip()}\n\n{other.note}" if note else other.note
    tags = dict.fromkeys(keep.tags)
    for tag in other.tags:
        if tag.casefold() not in {t.casefold() for t in tags}:
            tags[tag] = None
    firsts = [t for t in (keep.first_triaged, other.first_triaged) if t]
    changed = [t for t in (keep.note_changed, other.note_changed) if t]
    return replace(
        keep,
        status=later.status,
        starred=keep.starred or other.starred,
        note=note,
        first_triaged=min(firsts) if firsts else None,
        history=_history(history),
        note_changed=max(changed) if changed else None,
        tags=tuple(tags),
        same=tuple(dict.fromkeys((*keep.same, other_id, *other.same))),
        different=tuple(dict.fromkeys((*keep.different, *other.different))),
    )


def _history(changes: tuple[StatusChange, ...]) -> tuple[StatusChange, ...]:
    return tuple(dict.fromkeys(changes))


def same_update(keep: str, other: str) -> tuple[list[str], Callable[[str, PaperState], PaperState]]:
    """The ids and the state function of ``same``: ``other`` folds into ``keep`` (one step)."""
    taken: dict[str, PaperState] = {}

    def fold(pid: str, state: PaperState) -> PaperState:
        if pid == other:
            taken[other] = state
            return DEFAULT_STATE
        folded = joined(state, taken.get(other, DEFAULT_STATE), other)
        return replace(folded, different=tuple(d for d in folded.different if d != other))

    return [other, keep], fold


def different_update(a: str, b: str) -> tuple[list[str], Callable[[str, PaperState], PaperState]]:
    """The ids and the state function of ``different``.

    Recorded on ``a``, unless ``b`` records it already (``different B A`` said before: no
    second, empty change to undo); any ``same`` decision between the two is taken back.
    ``b`` comes first so that its state is seen before ``a``'s.
    """
    seen: dict[str, PaperState] = {}

    def split(pid: str, state: PaperState) -> PaperState:
        other = b if pid == a else a
        seen[pid] = state
        same = tuple(s for s in state.same if s != other)
        different = state.different
        recorded = b in different or a in seen.get(b, DEFAULT_STATE).different
        if pid == a and not recorded:
            different = (*different, b)
        return replace(state, same=same, different=different)

    return [b, a], split


def decision_key(states: Mapping[str, PaperState]) -> tuple[tuple[str, ...], ...]:
    """What the decisions are, to tell when the catalog must be rebuilt."""
    return tuple(
        (pid, *s.same, "/", *s.different) for pid, s in states.items() if s.same or s.different
    )


def older_first(catalog: Catalog, a: str, b: str) -> tuple[str, str]:
    """``(older, newer)``: the id the catalog showed first survives a ``same``."""
    if a == b:
        raise UsageError(f"{a} and {b} are already one paper")
    order = {pid: n for n, pid in enumerate(catalog.by_id)}
    return (a, b) if order.get(a, 0) <= order.get(b, 0) else (b, a)


def record_id(catalog: Catalog, text: str) -> str | None:
    """The id a list gives an entry on its own, when import matching gave it another.

    ``show`` prints it beside the list: what ``different`` takes to split a wrong match.
    """
    text = text.strip()
    return text if text in catalog.own_ids.values() else None
