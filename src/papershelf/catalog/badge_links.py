"""Badges before an entry's title: what a reader skips to find the title, and the venue one shows.

``* [![Publish](.../badge/Conference-ICLR'22-blue)]() [![Star](...)](github) [Title](url).
Names. [[Paper]](url)``: the images linked first are marks of the entry (its venue, its
code's stars), not its title; the title is the first link with words. A badge whose own label
says what it shows (``Conference``, ``Journal``) shows the entry's venue.
"""

from __future__ import annotations

from papershelf.catalog.spans import Span


def title_first(spans: list[Span]) -> list[Span] | None:
    """The spans with the badges and image links before the first worded link moved after it.

    None unless the entry opens with them: a badge or a link with no words (an image's), then
    nothing but spaces up to a link with words. Badges go right after the title's link (the
    venue a badge shows is read there); image links with an address go last (links of the
    entry: a star badge's repository); an image linked to nothing (``]()``) goes.
    """
    first = spans[0] if spans else None
    if first is None or first.text.strip() or not (first.is_link or first.badge):
        return None
    i = next((k for k, s in enumerate(spans) if s.is_link and s.text.strip()), None)
    if i is None:
        return None
    if any(s.brk or (s.text.strip() and not s.is_link) for s in spans[:i]):
        return None  # words or a line before any worded link: not a badge-led entry
    lead = spans[:i]
    badges = [s for s in lead if s.badge and not s.is_link]
    linked = [s for s in lead if s.is_link and (s.href or "").strip()]
    return [spans[i], *badges, *spans[i + 1 :], *linked]
