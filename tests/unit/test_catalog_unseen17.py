"""The seventeenth round of real lists: seminar readings, checklists, numbered references.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen17/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.citation import citation_venue, parse_citation
from papershelf.catalog.emph_bylines import emph_byline
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.quoted_bylines import quoted_byline
from papershelf.catalog.skips import NO_LINK, NON_PAPERS
from papershelf.catalog.spans import Span
from papershelf.catalog.titles import strip_commentary

from .excerpts import read_excerpt as _read

# PrincetonSystems/os-seminar readings.markdown @ 4013857a81b7cdd1b64787f82a8cfb61fcd9262d
SEMINAR_READINGS = """\
---
layout: page
title: Readings
---

Annotations for readings in Perusall are always due noon, Princeton time, the day before
class.

## Monolithic Kernels
2. _The UNIX Time-Sharing System_, Dennis M. Ritchie & Ken Thompson
3. _POSIX Abstractions in Modern Operating Systems: The Old, the New, and the
   Missing_, Vaggelis Atlidakis, Jeremy Andrus, Roxana Geambasu, Dimitris
   Mitropoulos, and Jason Nieh 

## Microkernels
4. _Toward real microkernels_, Jochen Liedtke

## High Performance Kernels
7. _IX: A Protected Dataplane Operating System for High Throughput and Low
   Latency_, Adam Belay, George Prekas, Ana Klimovic, Samuel Grossman, Christos
   Kozyrakis, Stanford University, Edouard Bugnion
"""  # noqa: W291


def test_an_italic_title_then_a_comma_and_names_is_a_paper_even_wrapped() -> None:
    papers, skipped = _read(SEMINAR_READINGS)
    assert papers == {
        10: ("The UNIX Time-Sharing System", "", None),
        11: (
            "POSIX Abstractions in Modern Operating Systems: The Old, the New, and the Missing",
            "",
            None,
        ),
        16: ("Toward real microkernels", "", None),
        19: (
            "IX: A Protected Dataplane Operating System for High Throughput and Low Latency",
            "",
            None,
        ),
    }
    assert skipped == {6: NO_LINK}
    authors = {p.line: p.authors for p in parse_list(SEMINAR_READINGS, source="x.md").papers}
    assert authors[10] == ("Dennis M. Ritchie", "Ken Thompson")
    assert authors[16] == ("Jochen Liedtke",)


_TITLE_WORD = st.sampled_from(["Toward", "real", "Microkernels", "Exokernel", "the", "Web"])
_NAMES = st.sampled_from(
    ["Jochen Liedtke", "Dennis M. Ritchie & Ken Thompson", "Galen C. Hunt, James Larus"]
)


@given(st.lists(_TITLE_WORD, min_size=2, max_size=8), _NAMES, st.integers(1, 3))
def test_an_italic_title_wrapped_anywhere_then_a_comma_and_names_is_read_whole(
    words: list[str], names: str, cut: int
) -> None:
    cut = min(cut, len(words) - 1)
    head, tail = " ".join(words[:cut]), " ".join(words[cut:])
    spans = [Span(head, emph=True), Span("\n", brk=True), Span(tail, emph=True)]
    found = emph_byline([*spans, Span(f", {names}")], [])
    assert found is not None and found.text == " ".join(words)


@given(st.sampled_from(["see the list below", "read it first", "is a classic"]))
def test_an_italic_word_then_a_comma_and_a_sentence_is_no_title(sentence: str) -> None:
    assert emph_byline([Span("Note that", emph=True), Span(f", {sentence}")], []) is None


# afronski/papers_i_love README.md @ 0574fe5569e58ca30a7fca31de80e8493e9990a2
CHECKLIST_WITH_NAMES = """\
# Papers I Love

## Distributed Systems - Theory

