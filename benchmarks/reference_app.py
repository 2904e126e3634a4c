"""The references the app is measured beside: a bare Textual app, started the same way.

    python -m benchmarks.reference_app start   # Header, one Static, Footer
    python -m benchmarks.reference_app echo    # an Input whose change updates a Static

The suite starts these in the same pseudo-terminal as papershelf, so a figure of the app is
also a ratio to what Textual alone costs on the same machine in the same run.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
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


def main(argv: list[str]) -> int:
    kind = argv[0] if argv else "start"
    app: App[None] = EchoApp() if kind == "echo" else StartApp()
    app.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
