"""What the CLI and the app ask of the catalog and the states: selections, counts, exports.

Functions of plain values, so the Library's methods stay one line each and both front ends
get the same answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from papershelf.domain.enrichment import Enrichment
from papershelf.domain.filtering import (
    PaperFilter,
    SearchIndex,
    SortKey,
    filter_papers,
    sort_papers,
)
from papershelf.domain.models import Paper, PaperState, Venue
from papershelf.domain.progress import read_per_week, tally
from papershelf.errors import UsageError
from papershelf.services.counting import count_papers
from papershelf.services.results import Stats


def venue_label(venues: Sequence[Venue], text: str) -> str:
    labels = {v.label.casefold(): v.label for v in venues}
    try:
        return labels[text.strip().casefold()]
    except KeyError:
        raise UsageError(f"no venue {text!r} (see `papershelf venues`)") from None


def select(
    papers: Sequence[Paper], states: Mapping[str, PaperState], flt: PaperFilter, sort: SortKey
) -> list[Paper]:
    if flt.query:
        index = SearchIndex.build(papers, states)
        papers = [index.papers[i] for i in index.search(flt.query)]
    return sort_papers(filter_papers(papers, states, flt), sort, states)


def stats(
    papers: Sequence[Paper],
    states: Mapping[str, PaperState],
    by: str,
    *,
    weeks: int,
    today: date | None,
) -> Stats:
    overall, groups = tally(papers, states, by=by)
    weekly = read_per_week(states, weeks=weeks, today=today)
    return Stats(overall, groups, weekly, count_papers(papers))


def export(
    fmt: str,
    papers: Sequence[Paper],
    states: Mapping[str, PaperState],
    found: Mapping[str, Enrichment],
    path: Path | None,
    *,
    overwrite: bool,
) -> str | int:
    from papershelf.export import render
    from papershelf.services.exporting import write_export

    if path is None:
        return render(fmt, papers, states, enrichments=found)
    return write_export(path, fmt, papers, states, overwrite=overwrite, enrichments=found)
