"""Crossref works: one DOI per request, or a bibliographic search scoped by year."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from papershelf.domain.enrichment import Author, SourceRecord
from papershelf.services.enrich.http import Request
from papershelf.services.enrich.ids import clean_doi, ident_value
from papershelf.services.enrich.sources.base import (
    ParseError,
    Source,
    as_dict,
    as_int,
    as_list,
    clean_text,
    load_json,
)


class CrossrefSource(Source):
    name = "crossref"
    kinds = ("doi",)
    batch = 1

    def _params(self, *pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
        return (*pairs, ("mailto", self.mailto)) if self.mailto else pairs

    def lookups(self, idents: Sequence[str]) -> list[Request]:
        return [
            Request(
                self.name,
                f"{self.base_url}/works/{quote(ident_value(i, 'doi'), safe='/')}",
                self._params(),
                idents=(i,),
            )
            for i in idents
        ]

    def search(self, title: str, year: int | None, pid: str) -> Request | None:
        pairs: list[tuple[str, str]] = [("query.bibliographic", title), ("rows", "5")]
        if year is not None:
            pairs.append(("filter", f"from-pub-date:{year - 1},until-pub-date:{year + 1}"))
        return Request(self.name, f"{self.base_url}/works", self._params(*pairs), search=pid)

    def parse(self, body: bytes) -> list[SourceRecord | None]:
        data = load_json(body)
        message = as_dict(data).get("message") if isinstance(data, dict) else None
        if not isinstance(message, dict):
            raise ParseError("expected an object with a 'message'")
        works = message.get("items", [message])
        if not isinstance(works, list):
            raise ParseError("'items' is not a list")
        return [_work(w) for w in works if isinstance(w, dict) and w.get("DOI")]


def _year(work: dict[str, Any]) -> int | None:
    for key in ("published-print", "published-online", "issued", "published"):
        parts = as_list(as_dict(work.get(key)).get("date-parts"))
        first = as_list(parts[0]) if parts else []
        year = as_int(first[0]) if first else None
        if year is not None:
            return year
    return None


def _abstract(value: object) -> str:
    """JATS as text, without the "Abstract" heading most publishers put first."""
    text = clean_text(value, multiline=True)
    head = text[:9].lower()
    if head.startswith("abstract") and (len(text) == 8 or not text[8].isalnum()):
        text = text[8:].lstrip(" .:\n")
    return text


def _first(value: object) -> str:
    items = as_list(value)
    return clean_text(items[0]) if items else ""


def _work(work: dict[str, Any]) -> SourceRecord:
    people = [as_dict(a) for a in as_list(work.get("author"))]
    authors = [
        Author(
            " ".join(x for x in (clean_text(a.get("given")), clean_text(a.get("family"))) if x),
            clean_text(a.get("given")),
            clean_text(a.get("family")),
        )
        for a in people
        if clean_text(a.get("family"))
    ]
    doi = work.get("DOI")
    return SourceRecord(
        title=_first(work.get("title")),
        authors=tuple(authors),
        abstract=_abstract(work.get("abstract")),
        year=_year(work),
        venue=clean_text(as_dict(work.get("event")).get("acronym"))
        or _first(work.get("short-container-title")),
        container_title=_first(work.get("container-title")),
        doi=clean_doi(doi) if isinstance(doi, str) else "",
        citations=as_int(work.get("is-referenced-by-count")),
        preprint=work.get("type") == "posted-content",
    )
