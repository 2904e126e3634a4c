"""Candidates inside an HTML block: ``<li>`` entries and ``<table>`` rows, via ``html.parser``.

Hand-written HTML in lists is often sloppy (``<a>`` never closed, titles wrapped over lines),
so this is a tolerant event reader rather than a tree: an ``<li>`` or a cell ends whatever
link is still open.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from papershelf.catalog.candidate import Candidate
from papershelf.catalog.columns import TITLE_COLUMNS
from papershelf.catalog.spans import Span, add_text, text_of

_SKIP_CONTENT = frozenset({"script", "style"})
_PARTS = frozenset({"p", "div", "span"})
_TITLE_CLASS = re.compile(r"(?:^|\s)(?:paper-?)?title(?:\s|$)")


class _Reader(HTMLParser):
    def __init__(self, first_line: int, headings: tuple[tuple[int, str], ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.headings = headings
        self.out: list[Candidate] = []
        self.header: list[str] = []
        self.row: list[tuple[str, list[Span]]] | None = None
        self.row_line = 0
        self.row_items = 0
        self.in_row: list[Candidate] = []  # the row's ``<li>`` entries, until the row ends
        self.cell: list[Span] | None = None
        self.cell_is_head = False
        self.item: Candidate | None = None
        self.href: str | None = None
        self.label: list[str] = []
        self.strong = 0
        self.emph = 0
        self.skipping = 0
        self.titled: list[str] = []  # open elements whose class names them the title
        self.title_at = 0  # where in the item its classed title starts

    # where text goes -----------------------------------------------------------
    def _target(self) -> list[Span] | None:
        if self.item is not None:
            return self.item.spans
        return self.cell

    def _line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    def _close_link(self) -> None:
        target = self._target()
        if self.href is not None and target is not None:
            target.append(Span(" ".join("".join(self.label).split()), self.href, self.strong > 0))
        self.href, self.label = None, []

    def _close_item(self) -> None:
        self._close_link()
        if self.item is not None:
            if self.title_at:  # "<p>2019/05/01, Name</p><p class="title">Title</p>": title first
                head, self.title_at = self.item.spans[: self.title_at], 0
                self.item.spans[:] = [*self.item.spans[len(head) :], Span("\n", brk=True), *head]
            if self.item.spans:
                (self.in_row if self.row is not None else self.out).append(self.item)
            self.item = None

    def _column(self) -> str:
        index = len(self.row) if self.row is not None else 0
        return self.header[index] if index < len(self.header) else ""

    # events ----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_CONTENT:
            self.skipping += 1
        elif tag == "tr":
            self.row, self.row_line, self.row_items = [], self._line(), 0
        elif tag in ("td", "th"):
            self._close_item()
            self.cell, self.cell_is_head = [], tag == "th"
        elif tag == "li":
            self._close_item()
            row: list[tuple[str, list[Span]]] = (
                [(self._column(), [])] if self.row is not None else []
            )
            self.item = Candidate("html", self._line(), [], self.headings, row=row)
            self.row_items += 1
        elif tag == "a":
            self._close_link()
            self.href = dict(attrs).get("href") or ""
        elif tag in ("strong", "b"):
            self.strong += 1
        elif tag in ("em", "i"):
            self.emph += 1
        elif tag == "br":
            target = self._target()
            if target is not None and self.href is None:
                target.append(Span("\n", brk=True))
        elif tag in _PARTS and self.item is not None:
            self._part(tag, attrs)

    def _part(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A paragraph of an item is a line of it; one classed ``title`` is its title.

        ``<li class="paper"><p class="presentation">2019/05/01, Name</p><p class="title">Title
        </p><p class="authors">...</p>``: the page marks which part is the title, as bold would.
        """
        spans = self.item.spans if self.item is not None else []
        if tag != "span" and self.href is None and any(x.text.strip() for x in spans):
            spans.append(Span("\n", brk=True))
        if _TITLE_CLASS.search(dict(attrs).get("class") or ""):
            self.titled.append(tag)
            self.strong += 1
            self.title_at = self.title_at or len(spans)

    def handle_endtag(self, tag: str) -> None:
        if self.titled and tag == self.titled[-1]:
            self.titled.pop()
            self.strong = max(0, self.strong - 1)
        if tag in _SKIP_CONTENT:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "a":
            self._close_link()
        elif tag == "li":
            self._close_item()
        elif tag in ("strong", "b"):
            self.strong = max(0, self.strong - 1)
        elif tag in ("em", "i"):
            self.emph = max(0, self.emph - 1)
        elif tag in ("td", "th"):
            self._close_item()
            if self.cell is not None:
                if self.cell_is_head:
                    self.header.append(text_of(self.cell))
                elif self.row is not None:
                    self.row.append((self._column(), self.cell))
            self.cell = None
        elif tag == "tr":
            self._close_item()
            items, self.in_row = self.in_row, []
            if self.row is not None and (self.row_items == 0 or self._titled(items)):
                self.out.append(Candidate("row", self.row_line, [], self.headings, row=self.row))
            else:
                self.out.extend(items)
            self.row = None

    def _titled(self, items: list[Candidate]) -> bool:
        """Whether a row's title cell names its paper, its ``<li>`` only notes in other cells.

        ``<td><a href=...>Title</a></td><td><li><code>#Execution</code></li></td>``: one paper,
        tagged and summed up; ``<li>`` in the title column itself are papers of their own.
        """
        column = next((h for h in self.header if TITLE_COLUMNS[0].search(h)), None)
        if column is None or self.row is None:
            return False
        if any(k.row and k.row[0][0] == column for k in items):  # (no column: "<li>x <tr>")
            return False
        return any(h == column and any(x.is_link for x in spans) for h, spans in self.row)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.href is not None:
            self.label.append(data)
            return
        target = self._target()
        if target is not None:
            add_text(target, data, strong=self.strong > 0, emph=self.emph > 0)


