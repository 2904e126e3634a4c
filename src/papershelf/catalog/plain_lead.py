"""A plain-text entry's title, cut from what is written around it.

``Title. CCS 2020`` / ``Title, DAC'09``: the venue follows the title (``split_sentence``).

``2015, Zaremba, Recurrent Neural Network Regularization`` (the line under a bare address),
``Bradley, SAT-Based Model Checking without Unrolling, VMCAI 2011, [paper](url)``,
``McMillan, Interpolation and SAT-based model checking, 2003, [paper](url)``: a careful reader
takes the year that leads the line, the family name before the first comma and the venue or
year after the last as the paper's, not as words of its title (``plain_cited``). A name is
taken only where the line also states a year or a venue, and only when the words after it
hold no further comma: ``Time, Clocks, and the Ordering of Events ..., 1978`` keeps its title.

``HYDRA: The Kernel of a Multiprocessor Operating System (1974).``: a title of four words or a
colon, closed by its year, is a paper whose link was left out (``dated_only``), as its
linked neighbours ``Title (1993). [Paper](url)`` are.
"""

from __future__ import annotations

import re

from papershelf.catalog import page_titles, titles
from papershelf.catalog.citation import VENUE_START, Citation, last_year
from papershelf.catalog.fields import Title, authors_in, word_count
from papershelf.catalog.spans import Span
from papershelf.catalog.venue_text import parse_venue, venue_in

_SENTENCE_END = re.compile(r"\.(?<=[a-z0-9?)]\.)\s+(?=[A-Za-z])")
_TITLE_WORDS = 3  # a title before a venue's comma tail: not "GFS" in "[GFS, sosp03]"
# What kind of work the title names, after it: a remark on the work, no words of its title.
_KIND_TAIL = re.compile(
    r",\s*(?:tech(?:nical)?\.?\s*rep(?:ort|\.)|(?:[\w.'’ -]{2,40}['’]s\s+)?"
    r"(?:(?:PhD|Ph\.D\.|doctoral|master['’]?s|bachelor['’]?s)\s+)?(?:thesis|dissertation))\.?$",
    re.IGNORECASE,
)
# "HYDRA: The Kernel of a Multiprocessor Operating System (1974).", "... (1971). Paper | Note"
_DATED = re.compile(
    r"(?P<title>.+?)\s*\((?P<year>(?:19|20)\d{2})\)\.?"
    r"(?:\s+(?:paper|notes?|slides|code|pdf)(?:\s*[|,/]\s*(?:paper|notes?|slides|code|pdf))*)?",
    re.IGNORECASE,
)
_YEAR_FIRST = re.compile(r"((?:19|20)\d{2}),\s+(?=[A-Z])")
# "Zaremba", "McMillan", "LeCun", "Abdel-Hamid", "Peyton Jones", "Yen-Sheng Ho"
_WORD = r"(?:Mc|Mac|De|Le|La|Van)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAME_FIRST = re.compile(rf"({_WORD}(?: {_WORD}){{0,2}}),\s+(?=[A-Z0-9])")
# Words that open titles as well as lists of them ("Time, Clocks, and ..."): never a name.
_TITLE_OPENERS = frozenset(
    {"a", "an", "the", "how", "why", "what", "when", "where", "who", "which", "towards"}
    | {"toward", "beyond", "time", "attention", "please", "yes", "no", "hey", "look", "one"}
)


def split_sentence(text: str) -> tuple[str, str]:
    """Cut a plain title from what follows it: ``. Authors. VENUE 'YY``, ``. In Proc. ...``."""
    text = " ".join(text.split())
    if " - " in text and (cut := titles.before_dash_note(text)) is not None:
        return cut  # "Title (ISCA'21) - The paper presents ...": the note is no title
    parts = _SENTENCE_END.split(text, maxsplit=1)
    if len(parts) == 2 and (VENUE_START.match(parts[1]) or venue_in(parts[1]) is not None):
        return parts[0], parts[1]
    head, dot, tail = text.rpartition(". ")  # "... Oracles for TLS. CCS 2020": a venue alone
    if dot and head and parse_venue(tail, need_year=True) is not None:
        return head, tail
    named = page_titles.split_comma_tail(text.rstrip("."))  # "Title, DAC'09": its venue
    if named and named[1].name and word_count(named[0]) >= _TITLE_WORDS:
        head = named[0]
        return (head, text[len(head) :].strip(" ,.")) if text.startswith(head) else (text, "")
    return text, ""


