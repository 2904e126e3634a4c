"""A bibliography kept in a fenced block: a paper per BibTeX entry, on the entry's line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.errors import ListError

BIBLIOGRAPHY = """\
# My references

```bibtex
@inproceedings{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish and Shazeer, Noam and others},
  booktitle={Advances in neural information processing systems},
  pages={5998--6008},
  year={2017}
}

@article{dean2008mapreduce,
  title = {{MapReduce}: simplified data processing on large clusters},
  author = {Dean, Jeffrey and Ghemawat, Sanjay},
  journal = {Communications of the ACM},
  year = 2008,
  doi = {10.1145/1327452.1327492}
}

@misc{kwon2023vllm,
  title={Efficient Memory Management for Large Language Model Serving with *Paged* Attention},
  author={Woosuk Kwon and Zhuohan Li},
  archivePrefix={arXiv},
  eprint={2309.06180},
  year={2023}
}
```
"""


def test_each_entry_of_a_bibliography_is_a_paper_on_its_own_line() -> None:
    papers = parse_list(BIBLIOGRAPHY, source="refs.md").papers
    assert [(p.line, p.title, p.year) for p in papers] == [
        (4, "Attention is all you need", 2017),
        (12, "MapReduce: simplified data processing on large clusters", 2008),
        (
            20,
            "Efficient Memory Management for Large Language Model Serving with *Paged* Attention",
            2023,
        ),
    ]
    attention, mapreduce, vllm = papers
    assert attention.authors == ("Ashish Vaswani", "Noam Shazeer et al")
    assert mapreduce.venue == "Communications of the ACM 2008"
    assert [link.url for link in mapreduce.links] == ["https://doi.org/10.1145/1327452.1327492"]
    assert vllm.venue == "arXiv 2023"
    assert vllm.authors == ("Woosuk Kwon", "Zhuohan Li")
    assert [link.url for link in vllm.links] == ["https://arxiv.org/abs/2309.06180"]


def test_one_entry_beside_a_paper_stays_that_paper_s_venue() -> None:
    text = (
        "# Notes\n\n#### Design space for graph neural networks\n\n"
        "paper link: [here](https://arxiv.org/abs/2011.08843)\n\n"
        "```\n@article{you2020design,\n  title={Design space for graph neural networks},\n"
        "  journal={Advances in Neural Information Processing Systems},\n  year={2020}\n}\n```\n"
    )
    papers = parse_list(text, source="x.md").papers
    assert [(p.title, p.venue, p.line) for p in papers] == [
        ("Design space for graph neural networks", "NeurIPS 2020", 3)
    ]


def test_a_block_that_is_no_bibtex_stays_as_written() -> None:
    text = "# Notes\n\n```\n@@@ {{{ not ]] bibtex\n@ also not\n```\n\n- [A Paper Title Here](https://e.org/a.pdf)\n"
    assert [p.title for p in parse_list(text, source="x.md").papers] == ["A Paper Title Here"]
    with pytest.raises(ListError):
        parse_list("```\n@misc{a,\n}\n@misc{b,\n}\n```\n", source="x.md")


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).map(
    lambda word: word[0].upper() + word[1:]
)
_MARKED = st.sampled_from(["*{}*", "_{}_", "#{}", "{}!", "{}|", "{}'s"])


@given(
    st.lists(
        st.lists(st.tuples(_WORD, _MARKED), min_size=4, max_size=8).map(
            lambda words: " ".join(["Study", *(mark.format(w) for w, mark in words), "Systems"])
        ),
        min_size=2,
        max_size=4,
        unique_by=lambda title: "".join(ch for ch in title.casefold() if ch.isalnum()),
    )
)
def test_a_title_shows_as_written(titles: list[str]) -> None:
    """Markdown's marks in a title are text: escaped, never read as emphasis.

    (A title's closing mark goes as any list's does: ``clean_title``.)
    """
    entries = "".join(
        f"@misc{{key{i},\n  title={{{title}}},\n  author={{Lee, Ann}},\n  year={{2020}}\n}}\n"
        for i, title in enumerate(titles)
    )
    papers = parse_list(f"# Refs\n\n```\n{entries}```\n", source="x.md").papers
    assert [p.title for p in papers] == titles