def html_candidates(
    html: str, first_line: int, headings: tuple[tuple[int, str], ...]
) -> list[Candidate]:
    """The ``<li>`` entries and item-less table rows of one HTML block."""
    reader = _Reader(first_line, headings)
    reader.feed(_unclosed_as_text(html) if _UNCLOSED.search(html) else html)
    reader.close()
    reader._close_item()
    return reader.out


_UNCLOSED = re.compile(r"<(?=[^<>]*(?:<|\Z))")
"""A ``<`` that no ``>`` closes before the next ``<`` (each look ends there: linear)."""
_TAG = re.compile(r"""<[^<>"']*(?:(?:"[^"]{0,4000}"|'[^']{0,4000}')[^<>"']*)*>""")
"""A tag closed by its ``>``, a ``<`` inside a quoted value included (a value's length is
bounded: one unclosed quote is no scan of the rest of the block from every ``<``)."""


def _unclosed_as_text(html: str) -> str:
    """``<t <t <t ...`` with its unclosed ``<`` as text (``&lt;``), comments kept whole.

    ``html.parser`` rescans the rest of the block for each ``<`` that opens no tag it can
    finish (32 KB of them took 6 s, quadratic); as text each is read once, as the parser
    reads it in the end. A comment keeps its ``<``: ``<!-- <a href=...>Old</a> -->`` stays
    a comment, not an entry.
    """
    out: list[str] = []
    done = at = 0
    while (lt := html.find("<", at)) >= 0:
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            if end < 0:
                break  # an unclosed comment: the parser takes the rest as it is
            at = end + 3
            continue
        if (tag := _TAG.match(html, lt)) is not None:
            at = tag.end()  # a tag, its quoted values read whole: title="x<y" opens none
            continue
        out += [html[done:lt], "&lt;"]
        done = at = lt + 1
    return "".join([*out, html[done:]])
