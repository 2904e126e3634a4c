"""A reading group's session with its theme in quotes and a year, over the readings.

``- Week 4 (Oct 2019): "Storage systems at scale"`` with
``- Reading: [The Google File System](...)`` under it: the quote is the
session's theme, not a cited title; the reading under it is the paper. A citation puts its
title in quotes after the names and a stop or comma (``D. Padua. "Title," ...``).
"""

from __future__ import annotations

from .excerpts import read_excerpt as _read

SCHEDULE = (
    "# Reading group\n\n"
    '- Week 3 (Oct 2019): "Consensus and replication in practice"\n'
    "  - [Paxos Made Simple](https://lamport.azurewebsites.net/pubs/paxos-simple.pdf)\n"
    "  - [In Search of an Understandable Consensus Algorithm](https://raft.github.io/raft.pdf)\n"
    '- Week 4 (Oct 2019): "Storage systems at scale"\n'
    "  - Reading: [The Google File System](https://research.google/pubs/pub51/)\n"
)


def test_a_quoted_theme_leaves_the_reading_under_it_a_paper() -> None:
    papers, _ = _read(SCHEDULE)
    assert [t for t, _, _ in papers.values()] == [
        "Paxos Made Simple",
        "In Search of an Understandable Consensus Algorithm",
        "The Google File System",
    ]
