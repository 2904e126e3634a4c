"""DBLP's publication search (JSON): CS venues and years, and DBLP's own BibTeX key."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from papershelf.domain.enrichment import Author, SourceRecord
from papershelf.services.enrich.http import Request
from papershelf.services.enrich.ids import clean_doi, idents_of_url
from papershelf.services.enrich.sources.base import (
    ParseError,
    Source,
    as_dict,
    as_int,
    as_list,
    clean_text,
    load_json,
)

_HOMONYM = re.compile(r"\s+\d{4}$")  # DBLP tells namesakes apart with " 0001"


class DblpSource(Source):
    name = "dblp"
    kinds = ()  # search only

    def lookups(self, idents: Sequence[str]) -> list[Request]:
        return []

    def search(self, title: str, year: int | None, pid: str) -> Request | None:
        words = " ".join(re.findall(r"\w+", title))
        if not words:
            return None
        params = (("q", words), ("format", "json"), ("h", "10"))
        return Request(self.name, self.base_url, params, search=pid)

    def parse(self, body: bytes) -> list[SourceRecord | None]:
        data = load_json(body)
        result = as_dict(data).get("result") if isinstance(data, dict) else None
        if not isinstance(result, dict):
            raise ParseError("expected an object with a 'result'")
        hits = as_dict(result.get("hits"))
        return [_hit(as_dict(as_dict(h).get("info"))) for h in as_list(hits.get("hit"))]


def _name(author: object) -> str:
    text = as_dict(author).get("text") if isinstance(author, dict) else author
    return _HOMONYM.sub("", clean_text(text))


def _hit(info: dict[str, Any]) -> SourceRecord:
    title = clean_text(info.get("title"))
    title = title[:-1] if title.endswith(".") else title
    venues = [clean_text(v) for v in as_list(info.get("venue"))]
    venue = venues[0] if venues else ""
    arxiv = ""
    for ee in as_list(info.get("ee")):
        for ident in idents_of_url(ee) if isinstance(ee, str) else []:
            if ident.startswith("arxiv:"):
                arxiv = ident[6:]
    authors = [
        Author(n)
        for n in (_name(a) for a in as_list(as_dict(info.get("authors")).get("author")))
        if n
    ]
    doi = info.get("doi")
    return SourceRecord(
        title=title,
        authors=tuple(authors),
        year=as_int(info.get("year")),
        venue=venue,
        doi=clean_doi(doi) if isinstance(doi, str) else "",
        arxiv=arxiv,
        dblp_key=clean_text(info.get("key")),
        preprint=venue == "CoRR" or info.get("type") == "Informal and Other Publications",
    )
