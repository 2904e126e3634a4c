"""The session's events reach the screens that use them, and only those."""

from __future__ import annotations

import asyncio

from textual.message import Message

from papershelf.domain.models import Status
from papershelf.tui.app import PapershelfApp
from papershelf.tui.session_bridge import SessionEvent

from .conftest import SIZE, highlighted, ready, wait_for


def test_a_written_change_never_wakes_the_default_screen(app: PapershelfApp) -> None:
    """A message to Textual's default screen repaints the whole terminal a frame later.

    Every status key used to cost that second, full frame once the session wrote the change.
    """

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            default = app.screen_stack[0]
            assert default.id == "_default" and default is not screen
            seen: list[Message] = []
            post = default.post_message

            def record(message: Message) -> bool:
                seen.append(message)
                return post(message)

            default.post_message = record  # type: ignore[method-assign]
            paper = highlighted(screen)
            await pilot.press("t")
            await wait_for(pilot, lambda: app.session.idle)
            await pilot.pause()
            assert screen.shelf.state(paper.id).status is Status.TO_READ
            assert not [m for m in seen if isinstance(m, SessionEvent)]

    asyncio.run(run())
