"""Shapes met in a fifth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names the repository and file it comes from (or the search index's stored id
when the index gives no repository); the expectations are what a careful reader of that
excerpt would write down.
"""

from __future__ import annotations

import pytest

from papershelf.catalog.decide import is_slides
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import LABELS, NON_PAPERS, NOTES, UNREADABLE, kind_of
from papershelf.catalog.tail_cite import titled_venue
from papershelf.catalog.venue_text import parse_venue
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

# A public project README (stored id 46856443655): under "Papers", lines that are only a URL.
# Nothing names the paper, so no title can be written down: each is a skip, not a paper
# titled with its address.
BARE_URLS = """\
## Papers
- https://jamanetwork.com/journals/jamanetworkopen/fullarticle/2822296#editorial-comment-tab
- https://arxiv.org/abs/2310.16427
"""


def test_a_line_that_is_only_a_url_is_no_title() -> None:
    with pytest.raises(ListError, match=r"no papers found; skipped 2: 2 unreadable"):
        parse_list(BARE_URLS, source="excerpt.md")
    papers, skipped = _read(
        BARE_URLS + "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
    )
    assert list(papers) == [4]
    assert skipped == {2: UNREADABLE, 3: UNREADABLE}


# Two public READMEs (stored ids 56480806333 and 60372952993): the link names the paper by
# its arXiv id and the title follows it; the id gives the year.
ID_THEN_TITLE = """\
## References

- [arXiv:2406.10215](https://arxiv.org/abs/2406.10215) Recency Bias Injection: End-of-Context Instruction Override
- [arXiv:1706.03762](https://arxiv.org/abs/1706.03762) Attention Is All You Need
"""  # noqa: E501


def test_the_title_after_an_arxiv_id_link_is_the_title() -> None:
    papers, _ = _read(ID_THEN_TITLE)
    assert papers == {
        3: ("Recency Bias Injection: End-of-Context Instruction Override", "", 2024),
        4: ("Attention Is All You Need", "", 2017),
    }
    # under a "Papers" heading (the sectioned reading) too
    papers, _ = _read(ID_THEN_TITLE.replace("References", "Papers"))
    assert [title for title, _, _ in papers.values()] == [
        "Recency Bias Injection: End-of-Context Instruction Override",
        "Attention Is All You Need",
    ]


# Titles copied from ACM Digital Library pages keep the page's " | Proceedings of ..." tail
# (stored ids 28198203520 and 13595306845): the tail is where the paper appeared.
ACM_PAGE_TITLES = """\
# Reading notes

- [vAttention: Dynamic Memory Management for Serving LLMs without PagedAttention | Proceedings of the 30th ACM International Conference on Architectural Support for Programming Languages and Operating Systems, Volume 1](https://dl.acm.org/doi/10.1145/3669940.3707256)
- [Bringing the web up to speed with WebAssembly | Proceedings of the 38th ACM SIGPLAN Conference on Programming Language Design and Implementation](https://dl.acm.org/doi/10.1145/3062341.3062363)
"""  # noqa: E501


def test_a_library_page_tail_is_the_venue_not_the_title() -> None:
    papers, _ = _read(ACM_PAGE_TITLES)
    assert papers == {
        3: (
            "vAttention: Dynamic Memory Management for Serving LLMs without PagedAttention",
            "ACM International Conference on Architectural Support for Programming Languages "
            "and Operating Systems",
            None,
        ),
        4: (
            "Bringing the web up to speed with WebAssembly",
            "ACM SIGPLAN Conference on Programming Language Design and Implementation",
            None,
        ),
    }


# mimicji/Security-Papers-in-WebAssembly, README.md: MDPI journals named by ordinary words.
MDPI = """\
## SoK, Empirical Study, and Survey
- Harnes, Håkon, and Donn Morrison. ["SoK: Analysis Techniques for WebAssembly."](https://www.mdpi.com/1999-5903/16/3/84/pdf), Future Internet, 2024.
- Han, Jideng, et al. ["ESFuzzer: An Efficient Way to Fuzz WebAssembly Interpreter."](https://www.mdpi.com/2079-9292/13/8/1498), Electronics, 2024
- Lehmann, Daniel, Johannes Kinder, and Michael Pradel. ["Everything old is new again: Binary security of WebAssembly."](https://www.usenix.org/system/files/sec20-lehmann.pdf), USENIX Security, 2020.
"""  # noqa: E501


