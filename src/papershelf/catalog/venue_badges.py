"""The venue a shields.io badge shows when its own label says so (``Conference-ICLR'22-blue``).

``![Publish](https://img.shields.io/badge/Conference-ICLR'22-blue)``: the alt text names the
badge, its label the kind of thing it shows, its message the entry's venue.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_VENUE_BADGE = re.compile(
    r"/badge/(?:conference|journal|venue|publish(?:ed)?|publication|accepted|pub)-"
    r"((?:[^/-]|--)+)-[^/-]+(?:\.svg)?$",
    re.IGNORECASE,
)
"""``/badge/Conference-ICLR'22-blue``: a shields.io path badge whose label names a venue kind."""


def venue_badge(src: str) -> str | None:
    """The venue a ``Conference-ICLR'22-blue`` badge shows (``ICLR'22``), else None."""
    if "/badge/" not in src or "shields.io" not in src:
        return None
    found = _VENUE_BADGE.search(src.split("?", 1)[0])
    if found is None:
        return None
    shown = unquote(found.group(1)).replace("--", "-").replace("_", " ")
    return " ".join(shown.split()) or None
