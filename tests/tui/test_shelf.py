"""The main screen's view model, without Textual: filters, search narrowing, counts, sorting."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.filtering import SearchIndex, SortKey
from papershelf.domain.models import Paper, PaperState, Status
from papershelf.domain.state_ops import with_star, with_status
from papershelf.tui.key_hints import key_named
from papershelf.tui.live_shelf import LiveShelf
from papershelf.tui.nav_model import series_of
from papershelf.tui.shelf import ALL, NEW, Counts, NavKey, Shelf, View, topic_prefixes

DEFAULT_KEY = partial(key_named, {})
"""Names the keys of their bindings as bound by default (no ``[keys]``)."""


def papers() -> list[Paper]:
    return [
        Paper(id="a", title="Alpha pipelines", venue="V 2024", topics=("Sys > Storage",)),
        Paper(id="b", title="Beta", venue="V 2024", topics=("Sys > Net", "ML")),
        Paper(id="c", title="Gamma pipes", venue="W 2025", authors=("Ada Pipe",)),
        Paper(id="d", title="Delta", venue="W 2025", withdrawn=True),
    ]


def test_the_model_does_not_need_textual() -> None:
    assert "papershelf.tui.shelf" in sys.modules
    import papershelf.tui.shelf as module

    assert "textual" not in " ".join(name for name in vars(module) if not name.startswith("__"))


def test_scopes_and_status_keys_combine() -> None:
    shelf = Shelf(papers(), {"a": PaperState(status=Status.READ, starred=True)})

    def ids(view: View) -> list[str]:
        return [p.id for p in shelf.view(view)]

    assert ids(View()) == ["a", "b", "c"]
    venue = View(scope=NavKey("venue", "V 2024"))
    assert ids(venue) == ["a", "b"]
    unread = replace(venue, statuses=frozenset({Status.UNREAD}))
    assert ids(unread) == ["b"]
    assert unread.describe() == "venue: V 2024 · status: unread"
    assert ids(View(scope=NavKey("topic", "V 2024", "Sys"))) == ["a", "b"]
    assert ids(View(scope=NavKey("topic", "V 2024", "Sys > Net"))) == ["b"]
    assert ids(View(scope=NavKey("starred"))) == ["a"]
    assert ids(View(scope=NavKey("withdrawn"))) == ["d"]
    assert ids(View(scope=NavKey("status", "read"))) == ["a"]


def _spy_search(
    monkeypatch: pytest.MonkeyPatch,
) -> list[tuple[str, Iterable[int] | None, list[int]]]:
    """Every ``SearchIndex.search`` call: (query, within, result)."""
    calls: list[tuple[str, Iterable[int] | None, list[int]]] = []
    original = SearchIndex.search

    def spy(
        self: SearchIndex,
        query: str,
        within: Sequence[int] | None = None,
        among: Sequence[int] | None = None,
    ) -> list[int]:
        hits = original(self, query, within, among)
        calls.append((query, within, hits))
        return hits

    monkeypatch.setattr(SearchIndex, "search", spy)
    return calls


def test_search_narrows_from_the_previous_hits(monkeypatch: pytest.MonkeyPatch) -> None:
    shelf = Shelf(papers(), {})
    calls = _spy_search(monkeypatch)
    assert [p.id for p in shelf.view(View(query="pip"))] == ["a", "c"]
    [(_, within, first_hits)] = calls
    assert within is not None and list(within) == [
        0,
        1,
        2,
    ]  # the view's papers (the withdrawn one is not)
    assert [p.id for p in shelf.view(View(query="pipe"))] == ["a", "c"]
    assert list(calls[-1][1] or ()) == first_hits  # narrowed from the hits of "pip", no full scan
    assert [p.id for p in shelf.view(View(query="pipel"))] == ["a"]
    shelf.view(View(query="x"))  # not an extension of an earlier query: a fresh scan
    assert list(calls[-1][1] or ()) == [0, 1, 2]


def test_a_note_change_is_searchable_at_once() -> None:
    shelf = Shelf(papers(), {})
    assert shelf.view(View(query="zebra")) == []
    shelf.update(["b"], lambda s: replace(s, note="zebra idea"))
    assert [p.id for p in shelf.view(View(query="zebra"))] == ["b"]


def test_counts_move_incrementally() -> None:
    shelf = Shelf(papers(), {})
    assert shelf.counts.of(ALL) == (0, 3)
    assert shelf.counts.of(NavKey("withdrawn")) == (0, 1)
    touched = shelf.update(["a", "b"], lambda s: with_status(s, Status.READ, "2025-01-01"))
    assert shelf.counts.of(ALL) == (2, 3)
    assert shelf.counts.of(NavKey("topic", "V 2024", "Sys")) == (2, 2)
    assert shelf.counts.of(NavKey("status", "read")) == (2, 2)
    assert shelf.counts.of(NavKey("status", "unread")) == (0, 1)
    assert NavKey("venue", "V 2024") in touched and NavKey("venue", "W 2025") not in touched
    shelf.update(["a"], lambda s: with_star(s, True))
    assert shelf.counts.of(NavKey("starred")) == (1, 1)


statuses = st.sampled_from(list(Status))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("abcd"), statuses, st.booleans()), max_size=30),
    st.frozensets(st.sampled_from("abcdz")),
)
def test_incremental_counts_equal_a_recount(
    changes: list[tuple[str, Status, bool]], new_ids: frozenset[str]
) -> None:
    shelf = Shelf(papers(), {}, new_ids=new_ids)
    for paper_id, status, starred in changes:

        def change(state: PaperState, to: Status = status, star: bool = starred) -> PaperState:
            return with_star(with_status(state, to, "t"), star)

        shelf.update([paper_id], change)
    fresh = Counts.build(shelf.papers, shelf.states, new_ids)
    # The New node counts the new papers (not withdrawn) still waiting for a status.
    waiting = {p.id for p in shelf.view(View(scope=NEW))}
    assert shelf.counts.of(NEW) == (0, len(waiting))
    assert +shelf.counts.total == +fresh.total
    assert +shelf.counts.read == +fresh.read


def test_sorts() -> None:
    states = {"c": PaperState(status=Status.READING)}
    shelf = Shelf(papers(), states)
    by_title = View(sort=SortKey.TITLE)
    assert [p.id for p in shelf.view(by_title)] == ["a", "b", "c"]
    by_status = by_title.next_sort()
    assert by_status.sort is SortKey.STATUS
    assert shelf.view(by_status)[0].id == "c"
    by_venue = View(scope=NavKey("venue", "W 2025"), sort=SortKey.VENUE)
    assert [p.id for p in shelf.view(by_venue)] == ["c"]


def test_replace_states_recounts_and_reindexes_notes() -> None:
    shelf = Shelf(papers(), {"a": PaperState(note="old words")})
    assert [p.id for p in shelf.view(View(query="old"))] == ["a"]
    shelf.replace_states({"c": PaperState(note="new words", status=Status.READ)})
    assert shelf.view(View(query="old")) == []
    assert [p.id for p in shelf.view(View(query="new"))] == ["c"]
    assert shelf.counts.of(ALL) == (1, 3)


def test_labels() -> None:
    assert NavKey("topic", "V 2024", "Sys > Net").label == "V 2024 / Net"
    assert NavKey("status", "to-read").label == "To read"
    assert ALL.label == "All papers"


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from("abcd"), st.tuples(statuses, st.booleans())))
def test_grouped_counts_equal_counting_paper_by_paper(
    marks: dict[str, tuple[Status, bool]],
) -> None:
    states = {pid: PaperState(status=status, starred=star) for pid, (status, star) in marks.items()}
    counts = Counts.build(papers(), states)
    by_hand: Counter[NavKey] = Counter()
    read: Counter[NavKey] = Counter()
    for paper in papers():
        state = states.get(paper.id, PaperState())
        keys = [NavKey("withdrawn")]
        if not paper.withdrawn:
            keys = [ALL, NavKey("status", state.status.value), NavKey("venue", paper.venue)]
            keys += [NavKey("series", series_of(paper.venue))] if paper.venue else []
            keys += [
                NavKey("topic", paper.venue, prefix)
                for prefix in dict.fromkeys(p for t in paper.topics for p in topic_prefixes(t))
            ]
            keys += [NavKey("starred")] if state.starred else []
        by_hand.update(keys)
        if state.status is Status.READ:
            read.update(keys)
    assert +counts.total == by_hand
    assert +counts.read == read


def test_replace_states_moves_only_what_changed() -> None:
    shelf = Shelf(papers(), {"a": PaperState(status=Status.READ)})
    touched = shelf.replace_states(
        {"a": PaperState(status=Status.READ), "c": PaperState(status=Status.TO_READ)}
    )
    assert NavKey("venue", "W 2025") in touched and NavKey("venue", "V 2024") not in touched
    fresh = Counts.build(shelf.papers, shelf.states)
    assert +shelf.counts.total == +fresh.total and +shelf.counts.read == +fresh.read
    assert shelf.replace_states(dict(shelf.states)) == set()


def test_backspace_goes_back_to_earlier_hits_without_a_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shelf = Shelf(papers(), {})
    for query in ("p", "pi", "pip", "pipe"):
        shelf.view(View(query=query))
    calls = _spy_search(monkeypatch)
    assert [p.id for p in shelf.view(View(query="pip"))] == ["a", "c"]
    assert [p.id for p in shelf.view(View(query="pi"))] == ["a", "c"]
    assert calls == []
    shelf.update(["b"], lambda s: replace(s, note="pip organ"))  # the text changed: rescan
    assert [p.id for p in shelf.view(View(query="pi"))] == ["a", "b", "c"]
    assert [query for query, _, _ in calls] == ["pi"]


def test_an_empty_view_says_why() -> None:
    assert "import a list" in View().why_empty(True, DEFAULT_KEY)
    assert "“zebra”" in View(query="zebra").why_empty(False, DEFAULT_KEY)
    assert "status read" in View(scope=NavKey("status", "read")).why_empty(False, DEFAULT_KEY)
    venue_read = View(scope=NavKey("venue", "V 2024"), statuses=frozenset({Status.READ}))
    assert "status read" in venue_read.why_empty(False, DEFAULT_KEY)
    assert "s stars" in View(scope=NavKey("starred")).why_empty(False, DEFAULT_KEY)
    remapped = partial(key_named, {"toggle-star": "asterisk", "clear": "ctrl+g"})
    assert "* stars" in View(scope=NavKey("starred")).why_empty(False, remapped)
    assert "ctrl+g clears the search" in View(query="zebra").why_empty(False, remapped)


def test_a_topic_of_withdrawn_papers_only_is_not_in_the_tree() -> None:
    gone = Paper(id="e", title="Gone", venue="W 2025", topics=("Retracted",), withdrawn=True)
    shelf = Shelf([*papers(), gone], {})
    topics = dict(shelf.outline.venues)["W 2025"]
    assert "Retracted" not in topics
    assert dict(shelf.outline.venues)["V 2024"] == ("Sys", "Sys > Storage", "Sys > Net", "ML")


def test_papers_of_no_venue_have_a_named_node() -> None:
    assert NavKey("venue", "").label == "Unknown venue"
    assert NavKey("topic", "", "A > B").label == "Unknown venue / B"


def test_the_new_node_shows_what_the_last_import_added_until_it_is_triaged() -> None:
    shelf = Shelf(papers(), {"c": PaperState(status=Status.READ)}, new_ids=frozenset("bcd"))
    # c is read already and d withdrawn: only b waits.
    assert [p.id for p in shelf.view(View(scope=NEW))] == ["b"]
    assert shelf.counts.of(NEW) == (0, 1)
    touched = shelf.update(["b"], lambda s: with_status(s, Status.TO_READ, "t"))
    assert NEW in touched and shelf.counts.of(NEW) == (0, 0)
    assert shelf.view(View(scope=NEW)) == []
    assert "Nothing new" in View(scope=NEW).why_empty(False, DEFAULT_KEY)
    shelf.update(["b"], lambda s: with_status(s, Status.UNREAD, "t"))  # an undo brings it back
    assert shelf.counts.of(NEW) == (0, 1)
    assert [p.id for p in shelf.view(View(scope=NEW, query="beta"))] == ["b"]
    assert shelf.view(View(scope=NEW, query="alpha")) == []  # a is not new
    # A status key in the New node looks at the new papers with that status.
    read = View(scope=NEW, statuses=frozenset({Status.READ}))
    assert [p.id for p in shelf.view(read)] == ["c"]
    assert Shelf(papers(), {}).counts.of(NEW) == (0, 0)
    assert View.from_json({"scope": ["new", "", ""]}).scope == NEW
    assert NEW.label == "New"
    assert View(scope=NEW).describe() == "new from the last import · status: unread"


def test_the_title_counts_as_every_command_counts() -> None:
    live = LiveShelf()
    live.shelf = Shelf(papers(), {"a": PaperState(status=Status.READ)})
    assert live.summary() == "3 papers (+1 withdrawn) · 1 read"


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from("abcdz"),  # z: a state whose paper is not in the catalog
        st.builds(PaperState, status=statuses, starred=st.booleans()),
        max_size=5,
    )
)
def test_counts_by_state_equal_counts_by_paper_and_the_quick_all_figures(
    states: dict[str, PaperState],
) -> None:
    shelf = Shelf(papers(), states)
    quick = shelf.all_figures()  # before any node is counted
    assert not shelf.counted
    by_paper = Counts.build(shelf.papers, states)
    assert +shelf.counts.total == +by_paper.total and +shelf.counts.read == +by_paper.read
    assert quick == shelf.all_figures() == by_paper.of(ALL)


def test_typing_filters_the_papers_once_per_view(monkeypatch: pytest.MonkeyPatch) -> None:
    """A keystroke searches the view's papers; it does not filter every paper again."""
    import papershelf.tui.shelf as module
    from papershelf.domain.filtering import filter_positions as original

    filtered: list[int] = []

    def spy(*args: object) -> list[int]:
        filtered.append(1)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "filter_positions", spy)
    shelf = Shelf(papers(), {})
    for query in ["p", "pi", "pip", "pi", "p", ""]:
        shelf.view(View(query=query))
    assert len(filtered) == 1
    shelf.update(["a"], lambda s: with_status(s, Status.READ, "t"))  # ALL ignores statuses
    shelf.view(View(query="p"))
    assert len(filtered) == 1
    unread = View(statuses=frozenset({Status.UNREAD}))
    assert [p.id for p in shelf.view(unread)] == ["b", "c"]
    shelf.update(["b"], lambda s: with_status(s, Status.READ, "t"))
    assert [p.id for p in shelf.view(replace(unread, query="p"))] == ["c"]
    assert len(filtered) == 3


