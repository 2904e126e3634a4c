"""Code spans that are code, not words of an entry: command lines and file paths.

Lists write a venue (```NeurIPS 2025```), a tag or a system's name in backticks too; those
stay text. What a reader skips is a command to run (```go run -race x.go```, ```pip install
foo```) or a file of the repository (```architectures/train_vit.py```).
"""

from __future__ import annotations

import re

_COMMAND_TEXT = """
    pip pip3 python python3 go git bash sh zsh conda docker npm npx yarn cargo make cmake
    curl wget apt apt-get brew torchrun accelerate deepspeed java node uv poetry cd export
    mkdir sudo ls cat source bazel gcc clang nvcc mpirun srun sbatch kubectl helm"""
_COMMANDS = frozenset(_COMMAND_TEXT.split())
# A file by its extension (``train_vit.py``, ``src/mr/*.go``); ``I/O`` or ``TCP/IP`` is none.
_FILE = re.compile(
    r"^[\w./*~-]*\.(?:py|go|sh|rs|c|cc|cpp|h|hpp|cu|js|ts|java|yaml|yml|json|toml|txt|md|"
    r"ipynb|cfg|ini)$"
)


def is_code(code: str) -> bool:
    """Whether a code span's content is a command line or a file path."""
    text = code.strip()
    if not text:
        return False
    first = text.split(None, 1)[0]
    if first in ("$", ">") or first.startswith("./") or (first in _COMMANDS and " " in text):
        return True
    if " " in text:
        return False
    return bool(_FILE.match(text)) or ("/" in text and (text.endswith("/") or "*" in text))
