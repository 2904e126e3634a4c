"""The ``[enrich]`` table of ``config.toml``: endpoints, polite-pool address, keys, pacing."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from papershelf.errors import ConfigError, UsageError, cannot_read

ENDPOINTS = {
    "arxiv": "https://export.arxiv.org/api/query",
    "openalex": "https://api.openalex.org",
    "semantic_scholar": "https://api.semanticscholar.org/graph/v1",
    "crossref": "https://api.crossref.org",
    "dblp": "https://dblp.org/search/publ/api",
}
# Seconds between two requests to one source: arXiv's terms ask for one every 3 seconds;
# Semantic Scholar without a key allows about one a second; the others are generous.
INTERVALS = {
    "arxiv": 3.0,
    "openalex": 0.2,
    "semantic_scholar": 1.0,
    "crossref": 0.2,
    "dblp": 1.0,
}
SECRET_KEYS = ("semantic_scholar_key", "openalex_key")


@dataclass(frozen=True, slots=True)
class EnrichConfig:
    """Where and how to ask; the defaults are the public services at polite speeds."""

    endpoints: dict[str, str] = field(default_factory=lambda: dict(ENDPOINTS))
    mailto: str = ""
    semantic_scholar_key: str = field(default="", repr=False)
    openalex_key: str = field(default="", repr=False)
    intervals: dict[str, float] = field(default_factory=lambda: dict(INTERVALS))
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    """First retry delay in seconds when no ``Retry-After`` says otherwise; doubles each time."""
    max_retry_after: float = 120.0
    max_response_bytes: int = 20_000_000


_NUMBERS = {"timeout", "backoff", "max_retry_after"}
_INTS = {"retries", "max_response_bytes"}


def parse_enrich(table: object, where: str = "config.toml") -> EnrichConfig:
    """The ``[enrich]`` table as a config; ``ConfigError`` naming every bad key otherwise.

    Besides the endpoints, ``mailto`` and the keys, it takes ``timeout``, ``retries``,
    ``backoff``, ``max_retry_after``, ``max_response_bytes`` and ``<source>_interval``.
    """
    config, problems = _read(table, where)
    if problems:
        raise ConfigError(problems)
    return config


def enrich_problems(table: object, where: str = "config.toml") -> list[str]:
    """A line for each mistake in the ``[enrich]`` table (none: it is fine)."""
    return _read(table, where)[1]


def _read(table: object, where: str) -> tuple[EnrichConfig, list[str]]:
    if not isinstance(table, dict):
        return EnrichConfig(), [f"{where}: [enrich] must be a table"]
    problems: list[str] = []
    endpoints = dict(ENDPOINTS)
    intervals = dict(INTERVALS)
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in ENDPOINTS:
            if not isinstance(value, str) or not value.startswith(("http://", "https://")):
                problems.append(f"{where}: [enrich] {key} must be an http(s) URL")
                continue
            endpoints[key] = value.rstrip("/") if key != "arxiv" else value
        elif key in ("mailto", *SECRET_KEYS):
            if not isinstance(value, str):
                problems.append(f"{where}: [enrich] {key} must be a string")
                continue
            values[key] = value.strip()
        elif key.endswith("_interval") and key.removesuffix("_interval") in INTERVALS:
            if (seconds := _number(where, key, value, problems)) is not None:
                intervals[key.removesuffix("_interval")] = seconds
        elif key in _NUMBERS:
            if (seconds := _number(where, key, value, problems)) is not None:
                values[key] = seconds
        elif key in _INTS:
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                problems.append(f"{where}: [enrich] {key} must be a whole number")
                continue
            values[key] = value
        else:
            known = sorted([*ENDPOINTS, "mailto", *SECRET_KEYS, *_NUMBERS, *_INTS])
            problems.append(f"{where}: [enrich] unknown option {key!r} (known: {', '.join(known)})")
    return EnrichConfig(endpoints=endpoints, intervals=intervals, **values), problems


def _number(where: str, key: str, value: object, problems: list[str]) -> float | None:
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        problems.append(f"{where}: [enrich] {key} must be a number of seconds")
        return None
    return float(value)


def load_enrich_config(path: Path) -> EnrichConfig:
    """The ``[enrich]`` table of ``path``; defaults when the file or the table is missing."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return EnrichConfig()
    except OSError as exc:  # in the words the app's own read of the file uses
        raise UsageError(cannot_read(path, exc)) from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: {exc}") from exc
    return parse_enrich(data.get("enrich", {}), str(path))


__all__ = ["ENDPOINTS", "EnrichConfig", "enrich_problems", "load_enrich_config", "parse_enrich"]
