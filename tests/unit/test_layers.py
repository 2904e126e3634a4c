"""The headless core must not load textual: the CLI starts fast and the layers stay apart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "papershelf"


def test_core_modules_do_not_import_textual() -> None:
    modules = [
        "papershelf." + ".".join(p.relative_to(SRC).with_suffix("").parts)
        for p in SRC.rglob("*.py")
        if "tui" not in p.parts and p.name != "__main__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.removesuffix('.__init__'))\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad[:3]); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_widgets_do_not_import_services_or_storage() -> None:
    for path in (SRC / "tui" / "widgets").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "papershelf.services" not in text, path
        assert "papershelf.storage" not in text, path
