"""A publisher closing a citation is not its venue.

``In _Proceedings of the 2019 CHI Conference on Human Factors in Computing Systems_. ACM.``:
the reference styles of many fields end an entry with who printed it. ``ACM``, ``IEEE`` or
``MIT Press`` alone there names the publisher of the proceedings or journal before it, so a
careful reader takes the venue from those, or none, never ``ACM``. A publisher standing as
the whole of what follows a title (``[Title](url) ACM``) is left as it is.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import VenueGuess, venue_in

_PUBLISHER_TAIL = re.compile(
    r"(?<=[.)_*])\s*(?:ACM|IEEE|ACM Press|IEEE Press|IEEE Computer Society|MIT Press|Springer"
    r"|Elsevier(?: Science)?|Morgan Kaufmann|(?:Cambridge|Oxford) University Press)\s*\.?\s*$"
)


def without_publisher(rest: str) -> str:
    """The text after a title without a publisher sentence closing it (``... Systems_. ACM.``)."""
    return _PUBLISHER_TAIL.sub("", rest)


def venue_with_year(rest: str, year: int) -> VenueGuess | None:
    """``[Title](url), PODS`` after ``1998,``: PODS 1998; a publisher alone names no venue."""
    return venue_in(f"{without_publisher(rest).strip(' ,.;')} {year}")
