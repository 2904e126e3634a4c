"""The merge rules and the config table: pure, no network."""

from __future__ import annotations

import pytest

from papershelf.domain.enrichment import (
    Author,
    Enrichment,
    SourceRecord,
    merge,
    normalise_title,
    shown_venue,
    title_similarity,
)
from papershelf.domain.models import Paper
from papershelf.errors import UsageError
from papershelf.export.bibtex import bibtex_entry, citation_keys
from papershelf.services.enrich.config import ENDPOINTS, parse_enrich
from papershelf.services.enrich.matching import best_match
from papershelf.services.enrich.service import parse_sources

AT = "2025-01-01T00:00:00Z"


def test_authors_come_from_the_richest_source() -> None:
    arxiv = SourceRecord(authors=(Author("Seonho Lee"), Author("Amar Phanishayee")))
    crossref = SourceRecord(
        authors=(
            Author("Seonho Lee", "Seonho", "Lee"),
            Author("Amar Phanishayee", "Amar", "Phanishayee"),
        )
    )
    openalex = SourceRecord(authors=(Author("S. Lee"),))
    merged = merge({"arxiv": (arxiv, AT), "crossref": (crossref, AT), "openalex": (openalex, AT)})
    assert merged.authors is not None and merged.authors.source == "crossref"
    more = SourceRecord(authors=(*arxiv.authors, Author("Divya Mahajan")))
    merged = merge({"arxiv": (more, AT), "crossref": (crossref, AT)})
    assert merged.authors is not None and merged.authors.source == "arxiv"


def test_each_field_keeps_its_source_and_preferences_hold() -> None:
    records = {
        "arxiv": (
            SourceRecord(abstract="From arXiv.", arxiv="2401.00001", preprint=True, venue="arXiv"),
            AT,
        ),
        "openalex": (SourceRecord(abstract="From OpenAlex.", citations=3, doi="10.1/x"), AT),
        "semantic_scholar": (SourceRecord(citations=5, tldr="Short."), AT),
        "dblp": (SourceRecord(venue="OSDI", year=2025, dblp_key="conf/osdi/X25"), AT),
    }
    merged = merge(records, tuple(records))
    assert merged.abstract is not None and merged.abstract.source == "arxiv"
    assert merged.citations is not None and merged.citations.value == 5
    assert merged.venue is not None and merged.venue.value == "OSDI 2025"
    assert merged.sources()["doi"] == "openalex"
    assert merged.looked_up == tuple(records)


def test_an_arxiv_only_paper_shows_where_it_was_published() -> None:
    published = merge({"dblp": (SourceRecord(venue="OSDI", year=2025), AT)})
    assert shown_venue("arXiv 2024", published) == "arXiv 2024 → OSDI 2025"
    assert shown_venue("MLSys 2025", published) == "MLSys 2025"  # the list's venue stays
    corr = merge({"dblp": (SourceRecord(venue="CoRR", year=2024, preprint=True), AT)})
    assert corr.venue is None and shown_venue("arXiv 2024", corr) == "arXiv 2024"


def test_titles_match_once_normalised() -> None:
    assert normalise_title("Élan: <i>Fast</i>, Safe!") == "elan fast safe"
    assert title_similarity("XGrammar: Flexible", "xgrammar flexible.") == 1.0
    assert title_similarity("A", "") == 0.0
    paper = Paper("p", "Helix: Serving LLMs over GPUs", "ASPLOS 2025", year=2025)
    good = SourceRecord(title="HELIX - Serving LLMs over GPUs", year=2024)
    near = SourceRecord(title="Helix: Serving LLMs over the GPUs", year=2025)
    match = best_match(paper, [None, near, good])
    assert match is not None and match.accepted and match.record is good
    match = best_match(paper, [near])
    assert match is not None and not match.accepted
    assert best_match(paper, [SourceRecord(title="Something else entirely")]) is None


def test_bibtex_names_are_family_given_and_the_key_uses_the_family_name() -> None:
    paper = Paper(
        "p", "Forecasting GPU Performance", "ASPLOS 2025", year=2025, authors=("Lee Seonho",)
    )
    found = merge(
        {
            "crossref": (
                SourceRecord(
                    authors=(Author("Seonho Lee", "Seonho", "Lee"), Author("Jean de la Fontaine")),
                    doi="10.1145/3669940.3707265",
                    container_title="Proceedings of ASPLOS '25",
                ),
                AT,
            ),
            "arxiv": (SourceRecord(arxiv="2401.00001", abstract="Text {with} braces."), AT),
        }
    )
    entry = bibtex_entry(paper, enrichment=found)
    assert entry.startswith("@inproceedings{lee2025forecasting,")
    assert "author = {Lee, Seonho and Fontaine, Jean de la}" in entry
    assert "booktitle = {Proceedings of ASPLOS '25}" in entry
    assert "eprint = {2401.00001}" in entry and "doi = {10.1145/3669940.3707265}" in entry
    assert r"abstract = {Text \textbraceleft{}with\textbraceright{} braces.}" in entry
    assert "note = " not in entry
    assert citation_keys([paper], {"p": found}) == {"p": "lee2025forecasting"}


def test_without_enrichment_the_note_says_what_is_unknown() -> None:
    paper = Paper("p", "Forecasting", "ASPLOS 2025", year=2025)
    entry = bibtex_entry(paper, enrichment=Enrichment())
    assert "note = {papershelf: unknown: authors; the proceedings' full title; DOI}" in entry


def test_config_table_defaults_overrides_and_errors() -> None:
    config = parse_enrich({})
    assert config.endpoints == ENDPOINTS and config.intervals["arxiv"] == 3.0
    config = parse_enrich(
        {"arxiv": "http://127.0.0.1:1/q", "mailto": "a@b.c", "arxiv_interval": 0, "retries": 1}
    )
    assert config.endpoints["arxiv"] == "http://127.0.0.1:1/q" and config.intervals["arxiv"] == 0
    assert config.mailto == "a@b.c" and config.retries == 1
    secret = parse_enrich({"semantic_scholar_key": "K-123"})
    assert "K-123" not in repr(secret)
    for bad in (
        {"arxiv": 3},
        {"crossref": "ftp://x"},
        {"nope": 1},
        {"retries": -1},
        {"timeout": "x"},
    ):
        with pytest.raises(UsageError):
            parse_enrich(bad)


def test_source_names_parse_in_run_order() -> None:
    assert parse_sources("dblp, arxiv") == ("arxiv", "dblp")
    assert parse_sources(["semantic-scholar"]) == ("semantic_scholar",)
    with pytest.raises(UsageError):
        parse_sources("arxiv,scholar")
