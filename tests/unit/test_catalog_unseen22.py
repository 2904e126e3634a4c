"""The twenty-second round of real lists: series headings dating each entry, citation counts
after a venue, venues led in by "Presented at", whole references as a link's text, HTML rows
with tags in their cells, people among papers.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen22/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.skips import NON_PAPERS
from papershelf.catalog.venue_headings import heading_series
from papershelf.catalog.venue_text import parse_venue

from .excerpts import read_excerpt as _read

_TITLE_WORD = st.sampled_from(
    ["Directed", "Greybox", "Fuzzing", "Hybrid", "Kernel", "Seed", "Scheduling", "for", "with"]
)
_YEAR = st.integers(min_value=1990, max_value=2025)

# PBearson/Fuzzing_Works README.md @ 531f69b9dc00d80acbdc14e074f4bcb3cb05636d
SERIES_HEADINGS = """\
## The List

### IEEE Symposium on Security and Privacy (S&P)

* **Full-Speed Fuzzing: Reducing Fuzzing Overhead through Coverage-Guided Tracing** (2019)
* **T-Fuzz: Fuzzing by Program Transformation** (2018)

### ACM Conference on Computer and Communications Security (CCS)

* **Directed Greybox Fuzzing** (2017)

### USENIX Security Symposium

* **Fuzzing with Code Fragments** (2012)

### ISOC Network and Distributed System Security Symposium (NDSS)

* **HFL: Hybrid Fuzzing on the Linux Kernel** (2020)
"""


def test_a_heading_naming_a_series_dates_each_entry_by_its_own_year() -> None:
    papers, skipped = _read(SERIES_HEADINGS)
    full_speed = "Full-Speed Fuzzing: Reducing Fuzzing Overhead through Coverage-Guided Tracing"
    assert papers == {
        5: (full_speed, "S&P 2019", 2019),
        6: ("T-Fuzz: Fuzzing by Program Transformation", "S&P 2018", 2018),
        10: ("Directed Greybox Fuzzing", "CCS 2017", 2017),  # short, and a paper all the same
        14: ("Fuzzing with Code Fragments", "USENIX Security 2012", 2012),
        18: ("HFL: Hybrid Fuzzing on the Linux Kernel", "NDSS 2020", 2020),
    }
    assert not skipped


def test_a_topic_heading_names_no_series() -> None:
    papers, _ = _read("### Fuzzing\n\n* **Directed Greybox Fuzzing for Kernels** (2017)\n")
    assert papers == {3: ("Directed Greybox Fuzzing for Kernels", "", 2017)}


@given(st.lists(_TITLE_WORD, min_size=4, max_size=8), _YEAR)
def test_an_entry_year_under_a_series_heading_gives_the_series_in_that_year(
    words: list[str], year: int
) -> None:
    title = " ".join(words).capitalize()
    papers, _ = _read(f"### USENIX Security Symposium\n\n* **{title}** ({year})\n")
    assert papers == {3: (title, f"USENIX Security {year}", year)}


def test_heading_series_reads_the_short_name_or_the_full_one() -> None:
    assert heading_series("IEEE Symposium on Security and Privacy (S&P)") == "S&P"
    assert heading_series("USENIX Security Symposium") == "USENIX Security"
    assert heading_series("Network and Distributed System Security Symposium") == "NDSS"
    assert heading_series("Fuzzing") is None
    assert heading_series("Pointer Analysis (PA)") is None


# HaroldMua/paper-notes inference.md @ 1cf190dd0c1f3865f966897e7af8c2faa950d966
CITATION_COUNTS = """\
## Serving

