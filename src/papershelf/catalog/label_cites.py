"""A whole reference as a link's text, its title set off by stops: a survey's reference list.

``### 3. [Ziniu Hu, Yuxiao Dong, ..., and Yizhou Sun. Gpt-gnn: Generative pre-training of
graph neural networks. In Proceedings of the 26th ACM SIGKDD ..., pages 1857–1867,
2020.](./GPT-GNN.pdf)``: the writer linked the reference as printed to the paper's file.
The names, the title and the venue are the reference's, as in a plain one.
"""

from __future__ import annotations

from papershelf.catalog.citation import Citation, last_year, names_like, parse_citation

_MIN_LENGTH = 60
"""Shorter than a reference with names, a title and a venue: a title, however stopped."""
_TITLE_MIN = 8


def stopped_citation(text: str) -> Citation | None:
    """The reference a link's text is (names. Title. Venue, year.), else None."""
    if len(text) < _MIN_LENGTH or text.count(". ") + text.count("? ") < 2 or "," not in text:
        return None  # cheap: a title has no run of names before a stop
    cited = parse_citation(text) or _asked(text)
    if cited is None or cited.year is None or len(cited.title) < _TITLE_MIN:
        return None
    if not cited.authors or not text.startswith(cited.authors) or not names_like(cited.authors):
        return None  # the names lead a reference: "Title. Venue, 2020." is no list of names
    return cited


def _asked(text: str) -> Citation | None:
    """A title that asks its question ends at its question mark, not at a stop.

    ``Names. How powerful are graph neural networks? arXiv preprint ..., 2018.``
    """
    names, _, after = text.partition(". ")
    title, asked, rest = after.partition("? ")
    if not asked or len(title.split()) < 2 or len(names.split()) < 2:
        return None
    return Citation(names, f"{title}?", rest, last_year(rest))
