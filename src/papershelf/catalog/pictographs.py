"""A pictograph before an entry that says what kind of work it is: ``📖`` a book, ``💬`` a post.

``- [ ] 📖 [**Transaction Processing: Concepts and Techniques**](...) (J Gray, A Reuter 1992)``
and ``- [ ] 💬 [What Does Write Skew Look Like](...)`` beside ``📄 [Title](...)`` papers: the list
marks each entry's kind with a picture, as others do with a badge. A careful reader takes a
book's, a post's or a video's picture for that kind (the papers' own picture adds nothing a
venue or a link does not already tell).
"""

from __future__ import annotations

import re

from papershelf.catalog.spans import Span

_KINDS = {
    "📖": "book",
    "📚": "book",
    "📕": "book",
    "📘": "book",
    "📗": "book",
    "📙": "book",
    "💬": "blog",
    "🗨": "blog",
    "📺": "video",
    "🎥": "video",
    "🎬": "video",
    "📹": "video",
    "▶": "video",
}
_LEAD = 12  # a pictograph marks the entry where it leads it: "- [ ] 📖 [Title](...)"


def pictured_kinds(spans: list[Span]) -> tuple[str, ...]:
    """The kinds the pictographs before an entry's first link show (as its badges would)."""
    lead = spans[0].text[:_LEAD] if spans and not spans[0].is_link else ""
    if lead.isascii():
        return ()  # most entries: no pictograph to look up
    return tuple(kind for ch in lead if (kind := _KINDS.get(ch)) is not None)


_TRAILING_MARKS = re.compile(r"[\s\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+$")
"""Stars, ticks and pictures closing an entry (``| OSDI 21 🎓``, ``ICML 2023 ⭐⭐``)."""


def unmarked(text: str) -> str:
    """The text before the marks a reader set after an entry: ``| OSDI 21 🎓`` -> ``| OSDI 21``.

    A star or a pictograph after the venue rates or marks the paper (read, recommended); the
    venue is read as if the mark were not there.
    """
    if not text or text[-1].isascii():
        return text  # most entries: no mark at the end
    return _TRAILING_MARKS.sub("", text)
