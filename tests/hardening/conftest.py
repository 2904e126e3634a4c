"""Hardening fixtures: the sabotage switch (see ``sabotage.py``) applies to every test here."""

from __future__ import annotations

import pytest

from tests.hardening.sabotage import apply_from_env


@pytest.fixture(autouse=True)
def _sabotage(monkeypatch: pytest.MonkeyPatch) -> None:
    apply_from_env(monkeypatch.setattr)
