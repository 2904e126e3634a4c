"""Venues and topics grouped as people mean them: keys, aliases, most common spellings."""

from __future__ import annotations

import string

from hypothesis import assume, given
from hypothesis import strategies as st

from papershelf.domain.filtering import PaperFilter, filter_papers
from papershelf.domain.grouping import (
    alias_table,
    clean_aliases,
    group_catalog,
    in_series,
    respell,
    spellings_of,
    text_key,
    topic_key,
    venue_key,
)
from papershelf.domain.ids import paper_id
from papershelf.domain.models import Paper, Venue

ALIASES = alias_table()


def make(title: str, venue: str, topics: tuple[str, ...] = ()) -> Paper:
    return Paper(id=paper_id(venue, title), title=title, venue=venue, topics=topics)


def test_venue_spellings_of_one_year_share_a_key() -> None:
    spellings = ["OSDI 2024", "osdi 2024", "osdi'24", "OSDI '24", "OSDI24", "Osdi  2024"]
    assert {venue_key(s, ALIASES) for s in spellings} == {("osdi", 2024)}
    assert venue_key("OSDI 2023", ALIASES) == ("osdi", 2023)
    assert venue_key("EUROSYS 2021", ALIASES) == venue_key("EuroSys'21", ALIASES)
    assert venue_key("", ALIASES) == ("", None)


def test_aliases_join_renamed_series_and_publishers_prefixes() -> None:
    assert venue_key("NIPS 2017", ALIASES) == ("neurips", 2017)
    assert venue_key("nips'25", ALIASES) == venue_key("NeurIPS 2025", ALIASES)
    for spelling in ("arxiv 2023", "Arxiv'23", "arXiv 2023", "CoRR 2023"):
        assert venue_key(spelling, ALIASES) == ("arxiv", 2023)
    assert venue_key("USENIX ATC 2023", ALIASES) == venue_key("ATC 2023", ALIASES)
    assert venue_key("ACM SOSP 2021", ALIASES) == ("sosp", 2021)
    # A publisher before several words names something else (a journal), not a series.
    assert venue_key("ACM Computing Surveys 2023", ALIASES)[0] == "acmcomputingsurveys"


def test_config_aliases_extend_the_table() -> None:
    table = alias_table({"PVLDB": "VLDB"})
    assert venue_key("PVLDB 2024", table) == venue_key("VLDB 2024", table)
    assert venue_key("PVLDB 2024", ALIASES) != venue_key("VLDB 2024", ALIASES)


def test_bad_config_aliases_are_named_and_left_out() -> None:
    good, problems = clean_aliases(
        {"PVLDB": "VLDB", "Bad": 3, "Empty": " ", "OSDI 2024": "OSDI"}, "config.toml"
    )
    assert good == {"PVLDB": "VLDB"}
    assert len(problems) == 3
    assert all(p.startswith("config.toml: [venue_aliases] ") and "\n" not in p for p in problems)


def test_topic_keys_fold_case_punctuation_and_spacing_but_keep_meaningful_symbols() -> None:
    assert topic_key("LLM serving") == topic_key("llm Serving") == topic_key("LLM-Serving")
    assert topic_key("LLM > Serving") == topic_key("llm>serving")
    assert topic_key("LLM > Serving") != topic_key("LLM Serving")
    assert len({text_key("C"), text_key("C++"), text_key("C#")}) == 3
    assert text_key("...") == "..."


def test_in_series_matches_years_of_the_series_only() -> None:
    assert in_series("OSDI 2024", "OSDI") and in_series("OSDI", "OSDI")
    assert not in_series("OSDIX 2024", "OSDI")
    assert not in_series("ACM Computing Surveys 2023", "ACM")
    assert in_series("ACM 2022", "ACM")


def test_group_catalog_uses_the_most_common_spelling_and_keeps_ids() -> None:
    papers = [
        make("A", "osdi 2022", ("llm serving",)),
        make("B", "OSDI 2022", ("LLM Serving",)),
        make("C", "OSDI'22", ("LLM Serving", "LLM serving")),
        make("D", "OSDI 2024"),
        make("E", "arxiv 2023", ("Training",)),
    ]
    venues = {
        "OSDI 2022": Venue("OSDI", 2022, homepage="https://osdi.example"),
        "osdi 2022": Venue("osdi", 2022, acceptance_rate="20%"),
    }
    grouped = group_catalog(papers, venues)
    assert [p.id for p in grouped.papers] == [p.id for p in papers]
    assert [p.venue for p in grouped.papers] == [
        "OSDI 2022",
        "OSDI 2022",
        "OSDI 2022",
        "OSDI 2024",
        "arXiv 2023",
    ]
    assert [p.topics for p in grouped.papers[:3]] == [("LLM Serving",)] * 3
    merged = grouped.venues["OSDI 2022"]
    assert (merged.name, merged.year) == ("OSDI", 2022)
    assert merged.homepage == "https://osdi.example" and merged.acceptance_rate == "20%"
    assert "osdi 2022" not in grouped.venues
    # Nothing to change: the very same object, and equal values shared.
    assert grouped.papers[3] is papers[3]
    assert grouped.papers[0].topics is grouped.papers[2].topics


