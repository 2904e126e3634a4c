"""The format dispatch the CLI and the app call, and the exporters' place in the layers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import papershelf.export
from papershelf.domain.models import Paper, PaperState, Status
from papershelf.errors import UsageError
from papershelf.export import FORMATS, read_state_export, render, to_json
from papershelf.export._text import safe_url

PAPERS = [
    Paper(id="a", title="Alpha", venue="MLSys 2025", year=2025, authors=("Ann Lee",)),
    Paper(id="b", title="Beta", venue="ASPLOS 2025", year=2025),
]
STATES = {"a": PaperState(status=Status.READ, starred=True, note="n")}


def test_formats() -> None:
    assert FORMATS == ("bibtex", "markdown", "csv", "json")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_every_paper(fmt: str) -> None:
    text = render(fmt, PAPERS, STATES)
    assert "Alpha" in text
    assert "Beta" in text
    assert text.endswith("\n")


def test_dispatch_reaches_each_exporter() -> None:
    assert render("bibtex", PAPERS, STATES).count("@inproceedings{") == 2
    assert render("markdown", PAPERS, STATES).startswith("# Reading list\n")
    assert render("csv", PAPERS, STATES).startswith("id,title,")
    text = render("json", PAPERS, STATES, exported_at="2025-05-04T00:00:00Z")
    assert text == to_json(PAPERS, STATES, exported_at="2025-05-04T00:00:00Z")
    assert json.loads(text)["exported_at"] == "2025-05-04T00:00:00Z"
    assert read_state_export(text) == STATES


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown export format 'xml': choose one of bibtex"):
        render("xml", PAPERS, STATES)


def test_exporters_sit_on_the_domain_only() -> None:
    folder = Path(papershelf.export.__file__).parent
    for path in folder.glob("*.py"):
        imports = re.findall(r"^(?:from|import) (papershelf\.\w+)", path.read_text(), re.M)
        assert set(imports) <= {"papershelf.domain", "papershelf.errors", "papershelf.export"}, path


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://mlsys.org/p/1", "https://mlsys.org/p/1"),
        ("  HTTP://x.org/a?b=1#c ", "http://x.org/a?b=1#c"),
        ("doi:10.1145/3620666.3651324", "https://doi.org/10.1145/3620666.3651324"),
        ('https://x.org/a b{c}<d>\\e"f', "https://x.org/a%20b%7Bc%7D%3Cd%3E%5Ce%22f"),
        ("https://x.org/\x1b]52;c;x\x07\u202e", "https://x.org/%1B]52;c;x%07%E2%80%AE"),
        ("https://x.org/\ud800é", "https://x.org/é"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("data:text/html,<b>", None),
        ("/relative/path", None),
        ("https://", None),
        ("doi:", None),
        ("http://[::1", None),
    ],
)
def test_safe_url(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected
