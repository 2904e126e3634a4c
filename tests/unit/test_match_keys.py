"""The catalog's side of matching, worked out while a list parses, changes no answer.

``PaperKeys.prepare`` only moves work earlier: ``reconcile`` and ``reconcile_scope`` give the
same result with or without it, and an import that prepares asks for no catalog paper's
title keys after its list's parse is in.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.catalog import match_keys, merge
from papershelf.catalog.match_keys import PaperKeys
from papershelf.catalog.merge import reconcile
from papershelf.domain import identity
from papershelf.domain.ids import paper_id
from papershelf.domain.models import Link, Paper, ParsedList
from papershelf.paths import Paths
from papershelf.services import importing, parse_ahead
from papershelf.services.library import Library
from papershelf.storage.catalog_store import Catalog

WORDS = ["fast", "caching", "for", "serving", "sparse", "models", "on", "gpus", "llm", "kv"]
VENUES = ["OSDI 2024", "SOSP 2024"]


@st.composite
def _papers(draw: st.DrawFn, count: int) -> list[Paper]:
    out: dict[str, Paper] = {}
    for _ in range(count):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6))
        name = draw(st.sampled_from(["", "Quill: ", "Lark: "]))
        title = name + " ".join(words).capitalize()
        venue = draw(st.sampled_from(VENUES))
        links = tuple(
            Link("arxiv", f"https://arxiv.org/abs/2401.0000{n}")
            for n in draw(st.lists(st.integers(0, 4), max_size=1))
        ) + tuple(
            Link("paper", f"https://example.org/p{n}.pdf")
            for n in draw(st.lists(st.integers(0, 4), max_size=1))
        )
        paper = Paper(id=paper_id(venue, title), title=title, venue=venue, links=links)
        out.setdefault(paper.id, paper)
    return list(out.values())


@settings(max_examples=150, deadline=None)
@given(
    catalog=_papers(12),
    parsed=_papers(8),
    previous=st.lists(st.integers(0, 11), max_size=4),
    venues=st.sets(st.sampled_from([v.casefold() for v in VENUES])),
    stop_after=st.none() | st.integers(0, 12),
)
def test_prepared_keys_give_the_same_match(
    catalog: list[Paper],
    parsed: list[Paper],
    previous: list[int],
    venues: set[str],
    stop_after: int | None,
) -> None:
    by_id = {p.id: p for p in catalog}
    before = [catalog[i].id for i in previous if i < len(catalog)]
    fresh = reconcile(parsed, by_id, before)
    keys = PaperKeys()
    with mock.patch.object(match_keys, "_CHUNK", 1):  # asked after every paper
        keys.prepare(by_id, venues, until=_stops_after(stop_after))
    assert reconcile(parsed, by_id, before, keys=keys) == fresh
    whole = Catalog(papers=catalog, by_id=by_id, venues={}, members={})
    prepared = importing.reconcile_scope(whole, parsed, {}, None, (), keys)
    assert list(prepared.items()) == list(importing.reconcile_scope(whole, parsed, {}).items())


def _stops_after(asked: int | None) -> Callable[[], bool] | None:
    """An ``until`` that says the parse is in at its ``asked``-th question (None: no until)."""
    if asked is None:
        return None
    count = iter(range(asked, -1, -1))
    return lambda: next(count, 0) == 0


def test_preparing_stops_when_the_parse_is_in() -> None:
    papers = [
        Paper(id=f"p{n}", title=f"Caching {n}", venue="OSDI 2024", links=()) for n in range(5)
    ]
    keys = PaperKeys()
    with mock.patch.object(match_keys, "_CHUNK", 2):
        keys.prepare({p.id: p for p in papers}, {"osdi 2024"}, until=lambda: True)
    assert set(keys.titles) == {"Caching 0", "Caching 1"}


@settings(max_examples=100, deadline=None)
@given(catalog=_papers(12), parsed=_papers(6))
def test_prepared_keys_give_the_same_scope(catalog: list[Paper], parsed: list[Paper]) -> None:
    parsed = [p for p in parsed if p.venue == VENUES[0]]  # the other venue's only by evidence
    by_id = {p.id: p for p in catalog}
    whole = Catalog(papers=catalog, by_id=by_id, venues={}, members={})
    keys = PaperKeys()
    keys.prepare(by_id, {"osdi 2024"})
    prepared = importing.reconcile_scope(whole, parsed, {}, None, (), keys)
    assert list(prepared.items()) == list(importing.reconcile_scope(whole, parsed, {}).items())


def _list(titles: list[str]) -> str:
    lines = ["# Reading", ""]
    lines += [f"- [{t}](https://example.org/{n}.pdf)" for n, t in enumerate(titles)]
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not parse_ahead.available(), reason="needs fork and two cores")
def test_an_import_that_parses_ahead_asks_no_catalog_title_after_the_parse(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library(paths)
    first = tmp_path / "first.md"
    first.write_text(_list([f"Caching {w} models on gpus" for w in WORDS]), encoding="utf-8")
    library.import_lists([first], venue="OSDI 2024")
    held = {p.title for p in library.papers() if p.venue == "OSDI 2024"}
    assert len(held) == len(WORDS)

    second = tmp_path / "second.md"
    titles = [f"Caching {w} models for gpus" for w in WORDS[:3]] + ["Serving sparse kv anew"]
    text = _list(titles)
    second.write_text(text, encoding="utf-8")
    asked: list[str] = []
    real = identity.title_keys

    def counting(title: str) -> tuple[str, str]:
        asked.append(title)
        return real(title)

    monkeypatch.setattr("papershelf.catalog.match_keys.title_keys", counting)
    monkeypatch.setattr(parse_ahead, "MIN_CHARS", 0)  # a child parses even this short list
    at_parse: list[set[str]] = []
    result = parse_ahead.Ahead.result

    def asked_for(ahead: parse_ahead.Ahead) -> ParsedList:
        at_parse.append(set(asked))
        return result(ahead)

    monkeypatch.setattr(parse_ahead.Ahead, "result", asked_for)
    (report,) = library.import_files([second], venue="OSDI 2024", parse_ahead=True).reports
    (before_parse,) = at_parse
    # The list's titles that came before the parse's end may be worked out while waiting.
    assert held <= before_parse <= held | set(titles)
    # After it only the list's own titles, once each, here or in the child.
    after = asked[len(before_parse) :]
    assert set(after) <= set(titles)
    assert len(after) == len(set(after))
    assert (report.new, len(report.matched)) == (1, 3)


@settings(max_examples=150, deadline=None)
@given(
    catalog=_papers(12),
    parsed=_papers(8),
    previous=st.lists(st.integers(0, 11), max_size=4),
    venue=st.sampled_from(VENUES),
    stop_after=st.integers(0, 12),
)
def test_an_index_begun_early_gives_the_same_match(
    catalog: list[Paper], parsed: list[Paper], previous: list[int], venue: str, stop_after: int
) -> None:
    """Begun over the venue's papers and stopped anywhere, finished or replaced: one answer."""
    by_id = {p.id: p for p in catalog}
    before = [catalog[i].id for i in previous if i < len(catalog)]
    whole = Catalog(papers=catalog, by_id=by_id, venues={}, members={})
    scope = importing.reconcile_scope(whole, parsed, {}, None, before)
    fresh = reconcile(parsed, scope, before)
    keys = PaperKeys()
    keys.prepare(by_id, {venue.casefold()})
    in_venue = [p for _, p in keys.in_venues]
    until = _stops_after(stop_after)
    assert until is not None
    with mock.patch.object(merge, "_EARLY_CHUNK", 1):
        early = merge.early_candidates(in_venue, keys, set(before), until)
    assert len(early) == min(stop_after, len(in_venue))
    scope = importing.reconcile_scope(whole, parsed, {}, None, before, keys)
    assert reconcile(parsed, scope, before, keys=keys, early=early) == fresh


