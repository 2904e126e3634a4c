"""Shapes met in an eleventh round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen11/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.fields import is_generic
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import NOTES
from papershelf.catalog.venue_headings import names_venue_list
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


# WooooDyy/LLM-Agent-Paper-List README.md @ 026ca16c: a dated title, then an italic byline
# that closes with the venue; some titles end with a period, some run into the byline.
TITLE_THEN_ITALIC_BYLINE = """\
#### Tool Using
- [2023/02] Toolformer: Language Models Can Teach Themselves to Use Tools. *Timo Schick et al. arXiv.* [[paper](https://arxiv.org/abs/2302.04761)]

#### Embodied Action
- [2023/05] Voyager: An open-ended embodied agent with large language models *Guanzhi Wang et al. Arxiv.* [[paper](https://arxiv.org/pdf/2305.16291.pdf)]
- [2022/10] Instruction-Following Agents with Multimodal Transformer *Hao Liu et al. CVPR* [[paper](https://arxiv.org/pdf/2210.13431.pdf)] [[code](https://github.com/lhao499/instructrl)]
- [2023/05] **PandaGPT: One Model To Instruction-Follow Them All.** *Yixuan Su et al. arXiv.*[[paper](https://arxiv.org/abs/2305.16355)]
"""  # noqa: E501


def test_an_italic_byline_with_et_al_ends_the_title_and_names_the_venue() -> None:
    """The venue after ``et al.`` has no year; the date the list gives the entry dates it."""
    parsed = parse_list(TITLE_THEN_ITALIC_BYLINE, source="excerpt.md")
    read = {p.line: (p.title, p.venue, p.year, p.authors) for p in parsed.papers}
    assert read == {
        2: (
            "Toolformer: Language Models Can Teach Themselves to Use Tools",
            "arXiv 2023",
            2023,
            ("Timo Schick et al",),
        ),
        5: (
            "Voyager: An open-ended embodied agent with large language models",
            "arXiv 2023",
            2023,
            ("Guanzhi Wang et al",),
        ),
        6: (
            "Instruction-Following Agents with Multimodal Transformer",
            "CVPR 2022",
            2022,
            ("Hao Liu et al",),
        ),
        7: (
            "PandaGPT: One Model To Instruction-Follow Them All",
            "arXiv 2023",
            2023,
            ("Yixuan Su et al",),
        ),
    }


@given(
    st.integers(min_value=1995, max_value=2030),
    st.sampled_from(["/", ".", "-"]),
    st.integers(min_value=1, max_value=12),
)
def test_a_date_tag_before_a_title_gives_its_year(year: int, sep: str, month: int) -> None:
    line = f"- [{year}{sep}{month:02d}] [Sys: Learning Efficient Memory](https://arxiv.org/abs/2301.00001)\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert paper.year == year


_WORDS = st.sampled_from(["Learning", "Graph", "Agents", "Efficient", "Memory", "with", "for"])


@given(
    st.lists(_WORDS, min_size=3, max_size=9),
    st.sampled_from(["Ada Lovelace", "Alan M. Turing", "Grace Hopper"]),
    st.sampled_from(["CVPR", "EMNLP", "arXiv", "NeurIPS"]),
    st.sampled_from(["", "."]),
)
def test_the_names_and_venue_of_an_italic_byline_never_join_the_title(
    words: list[str], name: str, venue: str, dot: str
) -> None:
    title = "Sys: " + " ".join(words)
    line = f"- {title}{dot} *{name} et al. {venue}* [[paper](https://arxiv.org/abs/2301.00001)]\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert (paper.title, paper.venue) == (title, venue)
    assert name not in paper.title


# won0-kim/Security-Conference-Accepted-Paper-List README.md @ 15d0fb81: a link to the
# conference's collection, then a table of its years, the "Paper List" column linking each
# year's accepted-papers page.
CONFERENCE_TABLE = """\
## USENIX Security
[Official Collection](https://www.usenix.org/conferences/byname/108)
| Year | Official Website | Paper List | Deadline | Notification | Conference | Location |
| ---- | ---------------- | ---------- | -------- | ------------ | ---------- | -------- |
| 2026| [🏠 website](https://www.usenix.org/conference/usenixsecurity26)| [🔗 Cycle 1](https://www.usenix.org/conference/usenixsecurity26/cycle1-accepted-papers)<br>[🔗 Session](https://www.usenix.org/conference/usenixsecurity26/technical-sessions)| Cycle 1: 2025-08-26<br>Cycle 2: 2026-02-05| Cycle 1: 2025-12-04<br>Cycle 2: 2026-05-14| 2026-08-12| Baltimore, MD|
| 2025| [🏠 website](https://www.usenix.org/conference/usenixsecurity25)| [🔗 link](https://www.usenix.org/conference/usenixsecurity25/technical-sessions)| Cycle 1: 2024-09-04<br>Cycle 2: 2025-01-22| Cycle 1: 2024-12-11<br>Cycle 2: 2025-04-30| 2025-08-13| Seattle, WA|
"""  # noqa: E501


def test_a_paper_list_column_links_to_lists_and_names_no_paper() -> None:
    with pytest.raises(ListError, match="no papers found"):
        _read(CONFERENCE_TABLE)


@given(
    st.sampled_from(["Official ", "Full ", "The complete ", ""]),
    st.sampled_from(["Collection", "Paper List", "List of Papers"]),
)
def test_words_for_a_list_alone_name_a_list(qualifier: str, words: str) -> None:
    assert names_venue_list(f"{qualifier}{words}")
    assert not names_venue_list(f"{words}: Scaling Learned Indexes to a Billion Keys")


@given(
    st.sampled_from(["🔗", "📄", "🏠", "⭐"]),
    st.sampled_from(["link", "Paper", "pdf", "website", "arXiv"]),
)
def test_a_pictograph_before_a_generic_label_leaves_it_generic(mark: str, word: str) -> None:
    assert is_generic(f"{mark} {word}")
    assert not is_generic(f"{mark} Attention Is All You Need")


# lastweek/fpga_readings papers.md @ 0545232c: each title closes with ", VENUE'YY" or a year,
# in the link's text or in plain text; tab-indented notes under some.
TITLES_WITH_A_COMMA_TAIL = """\
### Integrate with Host OSs

- [Seamless Hardware Software Integration in Reconfigurable Computing Systems, 2005](https://ieeexplore.ieee.org/document/1413143)
\t- Follow up summary on previous DAC'04 Virtual Memory Window.
- [FUSE: Front-end user framework for O/S abstraction of hardware accelerators, FCCM'11](https://ieeexplore.ieee.org/document/5771269)
- LEAP Soft connections: Addressing the hardware-design modularity problem, DAC'09
\t- Channel concept. Good.
- LEAP Shared Memories: Automating the Construction of FPGA Coherent Memories
\t- Add cache-coherence on top of previous work.
\t- Also check out my note on [Cache Coherence](http://lastweek.io/notes/cache_coherence/).
- LEAP FPGA Operating System, FPL'14.
"""


def test_a_venue_after_a_title_s_comma_names_a_paper_linked_or_not() -> None:
    papers, _ = _read(TITLES_WITH_A_COMMA_TAIL)
    assert papers == {
        3: (
            "Seamless Hardware Software Integration in Reconfigurable Computing Systems",
            "",
            2005,
        ),
        5: (
            "FUSE: Front-end user framework for O/S abstraction of hardware accelerators",
            "FCCM 2011",
            2011,
        ),
        6: (
            "LEAP Soft connections: Addressing the hardware-design modularity problem",
            "DAC 2009",
            2009,
        ),
        11: ("LEAP FPGA Operating System", "FPL 2014", 2014),
    }


@given(
    st.lists(_WORDS, min_size=3, max_size=8),
    st.sampled_from(["DAC", "FPL", "FCCM", "ISCA", "OSDI"]),
    st.integers(min_value=0, max_value=25),
    st.sampled_from(["", "."]),
)
def test_a_plain_title_s_comma_tail_is_its_venue(
    words: list[str], venue: str, yy: int, dot: str
) -> None:
    title = "Sys: " + " ".join(words)
    linked = "- [Other: A linked paper title](https://example.org/a.pdf)\n"
    text = f"{linked}- {title}, {venue}'{yy:02d}{dot}\n"
    papers, _ = _read(text)
    assert papers[2] == (title, f"{venue} {2000 + yy}", 2000 + yy)