def test_journals_named_by_ordinary_words_are_venues() -> None:
    papers, _ = _read(MDPI)
    assert {line: venue for line, (_, venue, _) in papers.items()} == {
        2: "Future Internet 2024",
        3: "Electronics 2024",
        4: "USENIX Security 2020",
    }
    found = parse_venue("Sensors, 2023")
    assert found is not None and (found.name, found.year) == ("Sensors", 2023)
    assert parse_venue("Future Internet") is None  # a name alone, no year: a phrase
    assert parse_venue("Neural Networks and Deep Learning 2020") is None


# dbarrosop/awesome-networking-papers-presos, README.md: "papers and presentations"; the
# NANOG talks are slides shown at an operators' meeting, the others papers.
NANOG = """\
# awesome-networking-papers-presos
Awesome papers and presentations related to networking

# Load Balancing

* [Ananta: Cloud Scale Load Balancing](http://conferences.sigcomm.org/sigcomm/2013/papers/sigcomm/p207.pdf)
* [Hashing on broken assumptions](https://archive.nanog.org/sites/default/files/1_Saino_Hashing_On_Broken_Assumptions.pdf)
* [Maglev: A Fast and Reliable Software Network Load Balancer](https://www.usenix.org/system/files/conference/nsdi16/nsdi16-paper-eisenbud.pdf)
"""


def test_an_operators_meeting_talk_is_a_presentation() -> None:
    papers, skipped = _read(NANOG)
    assert sorted(papers) == [6, 8]
    assert skipped[7] == NON_PAPERS
    assert is_slides("https://ripe76.ripe.net/presentations/10-ripe76.pdf")
    assert is_slides("https://www.slideshare.net/someone/a-talk")
    assert not is_slides("https://www.usenix.org/conference/osdi24/presentation/shu")


# zhangysh1995/awesome-database-testing, README.md: an italic note on each paper before its
# linked title; a year in brackets after it; a title whose link was left empty; a post on
# the SIGMOD blog (a WordPress post, "?p=1075") among "Others".
ITALIC_NOTES = """\
### Research Papers
*  *Query generation with template substitution*  [Generating Thousand Benchmark Queries in Seconds](http://linkinghub.elsevier.com/retrieve/pii/B9780120884698500917)
*  *Language for customized data generator*  [Flexible Database Generators](https://www.csd.uoc.gr/~hy460/pdf/Flexible%20Database%20Generators.pdf)
*  *Generate data regarding the query constraints*  [QAGen: Generating Query-Aware Test Databases](http://portal.acm.org/citation.cfm?doid=1247480.1247520)
*  *Reply the transactions*  [Debugging transactions and tracking their provenance with reenactment]()

### Others
*  *What are the problems from the academic view*  [Is Query Optimization a “Solved” Problem?](https://wp.sigmod.org/?p=1075)

#### What's New
*  [Automated verification of query equivalence using satisfiability modulo theories](http://dl.acm.org/citation.cfm?doid=3342263.3360343) [2019]
"""  # noqa: E501


def test_an_italic_note_before_a_linked_title_is_no_prose() -> None:
    papers, skipped = _read(ITALIC_NOTES)
    assert {line: (title, year) for line, (title, _, year) in papers.items()} == {
        2: ("Generating Thousand Benchmark Queries in Seconds", None),
        3: ("Flexible Database Generators", None),
        4: ("QAGen: Generating Query-Aware Test Databases", None),
        5: ("Debugging transactions and tracking their provenance with reenactment", None),
        11: (
            "Automated verification of query equivalence using satisfiability modulo theories",
            2019,
        ),
    }
    assert skipped == {8: NON_PAPERS}  # a blog post


