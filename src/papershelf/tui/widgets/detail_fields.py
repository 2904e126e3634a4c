"""The detail pane's fields: the title, a grid of labelled values, the abstract; never markup."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.style import Style
from rich.table import Table
from rich.text import Text

from papershelf.domain.enrichment import NO_ENRICHMENT, Enrichment, shown_venue
from papershelf.domain.glyphs import STAR, STATUS_GLYPH, STATUS_WORD
from papershelf.domain.models import Paper, PaperState
from papershelf.tui.breaking import BreakingText
from papershelf.tui.display import clean, clean_block, openable_url

BREAK_AT_HYPHENS = frozenset({"Id", "Authors", "Also in", "List", "Lists", "DOI"})
"""Rows of ids, names and addresses, which wrap after a hyphen or slash, not mid-word."""


def _unbroken(name: str) -> str:
    """A person's name that no line breaks inside: ``Shi`` / ``Shaohuai`` read as two people."""
    return name.replace(" ", "\u00a0")


def _when(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return clean(at)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def short_link(url: str, width: int = 40) -> str:
    """``dl.acm.org/doi/pdf/10.1145/…``: the host and the start of the path, one line."""
    shown = url.split("://", 1)[-1].removeprefix("www.")
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def link_text(url: str) -> Text:
    """A short, clickable label whose link keeps the full URL (never cut in the middle).

    The label is one line, cut with an ellipsis at the column's width: folded, it read as two
    addresses. A URL that is not opened shows whole (it is no link to click).
    """
    target = openable_url(url)
    if target is None:
        return Text(f"{clean(url)}  (not opened: only http and https)")
    style = Style(link=target, underline=True)
    return Text(clean(short_link(url)), style, no_wrap=True, overflow="ellipsis")


def detail_fields(
    paper: Paper, state: PaperState, found: Enrichment = NO_ENRICHMENT
) -> list[tuple[str, str | Text]]:
    """(label, value) rows for the detail grid, user text cleaned; empty fields left out.

    ``found`` is what the enrichment sources said: richer authors, the published venue,
    citations and the open-access copy.
    """
    status = f"{STATUS_GLYPH[state.status]} {STATUS_WORD[state.status]}"
    if state.starred:
        status += f"   {STAR} starred"
    rows: list[tuple[str, str | Text]] = [
        ("Id", paper.id),
        ("Status", status),
        ("Tags", clean(", ".join(f"#{tag}" for tag in state.tags))),
        ("Authors", ", ".join(_unbroken(clean(name)) for name in _authors(paper, found))),
        ("Affiliations", clean("; ".join(paper.affiliations))),
        ("Venue", clean(shown_venue(paper.venue, found))),
        ("Also in", clean(", ".join(paper.also_venues))),
        ("Cited by", "" if found.citations is None else str(found.citations.value)),
        ("Topics", clean("; ".join(paper.topics))),
        ("Awards", clean("; ".join(paper.awards))),
        *(("Remark", clean(remark)) for remark in paper.remarks),
    ]
    if len(paper.lists) > 1:
        rows.append(("Lists", clean(" · ".join(paper.lists))))
    elif paper.lists:
        where = f", line\u00a0{paper.line}" if paper.line > 0 else ""  # 0: added by hand
        rows.append(("List", f"{clean(paper.lists[0])}{where}"))
    for link in paper.links:
        rows.append((clean(link.kind).capitalize() or "Link", link_text(link.url)))
    if found.oa_url is not None:
        rows.append(("Open copy", link_text(found.oa_url.value)))
    if found.doi is not None:
        rows.append(("DOI", found.doi.value))
    for change in reversed(state.history[-8:]):
        glyph = STATUS_GLYPH[change.status]
        rows.append(("History", f"{_when(change.at)}  {glyph} {STATUS_WORD[change.status]}"))
    return [(label, value) for label, value in rows if value]


def _authors(paper: Paper, found: Enrichment) -> tuple[str, ...]:
    """The list's authors, or the source's when it names more of them (in order)."""
    if found.authors is not None and len(found.authors.value) > len(paper.authors):
        return tuple(a.name for a in found.authors.value)
    return paper.authors


VALUES_AT_LEAST = 24
"""Columns the values keep beside the labels: a narrower pane puts a long label
(``Affiliations``) on a line of its own, above its value."""
LABEL_AT_MOST = 9
"""The widest label (``Open copy``) that always stays beside its value."""


def label_width(labels: list[str], width: int) -> int:
    """The label column's width in ``width`` columns: every label's, or the short ones'.

    At 100 columns the pane has about 24: ``Affiliations`` made the column 13 wide and left
    the values 11, so an id took six lines and authors one a line.
    """
    widest = max((cell_len(label) for label in labels), default=0)
    if width - widest - 1 >= VALUES_AT_LEAST:
        return widest
    return max((n for label in labels if (n := cell_len(label)) <= LABEL_AT_MOST), default=0)


class FieldGrid:
    """Labels beside their values, wrapped values kept in their column (``label_width``)."""

    def __init__(self, rows: list[tuple[str, RenderableType]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        column = label_width([label for label, _ in self.rows], options.max_width)
        grid = self._grid(column)
        for label, value in self.rows:
            if cell_len(label) > column:  # on its own line; the value below, in its column
                if grid.row_count:
                    yield grid
                yield Text(label, "dim", no_wrap=True, overflow="ellipsis")
                grid = self._grid(column)
                label = ""
            grid.add_row(Text(label), value)
        if grid.row_count:
            yield grid

    @staticmethod
    def _grid(column: int) -> Table:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(style="dim", no_wrap=True, width=column)
        grid.add_column(ratio=1, overflow="fold")
        return grid


def detail_renderable(
    paper: Paper,
    state: PaperState,
    found: Enrichment = NO_ENRICHMENT,
    alike: tuple[Paper, ...] = (),
) -> Group:
    """Title, then a two-column grid (wrapped values stay in their column); Text only.

    ``alike`` are papers that look like this one: the first is offered for ``=`` (same paper).
    """
    title = Text(clean(paper.title), "bold", end="")
    if paper.withdrawn:
        title.append("  (withdrawn)", "italic")
    if alike:
        other = alike[0]
        title.append("\n")
        title.append("Possible duplicate: ", "bold yellow")
        title.append(clean(f"{other.title} ({other.venue or 'no venue'}, {other.id})"))
        title.append("  = same paper", "dim")
        if len(alike) > 1:
            title.append(f" (+{len(alike) - 1} more: papershelf duplicates)", "dim")
    cells: list[tuple[str, RenderableType]] = []
    previous = ""
    for label, value in detail_fields(paper, state, found):
        shown = value if isinstance(value, Text) else Text(value)
        breaks = label in BREAK_AT_HYPHENS or (isinstance(value, Text) and not value.no_wrap)
        cell = BreakingText(shown) if breaks else shown  # a Text value is a link's address
        cells.append(("" if label == previous == "History" else label, cell))
        previous = label
    grid = FieldGrid(cells)
    if found.abstract is None:
        return Group(title, Text(""), grid)
    abstract = Text(clean_block(found.abstract.value).strip())
    source = Text(f"abstract from {found.abstract.source}", "dim italic")
    return Group(title, Text(""), grid, Text(""), abstract, source)
