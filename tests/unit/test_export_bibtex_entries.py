"""BibTeX entries: their fields, reading state, specials and what parses back."""

from __future__ import annotations

import re

import pytest
from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares import LatexDecodingMiddleware
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.models import Link, Paper, PaperState, Status
from papershelf.export._text import multi_line, one_line
from papershelf.export.bibtex import bibtex_entry, citation_keys, to_bibtex

from .test_export_bibtex import fields_of, paper, split_authors, unescape


def test_a_paper_of_no_venue_is_misc_without_an_empty_booktitle() -> None:
    """BibTeX warns of an empty ``booktitle``: a list that names no venue gave one a paper."""
    p = paper("a", "Venueless Systems Paper", venue="", year=2019, authors=["Ann Lee"])
    text = to_bibtex([p], {})
    library = parse_string(text)
    assert library.failed_blocks == []
    (entry,) = library.entries
    assert entry.entry_type == "misc"
    fields = {f.key: f.value for f in entry.fields}
    assert "booktitle" not in fields
    assert fields["year"] == "2019"
    assert "booktitle" not in bibtex_entry(p)


@pytest.mark.parametrize(
    ("authors", "written"),
    [
        (["S Ghemawat", "H Gobioff", "et al"], "S Ghemawat and H Gobioff and others"),
        (["J Dean et al."], "J Dean and others"),
        (["Y He", "Et Al"], "Y He and others"),
        (["Ann Lee", "Bo Li"], "Ann Lee and Bo Li"),
    ],
)
def test_a_lists_et_al_is_bibtex_others(authors: list[str], written: str) -> None:
    """``Y He, et al.`` gave ``author = {Y He and et al}``: et al is no one's name."""
    p = paper("a", "Cross Container Attacks", authors=authors)
    (entry,) = parse_string(to_bibtex([p], {})).entries
    assert {f.key: f.value for f in entry.fields}["author"] == written


def test_tags_follow_the_topics_in_keywords() -> None:
    p = paper("a", "Tagged", topics=["LLM Training"])
    state = PaperState(tags=("survey", "llm training", "group {meeting}"))
    entry = fields_of(to_bibtex([p], {p.id: state}))["mlsys2025tagged"]
    assert unescape(entry["keywords"]) == "LLM Training, survey, group {meeting}"
    bare = paper("b", "Bare")
    entries = fields_of(to_bibtex([bare], {bare.id: PaperState(tags=("a", "b"))}))
    assert entries["mlsys2025bare"]["keywords"] == "a, b"


def test_untouched_paper_is_unread_with_no_star_or_note() -> None:
    p = paper("a", "Plain", links=[Link("code", "https://github.com/x/y")])
    entry = fields_of(to_bibtex([p], {}))["mlsys2025plain"]
    assert entry["papershelf-status"] == "unread"
    assert "papershelf-starred" not in entry
    assert "annote" not in entry
    assert "author" not in entry
    assert entry["url"] == "https://github.com/x/y"


def test_withdrawn_paper_is_marked() -> None:
    p = paper("a", "Gone", withdrawn=True)
    assert fields_of(to_bibtex([p], {}))["mlsys2025gone"]["papershelf-withdrawn"] == "true"


def test_bibtex_entry_matches_the_full_export() -> None:
    p = paper("a", "Lumos", authors=["Ji Zhang"])
    state = PaperState(status=Status.TO_READ)
    entry = bibtex_entry(p, state)
    assert entry.startswith("@inproceedings{zhang2025lumos,\n")
    assert entry in to_bibtex([p], {"a": state})
    assert bibtex_entry(p, key="mine").startswith("@inproceedings{mine,\n")
    assert bibtex_entry(p, key="a b,{c}").startswith("@inproceedings{abc,\n")
    assert bibtex_entry(p, key=" ,").startswith("@inproceedings{zhang2025lumos,\n")


@pytest.mark.parametrize("special", [*"{}&%_#$\\~^", "}{", "{{", "}}}", "\\{", "a\\"])
def test_each_special_survives_alone(special: str) -> None:
    title = f"x{special}y {special}"
    p = paper("a", title, authors=[f"Ann {special}Lee"])
    state = PaperState(note=f"{special}\n{special}")
    entry = fields_of(to_bibtex([p], {"a": state}))
    (fields,) = entry.values()
    assert unescape(fields["title"][1:-1]) == title
    assert [unescape(a) for a in split_authors(fields["author"])] == [f"Ann {special}Lee"]
    assert unescape(fields["annote"]) == f"{special}\n{special}"


def test_real_latex_decoder_agrees_on_common_specials() -> None:
    title = "Costs & Benefits: 100% of C_x for #1 at $5 — Núñez"
    text = to_bibtex([paper("a", title)], {})
    library = parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.entries[0].fields_dict["title"].value == title


def test_unicode_is_written_as_utf8() -> None:
    text = to_bibtex([paper("a", "Über Łódź", authors=["José Núñez"])], {})
    assert "Über Łódź" in text
    assert "José Núñez" in text


def test_names_with_and_or_commas_stay_whole() -> None:
    names = ["Smith and Sons", "Doe, John", "ACME AND Co", "others"]
    entry = fields_of(to_bibtex([paper("a", "T", authors=names)], {}))
    (fields,) = entry.values()
    assert [unescape(a) for a in split_authors(fields["author"])] == names
    assert fields["author"].count("{") == 4


