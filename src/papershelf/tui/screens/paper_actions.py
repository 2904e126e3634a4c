"""What the paper keys do besides changing state: links, clipboard and the user's editor.

Plain functions of the app and the paper, so the main screen delegates to them instead of
inheriting them, and each can be tested without a terminal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence

from textual.app import App, SuspendNotSupported

from papershelf.domain.models import Paper, PaperState
from papershelf.domain.state_ops import tags_changed
from papershelf.errors import PapershelfError
from papershelf.services.commands import AddTags, Command, RemoveTags, SameAs
from papershelf.services.editor import EDITOR_FAILED, edit_text
from papershelf.tui.display import clean, openable_url
from papershelf.tui.key_hints import key_named, keymap_of
from papershelf.tui.live_shelf import LiveShelf

# The dialogs and the exporters are imported where they are used: the first frame of the
# app needs neither (``tui.preload`` imports them once the list is on screen).

Say = Callable[..., None]
"""The screen's notification: ``say(message, severity="information")``."""


def same_paper(
    app: App[int],
    live: LiveShelf,
    paper: Paper | None,
    submit: Callable[[Command], object],
    say: Say,
) -> None:
    """The paper and its likeliest duplicate are one paper (undoable), or say there is none."""
    alike = live.possible(paper.id) if paper else ()
    if paper is None or not alike:
        return say("no possible duplicate of this paper (see papershelf duplicates)")
    submit(SameAs(paper.id, alike[0].id))
    undo = key_named(keymap_of(app), "undo")
    say(f"same paper as {alike[0].title} ({alike[0].id}); {undo} undoes")


def title_and_link(paper: Paper) -> str:
    """Title and main link on two lines, for ``y``; a link no browser should open is left out."""
    title = clean(paper.title)
    link = paper.main_link
    url = openable_url(link.url) if link else None
    return f"{title}\n{url}" if url else title


CLIPBOARD_TOOLS: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("wl-copy", (), "WAYLAND_DISPLAY"),
    ("xclip", ("-selection", "clipboard"), "DISPLAY"),
    ("xsel", ("--clipboard", "--input"), "DISPLAY"),
    ("pbcopy", (), None),
)
"""System clipboard tools: (program, arguments, the variable its display needs)."""


def launch_browser(url: str) -> bool:
    """Open ``url`` in the user's browser; False when no browser could be started."""
    import webbrowser  # on the first ``o``, not at start (it scans for browsers)

    try:
        return webbrowser.open(url)
    except webbrowser.Error:
        return False


