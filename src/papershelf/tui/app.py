"""The Textual app: wires theme, keymap, palette and the main screen; ``run_app`` starts it."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.theme import Theme
from textual.worker import Worker

from papershelf.errors import PapershelfError
from papershelf.paths import Paths
from papershelf.services.settings import Config, load_theme, save_theme
from papershelf.tui import keys
from papershelf.tui.collector import settle_collector
from papershelf.tui.cover import Cover, Lifted
from papershelf.tui.key_order import KeyOrder
from papershelf.tui.keymap_check import load_app_config
from papershelf.tui.leaving import LeavingApp
from papershelf.tui.session_bridge import SessionEvent, forward

if TYPE_CHECKING:  # loaded after the first frame (``_begin``): the kept screen shows first
    from papershelf.services.last_screen import KeptScreen
    from papershelf.services.library import Library
    from papershelf.services.parse_child import ChildParser
    from papershelf.services.session import Event, Session
    from papershelf.tui.screens.main import MainScreen


def main_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (not before the list)."""
    from papershelf.tui.commands import MainCommands

    return MainCommands


NEVER_HELD = frozenset({"ctrl+q", "ctrl+c"})
"""Keys that act at once even while the catalog loads (Textual's quit and copy)."""

MOVE_WAIT_SECONDS = 0.5
"""How long the next key waits for an undo or redo to move the cursor to its paper."""


