"""A BibTeX entry kept beside a paper, in a fenced block: the venue and year it records.

``#### Design space for graph neural networks`` / ``paper link: [here](url)`` / a fenced
``@article{you2020design, ..., journal={Advances in Neural Information Processing Systems},
year={2020}}``: the list gives each paper's reference as BibTeX. The block is no entry of its
own; its ``booktitle`` or ``journal`` and ``year`` are the paper's venue, as a ``Venue:`` line
under the heading would be.
"""

from __future__ import annotations

import re

from papershelf.catalog.series_names import short_name

_ENTRY = re.compile(r"\s*@(?:inproceedings|article|conference|incollection|misc)\s*\{", re.I)
_FIELD = re.compile(r"(?P<key>booktitle|journal|year)\s*=\s*[{\"](?P<value>.*)[}\"],?", re.I)
_MAX_LINES = 40
"""More than a BibTeX entry holds: a longer block is code or data, not a paper's entry."""
_ARXIV = re.compile(r"\barxiv\b", re.IGNORECASE)


def bibtex_venue(content: str) -> str | None:
    """``Venue: NeurIPS 2020`` for a block holding one BibTeX entry with a venue, else None."""
    if _ENTRY.match(content) is None:
        return None
    lines = content.splitlines()[:_MAX_LINES]
    found = (_FIELD.fullmatch(line.strip()) for line in lines)
    fields = {m.group("key").casefold(): m.group("value") for m in found if m is not None}
    name = " ".join((fields.get("booktitle") or fields.get("journal") or "").split())
    name = name.replace("{", "").replace("}", "")
    year = fields.get("year", "").strip()
    if not name or not year.isdigit():
        return None
    name = "arXiv" if _ARXIV.search(name) else short_name(name)
    return f"Venue: {name} {year}"
