"""Ids from the importer are stable: re-parsing and trivial title edits keep them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Literal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from papershelf.catalog.fields import is_generic
from papershelf.catalog.markdown_list import parse_list
from papershelf.domain.ids import normalize_title, paper_id, venue_slug

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

_WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüßøñ0123456789", min_size=1, max_size=8),
    min_size=1,
    max_size=8,
)


def _one(title: str, family: str) -> str:
    if family == "a":
        text = f"* \\[tag] [{title}](https://x.org/p). Ann Lee. OSDI'24\n"
    else:
        text = f"# OSDI 2024\n\n## Papers\n\n* {title} \\[[Paper](https://x.org/p)]\n  * MIT\n"
    (paper,) = parse_list(text, source="x.md").papers
    assert paper.venue == "OSDI 2024"
    return paper.id


def test_reparsing_the_seeds_gives_identical_ids() -> None:
    for name in ("asplos-2025.md", "mlsys-2025.md"):
        text = (SEEDS / name).read_text(encoding="utf-8")
        first = parse_list(text, source=name)
        again = parse_list(text, source=name)
        assert [p.id for p in first.papers] == [p.id for p in again.papers]
        assert first == again


def test_id_is_venue_and_title() -> None:
    assert _one("COMET: Towards Practical Serving", "a") == paper_id(
        "OSDI 2024", "COMET: Towards Practical Serving"
    )


@settings(max_examples=60, deadline=None)
@given(words=_WORDS, family=st.sampled_from("ab"), data=st.data())
def test_trivial_title_edits_keep_the_id(
    words: list[str], family: str, data: st.DataObject
) -> None:
    title = "Paper " + " ".join(words)
    assume(not is_generic(title))  # "Paper note" is a link label, no title, by rule
    cased = " ".join(w.upper() if data.draw(st.booleans()) else w for w in title.split())
    spaced = cased.replace(" ", data.draw(st.sampled_from([" ", "  ", " - ", ", ", " : "])))
    form: Literal["NFC", "NFD", "NFKC"] = data.draw(st.sampled_from(["NFC", "NFD", "NFKC"]))
    variant = unicodedata.normalize(form, spaced) + data.draw(st.sampled_from(["", ".", "!", " "]))
    assert _one(title, family) == _one(variant, family)


def _normalize_everywhere(title: str) -> str:
    """``normalize_title`` as it was for every title: NFKC, casefold, then the regex."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _id_everywhere(venue: str, title: str) -> str:
    """``paper_id`` with the slug always made through NFKD and the ASCII filter."""
    norm = _normalize_everywhere(title)
    digest = hashlib.sha1(f"{venue_slug(venue)}\n{norm}".encode()).hexdigest()[:4]
    ascii_text = unicodedata.normalize("NFKD", norm).encode("ascii", "ignore").decode().lower()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_text))
    if len(slug) > 30:
        slug = slug[:30].rsplit("-", 1)[0]
    return "-".join(p for p in (venue_slug(venue), slug, digest) if p)


_TITLES = st.text() | st.text(alphabet=st.characters(max_codepoint=127)) | st.text("Aa1_-: ß\t")


@settings(max_examples=500)
@given(_TITLES)
def test_the_ascii_shortcuts_give_the_same_keys_and_ids(title: str) -> None:
    assert normalize_title(title) == _normalize_everywhere(title)
    assert paper_id("OSDI 2024", title) == _id_everywhere("OSDI 2024", title)
