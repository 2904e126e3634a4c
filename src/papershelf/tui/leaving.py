"""How the app leaves: the note being typed saved, the writes waited for, the screen kept.

``q``, ``ctrl+q``, a closed terminal or a polite kill all leave through here; changes that
still cannot be written go to the pending-changes file, and a clean quit keeps the screen for
the next start's first frame (``services.last_screen``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import time
from typing import TYPE_CHECKING

from textual import events
from textual.worker import Worker

from papershelf.domain.text import plural
from papershelf.paths import Paths
from papershelf.tui.cover import Cover, screen_lines
from papershelf.tui.key_order import GIVE_UP_SECONDS as KEY_LANDS_SECONDS
from papershelf.tui.key_order import KeyOrder
from papershelf.tui.screenshot import ScreenshotApp

if TYPE_CHECKING:
    from papershelf.services.last_screen import KeptScreen
    from papershelf.services.session import Session
    from papershelf.tui.screens.main import MainScreen

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


class LeavingApp(ScreenshotApp):
    """The app's ways out; ``PapershelfApp`` sets what they use (its session, keys, paths)."""

    session: Session
    keys: KeyOrder
    paths: Paths
    remember_theme: bool
    kept_screen: KeptScreen | None
    kept_size: tuple[int, int]
    exit_message: str | None
    _quit_asked: bool
    _quitting: Worker[None] | None

    async def _handled(self) -> None:
        """Until the keys sent so far have acted (``PapershelfApp`` knows how)."""
        raise NotImplementedError

    async def _keys_of_the_load(self) -> None:
        """Keys pressed while the catalog loads (a star, a mark) act before ``ctrl+q`` leaves.

        ``q`` waits its turn behind them anyway; ``ctrl+q`` acts at once, and dropped them.
        """
        mains = self._mains()
        if mains and self.keys.holding and self.keys.waiting:
            self.notify("leaving once the keys pressed while loading have acted", markup=False)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(mains[0].loaded.wait(), LOAD_WAIT_SECONDS)

    def _mains(self) -> list[MainScreen]:
        from papershelf.tui.screens.main import MainScreen

        return [s for s in self.screen_stack if isinstance(s, MainScreen)]

    @property
    def started(self) -> bool:
        """Whether the session exists (not yet while the kept screen shows)."""
        return "session" in self.__dict__

    def on_unmount(self) -> None:
        if self.started:
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

    def _remember(self, screen: MainScreen) -> None:
        """Keep the view for the next run; a folder that refuses only costs the preference."""
        if not self.remember_theme or not screen.loaded.is_set():
            return
        from papershelf.services.remembered import save_view
        from papershelf.tui.screens import memory

        view = memory.remembered(screen.shelf_view, screen.nav, screen.panes)
        with contextlib.suppress(OSError):
            save_view(self.paths.settings, view)

    def _hand_over(self) -> None:
        """The note being typed goes to the session; the view is kept for the next run."""
        mains = self._mains()
        for main in mains:
            main.save_typing()
            self._remember(main)
        for screen in self.screen_stack:
            if screen not in mains and callable(save := getattr(screen, "save_typing", None)):
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
        while self.started and not self.session.idle and time.monotonic() < deadline:
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
        unwritten = self.session.unwritten() if self.started else []
        if not unwritten:
            await self._keep_screen()
            return self._leave(0)
        self._quit_asked = True
        self.notify(
            f"{plural(len(unwritten))} not saved yet: press q again to quit and keep "
            "them for the next start",
            severity="error",
            timeout=15,
            markup=False,
        )

    async def _keep_screen(self) -> None:
        """The screen as the next start draws it first: the list focused, no toast or message.

        Only the main screen, loaded and alone on the stack, is kept; ``run_app`` writes it.
        """
        mains = self._mains()
        if not mains or self.screen is not mains[0] or not mains[0].loaded.is_set():
            return
        if mains[0].query(Cover):
            return
        from papershelf.services.last_screen import KeptScreen
        from papershelf.tui.widgets.status_line import StatusLine

        mains[0].paper_list.focus()  # as a start leaves it, with no message yet
        status = mains[0].query_one(StatusLine)
        status.flash("", None)
        self.clear_notifications()
        await self._handled()
        lines = screen_lines(self.screen)
        if lines is None:
            return
        self.kept_screen = KeptScreen(lines, status.region.y, status.figures_width())
        self.kept_size = (self.size.width, self.size.height)

    def _leave(self, code: int) -> None:
        """Stop the session and exit with ``code``; unwritten changes kept for the next start."""
        if not self.started:
            self.exit(code, return_code=code)
            return
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
