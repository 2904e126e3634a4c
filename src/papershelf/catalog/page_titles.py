"""Titles written the way a web page or an index shows them, read the way a reader reads them.

* ``[arXiv:1706.03762](url) Attention Is All You Need``: the link names the paper by its id,
  and its title follows the link;
* ``[Bringing the web up to speed with WebAssembly | Proceedings of the 38th ACM SIGPLAN
  Conference on ...](https://dl.acm.org/...)``: a title copied from a digital library's page
  keeps the page's `` | container`` tail, which is where the paper appeared, not its title;
* ``[GFS, sosp03](url)``, ``[Simple and Efficient Construction of SSA Form - CC 2013](url)``:
  the venue and year after a comma or a spaced dash closing the link's text.
"""

from __future__ import annotations

import re

from papershelf.catalog.fields import is_generic, word_count
from papershelf.catalog.links import is_arxiv_id
from papershelf.catalog.spans import Span
from papershelf.catalog.venue import RATING
from papershelf.catalog.venue_groups import grouped_venue
from papershelf.catalog.venue_links import linked_venue
from papershelf.catalog.venue_text import KNOWN, VenueGuess, looks_like_venue, parse_venue

# What may stand between an id's link and the title after it: "- ", ": ", "— ".
_AFTER_ID = re.compile(r"^\s*[-–—:|]?\s*(?P<title>[^\s\[\](){}|].*?)(?=\s+[|–—]\s|\s*[\[(|]|$)")
MIN_TITLE_WORDS = 2
"""An id's link followed by fewer words is followed by a note (``[arXiv:...](url) v2``)."""

