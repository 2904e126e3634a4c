"""Ordinary lists that look, in one place, like a shape a newer rule reads: read as before.

Each list here was read right before rounds 25 and 26 of real lists added a rule it
resembles: a venue's linked heading over its papers, titles about meeting rooms, a dated
line that keeps the list, a journal's abbreviation after a title.
"""

from __future__ import annotations

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.domain.models import Paper


def _papers(text: str) -> list[Paper]:
    return list(parse_list(text, source="x.md").papers)


LINKED_VENUE_HEADINGS = """\
# Papers by conference

## [OSDI 2024](https://www.usenix.org/conference/osdi24) highlights

[Paper About Scheduling Things Well](https://example.org/a.pdf) by Alice Smith

[Paper About Storage Engines Today](https://example.org/b.pdf) by Bob Jones

## [SOSP 2023](https://sosp2023.mpi-sws.org/) highlights

[Paper About Kernel Bypass Networking](https://example.org/c.pdf) by Carol White

## [NSDI 2023](https://www.usenix.org/conference/nsdi23) highlights

[Paper About Congestion Control Again](https://example.org/d.pdf) by Dan Brown
"""


def test_linked_venue_headings_are_sections_over_their_papers() -> None:
    papers = _papers(LINKED_VENUE_HEADINGS)
    assert [(p.title, p.venue, p.authors) for p in papers] == [
        ("Paper About Scheduling Things Well", "OSDI 2024", ("Alice Smith",)),
        ("Paper About Storage Engines Today", "OSDI 2024", ("Bob Jones",)),
        ("Paper About Kernel Bypass Networking", "SOSP 2023", ("Carol White",)),
        ("Paper About Congestion Control Again", "NSDI 2023", ("Dan Brown",)),
    ]


ROOMS_AND_CHANNELS = """\
# CHI 2022 papers I liked

- [Occupancy Estimation in Meeting Rooms Using CO2 Sensors](https://example.org/p1.pdf)
- [Designing Quiet Conference Rooms for Hybrid Work Teams](https://example.org/p2.pdf)
- [Measuring Fatigue in Long Remote Meetings with Wearables](https://example.org/p3.pdf)
- [Where: Location Privacy for Everyone in Smart Homes and Cities](https://example.org/p4.pdf)
- [Moderating Discord Channels at Scale with Volunteer Labour](https://example.org/p5.pdf)
"""


@pytest.mark.parametrize("linked", [True, False])
def test_titles_about_rooms_and_channels_are_papers(linked: bool) -> None:
    text = ROOMS_AND_CHANNELS
    if not linked:
        text = "\n".join(line.split("](")[0].replace("- [", "- ") for line in text.splitlines())
    papers = _papers(text)
    assert len(papers) == 5
    assert all(p.venue == "CHI 2022" for p in papers)
    assert papers[0].title == "Occupancy Estimation in Meeting Rooms Using CO2 Sensors"


def test_a_session_detail_is_still_no_paper() -> None:
    text = (
        "# VLDB 2020 PhD Workshop\n\n## Session 1\n\n* Start: 2020-08-31T08:00:00Z\n"
        "* Chair: Katja and Ziawasch\n* [Zoom Meeting Room](https://zoom.example/j/1)\n"
        "* [A Paper About Query Optimisation in Practice](https://example.org/q.pdf)\n"
    )
    assert [p.title for p in _papers(text)] == ["A Paper About Query Optimisation in Practice"]


KEEPING_AND_SCHEDULE = """\
# Systems reading list

- Maintained by the course staff, 2024
- Licensed under CC BY 4.0, 2023
- Last updated: January 5, 2024
- Lecture 1: Introduction and course overview, 2023
- Midterm exam in class, 2023
- Combining Branch Predictors, 1993
- Vector Runahead, 2021, ISCA
"""


def test_dated_lines_on_keeping_the_list_or_a_schedule_are_no_papers() -> None:
    papers = _papers(KEEPING_AND_SCHEDULE)
    assert [(p.title, p.venue, p.year) for p in papers] == [
        ("Combining Branch Predictors", "", 1993),
        ("Vector Runahead", "ISCA 2021", 2021),
    ]


def test_a_journal_abbreviation_before_a_year_is_the_venue_not_an_author() -> None:
    text = (
        "# Physics\n\n"
        "- [Observation of a new particle in the search for the Standard Model Higgs boson]"
        "(https://arxiv.org/abs/1207.7214) Phys Lett B. 2012\n"
        "- [Impossibility of Distributed Consensus with One Faulty Process]"
        "(https://example.org/flp.pdf) Fischer M J, Lynch N A. Journal of the ACM, 1985\n"
    )
    higgs, flp = _papers(text)
    assert (higgs.venue, higgs.authors) == ("Phys Lett B 2012", ())
    assert (flp.venue, flp.authors) == (
        "Journal of the ACM 1985",
        ("Fischer M J", "Lynch N A"),
    )
