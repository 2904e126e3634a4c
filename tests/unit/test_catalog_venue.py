"""Venue names, years, suffixes and acceptance rates as lists write them; no whitelist."""

from __future__ import annotations

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.venue import (
    acceptance_rate,
    bold_venue,
    entry_suffix,
    full_year,
    parenthetical,
    split_label,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ASPLOS25", ("ASPLOS", 2025)),
        ("ASPLOS'25", ("ASPLOS", 2025)),
        ("ASPLOS’25", ("ASPLOS", 2025)),
        ("MLSys 2025", ("MLSys", 2025)),
        ("OSDI '24", ("OSDI", 2024)),
        ("osdi'24", ("osdi", 2024)),
        ("Arxiv'2024", ("Arxiv", 2024)),
        ("SC24", ("SC", 2024)),
        ("NAACL-HLT'19", ("NAACL-HLT", 2019)),
        ("ESEC/FSE'23", ("ESEC/FSE", 2023)),
        ("CVPR'99", ("CVPR", 1999)),
        ("Zorblax Workshop 2031", ("Zorblax Workshop", 2031)),
        ("Big Model paper", ("Big Model paper", None)),
        ("Top 10", ("Top 10", None)),
        ("arXiv", ("arXiv", None)),
    ],
)
def test_split_label(text: str, expected: tuple[str, int | None]) -> None:
    assert split_label(text) == expected


@pytest.mark.parametrize(
    ("text", "is_venue"),
    [("OSDI 2024", True), ("OSDI '24", True), ("SC24", False), ("LLM Training", False)],
)
def test_headings_need_a_clear_year_to_name_a_venue(text: str, is_venue: bool) -> None:
    assert (split_label(text, strict=True)[1] is not None) is is_venue


@pytest.mark.parametrize(
    ("tail", "authors_end", "name", "year"),
    [
        ("Cheng Shenggan, You Yang. ASPLOS'25", "You Yang. ", "ASPLOS", 2025),
        ("Das Chita R.. ASPLOS'25", "Das Chita R.. ", "ASPLOS", 2025),
        ("Alex Aiken, osdi'22", "Alex Aiken, ", "osdi", 2022),
        ("Yang You. IEEE Transactions on Parallel and Distributed Systems'23", "Yang You. ",
         "IEEE Transactions on Parallel and Distributed Systems", 2023),
        ("Animesh Trivedi. CHEOPS’25", "Animesh Trivedi. ", "CHEOPS", 2025),
        ("A B. OSDI '24", "A B. ", "OSDI", 2024),
    ],
)  # fmt: skip
def test_entry_suffix(tail: str, authors_end: str, name: str, year: int) -> None:
    found = entry_suffix(tail)
    assert found is not None
    start, got_name, got_year = found
    assert tail[:start].endswith(authors_end)
    assert (got_name, got_year) == (name, year)


@pytest.mark.parametrize(
    "tail",
    [
        "Ilya Sutskever. https://openai.com/research/language-unsupervised. 18",
        "Graham Neubig. ACM Computing Surveys. 23",
        "A. OSDI 24",
        "",
    ],
)
def test_no_entry_suffix(tail: str) -> None:
    assert entry_suffix(tail) is None


def test_parentheticals() -> None:
    assert parenthetical("Oobleck (SOSP 2023)") == ("Oobleck", "SOSP", 2023, None)
    assert parenthetical("X (arXiv 2312.07104)") == ("X", "arXiv", 2023, "2312.07104")
    assert parenthetical("Y (arXiv: 2310.07177)") == ("Y", "arXiv", 2023, "2310.07177")
    assert parenthetical("CoServe (CoE)") is None
    assert parenthetical("Some Title (2023)") is None


def test_bold_venue_prefers_its_own_year() -> None:
    assert bold_venue("ASPLOS25", "2024") == ("ASPLOS", 2025)
    assert bold_venue("arxiv", "2023") == ("arxiv", 2023)
    assert bold_venue("ppopp24", "2024-2-20") == ("ppopp", 2024)
    assert bold_venue("ICLR Poster", "2025") == ("ICLR Poster", 2025)  # family A splits it
    assert bold_venue("FAST25", None) == ("FAST", 2025)
    assert bold_venue("Venue", "soon") == ("Venue", None)


def test_acceptance_rates() -> None:
    assert acceptance_rate(["22.5% (= 61 / 271)"]) == "22.5% (61 / 271)"
    assert acceptance_rate(["Fall: 1% (= 1 / 100)", "Overall: 17.5% (= 160 / 912)"]) == (
        "17.5% (160 / 912)"
    )
    assert acceptance_rate(["Acceptance rate: 17.7% (= 65 / 368)"]) == "17.7% (65 / 368)"
    assert acceptance_rate(["Spring: 24.2% (= 50 / 207)"]) == "Spring: 24.2% (50 / 207)"
    assert acceptance_rate(["Spring: 2% (= 2 / 100)", "Fall: 3% (= 3 / 100)"]) == (
        "Spring: 2% (2 / 100); Fall: 3% (3 / 100)"
    )
    assert acceptance_rate(["Major Revision: 20 (invited)"]) is None


def test_full_year() -> None:
    assert [full_year(y) for y in ("25", "69", "70", "99", "2031")] == [
        2025,
        2069,
        1970,
        1999,
        2031,
    ]


def test_multi_venue_heading_list_without_suffixes() -> None:
    text = (
        "## NIPS\n\n[A Paper](https://x.org/a). Ann.\n\n"
        "## 2025-03\n\n[B Paper](https://x.org/b). Bo.\n"
    )
    a, b = parse_list(text, source="notes.md").papers
    assert (a.venue, a.year) == ("NIPS", None)
    # A month heading is no venue, and neither is the file name: the venue is unknown.
    assert (b.venue, b.year) == ("", None)


def test_venue_spellings_are_unified_within_a_list() -> None:
    text = (
        "* [t] [One](https://x.org/1). A. arxiv'24\n"
        "* [t] [Two](https://x.org/2). B. Arxiv'2024\n"
        "* [t] [Three](https://x.org/3). C. arxiv 2024\n"
    )
    parsed = parse_list(text, source="x.md")
    assert {p.venue for p in parsed.papers} == {"arxiv 2024"}
    assert [v.label for v in parsed.venues] == ["arxiv 2024"]


@pytest.mark.parametrize(
    ("text", "venue", "remark"),
    [
        ("ICLR Poster 2025", "ICLR", "Poster"),
        ("(NeurIPS Spotlight 2023)", "NeurIPS", "Spotlight"),
        ("ICML Oral 2024", "ICML", "Oral"),
        ("ACL Findings 2023", "ACL", "Findings"),
        ("OSDI 2024", "OSDI", None),
    ],
)
def test_a_qualifier_between_the_venue_and_its_year_is_a_remark(
    text: str, venue: str, remark: str | None
) -> None:
    from papershelf.catalog.venue_text import parse_venue

    found = parse_venue(text)
    assert found is not None
    assert (found.name, found.remark) == (venue, remark)
