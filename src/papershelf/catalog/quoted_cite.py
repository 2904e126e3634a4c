"""A linked title in quotes between its authors and its venue: a citation in the MLA style.

``Gévay, Gábor E., et al. "[Labyrinth: ...](url)." arXiv preprint arXiv:1809.06845 (2018).``
is what a scholarly search engine gives to copy, the title then linked by hand. A careful
reader takes the names before the opening quote as the authors (the first one written family
name first: ``Gévay, Gábor E.`` is Gábor E. Gévay), and what follows the closing quote and its
stop as the venue (``Tools. Springer, Cham, 2017.``: without its publisher), its year in
parentheses or last.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation, last_year, parse_citation
from papershelf.catalog.fields import authors_in

_OPEN = ('"', "“")
# The stop goes with the spaces after it: "\s*[.,]?\s*" tried each split of 20,000 spaces.
_CLOSE = re.compile(r"\s*(?:[.,]\s*)?[\"”]\s*(?:[.,]\s*)?")
# "Tools. Springer, Cham, 2017. 74-89.": the publisher's sentence after the container's name
_PUBLISHER = re.compile(
    r"\.\s+(?:Springer|ACM|IEEE|Elsevier|MIT Press|Morgan Kaufmann"
    r"|(?:Cambridge|Oxford) University Press)\b.*",
    re.DOTALL,
)
# "Gévay, Gábor E., et al.", "Agarwal, Ashish, and Igor Ganichev.": family, given, the others
_FIRST_INVERTED = re.compile(r"([^,]{2,40}), ([^,]{1,40}?)(?:,? (et al)|,? and ([^,]{2,80}))?")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")


def quoted_citation(lead: str, title: str, rest: str) -> tuple[str, Citation] | None:
    """(the authors in reading order, the citation) for ``Names. "[Title](url)." Venue.``."""
    head = lead.rstrip()
    if not head.endswith(_OPEN):
        return None
    close = _CLOSE.match(rest)
    if close is None:
        return None
    names = " ".join(head[:-1].split())
    if not names or not authors_in(names):
        return None
    after = " ".join(rest[close.end() :].split())
    venue = _PUBLISHER.sub(".", after)
    authors = in_reading_order(names)
    return authors, Citation(authors, title, venue, last_year(after))


def in_reading_order(names: str) -> str:
    """``Family, Given, et al.`` -> ``Given Family et al.``; other names as they are."""
    if names.endswith(".") and not _INITIAL_END.search(names):
        names = names[:-1]  # the sentence's stop, not an initial's: "Family, Given."
    m = _FIRST_INVERTED.fullmatch(names)
    if m is None or " " in m.group(1).strip():
        return names  # "A. Smith, B. Jones": names already in reading order
    first = f"{m.group(2).strip()} {m.group(1).strip()}"
    if m.group(3):
        return f"{first} et al."
    return f"{first} and {m.group(4).strip()}" if m.group(4) else first


def linked_citation(text: str) -> Citation | None:
    """A whole MLA citation as a link's text, else None (a link's text that is a title).

    ``[Kosba, Ahmed, et al. "Hawk: ..." 2016 IEEE symposium on security and privacy (SP).
    IEEE, 2016.](url)``: the quoted title is the paper's, the names its authors, the rest its
    venue and year.
    """
    if '"' not in text and "“" not in text:
        return None  # cheap: most links' text quotes nothing
    cited = parse_citation(text)
    if cited is None or not cited.authors or cited.year is None or len(cited.title) < _TITLE_MIN:
        return None
    return cited if text.find(cited.title) > 0 else None


_TITLE_MIN = 8
