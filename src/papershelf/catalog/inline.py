"""One line's inline tokens as text and link pieces, and the cleaning of titles and fields."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown_it.token import Token

from papershelf.catalog.code_spans import is_code
from papershelf.domain.text import one_line, sanitize

MAX_TITLE = 1000
"""Longer "titles" are lines that merely look like entries (pasted prose, binary junk)."""


@dataclass(slots=True)
class Piece:
    """A run of text with its emphasis, or a link (``href`` set) with its label text."""

    text: str
    href: str | None = None
    strong: bool = False
    emph: bool = False
    struck: bool = False
    image: bool = False
    """A link around an image only (a logo, a badge): nothing a reader would call a title."""

    @property
    def is_link(self) -> bool:
        return self.href is not None


_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


_PIECES = "papershelf.pieces"
"""Where an inline token keeps its pieces (its ``meta``): several readers ask for them."""


def pieces_of(inline: Token | None) -> list[Piece]:
    """Flatten an inline token into pieces; inline HTML tags are dropped (``<br>`` is a space).

    Worked out once per token (the seed readers and the details read the same items); the
    list and its pieces are shared, so callers read them and never change them.
    """
    if inline is None or not inline.children:
        return []
    kept: list[Piece] | None = inline.meta.get(_PIECES)
    if kept is None:
        kept = inline.meta[_PIECES] = _pieces(inline.children)
    return kept


def _pieces(children: list[Token]) -> list[Piece]:
    if len(children) == 1 and children[0].type == "text":  # most detail lines
        return [Piece(sanitize(children[0].content))]
    out: list[Piece] = []
    strong = emph = struck = 0
    link: list[str] | None = None
    href = ""
    images = False
    link_flags = [False, False, False]
    for tok in children:
        kind = tok.type
        if kind == "text" or kind == "text_special" or kind == "code_inline":
            if kind == "code_inline" and link is None and is_code(tok.content):
                continue  # "`pip install foo`", "`src/train.py`": code, no words of a title
            text = tok.content
            if not text.isprintable():  # sanitize's own first test
                text = sanitize(text)
        elif kind == "link_open":  # links tested before the rarer kinds
            link, href, images = [], str(tok.attrs.get("href", "")), False
            link_flags = [strong > 0, emph > 0, struck > 0]
            continue
        elif kind == "link_close":
            if link is not None:
                label = "".join(link)
                strong_link, emph_link, struck_link = link_flags
                image = images and not label.strip()
                out.append(Piece(label, href, strong_link, emph_link, struck_link, image))
            link = None
            continue
        elif kind in ("softbreak", "hardbreak"):
            text = " "
        elif kind == "html_inline":
            if not _BREAK_TAG.fullmatch(tok.content.strip()):
                continue
            text = " "
        elif kind in ("strong_open", "strong_close"):
            strong += 1 if kind == "strong_open" else -1
            continue
        elif kind in ("em_open", "em_close"):
            emph += 1 if kind == "em_open" else -1
            continue
        elif kind in ("s_open", "s_close"):
            struck += 1 if kind == "s_open" else -1
            continue
        elif kind == "image":
            # Read as the seed families always read one: "!" then a link to the picture.
            if link is not None:
                images = True
                continue
            alt = sanitize(tok.content)
            out.append(Piece("!"))
            out.append(Piece(alt, str(tok.attrs.get("src", "")), strong > 0, emph > 0, struck > 0))
            continue
        else:
            continue
        if link is not None:
            link.append(text)
            if strong or emph or struck:  # else the flags stay as they are
                link_flags = [
                    link_flags[0] or strong > 0,
                    link_flags[1] or emph > 0,
                    link_flags[2] or struck > 0,
                ]
            continue
        flags = (strong > 0, emph > 0, struck > 0)
        last = out[-1] if out else None
        if (
            last is not None
            and last.href is None
            and (last.strong, last.emph, last.struck) == flags
        ):
            last.text += text
        else:
            out.append(Piece(text, None, *flags))
    return out


def plain(pieces: list[Piece]) -> str:
    """The visible text of pieces (link labels included), one line, sanitised."""
    if len(pieces) == 1:  # most detail lines
        return one_line(pieces[0].text)
    return one_line("".join([p.text for p in pieces]))


# Markdown syntax a renderer would have consumed, should any survive in a title.
_LINK_SYNTAX = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_MARKERS = re.compile(r"\*\*+|(?<!_)__(?!_)|~~+|`+|\\")
_MARKER_TEXTS = ("**", "__", "~~", "`", "\\")
"""What every ``_MARKERS`` match holds: a title without any (most) skips the pattern."""
_TRAILING = ".,;:|/ \t~*_`#"
_NOT_BLANK = _TRAILING.replace("_", "")
_BLANK = "___"
"""Three underscores or more after a word are a blank to fill in (``Filling in the___``)."""
_QUOTE_PAIRS = {"’": "‘", "”": "“", '"': '"', "'": "'", "»": "«"}
_SPACE = re.compile(r"\s+")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u265f\u2670-\u27bf\u2b50-\u2b55][\ufe0f\u200d]?")
"""Pictographs (emoji, dingbats): marks beside or in a title, never its words (U+2660-266F are
left: ``C♯`` names a language)."""
_ENTITY = re.compile(r"&(?:#[xX]?[0-9A-Fa-f]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")


def clean_text(text: str) -> str:
    """A detail line or label: sanitised, one line (markdown-it already decoded entities)."""
    return one_line(text)


# What is left of an arXiv page's title prefix once the leading "[" went: "2002.02440] ".
_ARXIV_PAGE = re.compile(r"\d{4}\.\d{4,5}(?:v\d+)?\]\s+")


_BIBTEX_BRACES = re.compile(r"(?<![\^_\\\w$])\{([A-Za-z][^{}$\n]{0,59})\}")
"""Braces a BibTeX title keeps a word's case with: a reader sees the word alone. TeX's
own (``D$^{2}$MoE``, ``\\textbf{x}``) are the title's markup, left as they are."""


