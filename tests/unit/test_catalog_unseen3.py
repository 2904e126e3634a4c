"""Shapes met in a third round of real lists outside the shared corpora, from short excerpts.

Every excerpt names the repository and file it comes from; the expectations are what a
careful reader of that excerpt would write down.
"""

from __future__ import annotations

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.proceedings import authors_with_affiliations, paragraph_text
from papershelf.catalog.skips import LABELS, NON_PAPERS, NOTES
from papershelf.catalog.tail_cite import surname_venue
from papershelf.catalog.year_tag import named_year_tag
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

# palvaro/CMPS232-Fall16, readings.md: a course schedule whose Reading column holds HTML
# anchors to the papers' PDFs, some closing with (Surname, VENUE YEAR).
COURSE_SCHEDULE = """\
|Date|Subject|<a href="Link">Reading</a>|Presented by|
|------------|-------------|-------------|------------|
|9/23/2016|Intro|<a href="">None</a>|Me|
|9/26/2016|Time|<a href="http://amturing.acm.org/p558-lamport.pdf">Time, Clocks, and the Ordering of Events in a Distributed System (Lamport, CACM 1978)</a>||
|10/5||<a href="">NO CLASS?</a>|Peter out!|
|10/12|Consensus|<a href="http://research.microsoft.com/en-us/um/people/lamport/pubs/paxos-simple.pdf">Paxos made simple</a>||
|11/2|BFT|<a href="http://pmg.csail.mit.edu/papers/osdi99.pdf">Practical Byzantine Fault Tolerance (Castro, OSDI 1999)</a>|Zheyuan|
"""  # noqa: E501


def test_a_reading_column_of_html_anchors_to_pdfs_lists_papers() -> None:
    papers, skipped = _read(COURSE_SCHEDULE)
    assert papers == {
        4: ("Time, Clocks, and the Ordering of Events in a Distributed System", "CACM 1978", 1978),
        6: ("Paxos made simple", "", None),
        7: ("Practical Byzantine Fault Tolerance", "OSDI 1999", 1999),
    }
    assert skipped == {3: LABELS, 5: LABELS}


def test_a_reading_column_without_paper_links_stays_topics() -> None:
    text = "|Date|Reading|\n|-|-|\n|9/5|Processes and threads|\n|9/7|[Slides](lec2.html)|\n"
    try:
        papers, _ = _read(text)
    except ListError as err:  # no papers at all: the list is refused with its skips
        assert "no papers found" in str(err)
    else:
        assert papers == {}


def test_a_surname_before_the_venue_is_no_venue_name() -> None:
    found = surname_venue("Kotla, SOSP 2007")
    assert found is not None and (found.name, found.year) == ("SOSP", 2007)
    assert surname_venue("Armbrust, CACM 53(4)") is None
    assert surname_venue("hard core, 2007") is None


# rihib/mit6.5840, README.md: a course's checklist; a numbered lecture's readings are papers,
# its notes and labs are not.
COURSE_CHECKLIST = """\
## Lectures

- [ ] Lecture 5: Fault Tolerance: Raft (1)
  - [x] [Lecture Note](lectures/05/l-raft.txt)
  - [x] [FAQ](lectures/05/raft-faq.txt)
  - [x] [In Search of an Understandable Consensus Algorithm (Extended Version)](lectures/05/raft-extended.pdf)
  - [x] [Paper Questions](lectures/05/question.md)

## Lab

- [ ] [Lab 1: MapReduce](https://pdos.csail.mit.edu/6.824/labs/lab-mr.html)
- [ ] [Lab 2: Key/Value server](https://pdos.csail.mit.edu/6.824/labs/lab-kvsrv1.html)
"""  # noqa: E501


def test_a_numbered_lecture_is_no_section_of_lectures_and_labs_are_no_papers() -> None:
    papers, skipped = _read(COURSE_CHECKLIST)
    assert papers == {6: ("In Search of an Understandable Consensus Algorithm", "", None)}
    assert skipped[5] == NOTES
    assert skipped[11] == NON_PAPERS and skipped[12] == NON_PAPERS


