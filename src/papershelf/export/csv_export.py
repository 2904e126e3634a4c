"""CSV export: one row per paper under a header row, for spreadsheets.

Lists (authors, topics, tags, affiliations, awards, remarks, links) are joined with ``"; "``;
links are written ``kind: url``. ``starred`` and ``withdrawn`` are ``true``/``false``;
``year`` and the timestamps are blank when unknown. Quoting is the csv module's (RFC 4180,
CRLF row ends), so commas, quotes and line breaks in notes survive.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or their full-width
forms, or a tab or carriage return) as a formula, so a hostile title such as
``=HYPERLINK(...)`` could act when the file is opened. Such a text cell gets a leading
apostrophe (``'=HYPERLINK(...)``), which spreadsheets show as text. This makes the CSV a
view, not an exact copy (a note starting with ``- item`` reads ``'- item``): use the JSON
export to move state between libraries.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from papershelf.domain.enrichment import NO_ENRICHMENT, Enrichment
from papershelf.domain.models import Paper, PaperState
from papershelf.export._text import multi_line, one_line, safe_url

HEADER = (
    "id",
    "title",
    "authors",
    "venue",
    "year",
    "topics",
    "status",
    "starred",
    "note",
    "tags",
    "main_url",
    "status_changed",
    "first_triaged",
    "note_changed",
    "affiliations",
    "awards",
    "remarks",
    "links",
    "withdrawn",
    "abstract",
    "doi",
    "arxiv",
    "citations",
    "published_venue",
)

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r")
SEPARATOR = "; "


def defuse(cell: str) -> str:
    """The cell with a leading apostrophe if a spreadsheet would run it as a formula."""
    if cell.startswith(("\t", "\r")) or cell.lstrip().startswith(FORMULA_TRIGGERS):
        return "'" + cell
    return cell


def _joined(items: Sequence[str]) -> str:
    return SEPARATOR.join(text for text in (one_line(item) for item in items) if text)


def _row(paper: Paper, state: PaperState, found: Enrichment) -> list[str]:
    main = paper.main_link
    authors = [a.name for a in found.authors.value] if found.authors else list(paper.authors)
    links = [f"{one_line(link.kind)}: {one_line(link.url)}" for link in paper.links]
    text_cells = {
        "id": one_line(paper.id),
        "title": one_line(paper.title),
        "authors": _joined(authors),
        "venue": one_line(paper.venue),
        "topics": _joined(paper.topics),
        "note": multi_line(state.note),
        "tags": _joined(state.tags),
        "main_url": (safe_url(main.url) or "") if main is not None else "",
        "affiliations": _joined(paper.affiliations),
        "awards": _joined(paper.awards),
        "remarks": _joined(paper.remarks),
        "links": SEPARATOR.join(links),
        "status_changed": one_line(state.status_changed or ""),
        "first_triaged": one_line(state.first_triaged or ""),
        "note_changed": one_line(state.note_changed or ""),
        "abstract": multi_line(found.abstract.value) if found.abstract else "",
        "doi": one_line(found.doi.value) if found.doi else "",
        "arxiv": one_line(found.arxiv.value) if found.arxiv else "",
        "published_venue": one_line(found.venue.value) if found.venue else "",
    }
    fixed_cells = {
        "year": "" if paper.year is None else str(paper.year),
        "status": state.status.value,
        "starred": "true" if state.starred else "false",
        "withdrawn": "true" if paper.withdrawn else "false",
        "citations": str(found.citations.value) if found.citations else "",
    }
    return [
        defuse(text_cells[name]) if name in text_cells else fixed_cells[name] for name in HEADER
    ]


def to_csv(
    papers: Sequence[Paper],
    states: Mapping[str, PaperState],
    *,
    bom: bool = False,
    enrichments: Mapping[str, Enrichment] | None = None,
) -> str:
    """Header row, then one row per paper in the given order.

    ``bom`` puts a UTF-8 byte order mark first, which Excel needs to read non-ASCII text.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for paper in papers:
        found = (enrichments or {}).get(paper.id, NO_ENRICHMENT)
        writer.writerow(_row(paper, states.get(paper.id, PaperState()), found))
    return ("\ufeff" if bom else "") + buffer.getvalue()