# pingcap/awesome-database-learning, README.md: "Courses:", "Blogs:", "Papers:" paragraphs
# label the lists below them; each paper's year leads its entry, its venue follows it; a
# course or a blog thanks its author with a link to the author's page.
LABELLED_LISTS = """\
### Talks

- [Data Structures and Algorithms for Big Databases](https://people.csail.mit.edu/bradley/BenderKuszmaul-tutorial-xldb12.pdf)

## Query Optimizer

Courses:

- CMU [Database Systems (15-445/645)](https://15445.courses.cs.cmu.edu/fall2019/schedule.html), thanks to [Andy Pavlo](http://www.cs.cmu.edu/~pavlo/)
    - [Query Planning & Optimization I](https://15445.courses.cs.cmu.edu/fall2019/schedule.html#oct-14-2019)

### Planner Models

Blogs:

- [Cascades Optimizer](https://zhuanlan.zhihu.com/p/73545345), thanks to [hellocode](https://www.zhihu.com/people/hellocode-ming)

Papers:

- 1979, [Access Path Selection in a Relational Database Management System](http://citeseerx.ist.psu.edu/viewdoc/download?doi=10.1.1.71.3735&rep=rep1&type=pdf), SIGMOD
- 1998, [An Overview of Query Optimization in Relational Systems](https://web.stanford.edu/class/cs345d-01/rl/chaudhuri98.pdf), PODS
- 1996, [Modelling Costs for a MM-DBMS](), in Real-Time Databases

Books:
- [Synopses for Massive Data: Samples, Histograms, Wavelets, Sketches](https://db.cs.berkeley.edu/cs286/papers/synopses-fntdb2012.pdf)
"""  # noqa: E501


def test_labelled_lists_and_a_leading_year() -> None:
    papers, skipped = _read(LABELLED_LISTS)
    assert papers == {
        20: (
            "Access Path Selection in a Relational Database Management System",
            "SIGMOD 1979",
            1979,
        ),
        21: ("An Overview of Query Optimization in Relational Systems", "PODS 1998", 1998),
        22: ("Modelling Costs for a MM-DBMS", "", 1996),
    }
    assert skipped == {
        3: NON_PAPERS,  # a talk
        7: LABELS,  # "Courses:"
        9: NON_PAPERS,  # a course
        14: LABELS,
        16: NON_PAPERS,  # a blog
        18: LABELS,
        24: LABELS,
        25: NON_PAPERS,  # a book
    }


# LumingSun/ML4DB-paper-list, README.md: plain titles, no links, each with its venue in a
# closing group, written in many ways; a few name no venue, and are papers all the same.
PLAIN_TITLES = """\
### Configuration Tuning
* SARD: A statistical approach for ranking database tuning parameters (ICDEW, 2008)
* Regularized Cost-Model Oblivious Database Tuning with Reinforcement Learning （2016）
* Automatic Database Management System Tuning Through Large-scale Machine Learning (SIGMOD 2017)
* The Case for Automatic Database Administration using Deep Reinforcement Learning ( 2018 ArXiv)
* External vs. Internal : An Essay on Machine Learning Agents for Autonomous Database Management Systems
* Towards instance-optimized data systems (VLDB 2021 from Tim Kraska)
* Self-Driving : From General Purpose to Specialized DBMSs (Phd@PVLDB 2018)  
* Automatic Database Knob Tuning: A Survey (TKDE)
* SIndex: A Scalable Learned Index for String Keys （APSys 2020)
* Self-driving database systems: a conceptual approach (Distributed and Parallel Databases 2020)
"""  # noqa: E501, W291


def test_plain_titles_among_plain_papers_and_their_closing_groups() -> None:
    papers, skipped = _read(PLAIN_TITLES)
    assert skipped == {}
    assert papers == {
        2: (
            "SARD: A statistical approach for ranking database tuning parameters",
            "ICDEW 2008",
            2008,
        ),
        3: (
            "Regularized Cost-Model Oblivious Database Tuning with Reinforcement Learning",
            "",
            2016,
        ),
        4: (
            "Automatic Database Management System Tuning Through Large-scale Machine Learning",
            "SIGMOD 2017",
            2017,
        ),
        5: (
            "The Case for Automatic Database Administration using Deep Reinforcement Learning",
            "ArXiv 2018",
            2018,
        ),
        6: (
            "External vs. Internal : An Essay on Machine Learning Agents for Autonomous "
            "Database Management Systems",
            "",
            None,
        ),
        7: ("Towards instance-optimized data systems", "VLDB 2021", 2021),
        8: ("Self-Driving : From General Purpose to Specialized DBMSs", "PVLDB 2018", 2018),
        9: ("Automatic Database Knob Tuning: A Survey", "TKDE", None),
        10: ("SIndex: A Scalable Learned Index for String Keys", "APSys 2020", 2020),
        11: (
            "Self-driving database systems: a conceptual approach",
            "Distributed and Parallel Databases 2020",
            2020,
        ),
    }
    assert titled_venue("Extended Version 2020") is None


