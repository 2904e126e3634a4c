"""The kept and narrowed searches answer exactly as a plain scan of every paper's text, and
they scan less: a longer query only the earlier hits, a query seen before nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.filtering import (
    PaperFilter,
    SearchIndex,
    apply_filter,
    narrows,
    query_words,
)
from papershelf.domain.models import Paper, PaperState
from papershelf.tui.shelf import Shelf, View

LETTERS = "traéÉsßn x"
texts = st.text(alphabet=LETTERS, max_size=12)
papers_st = st.lists(st.tuples(texts, texts, st.booleans()), min_size=1, max_size=12).map(
    lambda rows: [
        Paper(f"p{i}", title, "V 2024", authors=(author,), withdrawn=gone)
        for i, (title, author, gone) in enumerate(rows)
    ]
)
ops = st.one_of(
    st.tuples(st.just("type"), st.sampled_from([*LETTERS, "ss"]), st.just(0)),
    st.tuples(st.just("back"), st.just(""), st.just(0)),
    st.tuples(st.just("note"), st.sampled_from(["", "tra", "éss x"]), st.integers(0, 11)),
)


def _with_note(note: str) -> Callable[[PaperState], PaperState]:
    return lambda state: replace(state, note=note)


def plain(papers: list[Paper], notes: dict[str, str], query: str) -> list[int]:
    """Every paper's text scanned for every word, from a fresh index: the reference."""
    states = {pid: PaperState(note=note) for pid, note in notes.items()}
    hay = SearchIndex.build(papers, states).haystacks
    words = query_words(query)
    return [i for i, text in enumerate(hay) if all(w in text for w in words)]


@settings(max_examples=200, deadline=None)
@given(papers_st, st.lists(ops, max_size=30))
def test_kept_and_narrowed_searches_equal_a_plain_scan(
    papers: list[Paper], steps: list[tuple[str, str, int]]
) -> None:
    index = SearchIndex.build(papers, {})
    shelf = Shelf(papers, {})
    notes: dict[str, str] = {}
    query = ""
    for kind, text, which in steps:
        if kind == "type":
            query += text
        elif kind == "back":
            query = query[:-1]
        else:
            paper_id = papers[which % len(papers)].id
            notes[paper_id] = text
            index.update_note(paper_id, text)
            shelf.update([paper_id], _with_note(text))
        expected = plain(papers, notes, query)
        assert index.search(query) == expected
        shown = [i for i in expected if not papers[i].withdrawn]
        assert apply_filter(index, shelf.states, PaperFilter(query=query)) == shown
        assert [p.id for p in shelf.view(View(query=query))] == [papers[i].id for i in shown]


def test_a_longer_query_scans_only_the_earlier_hits_it_is_given() -> None:
    titles = ["train", "trace", "tree", "stream", "other", "transit"]
    papers = [Paper(f"p{i}", t, "V 2024") for i, t in enumerate(titles)]
    index = SearchIndex.build(papers, {})
    first = index.search("tr")
    assert first == [0, 1, 2, 3, 5]
    assert index.scanned == len(papers)
    second = index.search("tra", within=first)
    assert second == [0, 1, 5]
    assert index.scanned == len(papers) + 5  # the five hits of "tr", not every paper
    assert index.search("tran", within=second) == [5]
    assert index.scanned == len(papers) + 5 + 3


def test_the_shelf_narrows_and_goes_back_without_scanning_every_paper() -> None:
    titles = ["train", "trace", "tree", "stream", "other", "transit", "oak", "elm", "fig", "yew"]
    papers = [Paper(f"p{i}", t, "V 2024") for i, t in enumerate(titles)]
    shelf = Shelf(papers, {})
    index = shelf.index
    shelf.view(View(query="t"))
    assert index.scanned == 10
    shelf.view(View(query="tr"))
    # The six hits of "t" are most of the ten: the ten are scanned, from their kept texts.
    assert index.scanned == 10 + 10
    shelf.view(View(query="tra"))
    assert index.scanned == 10 + 10 + 5  # the five hits of "tr" alone
    before = index.scanned
    for query in ("tr", "t", "", "t", "tr", "tra"):
        shelf.view(View(query=query))
    assert index.scanned == before


def test_narrows_compares_folded_words() -> None:
    assert narrows("tr", "tra")
    assert narrows("tra", "tra x")
    assert narrows("a b", "ab")  # both words are inside "ab"
    assert narrows("e", "É")
    assert narrows("ss", "ß")
    assert narrows("", "x")
    assert not narrows("tra", "tr")
    assert not narrows("x", "tra")


@given(st.lists(st.sampled_from(["train", "trace", "tree", "other", "tram x"]), max_size=12))
def test_a_search_within_positions_in_any_order_keeps_their_order(titles: list[str]) -> None:
    """The app searches a view's positions in its sort order: the hits keep that order."""
    papers = [Paper(f"p{i}", t, "V 2024") for i, t in enumerate(titles)]
    index = SearchIndex.build(papers, {})
    order = list(reversed(range(len(papers))))
    expected = [i for i in order if "tr" in titles[i] and "a" in titles[i]]
    assert index.search("tr a", within=order) == expected


def test_a_search_among_a_scope_reads_its_texts_again_after_any_change() -> None:
    """The scope's texts are kept between searches: a note, tag or abstract drops them."""
    papers = [Paper(f"p{i}", f"trail {i}", "V 2024") for i in range(6)]
    index = SearchIndex.build(papers, {})
    scope = [0, 1, 2, 4, 5]  # paper 3 is outside the view
    first = index.search("t", within=scope, among=scope)
    assert first == scope
    assert index.search("tr", within=first, among=scope) == scope
    index.update_note("p1", "zebra")
    assert index.search("zebra", within=scope, among=scope) == [1]
    index.update_tags("p2", ["zebra"])
    assert index.search("zebra", within=scope, among=scope) == [1, 2]
    index.update_abstract("p4", "a zebra again")
    assert index.search("zebra", within=scope, among=scope) == [1, 2, 4]
    index.update_note("p3", "zebra")  # outside the scope: never a hit
    assert index.search("zebra", within=scope, among=scope) == [1, 2, 4]


@given(st.lists(texts, min_size=1, max_size=20), texts, texts)
def test_searching_among_the_scope_finds_what_the_narrowed_search_finds(
    titles: list[str], earlier: str, extra: str
) -> None:
    index = SearchIndex.build([Paper(f"p{i}", t, "V 2024") for i, t in enumerate(titles)], {})
    scope = list(range(0, len(titles), 2)) or [0]
    query = earlier + extra
    hits = index.search(earlier, within=scope)
    if narrows(earlier, query):
        assert index.search(query, within=hits, among=scope) == index.search(query, within=hits)
