"""One paper, many lists: each list's record kept, combined, and the reader's corrections.

The counts come from ``../shared/corpus`` read by hand: B13 is a topic-sorted ASPLOS 2025 list
(52 entries, 23 of them papers the bundled list lacks), A01 the bundled ASPLOS list before
it moved to GitBook, B28 an earlier MLSys 2025 list whose 45 entries are 44 papers (the
placeholder "SystemX: Federated LLM Pre-Training" beside "Photon: ..." is one paper).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from papershelf.domain.models import Paper, Status
from papershelf.errors import ListError, UsageError
from papershelf.paths import Paths
from papershelf.services.library import Library
from tests.conftest import corpus_file


def _venue(lib: Library, label: str) -> list[Paper]:
    return [p for p in lib.papers() if p.venue == label]


def _one(lib: Library, start: str) -> Paper:
    hits = [p for p in lib.papers() if p.title.startswith(start)]
    assert len(hits) == 1, (start, [p.title for p in hits])
    return hits[0]


def test_a_topic_list_adds_to_the_bundled_papers_and_forget_gives_them_back(
    library: Library,
) -> None:
    bundled = {p.id: p for p in _venue(library, "ASPLOS 2025")}
    assert len(bundled) == 33
    concerto = _one(library, "Concerto")
    pim = _one(library, "PIM Is All You Need")
    library.set_status([concerto.id], Status.READING)

    library.import_lists([corpus_file("B13")])
    asplos = _venue(library, "ASPLOS 2025")
    assert len(asplos) == 56 and sum(p.withdrawn for p in asplos) == 1
    after = library.paper(concerto.id)
    assert len(after.authors) == 11 == len(concerto.authors)
    assert set(concerto.links) <= set(after.links)
    assert set(concerto.topics) < set(after.topics)  # gains B13's topic, keeps its own
    assert library.catalog.lists_of(concerto.id) == ("asplos-2025", "B13_mental2008_asplos-2025")
    # The two PIM spellings (Large Language Model / LLM) are one paper with the bundled id.
    assert [p.id for p in asplos if p.title.upper().startswith("PIM IS ALL")] == [pim.id]

    library.import_lists([corpus_file("A01")])
    report = library.import_lists([corpus_file("A01")])[0]
    assert report.renamed == () and report.new == 0 and report.updated == 0
    assert len(_venue(library, "ASPLOS 2025")) == 56

    library.forget("B13_mental2008_asplos-2025")
    library.forget("A01_PengtuLi_25-05-09-asplos25-paper")
    assert {p.id: p for p in _venue(library, "ASPLOS 2025")} == bundled
    assert library.state(concerto.id).status is Status.READING


def test_an_earlier_version_of_a_list_is_the_same_papers(library: Library) -> None:
    rubick = _one(library, "Rubick")
    photon = _one(library, "Photon")
    library.import_lists([corpus_file("B28")])
    mlsys = _venue(library, "MLSys 2025")
    assert len(mlsys) == 44
    # Morphling is Rubick (the same arXiv id): one paper, the bundled id, both links.
    morphling = [p for p in mlsys if p.title.startswith(("Morphling", "Rubick"))]
    assert [p.id for p in morphling] == [rubick.id]
    assert "https://mlsys.org/virtual/2025/poster/2953" in {link.url for link in morphling[0].links}
    assert not any(p.title.startswith("SystemX") for p in mlsys)
    # SystemX's own link joined Photon's.
    assert "https://mlsys.org/virtual/2025/poster/3001" in {
        link.url for link in library.paper(photon.id).links
    }


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_symbols_that_carry_meaning_keep_two_papers(library: Library, tmp_path: Path) -> None:
    one = _write(
        tmp_path,
        "zero.md",
        "# SC 2020\n\n- [ZeRO](https://arxiv.org/abs/1910.02054)\n"
        "- [ZeRO++](https://arxiv.org/abs/2306.10209)\n",
    )
    library.import_lists([one])
    zeros = [p for p in library.papers() if p.title.startswith("ZeRO")]
    assert sorted(p.title for p in zeros) == ["ZeRO", "ZeRO++"]
    assert all(len(p.links) == 1 for p in zeros)


def test_a_preprint_and_its_proceedings_version_are_one_paper_with_both_venues(
    library: Library, tmp_path: Path
) -> None:
    preprint = _write(
        tmp_path,
        "preprints.md",
        "# arXiv 2024\n\n- [Rubick: Exploiting Job Reconfigurability for Deep Learning "
        "Cluster Scheduling](https://arxiv.org/pdf/2408.08586v2)\n",
    )
    rubick = _one(library, "Rubick")
    library.import_lists([preprint])
    paper = library.paper(rubick.id)
    assert paper.venue == "MLSys 2025" and paper.also_venues == ("arXiv 2024",)
    assert len([p for p in library.papers() if p.title.startswith("Rubick")]) == 1


def test_same_joins_two_papers_and_their_states_as_one_undoable_step(
    library: Library, tmp_path: Path
) -> None:
    listed = _write(
        tmp_path,
        "variants.md",
        "# MLSys 2025\n\n- [Photon: Federated Pre-Training of Language Models at Scale]"
        "(https://example.org/photon-long)\n",
    )
    library.import_lists([listed])
    photon = _one(library, "Photon: Federated LLM")
    other = _one(library, "Photon: Federated Pre-Training")
    library.set_status([photon.id], Status.TO_READ)
    library.set_note(photon.id, "first note")
    library.add_tags([other.id], ["fl"])
    library.set_status([other.id], Status.READ)  # the later change wins
    library.set_note(other.id, "second note")
    library.set_starred([other.id], True)

    library.same(other.id, photon.id)
    assert other.id not in library.catalog.by_id
    assert library.resolve(other.id).id == photon.id  # the alias keeps resolving
    state = library.state(photon.id)
    assert state.status is Status.READ and state.starred and state.tags == ("fl",)
    assert "first note" in state.note and "second note" in state.note
    assert library.state(other.id).is_default

    library.undo()
    assert other.id in library.catalog.by_id
    assert library.state(photon.id).status is Status.TO_READ
    assert library.state(other.id).status is Status.READ


def test_different_splits_a_wrong_match_and_survives_a_reimport(library: Library) -> None:
    pim = _one(library, "PIM Is All You Need")
    library.import_lists([corpus_file("B13")])
    own = next(o for (name, kept), o in library.catalog.own_ids.items() if kept == pim.id)
    library.different(pim.id, own)
    titles = sorted(p.title for p in library.papers() if p.title.upper().startswith("PIM IS"))
    assert len(titles) == 2
    library.import_lists([corpus_file("B13")])
    assert len([p for p in library.papers() if p.title.upper().startswith("PIM IS")]) == 2
    library.undo()
    assert len([p for p in library.papers() if p.title.upper().startswith("PIM IS")]) == 1


def test_duplicates_lists_alike_pairs_that_were_not_merged(
    library: Library, tmp_path: Path
) -> None:
    listed = _write(
        tmp_path,
        "near.md",
        "# MLSys 2025\n\n- [Photon: Federated LLM Pre-Training with Many Clients]"
        "(https://example.org/p)\n",
    )
    library.import_lists([listed])
    found = library.duplicates()
    pair = next(d for d in found if "Photon" in d.a.title and "Photon" in d.b.title)
    assert 0.75 <= pair.score < 0.92 and "alike" in pair.reason
    library.different(pair.a.id, pair.b.id)
    assert not any({d.a.id, d.b.id} == {pair.a.id, pair.b.id} for d in library.duplicates())


def test_decisions_survive_a_new_library_object(paths: Paths, tmp_path: Path) -> None:
    lib = Library(paths)
    listed = _write(
        tmp_path, "v.md", "# MLSys 2025\n\n- [Photon: Federated Pre-Training of Large Models]\n"
    )
    lib.import_lists([listed])
    a, b = _one(lib, "Photon: Federated LLM").id, _one(lib, "Photon: Federated Pre").id
    lib.same(a, b)
    again = Library(paths)
    assert b not in again.catalog.by_id and again.resolve(b).id == a


def test_symbols_keep_two_papers_across_lists_in_either_order(paths: Paths, tmp_path: Path) -> None:
    zero = "# SC 2023\n\n- [ZeRO: Memory Optimizations Toward Training Trillion Parameter Models]"
    z1 = _write(tmp_path, "z1.md", zero + "(https://arxiv.org/abs/1910.02054)\n")
    z2 = _write(
        tmp_path, "z2.md", zero.replace("ZeRO:", "ZeRO++:") + "(https://arxiv.org/abs/2306.10209)\n"
    )
    for n, order in enumerate(([z1, z2], [z2, z1])):
        lib = Library(Paths(tmp_path / f"data{n}"))
        lib.import_lists(order)
        lib.import_lists(order)  # again: the same two ids
        sc = sorted((p.title.split(":")[0], len(p.links)) for p in _venue(lib, "SC 2023"))
        assert sc == [("ZeRO", 1), ("ZeRO++", 1)]


def _two(library: Library, tmp_path: Path) -> tuple[str, str, Path, Path]:
    one = _write(
        tmp_path, "l1.md", "# OSDI 2024\n\n- [Alpha: Fast Serving of Models](https://a.org)\n"
    )
    two = _write(
        tmp_path,
        "l2.md",
        "# OSDI 2024\n\n- [AlphaServe: Fast Serving of Big Models at Scale](https://b.org)\n",
    )
    library.import_lists([one, two])
    return _one(library, "Alpha:").id, _one(library, "AlphaServe").id, one, two


def test_different_takes_back_a_same_given_the_alias(library: Library, tmp_path: Path) -> None:
    a, b, _, _ = _two(library, tmp_path)
    library.same(a, b)
    assert b not in library.catalog.by_id
    library.different(a, b)
    assert {a, b} <= set(library.catalog.by_id)
    assert library.state(a).same == () and library.state(a).different == (b,)
    with pytest.raises(UsageError, match="one id"):
        library.different(a, a)


def test_the_state_stays_shown_when_the_list_of_the_surviving_id_is_forgotten(
    library: Library, tmp_path: Path
) -> None:
    a, b, one, _ = _two(library, tmp_path)
    library.set_status([b], Status.READ)
    library.set_note(b, "my note")
    library.same(a, b)
    library.forget(one.stem)
    paper = library.resolve(b)
    assert paper.id == a and paper.title.startswith("AlphaServe")
    assert library.state(a).status is Status.READ and library.state(a).note == "my note"


def test_a_state_merged_onto_an_alias_joins_its_paper(paths: Paths, tmp_path: Path) -> None:
    import shutil

    library = Library(paths)
    a, b, _, _ = _two(library, tmp_path)
    library.set_status([a], Status.TO_READ)  # the copies share this change
    other_dir = tmp_path / "other"
    shutil.copytree(paths.data_dir, other_dir)
    library.same(a, b)  # here b becomes an alias of a
    other = Library(Paths(other_dir))
    other.set_status([b], Status.READ)
    other.set_note(b, "written on the laptop")
    library.merge(other.paths.library)
    state = library.state(a)
    assert state.status is Status.READ and "written on the laptop" in state.note
    assert not library.orphans()


def test_a_file_with_no_papers_is_skipped_and_the_files_after_it_imported(
    library: Library, tmp_path: Path
) -> None:
    bad = _write(tmp_path, "bad.md", "# Nothing here\n\nJust prose.\n")
    batch = library.import_files([corpus_file("B13"), bad, corpus_file("B28")])
    assert [r.name for r in batch.reports] == [corpus_file(n).stem for n in ("B13", "B28")]
    [failure] = batch.failures
    assert failure.source == str(bad) and failure.reason.startswith(f"{bad}: no papers found")
    kinds = [type(r).__name__ for r in batch.results]
    assert kinds == ["ImportReport", "ImportFailure", "ImportReport"]
    names = {i.name for i in library.lists()}
    assert {corpus_file("B13").stem, corpus_file("B28").stem} <= names and "bad" not in names


def test_import_lists_raises_after_importing_the_others(library: Library, tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.md", "# Nothing here\n\nJust prose.\n")
    said = rf"^{re.escape(str(bad))}: no papers found.*imported all the same: B13.*B28"
    with pytest.raises(ListError, match=said):
        library.import_lists([corpus_file("B13"), bad, corpus_file("B28")])
    assert corpus_file("B28").stem in {i.name for i in library.lists()}


def test_a_preprint_venue_filter_finds_the_proceedings_paper(
    library: Library, tmp_path: Path
) -> None:
    from papershelf.domain.filtering import PaperFilter

    preprint = _write(
        tmp_path,
        "pre.md",
        "# arXiv 2024\n\n- [Rubick: Exploiting Job Reconfigurability for Deep Learning "
        "Cluster Scheduling](https://arxiv.org/abs/2408.08586)\n",
    )
    library.import_lists([preprint])
    found = library.select(PaperFilter(venue="arXiv 2024"))
    assert [p.title.split(":")[0] for p in found] == ["Rubick"]