def test_ties_go_to_the_spelling_with_more_capitals_whatever_the_order() -> None:
    papers = [make("A", "Sys 2020", ("deep learning",)), make("B", "SYS 2021", ("Deep Learning",))]
    for order in (papers, papers[::-1]):
        grouped = group_catalog(order, {})
        assert {p.venue for p in grouped.papers} == {"SYS 2020", "SYS 2021"}
        assert {p.topics for p in grouped.papers} == {("Deep Learning",)}


def test_respell_spells_a_new_list_as_the_catalog_does() -> None:
    catalog = [make("A", "OSDI 2022", ("LLM Serving",)), make("B", "OSDI 2023")]
    spellings = spellings_of(catalog, ())
    new = respell([make("C", "osdi'25", ("llm serving",)), make("D", "Other 2020")], spellings)
    assert [(p.venue, p.topics) for p in new] == [
        ("OSDI 2025", ("LLM Serving",)),
        ("Other 2020", ()),
    ]


def test_filters_take_a_series_and_a_topic_in_any_spelling() -> None:
    papers = group_catalog(
        [
            make("A", "OSDI 2022", ("LLM > Serving",)),
            make("B", "osdi 2024", ("Storage",)),
            make("C", "SOSP 2024", ("llm > serving",)),
        ],
        {},
    ).papers
    assert [p.title for p in filter_papers(papers, {}, PaperFilter(series="OSDI"))] == ["A", "B"]
    by_topic = filter_papers(papers, {}, PaperFilter(topic="LLM-serving"))
    assert by_topic == []  # a prefix of the path, not a part of it
    assert [p.title for p in filter_papers(papers, {}, PaperFilter(topic="llm"))] == ["A", "C"]
    assert len(filter_papers(papers, {}, PaperFilter(topic="LLM  >  SERVING"))) == 2


# -- properties ----------------------------------------------------------------------------
series_names = st.text(string.ascii_letters, min_size=2, max_size=10).filter(
    lambda s: text_key(s) not in ALIASES and s.casefold() not in {"acm", "usenix"}
)
years = st.integers(min_value=1970, max_value=2039)


def _respelled(name: str, draw_case: list[bool], punct: str) -> str:
    chars = [c.upper() if up else c.lower() for c, up in zip(name, draw_case, strict=False)]
    chars += list(name[len(chars) :])
    return punct.join(chars)


@given(
    series_names,
    years,
    st.lists(st.booleans(), max_size=10),
    st.sampled_from(["", "-", ".", " ", "  ", "_"]),
    st.sampled_from([" {}", "'{yy}", " '{yy}", "{}", "  {}", "’{yy}"]),
)
def test_case_punctuation_and_spacing_variants_group_and_keep_the_year(
    name: str, year: int, case: list[bool], punct: str, year_form: str
) -> None:
    variant = _respelled(name, case, punct) + year_form.format(year, yy=f"{year % 100:02d}")
    key = venue_key(variant, ALIASES)
    expected_year = year if "{}" in year_form or year >= 2000 else 2000 + year % 100
    assert key == (venue_key(f"{name} {year}", ALIASES)[0], expected_year)


@given(series_names, series_names, years)
def test_distinct_series_never_group(a: str, b: str, year: int) -> None:
    assume(text_key(a) != text_key(b))
    assert venue_key(f"{a} {year}", ALIASES) != venue_key(f"{b} {year}", ALIASES)


@given(
    st.lists(
        st.tuples(st.sampled_from(["llm serving", "LLM Serving", "LLM-serving", "Storage"])),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.sampled_from(["osdi 2022", "OSDI 2022", "OSDI'22", "SOSP 2022"]), min_size=12),
)
def test_grouping_leaves_one_spelling_per_group_and_is_idempotent(
    topic_lists: list[tuple[str]], venues: list[str]
) -> None:
    papers = [make(str(i), venues[i], topics) for i, topics in enumerate(topic_lists)]
    grouped = group_catalog(papers, {}).papers
    assert len({p.venue for p in grouped}) == len({venue_key(p.venue, ALIASES) for p in papers})
    topics = {t for p in grouped for t in p.topics}
    assert len(topics) == len({topic_key(t) for p in papers for t in p.topics})
    again = group_catalog(grouped, {}).papers
    assert [(p.venue, p.topics) for p in again] == [(p.venue, p.topics) for p in grouped]
    assert all(a is b for a, b in zip(again, grouped, strict=True))


def test_a_list_being_imported_is_counted_in_and_aliases_apply_to_new_series() -> None:
    catalog = [make("A", "osdi 2022"), make("B", "osdi 2023")]
    spellings = spellings_of(catalog, ())
    assert spellings.venue("OSDI 2024") == "osdi 2024"
    assert spellings.venue("NIPS 2017") == "NeurIPS 2017"  # no NeurIPS in the catalog yet
    new_list = [make(str(i), "OSDI 2024") for i in range(3)]
    assert spellings.counting(new_list).venue("osdi 2022") == "OSDI 2022"
