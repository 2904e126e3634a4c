"""Semantic Scholar's Graph API: ``POST /paper/batch`` (up to 500 ids), or a title match."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from papershelf.domain.enrichment import Author, SourceRecord
from papershelf.services.enrich.http import Request
from papershelf.services.enrich.ids import arxiv_id, clean_doi, ident_value
from papershelf.services.enrich.sources.base import (
    ParseError,
    Source,
    as_dict,
    as_int,
    as_list,
    chunks,
    clean_text,
    load_json,
)

FIELDS = "title,authors,abstract,year,venue,externalIds,citationCount,openAccessPdf,tldr"


class SemanticScholarSource(Source):
    name = "semantic_scholar"
    kinds = ("doi", "arxiv")
    batch = 500
    aligned = True

    def lookups(self, idents: Sequence[str]) -> list[Request]:
        asked = [
            f"ARXIV:{ident_value(i, 'arxiv')}"
            if i.startswith("arxiv:")
            else f"DOI:{ident_value(i, 'doi')}"
            for i in idents
        ]
        return [
            Request(
                self.name,
                f"{self.base_url}/paper/batch",
                (("fields", FIELDS),),
                body={"ids": group},
                idents=tuple(
                    f"arxiv:{a[6:]}" if a.startswith("ARXIV:") else f"doi:{a[4:]}" for a in group
                ),
            )
            for group in chunks(asked, self.batch)
        ]

    def search(self, title: str, year: int | None, pid: str) -> Request | None:
        pairs: list[tuple[str, str]] = [("query", title), ("fields", FIELDS)]
        if year is not None:
            pairs.append(("year", f"{year - 1}-{year + 1}"))
        return Request(self.name, f"{self.base_url}/paper/search/match", tuple(pairs), search=pid)

    def parse(self, body: bytes) -> list[SourceRecord | None]:
        data = load_json(body)
        if isinstance(data, dict):  # a title match: {"data": [...]}
            data = data.get("data")
            if not isinstance(data, list):
                raise ParseError("expected 'data' to be a list")
            return [_paper(p) for p in data if isinstance(p, dict)]
        if not isinstance(data, list):
            raise ParseError("expected a JSON list")
        return [_paper(p) if isinstance(p, dict) else None for p in data]


def _paper(paper: dict[str, Any]) -> SourceRecord:
    ids = as_dict(paper.get("externalIds"))
    venue = clean_text(paper.get("venue"))
    preprint = not venue or venue.lower() in ("arxiv", "arxiv.org")
    authors = [
        Author(n)
        for n in (clean_text(as_dict(a).get("name")) for a in as_list(paper.get("authors")))
        if n
    ]
    return SourceRecord(
        title=clean_text(paper.get("title")),
        authors=tuple(authors),
        abstract=clean_text(paper.get("abstract"), multiline=True),
        year=as_int(paper.get("year")),
        venue="" if preprint else venue,
        doi=clean_doi(ids.get("DOI") or "") if isinstance(ids.get("DOI"), str) else "",
        arxiv=arxiv_id(ids["ArXiv"]) if isinstance(ids.get("ArXiv"), str) else "",
        citations=as_int(paper.get("citationCount")),
        oa_url=clean_text(as_dict(paper.get("openAccessPdf")).get("url")),
        tldr=clean_text(as_dict(paper.get("tldr")).get("text")),
        dblp_key=clean_text(ids.get("DBLP")),
        preprint=preprint,
    )