def test_counts_keep_one_key_object_per_node() -> None:
    """Papers of many places share their venue's and topics' node keys (memory, collector)."""
    many = [
        Paper(id=f"p{i}", title="T", venue="V 2024", topics=(f"Sys > T{i % 3}", "ML"))
        for i in range(30)
    ]
    counts = Counts.build(many, {})
    keys = [key for nodes in counts._keys.values() for key in nodes]
    assert len({id(key) for key in keys}) == len(set(keys))


def _with_also() -> list[Paper]:
    """``papers()`` and one paper two lists give under three venues between them."""
    also = ("Long W Name 2025", "V 2024")
    return [*papers(), Paper(id="e", title="Epsilon", venue="W 2025", also_venues=also)]


def test_a_paper_counts_in_every_venue_that_shows_it() -> None:
    shelf = Shelf(_with_also(), {"e": PaperState(status=Status.READ)})
    for key in [NavKey("venue", v) for v in ("V 2024", "W 2025", "Long W Name 2025")] + [
        NavKey("series", s) for s in ("V", "W", "Long W Name")
    ]:
        shown = shelf.view(View(scope=key))
        read = sum(shelf.states.get(p.id, PaperState()).status is Status.READ for p in shown)
        assert shelf.counts.of(key) == (read, len(shown)), key
    assert shelf.counts.of(NavKey("venue", "Long W Name 2025")) == (1, 1)
    assert shelf.counts.of(ALL) == (1, 4)  # once in all papers
    shelf.update(["e"], lambda s: with_status(s, Status.UNREAD, "t"))
    assert shelf.counts.of(NavKey("venue", "Long W Name 2025")) == (0, 1)
    fresh = Counts.build(shelf.papers, shelf.states)
    assert (+shelf.counts.total, +shelf.counts.read) == (+fresh.total, +fresh.read)


def test_counts_made_apart_are_taken_unless_a_state_changed_since() -> None:
    """The tree is counted on a thread from a copy of the states (``count_apart``)."""
    fresh = Shelf(papers(), {})
    outline, counts = fresh.count_apart()()
    fresh.adopt_counts(outline, counts)
    assert fresh.counts is counts and fresh.outline is outline
    assert fresh.counts.of(ALL) == Counts.build(papers(), {}).of(ALL)

    changed = Shelf(papers(), {})
    count = changed.count_apart()  # the copy is taken here, on the UI thread
    changed.update(["a"], lambda s: replace(s, status=Status.READ))  # counts here, first
    outline, stale = count()  # finished on its thread after the change
    changed.adopt_counts(outline, stale)
    assert changed.counts is not stale
    assert changed.counts.of(ALL) == (1, 3) and stale.of(ALL) == (0, 3)