class PapershelfApp(LeavingApp):
    """Small on purpose: the main screen coordinates, the app only wires."""

    CSS_PATH = "app.tcss"
    TITLE = "papershelf"
    BINDINGS: ClassVar[list[BindingType]] = keys.APP_BINDINGS
    # Textual's own commands come from ours too (``MainCommands._system``), after the app's.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {main_commands}

    def __init__(
        self,
        library: Library | Callable[[], Library],
        paths: Paths,
        *,
        config: Config | None = None,
        first_run: bool = False,
        remember_theme: bool = True,
        library_label: str | None = None,
        settle_memory: bool = False,
        cover: KeptScreen | None = None,
    ) -> None:
        """``library``, or what opens it once the first frame is out (then ``cover`` shows)."""
        super().__init__()
        self.settle_memory = settle_memory
        """Call ``settle_collector`` once the first papers are drawn (the real app only: it
        changes the whole process, and a test process runs many apps)."""
        self.library_label = str(paths.library) if library_label is None else library_label
        self.paths = paths
        self.config = config or Config()
        self.first_run = first_run
        self.remember_theme = remember_theme
        self.load_error: str | None = None
        self._quit_asked = False
        self._quitting: Worker[None] | None = None
        self.notices: list[str] = []
        """Said as the papers first show (a new library in a folder that did not exist)."""
        self.exit_message: str | None = None
        """A line for stderr after the app closed (changes kept for the next start)."""
        self.cover = cover
        """The screen kept at the last quit (``services.last_screen``): the first frame."""
        self.typed = False
        """A key came (then the screen under the cover may differ from it for that)."""
        self.kept_screen: KeptScreen | None = None
        """The screen at a clean quit, for ``run_app`` to keep for the next start."""
        self.kept_size = (0, 0)
        """The size it was drawn at (columns, lines)."""
        self._library = library
        self.session: Session
        if not callable(library):  # tests and a start without a kept screen: at once
            self._start_session(library)
        self.keys = KeyOrder(
            self, self._handled, self._send_keys, holding=True, at_once=self._quits
        )
        """Keys one at a time, in order; held until the whole catalog shows (but a quit)."""

    def _start_session(self, library: Library) -> None:
        from papershelf.services.session import Session

        self.session = Session(library, lambda event: self.post_message(SessionEvent(event)))

    def compose(self) -> ComposeResult:
        if self.cover is not None:  # on Textual's default screen, under the main one
            yield Cover(self.cover)

    def on_mount(self) -> None:
        self._catch_leave_signals()
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self.remember_theme:
            theme = load_theme(self.paths.settings)
            if theme and theme in self.available_themes:
                self.theme = theme
            self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.cover is not None:
            self.call_after_refresh(self._begin)  # the kept screen's frame goes out first
        else:
            self._begin()

    def _begin(self) -> None:
        """The library (when not given), the session and the main screen."""
        from papershelf.services.remembered import load_view
        from papershelf.tui.screens.main import MainScreen

        if callable(self._library):
            try:
                self._start_session(self._library())
            except PapershelfError as exc:  # a damaged library file: its one-line message
                return self._fatal(str(exc))
        main = MainScreen(
            self.session,
            first=self.session.first_load(),  # from the cache, drawn in the first frame
            options=self.config.ui,
            first_run=self.first_run,
            library_path=self.library_label,
            on_fatal=self._fatal,
        )
        main.start.cover = self.cover
        if self.remember_theme:
            main.start.remembered = load_view(self.paths.settings)
        # Pushed once Textual's start-up batch is over: a frame drawn during it is dropped
        # (and the papers would wait for the next one).
        self.call_later(self._open, main)

    def _open(self, main: MainScreen) -> None:
        self.push_screen(main)
        if main.start.first is not None:
            self._settle(main.start.first)
        self.run_worker(self._release_keys(main), name="held keys", group="start")
        for notice in [*self.notices, *self.session.library.notices()]:  # a bad alias, say
            self.notify(notice, severity="warning", timeout=10, markup=False)
        # Started after the main screen is on the stack: the first event goes to it.
        self.session.start()

    def _quits(self, key: events.Key) -> bool:
        """Whether ``key`` quits: it need not wait for a catalog that takes seconds to load."""
        bound = self.screen.active_bindings.get(key.key)
        return bound is not None and bound.binding.action in ("quit", "app.quit")

    async def on_event(self, event: events.Event) -> None:
        """Keys go one at a time (``KeyOrder``), none before the whole catalog shows."""
        if isinstance(event, events.Key) and not event.is_forwarded and event.key not in NEVER_HELD:
            self.typed = True
            if not self.keys.take(event):
                return  # its turn comes when the key before it is done
            await super().on_event(event)
            if not event.is_forwarded:  # a priority binding took it: it will not come back
                self.keys.finished(event)
            return
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """A key back from the focused widget: its binding runs, then the next key may go."""
        event.prevent_default()  # Textual would call App._on_key again after this
        await super()._on_key(event)
        self.keys.finished(event)

    async def _release_keys(self, main: MainScreen) -> None:
        """The keys pressed while the catalog loaded act once it is in: on all of it."""
        await main.loaded.wait()
        self.keys.release()

    def _send_keys(self, sending: Awaitable[None]) -> None:
        self.run_worker(sending, name="keys", group="keys")

    async def _handled(self) -> None:
        """Until what is queued now has run, and what that queued in turn.

        Twice: a key queues a focus change, and the focus change queues its own work for
        after the next refresh (the search box selects its text once focused).
        """
        for _ in range(2):
            ran = asyncio.Event()
            self.call_later(lambda ran=ran: self.call_after_refresh(ran.set))
            await ran.wait()
        # An undo moves the cursor (and the focus) to its paper once the session applied
        # it: the next key acts after that, as it would have, typed a moment later.
        deadline = time.monotonic() + MOVE_WAIT_SECONDS
        moved = False
        while self._moving() and time.monotonic() < deadline:
            moved = True
            await asyncio.sleep(0.002)
        if moved:
            await self._handled()

    def _moving(self) -> bool:
        return any(s.live.moving() for s in self._mains())

    def on_session_event(self, message: SessionEvent) -> None:
        from papershelf.services.session import ConflictCopies
        from papershelf.tui.screens.conflicts import offer_merge

        event = message.event
        if isinstance(event, ConflictCopies):
            offer_merge(self, event.copies)
        self._settle(event)
        forward(self, event)

    def on_lifted(self, message: Lifted) -> None:
        """The kept screen was not the one drawn under it: not shown again (a flicker).

        Unless a key was typed: the keys typed meanwhile have acted by then.
        """
        if not message.same and not self.typed:
            from papershelf.services.last_screen import forget_screen

            logging.getLogger(__name__).info("the kept screen differed from the first one")
            forget_screen(self.paths)

    def _settle(self, event: Event) -> None:
        from papershelf.services.session import Loaded

        if isinstance(event, Loaded) and event.partial is None and self.settle_memory:
            self.settle_memory = False
            self.call_after_refresh(settle_collector)

    def _fatal(self, error: str) -> None:
        """The library could not be read: leave with its one-line message, never start fresh."""
        self.load_error = error
        self.exit(2, return_code=2)

    def _theme_changed(self, theme: Theme) -> None:
        self._save_theme(theme.name)

    @work(thread=True, group="settings", exclusive=True)
    def _save_theme(self, name: str) -> None:
        try:
            save_theme(self.paths.settings, name)
        except OSError as exc:
            self.call_from_thread(
                self.notify,
                f"could not remember the theme: {exc.strerror or exc}",
                severity="warning",
                markup=False,
            )

    def action_show_help(self) -> None:
        from papershelf.tui.screens.help import HelpScreen

        # Before it opens: the screen under the dialog, still drawn, drops its toasts too (an
        # import's result hid the keys at 80x24); the main screen's status line keeps it.
        self.clear_notifications()
        # Over triage or progress, that screen's keys come first: they were 130 lines down.
        self.push_screen(HelpScreen(self.config.keys, getattr(self.screen, "HELP_PLACE", "")))


