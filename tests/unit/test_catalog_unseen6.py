"""Shapes met in a sixth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (the search index's stored id when the index gives
no repository); the expectations are what a careful reader of that excerpt would write down.
"""

from __future__ import annotations

from papershelf.catalog.decide import is_scholarly
from papershelf.catalog.inline import clean_title
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import NON_PAPERS
from papershelf.catalog.venue_text import parse_venue

from .excerpts import read_excerpt as _read

# A public README (stored id 56272799736), its References: APA's "Names (year). *Title.*"
# puts the authors and the year before the title; neither is part of it.
APA_REFERENCE = """\
## References

- Wu et al. (2023). *AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation.* [arXiv:2308.08155](https://arxiv.org/abs/2308.08155)
"""


def test_apa_names_and_year_lead_the_title() -> None:
    parsed = parse_list(APA_REFERENCE, source="excerpt.md")
    (paper,) = parsed.papers
    assert paper.title == (
        "AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation"
    )
    assert paper.year == 2023
    assert paper.authors == ("Wu et al",)


# A public README (stored id 54301402255), "Papers Reviewed": a short name, the paper's title
# in backticks below it, the address below that. The sub-bullets are the paper's.
NAME_OVER_TITLE = """\
## Papers Reviewed

### Core board-game RL

- AlphaZero
  - `Mastering Chess and Shogi by Self-Play with a General Reinforcement Learning Algorithm`
  - https://arxiv.org/abs/1712.01815
- Expert Iteration
  - `Thinking Fast and Slow with Deep Learning and Tree Search`
  - https://arxiv.org/abs/1705.08439
"""


def test_a_name_over_its_title_and_address() -> None:
    parsed = parse_list(NAME_OVER_TITLE, source="excerpt.md")
    assert [(p.title, [link.url for link in p.links]) for p in parsed.papers] == [
        (
            "Mastering Chess and Shogi by Self-Play with a General Reinforcement Learning "
            "Algorithm",
            ["https://arxiv.org/abs/1712.01815"],
        ),
        (
            "Thinking Fast and Slow with Deep Learning and Tree Search",
            ["https://arxiv.org/abs/1705.08439"],
        ),
    ]


def test_a_name_over_a_bare_address_keeps_the_address() -> None:
    # the same list without the backticked titles: the address is still the paper's link
    text = "\n".join(line for line in NAME_OVER_TITLE.splitlines() if "`" not in line)
    parsed = parse_list(text, source="excerpt.md")
    assert [(p.title, p.links[0].url) for p in parsed.papers] == [
        ("AlphaZero", "https://arxiv.org/abs/1712.01815"),
        ("Expert Iteration", "https://arxiv.org/abs/1705.08439"),
    ]


# zhangysh1995/awesome-database-testing, README.md (/tmp/unseen5 Z1, lines 32 and 62): a
# paper listed twice, the year only on its second listing; the paper has that year.
LISTED_TWICE = """\
## Papers

* [Massive Stochastic Testing of SQL](https://www.microsoft.com/en-us/research/publication/massive-stochastic-testing-of-sql/)
* [Search-based test data generation for SQL queries](http://dl.acm.org/citation.cfm?doid=3180155.3180202)

## Query Generation

* [QAGen: Generating Query-Aware Test Databases](http://portal.acm.org/citation.cfm?doid=1247480.1247520)
* [Search-based test data generation for SQL queries](http://dl.acm.org/citation.cfm?doid=3180155.3180202) [2018]
"""  # noqa: E501


def test_a_paper_listed_twice_keeps_the_year_either_listing_gives() -> None:
    papers, _ = _read(LISTED_TWICE)
    assert papers[4] == ("Search-based test data generation for SQL queries", "", 2018)
    assert len(papers) == 3


# A Deep NLP seminar README (/tmp/unseen5 Z6, stored id 29180608354): a title ending in a
# blank to fill in, and a link to a person's blog.
SEMINAR = """\
| Date | Paper | Presenter |
| --- | --- | --- |
| 11/06 | [MaskGAN: Better Text Generation via Filling in the___](https://arxiv.org/pdf/1801.07736) | [Jeyoung Kim](https://github.com/kimjeyoung) |

## References

- [Ruder's blog](http://ruder.io/)
"""  # noqa: E501


def test_a_blank_in_a_title_and_a_persons_blog() -> None:
    papers, skipped = _read(SEMINAR)
    assert papers[3][0] == "MaskGAN: Better Text Generation via Filling in the___"
    assert skipped[7] == NON_PAPERS
    assert clean_title("A __bold__ title") == "A bold title"  # two are still emphasis
    assert clean_title("Title _") == "Title"


