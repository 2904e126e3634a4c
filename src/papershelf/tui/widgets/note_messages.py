"""What the note editor tells the screen, apart from the editor itself.

The screen handles these from its first frame on, while the editor (a TextArea, with its
document and theme modules) is imported and mounted only after the first papers show.
"""

from __future__ import annotations

from textual.message import Message


class SaveRequested(Message, namespace="note_editor"):
    """The text differs from what was last saved: store it."""

    def __init__(self, paper_id: str, text: str, base: str) -> None:
        super().__init__()
        self.paper_id = paper_id
        self.text = text
        self.base = base
        """What was saved before: a change made elsewhere since then is merged in."""


class Closed(Message, namespace="note_editor"):
    """The user is done editing (the text was saved first)."""

    def __init__(self, paper_id: str, changed: bool = False) -> None:
        super().__init__()
        self.paper_id = paper_id
        self.changed = changed
        """Whether the note differs from what the editor opened (a save was asked)."""
