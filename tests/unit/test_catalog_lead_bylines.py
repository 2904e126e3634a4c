"""``Names, Names, Title, Venue Year``: people's names first, each closed by a comma.

A careful reader takes the names for the authors and the words after them for the title.
Capitalised phrases in a title (``Deep Residual Learning, Image Recognition, ...``) and a
run of names with no title after it yet stay as they were.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.dash_bylines import lead_byline
from papershelf.catalog.markdown_list import parse_list


def _read(line: str) -> tuple[str, str, tuple[str, ...]]:
    paper = parse_list(f"# Reading\n\n- {line}\n", source="x.md").papers[0]
    return paper.title, paper.venue, paper.authors


@pytest.mark.parametrize(
    ("line", "read"),
    [
        (
            "Jeffrey Dean, Sanjay Ghemawat, MapReduce: Simplified Data Processing on Large"
            " Clusters, OSDI 2004",
            (
                "MapReduce: Simplified Data Processing on Large Clusters",
                "OSDI 2004",
                ("Jeffrey Dean", "Sanjay Ghemawat"),
            ),
        ),
        (
            "Jeffrey Dean and Sanjay Ghemawat, MapReduce: Simplified Data Processing on Large"
            " Clusters, OSDI 2004",
            (
                "MapReduce: Simplified Data Processing on Large Clusters",
                "OSDI 2004",
                ("Jeffrey Dean", "Sanjay Ghemawat"),
            ),
        ),
        (
            "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun, Deep Residual Learning for Image"
            " Recognition, CVPR 2016",
            (
                "Deep Residual Learning for Image Recognition",
                "CVPR 2016",
                ("Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"),
            ),
        ),
        (  # Jayitha/Paper-Summaries ADB.md, a numbered list of readings
            "Wisam Dakka, Panagiotis G. Ipeirotis, Automatic Extraction of Useful Facet"
            " Hierarchies from Text Databases, ICDE 2008.",
            (
                "Automatic Extraction of Useful Facet Hierarchies from Text Databases",
                "ICDE 2008",
                ("Wisam Dakka", "Panagiotis G. Ipeirotis"),
            ),
        ),
        (  # a title of capitalised phrases: no names before it
            "Deep Residual Learning, Image Recognition, and More Things, CVPR 2016",
            ("Deep Residual Learning, Image Recognition, and More Things", "CVPR 2016", ()),
        ),
        (
            "Retrieval Augmented Generation, Knowledge Graphs, Reasoning over structured data,"
            " ACL 2023",
            (
                "Retrieval Augmented Generation, Knowledge Graphs, Reasoning over structured data",
                "ACL 2023",
                (),
            ),
        ),
        (
            "Consistent Hashing, Random Trees, Relieving hot spots on the World Wide Web,"
            " STOC 1997",
            (
                "Consistent Hashing, Random Trees, Relieving hot spots on the World Wide Web",
                "STOC 1997",
                (),
            ),
        ),
        (  # Chinese given names ending in "ing" are names
            "Jing Li, Ming Zhang, Fast Serving of Large Models, OSDI 2024",
            ("Fast Serving of Large Models", "OSDI 2024", ("Jing Li", "Ming Zhang")),
        ),
    ],
)
def test_names_then_a_title(line: str, read: tuple[str, str, tuple[str, ...]]) -> None:
    assert _read(line) == read


_GIVEN = st.sampled_from(["Ann", "Bo", "Chen", "Dana", "Wei", "Mary K."])
_FAMILY = st.sampled_from(["Lee", "Smith", "Zhang", "Okafor", "McKusick", "O'Neil", "DeCandia"])
_WORD = st.sampled_from(["Fast", "Graph", "Storage", "Consensus", "Caching"])


@given(
    st.lists(st.tuples(_GIVEN, _FAMILY), min_size=2, max_size=6),
    st.lists(_WORD, min_size=1, max_size=4),
    st.sampled_from(["for", "of", "with"]),
    st.lists(_WORD, min_size=1, max_size=4),
    st.integers(1975, 2030),
)
def test_any_names_before_a_title_are_its_authors(
    people: list[tuple[str, str]], head: list[str], joiner: str, tail: list[str], year: int
) -> None:
    title = " ".join([*head, joiner, *tail])
    names = tuple(f"{given} {family}" for given, family in people)
    assert _read(f"{', '.join(names)}, {title}, OSDI {year}") == (title, f"OSDI {year}", names)


def test_a_long_run_of_names_is_read_in_linear_time() -> None:
    """``Ann Lee, Ann Lee, ...`` with no title yet: the rest was joined again at each name."""

    def best(names: int) -> float:
        line = "Ann Lee, " * names + "A title of things, OSDI 2020"
        times = []
        for _ in range(3):
            started = time.thread_time()
            lead_byline(line)
            times.append(time.thread_time() - started)
        return min(times)

    small, big = best(2_000), best(8_000)
    assert big < 8 * small + 0.05  # four times the names: 16 times the work when quadratic
