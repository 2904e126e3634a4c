"""A shelf that narrows, remembers and keeps results between keystrokes shows what a fresh
search and filter over every paper would show, after any sequence of keys and changes."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.filtering import SearchIndex, SortKey, filter_papers, sort_key
from papershelf.domain.models import Paper, PaperState, Status
from papershelf.tui.shelf import ALL, NEW, STARRED, NavKey, Shelf, View

PAPERS = [
    Paper("a", "Sparse attention", "V 2024", authors=("Ana Pérez",), topics=("Sys > KV",)),
    Paper("b", "Straße pipelines", "V 2024", topics=("Sys",)),
    Paper("c", "Café TRAINING at scale", "W 2025", affiliations=("ETH",)),
    Paper("d", "Transformers, withdrawn", "W 2025", withdrawn=True),
    Paper("e", "Train the trainer", "W 2025", authors=("Tr Ans",)),
    Paper("f", "Über sparse transforms", "V 2024", topics=("ML",)),
]
SCOPES = [
    ALL,
    NEW,
    STARRED,
    NavKey("withdrawn"),
    NavKey("venue", "V 2024"),
    NavKey("status", "read"),
    NavKey("topic", "V 2024", "Sys"),
]
ops = st.one_of(
    st.tuples(st.just("type"), st.sampled_from([*"traspeéuüßn ", "ss"])),
    st.tuples(st.just("back"), st.just("")),
    st.tuples(st.just("scope"), st.sampled_from(range(len(SCOPES)))),
    st.tuples(st.just("status"), st.sampled_from("abcdef"), st.sampled_from(list(Status))),
    st.tuples(st.just("star"), st.sampled_from("abcdef")),
    st.tuples(st.just("note"), st.sampled_from("abcdef"), st.sampled_from(["", "transit", "ß"])),
    st.tuples(st.just("keys"), st.sampled_from([frozenset(), frozenset({Status.UNREAD})])),
    st.tuples(st.just("sort"), st.sampled_from(list(SortKey))),
)


def fresh(states: dict[str, PaperState], new_ids: frozenset[str], view: View) -> list[str]:
    """The view worked out from nothing: a full search, then the filter, then the order."""
    index = SearchIndex.build(PAPERS, states)
    found = PAPERS if not view.query.strip() else [PAPERS[i] for i in index.search(view.query)]
    if view.scope.kind == "new":
        found = [p for p in found if p.id in new_ids]
    shown = filter_papers(found, states, view.filter)
    if view.sort is not SortKey.CATALOG:
        shown = sorted(shown, key=sort_key(view.sort, states))
    return [p.id for p in shown]


@settings(max_examples=250, deadline=None)
@given(st.lists(ops, max_size=40), st.frozensets(st.sampled_from("abcdef")))
def test_every_view_equals_a_fresh_search(
    steps: list[tuple[object, ...]], new: frozenset[str]
) -> None:
    shelf = Shelf(PAPERS, {}, new_ids=new)
    view = View()
    for step in steps:
        kind = step[0]
        if kind == "type":
            view = replace(view, query=view.query + str(step[1]))
        elif kind == "back":
            view = replace(view, query=view.query[:-1])
        elif kind == "scope":
            view = replace(view, scope=SCOPES[int(step[1])])  # type: ignore[call-overload]
        elif kind == "status":
            status = step[2]
            shelf.update([str(step[1])], lambda s, to=status: replace(s, status=to))  # type: ignore[misc]
        elif kind == "star":
            shelf.update([str(step[1])], lambda s: replace(s, starred=not s.starred))
        elif kind == "note":
            note = str(step[2])
            shelf.update([str(step[1])], lambda s, text=note: replace(s, note=text))  # type: ignore[misc]
        elif kind == "keys":
            view = replace(view, statuses=step[1])  # type: ignore[arg-type]
        else:
            view = replace(view, sort=step[1])  # type: ignore[arg-type]
        assert [p.id for p in shelf.view(view)] == fresh(shelf.states, new, view), step
