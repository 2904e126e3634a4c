"""A year and a dash leading a plain entry: ``1958 – Rosenblatt. “The Perceptron: ...”``.

Bibliographies kept in time order put each work's year first, a dash after it, then the
reference as usual (names, then the quoted title). A careful reader takes the year for the
paper's and reads the rest as the entry: the reference written the usual way round
(``Rosenblatt. “The Perceptron: ...”, 1958``). When the quoted title closes the entry's first
line, the lines after it are the reader's words on the paper (``The birth certificate of
neural networks.``), not its venue. The year alone before a link (``1979, [Title](url)``) is
another shape's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from papershelf.catalog.spans import Span

_LEAD = re.compile(r"\s*((?:19|20)\d{2})\s+[–—-]{1,2}\s+(?=\S)")
_CLOSING = ("”", '"', "»")


def year_dashed(spans: list[Span]) -> tuple[int, list[Span], bool] | None:
    """The leading year, the entry without it, and whether the year now closes the entry.

    None when no year and dash lead the entry's plain words.
    """
    if not spans or spans[0].is_link or not spans[0].text.lstrip()[:1].isdigit():
        return None  # cheap: most entries open with a word or a link
    m = _LEAD.match(spans[0].text)
    if m is None or not spans[0].text[m.end() :].strip():
        return None  # "1979 – [Title](url)": the linked shape reads its own year
    year = int(m.group(1))
    rest = [replace(spans[0], text=spans[0].text[m.end() :]), *spans[1:]]
    cut = next((i for i, s in enumerate(rest) if s.brk), len(rest))
    first = rest[:cut]
    if "".join(s.text for s in first).rstrip().endswith(_CLOSING):
        return year, [*first, Span(f", {year}")], True  # "“Title”" then notes on it
    return year, rest, False
