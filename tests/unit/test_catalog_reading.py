"""How a careful reader settles a few lists: session names, proceedings titles, books, pages."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog import engine, fields
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import LABELS, NON_PAPERS, kind_of
from papershelf.catalog.venue_text import venue_in


def _read(text: str) -> tuple[dict[int, tuple[str, str, int | None]], dict[int, str]]:
    parsed = parse_list(text, source="t.md")
    papers = {p.line: (p.title, p.venue, p.year) for p in parsed.papers}
    return papers, {line: kind_of(why) for line, why in parsed.skipped}


def test_session_names_beside_a_session_with_papers_are_not_papers() -> None:
    text = (
        "# Papers of interest in SIGCOMM 22\n\n"
        "1. Congestion Control\n"
        "2. Sensing and Wireless Communication\n"
        "3. _Programmable Data Planes_\n"
        "    - Predictable vFabric on Informative Data Plane\n"
        "    - Stateful Multi-Pipelined Programmable Switches\n"
        "4. Denial of Service Defense and Storage Networks\n"
    )
    papers, skipped = _read(text)
    assert sorted(papers) == [6, 7]
    assert papers[6] == ("Predictable vFabric on Informative Data Plane", "SIGCOMM 2022", 2022)
    assert skipped[4] == skipped[8] == LABELS


def test_plain_titles_without_a_category_beside_them_stay_papers() -> None:
    text = "# ACM 2022\n- Solving PBQP-based register allocation using deep learning\n"
    papers, _ = _read(text)
    assert papers[2][1] == "ACM 2022"


def test_a_proceedings_title_with_a_period_inside_is_one_venue() -> None:
    tail = "Li and Clark. Proceedings International Conference on Design. VLSI in Chips, 1998."
    found = venue_in(tail)
    assert found is not None and found.year == 1998
    assert found.name == "Proceedings International Conference on Design. VLSI in Chips"


def test_books_and_vendor_pages_in_a_citation_list_are_not_papers() -> None:
    text = (
        "## Reading\n"
        "  * Ann Lee, Bo Chen, and Cy Diaz. 2012. Inside Solid State Drives (SSDs). Springer "
        "Publishing Company, Incorporated. https://dl.acm.org/doi/10.5555/2412028\n"
        "  * Open Compute Project, Flash Storage, https://www.vendor.example/ocp-v1-0\n"
        "  * Improving Flash Storage by Caching Mapping Tables, https://www.usenix.org/x/jeong\n"
        "  * LearnedFTL: A Learning-Based Page-Level FTL, "
        "https://doi.ieeecomputersociety.org/10.1109/HPCA57654.2024.00054\n"
    )
    papers, skipped = _read(text)
    assert sorted(papers) == [4, 5]
    assert skipped[2] == skipped[3] == NON_PAPERS


def test_authors_with_affiliations_after_a_plain_title_are_cut_off() -> None:
    text = (
        "## Reading\n"
        "  * SpanDB: A Fast, Cost-Effective LSM-tree Based KV Store, Hao Chen, University of "
        "Science and Technology of China; Chaoyi Ruan, University of X, "
        "https://www.usenix.org/conference/fast21/presentation/chen-hao\n"
    )
    papers, _ = _read(text)
    assert papers[2][0] == "SpanDB: A Fast, Cost-Effective LSM-tree Based KV Store"


@given(st.text(max_size=40))
def test_word_count_counts_words_holding_a_letter_or_digit(text: str) -> None:
    expected = len([w for w in text.split() if any(ch.isalnum() for ch in w)])
    assert fields.word_count(text) == expected


@given(st.text(max_size=40))
def test_title_keys_keep_exactly_the_letters_and_digits(text: str) -> None:
    assert engine._key(text) == "".join(ch for ch in text.casefold() if ch.isalnum())
