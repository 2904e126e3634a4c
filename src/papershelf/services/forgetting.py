"""``forget``: which list a name means, and what its forgetting did to the catalog."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from papershelf.domain.clock import now_iso
from papershelf.domain.models import Paper, PaperState
from papershelf.errors import UsageError
from papershelf.services import catalog_delta
from papershelf.services.counting import PaperCount, count_ids, count_text
from papershelf.services.known_names import unknown_name
from papershelf.services.results import ListInfo
from papershelf.storage.catalog_store import Catalog, CatalogStore

__all__ = ["ForgetReport", "find_list", "forgot_line", "held_elsewhere", "preview", "settle"]


@dataclass(frozen=True, slots=True)
class ForgetReport:
    """What ``forget`` says: the papers that left the catalog, those other lists keep."""

    info: ListInfo
    """The list as it was."""
    left: PaperCount
    """Papers no longer in the catalog (no other list holds them)."""
    stayed: PaperCount
    """Papers of the list that stay, because another list holds them too."""
    orphaned: int
    """Of those that left, the ones whose state is kept (``papershelf orphans``)."""


class _Named(Protocol):
    @property
    def name(self) -> str: ...


NamedT = TypeVar("NamedT", bound=_Named)


def find_list(
    records: Sequence[NamedT],
    text: str,
    *,
    see: str | None = "papershelf lists",
    exact: bool = False,
) -> NamedT:
    """The list ``text`` names: its name, or a unique start of it, in any case.

    A start a table cut (``a-rather-long-list-na…``) is read without its ``…``.

    Every command that names a list finds it here (``forget``, ``update``, the app's "Forget
    a list…"). ``UsageError`` naming the candidates when several lists start so, or the close
    names when none does (``see``: where the lists are shown, as ``unknown_name`` says it).
    ``exact``: the name itself only (a name the app showed: had that list gone meanwhile, a
    list whose name starts so would be taken in its place).
    """
    wanted = text.strip()
    for record in records:
        if record.name == wanted:
            return record
    if exact:
        raise unknown_name("list", text, [r.name for r in records], see)
    wanted = wanted.removesuffix("…")  # a name ``papershelf lists`` cut: the start it shows
    folded = wanted.casefold()
    same = [r for r in records if r.name.casefold() == folded]
    hits = same or [r for r in records if r.name.casefold().startswith(folded)]
    if len(hits) == 1 and wanted:
        return hits[0]
    if len(hits) > 1 and wanted:
        names = ", ".join(r.name for r in hits[:6]) + (", ..." if len(hits) > 6 else "")
        raise UsageError(f"list name {text!r} is ambiguous: {names}")
    raise unknown_name("list", text, [r.name for r in records], see)


def settle(
    info: ListInfo,
    store: CatalogStore,
    before: Catalog,
    after: Catalog,
    states: Mapping[str, PaperState],
) -> ForgetReport:
    """What forgetting ``info``'s list did (the index remembers the papers that left)."""
    change = catalog_delta.settle(
        store, before, after, states, name=None, at=now_iso(), of_list=info.name
    )
    return ForgetReport(
        info=info,
        left=count_ids(change.left, before.by_id),
        stayed=count_ids(before.members.get(info.name, ()), after.by_id),
        orphaned=sum(pid in states for pid in change.left),
    )


def preview(
    info: ListInfo, papers: Iterable[Paper], states: Mapping[str, PaperState]
) -> ForgetReport:
    """What forgetting ``info``'s list would do to the catalog ``papers``, before it is asked.

    The app asks before it forgets (the command line is told what it did after): a paper
    leaves when no other list holds it, and its state is kept (an orphan) when it has one.
    ``stayed`` splits the papers that stay by today's withdrawn mark: one only this list
    withdraws is no longer withdrawn after, so the forget may count it among the papers.
    """
    mine = [p for p in papers if info.name in p.lists]
    left = {p.id: p for p in mine if len(set(p.lists)) == 1}
    stayed = {p.id: p for p in mine if p.id not in left}
    return ForgetReport(
        info=info,
        left=count_ids(left, left),
        stayed=count_ids(stayed, stayed),
        orphaned=sum(pid in states for pid in left),
    )


def held_elsewhere(count: str, total: int) -> str:
    """``26 papers stay, held by other lists``: the papers of a forgotten list that remain."""
    return f"{count} {'stays' if total == 1 else 'stay'}, held by other lists"


def forgot_line(done: ForgetReport, name: str, orphans_note: str = "") -> str:
    """``forgot x: 26 papers left the catalog; ...``: the command line prints it, the app shows it.

    ``name`` is the list's name made safe to show; ``orphans_note`` follows the kept states
    (the command line points to ``papershelf orphans``).
    """
    line = f"forgot {name}: {done.left} left the catalog"
    if done.stayed.total:
        line += f"; {held_elsewhere(str(done.stayed), done.stayed.total)}"
    if done.orphaned:
        line += f"; the state of {count_text(done.orphaned)} is kept{orphans_note}"
    return line
