"""Shapes met in a ninth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen9/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.page_titles import split_comma_tail
from papershelf.catalog.skips import NON_PAPERS

from .excerpts import read_excerpt as _read

# laofan13/paper-readings README.md @ 0188ecd0: a checkbox list whose link text is
# "Title, VENUE, YEAR", sometimes "Title, YEAR, VENUE", a full-width comma, or a
# "Source Code" label left in; the books are no papers.
COMMA_TAILS = """\
### Books
- [X] [Database System Concepts, Seventh Edition](https://www.db-book.com/)

### Survey
- [x] [OLTP Through the Looking Glass, and What We Found There, SIGMOD, 2008](https://15721.courses.cs.cmu.edu/spring2020/papers/02-inmemory/hstore-lookingglass.pdf)

### Query Optimizer
- [ ] [The Cascades Framework for Query Optimization, IEEE Data engineering Bulltin, 1995](https://pdfs.semanticscholar.org/360e/cdfc79850873162ee4185bed8f334da30031.pdf)
- [ ] [Orca: A Modular Query Optimizer Architecture for Big Data, 2014, SIGMOD](http://15721.courses.cs.cmu.edu/spring2016/papers/p337-soliman.pdf)
- [ ] [How Good Are Query Optimizers, Really?, 2015](https://15721.courses.cs.cmu.edu/spring2020/papers/22-costmodels/p204-leis.pdf)
- [ ]  [On Optimistic Methods for Concurrency Control, ACM Transactions on Database Systems， 1981]()
- [ ]  [Making-Snapshot-Isolation-Serializable, Alan Fekete, 2005](https://www.cse.iitb.ac.in/infolab/Data/Courses/CS632/2015/2013/2011/Papers/p492-fekete.pdf)
- [ ] [The PGM-index: a fully-dynamic compressed learned index with provable worst-case bounds, Source Code, VLDB, 2020](https://dl.acm.org/doi/pdf/10.1145/3332466.3374547)
"""  # noqa: E501


def test_a_venue_and_a_year_after_commas_in_the_link_text_are_the_paper_s() -> None:
    papers, skipped = _read(COMMA_TAILS)
    bulletin, tods = "IEEE Data engineering Bulltin", "ACM Transactions on Database Systems"
    assert papers == {
        5: ("OLTP Through the Looking Glass, and What We Found There", "SIGMOD 2008", 2008),
        8: ("The Cascades Framework for Query Optimization", f"{bulletin} 1995", 1995),
        9: ("Orca: A Modular Query Optimizer Architecture for Big Data", "SIGMOD 2014", 2014),
        10: ("How Good Are Query Optimizers, Really?", "", 2015),
        11: ("On Optimistic Methods for Concurrency Control", f"{tods} 1981", 1981),
        12: ("Making-Snapshot-Isolation-Serializable", "", 2005),  # a name: its author, no venue
        13: (
            "The PGM-index: a fully-dynamic compressed learned index with provable worst-case "
            "bounds",
            "VLDB 2020",
            2020,
        ),
    }
    assert skipped == {2: NON_PAPERS}


@given(
    st.sampled_from(["SIGMOD", "VLDB", "PODS", "OSDI"]),
    st.integers(min_value=1970, max_value=2030),
    st.booleans(),
)
def test_a_known_venue_before_or_after_the_year_splits_off(
    name: str, year: int, reversed_: bool
) -> None:
    tail = f"{year}, {name}" if reversed_ else f"{name}, {year}"
    split = split_comma_tail(f"Fast Serializable Concurrency Control, {tail}")
    assert split is not None
    assert split[0] == "Fast Serializable Concurrency Control"
    assert (split[1].name, split[1].year) == (name, year)


# drin/research readings/by-course/cmps229/index.md @ 8a6a8f93: a weekly table whose title
# column holds "[Title][label]"; only some labels are defined, the others show as text.
UNDEFINED_REFS = """\
| Date     | Day | Title (and Paper Link)                                  | Review                                             |
| -------- | --- | ------------------------------------------------------- | -------------------------------------------------- |
| 19/04/09 | Tue | [Measurements of a Distributed File System][measure-fs] | [review](./2019.04.08.review.md)                   |
| 19/04/29 | Tue | [Stronger Semantics for Geo-Replicated Storage][geo-repl-semantics] | [review](./2019.04.29.review.md) |
| 19/05/03 | Fri | [Practical Byzantine Fault Tolerance][byzantine-fault]              | [review](./2019.05.03.review.md) |

[measure-fs]:           https://people.eecs.berkeley.edu/~prabal/resources/osprelim/BHK+91.pdf
"""  # noqa: E501


def test_a_title_whose_reference_label_is_never_defined_is_still_the_title() -> None:
    papers, _ = _read(UNDEFINED_REFS)
    assert papers == {
        3: ("Measurements of a Distributed File System", "", None),
        4: ("Stronger Semantics for Geo-Replicated Storage", "", None),
        5: ("Practical Byzantine Fault Tolerance", "", None),
    }


# 2022-cs244/2022-cs244.github.io schedule.md @ 9692bb87: weekly readings under "Papers:",
# destinations written as Liquid templates (so no link parses), "(Optional)" after a title,
# and once a space between the title's brackets and its destination.
OPTIONAL_READINGS = """\
* Papers:
    * [A Brief History of the Internet (Optional)]({{ site.baseurl }}/papers/L2-brief-history.pdf), B. Leiner, et al.
    * [On Distributed Communications Networks (Optional)]({{ site.baseurl }}/papers/L2-distributed-communications-networks.pdf), P. Baran
    * [The nanoPU: A Nanosecond Network Stack for Datacenters]({{ site.baseurl }}/papers/L14-nanopu.pdf), S. Ibanez, et al.
    * [From Sand to Flour: The Next Leap in Granular Computing with NanoSort] ({{ site.baseurl }}/papers/L14-nanosort.pdf), T. Jepsen, et al.
"""  # noqa: E501


def test_an_optional_reading_s_mark_and_a_spaced_destination() -> None:
    papers, _ = _read(OPTIONAL_READINGS)
    assert [title for title, _, _ in papers.values()] == [
        "A Brief History of the Internet",
        "On Distributed Communications Networks",
        "The nanoPU: A Nanosecond Network Stack for Datacenters",
        "From Sand to Flour: The Next Leap in Granular Computing with NanoSort",
    ]


# ozsu/CS738 paper-list.md @ d6c263be: names and a [Link] on the item line, the bold title on
# the next, then the italic proceedings (its short name in parentheses), pages and the year.
NAMES_THEN_BOLD = """\
## A. Core DBMS, Storage, and Query Processing

- P. Boncz, M. Zukowski, and N. Nes. [Link](https://www.cidrdb.org/cidr2005/papers/P19.pdf)
  **MonetDB/X100: Hyper-Pipelining Query Execution.**  
  *Proceedings of the 2nd Biennial Conference on Innovative Data Systems Research (CIDR)*, pp. 225–237, 2005.

- M. Stonebraker, D. J. Abadi, A. Batkin, et al. [Link](https://dl.acm.org/doi/10.5555/1083592.1083658) 
  **C-Store: A Column-Oriented DBMS.**  
  *Proceedings of the 31st International Conference on Very Large Data Bases (VLDB)*, pp. 553–564, 2005.

## H. Vector Databases and Similarity Search

- I. Azizi, K. Echihabi, and T. Palpanas. [Link](https://dl.acm.org/doi/10.1145/3709693)
  **Graph-Based Vector Search: An Experimental Evaluation of the State-of-the-Art.**
  *Proceedings of the ACM on Management of Data (PACMMOD)*, 3(1): Article 43, 2025
"""  # noqa: E501, W291


def test_names_then_a_bold_title_on_the_next_line() -> None:
    papers, _ = _read(NAMES_THEN_BOLD)
    assert papers == {
        3: ("MonetDB/X100: Hyper-Pipelining Query Execution", "CIDR 2005", 2005),
        7: ("C-Store: A Column-Oriented DBMS", "VLDB 2005", 2005),
        13: (
            "Graph-Based Vector Search: An Experimental Evaluation of the State-of-the-Art",
            "PACMMOD 2025",
            2025,
        ),
    }


# A capstone presentation's references (stored id 23300517768; repository not given by the
# index): APA 7, numbered, the journal in italics with its volume, bare DOI addresses.
APA_REFERENCES = """\
## References

1. Cheng, M., Li, Q., Lv, J., Liu, W., & Wang, J. (2021). Multi-Scale LSTM Model for BGP Anomaly Classification. *IEEE Transactions on Services Computing, 14*(3), 765–778. https://doi.org/10.1109/TSC.2018.2824809  
2. Mohammed, S. A., Mohammed, A. R., Côté, D., & Shirmohammadi, S. (2021). A machine-learning-based action recommender for Network Operation Centers. *IEEE Transactions on Network and Service Management, 18*(3), 2702–2713. https://doi.org/10.1109/TNSM.2021.3095463  
6. Allagi, S., & Rachh, R. (2019). Analysis of Network log data using Machine Learning. *2019 IEEE 5th International Conference for Convergence in Technology (I2CT)*, 1–3. https://doi.org/10.1109/I2CT45611.2019.9033528  
7. Skazin, A. (2021). Detection of network anomalies in log files. *IOP Conference Series: Materials Science and Engineering, 1069*(1), 012021. https://doi.org/10.1088/1757-899X/1069/1/012021  
10. Manna, A., & Alkasassbeh, M. (2019). Detecting network anomalies using machine learning and SNMP-MIB dataset with IP group. *arXiv preprint* arXiv:1906.00863. https://arxiv.org/abs/1906.00863  
11. Liu, F. T., Ting, K. M., & Zhou, Z.-H. (2008). Isolation Forest. *2008 Eighth IEEE International Conference on Data Mining*, 413–422. https://doi.org/10.1109/ICDM.2008.17  
"""  # noqa: E501, W291


def test_apa_references_with_the_volume_in_the_journal_s_italics() -> None:
    papers, _ = _read(APA_REFERENCES)
    tsc, tnsm = "IEEE Transactions on Services Computing", "IEEE Transactions on Network and"
    assert papers == {
        3: ("Multi-Scale LSTM Model for BGP Anomaly Classification", f"{tsc} 2021", 2021),
        4: (
            "A machine-learning-based action recommender for Network Operation Centers",
            f"{tnsm} Service Management 2021",
            2021,
        ),
        5: ("Analysis of Network log data using Machine Learning", "I2CT 2019", 2019),
        6: (
            "Detection of network anomalies in log files",
            "IOP Conference Series: Materials Science and Engineering 2021",
            2021,
        ),
        7: (
            "Detecting network anomalies using machine learning and SNMP-MIB dataset with IP group",
            "arXiv 2019",
            2019,
        ),
        # "In 2008 Eighth IEEE International Conference on Data Mining": IEEE's year and ordinal
        8: ("Isolation Forest", "IEEE International Conference on Data Mining 2008", 2008),
    }


def test_apa_names_are_family_name_then_initials() -> None:
    parsed = parse_list(APA_REFERENCES, source="excerpt.md")
    by_line = {p.line: p.authors for p in parsed.papers}
    assert by_line[3] == ("M. Cheng", "Q. Li", "J. Lv", "W. Liu", "J. Wang")
    assert by_line[8] == ("F. T. Liu", "K. M. Ting", "Z.-H. Zhou")
