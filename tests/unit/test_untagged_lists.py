"""A long list that opens with no tagged entry is the general reader's alone.

``reading_choice`` no longer reads such a list with the seed families too, which cost a
10,000-entry list with a heading per paper a quarter of a second. Their reading would not
have been kept: checked here on every real list at hand that opens so and on generated
lists that open with 70 entries of any other shape, seed shapes and non-papers after them,
by asking the full comparison the other order makes.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.catalog import engine, family_a, family_b, reading_choice
from papershelf.catalog.blocks import parse_blocks
from papershelf.catalog.candidates import parse_markdown
from papershelf.catalog.entry import Found
from papershelf.catalog.markdown_list import parse_list
from tests.unit.lists_at_hand import lists_at_hand
from tests.unit.test_catalog_shapes_property import SHAPES, VENUES

_NOISE = [
    "- [Contents](#contents)\n",
    "- Some prose about the list, no link.\n",
    "Prose paragraph with a [link](https://example.org/x).\n\n",
    "- **Category**\n  - [Nested paper title here](https://papers.example.org/n.pdf)\n",
    "- [tool-name](https://github.com/someone/tool) - a tool\n",
    "## A section\n\n",
    "### OSDI 2024\n\n",
    "| Title | Venue |\n|---|---|\n| A tabled paper title | OSDI'24 |\n\n",
    "- [An unparsed link's title here] (https://x.org/p/u.pdf), OSDI 2020.\n",
]
_UNTAGGED = sorted(set(SHAPES) - {"tag bullets", "bold tags"})


def _papers(prefix: str, count: int, start: int = 0) -> list[tuple[str, str, int]]:
    return [
        (f"{prefix} {start + i} of shared things", VENUES[i % len(VENUES)], 2000 + i % 30)
        for i in range(count)
    ]


@st.composite
def untagged_openings(draw: st.DrawFn) -> str:
    parts = ["# A reading list\n\n"]
    opening = draw(st.sampled_from(_UNTAGGED))
    parts.append(SHAPES[opening](_papers("Opening study", 70), draw(st.integers(0, 3))))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        shape = draw(st.sampled_from(sorted(SHAPES)))
        count = draw(st.integers(min_value=1, max_value=40))
        start = draw(st.integers(min_value=0, max_value=10_000))
        parts.append(SHAPES[shape](_papers("Study", count, start), draw(st.integers(0, 3))))
        parts.extend(draw(st.lists(st.sampled_from(_NOISE), max_size=4)))
    return "".join(parts)


def _compared(text: str, venue_known: bool, monkeypatch: pytest.MonkeyPatch) -> bool | None:
    """Whether the full comparison keeps the general reading; None for a list not read so."""
    parsed = parse_markdown(text)
    blocks = parse_blocks(text, parsed.tokens)
    if family_b.has_papers_heading(blocks) or not reading_choice._opens_untagged(blocks):
        return None
    monkeypatch.setattr(reading_choice, "_opens_untagged", lambda blocks: False)
    _, general = reading_choice.read_list_of(blocks, text, parsed, venue_known=venue_known)
    monkeypatch.undo()
    return general


@pytest.mark.parametrize("venue_known", [False, True])
def test_no_real_list_that_opens_untagged_would_keep_a_seed_reading(venue_known: bool) -> None:
    compared = []
    with pytest.MonkeyPatch.context() as patch:
        for path in lists_at_hand():
            kept = _compared(path.read_text(encoding="utf-8"), venue_known, patch)
            if kept is not None:
                compared.append((path.name, kept))
    assert len(compared) >= 3, compared  # the corpora beside the checkout hold such lists
    assert all(kept for _, kept in compared), compared


@settings(max_examples=60, deadline=None)
@given(untagged_openings(), st.booleans())
def test_no_generated_list_that_opens_untagged_would_keep_a_seed_reading(
    text: str, venue_known: bool
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        kept = _compared(text, venue_known, patch)
    assert kept is not False


@pytest.mark.parametrize(
    "shape", ["citations", "heading per paper", "heading and fields", "paragraphs"]
)
def test_the_seed_families_do_not_read_a_long_untagged_list(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    parse_a, parse_b = family_a.parse, family_b.parse

    def counted_a(blocks: list[object]) -> Found:
        calls.append(f"a{len(blocks)}")
        return parse_a(blocks)  # type: ignore[arg-type]

    def counted_b(blocks: list[object], **kwargs: bool) -> Found:
        calls.append("b")
        return parse_b(blocks, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(family_a, "parse", counted_a)
    monkeypatch.setattr(family_b, "parse", counted_b)
    text = "# A reading list\n\n" + SHAPES[shape](_papers("Study", 200), 0)
    assert len(parse_list(text, source="x.md").papers) == 200
    assert calls == [f"a{reading_choice.SAMPLE}"], calls  # the look at the opening only
    # (links with a venue after them, in bullets or table rows, are tagged entries to it)


def test_a_seed_reading_still_reads_a_long_list_the_general_reader_finds_nothing_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "# A reading list\n\n" + SHAPES["citations"](_papers("Study", 100), 0)
    text += "".join(
        f"- [OSDI'20] [Late tagged paper {i}](https://p.org/{i}.pdf)\n" for i in range(3)
    )
    monkeypatch.setattr(engine, "read_list", lambda *args, **kwargs: Found())
    parsed = parse_markdown(text)
    blocks = parse_blocks(text, parsed.tokens)
    assert reading_choice._opens_untagged(blocks)
    found, general = reading_choice.read_list_of(blocks, text, parsed, venue_known=False)
    assert not general and [e.title for e in found.entries] == [
        f"Late tagged paper {i}" for i in range(3)
    ]


def test_unparsed_links_after_plain_bullets_are_all_read() -> None:
    """``[Title] (url)``: a link a space broke, read as one after 40 plain-text bullets too.

    The tagged reading, kept for this list before, found the 60 broken links and left the
    40 plain titles out; the general reader now reads both.
    """
    text = "".join(
        f"- Deep Residual Learning number {k} for Image Recognition (CVPR 2016)\n\n## S{k}\n\n"
        for k in range(40)
    )
    text += "".join(
        f"- [A study of thing number {k} in systems] (https://example.org/papers/p{k}.pdf), "
        "NeurIPS 2020.\n"
        for k in range(60)
    )
    papers = parse_list(text, source="x.md").papers
    assert len(papers) == 100
    last = papers[-1]
    assert (last.title, last.venue) == ("A study of thing number 59 in systems", "NeurIPS 2020")
    assert [link.url for link in last.links] == ["https://example.org/papers/p59.pdf"]
