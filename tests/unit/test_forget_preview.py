"""The app's question before a forget says what the forget then does: the same figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.paths import Paths
from papershelf.services.forgetting import preview
from papershelf.services.library import Library
from tests.conftest import corpus_file

# B13 is ASPLOS 2025 again, sorted by topic: the bundled list and it share most papers.
LISTS = ("asplos-2025", "mlsys-2025", "B13_mental2008_asplos-2025", "B12_mental2008_osdi-2024")


def shared_library(paths: Paths) -> Library:
    library = Library(paths, lock_timeout=2.0)
    library.import_lists([corpus_file("B13"), corpus_file("B12")])
    papers = library.papers()
    asplos = [p.id for p in papers if p.venue == "ASPLOS 2025"]
    osdi = [p.id for p in papers if p.venue == "OSDI 2024"]
    library.set_starred([asplos[0], asplos[-1], osdi[0]], True)  # states, kept as orphans
    return library


@pytest.mark.parametrize("name", LISTS)
def test_the_preview_is_what_the_forget_reports(tmp_path: Path, name: str) -> None:
    library = shared_library(Paths(tmp_path / "data"))
    info = next(i for i in library.lists() if i.name == name)
    asked = preview(info, library.papers(), library.states())
    done = library.forget(name)
    assert (asked.left, asked.stayed, asked.orphaned) == (done.left, done.stayed, done.orphaned)
    assert asked.info == done.info


def test_a_list_others_share_leaves_only_its_own_papers(tmp_path: Path) -> None:
    library = shared_library(Paths(tmp_path / "data"))
    infos = {i.name: i for i in library.lists()}
    bundled = preview(infos["asplos-2025"], library.papers(), library.states())
    osdi = preview(infos["B12_mental2008_osdi-2024"], library.papers(), library.states())
    assert bundled.stayed.papers > 0  # B13 holds them too
    assert bundled.left.papers + bundled.stayed.papers == infos["asplos-2025"].papers
    assert osdi.left.papers == 26 and not osdi.stayed.papers and osdi.orphaned == 1


def test_the_question_counts_a_paper_this_list_alone_withdraws_as_it_stays(
    tmp_path: Path,
) -> None:
    """Withdrawn in the list forgotten, listed in another: after the forget it is no longer
    withdrawn. The question says how many stay, as many as the forget then reports."""
    from papershelf.tui.screens.forget_list import question

    paper = "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762), NeurIPS 2017."
    other = "- [Another Paper of the List](https://arxiv.org/abs/1512.03385), CVPR 2016."
    (tmp_path / "a.md").write_text(f"# A list\n\n{paper}\n{other}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# B list\n\n- ~~{paper[2:]}~~\n", encoding="utf-8")
    library = Library(Paths(tmp_path / "data"), lock_timeout=2.0)
    library.import_lists([tmp_path / "a.md", tmp_path / "b.md"])
    info = next(i for i in library.lists() if i.name == "b")
    asked = question(preview(info, library.papers(), library.states()))[1]
    done = library.forget("b")
    stayed = done.stayed.papers + done.stayed.withdrawn
    assert stayed == 1
    assert "1 paper stays, held by other lists" in asked
