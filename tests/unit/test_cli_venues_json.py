"""``venues --format json`` names each venue as `list --venue` takes it, no venue included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run


def test_every_venue_of_the_json_lists_its_papers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.md").write_text("# My reading\n\n- [A Paper Of No Venue](https://e.org/a)\n")
    assert run(capsys, "import", str(tmp_path / "notes.md"), "-q")[0] == 0
    venues = json.loads(run(capsys, "venues", "--format", "json")[1])
    assert "Unknown venue" in [v["venue"] for v in venues]  # it was "", which `list` refuses
    for venue in venues:
        code, out, err = run(capsys, "list", "--venue", venue["venue"], "--format", "json")
        assert code == 0, err
        assert len(json.loads(out)) == venue["papers"]
