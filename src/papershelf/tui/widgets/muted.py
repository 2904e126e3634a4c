"""Rich's ``dim`` drawn in the theme's muted text colour (``$text-muted``), readable everywhere.

Textual draws ``dim`` as the text colour blended into the background. In 16 colours a light
theme's blend became ANSI white: the detail pane's labels, the tree's counts and the dialogs'
hints were light grey on white. ``$text-muted`` is the theme's own colour for such text and
is chosen against the background, so it keeps its contrast in 16 colours, 256 and truecolor.
A widget names a component class styled ``color: $text-muted`` (``app.tcss``) and draws the
dim spans of its text in it.
"""

from __future__ import annotations

from typing import ClassVar, cast

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual.widget import Widget
from textual.widgets import Static

NOT_DIM = Style(dim=False)


def muted_style(widget: Widget, component: str) -> Style:
    """The colour of ``widget``'s ``component`` class, alone (the background shows through).

    Before its styles are known (a label measured while the widget is built), a null style:
    the dim text stays dim.
    """
    full = widget.get_component_rich_style(component, default=Style.null())
    return Style(color=full.color)


def _muted(style: str | Style, muted: Style) -> str | Style:
    parsed = Style.parse(style) if isinstance(style, str) else style
    return parsed + muted + NOT_DIM if parsed.dim else style


def undim(text: Text, muted: Style) -> Text:
    """``text`` with every dim span (and a dim base style) drawn in ``muted`` instead."""
    if muted.color is None:
        return text
    out = text.copy()
    out.style = _muted(text.style, muted)
    out.spans = [Span(span.start, span.end, _muted(span.style, muted)) for span in text.spans]
    return out


def undim_lines(lines: list[list[Segment]], muted: Style) -> list[list[Segment]]:
    """Rendered ``lines`` with every dim segment drawn in ``muted`` instead."""
    if muted.color is None:
        return lines
    return [
        [
            Segment(seg.text, seg.style + muted + NOT_DIM, seg.control)
            if seg.style is not None and seg.style.dim
            else seg
            for seg in line
        ]
        for line in lines
    ]


class MutedStatic(Static):
    """A ``Static`` whose Rich ``Text`` draws its dim spans in ``$text-muted``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"muted-static--dim"}

    def render(self) -> RenderableType:
        content = self.content
        if isinstance(content, Text):
            return undim(content, muted_style(self, "muted-static--dim"))
        return cast("RenderableType", super().render())
