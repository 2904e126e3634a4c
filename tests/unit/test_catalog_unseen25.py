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