def plain_cited(text: str, *, led: bool = False) -> Citation | None:
    """``YEAR, Name, Title, VENUE YEAR``: the title with what the line states around it.

    None when the line states neither a leading year nor a venue or year after the title
    (``led``: nor a leading year or name, what a line no link follows must show).
    """
    text = " ".join(text.split()).strip(" ,;")
    if (dated := _DATED.fullmatch(text)) is not None and _titled(dated.group("title")):
        dated_title, dated_year = dated.group("title").rstrip(" .,"), int(dated.group("year"))
        comma = page_titles.split_comma_tail(dated_title)  # "Title, arXiv (2022).": a venue
        if comma is not None and comma[1].name:
            return Citation("", comma[0], comma[1].name, dated_year)
        return Citation("", dated_title, "", dated_year)
    kind = _KIND_TAIL.search(text)  # "Title, tech.report", "Title, Yen-Sheng Ho's Thesis"
    if kind is not None:
        text = text[: kind.start()]
    year = None
    if (lead := _YEAR_FIRST.match(text)) is not None:
        year, text = int(lead.group(1)), text[lead.end() :]
    tail = ""
    cut = page_titles.split_comma_tail(text)
    if cut is not None and word_count(cut[0]) >= _TITLE_WORDS and text.startswith(cut[0]):
        tail = text[len(cut[0]) :].strip(" ,")
        text, year = cut[0], year or cut[1].year
    if year is None and not tail and kind is None:
        return None
    name = ""
    named = _NAME_FIRST.match(text)
    if named is not None and _is_name(named.group(1)) and _one_title(text[named.end() :]):
        name, text = named.group(1), text[named.end() :]
    if led and lead is None and not name:
        return None
    return Citation(name, text.strip(" ,"), tail, year)


def _is_name(words: str) -> bool:
    return not any(w.casefold() in _TITLE_OPENERS for w in words.split())


def _one_title(rest: str) -> bool:
    """What follows a name reads as one title: several words, no list of them."""
    return ", " not in rest and word_count(rest) >= _TITLE_WORDS


# "How to read a paper - Keshava", "How to write a proof - Leslie Lamport"
# (Only from the first of a run of spaces: from each of 20,000, the search was quadratic.)
_DASH_NAME = re.compile(rf"(?<!\s)\s+[-–—]\s+({_WORD}(?: (?:[A-Z]\. )?{_WORD}){{0,2}})\s*$")


def dash_named(text: str) -> tuple[str, str] | None:
    """``Title - Leslie Lamport <http://...>``: (the title, its author) before an address.

    Only before a bare address, where nothing else follows the title to tell its author.
    """
    m = _DASH_NAME.search(text)
    if m is None or not _is_name(m.group(1)) or word_count(text[: m.start()]) < _TITLE_WORDS:
        return None
    return text[: m.start()].strip(), m.group(1)


def _titled(text: str) -> bool:
    """Words that read as a title on their own: four or more, or a name and a colon."""
    return word_count(text) >= _TITLE_WORDS + 1 or ": " in text


def dated_only(title: Title) -> bool:
    """A plain title with only its year (``Title (1974).``): a paper whose link was left out.

    Its names may lead it when the year stands alone after it in parentheses: ``Leslie
    Lamport. "Time, Clocks, and the Ordering of Events ..." (1978)`` is a citation lacking only
    its venue, as its linked neighbours are.
    """
    cited = title.cited
    if title.link is None and cited is not None and cited.year is not None:
        if not cited.rest:
            return not cited.authors
        return bool(cited.authors) and _YEAR_ALONE.fullmatch(cited.rest) is not None
    return False


