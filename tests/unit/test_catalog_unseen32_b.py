"""The thirty-second round of real lists, continued: venue qualifiers (a track, a group before
the year) and a bracketed venue label after a plain title.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen32/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.venue_groups import grouped_venue
from papershelf.catalog.venue_text import parse_venue

from .excerpts import read_excerpt as _read

_VENUE = st.sampled_from(["ICLR", "ICML", "NeurIPS", "ACL", "EMNLP", "KDD", "AAAI"])
_QUALIFIER = st.sampled_from(["Findings", "Oral", "Spotlight", "Workshop", "Best Paper"])

# nmhjklnm/LLM-Discomposition readme.md @ 1a52f4a4e03fc44f0dde18b5a7ecbcd9aef4dbde
CORPORA = (
    "#### Commonly Used Corpora\n\n"
    '12. <u>The Pile</u>: **"The Pile: An 800GB Dataset of Diverse Text for Language'
    ' Modeling"**. *Leo Gao et al*. arxiv 2021. [[Paper](http://arxiv.org/abs/2101.00027v1)]'
    " [[Source](https://pile.eleuther.ai/)]\n"
    '13. <u>ROOTS</u>: **"The BigScience ROOTS Corpus: A 1.6TB Composite Multilingual'
    ' Dataset"**. *Laurençon et al*. NeurIPS 2022 Datasets and Benchmarks Track.'
    " [[paper](https://arxiv.org/abs/2303.03915)]\n"
)


def test_a_named_track_after_the_year_is_a_remark_on_the_venue() -> None:
    papers, _ = _read(CORPORA)
    assert papers == {
        3: (
            "The Pile: An 800GB Dataset of Diverse Text for Language Modeling",
            "arXiv 2021",
            2021,
        ),
        4: (
            "The BigScience ROOTS Corpus: A 1.6TB Composite Multilingual Dataset",
            "NeurIPS 2022",
            2022,
        ),
    }


def test_a_track_keeps_its_words_as_the_remark() -> None:
    found = parse_venue("KDD 2020 Applied Data Science Track")
    assert found is not None and (found.name, found.year) == ("KDD", 2020)
    assert found.remark == "Applied Data Science Track"
    assert parse_venue("Fast Track") is None


# withinmiaov/A-Survey-on-Mixture-of-Experts README.md @ 0427d9f2e67033b7fdcfb14dcd33a165bd18f5c1
REFERENCES = (
    "## References\n\n"
    '<a id="23">[23]</a> Hetu: a highly efficient automatic parallel distributed deep learning'
    " system\t[[Sci. China Inf. Sci. 2023]]"
    "(https://link.springer.com/article/10.1007/s11432-022-3581-9) 2022-12\n\n"
    '<a id="35">[35]</a> Scaling Vision-Language Models with Sparse Mixture of Experts\t'
    "[EMNLP (Findings) 2023](https://arxiv.org/abs/2303.07226) 2023-3-13\n"
)


def test_a_qualifier_in_parentheses_before_the_year_names_the_venue() -> None:
    papers, _ = _read(REFERENCES)
    assert papers[5] == (
        "Scaling Vision-Language Models with Sparse Mixture of Experts",
        "EMNLP 2023",
        2023,
    )


@given(_VENUE, _QUALIFIER, st.integers(2000, 2030))
def test_a_qualifier_in_parentheses_before_the_year_is_its_remark(
    venue: str, qualifier: str, year: int
) -> None:
    found = grouped_venue(f"{venue} ({qualifier}) {year}")
    assert found is not None and (found.name, found.year, found.remark) == (venue, year, qualifier)


def test_a_bracketed_label_after_a_plain_title_is_no_title() -> None:
    papers, _ = _read(REFERENCES)
    hetu = "Hetu: a highly efficient automatic parallel distributed deep learning system"
    assert papers[3][0] == hetu


def test_a_group_that_is_no_qualifier_names_no_venue() -> None:
    assert grouped_venue("Mixture of Experts (MoE) 2023") is None
    assert grouped_venue("ICLR 2023") is None
