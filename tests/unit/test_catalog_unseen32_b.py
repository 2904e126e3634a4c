"""The thirty-second round of real lists, continued: a venue's track named after its year.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen32/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from papershelf.catalog.venue_text import parse_venue

from .excerpts import read_excerpt as _read

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
