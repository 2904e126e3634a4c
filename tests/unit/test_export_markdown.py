"""Markdown journal: grouping, and text that renders exactly as typed (checked with markdown-it)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from papershelf.domain.glyphs import STAR
from papershelf.domain.glyphs import STATUS_GLYPH as STATUS_GLYPHS
from papershelf.domain.models import Link, Paper, PaperState, Status
from papershelf.export._text import one_line
from papershelf.export.markdown import escape_markdown, to_markdown

# CommonMark plus the GitHub extensions that could turn text into markup.
MD = MarkdownIt("commonmark").enable(["strikethrough", "table"])


def paper(
    pid: str,
    title: str,
    *,
    venue: str = "MLSys 2025",
    authors: Sequence[str] = (),
    topics: Sequence[str] = (),
    links: Sequence[Link] = (Link("paper", "https://example.org/p"),),
    affiliations: Sequence[str] = (),
    withdrawn: bool = False,
) -> Paper:
    return Paper(
        id=pid,
        title=title,
        venue=venue,
        authors=tuple(authors),
        topics=tuple(topics),
        links=tuple(links),
        affiliations=tuple(affiliations),
        withdrawn=withdrawn,
    )


def inline_text(token: Token) -> str:
    """The text a reader sees in an inline token; fails on any markup other than links."""
    assert token.children is not None
    kinds = {child.type for child in token.children}
    assert kinds <= {"text", "link_open", "link_close"}, kinds
    return "".join(child.content for child in token.children if child.type == "text")


def bullets(markdown: str) -> list[Token]:
    """The first inline token of every list item (the paper line)."""
    tokens = MD.parse(markdown)
    found = []
    for i, token in enumerate(tokens):
        if token.type == "list_item_open":
            inline = next(t for t in tokens[i:] if t.type == "inline")
            found.append(inline)
    return found


def link_texts(inline: Token) -> list[tuple[str, str]]:
    """(href, text) of every link in an inline token."""
    assert inline.children is not None
    out: list[tuple[str, str]] = []
    parts: list[str] = []
    href: str | None = None
    for child in inline.children:
        if child.type == "link_open":
            href, parts = str(child.attrs["href"]), []
        elif child.type == "link_close":
            out.append((str(href), "".join(parts)))
            href = None
        elif href is not None:
            parts.append(child.content)
    return out


def headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MD.parse(markdown)
    return [
        (token.tag, inline_text(tokens[i + 1]))
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


HOSTILE = [
    "[bold]",
    "*x*",
    "<b>hi</b>",
    "`code`",
    "&amp; &#65;",
    "a_b_c __d__",
    "back\\slash\\",
    "~~strike~~",
    "$x^2$",
    "[link](https://evil.example)",
    "![img](x.png)",
    "<https://auto.link>",
    "C# #",
    "| a | b |",
    ":tada: 10:30",
    "[@click=app.quit]",
]


def test_hostile_titles_and_authors_render_as_typed() -> None:
    papers = [paper(f"id{i}", title, authors=[title, "Ann Lee"]) for i, title in enumerate(HOSTILE)]
    items = bullets(to_markdown(papers, {}))
    assert len(items) == len(HOSTILE)
    for title, item in zip(HOSTILE, items, strict=True):
        assert link_texts(item) == [("https://example.org/p", title)]
        unread = STATUS_GLYPHS[Status.UNREAD]
        assert inline_text(item) == f"{unread} unread {title} — {title}, Ann Lee"


def test_bullet_shows_status_star_links_and_affiliations() -> None:
    p = paper(
        "a",
        "Lumos",
        affiliations=["CMU & NVIDIA"],
        links=[
            Link("arxiv", "https://arxiv.org/abs/1"),
            Link("paper", "https://mlsys.org/p/1"),
            Link("code", "javascript:alert(1)"),
        ],
    )
    text = to_markdown([p], {"a": PaperState(status=Status.READ, starred=True)})
    (item,) = bullets(text)
    glyph = STATUS_GLYPHS[Status.READ]
    assert inline_text(item) == f"{glyph} read {STAR} Lumos — CMU & NVIDIA · arxiv"
    assert link_texts(item) == [
        ("https://mlsys.org/p/1", "Lumos"),
        ("https://arxiv.org/abs/1", "arxiv"),
    ]
    assert "javascript" not in text


def test_tags_show_after_the_links_as_typed() -> None:
    p = paper("a", "Lumos")
    text = to_markdown([p], {"a": PaperState(tags=("survey", "*bold*"))})
    (item,) = bullets(text)
    unread = STATUS_GLYPHS[Status.UNREAD]
    assert inline_text(item) == f"{unread} unread Lumos · tags: survey, *bold*"


def test_title_without_a_safe_link_is_plain_text() -> None:
    p = paper("a", "Lumos (v2)", links=[Link("paper", "file:///etc/passwd")])
    (item,) = bullets(to_markdown([p], {}))
    assert link_texts(item) == []
    assert inline_text(item) == f"{STATUS_GLYPHS[Status.UNREAD]} unread Lumos (v2)"


def test_link_with_parentheses_and_spaces_stays_one_link() -> None:
    p = paper("a", "T", links=[Link("paper", "https://x.org/a_(b) c>d")])
    (item,) = bullets(to_markdown([p], {}))
    assert link_texts(item) == [("https://x.org/a_(b)%20c%3Ed", "T")]


def test_grouped_by_venue_then_first_topic_in_first_seen_order() -> None:
    papers = [
        paper("1", "One", venue="MLSys 2025", topics=["Inference", "Serving"]),
        paper("2", "Two", venue="ASPLOS 2025", topics=["GPU"]),
        paper("3", "Three", venue="MLSys 2025", topics=["Training"]),
        paper("4", "Four", venue="MLSys 2025", topics=["Inference"]),
        paper("5", "Five", venue="MLSys 2025"),
    ]
    states = {"1": PaperState(status=Status.READ), "4": PaperState(status=Status.READING)}
    text = to_markdown(papers, states, title="My *list*")
    assert headings(text) == [
        ("h1", "My *list*"),
        ("h2", "MLSys 2025 · 1/4 read"),
        ("h3", "Inference"),
        ("h3", "Training"),
        ("h3", "No topic"),
        ("h2", "ASPLOS 2025 · 0/1 read"),
        ("h3", "GPU"),
    ]
    order = [link_texts(item)[0][1] for item in bullets(text)]
    assert order == ["One", "Four", "Three", "Five", "Two"]
    assert "5 papers: 3 unread, 0 to-read, 1 reading, 1 read; 0 starred." in text


def test_note_renders_inside_its_item_as_it_renders_alone() -> None:
    note = "Read **twice**.\n\n- point one\n\n\tcode()\n\n> quoted <i>html</i>\n\n# Heading"
    papers = [paper("a", "First"), paper("b", "Second")]
    text = to_markdown(papers, {"a": PaperState(note=note)})
    assert "\n  Read **twice**.\n" in text
    html = MD.render(text)
    alone = MD.render(note)
    assert alone in html
    assert html.index(alone) < html.index(">Second<")
    tokens = MD.parse(text)
    assert len([t for t in tokens if t.type == "list_item_open" and t.level == 1]) == 2


def test_unclosed_fence_in_a_note_stays_inside_its_item() -> None:
    papers = [paper("a", "First"), paper("b", "Second")]
    text = to_markdown(papers, {"a": PaperState(note="```\nnever closed")})
    html = MD.render(text)
    assert re.search(r"<pre><code>never closed\s*</code></pre>\s*</li>\s*<li>", html)
    assert link_texts(bullets(text)[-1]) == [("https://example.org/p", "Second")]


def test_exported_at_is_shown() -> None:
    text = to_markdown([], {}, exported_at="2025-05-01T10:00:00Z")
    assert "Exported 2025-05-01T10:00:00Z. 0 papers" in text
    tokens = MD.parse(to_markdown([], {}, exported_at="*now*"))
    (paragraph,) = [t for t in tokens if t.type == "inline"][1:]
    assert inline_text(paragraph).startswith("Exported *now*. 0 papers")


def test_withdrawn_paper_is_labelled() -> None:
    (item,) = bullets(to_markdown([paper("a", "Gone", withdrawn=True)], {}))
    assert inline_text(item).endswith("Gone (withdrawn)")


def test_terminal_escapes_never_reach_the_output() -> None:
    osc = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
    p = paper("a", f"T{osc}", authors=[f"A{osc}"], venue=f"V{osc}", topics=[f"X{osc}"])
    text = to_markdown([p], {"a": PaperState(note=f"n\x1b[2J{osc}\u202e\x9b")})
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", text)


titles = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="[]()*_`<>&#\\~|$!:=-+.'\"{} \naé", max_size=40),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(titles, st.lists(titles, max_size=3)), min_size=1, max_size=5))
def test_any_title_and_authors_render_as_typed(rows: list[tuple[str, list[str]]]) -> None:
    papers = [paper(f"id{i}", title, authors=authors) for i, (title, authors) in enumerate(rows)]
    items = bullets(to_markdown(papers, {}))
    assert len(items) == len(papers)
    for p, item in zip(papers, items, strict=True):
        title = one_line(p.title) or "(untitled)"
        authors = [one_line(a) for a in p.authors if one_line(a)]
        assert link_texts(item) == [("https://example.org/p", title)]
        expected = f"{STATUS_GLYPHS[Status.UNREAD]} unread {title}"
        if authors:
            expected += " — " + ", ".join(authors)
        assert inline_text(item) == expected


@settings(max_examples=100, deadline=None)
@given(titles)
def test_escaped_heading_text_renders_as_typed(text: str) -> None:
    escaped = escape_markdown(text)
    if escaped:
        assert headings(f"## {escaped}\n") == [("h2", one_line(text))]


def test_emoji_codes_are_escaped_but_plain_colons_are_not() -> None:
    assert escape_markdown("Lumos: :tada: at 10:30") == "Lumos: \\:tada: at 10:30"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="()<>[] \\\"'`*_{}|%#?=&abc\n\x1b", max_size=20))
def test_any_url_stays_one_link_around_the_title(tail: str) -> None:
    p = paper("a", "Title", links=[Link("paper", "https://x.org/" + tail)])
    (item,) = bullets(to_markdown([p], {}))
    ((href, text),) = link_texts(item)
    assert text == "Title"
    assert href.startswith("https://x.org/")
