from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.domain.filtering import (
    PaperFilter,
    SearchIndex,
    SortKey,
    apply_filter,
    fold,
    sort_papers,
)
from papershelf.domain.ids import normalize_title, paper_id
from papershelf.domain.models import Paper, PaperState, Status, StatusChange
from papershelf.domain.venues import split_venue


def make(title: str, venue: str = "MLSys 2025", **kw: object) -> Paper:
    return Paper(id=paper_id(venue, title), title=title, venue=venue, **kw)  # type: ignore[arg-type]


PAPERS = [
    make("FlashInfer: Efficient Attention", authors=("Zihao Ye",), topics=("LLM > Serving",)),
    make("Lumos: Performance Modeling", topics=("LLM > Training",)),
    make("Aqua: Memory Offloading", venue="ASPLOS 2025", withdrawn=True),
    make("Gödel: Resource Management", venue="SoCC 2023", affiliations=("ByteDance",)),
]


def test_search_matches_title_author_topic_affiliation_and_folds_accents() -> None:
    index = SearchIndex.build(PAPERS, {})
    assert index.search("flashinfer") == [0]
    assert index.search("zihao") == [0]
    assert index.search("training") == [1]
    assert index.search("bytedance") == [3]
    assert index.search("godel") == [3]
    assert index.search("GÖDEL resource") == [3]
    assert index.search("nothing-matches-this") == []


def test_search_narrows_from_previous_hits() -> None:
    index = SearchIndex.build(PAPERS, {})
    first = index.search("l")
    assert index.search("lu", within=first) == index.search("lu")


def test_notes_are_searchable_and_updated() -> None:
    states = {PAPERS[1].id: PaperState(note="great roofline model")}
    index = SearchIndex.build(PAPERS, states)
    assert index.search("roofline") == [1]
    index.update_note(PAPERS[1].id, "changed")
    assert index.search("roofline") == []
    assert index.search("changed") == [1]


def test_filter_hides_withdrawn_by_default_and_narrows_by_status_venue_topic() -> None:
    index = SearchIndex.build(PAPERS, {})
    states = {PAPERS[0].id: PaperState(status=Status.READ, starred=True)}
    assert apply_filter(index, states, PaperFilter()) == [0, 1, 3]
    assert apply_filter(index, states, PaperFilter(withdrawn=True)) == [2]
    assert apply_filter(index, states, PaperFilter(withdrawn=None)) == [0, 1, 2, 3]
    assert apply_filter(index, states, PaperFilter(statuses=frozenset({Status.READ}))) == [0]
    assert apply_filter(index, states, PaperFilter(statuses=frozenset({Status.UNREAD}))) == [1, 3]
    assert apply_filter(index, states, PaperFilter(starred=True)) == [0]
    assert apply_filter(index, states, PaperFilter(venue="SoCC 2023")) == [3]
    assert apply_filter(index, states, PaperFilter(topic="LLM")) == [0, 1]
    assert apply_filter(index, states, PaperFilter(topic="LLM > Training")) == [1]
    assert apply_filter(index, states, PaperFilter(topic="LL")) == []


def test_describe_names_every_active_part() -> None:
    flt = PaperFilter(statuses=frozenset({Status.READ}), venue="OSDI 2024", query="kv")
    text = flt.describe()
    assert "OSDI 2024" in text and "read" in text and "kv" in text
    assert PaperFilter().describe() == "all papers"
    # The papers of no venue are a scope of their own, not all papers.
    assert PaperFilter(venue="").describe() == "venue: unknown venue"
    assert PaperFilter(series="OSDI").describe() == "venue: OSDI"


def test_sort_orders() -> None:
    states = {
        PAPERS[1].id: PaperState(
            status=Status.READING, history=(StatusChange(Status.READING, "2026-01-02T00:00:00Z"),)
        ),
        PAPERS[3].id: PaperState(
            status=Status.READ, history=(StatusChange(Status.READ, "2026-03-01T00:00:00Z"),)
        ),
    }
    titles = [p.title for p in sort_papers(PAPERS, SortKey.TITLE, states)]
    assert titles == sorted(titles, key=fold)
    by_status = sort_papers(PAPERS, SortKey.STATUS, states)
    assert by_status[0] is PAPERS[1] and by_status[-1] is PAPERS[3]
    changed = sort_papers(PAPERS, SortKey.CHANGED, states)
    assert changed[0] is PAPERS[3] and changed[1] is PAPERS[1]
    assert sort_papers(PAPERS, SortKey.CATALOG, states) == PAPERS


@given(st.text(max_size=60))
def test_id_ignores_case_punctuation_and_whitespace(title: str) -> None:
    variant = f"  {title.upper()} !! "
    if normalize_title(title.upper()) == normalize_title(title):
        assert paper_id("OSDI 2024", title) == paper_id("OSDI 2024", variant)


def test_same_short_name_in_two_venues_gives_two_ids() -> None:
    a = paper_id("ASPLOS 2025", "COMET: Towards Practical W4A4KV4 LLMs Serving")
    b = paper_id("MLSys 2025", "COMET: Towards Practical W4A4KV4 LLMs Serving")
    assert a != b
    assert a.startswith("asplos2025-comet-") and b.startswith("mlsys2025-comet-")


def test_ids_are_readable_and_unicode_forms_do_not_change_them() -> None:
    composed = paper_id("SoCC 2023", "G\u00f6del: Unified scheduling")
    decomposed = paper_id("SoCC 2023", "Go\u0308del: Unified scheduling")
    assert composed == decomposed
    assert composed.startswith("socc2023-godel-unified-scheduling-")


def test_split_venue() -> None:
    assert split_venue("OSDI 2024") == ("OSDI", 2024)
    assert split_venue("ASPLOS'25") == ("ASPLOS", 2025)
    assert split_venue("arXiv") == ("arXiv", None)


def test_abstracts_found_by_enrichment_are_searched() -> None:
    papers = [Paper(id="a", title="Alpha", venue="V"), Paper(id="b", title="Beta", venue="V")]
    index = SearchIndex.build(papers, {"a": PaperState(note="zeta")}, {"b": "Kernel fusion"})
    assert index.search("fusion") == [1]
    index.update_abstract("a", "Paged attention")
    assert index.search("paged") == [0] and index.search("zeta") == [0]  # the note stays
    index.update_abstract("a", "")
    assert index.search("paged") == [] and index.search("zeta") == [0]