def names_dated(title: Title) -> bool:
    """``Kung, Hsiang-Tsung. "Why systolic architecture?" (1982)``: names, a title, its year.

    The writer cites a work there, however few the words of its title: no label or topic.
    """
    cited = title.cited
    return bool(cited and cited.authors and cited.rest) and dated_only(title)


_YEAR_ALONE = re.compile(r"\s*\((?:1[89]|20)\d{2}\)[\s.]*")


# "Armin Biere et al., Bounded Model Checking, 2003": names, the title, the year
_NAMES_TITLE_YEAR = re.compile(r"(?P<head>.+?),\s*(?P<year>(?:19|20)\d{2})")
_LABEL_WORDS = 4


def labelled_cited(label: str, after: list[Span]) -> Citation | None:
    """``**BMC and K-IND**, Armin Biere et al.， Bounded Model Checking，2003, [paper](url)``.

    A short bold label (the method's name), then the names, the title and the year between
    commas (full-width ones too): the title is the last part before the year, the names all
    that stands before it.
    """
    text = " ".join(" " if s.brk else s.text for s in after).replace("，", ", ")
    text = " ".join(text.split())
    if text.startswith(":") or label.endswith(":"):
        return keyed_cited(text.removeprefix(":"))
    if word_count(label) > _LABEL_WORDS or not text.startswith(","):
        return None
    m = _NAMES_TITLE_YEAR.fullmatch(text.strip(" ,"))
    if m is None:
        return None
    names, comma, title = m.group("head").rpartition(", ")
    if not comma or word_count(title) < _TITLE_WORDS or not authors_in(names):
        return None
    return Citation(names, title, "", int(m.group("year")))


def keyed_cited(text: str) -> Citation | None:
    """``**Lambda calculus**: Alonzo Church. "The Calculi of Lambda-Conversion" (1941)``.

    A bold key and its colon, then names and a quoted title closed by its year: the key is
    the topic the paper stands for, the citation after it the paper's. Only a quoted title
    with names before it: ``**Pond**: CXL-Based Memory Pooling ...`` is a paper's name and
    the rest of its title.
    """
    if '"' not in text and "“" not in text:
        return None  # most texts: no quoted title, so no pattern to try
    m = _KEYED.fullmatch(text.strip())
    if m is None:
        return _linked_reference(text.strip())
    if not authors_in(m.group("names")):
        return None
    title = m.group("title").strip()
    return Citation(m.group("names").strip(), title, f" ({m.group('year')})", int(m.group("year")))


# 'Alonzo Church. "The Calculi of Lambda-Conversion" (1941)', 'Timothy C. May, "..." (1992)'
_KEYED = re.compile(
    r"(?P<names>[^\"“”]{2,160}?)[.,]\s*[\"“](?P<title>[^\"“”]{2,400}?)[.,]?[\"”]\s*"
    r"\((?P<year>1[89]\d{2}|20\d{2})\)\.?"
)


# 'H. Yang, and L. Zhang, “Deploying Cryptography ...,” IEEE Trans. ..., 2011.': IEEE's style
_QUOTED_REFERENCE = re.compile(
    r"(?P<names>[^\"“”]{2,300}?),\s*[\"“](?P<title>[^\"“”]{2,400}?)[.,]?[\"”]\s*[.,]?\s*(?P<rest>.*)"
)


def _linked_reference(text: str) -> Citation | None:
    """A whole reference as a link's text: names, the quoted title, its venue and year.

    ``[M. S. Kang, S. B. Lee, and V. D. Gligor, “The Crossfire Attack,” presented at the 2013
    IEEE Symposium on Security and Privacy (SP), pp. 127–141.](url)``: the quoted words are
    the title, the names before them its authors, what follows them where it appeared.
    """
    m = _QUOTED_REFERENCE.fullmatch(text)
    if m is None or not authors_in(m.group("names")):
        return None
    rest = m.group("rest")
    year = last_year(rest)
    return Citation(m.group("names").strip(), m.group("title").strip(), f" {rest}", year)