# A summarization paper list (stored id 24102716909; /tmp/unseen6 summ.md): a bold title,
# the authors in italics, the venue in a code span. The code span is a field of its own: the
# last author is no part of the venue, and the venue no part of the authors.
CODE_SPAN_VENUE = """\
## Analysis
1. **Intrinsic Evaluation of Summarization Datasets** *Rishi Bommasani, Claire Cardie* `EMNLP20` [[pdf]](https://www.aclweb.org/anthology/2020.emnlp-main.649/) ![](https://img.shields.io/badge/-analysis-red)
5. **Conditional Neural Generation using Sub-Aspect Functions for Extractive News Summarization** *Zhengyuan Liu, Ke Shi, Nancy F. Chen* `Findings of EMNLP20` [[pdf]](https://arxiv.org/abs/2004.13983) ![](https://img.shields.io/badge/-bias-orange)
21. **Event-Centric Summary Generation** *Lucy Vanderwende Michele Banko Arul Menezes* `ACL04` [[pdf]](https://www.microsoft.com/en-us/research/publication/event-centric-summary-generation/) 
"""  # noqa: E501, W291


def test_a_code_span_venue_after_italic_authors() -> None:
    parsed = parse_list(CODE_SPAN_VENUE, source="excerpt.md")
    assert [(p.venue, p.year, p.authors) for p in parsed.papers] == [
        ("EMNLP 2020", 2020, ("Rishi Bommasani", "Claire Cardie")),
        ("EMNLP 2020", 2020, ("Zhengyuan Liu", "Ke Shi", "Nancy F. Chen")),  # remark: Findings
        ("ACL 2004", 2004, ()),
    ]


# A public notes file in Chinese (stored id 55033746053; /tmp/unseen6 ttadiff.md): the table's
# headers say title (论文标题), authors (作者), venue (发表venue) and link (链接); the titles are
# plain text and the link cells read "arXiv" or "链接".
CHINESE_HEADERS = """\
## 论文列表

| # | 论文标题 | 作者 | 发表venue | 链接 | 核心贡献 |
|:-:|---------|------|-----------|------|---------|
| 2 | Diffusion-TTA: Test-time Adaptation via Generative Feedback | Prabhudesai et al. | NeurIPS 2023 | [arXiv](https://arxiv.org/abs/2311.16102) | 通过扩散模型生成反馈最大化图像似然来适应分类器/分割器 |
| 3 | CloudFixer: Test-Time Adaptation for 3D Point Clouds via Diffusion | Shim et al. | ECCV 2024 | [链接](https://www.ecva.net/papers/eccv_2024) | 基于扩散的几何变换用于3D点云测试时适应 |
"""  # noqa: E501


def test_chinese_table_headers_name_their_columns() -> None:
    parsed = parse_list(CHINESE_HEADERS, source="excerpt.md")
    assert [(p.title, p.venue, p.authors, p.links[0].url) for p in parsed.papers] == [
        (
            "Diffusion-TTA: Test-time Adaptation via Generative Feedback",
            "NeurIPS 2023",
            ("Prabhudesai et al",),
            "https://arxiv.org/abs/2311.16102",
        ),
        (
            "CloudFixer: Test-Time Adaptation for 3D Point Clouds via Diffusion",
            "ECCV 2024",
            ("Shim et al",),
            "https://www.ecva.net/papers/eccv_2024",
        ),
    ]


# A public project README (stored id 51811900134; /tmp/unseen6 codemem.md), its "Papers" in a
# <details> block: a Venue cell holding only a year, or a lab and a year, dates the paper.
YEAR_IN_VENUE_COLUMN = """\
<details>
<summary>Papers</summary>

| Paper | Venue | Key Contribution |
|-------|-------|-----------------|
| [HippoRAG](https://arxiv.org/abs/2405.14831) | NeurIPS 2024 | Neurobiologically-inspired long-term memory using LLMs + knowledge graphs + Personalized PageRank. Up to 20% improvement on multi-hop QA. |
| [A-MEM](https://arxiv.org/abs/2502.12110) | 2025 | Zettelkasten-inspired agentic memory with dynamic indexing, linking, and memory evolution. |
| [MELODI](https://arxiv.org/abs/2410.03156) | Google DeepMind 2024 | Hierarchical short-term + long-term memory compression. 8x memory footprint reduction. |

</details>
"""  # noqa: E501


