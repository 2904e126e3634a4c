"""The sixteenth round of real lists: citations without links, bylines, field headings.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen16/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.citation import Citation, citation_venue
from papershelf.catalog.emph_bylines import emph_byline
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.plain_lead import keyed_cited
from papershelf.catalog.skips import LABELS, NO_LINK, NON_PAPERS, NOTES
from papershelf.catalog.spans import Span
from papershelf.catalog.titles import strip_commentary
from papershelf.catalog.venue_text import VenueGuess

from .excerpts import read_excerpt as _read

# AnHaechan/cs-classic-papers README.md @ 01a6011248d5c69233e3782159a71eb0d9d7fbae
KEYED_QUOTED_CITATIONS = """\
# cs-classic-papers

### genesis of computer
- **An automatic machine that generates mathematical facts and proofs?**:David Hilbert. "Mathematical Problems" (1900)
- **Lambda calculus**: Alonzo Church. "The Calculi of Lambda-Conversion" (1941)
- **Boolean logic**: George Boole. "An Investigation of the Laws of Thought" (1853)

### algorithms
- **Binary search**: Have been existing for a long time (src: https://en.wikipedia.org/wiki/Binary_search#History)
- **Quick sort**: A. R. Hoare. "Quick Sort" (1961)
- **Dynamic programming**: (TODO) Richard bellman, dynamic programming

### architectures
- **The memory wall**: [Wm. A. Wulf, and Sally A. McKee. "Hitting the memory wall: implications of the obvious" (1995)](https://dl.acm.org/doi/10.1145/216585.216588)
- **Systolic array**:  Kung, Hsiang-Tsung. "Why systolic architecture?" (1982)

### distributed systems
- Leslie Lamport. "Time, Clocks, and the Ordering of Events in a Distributed System" (1978)
- (TODO) Message-Passing Interface
- (TODO) MapReduce: simplified data processing on large clusters (2008)
"""  # noqa: E501


def test_a_quoted_title_after_names_and_a_bold_key_is_the_paper_with_its_year() -> None:
    papers, skipped = _read(KEYED_QUOTED_CITATIONS)
    assert papers == {
        4: ("Mathematical Problems", "", 1900),
        5: ("The Calculi of Lambda-Conversion", "", 1941),
        6: ("An Investigation of the Laws of Thought", "", 1853),
        10: ("Quick Sort", "", 1961),
        14: ("Hitting the memory wall: implications of the obvious", "", 1995),
        15: ("Why systolic architecture?", "", 1982),
        18: ("Time, Clocks, and the Ordering of Events in a Distributed System", "", 1978),
    }
    parsed = parse_list(KEYED_QUOTED_CITATIONS, source="x.md")
    authors = {p.line: p.authors for p in parsed.papers}
    assert authors[5] == ("Alonzo Church",)
    assert authors[14] == ("Wm. A. Wulf", "Sally A. McKee")
    # the key is no title, and a placeholder still to fill is no paper
    assert skipped[11] == NO_LINK
    assert skipped[19] == LABELS and skipped[20] == LABELS


_NAME = st.sampled_from(["Alonzo Church", "A. R. Hoare", "Kung, Hsiang-Tsung", "Ken Thompson"])
_TITLE_WORD = st.sampled_from(["Reflections", "on", "Trusting", "Trust", "Lambda", "Calculi"])


@given(_NAME, st.lists(_TITLE_WORD, min_size=2, max_size=8), st.integers(1850, 2030))
def test_names_then_a_quoted_title_and_its_year_read_as_that_citation(
    names: str, words: list[str], year: int
) -> None:
    title = " ".join(words)
    cited = keyed_cited(f'{names}. "{title}" ({year})')
    assert cited is not None
    assert (cited.authors, cited.title, cited.year) == (names, title, year)


@given(st.lists(_TITLE_WORD, min_size=2, max_size=8), st.integers(1900, 2030))
def test_a_key_then_a_title_without_quotes_or_names_is_no_citation(
    words: list[str], year: int
) -> None:
    """``**Pond**: CXL-Based Memory Pooling (2023)``: the key may be the paper's own name."""
    assert keyed_cited(f"{' '.join(words)} ({year})") is None


# t7snow/tuckersnow.com src/content/blogposts/q1-paper-list.md
# @ 5e5b9fd408acab3b2c3aaa9d029bb5939cbf8fc6
ITALIC_TITLES_BY_NAMES = """\
# 2025 Q1 Paper Reading List

If you have any recommendations, for real, dm me on Twitter @t7snow !

### foundational 
🔵 *Computing Machinery and Intelligence* by Alan Turing

🔵 *Time, clocks, and the ordering of events in a distributed system* - Leslie Lamport

🔵  *Language Models are Few-Shot Learners* - by Tom B. Brown et al.

🔵 *Congestion avoidance and control* - V. Jacobson

### Ilya 30u30 papers

🔵 [**Pointer Networks**](https://arxiv.org/pdf/1506.03134.pdf)
"""  # noqa: W291


def test_an_italic_title_then_by_or_a_dash_and_names_is_a_paper_by_them() -> None:
    papers, skipped = _read(ITALIC_TITLES_BY_NAMES)
    assert papers == {
        6: ("Computing Machinery and Intelligence", "", None),
        8: ("Time, clocks, and the ordering of events in a distributed system", "", None),
        10: ("Language Models are Few-Shot Learners", "", None),
        12: ("Congestion avoidance and control", "", None),
        16: ("Pointer Networks", "", None),
    }
    assert skipped == {3: NO_LINK}
    parsed = parse_list(ITALIC_TITLES_BY_NAMES, source="x.md")
    assert {p.line: p.authors for p in parsed.papers}[10] == ("Tom B. Brown et al",)


@given(
    st.lists(_TITLE_WORD, min_size=2, max_size=8),
    st.sampled_from(["by ", "- ", "– ", "- by "]),
    st.sampled_from(["Alan Turing", "Vaswani et al.", "J.H. Saltzer, D.P. Reed, and D.D. Clark"]),
)
def test_an_italic_title_and_its_byline_give_the_title_and_the_names(
    words: list[str], joint: str, names: str
) -> None:
    title = " ".join(words)
    found = emph_byline([Span("🔵 "), Span(title, emph=True), Span(f" {joint}{names}")], [])
    assert found is not None and found.text == title and found.stated


@given(st.sampled_from(["see the list below", "- read it first", "is a classic", ""]))
def test_an_italic_phrase_before_words_other_than_names_is_no_byline(after: str) -> None:
    spans = [Span("Note", emph=True), Span(f" {after}")]
    assert emph_byline(spans, []) is None
    assert emph_byline([Span("Computing Machinery", emph=True), Span(f" {after}")], []) is None


# OccDeser/Paper-Archive docs/USENIX Security/USENIX Security 2023.md
# @ 90f4262169d1129bd929f91792198d862e4d5d08 (abstracts cut to their first sentence)
FIELD_HEADINGS = """\
# USENIX Security 2023
## PhyAuth: Physical-Layer Message Authentication for ZigBee Networks.
### Authors
* Ang Li, Arizona State University
* Jiawei Li, Arizona State University
### Abstract
> ZigBee is a popular wireless communication standard for Internet of Things (IoT) networks.
### Links
- **URL:** [https://www.usenix.org/conference/usenixsecurity23/presentation/li-ang](https://www.usenix.org/conference/usenixsecurity23/presentation/li-ang)
- **PDF:** [https://www.usenix.org/system/files/usenixsecurity23-li-ang.pdf](https://www.usenix.org/system/files/usenixsecurity23-li-ang.pdf)
## Time for Change: How Clocks Break UWB Secure Ranging.
### Authors
* Claudio Anliker, ETH Zurich
### Abstract
> Due to its suitability for wireless ranging, Ultra-Wide Band (UWB) has gained traction.
"""


def test_a_heading_over_authors_abstract_and_links_headings_is_the_paper() -> None:
    papers, skipped = _read(FIELD_HEADINGS)
    assert papers == {
        2: ("PhyAuth: Physical-Layer Message Authentication for ZigBee Networks", *_SEC23),
        11: ("Time for Change: How Clocks Break UWB Secure Ranging", *_SEC23),
    }
    assert set(skipped) == {4, 5, 7, 9, 10, 13, 15} and set(skipped.values()) == {NOTES}
    parsed = {p.line: p for p in parse_list(FIELD_HEADINGS, source="x.md").papers}
    assert parsed[2].authors == ("Ang Li", "Jiawei Li")
    assert [link.kind for link in parsed[2].links] == ["paper", "pdf"]


_SEC23 = ("USENIX Security 2023", 2023)
_FIELD_NAME = st.sampled_from(["Authors", "Abstract", "Author:", "abstract"])
_TOPIC = st.sampled_from(["Code", "Papers", "Links", "Tools", "Datasets", "Surveys"])


@given(st.lists(st.tuples(_TITLE_WORD, _TITLE_WORD), min_size=1, max_size=5), _FIELD_NAME)
def test_each_heading_over_its_field_headings_is_one_paper(
    pairs: list[tuple[str, str]], field: str
) -> None:
    titles = [f"Paper {i}: {a} {b} Systems" for i, (a, b) in enumerate(pairs)]
    body = "".join(f"## {t}\n### {field}\n* A. Writer, Some University\n" for t in titles)
    papers, _ = _read("# Accepted Papers\n" + body)
    assert [title for title, _, _ in papers.values()] == titles


@given(_TOPIC)
def test_a_heading_over_a_topic_heading_is_a_section(topic: str) -> None:
    """``## Graph Learning`` over ``### Code``: the list's sections, not a paper's fields."""
    text = (
        "# Awesome Graphs\n## Graph Learning Systems\n"
        f"### {topic}\n- [Fast Graph Learning at Scale](https://arxiv.org/abs/2101.00001)\n"
    )
    papers, _ = _read(text)
    assert [title for title, _, _ in papers.values()] == ["Fast Graph Learning at Scale"]


# cmput416/resources readings.md @ 0e78c8438e1fe0b67d3cb3838e7f4a46419eada6 (its first rows;
# the file is the rows alone, no header row and no table tag)
HEADERLESS_HTML_ROWS = """\
        <tr>
            <td></td>
            <td>Qiaochu Chen, Aaron Lamoreaux, Xinyu Wang, Greg Durrett, Osbert Bastani, and Isil Dillig. <a href="https://doi.org/10.1145/3453483.3454047">Web Question Answering with Neurosymbolic Program Synthesis</a>, PLDI '21.</td>
            <td></td>
            <td></td>
        </tr>
        <tr>
            <td></td>
            <td>Marco Vassena, Craig Disselkoen, Klaus v. Gleissenthall, Sunjay Cauligi, Rami Gökhan Kıcı, Ranjit Jhala, Dean Tullsen, and Deian Stefan. <a href="https://dl.acm.org/doi/pdf/10.1145/3434330">Automatically Eliminating Speculative Leaks from Cryptographic Code with Blade</a>,
                POPL '21.</td>
            <td></td>
            <td></td>
        </tr>
"""  # noqa: E501


def test_a_row_without_headers_is_titled_by_its_first_filled_cell() -> None:
    papers, skipped = _read(HEADERLESS_HTML_ROWS)
    assert papers == {
        1: ("Web Question Answering with Neurosymbolic Program Synthesis", "PLDI 2021", 2021),
        7: (
            "Automatically Eliminating Speculative Leaks from Cryptographic Code with Blade",
            "POPL 2021",
            2021,
        ),
    }
    assert skipped == {}


@given(st.integers(0, 3), st.lists(_TITLE_WORD, min_size=3, max_size=8))
def test_the_empty_cells_before_a_headerless_rows_entry_are_passed_over(
    empty: int, words: list[str]
) -> None:
    title = " ".join(words)
    cells = (
        "<td></td>" * empty
        + f'<td>A. Writer. <a href="https://doi.org/10.1/x">{title}</a>, PLDI \'21.</td>'
    )
    papers, _ = _read(f"<table>\n<tr>{cells}<td></td></tr>\n</table>\n")
    assert list(papers.values()) == [(title, "PLDI 2021", 2021)]


# DeathKing/SLeX paper/README.md @ 88ba41c8dbcdf986fa834a4f08596522c890da60 (the whole file)
SCHOLAR_CITATIONS = """\
# Paper List

Following papers are cited by the classic textbook *Introduction to Automata Theory, Languages, and Computation*.

1. **[Huffman1954]** Huffman, David A. "The synthesis of sequential switching circuits." Journal of the franklin Institute 257.3 (1954): 161-190. [[PDF](https://dspace.mit.edu/bitstream/handle/1721.1/4804/RLE-TR-274-14266383.pdf)]
2. **[McCulloch1943]** McCulloch, Warren S., and Walter Pitts. "A logical calculus of the ideas immanent in nervous activity." The bulletin of mathematical biophysics 5.4 (1943): 115-133.[[PDF](https://pdfs.semanticscholar.org/5272/8a99829792c3272043842455f3a110e841b1.pdf)]
3. **[Mealy1955]** Mealy, George H. "A method for synthesizing sequential circuits." Bell System Technical Journal 34.5 (1955): 1045-1079.
4. **[Moore1956]** Moore, Edward F. "Gedanken-experiments on sequential machines." Automata studies 34 (1956): 129-153.
5. **[Rabin1959]** Rabin, Michael O., and Dana Scott. "Finite automata and their decision problems." IBM journal of research and development 3.2 (1959): 114-125. [[PDF](https://www.researchgate.net/profile/Dana_Scott3/publication/230876408_Finite_Automata_and_Their_Decision_Problems/links/582783f808ae950ace6cd752/Finite-Automata-and-Their-Decision-Problems.pdf)]
6. **[Shannon2016]** Shannon, Claude Elwood, and John McCarthy, eds. Automata Studies.(AM-34). Vol. 34. Princeton University Press, 2016.
7. **[Gischer1985]** Gischer, Jay Loren. Partial orders and the axiomatic theory of shuffle. Department of Computer Science, Stanford University, 1985.
8. **[Kleene1951]** Kleene, Stephen Cole. Representation of events in nerve nets and finite automata. No. RAND-RM-704. RAND PROJECT AIR FORCE SANTA MONICA CA, 1951. [[PDF](http://www.diku.dk/hjemmesider/ansatte/henglein/papers/kleene1956.pdf)]
9. **[McNaughton1960]** McNaughton, Robert, and Hisao Yamada. "Regular expressions and state graphs for automata." IRE transactions on Electronic Computers 1 (1960): 39-47.
10. **[Thompson1968]** Thompson, Ken. "Programming techniques: Regular expression search algorithm." Communications of the ACM 11.6 (1968): 419-422.[[PDF](https://www.fing.edu.uy/inco/cursos/intropln/material/p419-thompson.pdf)]
11. **[Bar-Hillel1961]** Bar-Hillel, Yehoshua, Micha Perles, and Eliahu Shamir. "On formal properties of simple phrase structure grammars." Sprachtypologie und Universalienforschung 14 (1961): 143-172.
12. **[Hopcroft1971]** Hopcroft, John. "AN/N LOG N ALGORITHM FOR MINIMIZING STATES IN kF IN ITE AUTOMATON." (1971). [[PDF](http://www.cs.cmu.edu/~sutner/CDM/pdf/Hopcroft71.pdf)]
13. **[Chomsky1956]** Chomsky, Noam. "Three models for the description of language." IRE Transactions on information theory 2.3 (1956): 113-124. [[PDF](http://web.mit.edu/6.441/www/reading/IT-V2-N3.pdf)]
14. **[Floyd1962]** Floyd, Robert W. "On ambiguity in phrase structure languages." Communications of the ACM 5.10 (1962): 526.
"""  # noqa: E501


def test_a_school_or_a_report_number_is_no_venue_and_an_edited_book_no_paper() -> None:
    papers, skipped = _read(SCHOLAR_CITATIONS)
    assert set(papers) == set(range(5, 19)) - {10}
    assert papers[7] == (
        "A method for synthesizing sequential circuits",
        "Bell System Technical Journal 1955",
        1955,
    )
    assert papers[11] == ("Partial orders and the axiomatic theory of shuffle", "", 1985)
    assert papers[12] == ("Representation of events in nerve nets and finite automata", "", 1951)
    assert skipped == {3: NO_LINK, 10: NON_PAPERS}


@given(
    st.sampled_from(
        [
            "Department of Computer Science",
            "School of Computing",
            "University of Cambridge",
            "Laboratory for Computer Science",
            "Technical Report 42",
            "No. CS-TR-1234",
        ]
    ),
    st.integers(1950, 2030),
)
def test_where_a_thesis_or_report_was_written_names_no_venue(where: str, year: int) -> None:
    cited = Citation("Doe, Jane", "A Study of Things", f"{where}, Some Place, {year}.", year)
    assert citation_venue(cited) is None
    journal = Citation("Doe, Jane", "A Study of Things", f"Journal of Things 3.2 ({year})", year)
    assert citation_venue(journal) == VenueGuess("Journal of Things", year)


# iangneal/iangneal.github.io _pages/student_seminar.md
# @ 533708de1e8250e93f53f0571362101c5219e637 (two rows of the seminar's table)
SEMINAR_ROWS = """\
### Upcoming Events

<div class="table-responsive seminar">
<table class="table table-bordered table-striped">
<tbody>

<tr>
    <th scope="row"> Feb. 18th, 2021 </th>

    <td>

    <a href="https://dolobyte.net/" class="author">Yunhao Zhang</a> (Ph.D. Student, Cornell University) <br/>

    <a href="https://www.usenix.org/conference/osdi20/presentation/zhang-yunhao" class="paper">Byzantine Ordered Consensus without Byzantine Oligarchy</a> <br/>

    <p class="conference">(OSDI '20, Awarded Best Paper)</p>

    </td>
</tr>

<tr>
    <th scope="row"> Mar. 4th, 2021 </th>
    <td>

    <a href="https://www.cs.utexas.edu/~jaya/" class="author">Jayashree Mohan</a> (Ph.D. Student, UT Austin) <br/>

    <a href="https://www.usenix.org/conference/fast21/presentation/mohan" class="paper">CheckFreq: Frequent, Fine-Grained DNN Checkpointing</a> <br/>

    <p class="conference">(FAST '21)</p>

    </td>
</tr>
</tbody>
</table>
</div>
"""  # noqa: E501


def test_a_note_in_parentheses_under_an_html_entry_gives_its_venue() -> None:
    papers, _ = _read(SEMINAR_ROWS)
    assert papers == {
        14: ("Byzantine Ordered Consensus without Byzantine Oligarchy", "OSDI 2020", 2020),
        27: ("CheckFreq: Frequent, Fine-Grained DNN Checkpointing", "FAST 2021", 2021),
    }


@given(st.sampled_from(["PLDI '21", "OSDI 2020", "SOSP '19, Best Paper"]), st.integers(0, 3))
def test_only_a_parenthesised_note_close_under_an_entry_joins_it(venue: str, gap: int) -> None:
    link = '<a href="https://example.org/p.pdf">Fast Things in Small Places</a> <br/>'
    note = f'<p class="conference">({venue})</p>'
    text = f"# Talks\n\n    {link}\n" + "\n" * gap + f"{note}\n"
    papers, _ = _read(text)
    stated = papers[3][1] != ""
    assert stated == (gap <= 1)  # one blank line between at most
    assert papers[3][0] == "Fast Things in Small Places"


# andrewbirkett/quantum quantum-computing-papers.md @ b97076ea0c79c39a8a9467ede3b6606dd2203444
# (one line), then AnHaechan/cs-classic-papers README.md
# @ 01a6011248d5c69233e3782159a71eb0d9d7fbae (two of its references)
BOOKSHOP_AND_EXCLAMATION = """\
# Papers

* 2017 Experimental comparison of two quantumcomputing architectures: Shoot out between trapped ion and superconducting qubits!  <https://www.pnas.org/content/pnas/114/13/3305.full.pdf>

## References
- [Why Machines Learn: The Elegant Math Behind Modern AI, Anil Ananthaswamy](https://www.amazon.com/Why-Machines-Learn-Elegant-Behind/dp/0593185749)
- [컴퓨터 과학이 여는 세계, 이광근](https://www.yes24.com/Product/Goods/17976737)
"""  # noqa: E501


def test_a_shops_page_is_a_book_and_an_exclamation_after_a_colon_no_part_of_a_title() -> None:
    papers, skipped = _read(BOOKSHOP_AND_EXCLAMATION)
    assert papers == {
        3: ("Experimental comparison of two quantumcomputing architectures", "", 2017),
    }
    assert skipped == {6: NON_PAPERS, 7: NON_PAPERS}


@given(st.lists(_TITLE_WORD, min_size=3, max_size=6), st.lists(_TITLE_WORD, min_size=1, max_size=6))
def test_a_subtitle_exclaimed_is_the_writers_remark(head: list[str], rest: list[str]) -> None:
    title = " ".join(head)
    assert strip_commentary(f"{title}: {' '.join(rest)}!") == (title, f"{' '.join(rest)}!")
    assert strip_commentary(f"{title}: {' '.join(rest)}")[1] is None
    assert strip_commentary("Linear Types Can Change The World!") == (
        "Linear Types Can Change The World!",
        None,
    )
