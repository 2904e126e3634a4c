"""Papers of no venue have a row named as the tree names them (it had no name at all)."""

from __future__ import annotations

from dataclasses import replace

from papershelf.domain.venues import UNKNOWN_VENUE
from papershelf.services.library import Library
from papershelf.tui.screens.progress import progress_rows


def test_the_row_of_papers_of_no_venue_is_named(library: Library) -> None:
    papers = library.papers()
    nameless = [replace(p, venue="", also_venues=()) for p in papers[:3]]
    _, rows, targets = progress_rows([*nameless, *papers[3:]], {})
    venue_rows = [row for row in rows if row.depth == 0]
    assert all(row.label for row in venue_rows)
    unknown = next(row for row in venue_rows if row.label == UNKNOWN_VENUE)
    assert unknown.tally.total == 3
    assert targets[unknown.key] == ("", None)  # enter still shows those papers
