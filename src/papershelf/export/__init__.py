"""Exporters: papers and states in, text out (no I/O; the caller writes the file)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from papershelf.domain.enrichment import Enrichment
from papershelf.domain.models import Paper, PaperState
from papershelf.errors import UsageError
from papershelf.export.bibtex import bibtex_entry, catalog_entry, citation_keys, to_bibtex
from papershelf.export.csv_export import to_csv
from papershelf.export.json_export import read_state_export, to_json
from papershelf.export.markdown import to_markdown

FORMATS = ("bibtex", "markdown", "csv", "json")

__all__ = [
    "FORMATS",
    "bibtex_entry",
    "catalog_entry",
    "citation_keys",
    "read_state_export",
    "render",
    "to_bibtex",
    "to_csv",
    "to_json",
    "to_markdown",
]


def render(
    fmt: str,
    papers: Sequence[Paper],
    states: Mapping[str, PaperState],
    *,
    exported_at: str | None = None,
    enrichments: Mapping[str, Enrichment] | None = None,
    catalog: Sequence[Paper] | None = None,
) -> str:
    """The export in format ``fmt`` (one of :data:`FORMATS`); ``UsageError`` for another.

    ``exported_at`` (ISO-8601) is recorded by the JSON and markdown formats; ``enrichments``
    (paper id -> what the sources found) adds abstracts, DOIs and real author names.
    ``catalog`` (every catalog paper, in catalog order) decides the BibTeX keys, so a
    paper's key is the same whatever else is exported.
    """
    if fmt == "bibtex":
        keys = citation_keys(catalog, enrichments) if catalog is not None else None
        return to_bibtex(papers, states, keys=keys, enrichments=enrichments)
    if fmt == "markdown":
        return to_markdown(papers, states, exported_at=exported_at, enrichments=enrichments)
    if fmt == "csv":
        return to_csv(papers, states, enrichments=enrichments)
    if fmt == "json":
        return to_json(papers, states, exported_at=exported_at, enrichments=enrichments)
    raise UsageError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
