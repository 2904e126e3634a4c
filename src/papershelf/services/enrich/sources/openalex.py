"""OpenAlex works: batches of DOIs with one ``filter=doi:a|b``, or a title search."""

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

_ARXIV_DOI = "10.48550/arxiv."


class OpenAlexSource(Source):
    name = "openalex"
    kinds = ("doi", "arxiv")
    batch = 50  # the documented limit of values in one OR filter

    def _params(self, *pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
        return (*pairs, ("mailto", self.mailto)) if self.mailto else pairs

    def lookups(self, idents: Sequence[str]) -> list[Request]:
        dois = [ident_value(i, "doi") or _ARXIV_DOI + ident_value(i, "arxiv") for i in idents]
        return [
            Request(
                self.name,
                f"{self.base_url}/works",
                self._params(("filter", "doi:" + "|".join(group)), ("per-page", str(len(group)))),
                idents=tuple(_ident(d) for d in group),
            )
            for group in chunks(dois, self.batch)
        ]

    def search(self, title: str, year: int | None, pid: str) -> Request | None:
        pairs: list[tuple[str, str]] = [("search", title), ("per-page", "5")]
        if year is not None:
            pairs.append(("filter", f"publication_year:{year - 1}-{year + 1}"))
        return Request(self.name, f"{self.base_url}/works", self._params(*pairs), search=pid)

    def parse(self, body: bytes) -> list[SourceRecord | None]:
        data = load_json(body)
        if not isinstance(data, dict):
            raise ParseError("expected a JSON object")
        works = data.get("results", [data])
        if not isinstance(works, list):
            raise ParseError("'results' is not a list")
        return [_work(w) for w in works if isinstance(w, dict) and w.get("id")]


def _ident(doi: str) -> str:
    return f"arxiv:{doi[len(_ARXIV_DOI) :]}" if doi.startswith(_ARXIV_DOI) else f"doi:{doi}"


def abstract_from_index(index: object) -> str:
    """The abstract's text rebuilt from OpenAlex's inverted index (word -> positions)."""
    if not isinstance(index, dict):
        return ""
    slots: dict[int, str] = {}
    for word, positions in index.items():
        for pos in as_list(positions):
            if isinstance(pos, int) and not isinstance(pos, bool) and 0 <= pos < 100_000:
                slots[pos] = str(word)
    return " ".join(slots[i] for i in sorted(slots))


def _work(work: dict[str, Any]) -> SourceRecord:
    location = as_dict(work.get("primary_location"))
    source = as_dict(location.get("source")) or as_dict(work.get("host_venue"))
    venue = clean_text(source.get("display_name"))
    preprint = source.get("type") == "repository" or venue.lower().startswith("arxiv")
    doi = clean_doi(work.get("doi") or "") if isinstance(work.get("doi"), str) else ""
    authors = []
    for authorship in as_list(work.get("authorships")):
        name = clean_text(as_dict(as_dict(authorship).get("author")).get("display_name"))
        if name:
            authors.append(Author(name))
    return SourceRecord(
        title=clean_text(work.get("display_name") or work.get("title")),
        authors=tuple(authors),
        abstract=clean_text(
            abstract_from_index(work.get("abstract_inverted_index")), multiline=True
        ),
        year=as_int(work.get("publication_year")),
        venue="" if preprint else venue,
        doi="" if doi.startswith(_ARXIV_DOI) else doi,
        arxiv=arxiv_id(doi[len(_ARXIV_DOI) :]) if doi.startswith(_ARXIV_DOI) else "",
        citations=as_int(work.get("cited_by_count")),
        oa_url=clean_text(as_dict(work.get("open_access")).get("oa_url")),
        preprint=preprint,
    )
