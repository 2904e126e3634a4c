"""The Textual app: wires theme, keymap, palette and the main screen; ``run_app`` starts it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from typing import ClassVar

from textual import events, on, work
from textual.binding import BindingType
from textual.command import Provider
from textual.system_commands import SystemCommandsProvider
from textual.theme import Theme
from textual.worker import Worker

from papershelf.domain.text import plural
from papershelf.errors import PapershelfError
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.parse_child import ChildParser
from papershelf.services.remembered import load_view, save_view
from papershelf.services.session import ConflictCopies, Event, Loaded, Session
from papershelf.services.settings import Config, load_config, load_theme, save_theme
from papershelf.tui import keys
from papershelf.tui.collector import settle_collector
from papershelf.tui.key_order import GIVE_UP_SECONDS as KEY_LANDS_SECONDS
from papershelf.tui.key_order import KeyOrder
from papershelf.tui.keymap_check import check_keymap
from papershelf.tui.screens.conflicts import offer_merge
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.screenshot import ScreenshotApp
from papershelf.tui.session_bridge import SessionEvent, forward


def main_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (not before the list)."""
    from papershelf.tui.commands import MainCommands

    return MainCommands


NEVER_HELD = frozenset({"ctrl+q", "ctrl+c"})
"""Keys that act at once even while the catalog loads (Textual's quit and copy)."""

MOVE_WAIT_SECONDS = 0.5
"""How long the next key waits for an undo or redo to move the cursor to its paper."""

KEYS_WAIT_SECONDS = 5.0
"""How long leaving waits for the keys typed before it (a note's last words) to arrive."""

LOAD_WAIT_SECONDS = 60.0
"""How long ``ctrl+q`` waits for a load the keys pressed meanwhile need (a cache rebuilt)."""

QUIT_WAIT_SECONDS = 3.0
"""How long ``q`` waits for the session to write what is queued before it asks again."""

LEAVE_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)
"""A closed terminal (hang-up) or a polite kill: leave as ``q`` does, the note saved."""


