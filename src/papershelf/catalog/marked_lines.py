"""Lines that each open with a reader's mark, written without bullets: ``[*] Title, 1964``.

A list kept as plain lines marks each entry ``[*]`` (or ``[x]``, ``[ ]``) and writes its
notes on indented lines below (``    - First proposal of the ISA concept``). Markdown reads
such lines as one paragraph, and pairs the stars of two marks as emphasis across them; a
reader sees a list: each marked line is an entry, the indented lines its notes. Read as the
bulleted list it stands for (``- [*] Title, 1964``), it is one.
"""

from __future__ import annotations

import re

_MARKED = re.compile(r"^(?=\[[ *xX]\]\s+\S)", re.MULTILINE)


def bulleted(text: str) -> str:
    """The text with a bullet before each line that opens with a mark (same lines)."""
    if "\n[" not in text and text[:1] != "[":
        return text  # cheap (one scan): no line opens with a bracket
    return _MARKED.sub("- ", text)
