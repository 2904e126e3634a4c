"""``stats --format json`` names each group as the table does, with what `list` takes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

NOTES = (
    "# My reading\n\n"
    "- [A Paper Of No Venue About Serving](https://e.org/a.pdf)\n"
    "- [Another Paper Of No Venue](https://e.org/b.pdf)\n"
)


def _groups(capsys: pytest.CaptureFixture[str], by: str) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "stats", "--by", by, "--format", "json")
    assert code == 0
    return list(json.loads(out)["groups"])


def test_every_group_gives_the_venue_and_topic_that_list_its_papers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.md").write_text(NOTES)
    assert run(capsys, "import", str(tmp_path / "notes.md"), "-q")[0] == 0
    venues = {g["label"]: g for g in _groups(capsys, "venue")}
    unknown = venues["Unknown venue"]  # it was labelled "", as no table says
    assert (unknown["venue"], unknown["topic"], unknown["total"]) == ("Unknown venue", None, 2)
    topics = _groups(capsys, "topic")
    untopical = next(g for g in topics if g["venue"] == "Unknown venue")
    assert untopical["label"] == "Unknown venue / (no topic)" and untopical["topic"] is None
    assert any(g["topic"] for g in topics)  # the bundled lists' topics, listed below
    for group in [*venues.values(), *(g for g in topics if g["topic"] is not None)]:
        argv = ["list", "--format", "json", "--venue", str(group["venue"])]
        argv += ["--topic", str(group["topic"])] if group["topic"] is not None else []
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert len(json.loads(out)) >= int(str(group["total"]))  # --topic takes subtopics too
