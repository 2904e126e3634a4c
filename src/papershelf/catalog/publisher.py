"""What closes a citation without naming its venue: a publisher, a dashed byline.

``In _Proceedings of the 2019 CHI Conference on Human Factors in Computing Systems_. ACM.``:
the reference styles of many fields end an entry with who printed it. ``ACM``, ``IEEE`` or
``MIT Press`` alone there names the publisher of the proceedings or journal before it, so a
careful reader takes the venue from those, or none, never ``ACM``. A publisher standing as
the whole of what follows a title (``[Title](url) ACM``) is left as it is.

``[Linear Scan Register Allocation](url) --MASSIMILIANO POLETTO, VIVEK SARKAR. 1999``: a dash
then names then a year is the byline and the year, as is ``(Names, JF Bastien, 2017)``; the
last names are no venue however they are cased.
"""

from __future__ import annotations

import re

from papershelf.catalog.dated_groups import journal_named
from papershelf.catalog.fields import authors_in
from papershelf.catalog.locators import PUBLISHER_YEAR
from papershelf.catalog.venue_text import VenueGuess, parse_venue, venue_in

_PUBLISHER_TAIL = re.compile(
    r"(?<=[.)_*])\s*(?:ACM|IEEE|ACM Press|IEEE Press|IEEE Computer Society|MIT Press|Springer"
    r"|Elsevier(?: Science)?|Morgan Kaufmann|(?:Cambridge|Oxford) University Press)\s*\.?\s*$"
)


# "--Jens Knoop, Oliver Rüthing, Bernhard Steffen. 1992", "-- G.J.Chaitin. 1982"; and
# "(Andreas Haas, Luke Wagner, JF Bastien, 2017)": the names and the year in one group.
_NAMES_GROUP = re.compile(r"^\s*\((?P<names>[^()]+),\s*(?:19|20)\d{2}\s*\)[\s.]*$")
_DASH_BYLINE = re.compile(
    r"^\s*(?:--|—|–)\s*(?P<names>[^.]+(?:\.[^.\d][^.]*)*)\.\s*(?:19|20)\d{2}\.?\s*$"
)


def without_publisher(rest: str) -> str:
    """The text after a title without a publisher sentence closing it (``... Systems_. ACM.``).

    A byline and its year (``--A, B. 1999``, ``(A, B, 1999)``) leave nothing: no venue there.
    """
    byline = _DASH_BYLINE.match(rest)
    if byline is None and (group := _NAMES_GROUP.match(rest)) is not None:
        byline = None if journal_named(group.group("names")) else group  # "(Science, 2011)"
    if byline is not None and authors_in(names := byline.group("names")) and not parse_venue(names):
        return ""
    if "," in rest and rest.rstrip(" .")[-1:].isdigit():  # "... Springer, Cham, 2017."
        rest = PUBLISHER_YEAR.sub(" ", rest)
    return _PUBLISHER_TAIL.sub("", rest)


def venue_with_year(rest: str, year: int) -> VenueGuess | None:
    """``[Title](url), PODS`` after ``1998,``: PODS 1998; a publisher alone names no venue."""
    return venue_in(f"{without_publisher(rest).strip(' ,.;')} {year}")
