"""Regenerate the key table in README.md from the bindings (tests check it is current)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from papershelf.tui.key_table import key_table_markdown

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(<!-- keys -->\n).*?(<!-- /keys -->)", re.DOTALL)


def render(readme: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + key_table_markdown() + m.group(2), readme)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = render(text)
    if new != text:
        README.write_text(new, encoding="utf-8")
        print("README.md key table updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
