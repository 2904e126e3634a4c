"""The headless core must not load textual: the CLI starts fast and the layers stay apart."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "papershelf"


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


def _contract(contract_id: str) -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    found: dict[str, object] = next(c for c in contracts if c["id"] == contract_id)
    return found


def test_the_readme_picture_shows_the_layers_the_contract_checks() -> None:
    layers = _contract("layers")["layers"]
    assert isinstance(layers, list)
    expected = [
        [m.strip().removeprefix("papershelf.") for m in layer.split("|")] for layer in layers
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- layers -->\n```\n(.*?)```\n<!-- /layers -->", readme, re.S)
    assert block is not None, "README.md has no layers picture"
    shown = [
        [m.strip() for m in re.split(r"\s{2,}", line)[0].split("|")]
        for line in block.group(1).splitlines()
    ]
    assert shown == expected


def test_every_package_is_in_a_layer() -> None:
    layers = _contract("layers")["layers"]
    assert isinstance(layers, list)
    placed = {m.strip() for layer in layers for m in layer.split("|")}
    ours = {
        "papershelf." + p.stem if p.is_file() else "papershelf." + p.name
        for p in SRC.iterdir()
        if (p.suffix == ".py" and p.stem not in {"__init__", "__main__"})
        or (p.is_dir() and (p / "__init__.py").exists())
    }
    assert ours == placed


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter not installed")
def test_the_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports")
    assert lint is not None
    result = subprocess.run(
        [lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=100
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
