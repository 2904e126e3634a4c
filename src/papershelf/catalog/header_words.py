"""A table header as a reader reads it: ``ttttttitle`` is ``title``, ``codeeeee`` is ``code``.

Tables generated to a width pad a header by repeating one of its letters (the column then
shows wide); the word is the header's all the same.
"""

from __future__ import annotations

import re

_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
"""A letter written three times or more in a row: no header word spells one so."""


def unstretched(header: str) -> str:
    """The header with each run of one repeated letter written once."""
    return _STRETCHED.sub(r"\1", header)
