"""Shapes met in an eighth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (repository and path, or the search index's stored
id when the index gives no repository); the expectations are what a careful reader of that
excerpt would write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.inline import clean_title
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import NON_PAPERS, NOTES
from papershelf.catalog.venue_text import VenueGuess

from .excerpts import read_excerpt as _read

# c01dkit/sec-papers-collection, docs/usenix_security_2024.md (stored id 398624190): an
# accepted-papers page, one bare heading per paper, each only the linked title (relative to
# usenix.org); the venue is the page's title.
LINKED_HEADINGS = """\
---
title: USENIX Sec 2024
---

# USENIX Sec 2024

227 papers accepted.

You can find [the lastest information here](https://www.usenix.org/conference/usenixsecurity24/summer-accepted-papers).

---

#### [Accelerating Secure Collaborative Machine Learning with Protocol-Aware RDMA](/conference/usenixsecurity24/presentation/ren)

#### [ABACuS: All-Bank Activation Counters for Scalable and Low Overhead RowHammer Mitigation](/conference/usenixsecurity24/presentation/olgun)

#### ["Belt and suspenders" or "just red tape"?: Investigating Early Artifacts and User Perceptions of IoT App Security Certification](/conference/usenixsecurity24/presentation/mandal)
"""  # noqa: E501


def test_a_run_of_bare_linked_headings_is_an_accepted_papers_page() -> None:
    papers, _ = _read(LINKED_HEADINGS)
    venue = ("USENIX Sec 2024", 2024)
    assert papers == {
        13: (
            "Accelerating Secure Collaborative Machine Learning with Protocol-Aware RDMA",
            *venue,
        ),
        15: (
            "ABACuS: All-Bank Activation Counters for Scalable and Low Overhead RowHammer "
            "Mitigation",
            *venue,
        ),
        17: (
            '"Belt and suspenders" or "just red tape"?: Investigating Early Artifacts and User '
            "Perceptions of IoT App Security Certification",
            *venue,
        ),
    }


# An "Awesome-Software-Supply-Chain-Security" README (stored id 44391330382): a heading of
# only a year over headings naming the venue without one; a plain title with its [Paper] link
# below; a Contributing section whose commit-message examples are code spans.
YEAR_OVER_SERIES = """\
### Security Conferences (Big 4)

#### 2024

##### IEEE S&P (Oakland)

- Signing in four public software package registries: Quantity, quality, and influencing factors
  - [Paper](https://ieeexplore.ieee.org/abstract/document/10646801/)

#### 2023

##### IEEE S&P (Oakland)

- It's like flossing your teeth: On the importance and challenges of reproducible builds for software supply chain security
  - [Paper](https://ieeexplore.ieee.org/abstract/document/10179320) | [DOI](https://doi.org/10.1109/SP46215.2023.10179320)

- "Always Contribute Back": A Qualitative Study on Security Challenges of the Open Source Supply Chain
  - [Paper](https://ieeexplore.ieee.org/document/10179378) | [DOI](https://doi.org/10.1109/SP46215.2023.10179378)

##### USENIX Security

- Beyond typosquatting: an in-depth look at package confusion
  - [Paper](https://www.usenix.org/conference/usenixsecurity23/presentation/neupane) | [PDF](https://www.usenix.org/system/files/usenixsecurity23-neupane.pdf)

## Contributing

### Commit Message Format

Examples:
- `[ICSE 2025] Add paper on supply chain vulnerability detection`
- `[CCS 2024] Add malicious package detection research`
"""  # noqa: E501


def test_a_series_heading_under_a_year_heading_is_the_venue_of_that_year() -> None:
    papers, skipped = _read(YEAR_OVER_SERIES)
    assert papers == {
        7: (
            "Signing in four public software package registries: Quantity, quality, and "
            "influencing factors",
            "IEEE S&P 2024",
            2024,
        ),
        14: (
            "It's like flossing your teeth: On the importance and challenges of reproducible "
            "builds for software supply chain security",
            "IEEE S&P 2023",
            2023,
        ),
        17: (
            '"Always Contribute Back": A Qualitative Study on Security Challenges of the Open '
            "Source Supply Chain",
            "IEEE S&P 2023",
            2023,
        ),
        22: (
            "Beyond typosquatting: an in-depth look at package confusion",
            "USENIX Security 2023",
            2023,
        ),
    }
    assert (skipped[30], skipped[31]) == (NON_PAPERS, NON_PAPERS)


def test_only_a_series_short_name_is_a_venue_heading() -> None:
    from papershelf.catalog.venue_headings import series_name

    assert series_name("USENIX Security") == "USENIX Security"
    assert series_name("IEEE S&P (Oakland)") == "IEEE S&P"
    assert series_name("FSE/ESEC") == "FSE/ESEC"
    assert series_name("arXiv") == "arXiv"
    assert series_name("LLM") is None  # an acronym, but no series: a topic
    assert series_name("Cluster Scheduling") is None  # a known word, written as a word
    assert series_name("Security Conferences (Big 4)") is None


@given(st.text(max_size=60))
def test_a_series_name_is_the_heading_s_own_words(text: str) -> None:
    from papershelf.catalog.venue_headings import series_name

    name = series_name(text)
    assert name is None or name in text


# aprell/aprell.github.io, source/_posts/2019-09-15-classic-programming-languages-papers.markdown
# (stored id 8948181645): the author, the title by a reference link, then ", 1964:" and
# keywords; a reprint's year after a slash.
COMMA_YEAR_COLON = """\
- Peter J. Landin, [The Mechanical Evaluation of Expressions][1], 1964:
  applicative expressions, syntactic sugar, evaluation, environment, abstract
  machine ([Papers We Love presentation][2])

- John C. Reynolds, [Definitional Interpreters for Higher-Order Programming
  Languages][4], 1972 / 1998: meta-circular interpreter, defunctionalization,
  continuation-passing style ([Papers We Love presentation][5])

- Christopher Strachey, [Fundamental Concepts in Programming Languages][7],
  2000: L-values and R-values, call by value, call by reference, first-class

[1]: https://www.cs.cmu.edu/afs/cs/user/crary/www/819-f09/Landin64.pdf
[2]: https://www.youtube.com/watch?v=QZzRritGiyI
[4]: http://surface.syr.edu/cgi/viewcontent.cgi?article=1012&context=lcsmith_other
[5]: http://homepages.inf.ed.ac.uk/wadler/topics/history.html#definitional-interpreters
[7]: http://citeseerx.ist.psu.edu/viewdoc/download?doi=10.1.1.332.3161&rep=rep1&type=pdf
"""


def test_a_year_after_the_linked_title_and_a_comma_is_the_paper_s() -> None:
    parsed = parse_list(COMMA_YEAR_COLON, source="excerpt.md")
    assert [(p.line, p.year, p.authors) for p in parsed.papers] == [
        (1, 1964, ("Peter J. Landin",)),
        (5, 1972, ("John C. Reynolds",)),
        (9, 2000, ("Christopher Strachey",)),
    ]


# A Chinese survey notes file "P7 — Fuzzing 研究前沿论文扫视（2023–2026）" (stored id
# 70755576351): a table whose "venue+年份" column gives venue and year; one heading per
# paper with a "venue+年份：" key line, its remark in full-width brackets or after "——"; a
# heading naming a venue's accepted-papers page; a system's name with its paper's title in
# full-width brackets.
VENUE_YEAR_KEY = """\
| # | 论文 | venue+年份 | 读了能直接改哪个设计决策 |
|---|------|-----------|------------------------|
| 1 | SoK: Prudent Evaluation Practices for Fuzzing | IEEE S&P 2024 | 改 wave-0 / 6h 深跑的对比验收协议 |

## A. 理论与实证评测（SoK / 基准 / FuzzBench 现状）

### 29. On the Reliability of Coverage-Based Fuzzer Benchmarking
- venue+年份：ISSTA 2022（临界，作背景）
- 优先级：P2；链接：待验证（检索快照，scispace 索引页）

### 30. Fuzzing: On Benchmarking Outcome as a Function of Experimental Variables
- venue+年份：arXiv 2212.09519（2022-12，v2 更新；临界）
- 优先级：P2；链接：https://arxiv.org/html/2212.09519v2（今日已验证）

### 52. NDSS 2025 官方收录清单
- venue+年份：NDSS 2025（列表资源）
- 优先级：watch；链接：https://www.ndss-symposium.org/ndss2025/accepted-papers/（URL 真实，本次抓取失败）

### 14. TitanFuzz（Large Language Models are Zero-Shot Fuzzers）
- venue+年份：ISSTA 2023

### 37. FuzzUEr: Enabling Fuzzing of UEFI Interfaces
- venue+年份：NDSS 2025——固件接口 fuzzing；机制：接口层 harness 合成。→ reference；watch；待验证。
"""  # noqa: E501


def test_a_venue_and_year_key_gives_the_venue_without_its_remark() -> None:
    papers, skipped = _read(VENUE_YEAR_KEY)
    assert skipped[15] == NOTES  # the venue's accepted-papers page
    assert papers == {
        3: ("SoK: Prudent Evaluation Practices for Fuzzing", "IEEE S&P 2024", 2024),
        7: ("On the Reliability of Coverage-Based Fuzzer Benchmarking", "ISSTA 2022", 2022),
        11: (
            "Fuzzing: On Benchmarking Outcome as a Function of Experimental Variables",
            "arXiv 2022",
            2022,
        ),
        19: ("TitanFuzz", "ISSTA 2023", 2023),
        22: ("FuzzUEr: Enabling Fuzzing of UEFI Interfaces", "NDSS 2025", 2025),
    }


def test_keyed_venue_lines() -> None:
    from papershelf.catalog.keyed_venue import keyed_venue

    assert keyed_venue("venue+年份：USENIX NSDI 2023（Fioraldi, Mantovani）") == VenueGuess(
        "USENIX NSDI", 2023
    )
    assert keyed_venue("Venue: OSDI 2023") == VenueGuess("OSDI", 2023)
    assert keyed_venue("venue+年份：arXiv（2024–2025 快照）") == VenueGuess("arXiv", None)
    assert keyed_venue("venue+年份：GitHub 持续更新（meta 资源）") is None
    assert keyed_venue("一句话结论：ISSTA 2022") is None  # not a venue's key


def test_a_venue_and_year_with_only_list_words_names_the_venue_s_list() -> None:
    from papershelf.catalog.venue_headings import names_venue_list

    assert names_venue_list("NDSS 2025 官方收录清单")
    assert names_venue_list("OSDI 2024 Accepted Papers")
    assert not names_venue_list("Accepted Papers")
    assert not names_venue_list("Learning to Rank Papers")


# onehouwong/Cellular-Security-Papers, README.md (stored id 19123846682): paragraphs of a
# linked title and the venue in parentheses, written in the list's own letters ("Wisec'24",
# "Usenix Sec 22"); a pictograph inside one title.
OWN_LETTERS = """\
[ASTRA-5G: Automated Over-the-Air Security Testing and Research Architecture for 5G SA Devices](https://dl.acm.org/doi/pdf/10.1145/3643833.3656141) (Wisec'24)

[LTRACK: Stealthy Tracking of Mobile Phones in LTE](https://www.usenix.org/system/files/sec22summer_kotuliak.pdf) (Usenix Sec 22)

[BigMac 🍔 Performance Overhead of User Plane Integrity Protection in 5G Networks](https://radix-security.com/files/bigmac.pdf) (Wisec 23)
"""  # noqa: E501


def test_a_venue_in_the_list_s_own_letters_and_a_pictograph_in_a_title() -> None:
    papers, _ = _read(OWN_LETTERS)
    assert papers == {
        1: (
            "ASTRA-5G: Automated Over-the-Air Security Testing and Research Architecture for 5G "
            "SA Devices",
            "Wisec 2024",
            2024,
        ),
        3: ("LTRACK: Stealthy Tracking of Mobile Phones in LTE", "Usenix Sec 2022", 2022),
        5: (
            "BigMac Performance Overhead of User Plane Integrity Protection in 5G Networks",
            "Wisec 2023",
            2023,
        ),
    }


@given(st.text(max_size=40))
def test_a_cleaned_title_keeps_no_pictograph(text: str) -> None:
    cleaned = clean_title(f"Title {text} 🔥 end")
    assert "🔥" not in cleaned
    assert clean_title("Verifying C♯ Programs") == "Verifying C♯ Programs"  # a name's sign


# A Chinese paper-notes file on "Practical Proofs of Parsing for Context-free Grammars" (stored
# id 56217376405): numbered references "[n] Authors 等. Title. **VENUE YEAR**" with a Google
# Scholar search link; some are a repository, a web project or a blog post.
SCHOLAR_SEARCH = """\
### 相关工作
[1] Angel 等. Reef: Fast Succinct Non-interactive Zero-Knowledge Regex Proofs. **CCS 2023** [Google Scholar](https://scholar.google.com/scholar?q=Reef+Fast+Succinct+Non-interactive+Zero-Knowledge+Regex+Proofs)
> 核心思路：利用递归证明系统实现正则表达式的解析证明。

[4] zkjson. **GitHub repository** [Google Scholar](https://scholar.google.com/scholar?q=zkjson)
> 核心思路：在 ZK 电路内执行 JSON 解析。

[6] DECO: Liberating Web Data using Decentralized Oracles for TLS. **CCS 2020** [Google Scholar](https://scholar.google.com/scholar?q=DECO+Liberating+Web+Data+using+Decentralized+Oracles+for+TLS)
> 核心思路：利用 TLS 承诺与 ZKP 实现安全的数据来源证明。

[7] Chainlink Labs. Deco Research Series #3: Parsing the Response. **Blog 2023** [Google Scholar](https://scholar.google.com/scholar?q=Deco+Research+Series+3+Parsing+the+Response)
"""


def test_numbered_references_with_a_bold_venue_and_a_search_link() -> None:
    parsed = parse_list(SCHOLAR_SEARCH, source="excerpt.md")
    assert [(p.line, p.title, p.venue, p.authors, p.links) for p in parsed.papers] == [
        (
            2,
            "Reef: Fast Succinct Non-interactive Zero-Knowledge Regex Proofs",
            "CCS 2023",
            ("Angel et al",),
            (),
        ),
        (8, "DECO: Liberating Web Data using Decentralized Oracles for TLS", "CCS 2020", (), ()),
    ]
    assert dict(parsed.skipped)[11].startswith(NON_PAPERS)


def test_a_search_for_the_entry_is_no_link_of_it() -> None:
    from papershelf.catalog.links import is_search

    assert is_search("https://scholar.google.com/scholar?q=Reef+Fast")
    assert is_search("https://www.semanticscholar.org/search?q=DECO")
    assert not is_search("https://scholar.google.com/citations?user=abc")
    assert not is_search("https://arxiv.org/abs/2402.12065")