def test_a_year_alone_in_the_venue_column_is_the_year() -> None:
    papers, _ = _read(YEAR_IN_VENUE_COLUMN)
    assert papers == {
        6: ("HippoRAG", "NeurIPS 2024", 2024),
        7: ("A-MEM", "", 2025),
        8: ("MELODI", "", 2024),
    }


# A public tutorial's References (stored id 701699635; /tmp/unseen6 ieeeref.md): numbered
# IEEE references with no link. A single author or a team still leads a whole reference; a
# journal's volume before an arXiv id names the journal.
IEEE_REFERENCES = """\
# References

[3] J. Su, Y. Lu, S. Pan, A. Murtadha, B. Wen, and Y. Liu, "RoFormer: Enhanced Transformer with Rotary Position Embedding," *Neurocomputing*, vol. 568, 2024. arXiv:2104.09864.

[4] N. Shazeer, "GLU Variants Improve Transformer," arXiv:2002.05202, 2020.

[10] Qwen Team, "Qwen3-VL Technical Report," arXiv:2511.21631, 2025.
"""  # noqa: E501


def test_numbered_ieee_references_without_links() -> None:
    papers, _ = _read(IEEE_REFERENCES)
    assert papers == {
        3: (
            "RoFormer: Enhanced Transformer with Rotary Position Embedding",
            "Neurocomputing 2024",
            2024,
        ),
        5: ("GLU Variants Improve Transformer", "arXiv 2020", 2020),
        7: ("Qwen3-VL Technical Report", "arXiv 2025", 2025),
    }


# A public project README (stored id 17437497174; /tmp/unseen6 anchorref.md): references
# behind HTML anchors, each ending "[Online]. Available: [address](address)"; the address
# shown is the link, the quoted title the paper's. A dataset's page is no paper.
ANCHORED_REFERENCES = """\
## Reference
<a name="reference_anchor1"></a>[1] A. Vaswani, N. Shazeer, N. Parmar, J. Uszkoreit, L. Jones, A. N. Gomez, L. Kaiser, and I. Polosukhim, "Attention Is All You Need", Dec. 2017. [Online]. Available: [https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/1706.03762) <br/>
<a name="reference_anchor4"></a>[4] A. Krizhevsky, V. Nair, and G. Hinton, "The CIFAR-10 dataset", [Online]. Available: [https://www.cs.toronto.edu/~kriz/cifar.html](https://www.cs.toronto.edu/~kriz/cifar.html) <br/>
<a name="reference_anchor6"></a>[6] A. Hassani, S. Walton, N. Shah, A. Abuduweili, J. Li, and H. Shi, "Escaping the Big Data Paradigm with Compact Transformers", Jun. 2022. [Online]. Available: [https://arxiv.org/abs/2104.05704](https://arxiv.org/abs/2104.05704)
"""  # noqa: E501


def test_references_ending_in_the_address_shown() -> None:
    parsed = parse_list(ANCHORED_REFERENCES, source="excerpt.md")
    assert [(p.line, p.title, p.year, p.links[0].url) for p in parsed.papers] == [
        (2, "Attention Is All You Need", 2017, "https://arxiv.org/abs/1706.03762"),
        (4, "Escaping the Big Data Paradigm with Compact Transformers", 2022,
         "https://arxiv.org/abs/2104.05704"),
    ]  # fmt: skip
    assert dict(parsed.skipped)[3].startswith(NON_PAPERS)
    # an address after a label that is no citation is still no title: "Homepage: [url](url)"
    home = "https://www.usenix.org/conference/nsdi25"
    parsed = parse_list(f"Homepage: [{home}]({home})\n\n{ANCHORED_REFERENCES}", source="x.md")
    assert parsed.papers[0].title == "Attention Is All You Need"


# A public notes file (stored id 58622118818; /tmp/unseen6 vecsearch.md), bilingual: a bold
# title and its venue, a summary line, then the talk page and the PDF on a line of their own.
# The bold line names the paper; "Presentation" is a link of it, not a title.
BOLD_OVER_LINKS = """\
## 论文列表 / Paper List

1. **DistVS: Large-scale Vector Search with Compute-Memory Disaggregation** [NSDI 2026]
   Disaggregates compute and memory for large-scale vector search, enabling independent scaling of indexing and query serving components. / 计算与内存分离的大规模向量搜索，独立扩展索引和查询服务组件。
   [Presentation](https://www.usenix.org/conference/nsdi26/presentation/yin) | [PDF](https://www.usenix.org/system/files/nsdi26-yin.pdf)

2. **Quake: Adaptive Indexing for Vector Search** [OSDI 2025]
   Adaptive indexing system for vector search that dynamically adjusts index structure based on query patterns and data distribution, achieving faster queries at lower memory cost. / 自适应索引系统，根据查询模式和数据分布动态调整索引结构，以更少内存实现更快查询。
   [Presentation](https://www.usenix.org/conference/osdi25/presentation/mohoney) | [PDF](https://www.usenix.org/system/files/osdi25-mohoney.pdf)
"""  # noqa: E501