def test_note_lines_starting_with_at_do_not_open_entries() -> None:
    note = "first\n@string{x = y}\n  @misc(z,\n@comment{\n\t@article (w"
    p, q = paper("a", "One"), paper("b", "Two")
    entries = fields_of(to_bibtex([p, q], {"a": PaperState(note=note)}))
    assert list(entries) == ["mlsys2025one", "mlsys2025two"]
    assert unescape(entries["mlsys2025one"]["annote"]) == note


def test_unsafe_links_are_not_written() -> None:
    links = [Link("paper", "javascript:alert(1)")]
    entry = fields_of(to_bibtex([paper("a", "T", links=links)], {}))["mlsys2025t"]
    assert "url" not in entry
    doi = paper("b", "D", links=[Link("doi", "doi:10.1145/3620666.3651324")])
    assert fields_of(to_bibtex([doi], {}))["mlsys2025d"]["url"] == (
        "https://doi.org/10.1145/3620666.3651324"
    )


def test_urls_cannot_break_the_field() -> None:
    links = [Link("paper", "https://x.org/a b}c{d\\e")]
    entry = fields_of(to_bibtex([paper("a", "T", links=links)], {}))["mlsys2025t"]
    assert entry["url"] == "https://x.org/a%20b%7Dc%7Bd%5Ce"


def test_terminal_escapes_never_reach_the_output() -> None:
    osc52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
    p = paper("a", f"Title {osc52}", authors=[f"Eve{osc52}"], topics=[f"t{osc52}"])
    text = to_bibtex([p], {"a": PaperState(note=f"note {osc52}\x9b31m\u202e")})
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", text)
    assert len(fields_of(text)) == 1


def test_repeated_ids_are_written_once() -> None:
    p = paper("a", "T")
    assert len(fields_of(to_bibtex([p, p], {}))) == 1


def test_empty_export_is_just_the_header() -> None:
    text = to_bibtex([], {})
    assert parse_string(text).entries == []


# property: anything a list or a user can type --------------------------------

_NASTY = '{}\\&%_#$~^@\n\t ,="()ÄéŁ\x1b\x07\u202eand'
# Fragments that are syntax somewhere in BibTeX, so hypothesis combines them often.
_TOKENS = ["\n", "@", "@misc(", "@string{", " and ", ",", "{", "}", "\\", "\\{", "%", "x"]
texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=_NASTY, max_size=40),
    st.lists(st.sampled_from(_TOKENS), max_size=12).map("".join),
)


@st.composite
def papers_and_states(draw: st.DrawFn) -> tuple[list[Paper], dict[str, PaperState]]:
    count = draw(st.integers(min_value=1, max_value=5))
    papers, states = [], {}
    for i in range(count):
        p = paper(
            f"id-{i}",
            draw(texts),
            venue=draw(st.sampled_from(["MLSys 2025", "ASPLOS 2025", "Wörkshop {x}"])),
            year=draw(st.one_of(st.none(), st.integers(1900, 2100))),
            authors=draw(st.lists(texts, max_size=4)),
            topics=draw(st.lists(texts, max_size=2)),
        )
        papers.append(p)
        states[p.id] = PaperState(
            status=draw(st.sampled_from(list(Status))),
            starred=draw(st.booleans()),
            note=draw(st.one_of(texts, st.text(max_size=200))),
        )
    return papers, states


@settings(max_examples=150, deadline=None)
@given(papers_and_states())
def test_any_text_parses_back_exactly(data: tuple[list[Paper], dict[str, PaperState]]) -> None:
    papers, states = data
    keys = citation_keys(papers)
    library = parse_string(to_bibtex(papers, states))
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [keys[p.id] for p in papers]
    for p, entry in zip(papers, library.entries, strict=True):
        fields = {f.key: f.value for f in entry.fields}
        state = states[p.id]
        authors = [one_line(a) for a in p.authors if one_line(a)]
        topics = [one_line(t) for t in p.topics if one_line(t)]
        note = multi_line(state.note)
        expected = {"title", "note", "papershelf-id", "papershelf-status"}
        expected |= {"booktitle"} if one_line(p.venue) else set()
        expected |= {"author"} if authors else set()
        expected |= {"keywords"} if topics else set()
        expected |= {"annote"} if note else set()
        expected |= {"papershelf-starred"} if state.starred else set()
        expected |= {"year"} if p.year is not None or re.search(r"\d{4}", p.venue) else set()
        assert set(fields) == expected
        assert fields["title"].startswith("{") and fields["title"].endswith("}")
        assert unescape(fields["title"][1:-1]) == one_line(p.title)
        assert unescape(fields.get("booktitle", "")) == one_line(p.venue)
        assert entry.entry_type == ("inproceedings" if one_line(p.venue) else "misc")
        assert fields["papershelf-status"] == state.status.value
        if authors:
            assert [unescape(a) for a in split_authors(fields["author"])] == authors
        if topics:
            assert unescape(fields["keywords"]) == ", ".join(topics)
        if note:
            assert unescape(fields["annote"]) == note


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(texts, st.lists(texts, max_size=2)), min_size=1, max_size=30))
def test_keys_are_unique_and_well_formed(rows: list[tuple[str, list[str]]]) -> None:
    papers = [paper(f"id-{i}", title, authors=authors) for i, (title, authors) in enumerate(rows)]
    keys = citation_keys(papers)
    assert set(keys) == {p.id for p in papers}
    assert len(set(keys.values())) == len(papers)
    assert all(re.fullmatch(r"[a-z][a-z0-9]*", key) for key in keys.values())
    # The order decides which paper gets which suffix, not which keys there are.
    assert set(citation_keys(list(reversed(papers))).values()) == set(keys.values())
