"""The twenty-fifth round of real lists (test_catalog_unseen25.py): the rest of its excerpts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.venue_text import parse_venue

from .excerpts import read_excerpt as _read
from .test_catalog_unseen25 import _WORD, DISK_BASED


def test_a_title_then_mla_names_then_the_proceedings_is_a_paper_without_a_link() -> None:
    parsed = parse_list(DISK_BASED, source="excerpt.md")
    assert [(p.line, p.title, p.venue, p.year, p.authors) for p in parsed.papers] == [
        (
            3,
            "GraphChi:Large-Scale Graph Computation on Just a PC",
            "OSDI 2012",
            2012,
            ("Aapo Kyrola", "Guy Blelloch", "Carlos Guestrin"),
        ),
        (
            5,
            "X-stream: Edge-centric graph processing using streaming partitions",
            "SOSP 2013",
            2013,
            ("Amitabha Roy", "Ivo Mihailovic", "Willy Zwaenepoel"),
        ),
        (
            7,
            "TurboGraph: a fast parallel graph engine handling billion-scale graphs in a single PC",
            "KDD 2013",
            2013,
            ("Wook-Shin Han",),
        ),
        (
            9,
            "Chaos: Scale-out graph processing from secondary storage",
            "SOSP 2015",
            2015,
            ("Amitabha Roy", "Laurent Bindschaedler", "Jasmina Malicevic", "Willy Zwaenepoel"),
        ),
    ]


@given(
    st.lists(_WORD, min_size=3, max_size=6),
    st.sampled_from(["Kyrola, Aapo", "Roy, Amitabha", "Zhu, Xiaowei"]),
    st.sampled_from(["Guy Blelloch", "Wentao Han", "Carey E. Priebe"]),
    st.sampled_from(
        [
            ("Proceedings of the 30th Symposium on Operating Systems Principles", "SOSP"),
            ("USENIX Conference on File and Storage Technologies", "FAST"),
            ("European Conference on Computer Systems", "EuroSys"),
        ]
    ),
    st.integers(min_value=1990, max_value=2025),
)
def test_a_title_first_mla_citation_gives_venue_and_year(
    words: list[str], first: str, second: str, venue: tuple[str, str], year: int
) -> None:
    title = "Making " + " ".join(words)
    text = f"{title}. {first}, and {second}. {venue[0]}. {year}.\n"
    paper = parse_list(text, source="p.md").papers[0]
    assert (paper.title, paper.venue, paper.year) == (title, f"{venue[1]} {year}", year)


# ikdekker/bsc-smart-contract-research docs/paper_collection.md @
# 04eeec7e55bc6e0e52be13502b07a056949e3686
SUPERVISOR = (
    "### Papers suggested by supervisor (checked means read by all)\n"
    '- [ ] Bartoletti, Massimo, and Livio Pompianu. "An empirical analysis of smart contracts:'
    ' platforms, applications, and design patterns." International Conference on Financial'
    " Cryptography and Data Security. Springer, Cham, 2017.\n"
    '- [ ] Atzei, Nicola, Massimo Bartoletti, and Tiziana Cimoli. "A survey of attacks on'
    ' ethereum smart contracts (sok)." International Conference on Principles of Security and'
    " Trust. Springer, Berlin, Heidelberg, 2017.\n"
)


def test_the_publisher_and_its_place_before_the_year_are_no_part_of_the_venue() -> None:
    papers, _ = _read(SUPERVISOR)
    assert {line: (venue, year) for line, (_, venue, year) in papers.items()} == {
        2: ("International Conference on Financial Cryptography and Data Security 2017", 2017),
        3: ("International Conference on Principles of Security and Trust 2017", 2017),
    }


@given(
    st.sampled_from(["Springer", "Springer-Verlag", "IEEE", "ACM"]),
    st.lists(
        st.sampled_from(["Cham", "Berlin", "Heidelberg", "New York", "Los Alamitos"]), max_size=3
    ),
    st.integers(min_value=1980, max_value=2025),
)
def test_a_publisher_with_any_places_leaves_the_proceedings(
    house: str, places: list[str], year: int
) -> None:
    where = "".join(f", {p}" for p in places)
    text = (
        '- Smith, John, and Ann Lee. "Making Ledgers Scalable Again." International Conference'
        f" on Financial Cryptography and Data Security. {house}{where}, {year}.\n"
    )
    paper = parse_list(text, source="p.md").papers[0]
    name = "International Conference on Financial Cryptography and Data Security"
    assert (paper.venue, paper.year) == (f"{name} {year}", year)


# ikdekker/bsc-smart-contract-research docs/paper_collection.md @
# 04eeec7e55bc6e0e52be13502b07a056949e3686
FOUND = (
    "### Relevant papers found\n"
    "- [Blockchains and Smart Contracts for the Internet of Things]"
    "(https://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=7467408)\n"
    '- [Kosba, Ahmed, et al. "Hawk: The blockchain model of cryptography and privacy-preserving'
    ' smart contracts." 2016 IEEE symposium on security and privacy (SP). IEEE, 2016.]'
    "(https://users.soe.ucsc.edu/~owen/courses/cmps223/papers/hawk.pdf)\n"
)


def test_a_whole_citation_as_a_links_text_gives_its_quoted_title() -> None:
    papers, _ = _read(FOUND)
    assert papers == {
        2: ("Blockchains and Smart Contracts for the Internet of Things", "", None),
        3: (
            "Hawk: The blockchain model of cryptography and privacy-preserving smart contracts",
            "SP 2016",
            2016,
        ),
    }


@given(
    st.lists(_WORD, min_size=3, max_size=6),
    st.sampled_from(["Kosba, Ahmed, et al.", "Atzei, Nicola, and Tiziana Cimoli."]),
    st.integers(min_value=1990, max_value=2025),
)
def test_a_linked_mla_citation_is_read_as_the_paper_it_cites(
    words: list[str], names: str, year: int
) -> None:
    title = "Making " + " ".join(words)
    text = f'- [{names} "{title}." Proceedings of the ACM SIGCOMM Conference, {year}.](https://example.org/p.pdf)\n'
    paper = parse_list(text, source="p.md").papers[0]
    assert (paper.title, paper.year) == (title, year)


# LinkChain/blockchain-papers README.md @ 0d24b49059054654111c19638a1860f1be25a885
PLACED = (
    "## Consensus\n"
    "### 15. [Ouroboros] [Ouroboros: A provably secure proof-of-stake blockchain protocol]"
    "(https://link.springer.com/chapter/10.1007/978-3-319-63688-7_12). Kiayias, Aggelos."
    " Springer, Cham, 2017.\n"
    "\n"
    "### 16. [HoneyBadgerBFT] [The Honey Badger of BFT Protocols]"
    "(https://dl.acm.org/citation.cfm?id=2978399).Miller A, Xia Y, Croman K, Shi E,Song D. In:"
    " Proceedings of the 2016 ACM SIGSAC Conference on Computer and Communications Security."
    " Xi’an, China: ACM, 2016. \n"
    "\n"
    "### 17. [Bitcoin-NG]  [Bitcoin-NG: A Scalable Blockchain Protocol](https://www.usenix.org"
    "/system/files/conference/nsdi16/nsdi16-paper-eyal.pdf). Ittay Eyal, Adem Efe Gencer, Emin"
    " Gün Sirer, and Robbert van Renesse, Cornell University. 2016.\n"
)


def test_in_proceedings_then_place_and_publisher_give_the_series_and_year() -> None:
    papers, _ = _read(PLACED)
    assert papers == {
        2: ("Ouroboros: A provably secure proof-of-stake blockchain protocol", "", 2017),
        4: ("The Honey Badger of BFT Protocols", "CCS 2016", 2016),
        6: ("Bitcoin-NG: A Scalable Blockchain Protocol", "", 2016),
    }


# LinkChain/blockchain-papers README.md @ 0d24b49059054654111c19638a1860f1be25a885
GLUED = (
    "## Consensus\n"
    "### 5. [PBFT] [Practical Byzantine fault tolerance](https://www.usenix.org/legacy/events"
    "/osdi99/full_papers/castro/castro_html/castro.html). Castro, Miguel, and Barbara"
    " Liskov.1999.\n"
    "\n"
    "### 8. [PoW] [Bitcoin: A peer-to-peer electronic cash system](http://bitcoins.info"
    "/bitcoin.pdf). Nakamoto, Satoshi.2008.\n"
    "\n"
    "### 18. [Tangaroa] [Tangaroa: a byzantine fault tolerant raft](http://www.scs.stanford.edu"
    "/14au-cs244b/labs/projects/copeland_zhong.pdf). Christopher Copeland and Hongxia"
    " Zhong.2016.\n"
)


def test_a_year_glued_to_the_last_name_by_its_stop_is_the_year() -> None:
    parsed = parse_list(GLUED, source="excerpt.md")
    assert [(p.line, p.year) for p in parsed.papers] == [(2, 1999), (4, 2008), (6, 2016)]
    assert parsed.papers[2].authors == ("Christopher Copeland", "Hongxia Zhong")


# chenxuhao/ReadingList README.md @ 008f579ea2980ea40bdbabadd3ffeb1999a7e961
OTHER_LISTS = (
    "# Reading List\n"
    "\n"
    "[The long list from MIT](https://people.csail.mit.edu/jshun/graph.shtml)\n"
    "\n"
    "### Graph Sampling Accelerators ###\n"
    "\n"
    "[Graph Sampling with Fast Random Walker on HBM-enabled FPGA Accelerators]"
    "(sampling/FPGA_Random_Walker.pdf) FPL'21\n"
    "\n"
    "[GraphMineSuite](http://vldb.org/pvldb/vol14/p1922-besta.pdf) VLDB 2021\n"
)


def test_a_link_to_someone_elses_list_is_no_paper() -> None:
    papers, skipped = _read(OTHER_LISTS)
    assert papers == {
        7: (
            "Graph Sampling with Fast Random Walker on HBM-enabled FPGA Accelerators",
            "FPL 2021",
            2021,
        ),
        9: ("GraphMineSuite", "VLDB 2021", 2021),
    }
    assert skipped == {3: "links to other lists or notes"}


# WiscCsAirg/WiscCsAirg archive.md @ 58cc6c8f90ad48c23f547d2b98e6cd80b2bdc0fb
ARCHIVE = (
    "AIRG Archive\n"
    "============\n"
    "\n"
    '<dl class="archive">\n'
    '<dt class="year" id="2019">2019</dt>\n'
    "<dd>\n"
    "<ul>\n"
    '<li class="paper">\n'
    '<p class="presentation">2019/04/24, Ron Stewart</p>\n'
    '<p class="title">BERT: Pre-training of Deep Bidirectional Transformers for Language'
    " Understanding</p>\n"
    '<p class="authors">Jacob Devlin, Ming-Wei Chang, Kenton Lee, Kristina Toutanova</p>\n'
    '<p class="publication"><span class="venue">arXiv</span>, <span class="year">2018</span>'
    "</p>\n"
    '<p class="links">arxiv: <a href="https://arxiv.org/list/cs.CL/1810">toc</a> <a'
    ' href="https://arxiv.org/abs/1810.04805">meta</a> <a href="https://arxiv.org/pdf/1810.04805">'
    "pdf</a></p>\n"
    "</li>\n"
    '<li class="paper">\n'
    '<p class="presentation">2019/04/17, Xiaomin Zhang</p>\n'
    '<p class="title">Consistent Robust Regression</p>\n'
    '<p class="authors">Kush Bhatia, Prateek Jain, Parameswaran Kamalaruban, Purushottam Kar'
    "</p>\n"
    '<p class="publication"><span class="venue">NIPS</span> <span class="number">30</span>,'
    ' <span class="year">2017</span></p>\n'
    '<p class="links">venue: <a href="https://papers.nips.cc/book/advances-in-neural-information'
    '-processing-systems-30-2017">toc</a> <a href="https://papers.nips.cc/paper/6806-consistent'
    '-robust-regression">meta</a> <a href="https://papers.nips.cc/paper/6806-consistent-robust'
    '-regression.pdf">pdf</a></p>\n'
    "</li>\n"
    "</ul>\n"
    "</dd>\n"
    "</dl>\n"
)


def test_an_html_items_part_classed_title_is_its_title() -> None:
    parsed = parse_list(ARCHIVE, source="excerpt.md")
    assert [p.title for p in parsed.papers] == [
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        "Consistent Robust Regression",
    ]


# CSLiuPeng/NewHardwareDB-PaperList Paper/RDMA相关数据库优化技术.md @
# 9542df0d97d48ba23c6435c5eae133124b6bc31f (left by round 23)
POSTERS = (
    "- **Toward a Production-ready General-purpose RDMA-enabled RPC.** [SIGCOMM Posters and"
    " Demos 2019](https://dblp.org/db/conf/sigcomm/p2019.html#LiLW19): 27-29\n"
)


def test_posters_and_demos_are_a_remark_on_the_venue() -> None:
    paper = parse_list(POSTERS, source="p.md").papers[0]
    assert (paper.venue, paper.year, paper.remarks) == (
        "SIGCOMM 2019",
        2019,
        ("Posters and Demos",),
    )


@given(
    st.sampled_from(["SIGCOMM", "NSDI", "OSDI", "ICLR"]),
    st.sampled_from(["Posters", "Demos", "Workshops", "Spotlights", "Posters and Demos"]),
    st.integers(min_value=2000, max_value=2025),
    st.booleans(),
)
def test_a_plural_qualifier_is_a_remark_before_or_after_the_year(
    series: str, qualifier: str, year: int, before: bool
) -> None:
    label = f"{series} {qualifier} {year}" if before else f"{series} {year} {qualifier}"
    found = parse_venue(label)
    assert found is not None
    assert (found.name, found.year, found.remark) == (series, year, qualifier)
