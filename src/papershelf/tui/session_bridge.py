"""The app's adapter to the session: its events become Textual messages for every screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

if TYPE_CHECKING:  # the app's first frame comes before the session's modules load
    from papershelf.services.session import Event

DEFAULT_SCREEN = "_default"
"""The id Textual gives the screen an app starts with (below the ones it pushes)."""


class SessionEvent(Message, bubble=False):
    """One event of the session (``papershelf.services.session``), delivered on the UI thread.

    It does not bubble: the app hands each event to the screens itself.
    """

    def __init__(self, event: Event) -> None:
        super().__init__()
        self.event = event


def forward(app: App[int], event: Event) -> None:
    """Hand ``event`` to each screen of the stack; each one takes what concerns it.

    Runs on the UI thread, so the screens see events in the order the session sent them.
    Textual's default screen under them all is left out: it shows nothing, and any message
    it handles makes it repaint the whole terminal through the screen above it (a second,
    full frame after every key whose change the session then writes).
    """
    for screen in app.screen_stack:
        if screen.id != DEFAULT_SCREEN:
            screen.post_message(SessionEvent(event))