# microsoft/FASTER, docs/_docs/95-research-papers.md: references written "Authors. Title.",
# the link on the next line; without a venue the names still are no part of the title.
REFERENCE_THEN_LINK = """\
## Recovery

* Guna Prasaad, Badrish Chandramouli, Donald Kossmann. Concurrent Prefix Recovery: Performing CPR on a Database. <i>SIGMOD 2019, Amsterdam, Netherlands, June 2019</i>
[[pdf](https://www.microsoft.com/en-us/research/uploads/prod/2019/01/cpr-sigmod19.pdf)]

## Scale-Out

* Chinmay Kulkarni, Badrish Chandramouli, Ryan Stutsman. Achieving High Throughput and Elasticity in a Larger-than-Memory Store.
[[arXiv:2006.03206](https://arxiv.org/pdf/2006.03206.pdf)]
"""  # noqa: E501


def test_a_reference_whose_link_follows_a_line_break_splits_names_from_title() -> None:
    parsed = parse_list(REFERENCE_THEN_LINK, source="excerpt.md")
    paper = parsed.papers[-1]
    assert paper.title == "Achieving High Throughput and Elasticity in a Larger-than-Memory Store"
    assert paper.authors == ("Chinmay Kulkarni", "Badrish Chandramouli", "Ryan Stutsman")


# apsys2024/apsys2024, content/papers/index.md: an accepted-papers page, each title a
# heading and its authors with their affiliations one HTML paragraph under it.
ACCEPTED_PAPERS = """\
# Accepted Papers
<style>
p { font-size: smaller; }
</style>

###### Towards Efficient End-to-End Encryption for Container Checkpointing Systems<br>
<p>Radostin Stoyanov (University of Oxford); Adrian Reber, Daiki Ueno (Red Hat); Rodrigo Bruno (INESC-ID, Instituto Superior Técnico, Universidade de Lisboa)</p>

###### Hora: High Assurance Periodic Availability Guarantee for Life-Critical Applications on Smartphones<br>
<p>Dylan Zueck, Ian Do (University of California, Irvine); Zhihao (Zephyr) Yao (New Jersey Institute of Technology)</p>

###### Related events
<p>See the workshop page.</p>
"""  # noqa: E501


def test_a_heading_with_a_byline_of_names_and_affiliations_is_a_paper() -> None:
    parsed = parse_list(ACCEPTED_PAPERS, source="excerpt.md")
    got = {p.line: (p.title, p.authors) for p in parsed.papers}
    assert got == {
        6: (
            "Towards Efficient End-to-End Encryption for Container Checkpointing Systems",
            ("Radostin Stoyanov", "Adrian Reber", "Daiki Ueno", "Rodrigo Bruno"),
        ),
        9: (
            "Hora: High Assurance Periodic Availability Guarantee for Life-Critical "
            "Applications on Smartphones",
            ("Dylan Zueck", "Ian Do", "Zhihao Yao"),
        ),
    }


def test_a_byline_needs_every_part_to_be_names() -> None:
    assert authors_with_affiliations("See the workshop page (in English).") is None
    assert authors_with_affiliations("Kenichi Yasukata (IIJ Research Laboratory)") == (
        "Kenichi Yasukata",
    )
    assert paragraph_text('<p align="center"><a href="x">A (B)</a></p>') is None


# MoE-Inf/awesome-moe-inference, README.md: paragraphs "[Venue'YY] [Title](url) [[Code](...)]";
# a venue the known names lack still gives its name and year the way the list writes them.
VENUE_TAGS = """\
## Expert Offloading

[Electronics'24] [Efficient Inference Offloading for Mixture-of-Experts Large Language Models in Internet of Medical Things](https://www.mdpi.com/2079-9292/13/11/2077)

[ISCA'24] [Pre-gated MoE: An Algorithm-System Co-Design for Fast and Scalable Mixture-of-Expert Inference](https://arxiv.org/abs/2308.12066) [[Code](https://github.com/ranggihwang/Pregated_MoE)]
"""  # noqa: E501


def test_an_unknown_name_in_a_venue_tag_keeps_its_name_and_year() -> None:
    papers, _ = _read(VENUE_TAGS)
    assert {line: (venue, year) for line, (_, venue, year) in papers.items()} == {
        3: ("Electronics 2024", 2024),
        5: ("ISCA 2024", 2024),
    }
    assert named_year_tag("Code") is None
    assert named_year_tag("x'24") is None


def test_a_checklist_item_names_its_topic_without_the_checkbox() -> None:
    (paper,) = parse_list(COURSE_CHECKLIST, source="excerpt.md").papers
    assert paper.topics == ("Lectures > Lecture 5: Fault Tolerance: Raft",)
