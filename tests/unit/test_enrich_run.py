"""Enrichment runs against the local fixture server: batches, title search, cache, offline."""

from __future__ import annotations

import json
import re
import threading
from urllib.parse import parse_qs

import pytest

from papershelf.domain.models import Paper
from papershelf.paths import Paths
from papershelf.services.commands import Enrich
from papershelf.services.enrich.ids import idents_of
from papershelf.services.enrich.report import Progress
from papershelf.services.enrich.service import accept_candidates, load_candidates
from papershelf.services.library import Library
from tests.unit.enrich_server import (
    EMPTY_FEED,
    FixtureServer,
    Seen,
    always,
    enrich_server,
    fixture_bytes,
    nothing_anywhere,
    write_config,
)

__all__ = ["enrich_server"]

# One entry of the recorded arXiv feed, used as the template of generated answers.
_RECORDED = fixture_bytes("arxiv_query_science.xml").decode()
_ENTRY = re.search(r"<entry>.*?</entry>", _RECORDED, re.S)
assert _ENTRY is not None
ENTRY_TEMPLATE = _ENTRY.group(0)


def arxiv_entry(ident: str, title: str, abstract: str, year: int = 2024) -> str:
    entry = ENTRY_TEMPLATE.replace("1501.05039", ident).replace("2015-01-21", f"{year}-11-02")
    entry = re.sub(r"<title>.*?</title>", f"<title>{title}</title>", entry, flags=re.S)
    return re.sub(r"<summary>.*?</summary>", f"<summary>{abstract}</summary>", entry, flags=re.S)


def feed(entries: list[str]) -> bytes:
    head = _RECORDED[: _RECORDED.index("<entry>")]
    return (head + "\n".join(entries) + "\n</feed>\n").encode()


