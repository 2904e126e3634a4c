"""A conference's page with a heading per paper: read in time linear in its headings.

``# NeurIPS 2023`` over thousands of ``### Title`` headings (a whole conference's papers)
is an ordinary page. Each heading looked at every sibling heading to find one more title
beside it: 2,000 headings took 8 s. Two sizes, best of three, in this thread's CPU time.
"""

from __future__ import annotations

import time

from papershelf.catalog.markdown_list import parse_list


def _page(n: int) -> str:
    heads = "".join(f"### Paper title number x{i} words\n\nnote\n\n" for i in range(n))
    return "# NeurIPS 2023\n\n" + heads


def _cpu(text: str) -> float:
    times = []
    for _ in range(3):
        started = time.thread_time()
        parse_list(text, source="x.md")
        times.append(time.thread_time() - started)
    return min(times)


def test_a_heading_per_paper_costs_no_more_than_the_headings() -> None:
    small, big = 150, 600
    papers = parse_list(_page(small), source="x.md").papers
    assert len(papers) == small and papers[0].venue == "NeurIPS 2023"
    small_cost, big_cost = _cpu(_page(small)), _cpu(_page(big))
    assert big_cost < 1.5 * (big / small) * small_cost + 0.05, (small_cost, big_cost)
