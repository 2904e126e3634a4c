"""``venues`` counts a paper in every venue ``list --venue`` selects it by (two lists' names)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import corpus_file, run_cli


def test_a_venue_named_by_a_second_list_counts_the_papers_it_selects(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A03 gives two papers as "TPDS 2023", A04 the same papers under the journal's full name.
    a03, a04 = corpus_file("A03"), corpus_file("A04")
    assert run_cli(capsys, "import", str(a03), str(a04), "-q")[0] == 0
    code, out, _ = run_cli(capsys, "venues", "--format", "json")
    assert code == 0
    counted = {v["venue"]: v["papers"] for v in json.loads(out)}
    long_names = [v for v in counted if v.startswith("IEEE Transactions on Parallel")]
    assert long_names, sorted(counted)
    for venue in long_names:
        code, out, _ = run_cli(capsys, "list", "--venue", venue, "--format", "json")
        assert code == 0
        selected = json.loads(out)
        assert counted[venue] == len(selected) > 0
        assert all(venue in p.get("also_venues", []) for p in selected)
