"""The thirty-first round of real lists (systems, databases, architecture): names set in bold
before the title, initialled names inside a link's text, and the day a log read a paper.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen31/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.decide import is_blog

from .excerpts import read_excerpt as _read

_WORD = st.sampled_from(
    ["Consensus", "Replicated", "Storage", "Scalable", "Log", "Cache", "for", "with"]
)
_FAMILY = st.sampled_from(["Lamport", "Ongaro", "Brewer", "Gilbert", "Chang", "DeCandia"])
_INITIAL = st.sampled_from(["L.", "D.", "E.", "S.", "F.", "G."])

# mauricio-acuna/sistemasdistribuidos docs/recursos/biblioteca.md
# @ 3af1735f51d41ce8c7c680923b160a1ae622a9ee
APA_BOLD = (
    "### Consenso y Coordinación\n"
    "\n"
    "1. **Lamport, L.** (1978). *Time, clocks, and the ordering of events in a distributed"
    " system*. [📄 PDF](https://lamport.azurewebsites.net/pubs/time-clocks.pdf)\n"
    "\n"
    "2. **Lamport, L.** (1998). *The part-time parliament*. ACM Transactions on Computer"
    " Systems. [📄 PDF](https://lamport.azurewebsites.net/pubs/lamport-paxos.pdf)\n"
    "\n"
    "3. **Ongaro, D., & Ousterhout, J.** (2014). *In search of an understandable consensus"
    " algorithm*. [📄 PDF](https://raft.github.io/raft.pdf)\n"
    "\n"
    "6. **DeCandia, G., et al.** (2007). *Dynamo: Amazon's highly available key-value store*."
    " SOSP. [📄 PDF](https://www.allthingsdistributed.com/files/amazon-dynamo-sosp2007.pdf)\n"
)


def test_bold_names_then_italics_give_the_title_and_the_year() -> None:
    papers, _ = _read(APA_BOLD)
    assert papers == {
        3: ("Time, clocks, and the ordering of events in a distributed system", "", 1978),
        5: ("The part-time parliament", "ACM Transactions on Computer Systems 1998", 1998),
        7: ("In search of an understandable consensus algorithm", "", 2014),
        9: ("Dynamo: Amazon's highly available key-value store", "SOSP 2007", 2007),
    }


# PedroAugusto08/SO-SimuladorVonNeumann docs/18-bibliografia.md
# @ 1af53aecd255ed55f584ca22396916f2e144e0e8
ABNT = (
    "### Gerenciamento de Memória\n"
    "\n"
    "**8. DENNING, P. J.**  \n"
    '"The Working Set Model for Program Behavior."  \n'
    "*Communications of the ACM*, v. 11, n. 5, p. 323-333, 1968.\n"
    "\n"
    "---\n"
    "\n"
    "### Multicore e Paralelismo\n"
    "\n"
    "**10. HERLIHY, Maurice; SHAVIT, Nir.**  \n"
    "*The Art of Multiprocessor Programming*. 2nd ed. Morgan Kaufmann, 2020.  \n"
    "ISBN: 978-0124159501\n"
    "\n"
    "---\n"
    "\n"
    "**11. AMDAHL, Gene M.**  \n"
    '"Validity of the Single Processor Approach to Achieving Large Scale Computing'
    ' Capabilities."  \n'
    "*Proceedings of the AFIPS Spring Joint Computer Conference*, p. 483-485, 1967.\n"
)


def test_abnt_references_read_the_quoted_title_and_leave_the_book() -> None:
    papers, skipped = _read(ABNT)
    amdahl = "Validity of the Single Processor Approach to Achieving Large Scale Computing"
    assert papers == {
        3: ("The Working Set Model for Program Behavior", "Communications of the ACM 1968", 1968),
        17: (f"{amdahl} Capabilities", "AFIPS Spring Joint Computer Conference 1967", 1967),
    }
    assert skipped[11] == "blogs, docs, slides or other non-papers"


@given(
    family=_FAMILY,
    initial=_INITIAL,
    words=st.lists(_WORD, min_size=3, max_size=7),
    year=st.integers(1970, 2024),
)
def test_a_bold_list_of_names_is_never_the_title(
    family: str, initial: str, words: list[str], year: int
) -> None:
    title = " ".join(words).capitalize()
    papers, _ = _read(f"- **{family}, {initial}** ({year}). *{title}*. SOSP.\n")
    assert papers == {1: (title, f"SOSP {year}", year)}


# alex-dukhno/alex-dukhno.github.io reading_list.md @ 1e20277b1cc0260f165080ae6aa12ee91d94d594
INITIALLED = (
    "**Distributed Systems**\n"
    "\n"
    " * [Viewstamped Replication Revisited](http://pmg.csail.mit.edu/papers/vr-revisited.pdf)"
    " :heavy_check_mark:\n"
    " * [G. Graefe. Instant recovery for data center savings.]"
    "(https://dl.acm.org/doi/10.1145/2814710.2814716)\n"
    " * [Y. Saito and M. Shapiro. Optimistic replication]"
    "(https://dl.acm.org/doi/abs/10.1145/1057977.1057980)\n"
    " * [MapReduce: a flexible data processing tool]"
    "(https://dl.acm.org/doi/abs/10.1145/1629175.1629198)\n"
    " * [David K. Gifford. Information Storage in a Decentralized Computer System.]"
    "(http://bitsavers.org/pdf/xerox/parc/techReports/CSL-81-8.pdf)\n"
    " * [J. Levandoski, D. Lomet, S. Sengupta. LLAMA: A cache/storage subsystem for modern"
    " hardware. PVLDB](http://www.vldb.org/pvldb/vol6/p877-levandoski.pdf)\n"
)


def test_initialled_names_in_a_link_are_its_authors_not_its_title() -> None:
    papers, _ = _read(INITIALLED)
    assert papers == {
        3: ("Viewstamped Replication Revisited", "", None),
        4: ("Instant recovery for data center savings", "", None),
        5: ("Optimistic replication", "", None),
        6: ("MapReduce: a flexible data processing tool", "", None),
        7: ("Information Storage in a Decentralized Computer System", "", None),
        8: ("LLAMA: A cache/storage subsystem for modern hardware", "PVLDB", None),
    }


@given(family=_FAMILY, initial=_INITIAL, words=st.lists(_WORD, min_size=2, max_size=7))
def test_a_link_led_by_an_initialled_name_keeps_the_title_after_it(
    family: str, initial: str, words: list[str]
) -> None:
    title = " ".join(words).capitalize()
    papers, _ = _read(f"- [{initial} {family}. {title}.](https://example.org/p.pdf)\n")
    assert papers == {1: (title, "", None)}


# Allenli-Dwyane/MyNotes reading-list.md @ 2bcb55f2369df99ed1a6b9e4402bd07ca461e1e2
READ_LOG = (
    "## Papers Read In 2023\n"
    "\n"
    '1. Jan. 6th "GREBE: Unveiling Exploitation Potential for Linux Kernel Bugs" IEEE S&P\'22 \n'
    '2. Jan. 19th "Scale and Performance in a Filesystem Semi-Microkernel" SOSP\'21 \n'
    '5. Jan. 22nd "The Unwritten Contract of Solid State Drives" EuroSys\'17\n'
    '6. Feb. 1st "FStream: Managing Flash Streams in the File System" FAST\'18\n'
)


def test_the_day_a_log_read_a_paper_is_no_part_of_its_entry() -> None:
    papers, _ = _read(READ_LOG)
    assert papers == {
        3: ("GREBE: Unveiling Exploitation Potential for Linux Kernel Bugs", "IEEE S&P 2022", 2022),
        4: ("Scale and Performance in a Filesystem Semi-Microkernel", "SOSP 2021", 2021),
        5: ("The Unwritten Contract of Solid State Drives", "EuroSys 2017", 2017),
        6: ("FStream: Managing Flash Streams in the File System", "FAST 2018", 2018),
    }


@given(
    month=st.sampled_from(["Jan.", "Feb", "March", "Sept.", "Dec"]),
    day=st.sampled_from(["1st", "2nd", "3rd", "14th", "30"]),
    words=st.lists(_WORD, min_size=3, max_size=7),
    venue=st.sampled_from(["OSDI", "SOSP", "NSDI", "FAST"]),
    year=st.integers(10, 24),
)
def test_a_reading_date_before_a_quoted_title_is_passed_over(
    month: str, day: str, words: list[str], venue: str, year: int
) -> None:
    title = " ".join(words).capitalize()
    papers, _ = _read(f'1. {month} {day} "{title}" {venue}\'{year}\n')
    assert papers == {1: (title, f"{venue} {2000 + year}", 2000 + year)}


# rhit-bryantlj/ComputerArchitectureResearchLog Papers.md @ 284b55a85ff83a0d11faaaa615bb3b833aad4254
RESEARCH_LOG = (
    "1) A New Golden Age for Computer Architecture by John L. Hennessy and David A. Patterson,"
    " published 2019\n"
    "    - An overview of the growth in computing in the 60s to recent times including"
    " highlights in the development of integrated circuits\n"
    "    - Highlights the ending of Moore's Law and Dennard Scaling\n"
    "    - https://www.doc.ic.ac.uk/~wl/teachlocal/arch/papers/cacm19golden-age.pdf\n"
    "\n"
    "2) REGISTER ALLOCATION & SPILLING VIA GRAPH COLORING by G. J. Chaitin, published 1982\n"
    "    - A look into the allocation of registers and spilling using a graph coloring"
    " technique\n"
    "    - https://web.eecs.umich.edu/~mahlke/courses/583f12/reading/chaitin82.pdf\n"
    "\n"
    "5) Efficient Instruction Scheduling for a Pipelined Architecture, Phillip B. Gibbons &"
    " Stephen S. Muchnick, published 1984\n"
    "    - https://dl.acm.org/doi/abs/10.1145/12276.13312 (pdf available on acm)\n"
)


def test_a_log_line_with_its_authors_and_published_year_is_a_paper_with_notes() -> None:
    papers, skipped = _read(RESEARCH_LOG)
    assert papers == {
        1: ("A New Golden Age for Computer Architecture", "", 2019),
        6: ("REGISTER ALLOCATION & SPILLING VIA GRAPH COLORING", "", 1982),
        10: ("Efficient Instruction Scheduling for a Pipelined Architecture", "", 1984),
    }
    assert 2 not in skipped or skipped[2] != "text without a paper link"


@given(words=st.lists(_WORD, min_size=2, max_size=7), family=_FAMILY, year=st.integers(1960, 2024))
def test_published_closes_a_line_that_names_its_authors(
    words: list[str], family: str, year: int
) -> None:
    title = " ".join(words).capitalize()
    papers, _ = _read(f"- {title} by Ada {family}, published {year}\n  - Notes on it.\n")
    assert papers == {1: (title, "", year)}


# rhit-bryantlj/ComputerArchitectureResearchLog Papers.md @ 284b55a85ff83a0d11faaaa615bb3b833aad4254
SCHOOL_PDFS = (
    "4) Cache-Conscious Wavefront Scheduling & CACHE-CONSCIOUS THREAD SCHEDULING FOR MASSIVELY"
    " MULTITHREADED PROCESSORS, Timothy G. Rogers, Mike O'Conner, Tor M. Aamodt, published"
    " 2012/2013\n"
    "    - https://engineering.purdue.edu/tgrogers/publication/rogers-micro-2012/"
    "rogers-micro-2012.pdf\n"
)


def test_a_pdf_on_a_schools_engineering_host_is_no_company_blog() -> None:
    papers, _ = _read(SCHOOL_PDFS)
    title = (
        "Cache-Conscious Wavefront Scheduling & CACHE-CONSCIOUS THREAD SCHEDULING FOR"
        " MASSIVELY MULTITHREADED PROCESSORS"
    )
    assert papers == {1: (title, "", 2012)}
    assert is_blog("https://engineering.fb.com/2021/05/edge/")  # a company's engineering blog
    assert not is_blog("https://engineering.purdue.edu/tgrogers/publication/x/x.pdf")
