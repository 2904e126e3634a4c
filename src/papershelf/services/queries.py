"""What the CLI and the app ask of the catalog and the states: selections, counts, exports.

Functions of plain values, so the Library's methods stay one line each and both front ends
get the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.deferred import deferred
from papershelf.domain.enrichment import Enrichment
from papershelf.domain.filtering import (
    PaperFilter,
    SearchIndex,
    SortKey,
    filter_papers,
    sort_papers,
)
from papershelf.domain.grouping import alias_table, venue_key
from papershelf.domain.models import Paper, PaperState, Venue
from papershelf.domain.progress import read_per_week, tally
from papershelf.domain.venues import names_unknown_venue, split_venue
from papershelf.services.counting import count_papers
from papershelf.services.known_names import unknown_name
from papershelf.storage.catalog_rows import Catalog

if TYPE_CHECKING:
    from papershelf.services import results
else:  # made by `stats` and the progress screen, not at start
    results = deferred("papershelf.services.results")

VenueScope = tuple[str | None, str | None]
"""(venue label, series) for ``PaperFilter``: one of them is set."""


def venue_scope(catalog: Catalog, text: str, also: Iterable[Paper] = ()) -> VenueScope:
    """What ``--venue`` names, in any spelling: ``osdi'24`` is OSDI 2024, ``OSDI`` every year.

    A venue is there when the catalog has it or when one of ``also`` (the papers the command
    selects from besides the catalog: ``export --orphans``) is given it.
    """
    aliases = catalog.spellings.aliases if catalog.spellings is not None else alias_table()
    series, year = venue_key(" ".join(text.split()), aliases)
    venues = [*catalog.venues.values(), *_venues_of(also)]
    for venue in venues:
        key = venue_key(venue.label, aliases)
        if year is not None and key == (series, year):
            return venue.label, None
        if year is None and series and key[0] == series:
            return None, venue.name
    if names_unknown_venue(text) and any(not venue.label for venue in venues):
        return "", None  # the app's "Unknown venue" node
    labels = [venue.label for venue in venues if venue.label]
    names = {venue.name for venue in venues if venue.name}
    raise unknown_name("venue", text, [*dict.fromkeys(labels), *sorted(names)], "papershelf venues")


def _venues_of(papers: Iterable[Paper]) -> list[Venue]:
    """The venues papers outside the catalog are given, as the catalog would hold them."""
    labels = dict.fromkeys(label for p in papers for label in (p.venue, *p.also_venues))
    return [Venue(*split_venue(label)) if label else Venue("") for label in labels]


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
) -> results.Stats:
    overall, groups = tally(papers, states, by=by)
    weekly = read_per_week(papers, states, weeks=weeks, today=today)
    return results.Stats(overall, groups, weekly, count_papers(papers))


def export(
    fmt: str,
    papers: Sequence[Paper],
    states: Mapping[str, PaperState],
    found: Mapping[str, Enrichment],
    path: Path | None,
    overwrite: bool,
    *,
    catalog: Sequence[Paper],
) -> str | int:
    """The export as text, or written to ``path`` (the number of papers).

    ``catalog`` (every catalog paper) decides the BibTeX keys: a paper's key is the same
    whatever is exported, and the same as ``Y`` copies.
    """
    from papershelf.export import render
    from papershelf.services.exporting import write_export

    if path is None:
        return render(fmt, papers, states, enrichments=found, catalog=catalog)
    return write_export(
        path, fmt, papers, states, overwrite=overwrite, enrichments=found, catalog=catalog
    )