# A digital library's page title after the paper's: "| Proceedings of ...", "| IEEE Xplore".
_CONTAINER = re.compile(
    r"^(?:in\s+)?(?:proceedings\b|proc\.|journal\b|transactions\b|acm\b|ieee\b|usenix\b|"
    r"springer|sciencedirect\b|arxiv\b|openreview\b|semantic\s+scholar\b)",
    re.IGNORECASE,
)
_PROCEEDINGS_OF = re.compile(
    r"^(?:in\s+)?(?:proceedings|proc\.)\s+of\s+(?:the\s+)?(?:(?:19|20)\d{2}\s+)?"
    r"(?:\d+(?:st|nd|rd|th)\s+)?",
    re.IGNORECASE,
)
# The page's own name or kind, never a venue: "IEEE Xplore", "IEEE Conference Publication".
_SITE = re.compile(
    r"^(?:ieee\s+xplore|springerlink|sciencedirect|acm\s+digital\s+library|openreview|"
    r"semantic\s+scholar|arxiv(?:\.org)?|ieee\s+(?:conference\s+publication|journals?\b.*)|"
    r"usenix)$",
    re.IGNORECASE,
)
_VOLUME = re.compile(r",\s*(?:vol(?:ume)?\.?\s*\d+|part\s+[IVX\d]+)\b.*$", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def title_after_id(label: str, after: str) -> tuple[str, str] | None:
    """``[arXiv:1706.03762](url) Attention Is All You Need``: (the title, what follows it).

    None unless the link's label is an arXiv id and the text after it opens with a phrase of
    ``MIN_TITLE_WORDS`` words or more (up to a separator or a bracket).
    """
    if not is_arxiv_id(label):
        return None
    m = _AFTER_ID.match(after)
    if m is None or word_count(m.group("title")) < MIN_TITLE_WORDS:
        return None
    return m.group("title").strip(" .,;"), after[m.end("title") :]


def split_page_tail(title: str) -> tuple[str, VenueGuess | None] | None:
    """``Title | Proceedings of the 38th ACM SIGPLAN ...`` -> (``Title``, that venue).

    The tail starts at the first `` | `` after which a container is named (proceedings, a
    journal, a publisher, a library's site); None when there is none. The venue is ``None``
    when the tail names only the site (``| IEEE Xplore``).
    """
    head, bar, tail = title.partition(" | ")
    if not bar or word_count(head) < MIN_TITLE_WORDS or not _CONTAINER.match(tail.strip()):
        return None
    return head.strip(), tail_venue(tail)


def tail_venue(tail: str) -> VenueGuess | None:
    """The venue a page title's tail names: the first part that is one (parts split at ``|``)."""
    for part in (p.strip() for p in tail.split(" | ")):
        if not part or _SITE.match(part):
            continue
        if (found := parse_venue(part)) is not None:
            return found
        prefix = m.group(0) if (m := _PROCEEDINGS_OF.match(part)) else ""
        name = _VOLUME.sub("", part[len(prefix) :]).strip(" ,.")
        year = _YEAR.search(prefix)  # "Proceedings of the 2019 International Conference ..."
        if name and looks_like_venue(name, with_year=False):
            return VenueGuess(name, int(year.group(1)) if year else None)
    return None


_COMMA_YEAR = re.compile(r"(?:19|20)\d{2}")
_VENUE_WORDS = 6
"""A venue named before a year is short: ``SIGMOD``, ``IEEE Data engineering Bulltin``."""


def split_comma_tail(title: str) -> tuple[str, VenueGuess] | None:
    """A link's text ending in the venue or year after a comma -> (title, venue or year).

    ``[GFS, sosp03](...)``, ``[The Byzantine Generals Problem, 1982](...)``; a bare year is a
    venue without a name.
    """
    if "，" in title:  # "..., ACM Transactions on Database Systems， 1981": a full-width comma
        title = title.replace("，", ", ")
    head, comma, tail = title.rpartition(", ")
    tail = tail.strip()
    tail = RATING.sub("", tail) if tail.endswith(")") else tail  # "NIPS 2016 (1)": a score
    if not comma or not head.strip():
        return None
    if tail[:1] in "aA" and (arxiv := _ARXIV_TAIL.fullmatch(tail.rstrip("."))) is not None:
        year = arxiv.group(1)  # "Title, arxiv", "Title, arXiv (2022)": a preprint there
        return head.strip(), VenueGuess("arXiv", int(year) if year else None)
    if not tail[-1:].isdigit():
        return _year_then_venue(head, tail)
    if _COMMA_YEAR.fullmatch(tail):
        return _venue_then_year(head.strip(), int(tail))
    found = parse_venue(tail, need_year=True)
    return (head.strip(), found) if found is not None and found.name else None


_ARXIV_TAIL = re.compile(r"arxiv(?:\s*\(((?:19|20)\d{2})\))?", re.IGNORECASE)


def _venue_then_year(head: str, year: int) -> tuple[str, VenueGuess]:
    """``Title, SIGMOD, 2008``: the part before the year names the venue when it reads as one."""
    title, comma, name = head.rpartition(", ")
    if comma and word_count(title) >= MIN_TITLE_WORDS and word_count(name) <= _VENUE_WORDS:
        found = parse_venue(f"{name.strip()} {year}", need_year=True)
        if found is not None and found.name and looks_like_venue(found.name, with_year=True):
            return _without_label(title), found
    # "Title, Alan Fekete, 2005": its author ("Making-Snapshot-Isolation-Serializable" too)
    if (
        comma
        and word_count(title.replace("-", " ")) >= MIN_TITLE_WORDS
        and _PERSON.fullmatch(name.strip())
    ):
        return title, VenueGuess("", year)
    return head, VenueGuess("", year)


_PERSON = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]*(?:['’-][A-Z]?[a-z]+)*){1,2}")
"""``Alan Fekete``, ``Maysam Yabandeh``: a person's given and family name, written out."""


def _year_then_venue(head: str, tail: str) -> tuple[str, VenueGuess] | None:
    """``Title, 2014, SIGMOD``: a year and then the venue, the other way round."""
    title, comma, year = head.rpartition(", ")
    if not comma or not _COMMA_YEAR.fullmatch(year.strip()) or word_count(tail) > _VENUE_WORDS:
        return None
    found = parse_venue(f"{tail} {year.strip()}", need_year=True)
    if found is None or not found.name or not looks_like_venue(found.name, with_year=True):
        return None
    return (_without_label(title), found) if word_count(title) >= MIN_TITLE_WORDS else None


def _without_label(title: str) -> str:
    """``Title, Source Code`` before the venue: the label of a link the list left out."""
    head, comma, label = title.rpartition(", ")
    return head.strip() if comma and is_generic(label.strip()) else title.strip()


def venue_label(text: str) -> bool:
    """A link labelled with a venue (``[SOSP 2023](...)``), not a title that ends in one.

    ``[OLTP Through the Looking Glass, and What We Found There, SIGMOD, 2008](...)`` names
    the paper, then its venue and year after commas.
    """
    if parse_venue(text, need_year=True) is None:
        # "[In Proceedings of ... (KDD '20)](...)", "[EMNLP (Findings) 2023](...)"
        return linked_venue(text) is not None or grouped_venue(text) is not None
    split = split_comma_tail(text)
    if split is None or word_count(split[0]) < _LABEL_TITLE_WORDS:
        return True
    # "[USENIX Annual Technical Conference, 2020]" names a venue and its year; "[Seamless
    # ... in Reconfigurable Computing Systems, 2005]" is a title and its year
    return not split[1].name and _VENUE_NAME_WORDS.search(split[0]) is not None


_VENUE_NAME_WORDS = re.compile(
    r"\b(?:conference|symposium|workshop|proceedings|transactions|journal|congress|meeting)\b",
    re.IGNORECASE,
)
_LABEL_TITLE_WORDS = 3  # a title before a venue's comma tail: not "GFS" in "[GFS, sosp03]"


def marker_first(spans: list[Span], first: int) -> list[Span] | None:
    """``[:scroll:](copy.pdf) [Title](url)``: a marker link, then the titled one; else None.

    A link with a generic label (a pictograph, ``pdf``) first and, after it, a link whose
    text reads as a title (three words or more) and nothing else but links: the entry's title
    is the second link; the first is one of its links. The spans come back with the marker
    link moved after the title's.
    """
    if first >= len(spans) or not is_generic(spans[first].text):
        return None
    if any(s.text.strip() for s in spans[:first] + spans[first + 1 :] if not s.is_link):
        return None  # words outside the links: the entry says what it is in them
    after = next((i for i in range(first + 1, len(spans)) if spans[i].is_link), None)
    if after is None or is_generic(spans[after].text) or word_count(spans[after].text) < 3:
        return None
    return [*spans[:first], *spans[after:], spans[first]]


def split_dash_venue(title: str) -> tuple[str, VenueGuess] | None:
    """``Simple and Efficient Construction of SSA Form - CC 2013`` -> (title, CC 2013), else None.

    Only a venue with its year closes a title so: ``Tree-sitter - a new parsing system`` keeps
    its dash, as does a title whose part before the dash is too short to be one.
    """
    head, dash, tail = title.rpartition(" - ")
    if not dash or word_count(head) < _DASH_TITLE_WORDS or word_count(tail) > _VENUE_WORDS:
        return None
    found = parse_venue(tail.strip(), need_year=True)
    return (head.strip(), found) if found is not None and found.name else None


_DASH_TITLE_WORDS = 3


def names_series(text: str) -> bool:
    """Whether a title may be a venue's name alone (``OSDI``, ``ACM SIGCOMM``): a cheap look."""
    if len(text) > 40:
        return False  # most titles: settled without splitting them
    words = text.split()
    return 0 < len(words) <= 2 and words[0].strip(",.").casefold() in KNOWN
