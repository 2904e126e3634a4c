"""Sections a list gives to what is not papers: ``## Tools``, ``### Books``, ``Projects``.

An entry there is no paper unless something vouches for it (a venue, a paper link); a code
host's link in a tools section is a tool. A research topic that opens with such a word
(``Software Security``, ``Software-Defined Networking``) is no such section.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A section the list gives to what is not papers: "3 Open-Source Projects", "Books", "Courses",
# "External Reading Lists".
_SOFTWARE = (
    r"software(?![\s-]+(?:security|engineering|testing|verification|analysis|reliability|"
    r"quality|evolution|maintenance|defined|faults?|bugs?|vulnerabilit))"
)
"""A section of software, not "Software Security" or "Software-Defined Networks": topics."""
_ASIDE_SECTION = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:open[- ]source\s+|related\s+|other\s+|useful\s+|"
    r"external\s+|tech(?:nical)?\s+)?"
    r"(?:projects?|tools?|" + _SOFTWARE + r"|librar(?:y|ies)|frameworks?|repositor(?:y|ies)|"
    r"codes?|books?|"
    r"courses?|blogs?|tutorials?|videos?|lectures?(?!\s*\d)|meta[- ]lists?|websites?|people|"
    r"(?:invited\s+)?talks?|keynotes?|panels?|presentations?|slides|white[- ]?papers?|"
    r"researchers|(?:reading\s+)?lists)"
    r"\b(?!.*\bpapers?\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def aside(section: str, outer: tuple[str, ...]) -> bool:
    """Whether an entry sits in a part of the list given to what is not papers.

    ``## Tools`` over ``### Profilers``: the tools' section holds the profilers too.
    """
    if section and _ASIDE_SECTION.match(section):
        return True
    return any(_ASIDE_OUTER.match(s) for s in outer if s)


# An outer heading given to what is not papers: "## Tools" over "### Profilers". Lectures,
# courses and talks are not among them: their sub-sections hold the readings.
_ASIDE_OUTER = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:open[- ]source\s+|related\s+|other\s+|useful\s+)?"
    r"(?:projects?|tools?|" + _SOFTWARE + r"|librar(?:y|ies)|frameworks?|repositor(?:y|ies)|"
    r"books?|"
    r"blogs?|websites?|white[- ]?papers?)\b(?!.*\bpapers?\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def tools_place(outer: tuple[str, ...]) -> bool:
    return any(_TOOLS_SECTION.match(s) for s in outer if s)


_TOOLS_SECTION = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:open[- ]source\s+|related\s+|other\s+|useful\s+)?"
    r"(?:projects?|tools?|" + _SOFTWARE + r"|librar(?:y|ies)|frameworks?|repositor(?:y|ies)|"
    r"codes?)\b",
    re.IGNORECASE,
)


_OPEN_SOURCE = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?open[- ]?source\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def open_source_place(section: str, outer: tuple[str, ...]) -> bool:
    """``## Open Source System``: its entries are systems by name (``PyG [[Repo]] [[Paper]]``).

    A short name there is the software even where a link to its paper follows it.
    """
    return any(_OPEN_SOURCE.match(s) for s in (section, *outer) if s)
