"""Hostile and broken input: generated lists with noise, random text and bytes, huge shapes."""

from __future__ import annotations

import html
import math
import re
import time
import unicodedata
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from papershelf.catalog import blocks
from papershelf.catalog.blocks import Item, parse_blocks, walk
from papershelf.catalog.candidates import parse_markdown
from papershelf.catalog.fields import is_generic
from papershelf.catalog.links import MAX_LINKS
from papershelf.catalog.markdown_list import MAX_LINE, parse_list
from papershelf.catalog.source import read_list_file
from papershelf.domain.identity import symbols
from papershelf.domain.ids import normalize_title
from papershelf.domain.models import ParsedList
from papershelf.errors import ListError
from tests.work import assert_linear, calls_made

# What a renderer would have consumed and must never survive into a title.
_ENTITY = re.compile(r"&(?:#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_LEFTOVERS = re.compile(r"\]\(|\*\*|~~|\\|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_NOISE = [
    "\x1b[31m", "\x1b]0;title\x07", "\x1b]52;c;ZXZpbA==\x07", "\x9b2J", "\x00", "\x07",
    "\u202e", "\u2066", "\u200b", "\ufeff", "\r", "\t", "\\", "\\[", "*", "**", "_", "~~",
    "~", "`", "[", "]", "(", ")", "](", "<mark>", "</mark>", "<br>", "<", "&#x20;", "&amp;",
    "&#0;", "#", "- ", "* ", "\n", "\n\n", "\n  * ", "[x](javascript:alert(1))",
    "[y](file:///etc/passwd)", "[bold red]", "[link=file:///etc/passwd]", "[@click=app.quit]",
    "é", "端", "🎉", "'", "’", ". ", ", ", "OSDI'24",
]  # fmt: skip

_word = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-0123456789éü端", min_size=1, max_size=9
)
# A title whose first word is a bare "-" reads as a stray bullet marker and is trimmed.
# A link label ("Homepage", "Paper note") is no title by rule: the generator leaves them out.
_title = (
    st.lists(_word, min_size=1, max_size=8)
    .map(" ".join)
    .filter(lambda t: t[0] != "-" and not is_generic(t))
)
_names = st.lists(_word.map(str.capitalize), min_size=1, max_size=4).map(", ".join)
_url = st.sampled_from(
    ["https://x.org/p.pdf", "http://x.org/abs/1", "doi:10.1/2", "rel/x.md", "#anchor", ""]
)
_venue = st.sampled_from(
    ["ASPLOS25", "ASPLOS'25", "ASPLOS’25", "MLSys 2025", "OSDI '24", "osdi'24", "Arxiv'2024"]
)


def _noisy(text: str, noise: list[tuple[int, str]]) -> str:
    for position, fragment in noise:
        cut = position % (len(text) + 1)
        text = text[:cut] + fragment + text[cut:]
    return text


_noise = st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(_NOISE)), max_size=6)


@st.composite
def family_a(draw: st.DrawFn) -> str:
    lines = [draw(st.sampled_from(["# ASPLOS25", "# Notes", "## 2025-03", ""]))]
    for _ in range(draw(st.integers(1, 6))):
        tags = ", ".join(draw(st.lists(_word, max_size=3)))
        marker = draw(st.sampled_from(["* ", "- ", "", "~~- ", "~- "]))
        tag = draw(st.sampled_from([f"\\[{tags}] ", f"[{tags}] ", f"[<mark>{tags}</mark>] ", ""]))
        title = draw(_title)
        head = draw(st.sampled_from([f"[{title}]({draw(_url)})", f"**{title}**"]))
        venue = draw(_venue)
        tail = draw(
            st.sampled_from([f". {draw(_names)}. {venue}", f". X et.al. **{venue}**, **2024**", ""])
        )
        lines += [_noisy(marker + tag + head + tail, draw(_noise)), ""]
    return "\n".join(lines)


@st.composite
def family_b(draw: st.DrawFn) -> str:
    lines = [
        draw(st.sampled_from(["# MLSys 2025", "# Topics", ""])),
        "",
        "Homepage: <https://x.org>",
        "",
        draw(st.sampled_from(["## Papers", "### Papers", "## Meta Info"])),
        "",
    ]
    for _ in range(draw(st.integers(1, 4))):
        lines += [f"### {draw(_title)}", ""]
        for _ in range(draw(st.integers(1, 4))):
            indent = draw(st.sampled_from(["", "  "]))
            if indent:
                lines.append(f"* {draw(_title)}")
            label = draw(st.sampled_from(["Paper", "arXiv", "Code", "PDF", ""]))
            links = f" \\[[{label}]({draw(_url)})]" * draw(st.integers(0, 3))
            paper = draw(
                st.sampled_from([f"{draw(_title)}{links}", f"[{draw(_title)}]({draw(_url)})"])
            )
            lines.append(_noisy(f"{indent}* {paper}", draw(_noise)))
            for detail in draw(st.lists(st.sampled_from(
                ["CMU & MIT", "**Best Paper**", "Industry Track", "**EcoRec**", "a note."]
            ), max_size=3)):  # fmt: skip
                lines.append(_noisy(f"{indent}  * {detail}", draw(_noise)))
    lines += ["", "## Acronyms", "", "* LLM: Large Language Model"]
    return "\n".join(lines)


