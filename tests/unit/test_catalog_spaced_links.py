"""``[Title] (url)``: a link a space broke, mended as ``[Title])(url)`` is.

A citation mark before a URL in parentheses (``Title [123] (url)``, ``[^12] (url)``,
``[1, 2] (url)``, ``[12-14] (url)``, a footnote's ``[^he2016] (url)``) names no paper:
the title is the text before it.
"""

from __future__ import annotations

import time

import pytest

from papershelf.catalog.markdown_list import parse_list

_HEAD = (
    "# Reading list\n\n"
    "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762), NeurIPS 2017.\n"
)


@pytest.mark.parametrize("mark", ["[123]", "[^12]", "[1, 2]", "[12-14]", "[ 7 ]", "[^he2016]"])
def test_a_citation_mark_before_a_url_is_no_title(mark: str) -> None:
    line = (
        f"- Deep residual learning for image recognition {mark} "
        "(https://arxiv.org/abs/1512.03385), CVPR 2016.\n"
    )
    papers = parse_list(_HEAD + line, source="x.md").papers
    assert len(papers) == 2
    assert papers[1].title.startswith("Deep residual learning for image recognition")
    assert papers[1].venue == "CVPR 2016"


def test_a_title_a_space_broke_from_its_link_is_mended() -> None:
    line = "- [Generative Adversarial Networks] (https://arxiv.org/abs/1406.2661), NeurIPS 2014.\n"
    papers = parse_list(_HEAD + line, source="x.md").papers
    assert (papers[1].title, papers[1].venue) == ("Generative Adversarial Networks", "NeurIPS 2014")
    assert [link.url for link in papers[1].links] == ["https://arxiv.org/abs/1406.2661"]


@pytest.mark.parametrize(
    "filler",
    [" " * 10, "[" * 10, "[ab]" + " " * 10, "[abc] " * 3, "[abc]" + " " * 10 + ")" + " " * 10],
)
def test_long_runs_stay_linear(filler: str) -> None:
    def took(n: int) -> float:
        text = _HEAD + "- A title " + filler * n + " (https://x.org/a.pdf\n"
        start = time.perf_counter()
        parse_list(text, source="x.md")
        return time.perf_counter() - start

    small, large = took(1_000), took(10_000)
    assert large < max(0.5, 25 * small)
