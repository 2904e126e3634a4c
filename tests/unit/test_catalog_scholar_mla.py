"""Google Scholar's MLA citations: the house and the volume after the venue are none of it.

``"Title." International Conference on Machine Learning. PMLR, 2018.`` and ``"Title."
Proceedings of the AAAI Conference on Artificial Intelligence. Vol. 34. No. 04. 2020.``: a
careful reader's venue is the conference, as written, and the year.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list


def _venue(line: str) -> tuple[str, int | None]:
    paper = parse_list(f"# Reading\n\n- {line}\n", source="x.md").papers[0]
    return paper.venue, paper.year


@pytest.mark.parametrize(
    ("line", "venue"),
    [
        (  # AslanDing/paper_collection papers.md
            'Bernstein, Jeremy, et al. "signSGD: Compressed optimisation for non-convex'
            ' problems." International Conference on Machine Learning. PMLR, 2018.'
            "[paper](https://arxiv.org/pdf/1802.04434.pdf)",
            ("International Conference on Machine Learning 2018", 2018),
        ),
        (
            'Doe, Jane. "Some paper on things here." International Conference on Learning'
            " Representations. OpenReview, 2021.",
            ("International Conference on Learning Representations 2021", 2021),
        ),
        (
            'Chen, Tian. "Some paper on learning." Proceedings of the AAAI Conference on'
            " Artificial Intelligence. Vol. 34. No. 04. 2020.",
            ("AAAI Conference on Artificial Intelligence 2020", 2020),
        ),
    ],
)
def test_the_house_and_the_volume_are_no_part_of_the_venue(
    line: str, venue: tuple[str, int | None]
) -> None:
    assert _venue(line) == venue


@given(
    st.sampled_from(["PMLR", "IEEE", "Springer", "OpenReview", "Curran Associates, Inc."]),
    st.sampled_from(
        [
            "International Conference on Machine Learning",
            "Symposium on Operating Systems Principles",
        ]
    ),
    st.integers(1990, 2029),
)
def test_any_house_before_the_year_is_left_out(house: str, series: str, year: int) -> None:
    line = f'Lee, Ann, et al. "A study of things we measured." {series}. {house}, {year}.'
    assert _venue(line) == (f"{series} {year}", year)
