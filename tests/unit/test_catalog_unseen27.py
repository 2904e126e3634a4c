"""The twenty-seventh round of real lists: a reading group's schedule whose topic column holds
the paper's title beside its venue, a heading per paper with its fields keyed in Korean.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen27/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.skips import LABELS, NOTES

from .excerpts import read_excerpt as _read

_WORD = st.sampled_from(["Kernel", "Fuzzing", "Systems", "Packet", "Memory", "Fast", "Cloud"])
_VENUE = st.sampled_from(["NSDI", "OSDI", "SIGCOMM", "SOSP", "EuroSys", "CCS"])

# HKUST-SING/SING-Weekly-Discussions-Archive README.md @ 00165721e41068f7b596a5b7d2981648b658cf28
SING_WEEKLY = (
    "### November\n"
    "|    Date    | Presenter | Topic | Source | Links |\n"
    "|------------|-----------|-------|--------|-------|\n"
    "| 11/24 | Jingrong  | FreeFlow | NSDI 2019 | [FreeFlow](https://www.usenix.org/conference"
    "/nsdi19/presentation/kim),[Slides](https://github.com/HKUST-SING/x/11.24.pptx) |\n"
    "| 11/10 | Gaoxiong | Learning-based Congestion Control | NSDI 2018 | [PCC Vivace]"
    "(https://www.usenix.org/system/files/conference/nsdi18/nsdi18-dong.pdf) |\n"
    "| 11/03 | Liu | Multi-Armed Bandit | Reinforcement Learning | [Slides]"
    "(https://github.com/HKUST-SING/x/1103_LiuYang.key) |\n"
    "\n"
    "### October\n"
    "|    Date    | Presenter | Topic | Source | Links |\n"
    "|------------|-----------|-------|--------|-------|\n"
    "| 10/27 | Yiding | Device Placement with RL | ICML 2018 | [Spotlight]"
    "(http://proceedings.mlr.press/v80/gao18a.html) |\n"
    "| 10/20 | Han  | Deep Reinforcement learning Overview | Topic | [Slides]"
    "(https://github.com/HKUST-SING/x/1020_HanTian.pptx) |\n"
    "| 10/13 | Xinchen  |  HotCocoa: Hardware Congestion Control Abstractions  |  HotNets 17|"
    " [HotCocoa](https://www.cs.princeton.edu/~jrex/papers/hotcocoa17.pdf) |\n"
    "| 10/06 | Yiqing    | A tutorial on Parameter Server (Part II)   | OSDI 2014 | [Slides]"
    "(https://github.com/HKUST-SING/x/1006_YiqingMa.pdf) |\n"
)

# Tsinghua-NSLab/Tsinghua-NSLab.github.io src/index.md @ 533fa7775b41f0dc141fb27733edd2b1192413c4
NSLAB_SEMINAR = (
    "# 2016 Autumn\n"
    "\n"
    "| Date  |  Presenter | Topic | Source | Slides | Review |\n"
    "| --- | --- | --- | --- | --- | --- |\n"
    "| 2016/12/28 | \tDujuan Gu |\tBig Data For Security: Challenges and techniques |\tNSFOCUS |"
    "\tConfidential |[\treview](./seminar/2016Autumn/2_2/Seminar-review-20161228.txt)|\n"
    "| 2016/11/23 | \tQing Lv |[\tABC: Adaptive Binary Cuttings for Multidimensional Packet"
    " Classification](./seminar/2016Autumn/2_5/ABC.pdf)|\tToN'13 |[\tslides](./seminar/2016Autumn"
    "/2_5/ABC-slides.pdf)|[\treview](./seminar/2016Autumn/2_5/Seminar-review-20161123.txt)|\n"
    "| 2016/11/16 | \tHowie Xu, Tianpeng Zhang and Ben Pfaff |\tSDN: Frontiers and Future"
    " Technologies |\tPresentation |\tConfidential |[\treview](./seminar/2016Autumn/2_6/r.txt)|\n"
    "| 2016/10/12 | \tJu Xing |[\tHeading Off Correlated Failures through Independence-as-a-"
    "Service](./seminar/2016Autumn/2_11/Osdi14_paper_zhai.pdf)|\tOSDI'16 |[\tslides]"
    "(./seminar/2016Autumn/2_11/Osdi14_slides_zhai.pdf)|[\treview](./seminar/r.txt)|\n"
)


def test_a_topic_column_beside_a_dated_venue_names_the_paper() -> None:
    papers, skipped = _read(SING_WEEKLY)
    assert papers == {
        4: ("FreeFlow", "NSDI 2019", 2019),
        5: ("Learning-based Congestion Control", "NSDI 2018", 2018),
        11: ("Device Placement with RL", "ICML 2018", 2018),
        13: ("HotCocoa: Hardware Congestion Control Abstractions", "HotNets 2017", 2017),
    }
    # no venue with its year: a talk's topic; a tutorial on a paper is still a talk
    assert skipped[6] == skipped[12] == skipped[14] == LABELS


def test_a_company_beside_the_talks_date_is_no_venue() -> None:
    papers, skipped = _read(NSLAB_SEMINAR)
    assert papers == {
        6: (
            "ABC: Adaptive Binary Cuttings for Multidimensional Packet Classification",
            "ToN 2013",
            2013,
        ),
        8: (
            "Heading Off Correlated Failures through Independence-as-a-Service",
            "OSDI 2016",
            2016,
        ),
    }
    assert skipped[5] == skipped[7] == LABELS


@given(_WORD, _WORD, _WORD, _VENUE, st.integers(10, 24))
def test_any_dated_venue_makes_a_topic_a_paper(a: str, b: str, c: str, venue: str, yy: int) -> None:
    title = f"{a} {b} {c}"
    text = (
        "| Date | Presenter | Topic | Source |\n|---|---|---|---|\n"
        f"| 1/5 | Ann | {title} | {venue}'{yy} |\n"
        f"| 1/6 | Bob | {title} | Presentation |\n"
    )
    papers, skipped = _read(text)
    assert papers == {3: (title, f"{venue} {2000 + yy}", 2000 + yy)}
    assert skipped[4] == LABELS


# aiot-cau/urp-summer-2025 paper-reviews/reading-list.md @ 0913c0d34d1e72fe60629093f308f237bdf67390
KOREAN_FIELDS = (
    "## 📷 이미지 분야\n"
    "\n"
    "### 1. [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)"
    " (ResNet)\n"
    "- **저자**: K. He, X. Zhang, S. Ren, J. Sun\n"
    "- **학회/저널**: CVPR 2016\n"
    "- **중요도**: ●●● | **난이도**: ●●○\n"
    "- **요약**: Skip connection을 도입하여 매우 깊은 신경망 학습을 가능하게 만든 획기적인 구조로,"
    " 이후의 많은 CNN 모델의 기반이 됨.\n"
    "\n"
    "### 2. [MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications]"
    "(https://arxiv.org/abs/1704.04861) (MobileNets)\n"
    "- **저자**: A. G. Howard, M. Zhu, B. Chen, D. Kalenichenko\n"
    "- **학회/저널**: arXiv 2017\n"
    "- **중요도**: ●●○ | **난이도**: ●○○\n"
)


def test_fields_keyed_in_korean_belong_to_the_heading_paper() -> None:
    papers, _ = _read(KOREAN_FIELDS)
    assert papers == {
        3: ("Deep Residual Learning for Image Recognition", "CVPR 2016", 2016),
        9: (
            "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications",
            "arXiv 2017",
            2017,
        ),
    }


# keisuke-umezawa/pldi2017 README.md @ 58fb2040a4b56062078dcdb380cd05fa57bdb819
PLDI_NOTES = (
    "# pldi2017\n"
    "- http://pldi17.sigplan.org/home\n"
    "\n"
    "## Learning and Probabilistic\n"
    "### DemoMatch: API Discovery from Demonstrations\n"
    "\n"
    "### Similarity of Binaries through re-Optimization\n"
    "\n"
    "## Compiler Optimizations\n"
    "### Cache Locality Optimization for Recursive Programs\n"
    "[short slide](https://github.com/keisuke-umezawa/pldi2017/blob/master/image/IMG_1474.JPG)\n"
    "\n"
    "- TODO\n"
    "- function recurresion とかspawnを使わないで、thread内で次の計算を呼び出すようにすると、"
    "同じ軽量thread内で呼び出すことになるので、cache hit 率が高くなる。\n"
    "\n"
    "### Fusing Effectful Comprehensions\n"
    "[short slide](https://github.com/keisuke-umezawa/pldi2017/blob/master/image/IMG_1475.JPG)\n"
    "\n"
    "## Dynamic Analysis and Testing\n"
    "\n"
    "### Low Overhead Dynamic Binary Translation on ARM (＊＊ Distigwish ＊＊)\n"
    "[short slide](https://github.com/keisuke-umezawa/pldi2017/blob/master/image/IMG_1495.JPG)\n"
    "\n"
    "### Skeletal Program Enumeration for Rigorous Compiler Testing\n"
)


def test_a_heading_per_paper_under_the_conference_heading() -> None:
    papers, skipped = _read(PLDI_NOTES)
    assert papers == {
        5: ("DemoMatch: API Discovery from Demonstrations", "PLDI 2017", 2017),
        7: ("Similarity of Binaries through re-Optimization", "PLDI 2017", 2017),
        10: ("Cache Locality Optimization for Recursive Programs", "PLDI 2017", 2017),
        16: ("Fusing Effectful Comprehensions", "PLDI 2017", 2017),
        21: ("Low Overhead Dynamic Binary Translation on ARM", "PLDI 2017", 2017),
        24: ("Skeletal Program Enumeration for Rigorous Compiler Testing", "PLDI 2017", 2017),
    }
    assert skipped[14] == NOTES  # the reader's note on the paper above, not a paper


@given(st.lists(st.tuples(_WORD, _WORD, _WORD), min_size=2, max_size=5, unique=True), _VENUE)
def test_session_headings_over_title_headings(titles: list[tuple[str, ...]], venue: str) -> None:
    lines = [f"# {venue} 2020", "## A Session Name Here"]
    for words in titles:
        lines += [f"### {' '.join(words)}", "[slides](https://example.org/s.pdf)", ""]
    papers, _ = _read("\n".join(lines))
    assert sorted(papers.values()) == sorted((" ".join(w), f"{venue} 2020", 2020) for w in titles)


def test_a_session_over_linked_entries_is_no_paper() -> None:
    text = (
        "# OSDI 2020\n"
        "### Storage and File Systems\n"
        "- [Alpha Beta Gamma Delta](https://www.usenix.org/conference/osdi20/presentation/a)\n"
        "### Scheduling and Resource Management\n"
        "- [Epsilon Zeta Eta Theta](https://www.usenix.org/conference/osdi20/presentation/b)\n"
    )
    papers, _ = _read(text)
    assert [t for t, _, _ in papers.values()] == [
        "Alpha Beta Gamma Delta",
        "Epsilon Zeta Eta Theta",
    ]


# zihaoli-cn/compiler-paper-reading selected_paper.md @ 0dc1a728ab230fa7d6066c66ff0262e3748f8587
COMPILER_QUALS = (
    "### Compiler Core\n"
    '- [x] D. Padua and M. Wolfe. "Advanced Compiler Optimizations for Supercomputers,"'
    " Communications of the ACM, Vol. 29, No. 12, pp. 1184-1201, December 1986.\n"
    "  - presented by `Quanxi Li`\n"
    "  - [PPT directory link](https://github.com/zihaoli-cn/compiler-paper-reading/tree/main"
    "/material/Compiler%20Core)\n"
    '- [ ] Michael E. Wolf and Monica S. Lam. "A Data Locality Optimizing Algorithm," ACM'
    " SIGPLAN Conference on Programming Languages Design and Implementation, June 1991,"
    " pp. 30-44.\n"
    "\n"
    "### Data Flow Analysis and Optimizations\n"
    '- [ ] J. Knoop, O. Ruthing, and B. Steffen. "Lazy Code Motion," Proceedings of the ACM'
    " Symposium on Programming Language Design and Implementation (PLDI'92), 1992.\n"
    "  - For additional explanation of this material, refer to the Dragon book , Section 9.5,"
    ' or Keith Cooper and Linda Torczon. "Engineering a Compiler", Section 10.3.2, Published'
    " by Morgan Kaufman, Second Edition, 2011\n"
    "  - will be presented by `Zihao Li`\n"
)


def test_a_cited_item_keeps_its_bullets_as_notes() -> None:
    papers, skipped = _read(COMPILER_QUALS)
    assert papers == {
        2: (
            "Advanced Compiler Optimizations for Supercomputers",
            "Communications of the ACM 1986",
            1986,
        ),
        5: (
            "A Data Locality Optimizing Algorithm",
            "ACM SIGPLAN Conference on Programming Languages Design and Implementation 1991",
            1991,
        ),
        8: ("Lazy Code Motion", "PLDI 1992", 1992),
    }
    assert 6 not in skipped  # a paper beside a cited one, not an empty category


@given(st.lists(st.tuples(_WORD, _WORD, _WORD), min_size=2, max_size=4, unique=True))
def test_cited_items_with_notes_are_papers(titles: list[tuple[str, ...]]) -> None:
    lines = []
    for i, words in enumerate(titles):
        lines += [
            f'- [ ] A. Bee and C. Dee. "{" ".join(words)}," Journal of Things, {1990 + i}.',
            "  - presented by `Some One Here`",
            "  - [Slides directory link](https://github.com/a/b/tree/main/x)",
        ]
    papers, _ = _read("\n".join(lines))
    assert [t for t, _, _ in papers.values()] == [" ".join(w) for w in titles]


# PengtuLi/patrick-blog content/post/papers/2025/25-01-01-paper-reading/papers.md
#   @ 042afc176f7a57a249e64315131d29967953d36e
LLM_LOG = (
    "## papers\n"
    "\n"
    "- **Fast On-device LLM Inference with NPUs**. Daliang Xu et.al. **ASPLOS25**, **2024**,"
    " ([pdf](pdf/Fast_On-device_LLM_Inference_with_NPUs.pdf))"
    "([link](http://arxiv.org/abs/2407.05858v2)).\n"
    "  - <mark>端侧推理，npu+cpu，量化int8</mark>\n"
    "  - [x] [note](#2407.05858v2)\n"
    "- **LLM in a flash: Efficient Large Language Model Inference with Limited Memory**."
    " Keivan Alizadeh et.al. **arxiv**, **2023**, ([pdf](pdf/LLM_in_a_flash.pdf))"
    "([link](http://arxiv.org/abs/2312.11514v3)).\n"
    "- **APE: Faster and Longer Context-Augmented Generation via Adaptive\n"
    "  Parallel Encoding**. Xinyu Yang et.al. **ICLR Poster**, **2025**, ([pdf](pdf/APE.pdf))"
    "([link](http://arxiv.org/abs/2502.05431v2)).\n"
    "- **Liger: Interleaving Intra- and Inter-Operator Parallelism for Distributed Large Model"
    " Inference**. Du Jiangsu et.al. **ppopp24**, **2024-2-20**,"
    " ([link](https://doi.org/10.1145/3627535.3638466))([pdf](pdf/Liger_ppopp24.pdf)).\n"
)


def test_a_bold_venue_takes_the_bold_year_beside_it() -> None:
    papers, _ = _read(LLM_LOG)
    assert papers == {
        3: ("Fast On-device LLM Inference with NPUs", "ASPLOS 2025", 2025),
        6: (
            "LLM in a flash: Efficient Large Language Model Inference with Limited Memory",
            "arxiv 2023",
            2023,
        ),
        7: (
            "APE: Faster and Longer Context-Augmented Generation via Adaptive Parallel Encoding",
            "ICLR 2025",
            2025,
        ),
        9: (
            "Liger: Interleaving Intra- and Inter-Operator Parallelism for Distributed Large"
            " Model Inference",
            "PPoPP 2024",
            2024,
        ),
    }


@given(_WORD, _WORD, _WORD, _VENUE, st.integers(1990, 2030))
def test_any_bold_year_dates_the_bold_venue(a: str, b: str, c: str, venue: str, year: int) -> None:
    text = (
        f"## papers\n\n- **{a} {b} {c}**. Ann Bee et.al. **{venue}**, **{year}**, ([pdf](x.pdf)).\n"
    )
    papers, _ = _read(text)
    assert papers == {3: (f"{a} {b} {c}", f"{venue} {year}", year)}


# Jayitha/Paper-Summaries ADB.md @ 6d08a905cb7d4934744db5f302ef379498ffa35d
DBLP_WEB = (
    "# Advances in Database Systems: Papers\n"
    "\n"
    "1. E. F. Codd: A Relational Model of Data for Large Shared Data Banks (Reprint).Commun."
    " ACM 26(1): 64-69 (1983)\n"
    "\n"
    "2. Jeffrey Dean, Sanjay Ghemawat: MapReduce: Simplified Data Processing on Large"
    " Clusters.OSDI 2004: 137-150\n"
    "\n"
    "9. BIG DATA, SQL, DATA SCIENCE\n"
    "\n"
    "16. Ronald Fagin, Amnon Lotem, Moni Naor: Optimal Aggregation Algorithms for"
    " Middleware.PODS 2001\n"
    "\n"
    "18. Grzegorz Malewicz, Matthew H. Austern, Aart J. C. Bik, James C. Dehnert, Ilan Horn,"
    " Naty Leiser, Grzegorz Czajkowski:Pregel: a system for large-scale graph"
    " processing.SIGMOD Conference 2010: 135-146\n"
    "\n"
    "23. Nilesh Padhariya, Anirban Mondal, Vikram Goyal, Roshan Shankar, Sanjay Kumar"
    " Madria:EcoTop: An Economic Model for Dynamic Processing of Top-kQueries in Mobile-P2P"
    " Networks.DASFAA (2) 2011: 251-265\n"
)


def test_dblp_web_lines_name_authors_title_and_venue() -> None:
    papers, skipped = _read(DBLP_WEB)
    assert papers == {
        3: ("A Relational Model of Data for Large Shared Data Banks", "Commun. ACM 1983", 1983),
        5: ("MapReduce: Simplified Data Processing on Large Clusters", "OSDI 2004", 2004),
        9: ("Optimal Aggregation Algorithms for Middleware", "PODS 2001", 2001),
        11: ("Pregel: a system for large-scale graph processing", "SIGMOD 2010", 2010),
        13: (
            "EcoTop: An Economic Model for Dynamic Processing of Top-kQueries in Mobile-P2P"
            " Networks",
            "DASFAA 2011",
            2011,
        ),
    }
    assert 7 in skipped  # a part's topics in capitals, not a title


@given(_WORD, _WORD, _WORD, _VENUE, st.integers(1970, 2030), st.booleans())
def test_any_dblp_web_line(a: str, b: str, c: str, venue: str, year: int, glued: bool) -> None:
    stop = "." if glued else ". "
    text = f"1. Ann Bee, Cid Dee: {a} {b} {c}{stop}{venue} {year}: 11-22\n"
    papers, _ = _read(text)
    assert papers == {1: (f"{a} {b} {c}", f"{venue} {year}", year)}


# mizunashi-mana/proglang-notes README.md @ 22dff10d1991bbbbc355303e9c7791f2fe9c820b
APA_NOTES = (
    "### Modules and Phase Distinction\n"
    "\n"
    "* Dreyer, D. (2005). Understanding and Evolving the ML Module System (Carnegie Mellon"
    " University). Retrieved from https://people.mpi-sws.org/~dreyer/thesis/main.pdf\n"
    "* Dreyer, D. (2007). A type system for recursive modules. Proceedings of the 2007 ACM"
    " SIGPLAN International Conference on Functional Programming - ICFP ’07, 289."
    " https://doi.org/10.1145/1291151.1291196\n"
    "* Peyton Jones, S., Jones, M., & Meijer, E. (1997). Type classes: an exploration of the"
    " design space. Haskell Workshop. Retrieved from https://www.microsoft.com/en-us/research"
    "/publication/type-classes-an-exploration-of-the-design-space/\n"
    "* Eisenberg, R. A., & Peyton Jones, S. (2017). Levity polymorphism. Proceedings of the"
    " 38th ACM SIGPLAN Conference on Programming Language Design and Implementation - PLDI"
    " 2017, 525–539. https://doi.org/10.1145/3062341.3062357\n"
)


def test_apa_where_to_fetch_is_no_venue_and_a_dashed_short_name_is() -> None:
    papers, _ = _read(APA_NOTES)
    assert papers == {
        3: ("Understanding and Evolving the ML Module System", "", 2005),
        4: ("A type system for recursive modules", "ICFP 2007", 2007),
        5: ("Type classes: an exploration of the design space", "Haskell Workshop 1997", 1997),
        6: ("Levity polymorphism", "PLDI 2017", 2017),
    }


@given(
    _WORD,
    _WORD,
    _WORD,
    st.sampled_from(["Haskell Workshop", "Journal of Systems"]),
    st.integers(1990, 2030),
)
def test_any_retrieved_from_leaves_the_venue(a: str, b: str, c: str, venue: str, year: int) -> None:
    text = (
        f"* Bee, A., & Dee, C. ({year}). {a} {b} {c}. {venue}."
        f" Retrieved from https://example.org/{a}.pdf\n"
    )
    papers, _ = _read(text)
    assert papers == {1: (f"{a} {b} {c}", f"{venue} {year}", year)}


# mizunashi-mana/proglang-notes README.md @ 22dff10d1991bbbbc355303e9c7791f2fe9c820b and
# zihaoli-cn/compiler-paper-reading selected_paper.md @ 0dc1a728ab230fa7d6066c66ff0262e3748f8587
APA_NAMES_AND_MONTHS = (
    "* Bottu, G., Karachalias, G., Schrijvers, T., Oliveira, B. C. d. S., & Wadler, P. (2017)."
    " Quantified class constraints. Proceedings of the 10th ACM SIGPLAN International"
    " Symposium on Haskell - Haskell 2017, 148–161. https://doi.org/10.1145/3122955.3122967\n"
    "- [ ] Hardekopf, B., & Lin, C. (2007, June). The ant and the grasshopper: fast and"
    " accurate pointer analysis for millions of lines of code. In Proceedings of the 28th ACM"
    " SIGPLAN Conference on Programming Language Design and Implementation (pp. 290-299).\n"
)


def test_apa_with_a_particle_initial_and_a_month() -> None:
    papers, _ = _read(APA_NAMES_AND_MONTHS)
    assert papers == {
        1: ("Quantified class constraints", "Haskell 2017", 2017),
        2: (
            "The ant and the grasshopper: fast and accurate pointer analysis for millions of"
            " lines of code",
            "ACM SIGPLAN Conference on Programming Language Design and Implementation 2007",
            2007,
        ),
    }