def _check(parsed: ParsedList, text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    assert parsed.papers and parsed.entries >= len(parsed.papers)
    for paper in parsed.papers:
        title = paper.title
        assert title and title == title.strip(), title
        assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in title), title
        assert not _LEFTOVERS.search(title), title
        assert not any(html.unescape(m[0]) != m[0] for m in _ENTITY.finditer(title)), title
        assert not title.endswith((".", ",", ";", ":")), title
        assert 1 <= paper.line <= lines
        assert paper.id and paper.venue == paper.venue.strip()  # unknown venue: ""
        assert len(paper.links) <= MAX_LINKS
        for link in paper.links:
            assert link.url.startswith(("http://", "https://")), link
            assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in link.url), link
        kinds = [link.kind for link in paper.links]
        details = (*paper.authors, *paper.topics, *paper.affiliations, *paper.awards)
        for field in (*details, *paper.remarks, *([paper.venue] if paper.venue else []), *kinds):
            assert field and "\x1b" not in field and "\n" not in field, field
            assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in field), field


def _parse_or_refuse(text: str) -> ParsedList | None:
    try:
        parsed = parse_list(text, source="fuzz.md")
    except ListError as exc:
        assert str(exc).startswith("fuzz.md: ") and "\n" not in str(exc)
        return None
    assert parse_list(text, source="fuzz.md") == parsed, "parsing is deterministic"
    _check(parsed, text)
    return parsed


_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(family_a())
@example(  # an emoji between "]" and "(" made link syntax of a title once it was dropped
    "# ASPLOS25\n\n* \\[] **[y]🎉(file:///etc/passwd)00 0000**. X et.al. **MLSys 2025**\n"
)
def test_generated_tagged_lists(text: str) -> None:
    _parse_or_refuse(text)


@_FUZZ
@given(family_b())
@example(  # a bracketed note after a hard break left the title's full stop behind it
    "# MLSys 2025\n\n## Papers\n\n### 0\n\n* 0\n  * CMU & MIT\n  * a note.\n[bold red]\\\n"
    "  *   * CMU & MIT\n"
)
def test_generated_sectioned_lists(text: str) -> None:
    _parse_or_refuse(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(_title, min_size=1, max_size=5), _venue)
@example(["A", "a"], "MLSys 2025")  # one title in two cases: one paper
def test_clean_generated_lists_keep_every_entry(titles: list[str], venue: str) -> None:
    text = "\n".join(
        f"* \\[t] [{t}](https://x.org/{i}). Ann Lee. {venue}" for i, t in enumerate(titles)
    )
    parsed = parse_list(text, source="x.md")
    assert parsed.entries == len(titles)
    # Titles that fold to one (case, punctuation) are one paper, unless their symbols differ.
    one_paper = {(normalize_title(t), symbols(t)): t for t in reversed(titles)}
    assert [p.title for p in parsed.papers] == [
        t for t in dict.fromkeys(titles) if one_paper[normalize_title(t), symbols(t)] == t
    ]


@_FUZZ
@given(st.text())
def test_random_text(text: str) -> None:
    _parse_or_refuse(text)


@_FUZZ
@given(st.lists(st.sampled_from([*_NOISE, "a", "b", " ", "OSDI 2024", "Papers"]), max_size=60))
def test_random_markdown_soup(parts: list[str]) -> None:
    _parse_or_refuse("".join(parts))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bytes") / "list.md"


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_random_bytes(scratch: Path, data: bytes) -> None:
    scratch.write_bytes(data)
    try:
        text = read_list_file(scratch)
    except ListError as exc:
        assert str(exc).startswith(f"{scratch}: ") and "\n" not in str(exc)
        return
    _parse_or_refuse(text)


ENTRY = "* \\[t] [Kept Entry](https://x.org/p). Ann Lee. OSDI'24\n"


def _parse(text: str) -> Callable[[], object]:
    return partial(parse_list, text, source="x.md")


@pytest.mark.parametrize("char", ["a", "[", "*", "_", "<", "\\", "`", "(", "!["])
def test_a_100000_character_line_is_skipped(char: str) -> None:
    def with_line(length: int) -> str:
        return ENTRY + char * length + "\n" + ENTRY.replace("Kept", "Other")

    parsed = parse_list(with_line(100_000), source="x.md")
    assert [p.title for p in parsed.papers] == ["Kept Entry", "Other Entry"]
    assert parsed.skipped == ((2, f"line longer than {MAX_LINE} characters"),)
    # Skipped before parsing: four times the line is no more work.
    assert calls_made(_parse(with_line(100_000))) <= 1.2 * calls_made(_parse(with_line(25_000)))