# A public NLP seminar's README (stored id 29180608354): an ACL-style reference; the venue is
# the series the proceedings are of.
ACL_REFERENCE = """\
## References
- [Ruder's blog](http://ruder.io/)
- Kishore Papineni, Salim Roukos, Todd Ward, and Wei-Jing Zhu. 2002. [BLEU: a Method for Automatic Evaluation of Machine Translation](http://aclweb.org/anthology/P02-1040). In Proceedings of ACL 2002. (Citation: 8,507)
"""  # noqa: E501


def test_in_proceedings_of_a_series_is_that_series() -> None:
    papers, _ = _read(ACL_REFERENCE)
    assert papers == {
        3: ("BLEU: a Method for Automatic Evaluation of Machine Translation", "ACL 2002", 2002)
    }
    found = parse_venue("Proc. of SOSP 2019")
    assert found is not None and (found.name, found.year) == ("SOSP", 2019)
    long_name = parse_venue("Proceedings of the ACM on Measurement and Analysis 2020")
    assert long_name is not None and long_name.name.startswith("Proceedings of the ACM")


# CDDSCLab/Weekly-Group-Meeting-Paper-List, README.md: a group's meetings by topic; no paper
# is named, so nothing is imported and the reason is said.
TOPIC_MEETINGS = """\
# Weekly-Group-Meeting-Paper-List
DSCL weekly group meeting paper list.

|    Date    |        Topic         |                           Keywords                           |                           Summary                            |
| :--------: | :------------------: | :----------------------------------------------------------: | :----------------------------------------------------------: |
| 2021-10-29 | Database Transaction | Transaction, ACID, Distributed Transaction, 2PC, Consensus Algorithm |      [doc](./meeting_summary/2021-10-29-数据库事务.md)       |
| 2021-11-05 |     LSM Tiering      |              LSM、Partition、Leveling、Tiering               | [doc](./meeting_summary/2021-11-05-基于LSM的KV存储写放大优化.md) |
"""  # noqa: E501


def test_a_table_of_meeting_topics_names_no_paper() -> None:
    with pytest.raises(ListError, match=r"no papers found; skipped 3: 2 talk topics"):
        parse_list(TOPIC_MEETINGS, source="excerpt.md")


# lorin/systems-reading, README.md: each work a heading, its citation on the lines below
# ("Names," / "where," / "when."); books and a talk among the papers; links on their own line.
HEADING_CITATIONS = """\
## Systems in general

### To Engineer Is Human: The Role of Failure in Successful Design
Henry Petroski,
Vintage,
1992.

### How Complex Systems Fail
Richard I. Cook,
Cognitive Technologies Laboratory,
University of Chicago,
Revision D (00.04.21)

[pdf](http://web.mit.edu/2.75/resources/random/How%20Complex%20Systems%20Fail.pdf)

### The Language of the System (video)
Rich Hickey,
Feb. 2013

[YouTube link](https://www.youtube.com/watch?v=ROor6_NGIWU)

### Part Count and Design of Robust Systems
Daniel Frey, Joseph Palladino, John Sullivan, Malvern Atherton,
16th Annual International Symposium of the International Council on Systems Engineering (INCOSE), July 9–14, 2006, Orlando, FL.

[doi:10.1002/sys.20071](http://onlinelibrary.wiley.com/doi/10.1002/sys.20071/full)

Discusses whether reducing part count improves the robustness of a system.

### Ironies of automation
Lisanne Bainbridge,
Automatica,
Volume 19, Issue 6, November 1983, Pages 775-779.
<https://doi.org/10.1016/0005-1098(83)90046-8>
"""  # noqa: E501


def test_a_heading_over_its_citation_names_a_work() -> None:
    parsed = parse_list(HEADING_CITATIONS, source="excerpt.md")
    papers = {p.line: (p.title, p.venue, p.year, len(p.authors)) for p in parsed.papers}
    assert papers == {
        8: ("How Complex Systems Fail", "", None, 1),  # a laboratory's report
        22: ("Part Count and Design of Robust Systems", "INCOSE 2006", 2006, 4),
        30: ("Ironies of automation", "Automatica 1983", 1983, 1),
    }
    kinds = {line: kind_of(why) for line, why in parsed.skipped}
    assert kinds == {3: NON_PAPERS, 16: NON_PAPERS, 28: NOTES}  # a book, a video, notes
    assert [link.url for link in parsed.papers[0].links] == [
        "http://web.mit.edu/2.75/resources/random/How%20Complex%20Systems%20Fail.pdf"
    ]
