"""Venue names and years as lists write them: ``ASPLOS'25``, ``(arXiv 2312.07104)``."""

from __future__ import annotations

import re

from papershelf.domain.text import one_line

_APOSTROPHES = "'’‘`´"
_NAME_CHARS = r"[^\W\d_][^.,;:()\[\]{}'’‘`´\"\\]{0,79}?"

_SUFFIX = re.compile(
    r"(?:^|[.,;]\s*)(?P<name>" + _NAME_CHARS + r")(?P<gap>\s*)(?P<apos>[" + _APOSTROPHES + r"]\s*)?"
    r"(?P<year>(?:19|20)\d{2}|\d{2})\s*$"
)
"""An entry's trailing venue: ``... Authors. ASPLOS'25`` / ``, osdi'22`` / ``. Arxiv'2024``."""
RATING = re.compile(r"(?<=\b(?:19|20)\d\d)\s*\(\d{1,2}\)\s*$")
"""``NIPS 2016 (4)``: a reader's score or a count after the year, no part of the venue."""
VOLUME_ISSUE = re.compile(r",?(?<!\s)\s+(?:vol(?:ume)?\.?\s*\d+|no\.\s*\d+|issue\s+\d+)\b", re.I)
"""Where in a journal, between its name and the year (``ACM TOPLAS Vol. 12 No. 3 1990``).

From the first space of a run only: tried from each of 20,000 spaces, the search was quadratic.
"""

_LABEL = re.compile(
    r"^(?P<name>" + _NAME_CHARS + r")(?P<gap>\s*)(?P<apos>[" + _APOSTROPHES + r"]\s*)?"
    r"(?P<year>(?:19|20)\d{2}|\d{2})(?:[-/]\d{1,2}){0,2}$"
)
_ARXIV = re.compile(r"^(?P<name>arxiv)\s*:?\s*(?P<id>(?P<yy>\d{2})\d{2}\.\d{4,5})(?:v\d+)?$", re.I)
_YEAR = re.compile(r"^(?P<year>(?:19|20)\d{2})(?:[-/]\d{1,2}){0,2}$")
_TRAILING_PAREN = re.compile(r"\(\s*(?P<inner>[^()]{1,80}?)\s*\)\s*$")
_RATE = re.compile(
    r"(?:(?P<label>[^\W\d_][^:%]{0,40}?)\s*:\s*)?(?P<pct>\d{1,3}(?:\.\d+)?)\s*%"
    r"\s*\(\s*=?\s*(?P<a>\d+)\s*/\s*(?P<b>\d+)\s*\)"
)


def full_year(digits: str) -> int:
    """``25`` -> 2025, ``99`` -> 1999, ``2024`` -> 2024."""
    value = int(digits)
    if len(digits) == 2:
        return value + (2000 if value < 70 else 1900)
    return value


def _name(text: str) -> str:
    return " ".join(text.split()).strip(" -–—")


def split_label(text: str, *, strict: bool = False) -> tuple[str, int | None]:
    """``MLSys 2025`` -> (MLSys, 2025); ``ASPLOS25`` -> (ASPLOS, 2025); ``arXiv`` -> (arXiv, None).

    ``strict`` (for section headings, which may be topics) wants a four-digit year or an
    apostrophe before two digits, so ``Top 10`` or ``Qwen25`` stay names.
    """
    text = one_line(text)
    m = _LABEL.match(text)
    if m and _name(m.group("name")) and _plausible(m, strict=strict):
        return _name(m.group("name")), full_year(m.group("year"))
    return text, None


def _plausible(m: re.Match[str], *, strict: bool) -> bool:
    """Two digits need an apostrophe (``OSDI '24``) or to be glued on (``ASPLOS25``)."""
    if len(m.group("year")) == 4 or m.group("apos"):
        return True
    return not strict and not m.group("gap")


def is_venue_heading(text: str) -> bool:
    """A heading such as ``OSDI 2024`` that names a venue rather than a topic.

    ``## Year 2020``, ``## Update on 2025-05-21``, ``## Spring 2020``: a date's words before
    the year name when, not where; the papers under them have no venue from it.
    """
    name, year = split_label(text, strict=True)
    return year is not None and name.split()[0].casefold() not in _DATE_WORDS


_DATE_WORDS = frozenset(
    {
        *("year", "years", "update", "updated", "updates", "spring", "summer", "fall"),
        *("autumn", "winter", "week", "month", "term", "semester", "since", "before"),
        *("after", "until", "in", "on", "from"),
    }
)


