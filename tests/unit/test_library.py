from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.domain.models import Status
from papershelf.errors import ListError, UsageError
from papershelf.paths import Paths
from papershelf.services.library import Library
from tests.conftest import corpus_file


def by_title(lib: Library, start: str) -> str:
    hits = [p.id for p in lib.papers() if p.title.startswith(start)]
    assert len(hits) == 1, (start, hits)
    return hits[0]


def test_fresh_library_opens_on_the_bundled_catalog(library: Library) -> None:
    papers = library.papers()
    assert sum(not p.withdrawn for p in papers) == 76
    assert sum(p.withdrawn for p in papers) == 1
    assert {v.label for v in library.venues()} == {"ASPLOS 2025", "MLSys 2025"}
    assert [i.name for i in library.lists()] == ["asplos-2025", "mlsys-2025"]
    assert not library.paths.library.exists()  # nothing written by merely reading


def test_catalog_cache_is_reused_and_rebuilt_when_missing(paths: Paths) -> None:
    first = Library(paths).papers()
    assert paths.catalog.exists()
    again = Library(paths).papers()
    assert [p.id for p in again] == [p.id for p in first]
    paths.catalog.write_text("{not json")
    assert [p.id for p in Library(paths).papers()] == [p.id for p in first]


def test_resolve_accepts_unique_prefix_and_lists_ambiguous_candidates(library: Library) -> None:
    pid = by_title(library, "FlashInfer")
    assert library.resolve(pid).id == pid
    assert library.resolve(pid[:18]).id == pid
    with pytest.raises(UsageError, match="ambiguous"):
        library.resolve("mlsys2025-")
    with pytest.raises(UsageError, match="no paper id starts with"):
        library.resolve("nope")


def test_status_star_note_undo_redo_survive_a_new_instance(paths: Paths) -> None:
    lib = Library(paths)
    a, b = by_title(lib, "FlashInfer"), by_title(lib, "Lumos")
    lib.set_status([a, b], Status.READ)
    lib.set_starred([a], True)
    lib.set_note(a, "# Key idea\nblock-sparse KV")
    other = Library(paths)
    assert other.state(a).status is Status.READ and other.state(a).starred
    assert other.state(a).note.startswith("# Key idea")
    assert other.undo() is not None  # undoes the note, from another instance
    assert lib.refresh()
    assert lib.state(a).note == ""
    assert lib.redo() is not None
    assert Library(paths).state(a).note.startswith("# Key idea")


def test_reimport_is_idempotent_and_reports_renames(library: Library) -> None:
    seed = Path(__file__).resolve().parents[2] / "seeds" / "mlsys-2025.md"
    reports = library.import_lists([seed])
    assert reports[0].found == 44 and reports[0].new == 0
    before = len(library.papers())
    earlier = corpus_file("B28")
    rubick = by_title(library, "Rubick")
    library.set_status([rubick], Status.READING)
    report = library.import_lists([earlier])[0]
    assert (report.found, report.repeats) == (44, 1)  # 45 entries, one of them a repeat
    # Morphling is the bundled Rubick (the same arXiv id), and the placeholder
    # "SystemX: Federated LLM Pre-Training" is "Photon: ..." (same title after the short
    # name): the older list's 45 entries are 44 papers, every one already in the catalog.
    assert any(
        old.startswith("Rubick") and new.startswith("Morphling") for old, new in report.matched
    )
    assert len(library.papers()) == before
    assert library.state(rubick).status is Status.READING
    again = library.import_lists([earlier])[0]
    assert again.new == 0 and again.renamed == () and again.matched == ()
    # 45 entries, 44 papers (Photon is listed twice), none changed.
    assert (again.found, again.repeats, again.unchanged, again.updated) == (44, 1, 44, 0)


def test_dry_run_stores_nothing(library: Library) -> None:
    report = library.import_lists([corpus_file("B12")], dry_run=True)[0]
    assert report.found == 26
    assert all(i.name != "B12_mental2008_osdi-2024" for i in library.lists())
    assert not any(p.venue == "OSDI 2024" for p in library.papers())


def test_forget_keeps_state_as_orphans_and_reimport_brings_it_back(library: Library) -> None:
    path = corpus_file("B12")
    library.import_lists([path])
    pid = next(p.id for p in library.papers() if p.venue == "OSDI 2024")
    library.set_starred([pid], True)
    done = library.forget("B12_mental2008_osdi-2024")
    assert done.info.papers == 26 and done.left.papers == 26 and done.orphaned == 1
    assert pid not in library.catalog.by_id
    assert library.orphans() == [pid]
    library.import_lists([path])
    assert library.orphans() == [] and library.state(pid).starred


def test_imported_copy_rebuilds_catalog_without_the_original(tmp_path: Path, paths: Paths) -> None:
    original = tmp_path / "osdi.md"
    original.write_bytes(corpus_file("B12").read_bytes())
    Library(paths).import_lists([original])
    original.unlink()
    paths.catalog.unlink()
    assert sum(p.venue == "OSDI 2024" for p in Library(paths).papers()) == 26


def test_stub_list_is_refused_and_nothing_changes(library: Library) -> None:
    with pytest.raises(ListError, match="no papers"):
        library.import_lists([corpus_file("B16")])
    assert len(library.lists()) == 2


def test_add_paper_by_hand(library: Library) -> None:
    paper = library.add_paper(
        "My [bold] Paper", "Workshop 2026", url="https://example.org/p", authors=["A", "B"]
    )
    assert paper.title == "My [bold] Paper" and paper.venue == "Workshop 2026"
    assert paper.authors == ("A", "B") and paper.links[0].url == "https://example.org/p"
    assert library.resolve(paper.id[:20]).id == paper.id
    assert "Workshop 2026" in {v.label for v in library.venues()}
    assert not any("2026 2026" in v.label for v in library.venues())
    with pytest.raises(UsageError):
        library.add_paper("x", "V", url="javascript:alert(1)")
    with pytest.raises(UsageError, match="already"):
        library.add_paper("My [bold] Paper", "Workshop 2026")
