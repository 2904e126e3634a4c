"""``config.toml``'s ``[venue_aliases]``: extends the built-in table; a bad entry is a warning."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from papershelf.cli.main import main
from papershelf.paths import ENV_DATA_DIR
from papershelf.services.settings import load_config, load_venue_aliases


def _config(text: str) -> Path:
    data = Path(os.environ[ENV_DATA_DIR])
    data.mkdir(parents=True, exist_ok=True)
    path = data / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _venues(capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, int], str]:
    assert main(["venues", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    return {v["venue"]: v["papers"] for v in json.loads(out)}, err


def test_config_aliases_join_series_and_bad_ones_are_one_line_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for title, venue in [("One", "PVLDB 2024"), ("Two", "VLDB 2024"), ("Three", "VLDB 2024")]:
        assert main(["add", "-q", "--title", title, "--venue", venue]) == 0
    venues, err = _venues(capsys)
    assert venues["PVLDB 2024"] == 1 and venues["VLDB 2024"] == 2 and err == ""

    path = _config('[venue_aliases]\nPVLDB = "VLDB"\nBroken = 3\n')
    venues, err = _venues(capsys)
    assert "PVLDB 2024" not in venues and venues["VLDB 2024"] == 3
    assert (
        err
        == f"papershelf: {path}: [venue_aliases] 'Broken' ignored: write it as Broken = \"Name\"\n"
    )
    # The app reads the same file: the table is known there, not an error.
    assert load_config(path).keys == {}

    assert main(["list", "--format", "json", "--venue", "pvldb"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_an_unreadable_config_costs_the_aliases_only(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert load_venue_aliases(path) == ({}, [])
    path.write_text("[venue_aliases\n", encoding="utf-8")
    aliases, problems = load_venue_aliases(path)
    assert aliases == {} and len(problems) == 1 and "venue aliases ignored" in problems[0]
    path.write_text('venue_aliases = "NIPS"\n', encoding="utf-8")
    assert load_venue_aliases(path)[1][0].endswith('must be a table of name = "Name"')
