"""A citation's volume, issue or chapter after a dash is no short venue name with its year.

``Journal of Things, Vol. 3 - No 12`` read as the venue ``No`` of 2012, and ``SIGMOD
Record - Issue 49`` as ``Issue`` of 2049: the rule for ``... Implementation - PLDI 2017``
took any capitalised word after a dash. A proceedings' short name is in capitals
(``PLDI``, ``ICFP ’07``, ``EuroSys``).
"""

from __future__ import annotations

import pytest

from .excerpts import read_excerpt as _read


@pytest.mark.parametrize(
    ("rest", "year"),
    [
        ("Journal of Things, Vol. 3 - No 12, 1-10.", 2019),
        ("Lecture Notes in Computer Science - Vol 11, 20-30.", 2019),
        ("In Handbook of Learning - Chapter 12. Springer.", 2019),
        ("SIGMOD Record - Issue 49, 5-10.", 2019),
    ],
)
def test_a_dashed_detail_is_no_venue(rest: str, year: int) -> None:
    papers, _ = _read(f"- Smith, J. ({year}). A study of many things. {rest}\n")
    ((title, venue, got),) = papers.values()
    assert (title, got) == ("A study of many things", year)
    assert not venue.startswith(("No ", "Vol ", "Chapter ", "Issue ")), venue


def test_a_dashed_short_name_is_the_venue() -> None:
    rest = "Proceedings of the Twelfth European Conference on Computer Systems - EuroSys '17, 1-16."
    papers, _ = _read(f"- Smith, J. (2017). A study of many things. {rest}\n")
    assert list(papers.values()) == [("A study of many things", "EuroSys 2017", 2017)]
