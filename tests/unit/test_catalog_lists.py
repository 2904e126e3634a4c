"""The small fixture lists of tests/data/lists: each form an entry can take, in both families."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.source import read_list_file
from papershelf.domain.models import Paper, ParsedList
from papershelf.errors import ListError

LISTS = Path(__file__).resolve().parents[1] / "data" / "lists"


def _parse(name: str, venue: str | None = None) -> ParsedList:
    return parse_list(read_list_file(LISTS / name), source=name, venue=venue)


def _by_name(parsed: ParsedList) -> dict[str, Paper]:
    return {p.title.split(":")[0]: p for p in parsed.papers}


@pytest.fixture(scope="module")
def tagged() -> dict[str, Paper]:
    return _by_name(_parse("tagged.md"))


@pytest.fixture(scope="module")
def sectioned() -> ParsedList:
    return _parse("sectioned.md")


def test_tagged_entries_and_non_entries(tagged: dict[str, Paper]) -> None:
    assert set(tagged) == {
        "Alpha", "Beta", "Gamma", "Delta_Escaped *Stars* & Entities", "Epsilon", "Zeta", "Eta",
        "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi",
    }  # fmt: skip
    assert not any(
        name.startswith(("TOC", "Another", "CC0", "MOONCAKE", "SpotServe")) for name in tagged
    )


@pytest.mark.parametrize(
    ("name", "venue", "year"),
    [
        ("Alpha", "ASPLOS 2025", 2025),
        ("Beta", "ASPLOS 2025", 2025),
        ("Gamma", "ASPLOS 2025", 2025),
        ("Delta_Escaped *Stars* & Entities", "OSDI 2024", 2024),
        ("Epsilon", "OSDI 2024", 2024),
        ("Zeta", "MLSys 2025", 2025),
        ("Eta", "Arxiv 2024", 2024),
        ("Lambda", "SC 2024", 2024),
        ("Mu", "Arxiv 2023", 2023),
        ("Nu", "ATC 2022", 2022),
        ("Pi", "", None),  # a section heading that names no venue: unknown
    ],
)
def test_tagged_venue_forms(
    tagged: dict[str, Paper], name: str, venue: str, year: int | None
) -> None:
    assert (tagged[name].venue, tagged[name].year) == (venue, year)


def test_tagged_tags_titles_and_authors(tagged: dict[str, Paper]) -> None:
    assert tagged["Alpha"].topics == ("serving", "scheduling")
    assert tagged["Beta"].topics == ("plain tags",)
    assert tagged["Delta_Escaped *Stars* & Entities"].topics == ("marked tag", "other")
    assert tagged["Epsilon"].topics == tagged["Eta"].topics == ()
    assert tagged["Epsilon"].authors == ("Gil Im", "Hal J.")
    assert tagged["Zeta"].title == "Zeta: A Title That Wraps Over Two Lines"
    assert tagged["Zeta"].authors == ("Ian Kay", "Jo Lin")
    assert tagged["Mu"].title == "Mu: Bold Title, Bold Venue Wrapped"
    assert tagged["Lambda"].authors == ("Pat Qu et.al.",)
    assert tagged["Pi"].authors == ("Alec Radford", "Quoc V. Le", "Ilya Sutskever")
    assert tagged["Nu"].title == "Nu: Destination With Spaces"


def test_tagged_withdrawn_forms(tagged: dict[str, Paper]) -> None:
    assert {name for name, p in tagged.items() if p.withdrawn} == {"Theta", "Iota", "Kappa"}
    assert tagged["Theta"].title == "Theta: Struck Through"
    assert tagged["Theta"].authors == ("Lu Ma",)


def test_tagged_links(tagged: dict[str, Paper]) -> None:
    def links(name: str) -> list[tuple[str, str]]:
        return [(link.kind, link.url) for link in tagged[name].links]

    assert links("Alpha") == [("pdf", "https://example.org/alpha.pdf")]
    assert links("Beta") == [("paper", "https://example.org/abs/beta")]
    assert links("Gamma") == [("pdf", "https://example.org/pdf/gamma")]
    assert links("Delta_Escaped *Stars* & Entities") == [
        ("paper", "https://doi.org/10.1145/1234.5678")
    ]
    assert links("Lambda") == [("arxiv", "http://arxiv.org/abs/2408.14158v2")]
    assert links("Mu") == [
        ("paper", "https://example.org/mu"),
        ("open review", "https://openreview.net/forum?id=x"),
    ]
    assert links("Xi") == links("Omicron") == links("Nu") == []


def test_sectioned_papers(sectioned: ParsedList) -> None:
    papers = _by_name(sectioned)
    assert list(papers) == [
        "Alpha", "Beta", "Beta Two", "Gamma", "Delta", "Epsilon", "Zeta", "Eta",
    ]  # fmt: skip
    alpha = papers["Alpha"]
    assert alpha.topics == ("Serving > LLM Inference",)
    assert [link.kind for link in alpha.links] == ["paper", "arxiv", "code"]
    assert (alpha.affiliations, alpha.awards) == (("CMU & MIT",), ("Outstanding Paper Award",))
    assert alpha.remarks == ("Construct model cascades → cheaper queries",)
    assert papers["Beta"].awards == ("Best Paper", "Distinguished Artifact Award")
    two = papers["Beta Two"]
    assert (two.affiliations, two.awards) == (("Meta",), ("Honorable Mention",))
    assert two.remarks == ("A note nested under the affiliation",)
    assert [link.kind for link in papers["Gamma"].links] == ["slides"]
    delta = papers["Delta"]
    assert [link.kind for link in delta.links] == ["paper", "code", "中文官网"]
    assert (delta.topics, delta.affiliations, delta.remarks) == (
        ("Serving",),
        ("UW & NVIDIA",),
        ("Industry Track",),
    )
    epsilon = papers["Epsilon"]
    assert epsilon.topics == ("Storage > Flash",)
    assert (epsilon.awards, epsilon.remarks) == (("Best Paper Award (Spring)",), ("EcoRec",))
    assert [name for name, p in papers.items() if p.withdrawn] == ["Zeta"]
    assert (papers["Eta"].venue, papers["Eta"].topics) == ("EuroSys 2025", ())
    assert {p.venue for name, p in papers.items() if name != "Eta"} == {"OSDI 2024"}


def test_sectioned_meta_goes_to_the_list_venue(sectioned: ParsedList) -> None:
    osdi, eurosys = sectioned.venues
    assert (osdi.label, osdi.homepage, osdi.paper_list, osdi.acceptance_rate) == (
        "OSDI 2024",
        "https://www.usenix.org/conference/osdi24",
        None,
        "17.5% (160 / 912)",
    )
    assert (eurosys.label, eurosys.homepage, eurosys.acceptance_rate) == (
        "EuroSys 2025",
        None,
        None,
    )


def test_topical_list_venues() -> None:
    papers = _by_name(_parse("topical.md"))
    assert {name: (p.venue, p.year) for name, p in papers.items()} == {
        "Alpha": ("SOSP 2023", 2023),
        "Beta": ("arXiv 2023", 2023),
        "Gamma": ("NeurIPS 2023", 2023),
        "Delta": ("", None),  # the list's title names no venue: unknown, not the title
    }
    assert papers["Gamma"].topics == ("Training > Decoding",)
    assert ("arxiv", "https://arxiv.org/abs/2312.07104") in [
        (link.kind, link.url) for link in papers["Beta"].links
    ]


def test_venue_override_applies_to_every_paper() -> None:
    parsed = _parse("sectioned.md", venue="OSDI '24")
    assert {(p.venue, p.year) for p in parsed.papers} == {("OSDI 2024", 2024)}
    assert parsed.venues[0].homepage == "https://www.usenix.org/conference/osdi24"
    by_name = _parse("tagged.md", venue="My Shelf")
    assert {(p.venue, p.year) for p in by_name.papers} == {("My Shelf", None)}
    assert [v.label for v in by_name.venues] == ["My Shelf"]


def test_stub_without_papers_raises_one_line_error() -> None:
    with pytest.raises(ListError) as caught:
        _parse("stub.md")
    message = str(caught.value)
    assert message.startswith("stub.md: no papers found")  # and what it saw instead
    assert "\n" not in message


@pytest.mark.parametrize("text", ["", "   \n\n", "# Title only\n", "Just prose.\n\n- a bullet\n"])
def test_lists_without_papers_raise(text: str) -> None:
    with pytest.raises(ListError, match=r"^x\.md: no papers found"):
        parse_list(text, source="x.md")


def test_same_paper_listed_twice_is_merged() -> None:
    text = (
        "* [a, b] [Same Paper](https://x.org/1). Ann Lee. OSDI'24\n"
        "* [c] [Same  paper.](https://x.org/2). Ann Lee. OSDI'24\n"
        "* [d] [Same Paper](https://x.org/3). Ann Lee. SOSP'24\n"
    )
    parsed = parse_list(text, source="dup.md")
    assert parsed.entries == 3
    first, other = parsed.papers
    assert (first.venue, first.topics) == ("OSDI 2024", ("a", "b", "c"))
    assert [link.url for link in first.links] == ["https://x.org/1", "https://x.org/2"]
    assert other.venue == "SOSP 2024"


def test_tagged_entries_under_a_papers_heading() -> None:
    text = (
        "# ASPLOS 2025\n\n## Papers\n\n### Serving\n\n"
        "* \\[LLM serving, PIM] [PAPI: A Title](https://x.org/p.pdf). "
        "He Yintao, Mutlu Onur. ASPLOS'25\n"
        "* Plain Paper \\[[Paper](https://x.org/b)]\n  * MIT\n"
    )
    papi, plain = parse_list(text, source="x.md").papers
    assert (papi.title, papi.topics, papi.authors) == (
        "PAPI: A Title",
        ("LLM serving", "PIM"),
        ("He Yintao", "Mutlu Onur"),
    )
    assert [link.kind for link in papi.links] == ["pdf"]
    assert (plain.title, plain.topics, plain.affiliations) == (
        "Plain Paper",
        ("Serving",),
        ("MIT",),
    )


def test_unreadable_entries_are_skipped_and_the_rest_imported() -> None:
    text = (
        "* [tag] [](https://x.org/empty). Ann. OSDI'24\n"
        "* [tag] [Readable](https://x.org/ok). Ann. OSDI'24\n"
        f"* [tag] [{'word ' * 300}](https://x.org/long). Ann. OSDI'24\n"
    )
    parsed = parse_list(text, source="x.md")
    assert [p.title for p in parsed.papers] == ["Readable"]
    assert parsed.entries == 1
    assert parsed.skipped == (
        (1, "entry without a title"),
        (3, "title longer than 1000 characters"),
    )
    sectioned = "# V 2024\n\n## Papers\n\n* \\[[Paper](https://x.org/a)]\n* Fine \\[[Paper](https://x.org/b)]\n"
    parsed = parse_list(sectioned, source="x.md")
    assert [p.title for p in parsed.papers] == ["Fine"]
    assert parsed.skipped == ((5, "paper bullet without a title"),)
