"""Measuring work by counting function calls, so scaling tests hold on a busy machine.

A clock measures the machine as much as the code: the same test that takes 0.3 s alone can
take 3 s beside a compile. The number of Python and C function calls a piece of work makes
is the same on any machine, and grows with the work done: linear code makes about ``k``
times the calls for ``k`` times the input, quadratic code about ``k * k`` times.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from types import FrameType


def calls_made(work: Callable[[], object], *, expected: type[BaseException] | None = None) -> int:
    """How many function calls ``work`` makes (an ``expected`` exception ends it quietly)."""
    count = 0

    def profile(_frame: FrameType, event: str, _arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        if expected is None:
            work()
        else:
            with contextlib.suppress(expected):
                work()
    finally:
        sys.setprofile(previous)
    return count


def assert_linear(
    make: Callable[[int], Callable[[], object]],
    small: int,
    *,
    factor: int = 4,
    slack: float = 2.0,
    expected: type[BaseException] | None = None,
) -> None:
    """``make(n)`` gives work on an input of size ``n``; the work must grow about linearly.

    Compares ``small`` with ``factor * small``: linear work makes about ``factor`` times the
    calls, quadratic about ``factor ** 2``; more than ``factor * slack`` fails.
    """
    few = calls_made(make(small), expected=expected)
    many = calls_made(make(small * factor), expected=expected)
    assert few > 0
    assert many <= factor * slack * few, (
        f"{many:,} calls for {small * factor:,} against {few:,} for {small:,}: "
        f"{many / few:.1f}x for {factor}x the input (linear would be about {factor}x)"
    )
