"""Parsing markdown paper lists into papers; pure apart from reading a file."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from papershelf.domain.models import ParsedList


def parse_stored(text: str, *, source: str, venue: str | None) -> ParsedList:
    """``markdown_list.parse_list``, imported on the first call: most starts never parse."""
    from papershelf.catalog.markdown_list import parse_list

    return parse_list(text, source=source, venue=venue)
