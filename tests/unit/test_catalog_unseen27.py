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
