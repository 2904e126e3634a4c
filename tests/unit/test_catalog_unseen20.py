"""The twentieth round of real lists: references split over lines, task lists of plain titles.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen20/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.reference_lines import cited_venue, line_venue
from papershelf.catalog.skips import LABELS
from papershelf.catalog.venue_lists import names_venues
from papershelf.domain.full_names import FULL_NAMES

from .excerpts import read_excerpt as _read

_TITLE_WORD = st.sampled_from(
    ["Scaling", "Pipeline", "Parallelism", "for", "Large", "Model", "Training", "with"]
)
_NAME = st.sampled_from(["Ao Sun", "Weilin Zhao", "Xu Han", "Cheng Yang", "Min Lin"])

# InternLM/Awesome-LLM-Training-System Parallelism_Schemes.md
# @ f2051b141618af0f6c8af8cb001f2bde21198b15
REFERENCE_BULLETS = """\
#### Data Parallelism
- Horovod: fast and easy distributed deep learning in tensorflow [[pdf](https://arxiv.org/abs/1802.05799)]
    - arXiv preprint arXiv:1802.05799
    - Alexander Sergeev, Mike Del Balso

- Zero: Memory optimizations toward training trillion parameter models [[pdf](https://arxiv.org/abs/1910.02054)]
    - SC20: International Conference for High Performance Computing, Networking, Storage and Analysis. IEEE, 2020, pp. 1–16.
    - Samyam Rajbhandari, Jeff Rasley, Olatunji Ruwase, Yuxiong He

#### Pipeline Parallelism
- Gpipe: Efficient training of giant neural networks using pipeline parallelism [[pdf](https://arxiv.org/abs/1811.06965)]
    - Advances in neural information processing systems
    - Yanping Huang, Youlong Cheng, Ankur Bapna, Orhan Firat

- Dynapipe: Optimizing multi-task training through dynamic pipelines [[pdf](https://arxiv.org/abs/2311.10418)]
    - Proceedings of the Nineteenth European Conference on Computer Systems, 2024, pp. 542–559.
    - Chenyu Jiang, Zhen Jia, Shuai Zheng, Yida Wang, Chuan Wu

- Distmm: Accelerating distributed multimodal model training [[pdf](https://www.usenix.org/conference/nsdi24/presentation/huang)]
    - 21st USENIX Symposium on Networked Systems Design and Implementation (NSDI 24), 2024, pp. 1157–1171.
    - Jun Huang, Zhen Zhang, Shuai Zheng， Feng Qin,Yida Wang
"""  # noqa: E501


def test_a_reference_s_venue_on_the_bullet_under_a_title_is_its_venue() -> None:
    papers, _ = _read(REFERENCE_BULLETS)
    assert papers == {
        2: ("Horovod: fast and easy distributed deep learning in tensorflow", "arXiv 2018", 2018),
        6: (
            "Zero: Memory optimizations toward training trillion parameter models",
            "SC 2020",
            2020,
        ),
        11: (
            "Gpipe: Efficient training of giant neural networks using pipeline parallelism",
            "NeurIPS",
            None,
        ),
        15: (
            "Dynapipe: Optimizing multi-task training through dynamic pipelines",
            "EuroSys 2024",
            2024,
        ),
        19: ("Distmm: Accelerating distributed multimodal model training", "NSDI 2024", 2024),
    }


@given(st.sampled_from(sorted(FULL_NAMES)), st.integers(1970, 2069), st.integers(1, 40))
def test_a_series_written_out_in_full_is_its_short_name(words: str, year: int, nth: int) -> None:
    line = f"Proceedings of the {nth}th ACM {words.title()}, {year}, pp. 1–12."
    found = cited_venue(line)
    assert found is not None
    assert (found.name, found.year) == (FULL_NAMES[words], year)


@given(st.lists(_TITLE_WORD, min_size=3, max_size=8))
def test_a_sentence_with_no_series_and_no_year_is_no_reference_venue(words: list[str]) -> None:
    assert cited_venue(" ".join(words)) is None


# p4lang/papers README.md @ 2128327ff6035f9502d1be58c2072374bbe8ebc7
FIELD_A_LINE = """\
Papers
------------------

* Towards Programmable Packet Scheduling  
  Anirudh Sivamaran, Suvinay Subramanian, Anurag Agrawal, Sharad Chole, Shang-Tse Chuang, Tom Edsall, Mohammad Alizadeh, Sachin Katti, Nick McKeown, Hari Balakrishnan  
  HotNets' 15, Philadelphia, PA  
  7 pages\t[ pdf ](http://yuba.stanford.edu/~nickm/papers/sivaraman.pdf)  
* ClickNP Highly Flexible and High Performance Network Processing with Reconfigurable Hardware
  Bojie Li (USTC / Microsoft Research), Kun Tan (Microsoft Research), Layong (Larry) Luo (Microsoft), Yanqing Peng (SJTU / Microsoft Research)
  ACM SIGCOMM 2016
  14 pages [ pdf ](http://www.microsoft.com/en-us/research/wp-content/uploads/2016/07/main-4.pdf), [ slide ](http://conferences.sigcomm.org/sigcomm/2016/files/program/sigcomm/Session01-Paper01-ClickNP-Bojie-Slides.pdf)
* HULA: Scalable load balancing using programmable data-plane  
  Naga Katta, Mukesh Hira, Changhoon Kim, Anirudh Sivaraman, and Jennifer Rexford  
  in Symposium on SDN Research, March 2016.  
  12 pages [ pdf ](http://www.cs.princeton.edu/~jrex/papers/hula16.pdf), [ slide ](http://www.cs.princeton.edu/~jrex/talks/hula16.pptx)
* Automatically verifying reachability and well-formedness in P4 Networks
  Nuno P. Lopes, Nikolaj Bjørner, George Varghese, Andrey Rybalchenko, Microsoft Research; Nick McKeown, Stanford University; Dan Talayco, Ketos Inc.
  13 pages [ pdf ](https://www.microsoft.com/en-us/research/wp-content/uploads/2016/09/p4nod.pdf)
"""  # noqa: E501, W291


def test_an_item_written_a_field_a_line_has_its_title_first_and_venue_after_the_names() -> None:
    papers, _ = _read(FIELD_A_LINE)
    assert papers == {
        4: ("Towards Programmable Packet Scheduling", "HotNets 2015", 2015),
        8: (
            "ClickNP Highly Flexible and High Performance Network Processing with Reconfigurable"
            " Hardware",
            "ACM SIGCOMM 2016",
            2016,
        ),
        12: ("HULA: Scalable load balancing using programmable data-plane", "SOSR 2016", 2016),
        16: (
            "Automatically verifying reachability and well-formedness in P4 Networks",
            "",
            None,
        ),
    }


# dterei/Qualifying-Exam-Papers (round 17) shape: one text wrapped at a width is no field a line
WRAPPED_CITATION = """\
## Security
* Dynamic Taint Analysis: Automatic Detection, Analysis, and Signature
  Generation of Exploit Attacks on Commodity Software, J. Newsome and D. Song.
  Network and Distributed Systems Security Symposium, Feb 2005.
"""


def test_a_citation_wrapped_at_a_width_keeps_its_title_whole() -> None:
    papers, _ = _read(WRAPPED_CITATION)
    (title,) = [title for title, _, _ in papers.values()]
    assert title.startswith(
        "Dynamic Taint Analysis: Automatic Detection, Analysis, and Signature Generation of"
        " Exploit Attacks on Commodity Software"
    )


@given(
    st.lists(_TITLE_WORD, min_size=3, max_size=8),
    st.lists(_NAME, min_size=2, max_size=4),
    st.sampled_from(["NSDI", "OSDI", "SOSR", "HotNets"]),
    st.integers(1970, 2069),
    st.sampled_from(["  \n  ", "\n  "]),
)
def test_any_title_names_and_venue_on_lines_of_their_own_are_read_apart(
    words: list[str], names: list[str], series: str, year: int, brk: str
) -> None:
    title = " ".join(words)
    item = brk.join([title, ", ".join(names), f"{series} '{year % 100:02d}", "8 pages"])
    papers, _ = _read(f"## Papers\n\n* {item}\n")
    assert papers == {3: (title, f"{series} {year}", year)}


@given(st.sampled_from(["NSDI", "SIGCOMM", "HotNets"]), st.integers(1970, 2069))
def test_a_venue_line_may_carry_its_place_or_month(series: str, year: int) -> None:
    for line in (f"{series} '{year % 100:02d}, Oakland, CA", f"in {series} {year}"):
        found = line_venue(line)
        assert found is not None
        assert found.year == year


# tianjiqx/Readings reading_list/readinglist.md @ 16114eb0716782b9895140d61366d1a6dfd159ce
TASK_LIST_TITLES = """\
### 1.2 query optimizer implement
- [x] ORCA:A modular query optimizer architecture for big data (recommended)
- [x] Query Optimization Time: The New Bottleneck in Real-time Analytics(also is memsql,recommended)
- [ ] Dynamic Programming Strikes Back
- [ ] Left Bit Right: For SPARQL Join Queries with OPTIONAL Patterns (Left-outer-joins)

## 2.system architecture
- [x] Spanner: Becoming a SQL System (recommended)
- [x] F1: A Distributed SQL Database That Scales (recommended)
- [x] Amazon Aurora: Design Considerations for High Throughput Cloud-Native Relational Databases
- [x] PolarFS: An Ultra-low Latency and Failure Resilient Distributed File System for Shared Storage Cloud Database
- [ ] Impala: A Modern, Open-Source SQL Engine for Hadoop
- [ ] Anti-Caching: A New Approach to Database Management System Architecture
"""  # noqa: E501


def test_a_task_list_of_plain_titles_is_a_list_of_papers() -> None:
    papers, _ = _read(TASK_LIST_TITLES)
    titles = [title for title, _, _ in papers.values()]
    assert len(titles) == 10
    assert titles[0] == "ORCA:A modular query optimizer architecture for big data"
    assert "F1: A Distributed SQL Database That Scales" in titles
    assert not any(t.startswith("[") for t in titles)


# jingwei87/reading README.md @ 009e303126fc4b6b663feb3dcd88a9bf1589b7b6
READING_GROUP = """\
## Paper Selection

- **Security Big 4:** CCS, S&P. Security, and NDSS.
- **Generic Systems:** OSDI, SOSP, ATC, and EuroSys.
- **Storage Systems:** FAST.

## Schedule

| Date      | Presenter | Venue | Paper Title | Slides |
| --------- | --------- | ----- | ----------- | ------ |
| 2022.9.16 | He, Zheyuan  | ATC'21 | [an off-the-chain execution environment for scalable testing and profiling of smart contracts](https://www.usenix.org/system/files/atc21-kim-yeonsoo.pdf) | [Slides](slides/ZheyuanHe/atc21_offenv.pdf) |
| 2022.03.30 | Luo, Feng | Security'21 | [EVMPatch: Timely and Automated Patching of Ethereum Smart Contracts](https://www.usenix.org/system/files/sec21-rodler.pdf) | [Slides](slides/FengLuo/Security2021_EVMPatch.pdf) |
"""  # noqa: E501


def test_a_label_over_venue_names_is_no_paper_and_a_venue_cell_dates_its_row() -> None:
    papers, skipped = _read(READING_GROUP)
    assert papers == {
        11: (
            "an off-the-chain execution environment for scalable testing and profiling of smart"
            " contracts",
            "ATC 2021",
            2021,
        ),
        12: (
            "EVMPatch: Timely and Automated Patching of Ethereum Smart Contracts",
            "Security 2021",
            2021,
        ),
    }
    assert [skipped.get(line) for line in (3, 4, 5)] == [LABELS] * 3


@given(
    st.lists(
        st.sampled_from(["OSDI", "SOSP", "NSDI", "FAST", "EuroSys", "CCS"]), min_size=1, max_size=8
    )
)
def test_names_of_series_alone_name_venues(series: list[str]) -> None:
    assert names_venues(", ".join(series) + ".")
    assert not names_venues(", ".join(series) + " 2021.")  # a year: some entry's venue


# morleydragon/eecs589F24 ReadingList.md @ 1240b3421a1996456c03845125cdf70f33a8f2fa
QUOTED_WITH_PROC_OF = """\
### Background:Internet philosophy
* Clark, "[The Design Philosophy of the DARPA Internet Protocols](http://ccr.sigcomm.org/archive/1995/jan95/ccr-9501-clark.pdf)," Proc. of ACM SIGCOMM '88, 18(4):106-114, Aug. 1988.
"""  # noqa: E501


def test_proc_of_before_a_series_with_its_short_year_is_that_series() -> None:
    papers, _ = _read(QUOTED_WITH_PROC_OF)
    assert papers == {
        2: ("The Design Philosophy of the DARPA Internet Protocols", "ACM SIGCOMM 1988", 1988)
    }


@given(st.sampled_from(["SIGCOMM", "NSDI", "SOSP", "OSDI"]), st.integers(1970, 2069))
def test_a_reference_s_series_with_its_short_year_keeps_the_series(series: str, year: int) -> None:
    text = (
        f'* Clark, "[A Title Of Some Words](https://example.org/a.pdf)," Proc. of {series}'
        f" '{year % 100:02d}, 18(4):106-114, Aug. {year}.\n"
    )
    papers, _ = _read(text)
    assert papers == {1: ("A Title Of Some Words", f"{series} {year}", year)}


# p4lang/papers README.md @ 2128327ff6035f9502d1be58c2072374bbe8ebc7
MEETING_LINKS = """\
Meetings
----

* [workshop 1](http://p4.org/p4-workshop/)，2015.6.4
* [workshop 2](http://p4.org/p4-workshop-2/)，2015.11.18

Papers
------------------

* Compiling Packet Programs to Reconfigurable Switches  
  Lavanya Jose, Lisa Yan, George Varghese, Nick McKeown  
  NSDI '15, Oakland, CA  
  13 pages[ pdf ](http://yuba.stanford.edu/~nickm/papers/CompilingPacketPrograms.pdf)
"""  # noqa: W291


def test_a_link_labelled_by_a_plain_word_and_a_number_is_no_paper() -> None:
    papers, _ = _read(MEETING_LINKS)
    assert papers == {
        10: ("Compiling Packet Programs to Reconfigurable Switches", "NSDI 2015", 2015)
    }


# ErosBryant/Related_Works_Papers README.md @ 02be18e9f036c1b8a770456fcedfad4b05cd1bd6 (round 19)
BIGCOMP_BULLET = """\
## `NVM`
9. ThanosKV: A Holistic Approach to Utilize NVM for LSM-tree based Key-Value Stores
   - Bigcomp 24
"""


def test_bigcomp_is_a_series() -> None:
    papers, _ = _read(BIGCOMP_BULLET)
    assert papers == {
        2: (
            "ThanosKV: A Holistic Approach to Utilize NVM for LSM-tree based Key-Value Stores",
            "Bigcomp 2024",
            2024,
        )
    }


_SYSTEM = st.sampled_from(["PolarFS", "F1", "Anti-Caching", "GraphX", "X-Stream", "MemSQL"])


@given(
    st.lists(_SYSTEM, min_size=6, max_size=6),
    st.lists(st.sampled_from(["[x] ", "[ ] ", "[X] "]), min_size=6, max_size=6),
)
def test_boxes_of_a_task_list_do_not_hide_its_titles(names: list[str], boxes: list[str]) -> None:
    items = [
        f"- {box}{name}: A Distributed Store for Shared Cloud Data {i}"
        for i, (box, name) in enumerate(zip(boxes, names, strict=True))
    ]
    papers, _ = _read("## Systems\n\n" + "\n".join(items) + "\n")
    assert [title for title, _, _ in papers.values()] == [
        f"{name}: A Distributed Store for Shared Cloud Data {i}" for i, name in enumerate(names)
    ]


# joques/canyon docs/reading_materials/distributed-systems/pointers.md
# @ 09b7bb39520e9d45aa486f814c9e47bce075ee98
CREDITED_TITLES = """\
# Consensus and replication

+ Consensus in the cloud: Paxos systems demystified (Ailijiang, Charapko and Demirbas)
+ WormSpace: A modular foundation for simple, verifiable distributed systems (Shin and Kim)
+ In search of an understandable consensus algorithm (Ongaro and Ousterhout)

# Logical Clocks

+ Lamport timestamp and vector clock
+ Google True Time
+ Hybrid Logical Clock
"""


def test_a_plain_title_credited_to_surnames_is_a_paper_and_a_concept_is_not() -> None:
    papers, skipped = _read(CREDITED_TITLES)
    assert papers == {
        3: ("Consensus in the cloud: Paxos systems demystified", "", None),
        4: ("WormSpace: A modular foundation for simple, verifiable distributed systems", "", None),
        5: ("In search of an understandable consensus algorithm", "", None),
    }
    assert sorted(skipped) == [9, 10, 11]


@given(
    st.lists(_TITLE_WORD, min_size=5, max_size=9),
    st.lists(
        st.sampled_from(["Ongaro", "Shin", "Kim", "Demirbas", "O'Neil"]), min_size=2, max_size=5
    ),
)
def test_any_long_plain_title_credited_to_surnames_is_read_with_them(
    words: list[str], names: list[str]
) -> None:
    title = " ".join(words)
    credit = ", ".join(names[:-1]) + f" and {names[-1]}"
    parsed = parse_list(f"# Consensus\n\n+ {title} ({credit})\n", source="x.md")
    assert [(p.title, p.authors) for p in parsed.papers] == [(title, tuple(names))]


@given(st.sampled_from(["Spark and Flink", "OpenTelemetry and Jaeger", "Python, Go and Rust"]))
def test_a_short_topic_credited_to_names_of_tools_is_no_paper(tools: str) -> None:
    papers, _ = _read(f"# Tools\n\n+ Stream processing systems ({tools})\n+ [A](https://a.org)\n")
    assert all(not title.startswith("Stream") for title, _, _ in papers.values())
