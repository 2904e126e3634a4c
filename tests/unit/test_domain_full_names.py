"""A venue written as its series' full name is filed with the series' short name.

Lists that cite in full (``In Advances in Neural Information Processing Systems``, ``In
20th USENIX Symposium on Networked Systems Design and Implementation``) and lists that
tag (``NeurIPS 2017``, ``NSDI'23``) name the same venues: the tree shows one node for each.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.domain.full_names import FULL_NAMES, short_series
from papershelf.domain.grouping import alias_table, group_catalog, venue_key
from papershelf.domain.ids import paper_id
from papershelf.domain.models import Paper

ALIASES = alias_table()


def make(title: str, venue: str) -> Paper:
    return Paper(id=paper_id(venue, title), title=title, venue=venue)


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("Advances in Neural Information Processing Systems", "NeurIPS"),
        ("Proceedings of the 31st Conference on Neural Information Processing Systems", "NeurIPS"),
        ("In 20th USENIX Symposium on Networked Systems Design and Implementation", "NSDI"),
        ("ACM Symposium on Operating Systems Principles (SOSP '24)", "SOSP"),
        (
            "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition",
            "CVPR",
        ),
        ("The Twenty-Ninth AAAI Conference on Artificial Intelligence", "AAAI"),
        ("2019 USENIX Annual Technical Conference", "USENIX ATC"),
        ("Proceedings of the VLDB Endowment", "VLDB"),
        (
            "Proceedings of the 56th Annual IEEE/ACM International Symposium on Microarchitecture",
            "MICRO",
        ),
        ("IEEE/ACM International Symposium on Code Generation and Optimization", "CGO"),
        ("Proceedings of the ACM SIGCOMM Symposium on SDN Research", "SOSR"),
    ],
)
def test_full_names_with_publishers_ordinals_and_years_are_the_short_name(
    written: str, short: str
) -> None:
    assert short_series(written) == short


@pytest.mark.parametrize(
    "other",
    [
        "International Conference on Machine Learning and Applications",  # ICMLA
        "Workshop on Machine Learning and Systems",
        "Companion of the International Conference on Machine Learning",
        "Financial Cryptography and Data Security Workshops",
        "OSDI",
        # A bracketed note that is not the series' tag names another venue too.
        "International Conference on Learning Representations (Workshop)",
        "Symposium on Operating Systems Principles (Doctoral Workshop)",
        "European Conference on Computer Vision (Demo Track)",
    ],
)
def test_other_words_around_a_full_name_make_another_venue(other: str) -> None:
    assert short_series(other) == other


_FILLERS = st.lists(
    st.sampled_from(["In", "Proceedings of the", "ACM", "IEEE", "USENIX", "2024", "31st", "Sixth"]),
    max_size=3,
)


@given(st.sampled_from(sorted(FULL_NAMES)), _FILLERS, st.integers(1970, 2069))
def test_every_full_name_groups_with_its_short_name(
    words: str, fillers: list[str], year: int
) -> None:
    written = " ".join([*fillers, words.title(), str(year)])
    assert venue_key(written, ALIASES) == venue_key(f"{FULL_NAMES[words]} {year}", ALIASES)


def test_the_tree_shows_one_venue_named_by_its_short_name() -> None:
    papers = [
        make("Attention Is All You Need", "Advances in Neural Information Processing Systems 2017"),
        make("Deep Sets", "Advances in Neural Information Processing Systems 2017"),
        make("Capsules", "NeurIPS 2017"),
        make("PagedAttention", "Symposium on Operating Systems Principles 2023"),
        make("Apps", "International Conference on Machine Learning and Applications 2020"),
    ]
    grouped = group_catalog(papers, {})
    assert [p.venue for p in grouped.papers] == [
        "NeurIPS 2017",
        "NeurIPS 2017",
        "NeurIPS 2017",
        "SOSP 2023",
        "International Conference on Machine Learning and Applications 2020",
    ]


def test_a_workshop_in_brackets_is_not_grouped_with_its_conference() -> None:
    papers = [
        make(
            "Tricks for Training",
            "International Conference on Learning Representations (Workshop) 2019",
        ),
        make("Big Results", "ICLR 2019"),
    ]
    assert [p.venue for p in group_catalog(papers, {}).papers] == [
        "International Conference on Learning Representations (Workshop) 2019",
        "ICLR 2019",
    ]


def test_an_alias_of_a_full_name_in_config_is_still_honoured() -> None:
    papers = [
        make("Sparse Training", "Conference on Machine Learning and Systems 2020"),
        make("Kernel Fusion", "MLSys 2021"),
    ]
    extra = {"Conference on Machine Learning and Systems": "SysML"}
    grouped = group_catalog(papers, {}, extra)
    assert [p.venue for p in grouped.papers] == ["SysML 2020", "MLSys 2021"]
    aliases = alias_table(extra)
    assert venue_key("Conference on Machine Learning and Systems 2020", aliases) == (
        venue_key("SysML 2020", aliases)
    )
