"""Candidate entries of any list: list items, table rows, paragraphs, headings, HTML items.

The general reader's first step. markdown-it-py's token stream (CommonMark plus tables and
HTML blocks) becomes a flat, document-ordered list of candidates, each with the headings
above it; HTML blocks go through ``html_blocks``. Nothing here decides what is a paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.text_join import text_join
from markdown_it.token import Token

from papershelf.catalog import tab_tables, table_rule
from papershelf.catalog.bib_blocks import bibtex_venue
from papershelf.catalog.blocks import MAX_NESTING, NEEDS_INLINE_PARSE, ListMarkdown
from papershelf.catalog.bold_heads import BOLD_LEVEL, bold_venue_line
from papershelf.catalog.candidate import Candidate
from papershelf.catalog.field_tables import field_line
from papershelf.catalog.header_words import unstretched
from papershelf.catalog.lazy_items import lazy_bullets
from papershelf.catalog.proceedings import authors_with_affiliations, paragraph_text
from papershelf.catalog.simple_inline import simple_children
from papershelf.catalog.spans import Span, spans_of, text_of
from papershelf.catalog.tokens import text_token

_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FRONT_TITLE = re.compile(r"^title:\s*(?P<title>.+?)\s*$", re.M)


@dataclass(slots=True)
class Document:
    candidates: list[Candidate]
    title: str | None
    """The front matter's ``title:`` or the first level-1 heading."""


MAX_BRACKETS = 2_000


def _inline_rule(state: StateCore) -> None:
    """markdown-it's inline and text_join steps, skipped for text without inline syntax.

    Lines of plain text, escapes and plain links get the same tokens from ``simple_inline``.
    """
    md = state.md
    normalize, validate = md.normalizeLink, md.validateLink
    parsed: list[Token] = []
    refs = bool(state.env.get("references"))
    for token in state.tokens:
        if token.type != "inline":
            continue
        children: list[Token] = []
        token.children = children
        content = token.content
        if "\n" not in content and NEEDS_INLINE_PARSE.search(content) is None:
            children.append(text_token(content))
        elif (simple := simple_children(content, normalize, validate, references=refs)) is not None:
            token.children = simple
        else:
            md.inline.parse(content, md, state.env, children)
            parsed.append(token)
    if parsed:
        # markdown-it's text_join step (off in ``_markdown``), for the inline parser's tokens
        # only: the shortcuts above make tokens as it leaves them, and most lines take one.
        text_join(StateCore("", md, state.env, parsed))


