"""The entry shapes the importer issue lists, one line each, read as a careful reader would."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import skip_summary
from papershelf.catalog.venue_text import parse_venue
from papershelf.domain.models import Paper

DATA = Path(__file__).resolve().parents[1] / "data" / "issue_shapes.md"


@pytest.fixture(scope="module")
def papers() -> dict[int, Paper]:
    parsed = parse_list(DATA.read_text(encoding="utf-8"), source=DATA.name)
    return {p.line: p for p in parsed.papers}


@pytest.mark.parametrize(
    ("line", "title", "venue"),
    [
        (5, "Fast Serving of Large Models", "OSDI 2025"),
        (6, "Efficient Batching for Inference", "MLSys 2024"),
        (7, "Sparse Attention at Scale", "ICLR 2022"),
        (8, "Borg at Google", "EuroSys 2015"),
        (9, "Scaling Laws for Routed Models", "ICML 2024"),
        (10, "Pond: CXL-Based Memory Pooling Systems for Cloud Platforms", "ASPLOS 2023"),
        (12, "Efficient Memory Management for Large Language Model Serving with PagedAttention",
         "SOSP 2023"),
        (13, "Orca: A Distributed Serving System", "OSDI 2022"),
        (15, "Attention Is All You Need", "NeurIPS 2017"),
        (16, "Large Scale Distributed Deep Networks", "NIPS 2012"),
        (18, "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models", ""),
        (23, "FlexInfer: Flexible LLM Inference with CPU Computations", "MLSys 2025"),
        (24, "Marconi: Prefix Caching for the Era of Hybrid LLMs", "MLSys 2025"),
    ],
)  # fmt: skip
def test_each_shape(papers: dict[int, Paper], line: int, title: str, venue: str) -> None:
    assert (papers[line].title, papers[line].venue) == (title, venue)


def test_authors_links_and_remarks(papers: dict[int, Paper]) -> None:
    assert papers[8].authors == ("A. Verma et al",)
    assert papers[15].authors == ("Ashish Vaswani", "Noam Shazeer")
    assert papers[18].authors == ("Samyam Rajbhandari", "Jeff Rasley")
    assert papers[13].remarks == ("Spotlight",)
    assert [link.kind for link in papers[6].links] == ["arxiv"]


def test_a_repository_beside_papers_is_skipped_with_its_reason() -> None:
    parsed = parse_list(DATA.read_text(encoding="utf-8"), source=DATA.name)
    assert 11 not in {p.line for p in parsed.papers}
    assert skip_summary(parsed.skipped) == "1: 1 tools or repositories"


@pytest.mark.parametrize(
    ("text", "name", "year", "remark"),
    [
        ("OSDI'23", "OSDI", 2023, None),
        ("OSDI '23", "OSDI", 2023, None),
        ("OSDI' 23", "OSDI", 2023, None),
        ("OSDI 23", "OSDI", 2023, None),
        ("(OSDI 2023)", "OSDI", 2023, None),
        ("ICML, 2024", "ICML", 2024, None),
        ("Arxiv'2024", "Arxiv", 2024, None),
        ("HotCloud 19", "HotCloud", 2019, None),
        ("SC24", "SC", 2024, None),
        ("NeurIPS 2023 Spotlight", "NeurIPS", 2023, "Spotlight"),
        ("ASPLOS'24, Best Paper", "ASPLOS", 2024, "Best Paper"),
        ("ACM Transactions on Computer Systems, 1984", "ACM Transactions on Computer Systems",
         1984, None),
        ("arxiv", "arxiv", None, None),
    ],
)  # fmt: skip
def test_venue_forms(text: str, name: str, year: int | None, remark: str | None) -> None:
    found = parse_venue(text)
    assert found is not None
    assert (found.name, found.year, found.remark) == (name, year, remark)


@pytest.mark.parametrize("text", ["Talk", "Michael J. Franklin", "Top 10", "Qwen25", "Research"])
def test_not_venues(text: str) -> None:
    assert parse_venue(text) is None


def test_html_table_broken_links_and_title_cells() -> None:
    path = DATA.with_name("issue_shapes_tables.md")
    parsed = parse_list(path.read_text(encoding="utf-8"), source=path.name)
    got = {p.line: (p.title, p.venue, p.year, p.authors, p.affiliations) for p in parsed.papers}
    assert got == {
        5: ("Spanner: Google's Globally-Distributed Database", "", None, ("Corbett et al",),
            ("Google",)),
        6: ("Dynamo: Amazon's Highly Available Key-value Store", "", None, ("DeCandia et al",),
            ("Amazon",)),
        11: ("Broken Link Title", "OSDI 2022", 2022, ("Ann Lee", "Bo Chen"), ()),
        12: ("No Period Title", "NSDI 2023", 2023, ("Ann Lee", "Bo Chen"), ()),
        16: ("DeepThing: A Strong Model", "", 2024, (), ("Org",)),
    }  # fmt: skip
    assert [why.split(":")[0] for _, why in parsed.skipped] == [
        "blogs, docs, slides or other non-papers"
    ]


def test_a_venue_column_without_a_year_takes_the_year_column() -> None:
    text = (
        "| Title | Venue | Year | Notes |\n|---|---|---|---|\n"
        "| [Orca: A Distributed Serving System](https://example.org/orca.pdf) | OSDI | 2022 | |\n"
        "| [PagedAttention](https://arxiv.org/abs/2309.06180) | SOSP'23 | 2023 | |\n"
        "| [A Preprint](https://arxiv.org/abs/2401.00001) | | 2024 | great read |\n"
        "| [Notes Are No Venue](https://arxiv.org/abs/2401.00002) | | 2024 | Survey |\n"
    )
    found = {p.title: (p.venue, p.year) for p in parse_list(text, source="t.md").papers}
    assert found == {
        "Orca: A Distributed Serving System": ("OSDI 2022", 2022),
        "PagedAttention": ("SOSP 2023", 2023),
        "A Preprint": ("", 2024),
        "Notes Are No Venue": ("", 2024),
    }
