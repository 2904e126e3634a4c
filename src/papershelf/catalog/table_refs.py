"""Cells that point back at papers the list already named: ``DistVS, Quake``, ``All papers``.

A metrics or comparison table's ``Papers`` column names the papers listed above it by their
short names (the system before the colon, the title's first words); a reader takes them as
references, not as new papers. A cell of several one-word names does so wherever they are.
"""

from __future__ import annotations

import re

from papershelf.catalog.entry import Entry
from papershelf.domain.text import alnum_key as key

_GROUP = re.compile(r"\s*\([^()]*\)")
_ALL = frozenset({"all", "allpapers", "allofthem"})
_SHORT_WORDS = 3
_NAME = re.compile(r"[^\W_][\w+.-]*")


class ShortNames:
    """The short names of the papers found so far, keyed as they grow (each title once)."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.seen = 0

    def _update(self, entries: list[Entry]) -> None:
        for entry in entries[self.seen :]:
            name, colon, _ = entry.title.partition(":")
            if colon:
                self.names.add(key(name))  # "DistVS: Large-scale Vector Search ..."
            words = entry.title.split()
            for n in range(1, min(_SHORT_WORDS, len(words)) + 1):
                self.names.add(key(" ".join(words[:n])))  # "Achieving Low-Latency"
        self.seen = len(entries)

    def refers(self, text: str, entries: list[Entry]) -> bool:
        """Whether every comma part of ``text`` names a paper of ``entries`` by a short name.

        Names alone (``Stem, SALS``: one word each, two or more) name papers wherever the
        list gives them (a table of contents above the papers, too); no title reads so.
        """
        if "," in text and all(_NAME.fullmatch(p.strip()) for p in text.split(",")):
            return True
        if not entries or text.count(" ") > _SHORT_WORDS * (text.count(",") + 1):
            return False  # a title of its own (most cells): short names are not that long
        raw = text.split(",")
        if any(p.strip().count(" ") > _SHORT_WORDS for p in raw):
            return False
        self._update(entries)
        parts = [key(_GROUP.sub("", p)) for p in raw]
        return all(p and (p in _ALL or p in self.names) for p in parts)
