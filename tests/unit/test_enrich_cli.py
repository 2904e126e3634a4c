"""``papershelf enrich``, ``show``, and the enriched ``list --format json`` and exports."""

from __future__ import annotations

import json
import os

import pytest

from papershelf.paths import Paths
from papershelf.services.enrich.ids import idents_of
from papershelf.services.library import Library
from tests.conftest import run_cli as run
from tests.unit.enrich_server import (
    FixtureServer,
    Seen,
    always,
    enrich_server,
    fixture_bytes,
    nothing_anywhere,
    write_config,
)
from tests.unit.test_enrich_http import refused_port
from tests.unit.test_enrich_run import arxiv_by_id

__all__ = ["enrich_server"]


@pytest.fixture
def served(paths: Paths, enrich_server: FixtureServer) -> FixtureServer:
    write_config(paths, enrich_server.base)
    nothing_anywhere(enrich_server)
    enrich_server.route("/arxiv", arxiv_by_id())
    return enrich_server


def arxiv_ids(paths: Paths) -> list[str]:
    lib = Library(paths)
    return [p.id for p in lib.papers() if any(i.startswith("arxiv:") for i in idents_of(p))]


def test_enrich_all_prints_one_summary_line_and_list_json_carries_the_fields(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    code, out, err = run(capsys, "enrich", "--all")
    assert code == 0, err
    (line,) = out.splitlines()
    assert line.startswith("looked up 76 papers: ") and "found" in line and "not found" in line
    assert err == ""  # no progress bar when stderr is not a terminal
    code, out, _ = run(capsys, "list", "--format", "json")
    papers = {p["id"]: p for p in json.loads(out)}
    for pid in arxiv_ids(paths):
        paper = papers[pid]
        assert paper["abstract"] == f"Abstract of {paper['arxiv']}."
        assert paper["sources"]["abstract"] == "arxiv"
        assert [a["name"] for a in paper["authors"]] == ["Yangyong Zhu", "Yun Xiong"]
        assert {"doi", "citations", "sources"} <= set(paper)
    plain = next(p for p in papers.values() if p["abstract"] is None)
    assert all(isinstance(a, str) for a in plain["authors"])


def test_enrich_verbose_and_json_formats(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    pid = arxiv_ids(paths)[0]
    code, out, _ = run(capsys, "enrich", pid[:20], "--source", "arxiv", "--verbose")
    assert code == 0 and out.splitlines()[0].startswith(f"found      {pid} (arxiv)")
    code, out, _ = run(capsys, "enrich", pid, "--source", "arxiv", "--format", "json")
    assert json.loads(out)["unchanged"] == 1


def test_enrich_needs_a_selection(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "enrich")
    assert code == 2 and "needs paper ids" in err


def test_network_failure_is_one_line_exit_2_and_nothing_is_lost(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    pid = arxiv_ids(paths)[0]
    assert run(capsys, "enrich", pid, "--source", "arxiv")[0] == 0
    write_config(Paths(paths.data_dir), "http://127.0.0.1:9", retries=1)
    code, _out, err = run(capsys, "enrich", "--all", "--refresh", "--source", "arxiv,dblp")
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "what was fetched is kept" in err
    assert "Traceback" not in err
    assert Library(paths).enrichment(pid).abstract is not None


def test_when_no_source_can_be_reached_the_message_says_all_and_names_them(
    capsys: pytest.CaptureFixture[str], paths: Paths
) -> None:
    write_config(paths, f"http://127.0.0.1:{refused_port()}")
    code, _out, err = run(capsys, "enrich", "--all")
    assert code == 2
    [line] = err.splitlines()
    assert "all 5 sources failed (arxiv, openalex, semantic_scholar, crossref, dblp: " in line
    assert "cannot connect (ConnectError))" in line and "what was fetched is kept" in line


def test_the_message_names_every_source_that_could_not_be_reached(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    dead = f"http://127.0.0.1:{refused_port()}"
    write_config(paths, dead)
    text = paths.config.read_text(encoding="utf-8")
    paths.config.write_text(text.replace(f"{dead}/arxiv", f"{served.base}/arxiv"), encoding="utf-8")
    pid = arxiv_ids(paths)[0]
    code, _out, err = run(capsys, "enrich", pid, "--source", "arxiv,openalex,dblp")
    assert code == 2
    [line] = err.splitlines()
    assert "papershelf: openalex, dblp: cannot connect (ConnectError);" in line
    assert "arxiv" not in line and "all" not in line.split(";")[0]
    assert Library(paths).enrichment(pid).abstract is not None  # arxiv answered


def test_offline_run_from_the_cache(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    assert run(capsys, "enrich", "--venue", "mlsys 2025", "--source", "arxiv")[0] == 0
    asked = len(served.seen)
    served.route("/", always(500, b""))
    code, out, _ = run(
        capsys, "enrich", "--venue", "mlsys 2025", "--source", "arxiv", "--offline", "--refresh"
    )
    assert code == 0 and len(served.seen) == asked
    assert "0 failed" in out


def test_missing_selects_papers_without_an_abstract(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    run(capsys, "enrich", "--all", "--source", "arxiv")
    _code, out, _ = run(capsys, "enrich", "--missing", "--source", "arxiv", "--format", "json")
    ids = {p["id"] for p in json.loads(out)["papers"]}
    assert ids and not ids & set(arxiv_ids(paths))


def test_review_lists_then_accepts_candidates(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    lib = Library(paths)
    paper = next(p for p in lib.papers() if not idents_of(p) and p.year)

    def dblp(_seen: Seen) -> tuple[int, dict[str, str], bytes]:
        hit = {
            "info": {
                "title": paper.title + " Revisited",
                "venue": "OSDI",
                "year": "2025",
                "key": "k",
            }
        }
        return 200, {}, json.dumps({"result": {"hits": {"hit": [hit]}}}).encode()

    served.route("/dblp", dblp)
    _, out, _ = run(capsys, "enrich", paper.id, "--source", "dblp")
    assert "1 to review (enrich --review)" in out
    code, out, _ = run(capsys, "enrich", "--review")
    assert code == 0 and paper.id in out and "--yes" in out
    _, out, _ = run(capsys, "enrich", "--review", "--yes")
    assert "accepted 1 of 1" in out
    code, out, err = run(capsys, "enrich", "--review")
    assert (code, out, err) == (0, "", "no doubtful matches to review\n")  # stdout: results


def test_show_prints_every_field_with_its_source(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    pid = arxiv_ids(paths)[0]
    code, out, _ = run(capsys, "show", pid)
    assert code == 0 and "abstract     unknown" in out and "(list)" in out
    run(capsys, "enrich", pid, "--source", "arxiv")
    code, out, _ = run(capsys, "show", pid)
    assert code == 0
    assert "authors      Zhu, Yangyong; Xiong, Yun  (arxiv," in out
    assert "abstract     (arxiv," in out and "Abstract of" in out
    assert "status       unread  (library)" in out
    code, out, _ = run(capsys, "show", pid, "--format", "json")
    assert json.loads(out)["sources"]["abstract"] == "arxiv"


def test_bibtex_export_uses_enriched_names_doi_and_eprint(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    lib = Library(paths)
    paper = next(p for p in lib.papers() if p.title.startswith("Forecasting GPU Performance"))
    doi = idents_of(paper)[0][4:]
    work = json.loads(fixture_bytes("crossref_work_10.17705_1cais.04607.json"))
    work["message"].update(
        DOI=doi,
        author=[
            {"given": "Seonho", "family": "Lee", "sequence": "first"},
            {"given": "Amar", "family": "Phanishayee", "sequence": "additional"},
            {"given": "Divya", "family": "Mahajan", "sequence": "additional"},
        ],
        **{"container-title": ["Proceedings of the 30th ACM ASPLOS, Volume 1"]},
    )
    served.route(f"/crossref/works/{doi}", always(200, json.dumps(work).encode()))
    _, before, _ = run(capsys, "export", "--format", "bibtex", "--search", "Forecasting GPU")
    assert "note = {papershelf: unknown: author names" in before
    assert run(capsys, "enrich", paper.id, "--source", "crossref")[0] == 0
    _code, out, _ = run(capsys, "export", "--format", "bibtex", "--search", "Forecasting GPU")
    assert "@inproceedings{lee2025forecasting," in out
    assert "author = {Lee, Seonho and Phanishayee, Amar and Mahajan, Divya}" in out
    assert "booktitle = {Proceedings of the 30th ACM ASPLOS, Volume 1}" in out
    assert f"doi = {{{doi}}}" in out
    assert "note = {" not in out


def test_config_with_a_bad_enrich_option_is_one_line(
    capsys: pytest.CaptureFixture[str], paths: Paths
) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.config.write_text('[enrich]\narxiv = "ftp://x"\n', encoding="utf-8")
    code, _, err = run(capsys, "enrich", "--all")
    assert code == 2 and "[enrich] arxiv must be an http(s) URL" in err


def test_keys_are_never_printed(
    capsys: pytest.CaptureFixture[str], served: FixtureServer, paths: Paths
) -> None:
    write_config(paths, served.base, semantic_scholar_key="TOPSECRET", openalex_key="ALSOSECRET")
    served.route("/s2", always(500, b""))
    _code, out, err = run(
        capsys, "enrich", "--all", "--verbose", "--source", "semantic_scholar,openalex"
    )
    seen = [s for s in served.seen if s.path.startswith("/s2")]
    assert seen and seen[0].headers.get("x-api-key") == "TOPSECRET"
    assert "TOPSECRET" not in out + err and "ALSOSECRET" not in out + err
    log = paths.log.read_text(encoding="utf-8") if paths.log.exists() else ""
    assert "SECRET" not in log
    raw = [p.read_text() for p in paths.enrich.rglob("*.json")]
    assert not any("SECRET" in text for text in raw)
    assert os.environ.get("NO_COLOR") == "1"


def test_a_broken_cache_does_not_stop_list_and_doctor_names_it(
    capsys: pytest.CaptureFixture[str], paths: Paths
) -> None:
    paths.enrich.mkdir(parents=True)
    (paths.enrich / "papers.json").write_text("{not json", encoding="utf-8")
    code, out, _ = run(capsys, "list", "--format", "json")
    assert code == 0 and all(p["abstract"] is None for p in json.loads(out))
    code, out, _ = run(capsys, "doctor")
    assert code == 1 and "problem: enrichment cache:" in out


def test_show_names_the_list_line_of_a_listed_paper_and_none_of_one_added_by_hand(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "show", "asplos2025-concerto")
    assert code == 0 and "list         asplos-2025 line 3\n" in out, out
    assert run(capsys, "add", "--title", "By Hand", "--venue", "Hand 2026")[0] == 0
    code, out, _ = run(capsys, "show", "hand2026-by-hand")
    assert code == 0 and "list         added-by-hand\n" in out, out
