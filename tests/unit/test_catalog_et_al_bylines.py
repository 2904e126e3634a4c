"""One name closed by ``et al.`` after a title: the byline of a reading log.

``**Title**. Daliang Xu et.al. **ASPLOS25**, **2024**`` (a reference manager's log),
``[Title](url). Smith et al. OSDI 2010.``: a careful reader takes the one name and
``et al`` for the authors, as the seed families' reading did. The general reader read them
only with a second name (a comma or ``and``); a long list that opens with no tagged entry
is its alone.
"""

from __future__ import annotations

import pytest

from papershelf.catalog.engine import read_list
from papershelf.catalog.markdown_list import parse_list

_OPENING = "".join(
    f"Paragraph {i} of the log's introduction, with no paper.\n\n" for i in range(70)
)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        (
            "- **Fast Joins in Large Databases**. Smith et.al. **SIGMOD**, **2012**",
            ("Smith et al",),
        ),
        (
            "- **Fast On-device LLM Inference with NPUs**. Daliang Xu et.al. "
            "**ASPLOS25**, **2024**",
            ("Daliang Xu et al",),
        ),
        (
            "- [Fast Joins in Large Databases](https://x.org/p.pdf). Jones et al. VLDB 2014.",
            ("Jones et al",),
        ),
    ],
)
def test_one_name_and_et_al_is_the_byline(line: str, authors: tuple[str, ...]) -> None:
    assert read_list(f"# Log\n\n{line}\n").entries[0].authors == authors
    papers = parse_list(f"# Log\n\n{_OPENING}## Read\n\n{line}\n", source="x.md").papers
    assert papers[0].authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "- [Fast Joins in Large Databases](https://x.org/p.pdf). Cited by Smith et al. VLDB 2014.",
        "- [Fast Joins in Large Databases](https://x.org/p.pdf). See the survey. VLDB 2014.",
    ],
)
def test_no_byline_where_none_is_written(line: str) -> None:
    assert read_list(f"# Log\n\n{line}\n").entries[0].authors == ()