def _spans(inline: Token | None) -> list[Span]:
    """An inline's spans; thousands of brackets in one block are read as its plain text.

    Such a block is no entry, and splitting thousands of links into entries is quadratic:
    the seed families (which read it first, from the same tokens) have their own guard.
    """
    if inline is not None and inline.content.count("[") > MAX_BRACKETS:
        text = Token("text", "", 0, content=inline.content)
        return spans_of(Token("inline", "", 0, content=inline.content, children=[text]))
    return spans_of(inline)


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = ListMarkdown("commonmark", {"html": True, "maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.block.ruler.at("table", table_rule.table, {"alt": ["paragraph", "reference"]})
    md.block.ruler.before("paragraph", "tab_table", tab_tables.tab_table)
    md.disable(["code"])  # indented text in lists people keep is never code
    md.core.ruler.at("inline", _inline_rule)
    md.core.ruler.disable("text_join")  # run by ``_inline_rule`` where it can change a token
    return md


def front_matter(text: str) -> tuple[str, str | None]:
    """The text with a leading ``---`` front-matter block blanked (lines kept), and its title."""
    m = _FRONT_MATTER.match(text)
    if m is None:
        return text, None
    found = _FRONT_TITLE.search(m.group("body"))
    title = found.group("title").strip("'\" ") if found else None
    blank = "\n" * m.group(0).count("\n")
    return blank + text[m.end() :], title


@dataclass(slots=True)
class Parsed:
    """One markdown parse of a list, shared by the seed families and the general reader."""

    tokens: list[Token]
    front_title: str | None


def parse_markdown(text: str) -> Parsed:
    """The token stream of ``text`` (front matter blanked, lines kept) and the front title."""
    text, title = front_matter(text)
    return Parsed(_markdown().parse(text), title)


def read_document(
    text: str, *, inside_html: bool = False, parsed: Parsed | None = None
) -> Document:
    """Every candidate of ``text`` in document order (``parsed``: its tokens, if at hand).

    The document title is the front matter's, else the only level-1 heading (several are
    sections, like ``# ACM 2022`` then ``# xavier``).
    """
    from papershelf.catalog.html_blocks import html_candidates

    parsed = parsed or parse_markdown(text)
    tokens, title = parsed.tokens, parsed.front_title
    firsts: list[str] = []
    out: list[Candidate] = []
    headings: list[tuple[int, str]] = []
    section: Candidate | None = None
    items: list[Candidate] = []
    quote_depth = 0
    item_quotes: list[int] = []  # the quote depth each open item sits at
    quoted = 0  # items open inside a quote under an item: notes, not candidates
    header: list[str] = []
    row: list[tuple[str, list[Span]]] | None = None
    row_line = 0
    cell = 0
    in_head = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind in _PASSED:
            i += 1
            continue
        if kind == "heading_open":
            level = int(tok.tag[1:])
            spans = _spans(tokens[i + 1])
            heading_text = text_of(spans)
            if level == 1 and heading_text:
                firsts.append(heading_text)
            while headings and headings[-1][0] >= level:
                headings.pop()
            section = Candidate("heading", _line(tok), spans, tuple(headings), level=level)
            out.append(section)
            headings.append((level, heading_text))
            i += 3
            continue
        target = section.children if section is not None else out
        if kind == "list_item_open":
            if items and quote_depth > item_quotes[-1]:
                # "- [x] Title" then "  > - a note": a list quoted under an item is notes on
                # it, its text the item's details (as a quoted paragraph is the entry's above)
                quoted += 1
                i += 1
                continue
            item = Candidate("item", _line(tok), [], tuple(headings))
            (items[-1].children if items else target).append(item)
            items.append(item)
            item_quotes.append(quote_depth)
        elif kind == "list_item_close":
            if quoted:
                quoted -= 1
            elif items:
                items.pop()
                item_quotes.pop()
        elif kind in ("blockquote_open", "blockquote_close"):
            quote_depth += 1 if kind == "blockquote_open" else -1
        elif kind == "thead_open":
            in_head, header = True, []
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row, row_line, cell = [], _line(tok), 0
        elif kind in ("th_open", "td_open"):
            inline = tokens[i + 1] if tokens[i + 1].type == "inline" else None
            spans = _spans(inline)
            if in_head:
                name = unstretched(text_of(spans))  # "ttttttitle": a padded "title"
                header.append(name or (header[-1] if header else ""))
            elif row is not None:
                row.append((header[cell] if cell < len(header) else "", spans))
            cell += 1
        elif kind == "tr_close":
            if row is not None and not in_head:
                if section is not None and (kv := field_line(row)) is not None:
                    section.details.append(
                        (row_line, kv)
                    )  # "|**Authors** | A, B |" under "# Title"
                else:
                    target.append(Candidate("row", row_line, [], tuple(headings), row=row))
            row = None
        elif kind == "inline" and tokens[i - 1].type == "paragraph_open":
            spans = _spans(tok)
            if items:
                top = items[-1]
                if not top.spans and not top.children:
                    top.spans = spans
                    if (lazy := lazy_bullets(tok.content, spans)) is not None:
                        top.spans = lazy[0][1]  # "100. Candidates" then "    - SoCC 2016 -- ..."
                        for offset, line in lazy[1:]:
                            kid = Candidate("item", _line(tok) + offset, line, tuple(headings))
                            top.children.append(kid)
                else:
                    top.details.append((_line(tok), spans))
            elif quote_depth and target and target[-1].kind != "heading":
                target[-1].details.append((_line(tok), spans))
            else:
                if section is not None:
                    section.details.append((_line(tok), spans))
                if not quote_depth and (bold := bold_venue_line(spans)) is not None:
                    while headings and headings[-1][0] >= BOLD_LEVEL:  # "**NeurIPS 2023 ...**"
                        headings.pop()  # a heading in bold type: no paragraph of the list
                    headings.append((BOLD_LEVEL, bold))
                    i += 1
                    continue
                para = Candidate("paragraph", _line(tok), spans, tuple(headings))
                para.quoted = quote_depth > 0
                target.append(para)
        elif kind == "fence" and section is not None and not items and tok.content[:1] == "@":
            if (venue := bibtex_venue(tok.content)) is not None:  # a BibTeX entry beside it
                section.details.append((_line(tok), [Span(venue)]))
        elif kind == "html_block":
            content, first = tok.content, _line(tok)
            if section is not None and not items and not section.children and not section.details:
                byline = paragraph_text(content)  # "###### Title<br>" then "<p>A (Org); B</p>"
                if byline is not None and authors_with_affiliations(byline) is not None:
                    section.details.append((first, [Span(byline)]))
                    i += 1
                    continue
            note = _NOTE.fullmatch(content) if target and target[-1].kind == "paragraph" else None
            if note is not None and first - target[-1].line <= _NOTE_GAP:
                # '<a class="paper">Title</a>' then '<p class="conference">(OSDI '20)</p>':
                # the note in parentheses right under an entry is that entry's
                target[-1].spans.append(Span(" " + unescape(note.group(1))))
                i += 1
                continue
            if (heading := _html_heading(content)) is not None and not items:
                # '<h3 id="1.1">1.1 Basic</h3>': a section heading written in HTML.
                level, heading_text = heading
                while headings and headings[-1][0] >= level:
                    headings.pop()
                section = Candidate(
                    "heading", first, [Span(heading_text)], tuple(headings), level=level
                )
                out.append(section)
                headings.append((level, heading_text))
                target, content, first = section.children, content.partition("\n")[2], first + 1
            found = html_candidates(content, first, tuple(headings))
            if not inside_html:
                found.extend(_markdown_in_html(content, first, tuple(headings)))
            (items[-1].children if items else target).extend(found)
        i += 1
    for candidate in out:
        if candidate.kind == "heading":
            candidate.details.extend(_item_lines(candidate.children))
    if title is None and len(firsts) == 1:
        title = firsts[0]
    return Document(out, title)


_PASSED = frozenset(
    (
        *("paragraph_open", "paragraph_close", "bullet_list_open", "bullet_list_close"),
        *("ordered_list_open", "ordered_list_close", "heading_close", "th_close", "td_close"),
        *("table_open", "table_close", "tbody_open", "tbody_close", "hr"),
    )
)
"""Most of a list's tokens: structure that makes no candidate (the inline after a paragraph's
opening is read when it comes)."""

_NOTE = re.compile(r"\s*<p\b[^<>]*>\s*(\([^()<>]{2,200}\))\s*</p>\s*", re.IGNORECASE)
_NOTE_GAP = 2
"""Lines from an entry's paragraph to the note under it (one blank line between at most)."""
_HTML_HEADING = re.compile(r"[ \t]*<h([1-6])\b[^>]*>(.*?)</h\1>[ \t]*(?:\n|$)", re.IGNORECASE)


def _html_heading(html: str) -> tuple[int, str] | None:
    """(level, text) when an HTML block opens with a heading on its own line."""
    m = _HTML_HEADING.match(html)
    if m is None:
        return None
    text = " ".join(unescape(re.sub(r"<[^<>]*>", "", m.group(2))).split())
    return (int(m.group(1)), text) if text else None


_TAG_LINE = re.compile(r"^\s*(?:<[^<>]*>\s*)+$|^\s*\{%.*%\}\s*$")


def _markdown_in_html(
    html: str, first_line: int, headings: tuple[tuple[int, str], ...]
) -> list[Candidate]:
    """Markdown written inside an HTML block (``<div markdown="1">`` then a list, no blank line).

    CommonMark ends such a block only at a blank line, so the list would be raw HTML text;
    a reader sees a list. The lines that are only tags are blanked and the rest read again,
    at their own line numbers.
    """
    lines = html.split("\n")
    kept = ["" if _TAG_LINE.match(line) else line for line in lines]
    if not any(line.strip() and not line.lstrip().startswith("<") for line in kept):
        return []
    text = "\n" * (first_line - 1) + "\n".join(kept)
    inner = read_document(text, inside_html=True).candidates
    for candidate in inner:
        candidate.headings = headings + candidate.headings
    return inner


def _item_lines(candidates: list[Candidate]) -> list[tuple[int, list[Span]]]:
    """The first lines of a heading's top-level items (its ``- **Link:** ...`` lines)."""
    return [(c.line, c.spans) for c in candidates if c.kind == "item" and c.spans]


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0
