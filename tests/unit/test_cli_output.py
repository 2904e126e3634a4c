"""The CLI's JSON printing: the streamed array is byte for byte the whole document."""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest

from papershelf.cli import output
from papershelf.domain.enrichment import NO_ENRICHMENT, Enrichment
from papershelf.domain.models import Paper
from papershelf.export.json_export import enriched_keys


class _Stdout:
    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def flush(self) -> None:
        pass


def _printed(monkeypatch: pytest.MonkeyPatch, call: Any, data: list[Any]) -> bytes:
    fake = _Stdout()
    monkeypatch.setattr(sys, "stdout", fake)
    call(data)
    return fake.buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        [],
        [{"a": 1, "b": [1, 2], "c": {"x": "y"}}],
        [{"id": i, "title": "Müller\u202e\u0085 [b]", "tags": []} for i in range(1300)],
    ],
)
def test_streamed_array_is_the_document(monkeypatch: pytest.MonkeyPatch, data: list[Any]) -> None:
    whole = _printed(monkeypatch, output.print_json, data)
    streamed = _printed(monkeypatch, lambda d: output.print_json_array(iter(d)), data)
    assert streamed == whole
    assert b"\\u202e" in whole or not data or "title" not in data[0]


@pytest.mark.parametrize("venue", ["MLSys 2025", "arXiv 2024", ""])
@pytest.mark.parametrize("authors", [(), ("Ana Li",)])
def test_no_enrichment_keys_are_those_of_an_empty_one(venue: str, authors: tuple[str, ...]) -> None:
    paper = Paper("p1", "A title", venue, authors=authors)
    fast = enriched_keys(paper, NO_ENRICHMENT)
    slow = enriched_keys(paper, Enrichment())
    assert fast == slow
    assert list(fast) == list(slow)
