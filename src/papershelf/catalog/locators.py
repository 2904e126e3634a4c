"""Where in a journal a paper stands: its volume, issue and pages, no part of the venue.

``Communications of the ACM 15(3), March 1972.``, ``ACM SIGOPS Operating Systems Review
29(5):237-250 · December 1995``, ``Communications of the ACM, Vol. 13, No. 4, April 1970, pp.
238-241, 250.``: a careful reader writes down the journal and the year, and leaves the
volume ``15(3)``, the pages ``237-250`` and the month (``March``) to the citation, and reads
``SOSP07, 2007`` (the year glued to the series, then said again) as SOSP 2007, and ``In
Communications of the ACM`` as the journal's name.
"""

from __future__ import annotations

import re

# "15(3)", "29(5):237-250", "7(4)", "32(2): 374:382": a volume and its issue, maybe its pages
# after a colon.
# (From a run's first space only: tried from each of a long run, the search is quadratic.)
_VOLUME_ISSUE = re.compile(
    r"(?<!\s)\s+\d{1,4}\s*\(\d{1,4}(?:[-–]\d{1,4})?\)(?::\s*\d{1,6}(?:\s*[-–:]\s*\d{1,6})?)?"
)
# ", pp. 238-241, 250", ", 1053-1058.", ", pp 321–359.": the pages that close a citation
_PAGES = re.compile(
    r",(?<!\s)\s*(?:pp?\.?\s*)?\d{1,6}\s*[-–]\s*\d{1,6}(?:,\s*\d{1,6})*\.?\s*$"
    r"|,(?<!\s)\s*pp?\.?\s*\d{1,6}\.?\s*$"
)
_PAGES_TAIL = 60
_DOT_SEPARATOR = re.compile(r"(?<!\s)\s*·\s*")
_GLUED_STOP = re.compile(r"(?<=[a-z])\.(?=[A-Z]{2})")  # "Paul Hudak.ACM TOCS": two sentences
_GLUED_COMMA = re.compile(r"(?<=[a-z.]),(?=[A-Z])")  # "Robert T. Morris,OSDI 2018"
# "SOSP07, 2007", "OSR2007, 2007", "SIGOPS ’95, 1995": the year glued to the series, then said
# again: the series and the year once
_YEAR_TWICE = re.compile(r"\b([A-Za-z]{2,})\s?['’]?(\d{2}|(?:19|20)\d{2}),\s*((?:19|20)(\d{2}))\b")
# "March 1972", "Nov 1989", "Feb. 1991": the month the issue came out, before its year
_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+(?=(?:19|20)\d{2}\b)"
)


# ". Vol. 34. No. 04. 2020.": Google Scholar's MLA for a proceedings in volumes (AAAI)
_VOL_NO = re.compile(r"(?<=\.)\s*Vol\.\s*\d{1,4}\.(?:\s*No\.\s*\d{1,4}\.)?")


def without_volume(text: str) -> str:
    """A proceedings' volume and number before the year go: ``Venue. Vol. 34. No. 04. 2020.``."""
    return _VOL_NO.sub("", text) if "Vol." in text else text


def without_locators(text: str) -> str:
    """The citation's text without a journal's volume, issue and pages."""
    text = without_volume(text)
    if "(" in text:
        text = _VOLUME_ISSUE.sub("", text)
    if "." in text:
        text = _GLUED_STOP.sub(". ", text)
    if "," in text:
        text = _YEAR_TWICE.sub(_once, _GLUED_COMMA.sub(", ", text))
    if "·" in text:
        text = _DOT_SEPARATOR.sub(", ", text)
    if "-" in text or "–" in text or "p" in text:  # the pages close it: only its end is read
        text = text.rstrip()
        cut = max(0, len(text) - _PAGES_TAIL)
        text = text[:cut] + _PAGES.sub("", text[cut:])
    text = _MONTH.sub("", text)
    return _IN.sub("", text) if "In " in text or "In:" in text else text


# ". Springer, Cham, 2017.", ". IEEE, 2016.", ". PMLR, 2018." (Google Scholar's MLA): the house,
# where it sits, then the year it printed
# ("Toronto, Canada: ACM"; place names of at most 40 letters: "[\w'’-]+" ran on over
# "_Word_Word_..." from each "_", a scan of the whole line from every one of them)
PUBLISHER_YEAR = re.compile(
    r"(?<=[.)_*])\s*(?:[A-Z][\w'’-]{1,40}(?:,\s*[A-Z][\w'’ -]{1,40}){0,2}:\s*)?"
    r"(?:ACM|IEEE|Springer(?:-Verlag)?|Elsevier|USENIX(?: Association)?|PMLR|OpenReview(?:\.net)?"
    r"|AAAI Press|MIT Press|Curran Associates(?:,? Inc\.)?)"
    r"(?:,\s*[A-Z][\w'’-]{1,40}(?:\s[A-Z][\w'’-]{1,40})?){0,3},\s*(?=(?:19|20)\d{2}\.?\s*$)"
)
# "..., 1981." closing the citation once its pages are cut ("1982, 4(3): 382-401." leaves "1982,.")
_CLOSING_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})[.,;]*\s*$")
# "SOSP 1967, In Communications of the ACM": where the paper was printed, the "In" no name
_IN = re.compile(r"(?:^|(?<=,\s)|(?<=\.\s))In:?\s+(?=[A-Z])")


def closing_year(cleaned: str) -> int | None:
    """The year that closes a citation cleaned of its locators (``..., 1981.``)."""
    m = _CLOSING_YEAR.search(cleaned[-12:])
    return int(m.group(1)) if m else None


def _once(m: re.Match[str]) -> str:
    same = m.group(2) in (m.group(3), m.group(4))
    return f"{m.group(1)}, {m.group(3)}" if same else m.group(0)