def test_a_new_list_into_a_venue_indexes_its_papers_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The venue's papers indexed while the list parses are not indexed again to match it."""
    names = [a + b for a in "pqrstuvw" for b in "aeiou"]
    held = [
        Paper(id=f"h{n}", title=f"Caching sparse models with {w}", venue="OSDI 2024", links=())
        for n, w in enumerate(names[:30])
    ]
    parsed = [
        Paper(id=f"n{n}", title=f"Serving dense graphs for {w}", venue="OSDI 2024", links=())
        for n, w in enumerate(names[:10])
    ] + [replace(held[3], id="n-held3", title=f"Caching sparse model with {names[3]}")]
    by_id = {p.id: p for p in held}
    whole = Catalog(papers=held, by_id=by_id, venues={}, members={})
    keys = PaperKeys()
    keys.prepare(by_id, {"osdi 2024"})
    early = merge.early_candidates([p for _, p in keys.in_venues], keys, set(), lambda: False)
    added: list[int] = []
    real = merge.Candidates.add

    def counting(self: merge.Candidates, papers: Iterable[Paper]) -> None:
        papers = list(papers)
        added.append(len(papers))
        real(self, papers)

    monkeypatch.setattr(merge.Candidates, "add", counting)
    scope = importing.reconcile_scope(whole, parsed, {}, None, (), keys)
    rec = reconcile(parsed, scope, (), keys=keys, early=early)
    assert added == [0]
    assert (rec.new, rec.matched) == (10, ((held[3].title, parsed[-1].title),))
    added.clear()
    assert reconcile(parsed, scope, (), keys=keys) == rec  # without it: every paper indexed
    assert added == [len(held)]