def arxiv_by_id(titles: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """Answers ``id_list`` with one generated entry per id (abstract names the id)."""

    def handler(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        ids = seen.query.get("id_list", [""])[0]
        if not ids:
            return 200, {}, EMPTY_FEED
        entries = [
            arxiv_entry(i, (titles or {}).get(i, f"Paper {i}"), f"Abstract of {i}.")
            for i in ids.split(",")
        ]
        return 200, {}, feed(entries)

    return handler


def arxiv_papers(lib: Library) -> list[Paper]:
    return [p for p in lib.papers() if any(i.startswith("arxiv:") for i in idents_of(p))]


@pytest.fixture
def lib(paths: Paths, enrich_server: FixtureServer) -> Library:
    write_config(paths, enrich_server.base)
    nothing_anywhere(enrich_server)
    enrich_server.route("/arxiv", arxiv_by_id())
    return Library(paths, lock_timeout=2.0)


def test_bundled_catalog_gets_abstracts_for_every_paper_with_an_arxiv_link(
    lib: Library, enrich_server: FixtureServer
) -> None:
    with_arxiv = arxiv_papers(lib)
    assert len(with_arxiv) >= 20
    events: list[Progress] = []
    report = lib.enrich([p.id for p in lib.papers()], progress=events.append)
    for paper in with_arxiv:
        found = lib.enrichment(paper.id)
        assert found.abstract is not None and found.abstract.source == "arxiv", paper.id
        assert found.abstract.value.startswith("Abstract of ")
    assert report.found == len(with_arxiv)
    assert report.found + report.not_found == len(lib.papers())
    # Batches: every arXiv id went in one id_list request, not one request per paper.
    lookups = [s for s in enrich_server.paths_seen("/arxiv") if "id_list" in s.query]
    assert len(lookups) == 1
    assert len(lookups[0].query["id_list"][0].split(",")) == len(with_arxiv)
    assert events and events[-1].done == events[-1].total


def test_a_second_run_asks_nothing_and_reports_unchanged(
    lib: Library, enrich_server: FixtureServer
) -> None:
    ids = [p.id for p in arxiv_papers(lib)][:3]
    lib.enrich(ids, sources=["arxiv"])
    asked = len(enrich_server.seen)
    report = lib.enrich(ids, sources=["arxiv"])
    assert len(enrich_server.seen) == asked
    assert report.unchanged == 3
    report = lib.enrich(ids, sources=["arxiv"], refresh=True)
    assert len(enrich_server.seen) == asked + 1 and report.unchanged == 3


def test_offline_uses_the_cache_only(
    lib: Library, enrich_server: FixtureServer, paths: Paths
) -> None:
    ids = [p.id for p in arxiv_papers(lib)][:2]
    lib.enrich(ids, sources=["arxiv", "dblp"])
    asked = len(enrich_server.seen)
    enrich_server.route("/", always(500, b"down"))
    again = Library(paths)
    report = again.enrich(ids, sources=["arxiv", "dblp"], offline=True, refresh=True)
    assert len(enrich_server.seen) == asked
    assert report.failed == 0 and report.not_cached == 0
    assert all(again.enrichment(i).abstract is not None for i in ids)
    other = next(p for p in again.papers() if p.id not in ids)
    report = again.enrich([other.id], sources=["dblp"], offline=True)
    assert report.not_cached == 1 and len(enrich_server.seen) == asked


def test_a_paper_without_identifiers_is_found_by_its_title(
    lib: Library, enrich_server: FixtureServer
) -> None:
    paper = next(p for p in lib.papers() if not idents_of(p) and p.year)
    title = paper.title.upper() + "."  # case and punctuation differ: still the same title

    def search(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if "search_query" in seen.query:
            return 200, {}, feed([arxiv_entry("2501.00042", title, "Found by title.")])
        return 200, {}, EMPTY_FEED

    enrich_server.route("/arxiv", search)
    report = lib.enrich([paper.id], sources=["arxiv"])
    found = lib.enrichment(paper.id)
    assert report.found == 1
    assert found.abstract is not None and found.abstract.value == "Found by title."
    assert found.arxiv is not None and found.arxiv.value == "2501.00042"
    (query,) = [s.query["search_query"][0] for s in enrich_server.paths_seen("/arxiv")]
    assert query.startswith('ti:"')


def test_a_doubtful_title_match_is_a_candidate_until_accepted(
    lib: Library, enrich_server: FixtureServer, paths: Paths
) -> None:
    paper = next(p for p in lib.papers() if not idents_of(p) and p.year)
    near = paper.title + " and a Few More Words"

    def dblp(_seen: Seen) -> tuple[int, dict[str, str], bytes]:
        hit = {
            "info": {
                "title": near + ".",
                "venue": "OSDI",
                "year": str(paper.year),
                "key": "conf/osdi/X25",
            }
        }
        return 200, {}, json.dumps({"result": {"hits": {"@total": "1", "hit": [hit]}}}).encode()

    enrich_server.route("/dblp", dblp)
    report = lib.enrich([paper.id], sources=["dblp"])
    assert report.candidates == 1 and report.not_found == 1
    assert lib.enrichment(paper.id).dblp_key is None
    (candidate,) = load_candidates(paths)
    assert candidate.paper_id == paper.id and candidate.source == "dblp"
    assert accept_candidates(paths, [(paper.id, "dblp")]) == 1
    assert Library(paths).enrichment(paper.id).dblp_key is not None
    assert load_candidates(paths) == []


def test_a_year_that_does_not_fit_keeps_an_exact_title_as_a_candidate(
    lib: Library, enrich_server: FixtureServer
) -> None:
    paper = next(p for p in lib.papers() if not idents_of(p) and p.year)
    assert paper.year is not None
    hit = {"info": {"title": paper.title, "venue": "X", "year": str(paper.year - 5)}}
    body = json.dumps({"result": {"hits": {"hit": hit}}}).encode()
    enrich_server.route("/dblp", always(200, body))
    report = lib.enrich([paper.id], sources=["dblp"])
    assert report.candidates == 1 and lib.enrichment(paper.id).empty


def test_not_found_anywhere(lib: Library) -> None:
    paper = next(p for p in lib.papers() if not idents_of(p))
    report = lib.enrich([paper.id])
    assert report.not_found == 1 and report.failed == 0
    assert set(lib.enrichment(paper.id).looked_up) >= {"arxiv", "dblp"}


def test_a_malformed_answer_fails_those_papers_and_the_rest_goes_on(
    lib: Library, enrich_server: FixtureServer
) -> None:
    enrich_server.route("/arxiv", always(200, b"<feed><entry>broken"))
    enrich_server.route("/s2/graph/v1/paper/batch", always(200, b'{"not": "a list'))
    ids = [p.id for p in arxiv_papers(lib)][:2]
    report = lib.enrich(ids, sources=["arxiv", "semantic_scholar", "openalex"])
    assert report.failed == 2 and report.network_error is None
    assert all("unreadable answer" in r.problems[0] for r in report.results)
    assert len(enrich_server.paths_seen("/openalex")) == 1


def test_a_run_stopped_midway_keeps_what_it_fetched(
    paths: Paths, enrich_server: FixtureServer
) -> None:
    write_config(paths, enrich_server.base)
    nothing_anywhere(enrich_server)
    enrich_server.route("/arxiv", arxiv_by_id())
    lib = Library(paths)
    papers = [p for p in lib.papers() if not idents_of(p)][:4]
    seen_titles: list[str] = []

    def search(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        words = re.findall(r'ti:"([^"]*)"', seen.query["search_query"][0])[0]
        paper = next(p for p in papers if " ".join(re.findall(r"\w+", p.title)) == words)
        seen_titles.append(paper.id)
        return 200, {}, feed([arxiv_entry(f"2501.0000{len(seen_titles)}", paper.title, "A.")])

    enrich_server.route("/arxiv", search)

    class Stopped(Exception):
        """Stands for the user's ctrl-c (a real kill is in test_enrich_kill.py)."""

    def stop_after_two(event: Progress) -> None:
        if event.done == 2:
            raise Stopped

    with pytest.raises(Stopped):
        lib.enrich([p.id for p in papers], sources=["arxiv"], progress=stop_after_two)
    assert len(seen_titles) == 2
    kept = Library(paths)
    assert sum(kept.enrichment(p.id).abstract is not None for p in papers) == 2
    report = kept.enrich([p.id for p in papers], sources=["arxiv"])
    assert len(seen_titles) == 4  # only the two not fetched before were asked
    assert report.found == 2 and report.unchanged == 2


def test_sources_run_side_by_side_and_crossref_uses_dois_found_by_others(
    lib: Library, enrich_server: FixtureServer
) -> None:
    paper = arxiv_papers(lib)[0]
    doi = "10.17705/1cais.04607"

    def openalex(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        work = json.loads(fixture_bytes("openalex_work_W2741809807.json"))
        arxiv = next(i for i in idents_of(paper))[6:]
        assert seen.query["filter"] == [f"doi:10.48550/arxiv.{arxiv}"]
        work["doi"] = f"https://doi.org/{doi}"
        work["ids"] = {}
        work["primary_location"] = {"source": {"display_name": "CAIS", "type": "journal"}}
        # OpenAlex gives the DOI of the published version; the record is matched by arXiv id.
        work_doi = f"https://doi.org/10.48550/arxiv.{arxiv}"
        return (
            200,
            {},
            json.dumps({"results": [dict(work, doi=work_doi), dict(work, id="W2")]}).encode(),
        )

    enrich_server.route("/openalex", openalex)
    enrich_server.route(
        f"/crossref/works/{doi}",
        always(200, fixture_bytes("crossref_work_10.17705_1cais.04607.json")),
    )

    def s2(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        ids = json.loads(seen.body)["ids"]
        rec = {
            "paperId": "p",
            "title": paper.title,
            "externalIds": {"DOI": doi},
            "citationCount": 7,
        }
        return 200, {}, json.dumps([rec] + [None] * (len(ids) - 1)).encode()

    enrich_server.route("/s2/graph/v1/paper/batch", s2)
    lib.enrich([paper.id])
    found = lib.enrichment(paper.id)
    assert found.doi is not None and found.doi.value == doi and found.doi.source == "crossref"
    assert found.authors is not None and found.authors.source == "crossref"
    assert found.authors.value[0].family == "Schryen"
    assert found.citations is not None and found.citations.value == 7
    assert found.container_title is not None
    assert len(enrich_server.paths_seen("/crossref/works/")) == 1


def test_the_enrich_command_runs_through_the_library(lib: Library) -> None:
    paper = arxiv_papers(lib)[0]
    outcome = Enrich((paper.id,), sources=("arxiv",)).run(lib)
    assert outcome.enriched is not None and outcome.enriched.found == 1
    assert lib.enrichment(paper.id).abstract is not None


def test_an_abstract_with_markup_and_controls_is_stored_as_text(
    lib: Library, enrich_server: FixtureServer
) -> None:
    paper = arxiv_papers(lib)[0]
    ident = idents_of(paper)[0]
    nasty = "We &lt;b&gt;show&lt;/b&gt; \x1b]52;c;aGk=\x07 that [bold]x[/bold] holds.\u202e"

    def handler(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        rec = {"paperId": "p", "abstract": nasty, "externalIds": {"ArXiv": ident[6:]}}
        return 200, {}, json.dumps([rec]).encode()

    enrich_server.route("/s2/graph/v1/paper/batch", handler)
    lib.enrich([paper.id], sources=["semantic_scholar"])
    found = lib.enrichment(paper.id)
    assert found.abstract is not None
    assert found.abstract.value == "We show that [bold]x[/bold] holds."


def test_parallel_sources_each_keep_their_own_pace(
    lib: Library, enrich_server: FixtureServer
) -> None:
    threads: set[str] = set()
    lock = threading.Lock()

    def note(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        with lock:
            threads.add(seen.path.split("/")[1])
        return 200, {}, b'{"result": {"hits": {"@total": "0"}}}'

    enrich_server.route("/dblp", note)
    ids = [p.id for p in lib.papers()][:3]
    lib.enrich(ids, sources=["dblp", "arxiv"])
    assert "dblp" in threads


def test_unknown_source_is_a_usage_error(lib: Library) -> None:
    from papershelf.errors import UsageError

    with pytest.raises(UsageError, match="unknown source"):
        lib.enrich([lib.papers()[0].id], sources=["scholar"])


def test_query_strings_are_what_the_sources_document(
    lib: Library, enrich_server: FixtureServer
) -> None:
    paper = next(p for p in lib.papers() if not idents_of(p) and p.year)
    lib.enrich([paper.id], sources=["openalex", "crossref", "dblp", "semantic_scholar"])
    by_source = {s.path.split("/")[1]: s for s in enrich_server.seen}
    assert by_source["openalex"].query["search"] == [paper.title]
    assert by_source["openalex"].query["filter"][0].startswith("publication_year:")
    assert by_source["crossref"].query["query.bibliographic"] == [paper.title]
    assert by_source["dblp"].query["format"] == ["json"]
    assert by_source["s2"].path.endswith("/paper/search/match")
    assert parse_qs("a=1")  # the server decoded every query string


def test_another_process_enriching_is_seen_without_a_restart(lib: Library, paths: Paths) -> None:
    paper = arxiv_papers(lib)[0]
    assert lib.enrichment(paper.id).empty
    Library(paths).enrich([paper.id], sources=["arxiv"])
    assert lib.enrichment(paper.id).abstract is not None


def test_the_polite_address_goes_in_the_user_agent_and_the_query(
    paths: Paths, enrich_server: FixtureServer
) -> None:
    write_config(paths, enrich_server.base, mailto="me@example.org")
    nothing_anywhere(enrich_server)
    lib = Library(paths)
    paper = next(p for p in lib.papers() if not idents_of(p))
    lib.enrich([paper.id], sources=["crossref"])
    (seen,) = enrich_server.seen
    assert seen.query["mailto"] == ["me@example.org"]
    assert seen.headers["user-agent"].endswith("(mailto:me@example.org)")
