"""Items that each open with a key, ``論文: [Title](url)``, under a heading of notes.

``# 読書メモ`` over ``- [MapReduce](...)`` and ``- 論文: [Bigtable: ...](...)``: the keyed
lines under the heading were taken for the heading's own fields (as ``Paper: [pdf](...)``
under ``### Title`` are); the heading named no paper, and the items under it were dropped
without a word. In English (``Paper: [...]``) as in Japanese, Chinese or Korean.
"""

from __future__ import annotations

import pytest

from .excerpts import read_excerpt as _read


def _notes(key: str) -> str:
    return (
        "# Reading notes\n\n"
        "- [MapReduce: Simplified Data Processing](https://research.google/pubs/pub62/)\n"
        f"  - {key}: easy to read\n"
        f"- {key}: [Bigtable: A Distributed Storage System](https://research.google/pubs/pub27898/)\n"
        f"- {key}: [Spanner: Globally Distributed Database](https://research.google/pubs/pub39966/)\n"
    )


@pytest.mark.parametrize("key", ["Paper", "論文", "论文", "논문"])
def test_keyed_items_under_a_heading_are_papers(key: str) -> None:
    papers, _ = _read(_notes(key))
    assert [t for t, _, _ in papers.values()] == [
        "MapReduce: Simplified Data Processing",
        "Bigtable: A Distributed Storage System",
        "Spanner: Globally Distributed Database",
    ]