class _Child:
    """A ``ShareSource`` whose parse is in and whose runs of keys come a few per look."""

    def __init__(self, runs: list[match_keys.Share], per_look: int) -> None:
        self._runs, self._per_look, self.enough_said = runs, per_look, False

    def ready(self) -> bool:
        return True

    def arrived(self) -> list[Paper]:
        return []

    def wait(self, seconds: float) -> None:
        raise AssertionError("never asked: the parse is in")

    def shares(self) -> list[match_keys.Share]:
        came, self._runs = self._runs[: self._per_look], self._runs[self._per_look :]
        return came

    def enough(self) -> None:
        self.enough_said = True


def _keys_of(keys: PaperKeys, papers: list[Paper]) -> list[object]:
    return [(keys.titles[p.title], keys.urls(p), keys.arxiv_and_dois(p)) for p in papers]


@settings(max_examples=100, deadline=None)
@given(
    papers=_papers(12),
    per_look=st.integers(0, 3),
    chunk=st.integers(1, 5),
    fits=st.booleans(),
)
def test_keys_worked_out_in_two_places_are_the_same(
    papers: list[Paper], per_look: int, chunk: int, fits: bool
) -> None:
    copies = [replace(p) for p in papers]  # the child's own objects, equal values
    with mock.patch.object(match_keys, "_SHARE_CHUNK", chunk):
        runs = list(match_keys.shares_of(copies))
        if not fits and runs:  # another list's keys: a run one short, not taken
            start, titles, urls, evidence = runs[0]
            runs[0] = (start, titles[:-1], urls[:-1], evidence[:-1])
        alone = PaperKeys()
        expected = _keys_of(alone, papers)
        keys, child = PaperKeys(), _Child(runs, per_look)
        with mock.patch.object(match_keys, "title_keys", wraps=identity.title_keys) as asked:
            keys.work_out(papers, child)
    assert _keys_of(keys, papers) == expected
    assert child.enough_said
    # Worked out here: the first papers, until where the runs taken had come back to,
    # but for titles a run taken before them gave (one title may name two papers).
    low, n, left, known, here = len(papers), 0, list(runs), set[str](), 0
    while n < low:
        came, left = left[:per_look], left[per_look:]
        for start, titles, _, _ in came:
            if start + len(titles) == low:
                known |= {p.title for p in papers[start:low]}
                low = start
        for paper in papers[n : min(n + chunk, low)]:
            here += paper.title not in known
            known.add(paper.title)
        n += chunk
    assert asked.call_count == here


class _Parsing(_Child):
    """A ``ShareSource`` whose parse comes a part per wait, and no keys."""

    def __init__(self, parts: list[list[Paper]]) -> None:
        super().__init__([], 0)
        self._parts, self._came, self.waits = parts, list[Paper](), 0

    def ready(self) -> bool:
        return not self._parts

    def arrived(self) -> list[Paper]:
        return self._came

    def wait(self, seconds: float) -> None:
        self.waits += 1
        self._came += self._parts.pop(0)


@settings(max_examples=100, deadline=None)
@given(papers=_papers(12), cuts=st.lists(st.integers(0, 12), max_size=4))
def test_keys_of_papers_that_came_before_the_parse_end_are_worked_out_meanwhile(
    papers: list[Paper], cuts: list[int]
) -> None:
    bounds = [0, *sorted(min(c, len(papers)) for c in cuts), len(papers)]
    parts = [papers[a:b] for a, b in pairwise(bounds)]
    source, keys = _Parsing(list(parts)), PaperKeys()
    keys.meanwhile(source)
    assert source.waits == len(parts)  # each part waited for, the last one ends it
    with mock.patch.object(match_keys, "title_keys", wraps=identity.title_keys) as asked:
        keys.work_out(papers, source)
    assert _keys_of(keys, papers) == _keys_of(PaperKeys(), papers)
    early = {p.title for part in parts[:-1] for p in part}  # came before the last: done
    assert {c.args[0] for c in asked.call_args_list} == {p.title for p in parts[-1]} - early


@pytest.mark.skipif(not parse_ahead.available(), reason="needs fork and two cores")
def test_the_child_sends_the_keys_of_the_papers_it_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_ahead, "MIN_CHARS", 0)
    text = _list([f"Caching {w} models on gpus" for w in WORDS])
    ahead = parse_ahead.parse_ahead(text, source="list.md", venue="OSDI 2024")
    assert ahead.started
    try:
        parsed = ahead.result()
        runs: list[match_keys.Share] = []
        expected = list(match_keys.shares_of(list(parsed.papers)))
        deadline = time.monotonic() + 60
        while len(runs) < len(expected) and time.monotonic() < deadline:
            runs += ahead.shares()
        assert runs == expected  # every run, the last papers' first
        ahead.enough()
        assert ahead.shares() == []
    finally:
        ahead.close()
    assert not ahead.started
