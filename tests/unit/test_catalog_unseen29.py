"""The twenty-ninth round of real lists (ML systems): a table's Date column that names the
venue beside the year (``2021 ISCA``).

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen29/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from .excerpts import read_excerpt as _read

_WORD = st.sampled_from(
    ["Sparse", "Tensor", "Accelerator", "Dataflow", "Graph", "Training", "for", "with"]
)
_VENUE = st.sampled_from(["ISCA", "ASPLOS", "MICRO", "HPCA", "CGO", "OSDI", "SOSP"])

# ftxj/Paper_Reading_List Acclerators/material.md @ 1d0362b6b59bb550f1f0a92ec184d180b1a6d858
ACCELERATORS = (
    "## Acclerator for Deep Learning\n"
    "| **Date** | **Paper** | **Focused On** | **Notes** |\n"
    "| --- | --- | --- | --- |\n"
    "| 2021 ASPLOS | Statistical Robustness of Markov Chain Monte Carlo Accelerators"
    " [[paper]](https://users.cs.duke.edu/~alvy/papers/robustness_asplos21.pdf)  | 马尔可夫 |  |\n"
    "| 2021 ISCA | RaPiD: AI Accelerator for Ultra-Low Precision Training and Inference   |"
    "  |  |\n"
    "| 2021 ISCA | FORMS: Fine-Grained Polarized ReRAM-Based In-Situ Computation for"
    " Mixed-Signal DNN Accelerator |  PIM |  |\n"
)


def test_a_date_column_that_names_the_venue_gives_it() -> None:
    papers, _ = _read(ACCELERATORS)
    rapid = "RaPiD: AI Accelerator for Ultra-Low Precision Training and Inference"
    forms = (
        "FORMS: Fine-Grained Polarized ReRAM-Based In-Situ Computation for Mixed-Signal"
        " DNN Accelerator"
    )
    assert papers == {
        4: (
            "Statistical Robustness of Markov Chain Monte Carlo Accelerators",
            "ASPLOS 2021",
            2021,
        ),
        5: (rapid, "ISCA 2021", 2021),
        6: (forms, "ISCA 2021", 2021),
    }


def test_a_date_column_with_a_month_names_no_venue() -> None:
    table = (
        "| Date | Paper |\n"
        "| --- | --- |\n"
        "| Mar 2021 | [Sparse Tensor Cores for Training](https://arxiv.org/abs/2101.00001) |\n"
        "| 2021-05-21 | [Dataflow Graph Accelerators](https://arxiv.org/abs/2101.00002) |\n"
    )
    papers, _ = _read(table)
    assert papers == {
        3: ("Sparse Tensor Cores for Training", "", 2021),
        4: ("Dataflow Graph Accelerators", "", 2021),
    }


_YEAR = st.integers(min_value=1990, max_value=2029)


@given(st.lists(_WORD, min_size=3, max_size=8), _VENUE, _YEAR)
def test_a_year_and_a_venue_in_a_date_cell_give_both(
    words: list[str], venue: str, year: int
) -> None:
    title = "Efficient " + " ".join(words)
    table = f"| Date | Paper |\n| --- | --- |\n| {year} {venue} | {title} |\n"
    papers, _ = _read(table)
    assert papers == {3: (title, f"{venue} {year}", year)}
