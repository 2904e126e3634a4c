"""The README's key table is the bindings' own table, so the docs cannot drift from the keys."""

from __future__ import annotations

from pathlib import Path

from papershelf.tui.key_table import key_table_markdown

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_key_table_matches_the_bindings() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- keys -->\n") + len("<!-- keys -->\n")
    end = text.index("<!-- /keys -->")
    assert text[start:end] == key_table_markdown(), (
        "README key table is stale: run python scripts/update_readme_keys.py"
    )
