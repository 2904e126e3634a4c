"""The status line: what narrows the list, how many papers show, what is selected."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from papershelf.tui.display import clean


def status_text(describe: str, shown: int, total: int, selected: int = 0, hint: str = "") -> Text:
    """``status: to-read · search: llm   12 of 76``; user text (the query) goes in as text."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(" ")
    text.append(clean(describe), "bold")
    text.append(f"   {shown} of {total}", "dim")
    if selected:
        text.append(f"   {selected} selected", "reverse")
    if hint:
        text.append("   ")
        text.append(hint, "italic")
    return text


class StatusLine(Static):
    """One line above the footer; the screen calls ``show``."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
    }
    """

    def show(
        self, describe: str, shown: int, total: int, selected: int = 0, hint: str = ""
    ) -> None:
        # Always one line high: a new text is a repaint, not a layout of the whole screen.
        self.update(status_text(describe, shown, total, selected, hint), layout=False)
