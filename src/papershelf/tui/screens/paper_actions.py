"""What the paper keys do besides changing state: links, clipboard and the user's editor.

Plain functions of the app and the paper, so the main screen delegates to them instead of
inheriting them, and each can be tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, SuspendNotSupported

from papershelf.domain.models import Paper, PaperState
from papershelf.errors import PapershelfError
from papershelf.export import bibtex_entry
from papershelf.services.editor import edit_text
from papershelf.tui.display import clean, openable_url
from papershelf.tui.screens.dialogs import LinkPicker

Say = Callable[..., None]
"""The screen's notification: ``say(message, severity="information")``."""


def title_and_link(paper: Paper) -> str:
    """Title and main link on two lines, for ``y``; a link no browser should open is left out."""
    title = clean(paper.title)
    link = paper.main_link
    url = openable_url(link.url) if link else None
    return f"{title}\n{url}" if url else title


def open_url(app: App[int], url: str, say: Say) -> None:
    target = openable_url(url)
    if target is None:
        say(f"not opening {url}: only http and https links are opened", "warning")
        return
    app.open_url(target)
    say(f"opening {target}")


def open_main_link(app: App[int], paper: Paper, say: Say) -> None:
    link = paper.main_link
    if link is None:
        say("this paper has no link", "warning")
        return
    open_url(app, link.url, say)


def pick_link(app: App[int], paper: Paper, say: Say) -> None:
    if not paper.links:
        say("this paper has no link", "warning")
        return

    def chosen(url: str | None) -> None:
        if url is not None:
            open_url(app, url, say)

    app.push_screen(LinkPicker(paper.title, paper.links), chosen)


def copy_title(app: App[int], paper: Paper, say: Say) -> None:
    app.copy_to_clipboard(title_and_link(paper))
    say("copied title and link")


def copy_bibtex(app: App[int], paper: Paper, state: PaperState, say: Say) -> None:
    app.copy_to_clipboard(bibtex_entry(paper, state))
    say("copied a BibTeX entry")


def edit_externally(app: App[int], note: str, say: Say) -> str | None:
    """The note after the user's editor ran on it (the app suspended), or None if unchanged.

    The editor runs exactly as for ``papershelf note --edit`` (``services.editor``).
    """
    try:
        try:
            with app.suspend():
                new = edit_text(note)
        except SuspendNotSupported:
            if not app.is_headless:
                say("this terminal cannot hand over to an editor: use n", "warning")
                return None
            new = edit_text(note)
    except PapershelfError as exc:
        say(str(exc), "error")
        return None
    if new is None:
        say("the editor failed: the note is unchanged", "warning")
        return None
    return None if new == note else new
