"""What the enrichment sources said about a paper, and how it merges with the list's data.

Pure values and rules, no I/O: the service fills ``SourceRecord`` values from the sources'
responses; :func:`merge` picks one value per field (with the source it came from), and
:func:`shown_venue` says how the venue reads once a published venue is known.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")

SOURCES = ("arxiv", "openalex", "semantic_scholar", "crossref", "dblp")
"""Every source, in the order a run asks them."""


@dataclass(frozen=True, slots=True)
class Author:
    """One author as a source gives it: the full name, and given/family names when known."""

    name: str
    given: str = ""
    family: str = ""

    @property
    def structured(self) -> bool:
        return bool(self.family)

    def family_given(self) -> str:
        """``Family, Given`` (BibTeX's unambiguous form); the family name is guessed if unknown."""
        family, given = self.family, self.given
        if not family:
            parts = self.name.split()
            if len(parts) < 2:
                return self.name
            family, given = parts[-1], " ".join(parts[:-1])
        return f"{family}, {given}" if given else family

    def to_json(self) -> dict[str, str]:
        out = {"name": self.name}
        if self.family:
            out.update(given=self.given, family=self.family)
        return out

    @classmethod
    def from_json(cls, data: object) -> Author:
        if isinstance(data, str):
            return cls(data)
        if not isinstance(data, dict):
            raise ValueError("an author is a name or an object with a name")
        return cls(
            str(data.get("name", "")), str(data.get("given", "")), str(data.get("family", ""))
        )


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """What one source returned for one paper; every field may be missing."""

    title: str = ""
    authors: tuple[Author, ...] = ()
    abstract: str = ""
    year: int | None = None
    venue: str = ""
    """The published venue's short name as the source writes it (``OSDI``), if any."""
    container_title: str = ""
    """The proceedings' full name (Crossref's ``container-title``), for BibTeX's booktitle."""
    doi: str = ""
    arxiv: str = ""
    citations: int | None = None
    oa_url: str = ""
    tldr: str = ""
    dblp_key: str = ""
    categories: tuple[str, ...] = ()
    preprint: bool = False
    """True when the record describes the arXiv preprint itself (no published venue)."""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__slots__:
            value = getattr(self, name)
            if name == "authors":
                value = [a.to_json() for a in value]
            elif name == "categories":
                value = list(value)
            if value not in ("", None, [], (), False):
                out[name] = value
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SourceRecord:
        def text(key: str) -> str:
            value = data.get(key, "")
            return value if isinstance(value, str) else ""

        def number(key: str) -> int | None:
            value = data.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        authors = data.get("authors", [])
        cats = data.get("categories", [])
        return cls(
            title=text("title"),
            authors=tuple(Author.from_json(a) for a in authors)
            if isinstance(authors, list)
            else (),
            abstract=text("abstract"),
            year=number("year"),
            venue=text("venue"),
            container_title=text("container_title"),
            doi=text("doi"),
            arxiv=text("arxiv"),
            citations=number("citations"),
            oa_url=text("oa_url"),
            tldr=text("tldr"),
            dblp_key=text("dblp_key"),
            categories=tuple(c for c in cats if isinstance(c, str))
            if isinstance(cats, list)
            else (),
            preprint=bool(data.get("preprint", False)),
        )


@dataclass(frozen=True, slots=True)
class Sourced(Generic[T]):
    """A value with the source it came from and when that source was asked."""

    value: T
    source: str
    at: str


@dataclass(frozen=True, slots=True)
class Enrichment:
    """The merged enrichment of one paper: one value per field, each with its source."""

    abstract: Sourced[str] | None = None
    authors: Sourced[tuple[Author, ...]] | None = None
    doi: Sourced[str] | None = None
    arxiv: Sourced[str] | None = None
    citations: Sourced[int] | None = None
    venue: Sourced[str] | None = None
    """The published venue with its year, e.g. ``OSDI 2025`` (never arXiv/CoRR)."""
    container_title: Sourced[str] | None = None
    oa_url: Sourced[str] | None = None
    tldr: Sourced[str] | None = None
    dblp_key: Sourced[str] | None = None
    categories: Sourced[tuple[str, ...]] | None = None
    looked_up: tuple[str, ...] = field(default=())
    """Every source that was asked about this paper (found or not)."""

    @property
    def empty(self) -> bool:
        return all(getattr(self, n) is None for n in FIELDS)

    def sources(self) -> dict[str, str]:
        """Field name -> the source it came from, for the fields that are known."""
        out = {}
        for name in FIELDS:
            value: Sourced[Any] | None = getattr(self, name)
            if value is not None:
                out[name] = value.source
        return out


FIELDS = (
    "abstract",
    "authors",
    "doi",
    "arxiv",
    "citations",
    "venue",
    "container_title",
    "oa_url",
    "tldr",
    "dblp_key",
    "categories",
)
NO_ENRICHMENT = Enrichment()

# Which source wins each field when several have it (first wins).
_PREFERENCE: dict[str, tuple[str, ...]] = {
    "abstract": ("arxiv", "openalex", "semantic_scholar", "crossref"),
    "doi": ("crossref", "dblp", "openalex", "semantic_scholar", "arxiv"),
    "arxiv": ("arxiv", "semantic_scholar", "openalex", "dblp"),
    "citations": ("semantic_scholar", "openalex", "crossref"),
    "venue": ("dblp", "crossref", "openalex", "semantic_scholar"),
    "container_title": ("crossref", "openalex"),
    "oa_url": ("openalex", "semantic_scholar", "arxiv"),
    "tldr": ("semantic_scholar",),
    "dblp_key": ("dblp",),
    "categories": ("arxiv",),
}
_AUTHOR_ORDER = ("crossref", "dblp", "arxiv", "openalex", "semantic_scholar")
_PREPRINT_VENUES = re.compile(r"^(arxiv|corr|biorxiv|medrxiv|ssrn)\b", re.I)


def _published_venue(record: SourceRecord) -> str:
    if record.preprint or not record.venue or _PREPRINT_VENUES.match(record.venue):
        return ""
    return f"{record.venue} {record.year}" if record.year else record.venue


def _value(record: SourceRecord, name: str) -> Any:
    if name == "venue":
        return _published_venue(record)
    value = getattr(record, name)
    return None if value in ("", None, ()) else value


def merge(
    records: Mapping[str, tuple[SourceRecord, str]], looked_up: Sequence[str] = ()
) -> Enrichment:
    """One value per field from ``source -> (record, fetched at)``, by the fixed preferences.

    Authors come from the richest source: the one with the most authors, structured names
    (given and family) winning a tie, then the order crossref, dblp, arxiv, openalex, S2.
    """
    picked: dict[str, Any] = {}
    for name, order in _PREFERENCE.items():
        for source in order:
            if source in records:
                record, at = records[source]
                value = _value(record, name)
                if value is not None and value != "":
                    picked[name] = Sourced(value, source, at)
                    break
    best: tuple[int, int, int] | None = None
    for source, (record, at) in records.items():
        if not record.authors:
            continue
        rank = _AUTHOR_ORDER.index(source) if source in _AUTHOR_ORDER else len(_AUTHOR_ORDER)
        score = (len(record.authors), sum(a.structured for a in record.authors), -rank)
        if best is None or score > best:
            best = score
            picked["authors"] = Sourced(record.authors, source, at)
    return Enrichment(**picked, looked_up=tuple(looked_up))


def shown_venue(list_venue: str, enrichment: Enrichment) -> str:
    """The list's venue; ``arXiv 2024 → OSDI 2025`` for an arXiv-only paper now published."""
    published = enrichment.venue.value if enrichment.venue is not None else ""
    if published and _PREPRINT_VENUES.match(list_venue) and published != list_venue:
        return f"{list_venue} → {published}"
    return list_venue


# -- titles -----------------------------------------------------------------------------------
def normalise_title(title: str) -> str:
    """Lower-case ASCII words of a title: accents, punctuation, markup and case ignored."""
    text = re.sub(r"<[^>]+>", " ", title)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def title_similarity(a: str, b: str) -> float:
    """0..1: how alike two titles are once normalised (1.0: the same words in the same order)."""
    from difflib import SequenceMatcher

    na, nb = normalise_title(a), normalise_title(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    return SequenceMatcher(None, na, nb, autojunk=False).ratio()
