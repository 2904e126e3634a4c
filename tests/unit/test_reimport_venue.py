"""A re-import that corrects a list's venue (``--venue``) keeps its papers and their state.

A paper's id names its venue, so the corrected papers get other ids; the list's own
earlier papers are matched by title whatever their venue, and keep their ids, statuses
and notes instead of turning into orphans beside new papers.
"""

from __future__ import annotations

from pathlib import Path

from papershelf.domain.models import Status
from papershelf.services.library import Library
from tests.conftest import corpus_file

_LIST = """# Reading group

- [Take Out the TraChe: Maximizing (Tra)nsactional Ca(che) Hit](https://example.org/a.pdf)
- [Core slicing: closing the gap between leaky confidential VMs and bare-metal cloud](https://example.org/b.pdf)
- [Nimble: Rollback Protection for Confidential Cloud Services](https://example.org/c.pdf)
"""


def _ids(library: Library, venue: str) -> dict[str, str]:
    return {p.title: p.id for p in library.papers() if p.venue == venue}


def test_a_corrected_venue_keeps_ids_and_state(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "group.md"
    path.write_text(_LIST, encoding="utf-8")
    first = library.import_lists([path])[0]
    assert first.new == 3
    ids = _ids(library, "")
    assert len(ids) == 3
    nimble = ids["Nimble: Rollback Protection for Confidential Cloud Services"]
    library.set_status([nimble], Status.READ)
    library.set_note(nimble, "my note")

    moved = library.import_lists([path], venue="OSDI 2023")[0]
    assert (moved.new, moved.updated, moved.no_longer_listed, moved.left) == (0, 3, 0, 0)
    assert moved.renamed == ()  # the titles did not change
    assert _ids(library, "OSDI 2023") == ids
    assert _ids(library, "") == {}
    assert library.orphans() == []
    assert library.state(nimble).status is Status.READ
    assert library.state(nimble).note == "my note"

    back = library.import_lists([path])[0]  # and back again, without --venue
    assert (back.new, back.no_longer_listed) == (0, 0)
    assert _ids(library, "") == ids and library.state(nimble).note == "my note"


def test_another_lists_paper_of_the_same_title_is_not_taken(
    library: Library, tmp_path: Path
) -> None:
    """Only the list's own earlier papers move across venues: not another list's."""
    other = tmp_path / "other.md"
    other.write_text(_LIST, encoding="utf-8")
    library.import_lists([other], venue="EuroSys 2023")
    mine = tmp_path / "mine.md"
    mine.write_text(_LIST, encoding="utf-8")
    report = library.import_lists([mine], venue="OSDI 2023")[0]
    assert report.new == 3 and report.matched == ()
    assert len(_ids(library, "EuroSys 2023")) == 3 and len(_ids(library, "OSDI 2023")) == 3


def test_an_import_counts_papers_as_the_catalog_has_them(library: Library) -> None:
    """Found = papers (an entry naming a paper twice is one), withdrawn as the catalog says.

    A05 gives a paper the bundled ASPLOS list withdraws; ``lists`` counts it withdrawn, so
    the import line does too: both say 20 papers (+1 withdrawn).
    """
    (report,) = library.import_lists([corpus_file("A05")])
    (info,) = [i for i in library.lists() if i.name == report.name]
    assert (report.found - report.withdrawn, report.withdrawn) == (info.papers, info.withdrawn)
    assert report.withdrawn == 1
    assert report.new + report.updated + report.unchanged == report.found
