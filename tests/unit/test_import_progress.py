"""An import reports its steps for a progress bar; the bar stays hidden on short imports."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from papershelf.cli import progress as progress_module
from papershelf.services.importing import IMPORT_STAGES
from papershelf.services.library import Library
from tests.conftest import corpus_file


def test_import_reports_every_step_of_every_list_in_order(library: Library) -> None:
    seen: list[tuple[int, int, str]] = []
    files = [corpus_file("B28"), Path(__file__).resolve().parents[2] / "seeds" / "mlsys-2025.md"]
    library.import_lists(files, progress=lambda *step: seen.append(step))
    steps = len(IMPORT_STAGES) * len(files)
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert {t for _, t, _ in seen} == {steps}
    assert seen[-1] == (steps, steps, "done")
    assert any(label.endswith(": matching") for _, _, label in seen)


def test_a_bar_with_a_delay_shows_nothing_when_the_work_ends_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = io.StringIO()
    monkeypatch.setattr(
        progress_module, "Console", lambda stderr: Console(file=out, force_terminal=True)
    )
    with progress_module.ProgressBar("importing", delay=60.0) as bar:
        bar.update(1, 4, "a.md: parsing")
    assert out.getvalue() == ""


def test_the_collector_rests_during_an_import_and_is_back_after(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from papershelf.cli.main import main

    during: list[bool] = []
    real = Library.import_files

    def importing(self: Library, *args: object, **kwargs: object) -> object:
        during.append(gc.isenabled())
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "import_files", importing)
    assert gc.isenabled()
    assert main(["import", "-q", str(corpus_file("B28"))]) == 0
    assert during == [False]
    assert gc.isenabled()


LONG_LABEL = "A03_inpluslab_Systems-for-Foundation-Models_README.md: matching"


@pytest.mark.parametrize("width", [120, 100, 80, 79, 72, 60, 50, 45, 41, 40])
@pytest.mark.parametrize(
    "label", [LONG_LABEL, "done", "中文的论文列表很长很长很长很长很长很长很长.md: parsing", ""]
)
def test_the_bar_is_one_line_that_fits_the_terminal(width: int, label: str) -> None:
    """Down to 40 columns: the label is cut, then left out, then the time, then the bar.

    Rich's own layout squeezed the counts out (``3…``) or wrapped a long label onto a
    second line under 80 columns.
    """
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system=None)
    bar = progress_module.ProgressBar("importing", console=console)
    bar.update(3456, 12000, label)
    console.print(bar.progress.get_renderable())
    [shown] = out.getvalue().splitlines()
    assert cell_len(shown) <= width, shown
    assert shown.startswith("importing ") and " 3456/12000" in shown, shown
    if width >= 50:
        assert "━" in shown and "0:00:00" in shown  # the bar and the time have room
    if width >= 80 and label == LONG_LABEL:
        assert shown.endswith("…: matching 0:00:00"), shown  # the step stays, the name is cut