def run_app(paths: Paths, *, new_folder: bool = False, parse: ChildParser | None = None) -> int:
    """Open the app on the library at ``paths``; 2 with a one-line error when it cannot.

    ``new_folder``: ``--data-dir`` named a folder that did not exist; the app says so.
    ``parse``: where stored lists are parsed when the catalog cache needs them.
    """
    from papershelf.services.last_screen import keep_screen, read_screen

    first_run = not paths.library.exists()
    size = _terminal_size()
    try:
        config = load_app_config(paths.config)
        # The screen left last time, when nothing it shows changed: it is the first frame,
        # and the library opens after it (the stamp vouches for the files it would check).
        cover = None if size is None else read_screen(paths, size)
        library: Library | Callable[[], Library] = (
            _open_library(paths, parse) if cover is None else lambda: _open_library(paths, parse)
        )
    except PapershelfError as exc:
        for line in exc.lines:
            print(f"papershelf: {line}", file=sys.stderr)
        return exc.exit_code
    if (stream := _not_a_terminal()) is not None:  # keys would never come
        print(
            f"papershelf: the app needs a terminal and {stream} is not one; "
            "give a command to run without it (papershelf --help)",
            file=sys.stderr,
        )
        return 2
    app = PapershelfApp(
        library, paths, config=config, first_run=first_run, settle_memory=True, cover=cover
    )
    if new_folder:
        app.notices.append(paths.new_folder_notice())
    result = app.run()
    kept = app.kept_screen
    if kept is not None and _terminal_size() == app.kept_size:  # drawn at the size it is now
        keep_screen(paths, app.kept_size, kept)
    if app.load_error is not None:
        print(f"papershelf: {app.load_error}", file=sys.stderr)
        return 2
    if app.exit_message is not None:
        print(f"papershelf: {app.exit_message}", file=sys.stderr)
    return app.return_code or (result or 0)


def _open_library(paths: Paths, parse: ChildParser | None) -> Library:
    """The library with its user's state read: a damaged file stops here, with its message."""
    from papershelf.services.library import Library

    library = Library(paths, parse=parse)
    library.states()
    return library


def _terminal_size() -> tuple[int, int] | None:
    try:
        columns, lines = os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1)
    except (OSError, ValueError):
        return None
    return columns, lines


def _not_a_terminal() -> str | None:
    """The stream the app reads keys from or draws on (Textual's) that is not a terminal."""
    for name, stream in (("standard input", sys.__stdin__), ("standard error", sys.__stderr__)):
        try:
            if stream is None or not stream.isatty():
                return name
        except (OSError, ValueError):  # closed
            return name
    return None
