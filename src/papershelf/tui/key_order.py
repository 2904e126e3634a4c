"""Keys in the order they were typed, each sent where the one before it left the focus.

Textual sends a key to the focused widget as soon as the app reads it, and runs the key's
binding when the key comes back up to the app. Keys read together (a paste without
bracketed paste, fast typing over a slow link, a key held down) were all sent before the
first one's binding ran: after ``/``, the letters of a search went to the list and marked
papers. The app hands every key to ``KeyOrder``: while one is on its way, or while the
catalog loads, the next ones wait, and go one by one once the one before has had its
effect (its binding, the focus it moved, and what that focus change queued in turn).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Protocol

from textual import events

POLL_SECONDS = 0.002
"""How often a waiting key looks whether the one before it is done."""
GIVE_UP_SECONDS = 0.5
"""A key that never comes back (its widget went away) stops holding the others after this."""


class KeyApp(Protocol):
    """What ``KeyOrder`` needs of the app."""

    def post_message(self, message: events.Key) -> bool: ...


class KeyOrder:
    """Which key may go now; the others wait their turn here."""

    def __init__(
        self,
        app: KeyApp,
        handled: Callable[[], Awaitable[None]],
        start: Callable[[Awaitable[None]], object],
        *,
        holding: bool = False,
        at_once: Callable[[events.Key], bool] = lambda key: False,
    ) -> None:
        self._app = app
        self._at_once = at_once
        """Keys that need not wait for the catalog (quit) when no key waits before them."""
        self._handled = handled
        """Until what the app has queued now has run, and what that queued in turn."""
        self._start = start
        """Runs the coroutine that sends the waiting keys (a worker of the app)."""
        self.holding = holding
        """Every key waits (the catalog is loading) until ``release``."""
        self.waiting: deque[events.Key] = deque()
        self._current: events.Key | None = None
        self._sent: set[int] = set()
        """``id`` of the keys this sends itself: they go at once when they arrive."""
        self._taken = asyncio.Event()
        self._posted: events.Key | None = None
        """The key sent and not taken yet (on its way through the app's queue)."""
        self.sending = False

    def take(self, key: events.Key) -> bool:
        """True when the app handles ``key`` now; False when it waits here for its turn."""
        if id(key) in self._sent:
            self._sent.discard(id(key))
            self._posted = None
        elif (self.holding and (self.waiting or not self._at_once(key))) or (
            self.sending or self._busy()
        ):
            self.waiting.append(key)
            self._send_soon()
            return False
        self._current = key
        self._taken.set()
        return True

    def finished(self, key: events.Key) -> None:
        """``key`` has come back to the app and its binding ran (or a priority one took it)."""
        if key is self._current:
            self._current = None

    async def drained(self, deadline: float) -> None:
        """Until the keys waiting now have all been sent and taken (by ``deadline``).

        Leaving does this first: the letters typed before ``ctrl+q`` (which acts at once) or
        a signal reach the note editor before its text is saved. Held keys (the catalog is
        loading) never go: no note can be open then.
        """
        while (self.waiting or self.sending or self._busy()) and not self.holding:
            if time.monotonic() >= deadline:
                return
            await asyncio.sleep(POLL_SECONDS)

    def stop(self) -> list[events.Key]:
        """No key goes from now on; the keys that were waiting, in order (the app leaves)."""
        self.holding = True
        typed = list(self.waiting)
        self.waiting.clear()
        return typed

    async def landed(self, deadline: float) -> None:
        """Until the key already sent has had its effect (by ``deadline``): the next go after it."""
        while (self._posted is not None or self._busy()) and time.monotonic() < deadline:
            await asyncio.sleep(POLL_SECONDS)

    def release(self) -> None:
        """The catalog is in: the keys held meanwhile go, in order."""
        self.holding = False
        self._send_soon()

    def _busy(self) -> bool:
        key = self._current
        # A widget that uses a key stops it (an input's letter): it is done, and will not
        # come back to the app.
        return key is not None and not key._stop_propagation

    def _send_soon(self) -> None:
        if not self.sending and not self.holding and self.waiting:
            self.sending = True
            self._start(self._send_waiting())

    async def _send_waiting(self) -> None:
        try:
            while self.waiting and not self.holding:
                await self._until_done()
                await self._handled()
                if not self.waiting or self.holding:  # ``stop`` took them meanwhile
                    break
                typed = self.waiting.popleft()
                key = events.Key(typed.key, typed.character)
                self._sent.add(id(key))
                self._taken.clear()
                self._posted = key
                self._app.post_message(key)
                await self._taken.wait()
        finally:
            self.sending = False
        self._send_soon()  # a key that arrived after the loop's last look

    async def _until_done(self) -> None:
        deadline = time.monotonic() + GIVE_UP_SECONDS
        while self._busy() and time.monotonic() < deadline:
            await asyncio.sleep(POLL_SECONDS)
        self._current = None