def test_a_bold_title_over_its_links_line() -> None:
    parsed = parse_list(BOLD_OVER_LINKS, source="excerpt.md")
    assert [(p.line, p.title, p.venue, len(p.links)) for p in parsed.papers] == [
        (3, "DistVS: Large-scale Vector Search with Compute-Memory Disaggregation", "NSDI 2026", 2),
        (7, "Quake: Adaptive Indexing for Vector Search", "OSDI 2025", 2),
    ]


# A seminar's README (stored id 30219583759; /tmp/unseen6 kg848.md): a room number is no
# venue and year ("DC 2585" is not "DC 25" of 1985), and links labelled "1", "2" name no
# paper.
SEMINAR_PAGE = """\
## Logistics
+ **Instructor:** [Semih Salihoglu](https://cs.uwaterloo.ca/~ssalihog/)
+ **Seminar Room:** DC 2585

## Readings

+ The Protégé Project: [1](https://perso.liris.cnrs.fr/amille/enseignements/MasterCode/IC_IA/session2/protege_evolution.pdf), [2](https://dl.acm.org/doi/pdf/10.1145/2757001.2757003)
+ [RDF3x](https://dl.acm.org/doi/10.14778/1453856.1453927)
"""  # noqa: E501


def test_a_room_number_and_numbered_links_name_no_paper() -> None:
    assert parse_venue("DC 2585") is None
    assert parse_venue("SIGMOD2020") == parse_venue("SIGMOD 2020")
    papers, _ = _read(SEMINAR_PAGE)
    assert papers == {8: ("RDF3x", "", None)}


# The same seminar's schedule (stored id 30219583759): a Topic and a Readings column; the
# readings are the papers, one a line (<br/>), some behind "Optional:". The topic is the
# session's, and "Optional:" is no author.
SCHEDULE = """\
| Week | Date | Topic | Readings |
|:-----|:-----|:-----|:------------|
| 3 | 9/27 | Query Processing in Deductive DBMS: Magic Sets (Semih lecturing online)  | PDKBS 12.1-12.8, PDKBS 13.1-13.5 <br/> For background on Datalog see PDKBS 3 (from pgs 96 to 139) <br/> Optional: [Magic Sets Original Paper](https://dl.acm.org/doi/10.1145/6012.15399) <br/> Optional: [Magic is Relevant](https://dl.acm.org/doi/abs/10.1145/93605.98734) |
| 4 | 10/04   |RDF Systems | [RDFox](https://link.springer.com/content/pdf/10.1007/978-3-319-25010-6_1.pdf) <br/> [RDF3x](https://dl.acm.org/doi/10.14778/1453856.1453927) |
"""  # noqa: E501


def test_a_schedules_readings_one_a_line() -> None:
    parsed = parse_list(SCHEDULE, source="excerpt.md")
    assert [(p.line, p.title, p.authors) for p in parsed.papers] == [
        (3, "Magic Sets Original Paper", ()),
        (3, "Magic is Relevant", ()),
        (4, "RDFox", ()),
        (4, "RDF3x", ()),
    ]


# The summarization list again (stored id 24102716909): a venue without a year and a "[pdf]"
# on the ACL Anthology's old address (aclweb.org/anthology) still vouch for a paper.
OLD_ANTHOLOGY = """\
## Analysis
1. **Corpora Evaluation and System Bias detection in Multi Document Summarization** *Alvin Dey, Tanya Chowdhury, Yash Kumar, Tanmoy Chakraborty* `Findings of EMNLP` [[pdf]](https://www.aclweb.org/anthology/2020.findings-emnlp.254/) ![](https://img.shields.io/badge/-analysis-red)
1. **Intrinsic Evaluation of Summarization Datasets** *Rishi Bommasani, Claire Cardie* `EMNLP20` [[pdf]](https://www.aclweb.org/anthology/2020.emnlp-main.649/) ![](https://img.shields.io/badge/-analysis-red)
"""  # noqa: E501


def test_the_old_acl_anthology_address_is_a_papers_place() -> None:
    assert is_scholarly("https://www.aclweb.org/anthology/2020.findings-emnlp.254/")
    papers, _ = _read(OLD_ANTHOLOGY)
    assert list(papers) == [2, 3]