class PapershelfApp(ScreenshotApp):
    """Small on purpose: the main screen coordinates, the app only wires."""

    CSS_PATH = "app.tcss"
    TITLE = "papershelf"
    BINDINGS: ClassVar[list[BindingType]] = keys.APP_BINDINGS
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        main_commands,
        SystemCommandsProvider,
    }

    def __init__(
        self,
        library: Library,
        paths: Paths,
        *,
        config: Config | None = None,
        first_run: bool = False,
        remember_theme: bool = True,
        library_label: str | None = None,
        settle_memory: bool = False,
    ) -> None:
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
        self.session = Session(library, lambda event: self.post_message(SessionEvent(event)))
        self.keys = KeyOrder(
            self, self._handled, self._send_keys, holding=True, at_once=self._quits
        )
        """Keys one at a time, in order; held until the whole catalog shows (but a quit)."""

    def on_mount(self) -> None:
        self._catch_leave_signals()
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self.remember_theme:
            theme = load_theme(self.paths.settings)
            if theme and theme in self.available_themes:
                self.theme = theme
            self.theme_changed_signal.subscribe(self, self._theme_changed)
        main = MainScreen(
            self.session,
            first=self.session.first_load(),  # from the cache, drawn in the first frame
            options=self.config.ui,
            first_run=self.first_run,
            library_path=self.library_label,
            on_fatal=self._fatal,
        )
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

    async def _keys_of_the_load(self) -> None:
        """Keys pressed while the catalog loads (a star, a mark) act before ``ctrl+q`` leaves.

        ``q`` waits its turn behind them anyway; ``ctrl+q`` acts at once, and dropped them.
        """
        mains = [s for s in self.screen_stack if isinstance(s, MainScreen)]
        if mains and self.keys.holding and self.keys.waiting:
            self.notify("leaving once the keys pressed while loading have acted", markup=False)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(mains[0].loaded.wait(), LOAD_WAIT_SECONDS)

    def _moving(self) -> bool:
        return any(isinstance(s, MainScreen) and s.live.moving() for s in self.screen_stack)

    def on_unmount(self) -> None:
        self.session.stop()
        loop = asyncio.get_running_loop()
        for signum in LEAVE_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(signum)

    def _catch_leave_signals(self) -> None:
        """Closing the terminal must not lose the note typed in the last second."""
        loop = asyncio.get_running_loop()
        for signum in LEAVE_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._on_leave_signal, signum)

    def _on_leave_signal(self, signum: int) -> None:
        typed = self.keys.stop()  # no key acts from now on: a closed terminal sends nonsense
        leaving = self.leave_on_signal(signum, typed)
        self.run_worker(leaving, name="leave", group="leave", exclusive=True)

    async def leave_on_signal(self, signum: int, typed: list[events.Key]) -> None:
        """Type the keys still waiting into the note, save it, wait for the writes, leave.

        Not through the app's queue: after a hang-up each key took a second (its refresh
        never ends) and the layout shrank to 80x24 and took the editor's focus, so the
        letters became commands. Nobody can answer a question now: what still cannot be
        written goes to the pending-changes file at once (the next start applies it).
        """
        await self.keys.landed(time.monotonic() + KEY_LANDS_SECONDS)
        from papershelf.tui.widgets.note_editor import NoteEditor

        if isinstance(self.focused, NoteEditor):
            self.focused.type_keys(typed)
        await self._write_before_leaving()
        if signum == getattr(signal, "SIGHUP", None) and not self.is_headless:
            # The terminal is gone: nothing can restore it, and Textual's shutdown then
            # waited forever on its output thread (the process lived on after the hang-up).
            self._leave(128 + signum)
            logging.shutdown()
            os._exit(128 + signum)
        self._leave(128 + signum)

    @on(SessionEvent)
    def _from_session(self, message: SessionEvent) -> None:
        event = message.event
        if isinstance(event, ConflictCopies):
            offer_merge(self, event.copies)
        self._settle(event)
        forward(self, event)

    def _settle(self, event: Event) -> None:
        if isinstance(event, Loaded) and event.partial is None and self.settle_memory:
            self.settle_memory = False
            self.call_after_refresh(settle_collector)

    def _remember(self, screen: MainScreen) -> None:
        """Keep the view for the next run; a folder that refuses only costs the preference."""
        if not self.remember_theme or not screen.loaded.is_set():
            return
        with contextlib.suppress(OSError):
            save_view(self.paths.settings, screen.remembered())

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

    def _hand_over(self) -> None:
        """The note being typed goes to the session; the view is kept for the next run."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.save_typing()
                self._remember(screen)
            elif callable(save := getattr(screen, "save_typing", None)):
                save()  # a note dialog's text (triage's), as the main screen's note

    async def _write_before_leaving(self) -> None:
        """The keys typed before leaving, ``_hand_over``, then wait for the writes (a while).

        Runs in a worker, never in a key's handler: the keys still waiting their turn go
        through the app's message queue, which a handler that waits holds up.
        """
        await self.keys.drained(time.monotonic() + KEYS_WAIT_SECONDS)
        # A held key sent again comes from the app: Textual stops it as it bubbles back
        # here, and ``drained`` took it for done while its binding was still to run.
        await self._handled()
        self._hand_over()
        deadline = time.monotonic() + QUIT_WAIT_SECONDS
        while not self.session.idle and time.monotonic() < deadline:
            await asyncio.sleep(0.02)

    async def action_quit(self) -> None:
        """``q``, ``ctrl+q``, the palette's Quit: ``quit`` in a worker, one at a time."""
        if self._quitting is None or self._quitting.is_finished:
            self._quitting = self.run_worker(self.quit(), name="quit", group="leave")

    async def quit(self) -> None:
        """Save the note being typed and wait for the session to write, then leave.

        When changes still cannot be written, the first ``q`` says so and stays; the second
        keeps them in the pending-changes file (the next start applies them) and exits 1 with
        a line saying where they are.
        """
        if self._quit_asked:
            self._hand_over()
            return self._leave(0)
        await self._keys_of_the_load()
        await self._write_before_leaving()
        unwritten = self.session.unwritten()
        if not unwritten:
            return self._leave(0)
        self._quit_asked = True
        self.notify(
            f"{plural(len(unwritten))} not saved yet: press q again to quit and keep "
            "them for the next start",
            severity="error",
            timeout=15,
            markup=False,
        )

    def _leave(self, code: int) -> None:
        """Stop the session and exit with ``code``; unwritten changes kept for the next start."""
        self.session.stop()
        unwritten = self.session.unwritten()
        if not unwritten:
            self.exit(code, return_code=code)
            return
        kept = self.session.keep_unwritten()
        count = plural(len(unwritten))
        if kept is None:
            self.exit_message = f"{count} could not be written, nor kept anywhere: lost"
        else:
            self.exit_message = (
                f"{count} could not be written; kept in {kept} and applied at the next start"
            )
        self.exit(1, return_code=1)


def run_app(paths: Paths, *, new_folder: bool = False, parse: ChildParser | None = None) -> int:
    """Open the app on the library at ``paths``; 2 with a one-line error when it cannot.

    ``new_folder``: ``--data-dir`` named a folder that did not exist; the app says so.
    ``parse``: where stored lists are parsed when the catalog cache needs them.
    """
    first_run = not paths.library.exists()
    try:
        config = load_config(paths.config)
        check_keymap(config, str(paths.config))
        library = Library(paths, parse=parse)
        # Read the user's state now: a damaged file stops here with its message, before any
        # screen shows and long before anything could write to it.
        library.states()
    except PapershelfError as exc:
        print(f"papershelf: {exc}", file=sys.stderr)
        return exc.exit_code
    app = PapershelfApp(library, paths, config=config, first_run=first_run, settle_memory=True)
    if new_folder:
        app.notices.append(paths.new_folder_notice())
    result = app.run()
    if app.load_error is not None:
        print(f"papershelf: {app.load_error}", file=sys.stderr)
        return 2
    if app.exit_message is not None:
        print(f"papershelf: {app.exit_message}", file=sys.stderr)
    return app.return_code or (result or 0)
