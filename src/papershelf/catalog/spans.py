"""One inline's text as spans (text, links, badge images, line breaks) for the general reader.

``inline.pieces_of`` serves the two seed families and folds breaks into spaces; the general
reader needs the breaks (several entries in one paragraph or cell) and the badge images
(``![image][Paper]`` says what an entry is), so it reads the tokens itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from markdown_it.token import Token

from papershelf.catalog.code_spans import is_code
from papershelf.catalog.venue_badges import venue_badge
from papershelf.domain.text import one_line, sanitize

_BREAK_TAG = re.compile(r"</?br\s*/?>", re.IGNORECASE)
_STRONG_TAG = re.compile(r"</?(?:strong|b)\s*>", re.IGNORECASE)
_EM_TAG = re.compile(r"</?(?:em|i)\s*>", re.IGNORECASE)
_ANCHOR_OPEN = re.compile(r"<a\s[^>]*?\bhref\s*=\s*[\"']([^\"']*)[\"'][^>]*>", re.IGNORECASE)
_ANCHOR_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)


@dataclass(slots=True)
class Span:
    """A run of text, a link (``href`` set) with its label, a badge image, or a line break."""

    text: str
    href: str | None = None
    strong: bool = False
    emph: bool = False
    badge: str | None = None
    """The label a badge image shows (shields.io ``message=``, else its alt text)."""
    brk: bool = False
    code: bool = False
    """A code span standing alone (```ACL20```): a field of its own, like a bracketed tag."""
    tag: bool = False
    """A line break written as an HTML ``<br>`` (the writer's own, not a wrapped line)."""

    @property
    def is_link(self) -> bool:
        return self.href is not None


def badge_label(src: str, alt: str) -> str:
    """``img.shields.io/static/v1?label=&message=Paper`` -> ``Paper``; else the alt text.

    A badge without alt text that shows one text shows what its path says:
    ``/badge/ICLR-orange`` shows ICLR, ``/badge/NIPS_FMDM_Workshop-orange`` "NIPS FMDM
    Workshop" (``_`` a space, ``--`` a dash).
    """
    if "shields.io" in src:
        try:
            parts = urlsplit(src)
        except ValueError:  # "https://img.[shields.io/...": no badge's fields to read
            return alt.strip()
        message = parse_qs(parts.query).get("message")
        if message and message[0].strip():
            return message[0].strip()
        if not alt.strip() and (shown := _PATH_BADGE.search(parts.path)) is not None:
            fields = _BADGE_DASH.split(unquote(shown.group(1)))
            if len(fields) == 2:  # "text-colour"; "label-message-colour" keeps its alt text
                text = _BADGE_SPACE.sub(" ", fields[0]).replace("__", "_").replace("--", "-")
                return text.strip()
    return alt.strip()


_PATH_BADGE = re.compile(r"/badge/([^/]+?)(?:\.svg)?$")
_BADGE_DASH = re.compile(r"(?<!-)-(?!-)")
_BADGE_SPACE = re.compile(r"(?<!_)_(?!_)")
"""A dash between a badge's fields (``--`` is a dash inside one)."""


def spans_of(inline: Token | None) -> list[Span]:
    """Flatten an inline token; breaks kept as spans, badge images kept by label."""
    if inline is None or not inline.children:
        return []
    if len(inline.children) == 1 and inline.children[0].type == "text":  # most: plain text
        return [Span(sanitize(inline.children[0].content))]
    out: list[Span] = []
    strong = emph = 0
    link: list[str] | None = None
    href = ""
    link_strong = False
    shown: str | None = None  # the venue a badge linked in the open link shows
    for tok in inline.children:
        kind = tok.type
        if kind == "code_inline" and link is None and is_code(tok.content):
            continue  # "`pip install foo`", "`src/train.py`": code, no words of a title
        if kind in ("text", "code_inline", "text_special"):
            text = sanitize(tok.content)
        elif kind in ("softbreak", "hardbreak"):
            if link is not None:
                link.append(" ")
            else:
                out.append(Span("\n", brk=True))
            continue
        elif kind == "html_inline":
            content = tok.content.strip()
            if _BREAK_TAG.fullmatch(content):
                if link is None:
                    out.append(Span("\n", brk=True, tag=True))
                continue
            if _STRONG_TAG.fullmatch(content):
                strong += -1 if content.startswith("</") else 1
            elif _EM_TAG.fullmatch(content):
                emph += -1 if content.startswith("</") else 1
            elif link is None and (anchor := _ANCHOR_OPEN.fullmatch(content)):
                # <a href="...">Title</a> in a table cell: the link markdown would have made
                link, href, link_strong = [], anchor.group(1).strip(), strong > 0
            elif link is not None and _ANCHOR_CLOSE.fullmatch(content):
                out.append(Span("".join(link), href, link_strong))
                link = None
            continue
        elif kind in ("strong_open", "strong_close"):
            strong += 1 if kind == "strong_open" else -1
            continue
        elif kind in ("em_open", "em_close"):
            emph += 1 if kind == "em_open" else -1
            continue
        elif kind == "link_open":
            link, href, link_strong = [], str(tok.attrs.get("href", "")), strong > 0
            continue
        elif kind == "link_close":
            if link is not None:
                out.append(Span("".join(link), href, link_strong))
                if shown:  # "[![Publish](.../badge/Conference-ICLR'22-blue)]()": its venue
                    out.append(Span("", badge=shown))
            link, shown = None, None
            continue
        elif kind == "image":
            src = str(tok.attrs.get("src", ""))
            shown = venue_badge(src) if link is not None else None
            if link is None:
                alt = "".join(c.content for c in tok.children or ())
                out.append(Span("", badge=venue_badge(src) or badge_label(src, alt)))
            continue
        else:
            continue
        if link is not None:
            link.append(text)
            link_strong = link_strong or strong > 0
            continue
        if kind == "code_inline" and not strong and not emph:
            # "*Authors* `EMNLP20`": the span is a field, not more words of the authors
            out.append(Span(text, code=True))
            continue
        add_text(out, text, strong=strong > 0, emph=emph > 0)
    return out


def add_text(out: list[Span], text: str, *, strong: bool = False, emph: bool = False) -> None:
    """Append text, joining it to the previous text span of the same emphasis."""
    last = out[-1] if out else None
    if (
        last is not None
        and not last.is_link
        and not last.brk
        and last.badge is None
        and not last.code
        and (last.strong, last.emph) == (strong, emph)
    ):
        last.text += text
    else:
        out.append(Span(text, None, strong, emph))


def text_of(spans: list[Span]) -> str:
    """The visible text of spans (link labels included), one line."""
    return one_line("".join([" " if s.brk else s.text for s in spans]))


def split_lines(spans: list[Span]) -> list[list[Span]]:
    """Spans cut at line breaks (empty lines dropped)."""
    for span in spans:
        if span.brk:
            break
    else:  # most: one line
        for span in spans:
            if span.text.strip() or span.badge:
                return [list(spans)]
        return []
    lines: list[list[Span]] = [[]]
    for span in spans:
        if span.brk:
            lines.append([])
        else:
            lines[-1].append(span)
    return [line for line in lines if any(s.text.strip() or s.badge for s in line)]
