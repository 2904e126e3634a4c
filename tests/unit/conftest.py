"""Fixtures the unit tests of more than one module use."""

from __future__ import annotations

import pytest

from papershelf.services import parse_ahead


@pytest.fixture
def parse_every_list_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every list is parsed ahead, however short."""
    monkeypatch.setattr(parse_ahead, "MIN_CHARS", 0)
