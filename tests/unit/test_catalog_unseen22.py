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
