"""An item that gives its paper's title, names and venue on lines of their own.

``* Universal Packet Scheduling`` / ``Radhika Mittal, Rachit Agarwal, and Sylvia Ratnasamy,
University of California, Berkeley; ...`` / ``NSDI 2016`` / ``22 pages [ pdf ](...)``: one
item, written over four lines (hard breaks or the writer's own wrapping). A careful reader sees
the title on the first line, the authors on the second and the venue on the third (or fourth);
the links on the later lines are the paper's. Read as one run of text, the names and the venue
would end up in the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from papershelf.catalog.candidate import Candidate
from papershelf.catalog.citation import names_like
from papershelf.catalog.fields import authors_in, is_generic, word_count
from papershelf.catalog.reference_lines import line_venue
from papershelf.catalog.spans import Span, split_lines, text_of
from papershelf.catalog.venue_text import VenueGuess

_MIN_TITLE_WORDS, _MAX_TITLE_WORDS = 3, 30
_WRAPPED = (60, 100)
"""The lengths of a wrapped text's lines: a field a line leaves a short one, or a long one."""
_PLACES = re.compile(r"\([^()]*\)")
"""``Bojie Li (USTC / Microsoft Research)``: a name's affiliation, not part of it."""


@dataclass(frozen=True, slots=True)
class Stacked:
    """The title line with the links of the item's other lines, its venue and its authors."""

    spans: list[Span]
    venue: VenueGuess | None
    authors: tuple[str, ...]


def stacked_item(c: Candidate) -> Stacked | None:
    """The title, names and venue of an item written a field a line; else None.

    The first line is a plain title (three to thirty words, no link, no emphasis, no closing
    stop), the second a list of names that is no venue; a venue on the third or fourth line is
    the paper's (none is needed: ``13 pages [ pdf ](...)`` after the names is a paper too).
    """
    if c.kind != "item" or not any(s.brk for s in c.spans):
        return None  # cheap: one line, as most items are
    lines = split_lines(c.spans)
    if len(lines) < 3 or any(s.is_link or s.strong or s.emph or s.badge for s in lines[0]):
        return None
    if all(_WRAPPED[0] <= len(text_of(ln)) <= _WRAPPED[1] for ln in lines[:-1]):
        return None  # one text wrapped at a width: every line but the last about as long
    if any(s.is_link and not is_generic(s.text) for ln in lines[1:] for s in ln):
        return None  # "... and Scott Shenker." / "[OpenFlow: Enabling ...](...)": a linked title
    title = text_of(lines[0]).strip()
    if title.endswith((".", ":", ",", ";")) or title.count("(") != title.count(")"):
        return None  # a sentence, a label, or a text broken inside its parentheses
    if not _MIN_TITLE_WORDS <= word_count(title) <= _MAX_TITLE_WORDS:
        return None
    names = text_of(lines[1]).strip()
    bare = _PLACES.sub("", names)
    if any(s.is_link for s in lines[1]) or len(bare.split()) < 2 or not names_like(bare):
        return None  # a name has two words at least: "Hints" is no byline
    if line_venue(names) is not None:
        return None  # "Title" / "NSDI 2016": the venue comes second, no names are given
    venue = next((v for ln in lines[2:4] if (v := line_venue(text_of(ln))) is not None), None)
    links = [s for ln in lines[1:] for s in ln if s.is_link]
    return Stacked([*lines[0], *links], venue, authors_in(bare))