def clean_title(text: str) -> str:
    """A title as a reader sees it: no markdown, escapes, HTML, strikes, end punctuation."""
    text = clean_text(text)
    if "{" in text and "}" in text:  # "{PRETZEL}: Opening the Black Box ...": BibTeX's braces
        text = _BIBTEX_BRACES.sub(r"\1", text)
    if _EMOJI.search(text):  # "BigMac 🍔 Performance Overhead of ...": a picture, no word
        # A space in its place: "[y]🎉(x)" must not become link syntax once it is gone.
        # Gone before the syntax is: "<b🎉r>" must not become a tag after it.
        text = _EMOJI.sub(" ", text)
        text = _SPACE.sub(" ", text)
    for _ in range(3):  # removing one kind of syntax can complete another: "<**mark>"
        before = text
        if any(map(text.__contains__, _MARKER_TEXTS)):
            text = _MARKERS.sub("", text)
        if "](" in text:
            text = _LINK_SYNTAX.sub(r"\1", text).replace("](", " ")
        if "<" in text:
            text = _HTML_TAG.sub("", text)
        if text == before:
            break
    for _ in range(3):  # an entity escaped in the list (``\&amp;``) is noise all the same
        if "&" not in text or not _ENTITY.search(text):
            break
        text = one_line(html.unescape(text))
    if "  " in text:  # the only whitespace left is single spaces, unless syntax went between
        text = _SPACE.sub(" ", text)
    text = text.strip()
    for _ in range(4):
        before = text
        text = text.rstrip(_TRAILING)
        if _BLANK in before and (kept := before.rstrip(_NOT_BLANK)).endswith(_BLANK):
            text = kept
        text = _drop_unmatched_quote(text)
        if text[:1] in _OPENERS:  # '"Title': most titles open with no quote
            text = _drop_unmatched_open(text)
        text = text.lstrip(".,;:!?/ \t~*_`|>#")
        if text.startswith(("- ", "* ", "+ ")):
            text = text[2:]
        if text.startswith("[") and "]" not in text:
            text = text[1:]
        if text.startswith(("[ ] ", "[x] ", "[X] ")):  # a task list's box: "- [x] Title"
            text = text[4:]
        if text[:1].isdigit() and (page := _ARXIV_PAGE.match(text)):
            text = text[page.end() :]  # "[2002.02440] Title": an arXiv page's own title
        if text.endswith(("]", ")")) and _unbalanced_close(text):
            text = text[:-1]
        if text == before:
            break
    return text


def _drop_unmatched_quote(text: str) -> str:
    if text and text[-1] in _QUOTE_PAIRS:
        opener = _QUOTE_PAIRS[text[-1]]
        body = text[:-1]
        if opener == text[-1]:
            if body.count(opener) % 2 == 0:
                return body.rstrip()
        elif opener not in body:
            return body.rstrip()
    return text


_OPENERS = {'"': '"', "“": "”", "«": "»"}


def _drop_unmatched_open(text: str) -> str:
    """``"Unclosed quote title``: a quote opened before the title and never closed goes."""
    closer = _OPENERS[text[0]]
    rest = text[1:]
    unmatched = rest.count(closer) % 2 == 0 if closer == text[0] else closer not in rest
    return rest.lstrip() if unmatched else text


def _unbalanced_close(text: str) -> bool:
    close = text[-1]
    open_ = "[" if close == "]" else "("
    return text.count(close) > text.count(open_)


_SPLITTERS: dict[str, re.Pattern[str]] = {}


def split_list(text: str, separators: str = ",，") -> list[str]:
    """``"a, b,, c"`` -> ``["a", "b", "c"]``, each part cleaned."""
    splitter = _SPLITTERS.get(separators)
    if splitter is None:  # a few separator sets: compiled once, not looked up in re's cache
        splitter = _SPLITTERS[separators] = re.compile("[" + re.escape(separators) + "]")
    parts = [clean_text(part) for part in splitter.split(text)]
    return [part for part in parts if part]