def entry_suffix(tail: str) -> tuple[int, str, int] | None:
    """Where an entry's trailing venue starts, its name and year; None when it has none."""
    # Nothing after the separator a suffix starts at is one of ``.,;``: only the last one
    # can start it. Searched from there, not tried after every comma between authors.
    tail = VOLUME_ISSUE.sub(lambda m: " " * len(m.group()), tail)  # "Micro, vol. 14, 1994"
    tail = RATING.sub("", tail) if tail.endswith(")") else tail  # "NIPS 2016 (4)": a score
    last = max(tail.rfind("."), tail.rfind(","), tail.rfind(";"))
    m = _SUFFIX.search(tail, max(last, 0))
    if m is None or not _name(m.group("name")) or not _plausible(m, strict=False):
        return None
    start = m.start("name")
    return start, _name(m.group("name")), full_year(m.group("year"))


def parenthetical(text: str) -> tuple[str, str, int, str | None] | None:
    """A trailing ``(SOSP 2023)`` / ``(arXiv 2312.07104)``: (rest, name, year, arXiv id)."""
    m = _TRAILING_PAREN.search(text)
    if m is None:
        return None
    found = venue_in(m.group("inner"))
    if found is None and (kept := _QUALIFIED.match(m.group("inner"))) is not None:
        found = venue_in(kept.group("venue"))  # "(NeurIPS'22 Workshop WBRC)": the workshop's
    if found is None:
        return None
    name, year, arxiv_id = found
    if _DOCUMENT.fullmatch(name):
        name = ""  # "(preprint'23)": what the paper is and its year, no venue
    return text[: m.start()].rstrip(), name, year, arxiv_id


_QUALIFIED = re.compile(
    r"(?P<venue>[^\W\d_][^()]{0,40}?)\s+(?:workshops?|oral|spotlight|poster|demo)\b.*", re.I
)
"""A venue, then what part of it the paper is in: ``NeurIPS'22 Workshop WBRC``."""
_DOCUMENT = re.compile(r"pre-?prints?|e-?prints?|manuscripts?|thes[ie]s", re.I)


def venue_in(text: str) -> tuple[str, int, str | None] | None:
    """``arXiv 2312.07104`` -> (arXiv, 2023, id); ``NeurIPS 2023`` -> (NeurIPS, 2023, None)."""
    text = one_line(text)
    arxiv = _ARXIV.match(text)
    if arxiv:
        return arxiv.group("name"), full_year(arxiv.group("yy")), arxiv.group("id")
    name, year = split_label(text, strict=True)
    return None if year is None else (name, year, None)


def bold_venue(name_text: str, year_text: str | None) -> tuple[str, int | None]:
    """``**ASPLOS25**, **2024**`` -> (ASPLOS, 2025): the venue's own year wins over the date."""
    name, year = split_label(name_text)
    if year is None and year_text is not None:
        m = _YEAR.match(one_line(year_text))
        if m:
            year = int(m.group("year"))
    return name, year


def acceptance_rate(lines: list[str]) -> str | None:
    """``22.5% (= 61 / 271)`` -> ``22.5% (61 / 271)``; ``Overall`` wins among cycles."""
    found: list[tuple[str, str]] = []
    for line in lines:
        m = _RATE.search(line)
        if m:
            value = f"{m.group('pct')}% ({m.group('a')} / {m.group('b')})"
            found.append(((m.group("label") or "").strip(), value))
    if not found:
        return None
    for label, value in found:
        if label.lower() in ("overall", "total", "acceptance rate"):
            return value
    if len(found) == 1 and not found[0][0]:
        return found[0][1]
    return "; ".join(f"{label}: {value}" if label else value for label, value in found)


SERIES_CASE = {
    name.casefold(): name
    for name in [
        "EuroSys",
        "MLSys",
        "SoCC",
        "NeurIPS",
        "SysML",
        "HotOS",
        "HotCloud",
        "HotNets",
        "HotStorage",
        "CoNEXT",
        "arXiv",
        "Middleware",
        "Queue",
        "Cluster",
        "Euro-Par",
        "Interspeech",
        "MobiCom",
        "MobiSys",
        "PPoPP",
        "HiPC",
    ]
}
"""How a known series is written when a list writes it in lower case (else in capitals)."""
SERIES_CASE["europar"] = "Euro-Par"