@pytest.mark.parametrize(
    "unit, small",
    [("[", 1_000), ("*a", 2_000), ("<a ", 2_000), ("A. ", 2_000)],
)
def test_a_long_line_under_the_limit_is_read_in_linear_work(unit: str, small: int) -> None:
    def line_of(length: int) -> Callable[[], object]:
        body = unit * (length // len(unit)) + ("OSDI'24" if unit == "A. " else "")
        return _parse(ENTRY + "* \\[t] [x](https://x.org). " + body)

    assert_linear(line_of, small, expected=ListError)
    # The longest such line still parses (its own paper or none, never an error).
    longest = unit * ((MAX_LINE - 100) // len(unit))
    parsed = parse_list(ENTRY + "* \\[t] [x](https://x.org). " + longest, source="x.md")
    assert parsed.papers[0].title == "Kept Entry"


def test_ten_thousand_nested_bullets() -> None:
    nested = "* " * 10_000 + "deep\n"
    parsed = parse_list(ENTRY + nested, source="x.md")
    assert [p.title for p in parsed.papers] == ["Kept Entry"]
    # Past the line guard: markdown-it's nesting limit holds.
    tree = parse_blocks(nested, parse_markdown(nested).tokens)
    depth = max(item.depth for item in walk([b for b in tree if isinstance(b, Item)]))
    assert depth <= blocks.MAX_NESTING


def _indented(size: int) -> Callable[[], object]:
    # Line i is indented 2i spaces: the text grows with the square of the levels.
    levels = math.isqrt(size)
    return _parse("# V 2024\n\n## Papers\n\n" + "".join("  " * i + "* x\n" for i in range(levels)))


def _quoted(levels: int) -> Callable[[], object]:
    return _parse(ENTRY + "> " * levels + "x\n")


def _bulleted(levels: int) -> Callable[[], object]:
    return _parse(ENTRY + "* " * levels + "deep\n")


@pytest.mark.parametrize(
    "shape, small",
    [("bullets", 2_500), ("indentation", 250_000), ("quotes", 2_250)],
)
def test_deep_nesting_is_read_in_linear_work(shape: str, small: int) -> None:
    make = {"bullets": _bulleted, "indentation": _indented, "quotes": _quoted}[shape]
    assert_linear(make, small, expected=ListError)


def test_deep_item_trees_are_walked_without_recursion() -> None:
    root = Item(line=1, depth=0)
    node = root
    for depth in range(1, 20_000):
        child = Item(line=depth + 1, depth=depth)
        node.children.append(child)
        node = child
    assert len(walk([root])) == 20_000


def _links_a(n: int) -> str:
    links = "\n".join(f"  [c{i}](https://x.org/{i})" for i in range(n))
    return "* \\[t] [Linked](https://x.org/p). Ann Lee. OSDI'24\n" + links + "\n"


def _links_b(n: int) -> str:
    links = "\n".join(f"  \\[[Code](https://x.org/{i})]" for i in range(n))
    return "# OSDI 2024\n\n## Papers\n\n* Linked \\[[Paper](https://x.org/p)]\n" + links + "\n"


def _links_c(n: int) -> str:
    children = "".join(f"  * [Code](https://x.org/{i})\n" for i in range(n))
    return "# OSDI 2024\n\n## Papers\n\n* Category\n" + children


@pytest.mark.parametrize("shape", [_links_a, _links_b, _links_c])
def test_ten_thousand_links_in_one_entry(shape: Callable[[int], str]) -> None:
    parsed = parse_list(shape(10_000), source="x.md")
    assert all(len(p.links) <= MAX_LINKS for p in parsed.papers)
    assert len(parsed.papers[0].links) == MAX_LINKS
    assert_linear(lambda n: _parse(shape(n)), 500)


def test_nul_and_control_characters_in_text() -> None:
    text = ENTRY.replace("Kept", "Ke\x00pt\x1b[2J\x07") + "\x00" * 100 + "\n"
    (paper,) = parse_list(text, source="x.md").papers
    assert paper.title == "Kept Entry"


def test_open_brackets_closed_once_at_the_end_of_a_line_are_read_in_linear_time() -> None:
    """``[[[[...]``: each ``[`` scanned to the end for its ``]`` (12 s at the line limit).

    A loop, not calls, so ``calls_made`` cannot see it: two sizes in one run, best of three,
    in this thread's CPU time (another process keeping the cores busy does not count).
    """

    def best(length: int) -> float:
        text = ENTRY + "* " + "[" * length + "]\n"
        times = []
        for _ in range(3):
            started = time.thread_time()
            parse_list(text, source="x.md")
            times.append(time.thread_time() - started)
        return min(times)

    small, big = best(2_000), best(8_000)
    assert big < 8 * small + 0.05  # four times the line: 16 times the work when quadratic


@pytest.mark.parametrize("noise", ["<b🎉r>", "<i🔥 x>", "</a🚀>"])
def test_a_picture_taken_out_of_a_title_completes_no_tag(noise: str) -> None:
    """``<b🎉r>`` is text; with its picture gone it must not read as a tag left in the title."""
    parsed = parse_list(
        f"# MLSys 2025\n\n## Papers\n\n* CMU & MIT (, {noise} a note\n", source="x.md"
    )
    titles = [p.title for p in parsed.papers]
    assert titles and not any(_LEFTOVERS.search(t) for t in titles), titles
