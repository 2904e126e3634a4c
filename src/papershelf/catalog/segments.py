"""Several papers in one candidate: linked titles joined only by separators.

``[Meltdown](...), [Spectre](...)``, ``[A](...); [B](...)``, two titles on lines of one
item: each linked title with what follows it up to the next is one paper's entry.
"""

from __future__ import annotations

import re
from itertools import pairwise

from papershelf.catalog import fields
from papershelf.catalog.spans import Span

# Between two papers' links: "and", ";", a tag group, a break, the first one's "(2003)".
_SEPARATOR = re.compile(
    r"^(?:[\s,;/|+&]|and|\[[^\[\]]{0,40}\]|<br\s*/?>|\((?:19|20)\d{2}\))*$", re.IGNORECASE
)
# ", Two Out-of-Order Commit CPU: [NOREBA](...)": a label naming the next papers' topic.
_LABEL_BEFORE = re.compile(r"^[\s,;/|+&]*[^:：\[\]]{1,60}[:：]$")


def segments(spans: list[Span], *, names: bool = False) -> list[list[Span]]:
    """Split at title links that follow each other with only separators between them.

    ``names``: the list says these are papers (a title column), so one-word labels
    (``[Meltdown](...), [Spectre](...)``) are papers too; elsewhere a one-word label beside
    a title is a code or project link.
    """
    if sum(1 for s in spans if s.is_link) < 2:
        return [spans]  # one link or none: nothing to split (most entries)
    least = 1 if names else 2
    titled = [
        i
        for i, s in enumerate(spans)
        if s.is_link
        and not fields.is_generic(s.text)
        and (fields.word_count(s.text) >= least or _line_start(spans, i))
    ]
    if len(titled) < 2:
        return [spans]
    cuts = [0]
    for a, b in pairwise(titled):
        between = "".join(" " if s.brk else s.text for s in spans[a + 1 : b] if not s.is_link)
        if any(s.is_link and not fields.is_generic(s.text) for s in spans[a + 1 : b]):
            continue
        labelled = names and _LABEL_BEFORE.match(between.strip()) is not None
        if _SEPARATOR.match(between.strip()) or labelled or any(s.brk for s in spans[a + 1 : b]):
            start = b
            # a tag group just before the title link belongs to it: "[ICML'20][Title](url)"
            while start - 1 > a and not spans[start - 1].is_link and spans[start - 1].text.strip():
                start -= 1
                break
            cuts.append(start if start > a + 1 else b)
    if len(cuts) == 1:
        return [spans]
    cuts.append(len(spans))
    return [spans[x:y] for x, y in pairwise(cuts) if spans[x:y]]


def _line_start(spans: list[Span], i: int) -> bool:
    """Whether a link opens its line: ``[RDFox](...) <br/> [RDF3x](...)``, a reading cell.

    A code or project link sits beside its title; one opening a line is an entry of its own.
    """
    for span in reversed(spans[:i]):
        if span.brk:
            return True
        if span.is_link or span.text.strip():
            return False
    return True
