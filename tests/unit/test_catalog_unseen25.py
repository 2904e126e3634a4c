"""The twenty-fifth round of real lists: a heading per paper that opens with its linked title
and goes on with its citation, Vancouver-style names (``Fischer M J, Lynch N A.``) before a
journal's volume and pages, a reader's score after the venue (``NIPS 2016 (4)``).

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen25/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.venue_text import parse_venue

from .excerpts import read_excerpt as _read

_VENUE = st.sampled_from(["NIPS", "ICML", "UAI", "ICRA", "EWRL", "CASE", "Nature", "AAAI"])
_WORD = st.sampled_from(
    ["Consensus", "Byzantine", "Learning", "Graph", "Memory", "Scalable", "for", "with", "of"]
)

# LinkChain/blockchain-papers README.md @ 0d24b49059054654111c19638a1860f1be25a885 (its headings'
# text as list items)
CITED_ITEMS = (
    "- [The byzantine generals problem](https://www-inst.eecs.berkeley.edu/~cs162/sp16/static"
    "/readings/Original_Byzantine.pdf). Lamport L, Shostak R, Pease M. ACM Transactions on"
    " Programming Languages and Systems (TOPLAS), 1982, 4(3): 382-401.\n"
    "- [Impossibility of Distributed Consensus with One Faulty Process](https://apps.dtic.mil"
    "/dtic/tr/fulltext/u2/a132503.pdf)  Fischer M J, Lynch N A, Paterson M S. Journal of the"
    " ACM, 1985, 32(2): 374:382\n"
    "- [The part-time parliament](https://computerarchive.org/files/mirror/www.bitsavers.org"
    "/pdf/dec/tech_reports/SRC-RR-49.pdf). Lamport L. ACM Transactions on Computer Systems,"
    " 1998, 16(2): 133:169.\n"
)


def test_vancouver_names_end_before_the_journal_its_volume_and_pages_after() -> None:
    parsed = parse_list(CITED_ITEMS, source="excerpt.md")
    assert [(p.venue, p.year, p.authors) for p in parsed.papers] == [
        ("TOPLAS 1982", 1982, ("Lamport L", "Shostak R", "Pease M")),
        ("Journal of the ACM 1985", 1985, ("Fischer M J", "Lynch N A", "Paterson M S")),
        ("ACM Transactions on Computer Systems 1998", 1998, ("Lamport L",)),
    ]


# LinkChain/blockchain-papers README.md @ 0d24b49059054654111c19638a1860f1be25a885
CONSENSUS = (
    "## Consensus\n"
    "### 1. [Byzantine] [The byzantine generals problem](https://www-inst.eecs.berkeley.edu"
    "/~cs162/sp16/static/readings/Original_Byzantine.pdf). Lamport L, Shostak R, Pease M. ACM"
    " Transactions on Programming Languages and Systems (TOPLAS), 1982, 4(3): 382-401. \n"
    "Abstract: Reliable computer systems must handle malfunctioning components that give"
    " conflicting information to different parts of the system.\n"
    "\n"
    "### 2. [FLP] [Impossibility of Distributed Consensus with One Faulty Process]"
    "(https://apps.dtic.mil/dtic/tr/fulltext/u2/a132503.pdf)  Fischer M J, Lynch N A,"
    " Paterson M S. Journal of the ACM, 1985, 32(2): 374:382\n"
    "Abstract: The consensus problem involves an asynchronous system of processes, some of"
    " which may be unreliable.\n"
    "\n"
    "### 4. [Paxos] [The part-time parliament](https://computerarchive.org/files/mirror/"
    "www.bitsavers.org/pdf/dec/tech_reports/SRC-RR-49.pdf). Lamport L. ACM Transactions on"
    " Computer Systems, 1998, 16(2): 133:169.\n"
    "Abstract: Recent archaeological discoveries on the island of Paxos reveal that the"
    " parliament functioned despite the peripatetic propensity of its part-time legislators.\n"
    "\n"
    "### 11. [DPoS] [Delegated Proof of Stake](http://docs.bitshares.org/bitshares/dpos.html)"
    ".Larimer, Daniel. 2014.\n"
    "\n"
    "### 12. [Raft] [In search of an understandable consensus algorithm](https://www.usenix.org"
    "/conference/atc14/technical-sessions/presentation/ongaro). Diego Ongaro and John"
    " Ousterhout,2014.\n"
    "Abstract: Raft is a consensus algorithm for managing a replicated log.\n"
)


def test_a_heading_that_opens_with_a_linked_title_is_one_paper() -> None:
    papers, skipped = _read(CONSENSUS)
    assert papers == {
        2: ("The byzantine generals problem", "TOPLAS 1982", 1982),
        5: (
            "Impossibility of Distributed Consensus with One Faulty Process",
            "Journal of the ACM 1985",
            1985,
        ),
        8: ("The part-time parliament", "ACM Transactions on Computer Systems 1998", 1998),
        11: ("Delegated Proof of Stake", "", 2014),
        13: ("In search of an understandable consensus algorithm", "", 2014),
    }
    # the abstracts under the headings are notes on their papers, not entries
    assert skipped == dict.fromkeys((3, 6, 9, 14), "links to other lists or notes")


@given(
    st.lists(st.lists(_WORD, min_size=2, max_size=5), min_size=3, max_size=6),
    st.booleans(),
)
def test_each_heading_opening_with_a_linked_title_is_its_paper(
    titles: list[list[str]], numbered: bool
) -> None:
    lines = ["## Papers"]
    for i, words in enumerate(titles):
        lead = f"{i + 1}. [Tag{i}] " if numbered else ""
        lines += [
            f"### {lead}[Making {' '.join(words)} {i}](https://example.org/{i}.pdf). Wang L. 2019.",
            f"Abstract: what paper {i} does.",
            "",
        ]
    papers, skipped = _read("\n".join(lines) + "\n")
    assert [t for t, _, _ in papers.values()] == [
        f"Making {' '.join(words)} {i}" for i, words in enumerate(titles)
    ]
    assert sorted(skipped) == [3 + 3 * i for i in range(len(titles))]


def test_vancouver_names_after_a_linked_title_are_its_authors() -> None:
    parsed = parse_list(CONSENSUS, source="excerpt.md")
    authors = {p.line: p.authors for p in parsed.papers}
    assert authors[2] == ("Lamport L", "Shostak R", "Pease M")
    assert authors[5] == ("Fischer M J", "Lynch N A", "Paterson M S")
    assert authors[8] == ("Lamport L",)


def test_a_given_name_and_an_initial_are_no_vancouver_names() -> None:
    # ufcg-lsd/computer-systems-reading README.md (corpus-wild W11): full names, not Vancouver
    text = (
        "5. [Internet Web servers: workload characterization and performance implications]"
        "(https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=649565). Martin F. Arlitt"
        " and Carey L. Williamson. IEEE/ACM Transactions on Networking, 1997.\n"
        "6. [A Title of Five Words](https://example.org/a.pdf). Martin F. Arlitt. IEEE/ACM"
        " Transactions on Networking, 1997.\n"
    )
    parsed = parse_list(text, source="excerpt.md")
    first, second = parsed.papers
    assert first.authors == ("Martin F. Arlitt", "Carey L. Williamson")
    assert first.venue == second.venue == "IEEE/ACM Transactions on Networking 1997"


@given(
    st.lists(_WORD, min_size=2, max_size=6),
    st.sampled_from(["Lamport L", "Fischer M J", "Oki B M"]),
    st.sampled_from(["Gilbert S", "Lynch N A", "Liskov B H"]),
    st.integers(min_value=1970, max_value=2025),
    st.integers(min_value=1, max_value=60),
)
def test_vancouver_names_never_hide_the_journal(
    words: list[str], first: str, second: str, year: int, volume: int
) -> None:
    title = "Making " + " ".join(words)
    line = (
        f"- [{title}](https://example.org/p.pdf). {first}, {second}. Journal of the ACM,"
        f" {year}, {volume}(2): 100-120.\n"
    )
    paper = parse_list(line, source="p.md").papers[0]
    assert (paper.title, paper.venue, paper.year) == (title, f"Journal of the ACM {year}", year)
    assert paper.authors == (first, second)


# DanielTakeshi/Paper_Notes README.md @ 00a7d0cb786b7ef98ba2a629f60774d7a50a0949
SCORED = (
    "## 2016\n"
    "\n"
    "- [Value Iteration Networks](https://github.com/DanielTakeshi/Paper_Notes/blob/master"
    "/reinforcement_learning/Value_Iteration_Networks.md), NIPS 2016 (4)\n"
    "- Deep Exploration via Bootstrapped DQN, NIPS 2016 (1)\n"
    "- [Principled Option Learning in Markov Decision Processes](https://github.com"
    "/DanielTakeshi/Paper_Notes/blob/master/reinforcement_learning"
    "/Principled_Option_Learning_in_Markov_Decision_Processes.md), EWRL 2016 (4)\n"
    "- [Taming the Noise in Reinforcement Learning via Soft Updates](https://github.com"
    "/DanielTakeshi/Paper_Notes/blob/master/reinforcement_learning"
    "/Taming_the_Noise_in_Reinforcement_Learning_via_Soft_Updates.md), UAI 2016 (4)\n"
    "- Mastering the Game of Go with Deep Neural Networks and Tree Search, Nature 2016 (1)\n"
)


def test_a_score_after_the_venue_and_year_is_no_part_of_them() -> None:
    papers, _ = _read(SCORED)
    assert papers == {
        3: ("Value Iteration Networks", "NIPS 2016", 2016),
        # no link: its title and venue say it is a paper the reader has not summarised yet
        4: ("Deep Exploration via Bootstrapped DQN", "NIPS 2016", 2016),
        5: ("Principled Option Learning in Markov Decision Processes", "EWRL 2016", 2016),
        6: ("Taming the Noise in Reinforcement Learning via Soft Updates", "UAI 2016", 2016),
        7: (
            "Mastering the Game of Go with Deep Neural Networks and Tree Search",
            "Nature 2016",
            2016,
        ),
    }


@given(
    st.lists(_WORD, min_size=3, max_size=7),
    _VENUE,
    st.integers(min_value=1990, max_value=2025),
    st.integers(min_value=1, max_value=5),
    st.booleans(),
)
def test_a_trailing_score_leaves_the_venue_and_its_year(
    words: list[str], venue: str, year: int, score: int, linked: bool
) -> None:
    title = "Making " + " ".join(words)
    shown = f"[{title}](https://example.org/notes.md)" if linked else title
    paper = parse_list(f"- {shown}, {venue} {year} ({score})\n", source="p.md").papers[0]
    assert (paper.title, paper.venue, paper.year) == (title, f"{venue} {year}", year)


# VLDB2020/instructions phd-workshop.md @ 0dd2a7c1cb03035eae5606ed19d94109b6320f24
PROGRAMME = (
    "# VLDB2020: Ph.D. Workshop\n"
    "\n"
    "## Program\n"
    "\n"
    "### Session 1: Data Streams \n"
    "\n"
    '* Start: <span class="timeUTC">2020-08-31T08:00:00Z</span>\n'
    "* Duration: 70 min\n"
    "* Chair: Katja and Ziawasch\n"
    "* [Zoom Meeting Room](https://tokyo.vldb2020.org/?tg=session&go=conference&id=id!W1_5)\n"
    "* [Slack Channel](https://tokyo.vldb2020.org/?tg=session&go=chat&id=id!W1_5)\n"
    " \n"
    "| Video |  Title   | Author   |\n"
    "| ----- | -------- | -------- |\n"
    '| [<i class="fab fa-youtube"></i>](https://tokyo.vldb2020.org/?tg=paper&go=video&id=pid!W1_5-1)'
    " | Complex Event Processing for the Internet of Things     | Ariane Ziehn (DFKI GmbH)     |\n"
    "|N/A| Unsupervised Subsequence Anomaly Detection in Large Sequences     | Paul Boniol"
    " (Université de Paris)     |\n"
    "\n"
    "### Keynote\n"
    "\n"
    '* Start: <span class="timeUTC">2020-08-31T15:00:00Z</span>\n'
    "* Duration: 60 min\n"
    "* [Virtual Conference Room on Zoom](https://tokyo.vldb2020.org/?tg=session&go=conference"
    "&id=id!W2_5)\n"
    "\n"
    "| Video |  Title   | Author   |\n"
    "| ----- | -------- | -------- |\n"
    "| N/A | Democratizing Data Science and Lessons Learned Along the Way     | Aditya"
    " Parameswaran (UC Berkeley)     |\n"
)


def test_a_sessions_time_chair_and_meeting_room_are_no_papers() -> None:
    papers, skipped = _read(PROGRAMME)
    assert papers == {
        15: ("Complex Event Processing for the Internet of Things", "VLDB 2020", 2020),
        16: ("Unsupervised Subsequence Anomaly Detection in Large Sequences", "VLDB 2020", 2020),
    }
    labels = "talk topics, labels or headings"
    assert {line: skipped[line] for line in (7, 8, 9, 10, 11, 20, 21, 22)} == dict.fromkeys(
        (7, 8, 9, 10, 11, 20, 21, 22), labels
    )
    # the keynote's talk is no paper of the workshop
    assert skipped[26] == "blogs, docs, slides or other non-papers"


@given(
    st.sampled_from(["Duration: 70 min", "Chair: Katja and Ziawasch", "Session Chair: A. Smith"]),
    st.sampled_from(["Zoom Meeting Room", "Slack Channel", "Virtual Conference Room on Zoom"]),
    st.lists(_WORD, min_size=3, max_size=6),
)
def test_session_details_stay_out_under_a_venue_heading(
    field: str, place: str, words: list[str]
) -> None:
    title = "Making " + " ".join(words)
    text = (
        f"# OSDI 2024\n\n## Session 1\n\n* {field}\n* [{place}](https://example.org/s1)\n"
        f"* [{title}](https://example.org/p.pdf)\n"
    )
    papers, _ = _read(text)
    assert papers == {7: (title, "OSDI 2024", 2024)}


# iDC-NEU/Graph-Computing-Papers README.md @ 048db8ff7919e098d2f4b5761d153f67a875afca
DISK_BASED = (
    '# <span id = "Disk-based-Graph-Processing-System">Disk-based Graph Processing System</span>\n'
    "\n"
    "GraphChi:Large-Scale Graph Computation on Just a PC. Kyrola, Aapo, Guy Blelloch, and"
    " Carlos Guestrin. 10th USENIX Symposium on Operating Systems Design and Implementation"
    " (OSDI 12). 2012.\n"
    "\n"
    "X-stream: Edge-centric graph processing using streaming partitions. Roy, Amitabha, Ivo"
    " Mihailovic, and Willy Zwaenepoel. Proceedings of the Twenty-Fourth ACM Symposium on"
    " Operating Systems Principles. 2013.\n"
    "\n"
    "TurboGraph: a fast parallel graph engine handling billion-scale graphs in a single PC."
    " Han, Wook-Shin, et al.  Proceedings of the 19th ACM SIGKDD international conference on"
    " Knowledge discovery and data mining. 2013.\n"
    "\n"
    "Chaos: Scale-out graph processing from secondary storage. Roy, Amitabha, Laurent"
    " Bindschaedler, Jasmina Malicevic, and Willy Zwaenepoel. In Proceedings of the 25th"
    " Symposium on Operating Systems Principles, pp. 410-424. 2015.\n"
)


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
