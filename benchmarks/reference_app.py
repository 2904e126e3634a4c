"""The references the app is measured beside: a bare Textual app, started the same way.

    python -m benchmarks.reference_app start   # Header, one Static, Footer
    python -m benchmarks.reference_app echo    # an Input whose change updates a Static
    python -m benchmarks.reference_app layout  # papershelf's layout, filled with plain text

The suite starts these in the same pseudo-terminal as papershelf, so a figure of the app is
also a ratio to what Textual alone costs on the same machine in the same run.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Input, Static

START_TEXT = "Reference paper on screen"


def echo_text(value: str) -> str:
    """What the echo app shows for the Input's value (the suite waits for it)."""
    return f"typed {len(value)}: {value}|"


class StartApp(App[None]):
    """The start-up reference: what a first frame with some text costs in Textual."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(START_TEXT)
        yield Footer()


class EchoApp(App[None]):
    """The key reference: a keystroke in an Input echoed in a Static."""

    BINDINGS = [("escape", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="typed")
        yield Static(echo_text(""), id="echo")
        yield Footer()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(echo_text(event.value))


LAYOUT_KEYS = (
    ("q", "Quit"),
    ("question_mark", "Keys"),
    ("t", "To read"),
    ("r", "Read"),
    ("s", "Star"),
    ("u", "Undo"),
    ("slash", "Search"),
    ("n", "Note"),
    ("T", "Triage"),
    ("p", "Progress"),
)
"""The keys papershelf's footer shows on its main screen (the palette key is Textual's)."""

LAYOUT_ROW = "   \N{MIDDLE DOT}      {title:<56} {venue:<14}"


def layout_rows(count: int) -> str:
    """A paper list's worth of rows, the first holding ``START_TEXT`` (what is waited for)."""
    titles = [START_TEXT] + [f"Paper {i}: A Title About Systems for Learning" for i in range(count)]
    return "\n".join(LAYOUT_ROW.format(title=t, venue="ASPLOS 2025") for t in titles[:count])


class LayoutApp(App[None]):
    """Textual's own cost of papershelf's screen: the same panes, text and footer, no data.

    A header, a tree pane, a list of rows, a detail pane, a status line and a footer of the
    same ten keys, each pane with the top border and title papershelf draws: what a first
    frame of this layout costs before papershelf reads, imports or computes anything.
    """

    CSS = """
    #panes { height: 1fr; }
    #nav, #list, #detail { border-top: hkey $panel-lighten-2; border-title-align: left; }
    #nav { width: 30; }
    #list { width: 1fr; border-right: vkey $panel-lighten-2; }
    #list Static { text-wrap: nowrap; text-overflow: ellipsis; }
    #detail { width: 40; }
    #status { height: 1; background: $panel; }
    """
    BINDINGS = [Binding(k, "quit" if k == "q" else f"noop('{k}')", t) for k, t in LAYOUT_KEYS]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            nav = Static("\n".join(["All papers 0/76", "Starred", "To read", "Read"] * 3), id="nav")
            nav.border_title = "Venues · topics"
            yield nav
            with Vertical(id="list"):
                yield Static(layout_rows(60))
            detail = Static(
                "\n".join([START_TEXT, "Id  paper-0", "Status  unread"] * 6), id="detail"
            )
            detail.border_title = "Paper"
            yield detail
        yield Static("all papers   76 of 76   t to-read · r read · / search · ? help", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#list").border_title = "Papers"

    def action_noop(self, key: str) -> None:
        """The footer's other keys do nothing here."""


def main(argv: list[str]) -> int:
    kind = argv[0] if argv else "start"
    apps: dict[str, type[App[None]]] = {"echo": EchoApp, "layout": LayoutApp}
    app: App[None] = apps.get(kind, StartApp)()
    app.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
