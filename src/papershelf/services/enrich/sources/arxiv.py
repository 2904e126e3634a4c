"""arXiv's API: Atom feeds, looked up in batches with ``id_list`` or searched by title."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from papershelf.domain.enrichment import Author, SourceRecord
from papershelf.services.enrich.http import Request
from papershelf.services.enrich.ids import arxiv_id, clean_doi, ident_value
from papershelf.services.enrich.sources.base import ParseError, Source, chunks, clean_text

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "arxiv": "http://arxiv.org/schemas/atom",
}
_ID_URL = re.compile(r"arxiv\.org/abs/(.+)$", re.I)


class ArxivSource(Source):
    name = "arxiv"
    kinds = ("arxiv",)
    batch = 50

    def lookups(self, idents: Sequence[str]) -> list[Request]:
        ids = [ident_value(i, "arxiv") for i in idents]
        return [
            Request(
                self.name,
                self.base_url,
                (("id_list", ",".join(group)), ("max_results", str(len(group)))),
                idents=tuple(f"arxiv:{i}" for i in group),
            )
            for group in chunks(ids, self.batch)
        ]

    def search(self, title: str, year: int | None, pid: str) -> Request | None:
        words = " ".join(re.findall(r"\w+", title))
        if not words:
            return None
        query = f'ti:"{words}"'
        if year is not None:  # a preprint comes before its conference, rarely after
            query += f" AND submittedDate:[{year - 2}01010000 TO {year + 1}12312359]"
        return Request(
            self.name, self.base_url, (("search_query", query), ("max_results", "5")), search=pid
        )

    def parse(self, body: bytes) -> list[SourceRecord | None]:
        try:
            root = ET.fromstring(body)
        except ET.ParseError as exc:
            raise ParseError(f"not XML: {exc}") from None
        if root.tag != f"{{{_NS['atom']}}}feed":
            raise ParseError("not an Atom feed")
        records: list[SourceRecord | None] = []
        for entry in root.findall("atom:entry", _NS):
            record = _entry(entry)
            if record is not None:
                records.append(record)
        return records


def _text(entry: ET.Element, path: str) -> str:
    node = entry.find(path, _NS)
    return node.text or "" if node is not None else ""


def _entry(entry: ET.Element) -> SourceRecord | None:
    m = _ID_URL.search(_text(entry, "atom:id").strip())
    ident = arxiv_id(m.group(1)) if m else ""
    title = clean_text(_text(entry, "atom:title"))
    if not ident or title == "Error":  # arXiv answers a bad id with an "Error" entry
        return None
    published = _text(entry, "atom:published")
    year = int(published[:4]) if re.match(r"[0-9]{4}", published) else None
    authors = []
    for node in entry.findall("atom:author", _NS):
        name = clean_text(_text(node, "atom:name"))
        if name:
            authors.append(Author(name))
    categories = tuple(
        dict.fromkeys(
            c.get("term", "") for c in entry.findall("atom:category", _NS) if c.get("term")
        )
    )
    return SourceRecord(
        title=title,
        authors=tuple(authors),
        abstract=clean_text(_text(entry, "atom:summary"), multiline=True),
        year=year,
        venue="arXiv",
        doi=clean_doi(_text(entry, "arxiv:doi")),
        arxiv=ident,
        oa_url=f"https://arxiv.org/pdf/{ident}",
        categories=categories,
        preprint=True,
    )
