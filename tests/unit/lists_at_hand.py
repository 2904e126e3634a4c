"""Every markdown list at hand: the seeds, the test lists and the corpora beside the checkout."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lists_at_hand() -> list[Path]:
    """The lists a parser shortcut is checked on against markdown-it (the corpora as in CI)."""
    files = sorted((ROOT / "seeds").glob("*.md")) + sorted((ROOT / "tests").rglob("*.md"))
    for corpus in ("corpus", "corpus-wild"):
        files += sorted((ROOT.parent / "shared" / corpus).glob("*.md"))
    return files
