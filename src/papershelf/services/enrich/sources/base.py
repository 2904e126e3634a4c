"""What every source adapter offers, and the helpers their parsers share."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any, ClassVar

from papershelf.domain.enrichment import SourceRecord
from papershelf.domain.text import sanitize
from papershelf.services.enrich.http import Request


class ParseError(ValueError):
    """An answer that is not what the source documents (broken JSON or XML, wrong shape)."""


class Source:
    """An adapter: builds the requests for identifiers or a title, and parses the answers.

    ``parse`` returns one entry per record in the answer; for an ``aligned`` source (its
    answer lists one entry per identifier asked, null where unknown) the entries line up
    with ``Request.idents`` and may be None.
    """

    name: ClassVar[str] = ""
    kinds: ClassVar[tuple[str, ...]] = ()
    """The identifier kinds it can look up (``arxiv``, ``doi``)."""
    batch: ClassVar[int] = 1
    aligned: ClassVar[bool] = False

    def __init__(self, base_url: str, *, mailto: str = "") -> None:
        self.base_url = base_url
        self.mailto = mailto

    def lookups(self, idents: Sequence[str]) -> list[Request]:
        """Requests for these identifiers (all of kinds this source takes), in batches."""
        return []

    def search(self, title: str, year: int | None, pid: str) -> Request | None:
        """A title search (None when the source cannot search titles)."""
        return None

    def parse(self, body: bytes) -> list[SourceRecord | None]:
        raise NotImplementedError


def load_json(body: bytes) -> Any:
    """The JSON document of an answer; ``ParseError`` for anything else."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"not JSON: {type(exc).__name__}") from None


# Tags only (``<jats:p>``, ``</b>``, ``<br/>``): "x < y and z > w" is text and stays.
_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]{0,300})?/?>")


def clean_text(value: object, *, multiline: bool = False) -> str:
    """Text from a source as plain text: markup tags dropped, entities decoded, no controls."""
    if not isinstance(value, str):
        return ""
    # Twice: some sources escape their markup (``&lt;b&gt;``), which decodes into tags.
    text = _TAG.sub(" ", html.unescape(_TAG.sub(" ", value)))
    text = sanitize(text, multiline=multiline)
    if multiline:
        paragraphs = [_tidy(p) for p in re.split(r"\n\s*\n", text)]
        return "\n\n".join(p for p in paragraphs if p)
    return _tidy(text)


def _tidy(text: str) -> str:
    # A dropped closing tag leaves "word ." behind: punctuation goes back to its word.
    return re.sub(r" ([.,;:!?)])", r"\1", " ".join(text.split()))


def as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    # "²".isdigit() is true and int("²") fails: only ASCII digits count.
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,9}", value.strip()):
        return int(value.strip())
    return None


def as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    """A list as is, a lone value as a one-item list (DBLP and XML-born JSON do both)."""
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def chunks(items: Sequence[str], size: int) -> list[list[str]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]
