"""Stable, readable paper ids and the title normalisation they rest on."""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_SLUG_MAX = 30


# ASCII but letters and digits -> a space: for ASCII text what ``_NON_WORD`` replaces once
# the text is in lower case (``\W`` and ``_`` are every other ASCII character).
_ASCII_NON_WORD = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not ("a" <= c <= "z" or "0" <= c <= "9")}
)


def normalize_title(title: str) -> str:
    """Fold case, unicode forms, punctuation and whitespace, so trivial edits keep the id."""
    if title.isascii():  # most titles: NFKC leaves ASCII alone, casefold is lower (twice as fast)
        return " ".join(title.lower().translate(_ASCII_NON_WORD).split())
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def _ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


@lru_cache(maxsize=4096)
def venue_slug(venue_label: str) -> str:
    """``MLSys 2025`` -> ``mlsys2025`` (a list has few venues and thousands of ids)."""
    return _ascii_slug(venue_label).replace("-", "") or "venue"


def paper_id(venue_label: str, title: str) -> str:
    """``mlsys2025-flashinfer-efficient-and-customizable-attention-3f2a``.

    Venue and normalised title decide it, so two "COMET: ..." papers in two venues stay two;
    the short hash keeps ids unique when two long titles share their first words.
    """
    norm = normalize_title(title)
    digest = hashlib.sha1(f"{venue_slug(venue_label)}\n{norm}".encode()).hexdigest()[:4]
    # An ASCII normalised title is words of a-z and 0-9 split by single spaces: its slug.
    slug = norm.replace(" ", "-") if norm.isascii() else _ascii_slug(norm)
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rsplit("-", 1)[0]
    parts = [venue_slug(venue_label), slug, digest]
    return "-".join(p for p in parts if p)


def start_alone(names: Iterable[str], among: Sequence[str]) -> int:
    """The fewest characters that start each of ``names`` and no other of ``among`` (sorted).

    A table may cut a name to that many (plus ``…``) and the command line still takes the
    cut name as that one (``papershelf new | awk '{print $1}'`` hands ids on).
    """
    most = 0
    for name in names:
        at = bisect.bisect_left(among, name)
        near = [among[i] for i in (at - 1, at, at + 1) if 0 <= i < len(among)]
        shared = max((_common(name, other) for other in near if other != name), default=0)
        most = max(most, min(len(name), shared + 1))
    return most


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
