"""A list's venue meta info: homepage, paper-list URL and acceptance rate."""

from __future__ import annotations

from dataclasses import dataclass

from papershelf.catalog.blocks import Block, Heading
from papershelf.catalog.inline import Piece, pieces_of, plain
from papershelf.catalog.links import normalize_url
from papershelf.catalog.venue import acceptance_rate

_PAPER_LIST_HEADINGS = ("paper list", "paper lists", "accepted papers", "program")


@dataclass(frozen=True, slots=True)
class Meta:
    homepage: str | None = None
    paper_list: str | None = None
    acceptance_rate: str | None = None


def _first_url(pieces: list[Piece]) -> str | None:
    for piece in pieces:
        if piece.href is not None and (url := normalize_url(piece.href)) is not None:
            return url
    return None


def read_meta(blocks: list[Block], *, before_line: int) -> Meta:
    """Meta info from the lines above the first paper.

    ``Homepage: <url>``, ``Paper list: ...``, and the lines of an ``Acceptance Rate`` section
    (or one ``Acceptance rate: 17.7% (= 65 / 368)`` line).
    """
    homepage: str | None = None
    paper_list: str | None = None
    rate_lines: list[str] = []
    section = ""
    for block in blocks:
        line = block.line
        if before_line and line >= before_line:
            break
        if isinstance(block, Heading):
            section = plain(pieces_of(block.inline)).casefold()
            continue
        inline = block.inline
        if inline is None:
            continue
        pieces = pieces_of(inline)
        text = plain(pieces)
        low = text.casefold()
        if low.startswith("homepage"):
            homepage = homepage or _first_url(pieces)
        elif low.startswith("paper list"):
            paper_list = paper_list or _first_url(pieces)
        elif section in _PAPER_LIST_HEADINGS and paper_list is None:
            paper_list = _first_url(pieces)
        if section.startswith("acceptance rate") or low.startswith("acceptance rate"):
            rate_lines.append(text)
    return Meta(homepage, paper_list, acceptance_rate(rate_lines))
