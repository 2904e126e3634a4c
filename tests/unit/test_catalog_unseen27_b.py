"""The twenty-seventh round of real lists, second part: cited items with notes under them, a
bold venue beside a bold year, DBLP's web style, reference-manager tails and APA details.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen27/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from .excerpts import read_excerpt as _read
from .test_catalog_unseen27 import _VENUE, _WORD

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