- [ ] [Time, Clocks, and the Ordering of Events in a Distributed System [Lamport]](http://amturing.acm.org/p558-lamport.pdf)
- [ ] [The Byzantine Generals Problem [Lamport, Shostak, Pease]](http://research.microsoft.com/en-us/um/people/lamport/pubs/byz.pdf)

### TCP

- [ ] [Controlling Queue Delay [Nichols, Jacobson]](http://delivery.acm.org/10.1145/2210000/2209336/p20-nichols.pdf?ip=89.75.156.194&id=2209336&acc=OPEN)
"""


def test_names_in_brackets_ending_a_linked_title_are_no_part_of_it() -> None:
    papers, skipped = _read(CHECKLIST_WITH_NAMES)
    assert papers == {
        5: ("Time, Clocks, and the Ordering of Events in a Distributed System", "", None),
        6: ("The Byzantine Generals Problem", "", None),
        10: ("Controlling Queue Delay", "", None),
    }
    assert skipped == {}


@given(
    st.lists(_TITLE_WORD, min_size=2, max_size=8),
    st.sampled_from(["Lamport", "Lamport, Shostak, Pease", "PDF", "Feynman"]),
)
def test_a_bracketed_note_without_digits_ends_no_title(words: list[str], note: str) -> None:
    title = " ".join(words)
    assert strip_commentary(f"{title} [{note}]") == (title, note)


@given(st.lists(_TITLE_WORD, min_size=2, max_size=8), st.sampled_from(["OSDI '04", "ICML 2020"]))
def test_a_bracketed_group_with_a_year_stays_where_the_venue_is_read(
    words: list[str], venue: str
) -> None:
    text = f"{' '.join(words)} [{venue}]"
    assert strip_commentary(text) == (text, None)


# Alin0268/BC-Projects MidtermFiles/PapersList.md @ 630b5b54edcd86b2fbaf2f066b9a70907fe7b8a2
VANCOUVER_REFERENCES = """\

# Список публикаций, рассмотренных при подготовке обзора трудов по теме Блокчейн
7.\tAitzhan N Z, Svetinovic D. Security and privacy in decentralized energy trading through multi-signatures, blockchain and anonymous messaging streams. IEEE Transactions on Dependable and Secure Computing, 2018, 15(5): 840–852. 
10.\tChen C. Visualizing scientific paradigms: An introduction. Journal of the Association for Information Science and Technology, 2003, 54(5): 392–393. 
45.\tEyal I, Sirer E G. Majority is not enough: Bitcoin mining is vulnerable. International Conference on Financial Cryptography and Data Security, 2014: 436–454.
46.\tH. T. Heinonen and A. Semenov. Recycling Hashes from Reversible Bitcoin Mining to Seed Pseudorandom Number Generators. K. Lee and L.-J. Zhang (Eds.): ICBC 2021, LNCS 12991, pp. 103–117, 2022. https://doi.org/10.1007/978-3-030-96527-3_7
"""  # noqa: E501, W291


def test_family_names_with_bare_initials_end_at_their_stop_and_editors_are_no_venue() -> None:
    papers, skipped = _read(VANCOUVER_REFERENCES)
    assert papers == {
        3: (
            "Security and privacy in decentralized energy trading through multi-signatures,"
            " blockchain and anonymous messaging streams",
            "IEEE Transactions on Dependable and Secure Computing 2018",
            2018,
        ),
        4: (
            "Visualizing scientific paradigms: An introduction",
            "Journal of the Association for Information Science and Technology 2003",
            2003,
        ),
        5: (
            "Majority is not enough: Bitcoin mining is vulnerable",
            "International Conference on Financial Cryptography and Data Security 2014",
            2014,
        ),
        6: (
            "Recycling Hashes from Reversible Bitcoin Mining to Seed Pseudorandom Number"
            " Generators",
            "ICBC 2021",
            2021,
        ),
    }
    assert skipped == {}
    authors = {p.line: p.authors for p in parse_list(VANCOUVER_REFERENCES, source="x.md").papers}
    assert authors[3] == ("Aitzhan N Z", "Svetinovic D")


_VANCOUVER = st.sampled_from(["Eyal I", "Sirer E G", "Aitzhan N Z", "Chen C", "Korpela K"])


@given(
    st.lists(_VANCOUVER, min_size=2, max_size=4),
    st.sampled_from(["Digital", "Majority", "Visualizing"]),
    st.lists(_TITLE_WORD, min_size=2, max_size=8),
)
def test_vancouver_names_then_a_title_read_as_that_citation(
    names: list[str], first: str, words: list[str]
) -> None:
    title = " ".join([first, *words])
    cited = parse_citation(f"{', '.join(names)}. {title}. Research Policy, 2007, 36(6): 880–886.")
    assert cited is not None
    assert (cited.authors, cited.title, cited.year) == (", ".join(names), title, 2007)


@given(st.lists(_TITLE_WORD, min_size=3, max_size=8))
def test_a_given_name_and_an_initial_before_the_family_is_no_vancouver_name(
    words: list[str],
) -> None:
    """``Samuel Z. Guyer, Kathryn S. McKinley, and Daniel Frampton. 2006. Title.``"""
    title = " ".join(words)
    lead = "Samuel Z. Guyer, Kathryn S. McKinley, and Daniel Frampton. 2006."
    cited = parse_citation(f"{lead} {title}. In Proceedings of PLDI '06.")
    assert cited is not None and cited.title == title


@given(st.sampled_from(["ICBC 2021", "OSDI 2020", "SOSP 2019"]))
def test_a_proceedings_after_its_editors_names_the_venue_and_its_year(venue: str) -> None:
    cited = parse_citation(
        f"A. Author and B. Author. A Title of Some Length. X. Lee (Eds.): {venue}, LNCS 1, 2022."
    )
    assert cited is not None
    found = citation_venue(cited)
    assert found is not None and f"{found.name} {found.year}" == venue


# t7snow/tuckersnow.com src/content/blogposts/q1-paper-list.md
# @ 5e5b9fd408acab3b2c3aaa9d029bb5939cbf8fc6 (round 16's list; its book pages were misread)
BOOK_PAGES = """\
### Ilya 30u30 papers

🔵 [**Machine Super Intelligence**](http://www.vetta.org/documents/Machine_Super_Intelligence.pdf)

🔵 [**Kolmogorov Complexity (from page 434)**](https://www.lirmm.fr/~ashen/kolmbook-eng-scan.pdf)
"""


def test_pages_of_a_book_named_after_a_title_are_no_paper() -> None:
    papers, skipped = _read(BOOK_PAGES)
    assert papers == {3: ("Machine Super Intelligence", "", None)}
    assert skipped == {5: NON_PAPERS}


@given(
    st.lists(_TITLE_WORD, min_size=2, max_size=6),
    st.sampled_from(["from page 434", "pages 10-20", "chapter 3", "Chapter 12"]),
)
def test_a_title_then_its_pages_or_chapter_is_a_part_of_a_book(words: list[str], part: str) -> None:
    book = f"🔵 [**{' '.join(words)} ({part})**](https://x.org/book.pdf)"
    paper = "🔵 [**Attention Is All You Need**](https://arxiv.org/abs/1706.03762)"
    papers, skipped = _read(f"# Readings\n\n{paper}\n\n{book}\n")
    assert list(papers) == [3]
    assert skipped == {5: NON_PAPERS}


# sungsoo/sungsoo.github.io _posts/2015-11-13-database-reading-list.md
# @ 67fed127b1b9323f29e86dc0834cac47836072f5
ONLINE_COPY = """\
## Consensus Protocols

1.  L. Lamport, [Paxos Made Simple](http://sungsoo.github.com/articles/cmu-course-papers/paxos-simple.pdf),
    ACM SIGACT News, 2001
4.  H. Robinson, [Consensus Protocols:
    Paxos](http://sungsoo.github.com/articles/cmu-course-papers/paxos-henryrobinson.pdf),
    [Online](http://the-paper-trail.org/blog/consensus-protocols-paxos/),
    2009
"""


def test_an_online_copy_link_is_no_second_title_of_the_entry() -> None:
    papers, _ = _read(ONLINE_COPY)
    assert papers == {
        3: ("Paxos Made Simple", "ACM SIGACT News 2001", 2001),
        5: ("Consensus Protocols: Paxos", "", 2009),
    }


# Alin0268/BC-Projects MidtermFiles/PapersList.md @ 630b5b54edcd86b2fbaf2f066b9a70907fe7b8a2
QUOTED_BY_NAMES = """\
# Список публикаций, рассмотренных при подготовке обзора трудов по теме Блокчейн
1.\t"Blockchain Technology: Principles and Applications" by Marc Pilkington: This literature review provides a comprehensive overview of blockchain technology, including its history, principles, and applications.
2.\t"A Systematic Literature Review on Blockchain Technology in Healthcare" by Carlos López-Barón, et al.: This literature review focuses on the potential applications of blockchain technology in healthcare.
"""  # noqa: E501


def test_a_quoted_title_then_by_and_names_then_notes_is_a_paper_by_them() -> None:
    papers, skipped = _read(QUOTED_BY_NAMES)
    assert papers == {
        2: ("Blockchain Technology: Principles and Applications", "", None),
        3: ("A Systematic Literature Review on Blockchain Technology in Healthcare", "", None),
    }
    assert skipped == {}
    authors = {p.line: p.authors for p in parse_list(QUOTED_BY_NAMES, source="x.md").papers}
    assert authors[2] == ("Marc Pilkington",)


@given(
    st.lists(st.sampled_from(["Blockchain", "Technology", "Healthcare"]), min_size=2, max_size=20),
    st.sampled_from(["Marc Pilkington", "Karanpreet Kaur and Divya Bansal"]),
    st.sampled_from(["", ": This review covers it.", ": notes"]),
)
def test_a_quoted_title_and_its_byline_give_the_title(
    words: list[str], names: str, notes: str
) -> None:
    title = " ".join(words)
    found = quoted_byline([Span(f'"{title}" by {names}{notes}')], [])
    assert found is not None and found.text == title


@given(st.sampled_from(["the way to go", "far the best one", "now a classic: read it"]))
def test_a_quoted_phrase_then_by_and_no_names_is_no_title(rest: str) -> None:
    assert quoted_byline([Span(f'"Worse is better" by {rest}')], []) is None
