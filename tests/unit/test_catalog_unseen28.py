"""The twenty-eighth round of real lists: a curated collection whose title has a ``Source:``
line under it.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen28/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from .excerpts import read_excerpt as _read

# thaxali/HCI CHI26/CHI26_Curated_Papers.md @ 992a3a8137ad883d21c07deaf19d915c9f409485
CHI_COLLECTION = (
    "# CHI'26 Preprint Collection — Curated Reading List\n"
    "\n"
    "**Source:** https://dbuschek.medium.com/chi26-preprint-collection-bdbfe9492a7b\n"
    "\n"
    "---\n"
    "\n"
    "## Interaction with Text & NLP (26 papers)\n"
    "\n"
    "1. **The AI Memory Gap: Users Misremember What They Created With AI or Without** —"
    " [PDF](https://arxiv.org/pdf/2509.11851)\n"
    "2. **Collaborative Document Editing with Multiple Users and AI Agents** —"
    " [PDF](https://arxiv.org/pdf/2509.11826)\n"
    "\n"
    "---\n"
    "\n"
    "## AI-/Computer-mediated Communication (9 papers)\n"
    "\n"
    "1. **The Words That Can't Be Shared: Exploring the Design of Unsent Messages** —"
    " [PDF](https://arxiv.org/pdf/2601.13343)\n"
)


def test_a_collections_title_with_a_source_line_is_no_paper() -> None:
    papers, _ = _read(CHI_COLLECTION)
    assert papers == {
        9: (
            "The AI Memory Gap: Users Misremember What They Created With AI or Without",
            "CHI 2026",
            2026,
        ),
        10: ("Collaborative Document Editing with Multiple Users and AI Agents", "CHI 2026", 2026),
        16: (
            "The Words That Can't Be Shared: Exploring the Design of Unsent Messages",
            "CHI 2026",
            2026,
        ),
    }
