"""The twenty-second round of real lists (test_catalog_unseen22.py): the rest of its excerpts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.skips import NON_PAPERS

from .excerpts import read_excerpt as _read
from .test_catalog_unseen22 import _YEAR, HTML_ROWS


def test_an_html_row_with_tags_and_notes_in_its_cells_is_one_paper() -> None:
    papers, _ = _read(HTML_ROWS)
    morsel = (
        "Morsel-Driven Parallelism: A NUMA-Aware Query Evaluation Framework for the Many-Core Age"
    )
    assert papers == {
        13: (morsel, "", None),
        27: ("Push vs. Pull-Based Loop Fusion in Query Engines", "", None),
    }


def test_list_items_in_an_html_title_column_stay_papers_of_their_own() -> None:
    table = (
        "<table>\n<tr><th>Topic</th><th>Title</th></tr>\n"
        '<tr><td>Storage</td><td><li><a href="https://x.org/a.pdf">The Design of a Log'
        ' Structured File System</a></li>\n<li><a href="https://x.org/b.pdf">A Fast File'
        " System for UNIX Systems</a></li></td></tr>\n</table>\n"
    )
    papers, _ = _read(table)
    assert sorted(title for title, _, _ in papers.values()) == [
        "A Fast File System for UNIX Systems",
        "The Design of a Log Structured File System",
    ]


# sarsanaee/Cook-Congestion-Control README.md @ 085c439536838b4018ea12076deca9c0918bb4c9
PEOPLE = """\
### Flow Control
1. [RDMA over Commodity Ethernet at Scale](https://www.microsoft.com/en-us/research/wp-content/uploads/2016/11/rdma_sigcomm2016.pdf)
2. [Practical DCB for Improved Data Center Networks](http://pages.cs.wisc.edu/~brentstephens/docs/tcp-bolt.infocom14.pdf)
3. [Revisiting Network Support for RDMA](https://people.eecs.berkeley.edu/~radhika/irn.pdf)

## Well known researchers in this area
1. [Mohammad Alizadeh](https://people.csail.mit.edu/alizadeh/)
2. [Thomas Anderson](https://www.cs.washington.edu/people/faculty/tom/)
"""


def test_people_linked_to_their_pages_are_no_papers() -> None:
    papers, skipped = _read(PEOPLE)
    assert sorted(papers) == [2, 3, 4]
    assert skipped == {7: NON_PAPERS, 8: NON_PAPERS}


# HaroldMua/paper-notes inference.md @ 1cf190dd0c1f3865f966897e7af8c2faa950d966
EDITION_VENUE = """\
## Benchmark
- Almeida, Mario, et al. "EmBench: Quantifying Performance Variations of Deep Neural Networks across Modern Commodity Devices." The 3rd International Workshop on Deep Learning for Mobile Systems and Applications. 2019. [[Paper]](https://arxiv.org/pdf/1905.07346.pdf)
"""  # noqa: E501


def test_an_edition_s_ordinal_before_a_cited_venue_is_no_part_of_its_name() -> None:
    papers, _ = _read(EDITION_VENUE)
    title = (
        "EmBench: Quantifying Performance Variations of Deep Neural Networks across Modern"
        " Commodity Devices"
    )
    venue = "International Workshop on Deep Learning for Mobile Systems and Applications 2019"
    assert papers == {2: (title, venue, 2019)}


@given(st.integers(1, 60), st.sampled_from(["The ", "Proc. ", ""]), _YEAR)
def test_an_ordinal_edition_never_becomes_the_venue(n: int, lead: str, year: int) -> None:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
    line = (
        f'- Ada Lovelace. "Graph Query Processing for Large Streams." {lead}{n}{suffix}'
        f" International Workshop on Stream Systems. {year}. [[Paper]](https://x.org/a.pdf)\n"
    )
    papers, _ = _read(line)
    assert papers == {
        1: (
            "Graph Query Processing for Large Streams",
            f"International Workshop on Stream Systems {year}",
            year,
        )
    }


# maczniak/about_ethereum REFERENCES.md @ 375a26456409a0f350c83cd75cfac9358c560b5d
DATED_NOTES = """\
* [Blockchain Consensus Protocols in the Wild](https://arxiv.org/abs/1707.01873) by Christian Cachin and Marko Vukolić (IBM Research, 2017-07-07)
* [Understanding Blockchain Consensus Models](https://www.persistent.com/wp-content/uploads/2017/04/WP-Understanding-Blockchain-Consensus-Models.pdf) by Dr. Arati Baliga (Persistent Systems, April 2017)
"""  # noqa: E501


def test_a_closing_date_written_year_first_gives_the_year() -> None:
    papers, _ = _read(DATED_NOTES)
    assert papers == {
        1: ("Blockchain Consensus Protocols in the Wild", "", 2017),
        2: ("Understanding Blockchain Consensus Models", "", 2017),
    }


# mo-xiaoxi/computer-network-security-papers-reading reading_list.md
# @ e02b6c96a6140087f6199ddcfdfa23bde6628404
APA_PRESENTED = """\
## TCP/IP & NIDS

2. Wang, Z., Cao, Y., Qian, Z., Song, C., & Krishnamurthy, S. V. [Your state is not mine- a closer look at evading stateful internet censorship](http://www.cs.ucr.edu/~krish/imc17.pdf) (pp. 114–127). Presented at the the 2017 Internet Measurement Conference, New York, New York, USA: ACM Press.
4. Tschantz, M. C., Afroz, S., Anonymous, & Paxson, V. (n.d.). SoK: [Towards Grounding Censorship Circumvention in Empiricism](http://ieeexplore.ieee.org/document/7546542/) (pp. 914–933). Presented at the 2016 IEEE Symposium on Security and Privacy (SP)
"""  # noqa: E501


def test_where_an_apa_entry_was_presented_is_its_venue() -> None:
    papers, _ = _read(APA_PRESENTED)
    assert papers[3][1:] == ("Internet Measurement Conference 2017", 2017)
    assert papers[4][1:] == ("SP 2016", 2016)


# HaroldMua/paper-notes inference.md @ 1cf190dd0c1f3865f966897e7af8c2faa950d966
UNLINKED_CITATIONS = """\
## Scheduling

- Irina: Accelerating DNN Inference with Efficient Online Scheduling. *Xiaorui Wu*. **APNET**. 2020 [[paper]](https://dl.acm.org/doi/abs/10.1145/3411029.3411035)

- A survey on scheduling and load balancing techniques in cloud computing environment. *Subhadra Shaw*. 2014

- Paragon: QoSAware Scheduling for Heterogeneous Datacenters. *Christina Delimitrou*. 2013
"""  # noqa: E501


def test_a_title_its_italic_author_and_year_are_a_paper_without_a_link() -> None:
    papers, skipped = _read(UNLINKED_CITATIONS)
    survey = "A survey on scheduling and load balancing techniques in cloud computing environment"
    assert papers == {
        3: (
            "Irina: Accelerating DNN Inference with Efficient Online Scheduling",
            "APNET 2020",
            2020,
        ),
        5: (survey, "", 2014),
        7: ("Paragon: QoSAware Scheduling for Heterogeneous Datacenters", "", 2013),
    }
    assert not skipped


def test_a_topic_with_italic_words_and_no_year_stays_a_label() -> None:
    papers, _ = _read(
        "- [Chord: A Scalable Lookup Service](https://x.org/chord.pdf)\n"
        "- Cluster scheduling. *Notes to read*\n"
    )
    assert list(papers) == [1]


# Eric3911/Related-works-ch
# 03_神经计算与边缘计算研究/MLIR-main/mlir-www-main/website/content/pubs/_index.md
# @ 0d4a8953d0c6ea92e651f7366bc34168b3ce8c5d
VENUE_LINES = """\
## Publications

* [MLIR: Scaling Compiler Infrastructure for Domain Specific
  Computation](https://ieeexplore.ieee.org/abstract/document/9370308) -
  Chris Lattner, Mehdi Amini, Uday Bondhugula, Albert Cohen, Andy Davis, Jacques Pienaar, River Riddle, Tatiana Shpeisman, Nicolas Vasilache, Oleksandr Zinenko - In proceedings of 2021 IEEE/ACM International Symposium on Code Generation and Optimization (CGO) - pp. 2-14 -
  A preprint is available on [arXiv](https://arxiv.org/abs/2002.11054), see
  [FAQ](https://mlir.llvm.org/getting_started/Faq/#how-to-refer-to-mlir-in-publications-is-there-an-accompanying-paper)
  for citation how-to.

### About MLIR and MLIR Components

* [Composable and Modular Code Generation in MLIR: A Structured and Retargetable Approach to Tensor Compiler Construction](https://arxiv.org/abs/2202.03293) -
  Nicolas Vasilache, Oleksandr Zinenko, Aart J.C. Bik, Mahesh Ravishankar, Thomas Raoux, Alexander Belyaev, Matthias Springer, Tobias Gysi, Diego Caballero, Stephan Herhut, Stella Laurenzo, Albert Cohen.
  Pre-print on arXiv. February 7, 2022.
"""  # noqa: E501


def test_the_year_of_proceedings_and_a_last_line_naming_the_venue() -> None:
    papers, _ = _read(VENUE_LINES)
    composable = (
        "Composable and Modular Code Generation in MLIR: A Structured and Retargetable Approach"
        " to Tensor Compiler Construction"
    )
    assert papers == {
        3: (
            "MLIR: Scaling Compiler Infrastructure for Domain Specific Computation",
            "CGO 2021",
            2021,
        ),
        12: (composable, "arXiv 2022", 2022),
    }


# mo-xiaoxi/computer-network-security-papers-reading reading_list.md
# @ e02b6c96a6140087f6199ddcfdfa23bde6628404
FULL_WIDTH_COMMA = """\
2. *Yossi Gilad ， Amir Herzberg, Michael Sudkovitch and Michael Goberman，* [*CDN-on-Demand:  An affordable DDoS Defense via Untrusted Clouds*](https://www.internetsociety.org/sites/default/files/blogs-media/cdn-on-demand-affordable-ddos-defense-via-untrusted-clouds.pdf)*，NDSS 2016*
"""  # noqa: E501


def test_a_venue_after_a_full_width_comma() -> None:
    papers, _ = _read(FULL_WIDTH_COMMA)
    title = "CDN-on-Demand: An affordable DDoS Defense via Untrusted Clouds"
    assert papers == {1: (title, "NDSS 2016", 2016)}


# maczniak/about_ethereum REFERENCES.md @ 375a26456409a0f350c83cd75cfac9358c560b5d
CITED_BOOKS = """\
to read
* J. A. Garay, A. Kiayias, and N. Leonardos. The bitcoin backbone protocol: Analysis and applications. In Advances in Cryptology: Eurocrypt 2015, volume 9057 of Lecture Notes in Computer Science, pages 281–310. Springer, 2015.
* B. Liskov and J. Cowling. Viewstamped replication revisited. MIT-CSAIL-TR-2012-021, July 2012.
* B. Liskov. From viewstamped replication to Byzantine fault tolerance. In B. Charron-Bost, F. Pedone, and A. Schiper, editors, Replication: Theory and Practice, volume 5959 of Lecture Notes in Computer Science, pages 121–149. Springer, 2010.
"""  # noqa: E501


def test_proceedings_titles_editors_and_report_numbers_are_no_venue_names() -> None:
    papers, _ = _read(CITED_BOOKS)
    assert papers == {
        2: ("The bitcoin backbone protocol: Analysis and applications", "Eurocrypt 2015", 2015),
        3: ("Viewstamped replication revisited", "", 2012),
        4: (
            "From viewstamped replication to Byzantine fault tolerance",
            "Replication: Theory and Practice 2010",
            2010,
        ),
    }


# mo-xiaoxi/computer-network-security-papers-reading reading_list.md
# @ e02b6c96a6140087f6199ddcfdfa23bde6628404
APA_ITALIC_VENUE = """\
3. Larisch, J., Choffnes, D. R., Levin, D., Maggs, B. M., Mislove, A., & Wilson, C. (2017). [CRLite - A Scalable System for Pushing All TLS Revocations to All Browsers](http://ieeexplore.ieee.org/document/7958597/). *IEEE Symposium on Security and Privacy*, 539–556. http://doi.org/10.1109/SP.2017.17
"""  # noqa: E501


def test_an_apa_entry_s_italic_venue_before_pages_and_a_doi_takes_the_apa_year() -> None:
    papers, _ = _read(APA_ITALIC_VENUE)
    title = "CRLite - A Scalable System for Pushing All TLS Revocations to All Browsers"
    assert papers == {1: (title, "IEEE Symposium on Security and Privacy 2017", 2017)}