- DeepCPU: Serving RNN-based Deep Learning Models 10x Faster. *Minjia Zhang*. **ATC**, 2018 [[paper]](https://www.usenix.org/conference/atc18/presentation/zhang-minjia) (Citations 67)

- Deep Learning Inference Service at Microsoft. *Jonathan Soifer*. **OpML**, 2019 [[paper]](https://www.usenix.org/conference/opml19/presentation/soifer) (Citations 10)

## Scheduling

- Olympian: Scheduling GPU Usage in a Deep Neural Network Model Serving System. *Yitao Hu*. **Middleware**. 2018 [[paper]](https://dl.acm.org/doi/10.1145/3274808.3274813) (Citations 7)
"""  # noqa: E501


def test_a_closing_citation_count_is_a_note_and_the_year_after_the_venue_dates_it() -> None:
    papers, _ = _read(CITATION_COUNTS)
    assert papers == {
        3: ("DeepCPU: Serving RNN-based Deep Learning Models 10x Faster", "ATC 2018", 2018),
        5: ("Deep Learning Inference Service at Microsoft", "OpML 2019", 2019),
        9: (
            "Olympian: Scheduling GPU Usage in a Deep Neural Network Model Serving System",
            "Middleware 2018",
            2018,
        ),
    }


@given(st.lists(_TITLE_WORD, min_size=4, max_size=8), _YEAR, st.integers(0, 5000))
def test_a_citation_count_never_hides_the_year(words: list[str], year: int, count: int) -> None:
    title = " ".join(words).capitalize()
    link = "[[paper]](https://x.org/p.pdf)"
    line = f"- {title}. *Ada Lovelace*. **OSDI**, {year} {link} (Citations {count})\n"
    papers, _ = _read(line)
    assert papers == {1: (title, f"OSDI {year}", year)}


# mo-xiaoxi/computer-network-security-papers-reading reading_list.md
# @ e02b6c96a6140087f6199ddcfdfa23bde6628404
LED_IN_VENUES = """\
## TLS and PKI

4. Durumeric, Z., Ma, Z., Springall, D., Barnes, R., Sullivan, N., Bursztein, E., et al. (n.d.). [The Security Impact of HTTPS Interception](https://jhalderm.com/pub/papers/interception-ndss17.pdf). Presented at the Network and Distributed System Security Symposium, 2017

## DDOS

1. Jianjun Chen, Jian Jiang, Xiaofeng Zheng, Haixin Duan, Jinjin Liang, Tao Wan, Kang Li, Vern Paxson, [Forwarding-Loop Attacks in Content Delivery Networks](https://www.internetsociety.org/sites/default/files/04_2-ndss2016-slides.pdf), accepted by NDSS 2016
"""  # noqa: E501


def test_a_venue_led_in_by_presented_at_or_accepted_by_is_named_without_them() -> None:
    papers, _ = _read(LED_IN_VENUES)
    assert papers == {
        3: (
            "The Security Impact of HTTPS Interception",
            "Network and Distributed System Security Symposium 2017",
            2017,
        ),
        7: ("Forwarding-Loop Attacks in Content Delivery Networks", "NDSS 2016", 2016),
    }


def test_proc_leads_in_only_before_of_or_an_edition() -> None:
    assert parse_venue("Presented at the NSDI 2019") == parse_venue("NSDI 2019")
    found = parse_venue("Proc. 44th International Conference on Dependable Systems 2014")
    assert found is not None and found.name == "International Conference on Dependable Systems"
    kept = parse_venue("Proc. VLDB Endowment 2018")
    assert kept is not None and kept.name == "Proc. VLDB Endowment"


# mo-xiaoxi/computer-network-security-papers-reading reading_list.md
# @ e02b6c96a6140087f6199ddcfdfa23bde6628404
LINKED_REFERENCES = """\
## DNS Security

1. [H. Yang, E. Osterweil, D. Massey, S. Lu, and L. Zhang, “Deploying Cryptography in Internet-Scale Systems: A Case con DNSSEC,” IEEE Trans. Dependable and Secure Comput., vol. 8, no. 5, pp. 656–669, 2011.](http://irl.cs.ucla.edu/~eoster/doc/todsc-paper.pdf)

## Web Security

3. [R. Wang, S. Chen, and X. Wang, “Signing me onto your accounts through facebook and google: A traffic-guided security study of commercially deployed single-sign-on web services,” pp. 365–379, 2012.](http://www.informatics.indiana.edu/xw7/papers/websso.pdf)
5. [M. S. Kang, S. B. Lee, and V. D. Gligor, “The Crossfire Attack,” presented at the 2013 IEEE Symposium on Security and Privacy (SP) Conference dates subject to change, pp. 127–141.](http://www.ieee-security.org/TC/SP2013/papers/4977a127.pdf)
"""  # noqa: E501


def test_a_link_holding_a_whole_reference_names_the_quoted_title() -> None:
    papers, _ = _read(LINKED_REFERENCES)
    signing = (
        "Signing me onto your accounts through facebook and google: A traffic-guided security"
        " study of commercially deployed single-sign-on web services"
    )
    assert papers == {
        3: (
            "Deploying Cryptography in Internet-Scale Systems: A Case con DNSSEC",
            "IEEE Trans. Dependable and Secure Comput 2011",
            2011,
        ),
        7: (signing, "", 2012),
        8: ("The Crossfire Attack", "SP 2013", 2013),
    }


# liuyehcf/BlogSource _posts/Papers.md @ 0077ce168f616bee8020d1061d7a65a489ca8c93
# (two rows, their notes shortened)
HTML_ROWS = """\
# 1 OLAP

<table>
    <thead>
        <tr>
            <th style="text-align:left">题目</th>
            <th style="text-align:left">分类</th>
            <th style="text-align:left">概要</th>
            <th style="text-align:left">状态</th>
        </tr>
    </thead>
    <tbody>
        <tr>
            <td style="text-align:left">
                <a href="/resources/paper/Morsel-Driven-Parallelism.pdf">Morsel-Driven Parallelism: A NUMA-Aware Query Evaluation Framework for the Many-Core Age</a>
            </td>
            <td style="text-align:left">
                <li><code>#Execution</code></li>
                <li><code>#Parallel</code></li>
            </td>
            <td style="text-align:left">
                <li>Mosel is a small fragments of input data</li>
                <li>Work stealing</li>
            </td>
            <td style="text-align:left">✅</td>
        </tr>
        <tr>
            <td style="text-align:left">
                <a href="/resources/paper/Push-vs-Pull-Based-Loop-Fusion-in-Query-Engines.pdf">Push vs. Pull-Based Loop Fusion in Query Engines</a>
            </td>
            <td style="text-align:left">
                <li><code>#Execution</code></li>
            </td>
            <td style="text-align:left"></td>
            <td style="text-align:left">✅</td>
        </tr>
    </tbody>
</table>
"""  # noqa: E501


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
