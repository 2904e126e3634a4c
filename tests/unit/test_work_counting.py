"""The work counter the scaling tests rely on tells linear from quadratic work."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.work import assert_linear, calls_made


def _linear(n: int) -> Callable[[], object]:
    return lambda: [abs(i) for i in range(n)]


def _quadratic(n: int) -> Callable[[], object]:
    return lambda: [abs(i) for i in range(n) for _ in range(n)]


def test_calls_are_counted_and_the_same_every_time() -> None:
    assert calls_made(_linear(1_000)) == calls_made(_linear(1_000)) >= 1_000


def test_linear_work_passes() -> None:
    assert_linear(_linear, 1_000)


def test_quadratic_work_fails() -> None:
    with pytest.raises(AssertionError, match="linear would be about 4x"):
        assert_linear(_quadratic, 100)


def test_an_expected_error_ends_the_work_quietly() -> None:
    def failing() -> None:
        abs(1)
        raise ValueError("refused")

    assert calls_made(failing, expected=ValueError) >= 1
    with pytest.raises(ValueError, match="refused"):
        calls_made(failing)
