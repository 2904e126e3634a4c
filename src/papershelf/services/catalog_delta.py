"""What an import or a forget did to the catalog: the ids that joined it and that left it.

Computed from the catalog's ids before and after, never from what a list says, so the
figures stay true however lists are merged into papers (a paper another list still holds
has not left). The papers that leave are remembered by the index ("retired"), so
``orphans``, ``show`` and ``note`` can name them, also when a state comes after they left.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from papershelf.domain.clock import to_second
from papershelf.domain.models import PaperState
from papershelf.errors import WriteError
from papershelf.storage.catalog_store import Addition, Catalog, CatalogStore
from papershelf.storage.list_record import retired_entry

__all__ = ["CatalogDelta", "delta", "settle"]


@dataclass(frozen=True, slots=True)
class CatalogDelta:
    joined: tuple[str, ...] = ()
    """Ids in the catalog after that were not before, in catalog order."""
    left: tuple[str, ...] = ()
    """Ids in the catalog before that are not after, in the old catalog order."""


def delta(before: Catalog, after: Catalog, of_list: str | None = None) -> CatalogDelta:
    """The ids that joined and left; with ``of_list``, only that list's.

    A list's import or forget can only bring in or take out its own papers; what another
    process did to the catalog meanwhile (an import beside the app's) is its own to count.
    """
    old, new = before.by_id, after.by_id
    joined = [pid for pid in new if pid not in old]
    left = [pid for pid in old if pid not in new]
    if of_list is not None:
        mine = set(after.members.get(of_list, ())) | set(before.members.get(of_list, ()))
        joined = [pid for pid in joined if pid in mine]
        left = [pid for pid in left if pid in mine]
    return CatalogDelta(joined=tuple(joined), left=tuple(left))


def _holders(before: Catalog, ids: set[str]) -> dict[str, str]:
    """Id -> the first list that held it in ``before`` (only for ``ids``)."""
    held: dict[str, str] = {}
    for name, members in before.members.items():
        for pid in members:
            if pid in ids:
                held.setdefault(pid, name)
    return held


def settle(
    store: CatalogStore,
    before: Catalog,
    after: Catalog,
    states: Mapping[str, PaperState],
    *,
    name: str | None,
    at: str,
    of_list: str | None = None,
) -> CatalogDelta:
    """Compare the catalogs and record the change in the index (one write, if any).

    ``name`` is the list just imported (its record keeps the ids that joined, for ``new``);
    None for a forget, which names its list as ``of_list``. ``at`` may be ``now_exact``'s:
    the record keeps it beside the second.
    """
    change = delta(before, after, of_list or name)
    # Every paper that leaves, not only those with a state: a note typed in the app and saved
    # after the forget was "(title unknown)". A stateless paper's older entry is kept.
    known = store.retired() if change.left else {}
    left = {pid for pid in change.left if pid in states or pid not in known}
    held = _holders(before, left) if left else {}  # no walk of every list's ids for nothing
    second = to_second(at)
    retire = {pid: retired_entry(before.by_id[pid], held.get(pid, ""), second) for pid in left}
    if change.joined or retire:
        addition = Addition(second, change.joined, exact=at) if change.joined else None
        try:
            store.note_changes(name, addition, retire, unretire=change.joined)
        except WriteError as exc:  # the import or forget itself is done: say so, don't fail it
            store.notices.append(f"what changed in the catalog was not recorded: {exc}")
    return change
