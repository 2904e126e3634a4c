"""One adapter per source: the requests to make, and a parser of the answers."""

from __future__ import annotations

from papershelf.services.enrich.config import EnrichConfig
from papershelf.services.enrich.sources.arxiv import ArxivSource
from papershelf.services.enrich.sources.base import ParseError, Source
from papershelf.services.enrich.sources.crossref import CrossrefSource
from papershelf.services.enrich.sources.dblp import DblpSource
from papershelf.services.enrich.sources.openalex import OpenAlexSource
from papershelf.services.enrich.sources.semantic_scholar import SemanticScholarSource

ADAPTERS: dict[str, type[Source]] = {
    "arxiv": ArxivSource,
    "openalex": OpenAlexSource,
    "semantic_scholar": SemanticScholarSource,
    "crossref": CrossrefSource,
    "dblp": DblpSource,
}


def make_sources(config: EnrichConfig, names: tuple[str, ...]) -> list[Source]:
    return [ADAPTERS[n](config.endpoints[n], mailto=config.mailto) for n in names]


__all__ = ["ADAPTERS", "ParseError", "Source", "make_sources"]
