"""Shapes met in an eleventh round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen11/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.skips import NOTES
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

# zw0610/notes ml/atc19.md @ d10538ea: a heading per paper read, its PDF link alone on the
# line below, then the reader's notes (a numbered list of them under the first).
HEADING_THEN_PDF_LINK = """\
## Conference: ATC '19

### Analysis of Large-Scale Multi-Tenant GPU Clusters for DNN Training Workloads

[PDF Link](https://www.usenix.org/system/files/atc19-jeon.pdf)

Causes for cluster performance:

1. Queueing Delays
2. GPU Utilization

### SIMD-X: Programming and Processing of Graph Algorithms on GPUs

[PDF Link](https://www.usenix.org/system/files/atc19-liu-hang.pdf)

GPU for Graph Algorithms
"""


def test_a_heading_over_its_pdf_link_is_the_paper_and_the_rest_notes() -> None:
    papers, skipped = _read(HEADING_THEN_PDF_LINK)
    assert papers == {
        3: (
            "Analysis of Large-Scale Multi-Tenant GPU Clusters for DNN Training Workloads",
            "ATC 2019",
            2019,
        ),
        12: ("SIMD-X: Programming and Processing of Graph Algorithms on GPUs", "ATC 2019", 2019),
    }
    assert {skipped[line] for line in (7, 9, 10, 16)} == {NOTES}


@given(
    st.sampled_from(["PDF Link", "Paper", "pdf", "arXiv", "Paper Link"]),
    st.sampled_from(["Link", "link", "Notes", "Website"]),
)
def test_only_a_label_naming_the_paper_makes_the_heading_a_paper(label: str, vague: str) -> None:
    """``[Link](Notes.md)`` under a topic heading is the writer's page, not a paper."""
    title = "Deep Learning Compilers"
    paper = f"### {title}\n\n[{label}](https://example.org/a.pdf)\n"
    other = f"### {title}\n\n[{vague}](https://example.org/notes/)\n"
    assert [t for t, _, _ in _read(paper)[0].values()] == [title]
    assert _titles(other) == []


def _titles(text: str) -> list[str]:
    """The titles of the papers read, none when the excerpt holds none."""
    try:
        papers, _ = _read(text)
    except ListError:
        return []
    return [title for title, _, _ in papers.values()]
