"""Counts in the CLI's messages go through ``plural``: one list, one duplicate, one link."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli as run

Capsys = pytest.CaptureFixture[str]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_one_possible_duplicate_is_one(capsys: Capsys, tmp_path: Path) -> None:
    near = _write(
        tmp_path / "near.md",
        "# MLSys 2025\n\n- [Photon: Federated LLM Pre-Training with Many Clients]"
        "(https://example.org/p)\n",
    )
    assert run(capsys, "import", str(near), "-q")[0] == 0
    code, out, err = run(capsys, "duplicates")
    assert code == 0 and out.count("not merged:") == 1
    assert err.startswith("1 possible duplicate: `papershelf same ID OTHER`")


def test_one_unsafe_link_left_out_is_one(capsys: Capsys, tmp_path: Path) -> None:
    listed = _write(
        tmp_path / "one.md",
        "# Hostile 2026\n\n* [P1](https://e.org/1) [code](file:///etc/shadow). Ann. HOSTILE'26\n",
    )
    code, out, _ = run(capsys, "import", str(listed))
    assert code == 0
    assert out.rstrip().endswith("; left out 1 unsafe link (file:)")


def test_forget_says_one_paper_stays(capsys: Capsys, tmp_path: Path) -> None:
    shared = "- [A Paper Both Lists Hold](https://e.org/both)\n"
    one = _write(tmp_path / "one.md", f"# OSDI 2024\n\n{shared}- [Only Here](https://e.org/1)\n")
    two = _write(tmp_path / "two.md", f"# OSDI 2024\n\n{shared}")
    assert run(capsys, "import", str(one), str(two), "-q")[0] == 0
    code, out, _ = run(capsys, "forget", "one")
    assert code == 0
    assert out.startswith(
        "forgot one: 1 paper left the catalog; 1 paper stays, held by other lists"
    )


def test_a_duplicate_of_no_venue_is_shown_in_the_unknown_venue(
    capsys: Capsys, tmp_path: Path
) -> None:
    entry = "- [Checkpointing Large Models Without Stalls](https://e.org/ckpt.pdf)\n"
    notes = _write(tmp_path / "notes.md", f"# My reading\n\n{entry}")
    osdi = _write(tmp_path / "osdi.md", f"# OSDI 2024\n\n{entry}")
    assert run(capsys, "import", str(notes), str(osdi), "-q")[0] == 0
    code, out, _ = run(capsys, "duplicates")
    assert code == 0 and out.count("not merged:") == 1, out
    assert "[Unknown venue]" in out and "[OSDI 2024]" in out and "[]" not in out
