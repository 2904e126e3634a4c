"""Small modules with one job: none of papershelf's modules is over 400 lines."""

from __future__ import annotations

from pathlib import Path

LIMIT = 400
SRC = Path(__file__).resolve().parents[2] / "src" / "papershelf"


def test_no_module_is_over_the_limit() -> None:
    sizes = {
        str(path.relative_to(SRC)): len(path.read_text(encoding="utf-8").splitlines())
        for path in SRC.rglob("*.py")
    }
    assert len(sizes) > 50  # the tree was found
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}