def system_copy(text: str) -> str | None:
    """Put ``text`` on the system clipboard with the platform's tool; the tool's name, or None."""
    for program, args, needs in CLIPBOARD_TOOLS:
        if (needs is not None and not os.environ.get(needs)) or shutil.which(program) is None:
            continue
        try:
            done = subprocess.run(
                [program, *args], input=text.encode("utf-8"), capture_output=True, timeout=3
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return program
    return None


def open_url(app: App[int], url: str, say: Say) -> None:
    """Open a link in a worker; say "could not open" (and show it to copy) when nothing ran."""
    target = openable_url(url)
    if target is None:
        say(f"not opening {url}: only http and https links are opened", "warning")
        return

    from papershelf.tui.screens.dialogs import CopyDialog

    def work() -> None:
        if launch_browser(target):
            app.call_from_thread(say, f"opened {target}")
        else:
            app.call_from_thread(say, f"could not open {target}: no browser found", "warning")
            why = "No browser could be started to open this link"
            app.call_from_thread(app.push_screen, CopyDialog(target, "the link", why))

    app.run_worker(work, thread=True, group="browser", exit_on_error=False)


def copy_text(app: App[int], text: str, what: str, say: Say) -> None:
    """Copy through the terminal (OSC 52) and the system tool; unconfirmed: show it to copy.

    OSC 52 cannot be confirmed (tmux, for one, drops it by default), so only the system
    tool's success is reported as copied.
    """
    from papershelf.tui.screens.dialogs import CopyDialog

    app.copy_to_clipboard(text)

    def work() -> None:
        tool = system_copy(text)
        if tool is not None:
            app.call_from_thread(say, f"copied {what}")
        else:
            app.call_from_thread(app.push_screen, CopyDialog(text, what))

    app.run_worker(work, thread=True, group="clipboard", exit_on_error=False)


def open_main_link(app: App[int], paper: Paper, say: Say) -> None:
    link = paper.main_link
    if link is None:
        say("this paper has no link", "warning")
        return
    open_url(app, link.url, say)


def pick_link(app: App[int], paper: Paper, say: Say, note: str = "") -> None:
    """The paper's links, then those its note holds (rendered, they open with the mouse only)."""
    from papershelf.tui.note_links import note_links

    own = {link.url for link in paper.links}
    links = [*paper.links, *(link for link in note_links(note) if link.url not in own)]
    if not links:
        say("this paper has no link, nor its note", "warning")
        return

    from papershelf.tui.screens.dialogs import LinkPicker

    def chosen(url: str | None) -> None:
        if url is not None:
            open_url(app, url, say)

    app.push_screen(LinkPicker(paper.title, links), chosen)


def copy_title(app: App[int], paper: Paper, say: Say) -> None:
    copy_text(app, title_and_link(paper), "title and link", say)


def copy_bibtex(app: App[int], paper: Paper, live: LiveShelf, say: Say) -> None:
    """The entry an export writes for the paper: the same key, the same enrichment.

    A key is the whole catalog's (``export.citation_keys``): the first ``Y`` after a load
    works them out on a thread, the keys stay free, and the entry is copied when they are in.
    """
    if (keys := live.bibtex_keys()) is not None:
        return copy_text(app, live.bibtex_entry(paper, keys), "a BibTeX entry", say)
    job, of = live.bibtex_keys_job()

    def work() -> None:
        keys = job()
        app.call_from_thread(done, keys)

    def done(keys: dict[str, str]) -> None:
        if not live.keep_bibtex_keys(keys, of):  # loaded or enriched meanwhile: again
            return copy_bibtex(app, paper, live, say)
        say("")  # "working out…" is over, whether the copy is confirmed or shown to copy
        copy_text(app, live.bibtex_entry(paper, keys), "a BibTeX entry", say)

    say("working out the catalog's citation keys…")
    app.run_worker(work, name="citation keys", group="keys", thread=True, exit_on_error=False)


def copy_id(app: App[int], paper: Paper, say: Say) -> None:
    copy_text(app, paper.id, f"the id {paper.id}", say)


ACTIONS: dict[str, Callable[[App[int], Paper, LiveShelf, Say], None]] = {
    "open": lambda app, paper, _live, say: open_main_link(app, paper, say),
    "pick": lambda app, paper, live, say: pick_link(
        app, paper, say, live.shelf.state(paper.id).note
    ),
    "copy-title": lambda app, paper, _live, say: copy_title(app, paper, say),
    "copy-bibtex": copy_bibtex,
    "copy-id": lambda app, paper, _live, say: copy_id(app, paper, say),
}
"""What the main screen's ``paper(...)`` action does, by name."""


def edit_externally(app: App[int], note: str, say: Say) -> str | None:
    """The note after the user's editor ran on it (the app suspended), or None if unchanged.

    The editor runs exactly as for ``papershelf note --edit`` (``services.editor``).
    """
    failed: PapershelfError | None = None
    new: str | None = None
    try:
        with app.suspend():
            # Nothing may leave this block by an exception: Textual resumes the screen only
            # when it ends normally (an editor that cannot start left a blank, dead app).
            try:
                new = edit_text(note)
            except PapershelfError as exc:
                failed = exc
    except SuspendNotSupported:
        if not app.is_headless:
            say("this terminal cannot hand over to an editor: use n", "warning")
            return None
        try:
            new = edit_text(note)
        except PapershelfError as exc:
            failed = exc
    if failed is not None:
        say(str(failed), "error")
        return None
    if new is None:
        say(EDITOR_FAILED, "warning")
        return None
    return None if new == note else new


def ask_tags(
    app: App[int],
    papers: Sequence[Paper],
    state_of: Callable[[str], PaperState],
    known: Sequence[str],
    submit: Callable[[Command], object],
    say: Say,
    applied: Callable[[], None] = lambda: None,
) -> None:
    """The ``#`` prompt: tags to add or remove on ``papers``, as undoable commands.

    ``applied`` runs once the tags are sent (not when the dialog is closed without them).
    """
    from papershelf.tui.screens.dialogs import TagDialog

    ids = tuple(p.id for p in papers)
    current = list(dict.fromkeys(t for pid in ids for t in state_of(pid).tags))
    what = papers[0].title if len(papers) == 1 else f"{len(papers)} selected papers"

    def chosen(answer: tuple[tuple[str, ...], tuple[str, ...]] | None) -> None:
        if answer is None:
            return
        add, remove = answer
        try:  # the dialog refused a bad tag; still, a command never written is never queued
            commands: list[Command] = [AddTags(ids, add)] if add else []
            commands += [RemoveTags(ids, remove)] if remove else []
        except ValueError as exc:
            say(f"not a tag: {exc}", "warning")
            return
        report = tag_report(what, len(ids), [state_of(pid) for pid in ids], add, remove)
        for command in commands:
            submit(command)
        say(report)
        applied()

    app.push_screen(TagDialog(what, current, known), chosen)


def tag_report(
    what: str, count: int, states: Sequence[PaperState], add: Sequence[str], remove: Sequence[str]
) -> str:
    """``tags +a -b: what``, naming only the tags that change a paper, and what did not."""
    added, removed = tags_changed(states, add, remove)
    where = "this paper" if count == 1 else f"any of the {count} papers"
    parts = []
    if added or removed:
        words = [f"+{t}" for t in added] + [f"-{t}" for t in removed]
        parts.append(f"tags {' '.join(words)}: {what}")
    if there := [t for t in add if t not in added]:
        on = "this paper" if count == 1 else f"all {count} papers"
        parts.append(f"{_quoted('tag', there)} already on {on}")
    if missing := [t for t in remove if t not in removed]:
        parts.append(f"no {_quoted('tag', missing)} on {where}")
    return "; ".join(parts)


def _quoted(noun: str, tags: Sequence[str]) -> str:
    names = ", ".join(f"'{t}'" for t in tags)
    return f"{noun}s {names}" if len(tags) > 1 else f"{noun} {names}"
