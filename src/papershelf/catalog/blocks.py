"""The markdown-it-py parser the importer uses, and the block tree lists are read from."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.block import block as block_rule
from markdown_it.rules_core.normalize import normalize
from markdown_it.token import Token

from papershelf.catalog.links import viewed_file
from papershelf.catalog.simple_blocks import BREAK_LINE_ENDS, block_tokens, may_underline

MAX_NESTING = 50
"""markdown-it stops descending past this depth: deep nesting cannot exhaust the stack."""

# URLs made only of these characters (and %XX escapes) are left unchanged by markdown-it's
# normalizeLink, which parses and re-encodes every link; most list URLs are like that.
_SAFE_URL = re.compile(
    r"[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]*(?:%[0-9A-Fa-f]{2}[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]*)*"
)

# With the rules above, an inline holding none of these parses to one text token, so the
# inline parser is skipped for it (most affiliation and note lines).
NEEDS_INLINE_PARSE = re.compile(
    r"[\\`~*_\[<]|&(?:#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7});|[A-Za-z][A-Za-z0-9]{1,31};)"
)


@dataclass(slots=True)
class Heading:
    level: int
    inline: Token
    line: int
    text: str | None = field(default=None, compare=False)
    """Its plain text once a seed family has read it (``family_b``: asked of every heading)."""


@dataclass(slots=True)
class Paragraph:
    inline: Token
    line: int


@dataclass(slots=True)
class Item:
    """A list item: its first paragraph, nested items, and any further paragraphs."""

    line: int
    depth: int
    inline: Token | None = None
    children: list[Item] = field(default_factory=list)
    notes: list[Token] = field(default_factory=list)


Block = Heading | Paragraph | Item


class NestingError(ValueError):
    """Lists nested past ``MAX_NESTING``: markdown-it would silently drop the rest of the file."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}")
        self.line = line


def _normalize(state: StateCore) -> None:
    """markdown-it's first step, which rewrites every newline: only run when it changes text.

    It turns CR and CR LF into LF and NUL into U+FFFD; a list read by ``parse_list`` has
    neither left (``sanitize``), and the rewrite of a large list's every line was wasted.
    """
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


# Block rules that can only start at one of these characters: a list without any of them
# skips the rule, which markdown-it otherwise tries at every line (and every line a paragraph
# continues to). Each returns False before it changes anything when its character is absent.
_MARKED_RULES = (("table", "|"), ("fence", "`~"), ("tab_table", "\t"))
# Rules that look only at the first character of a line's text, after the line's indent and
# the markers of the lists and quotes it sits in (spaces, tabs, ``*+-``, ``1.``, ``1)``, ``>``):
# a list whose every ``>`` sits in text (``<https://...>``) skips the quote rule.
# (A pattern that starts with a newline is searched for by that character alone: ``^`` in
# multiline mode is tried at every position, several times slower on a big list.)
_LINE_START_RULES = tuple(
    (
        rule,
        re.compile(r"\n?[ \t>*+\-.)0-9]*" + re.escape(mark)),
        re.compile(r"\n[ \t>*+\-.)0-9]*" + re.escape(mark)),
    )
    for rule, mark in (("blockquote", ">"), ("html_block", "<"), ("reference", "["))
)


def _unused_rules(src: str, active: list[str]) -> frozenset[str]:
    """The block rules that cannot match anywhere in ``src``."""
    unused = {rule for rule, marks in _MARKED_RULES if not any(mark in src for mark in marks)}
    unused.update(
        rule
        for rule, first, later in _LINE_START_RULES
        if rule in active and first.match(src) is None and later.search(src) is None
    )
    if "]:" not in src:  # a definition's label ends in ``]:``, even one spanning lines
        unused.add("reference")
    if all(line_end.search(src) is None for line_end in BREAK_LINE_ENDS):
        unused.add("hr")
    if not may_underline(src):
        unused.add("lheading")
    return frozenset(unused.intersection(active))


class ListMarkdown(MarkdownIt):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.core.ruler.at("normalize", _normalize)
        self._lean: dict[frozenset[str], MarkdownIt] = {}

    def parse(self, src: str, env: Any = None) -> list[Token]:
        """The same tokens; rules whose marker character ``src`` lacks are not tried.

        A text of headings, paragraphs and tight bullets gets its block tokens from
        ``simple_blocks`` (the same tokens, without markdown-it's block parser).
        """
        simple = block_tokens(src)
        if simple is not None:
            state = StateCore(src, self, {} if env is None else env)
            state.tokens = simple
            for rule in self.core.ruler.getRules(""):
                if rule is not block_rule:
                    rule(state)
            return state.tokens
        unused = _unused_rules(src, self.block.ruler.get_active_rules())
        if not unused:
            return super().parse(src, env)
        lean = self._lean.get(unused)
        if lean is None:
            lean = copy.copy(self)  # shares everything but the block rules
            lean.block = copy.deepcopy(self.block)
            lean.block.ruler.disable(sorted(unused))
            lean._lean = {}
            self._lean[unused] = lean
        return MarkdownIt.parse(lean, src, env)  # its rules are already the lean ones

    def normalizeLink(self, url: str) -> str:
        if "url=" in url and (shown := viewed_file(url)) is not None:
            url = shown  # a document viewer's link: the file it shows is the link's
        return url if _SAFE_URL.fullmatch(url) else super().normalizeLink(url)

    def validateLink(self, url: str) -> bool:
        # Every link stays a link, so an entry with a ``javascript:`` or ``file:`` link is still
        # read as an entry; which links a paper keeps is decided by ``links.collect``.
        return True


def parse_blocks(text: str, tokens: list[Token]) -> list[Block]:
    """Headings, top-level paragraphs and list items (with their nested items), in order.

    ``tokens``: the general reader's parse of ``text`` (``candidates.parse_markdown``), so a
    list is parsed once; table cells are not blocks of the seed families.
    """
    blocks: list[Block] = []
    stack: list[Item] = []
    pending_heading: Token | None = None
    deepest: Token | None = None
    in_table = 0
    for token in tokens:
        kind = token.type
        if deepest is None and token.nesting == 1 and token.level + 1 >= MAX_NESTING:
            deepest = token  # markdown-it parses nothing inside it, nor anything after it
        if in_table or kind == "table_open":
            in_table += kind == "table_open"
            in_table -= kind == "table_close"
            continue
        if kind == "list_item_open":
            item = Item(line=_line(token), depth=len(stack))
            if stack:
                stack[-1].children.append(item)
            else:
                blocks.append(item)
            stack.append(item)
        elif kind == "list_item_close":
            if stack:
                stack.pop()
        elif kind == "heading_open":
            pending_heading = token
        elif kind == "inline":
            if stack:
                top = stack[-1]
                if top.inline is None and not top.children:
                    top.inline = token
                else:
                    top.notes.append(token)
            elif pending_heading is not None:
                level = int(pending_heading.tag[1:]) if pending_heading.tag[1:].isdigit() else 6
                blocks.append(Heading(level, token, _line(pending_heading)))
            else:
                blocks.append(Paragraph(token, _line(token)))
            pending_heading = None
    if deepest is not None and _text_after_nest(text, _line(deepest)):
        raise NestingError(_line(deepest))
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t>"))


def _text_after_nest(text: str, line: int) -> bool:
    """Whether lines after the over-deep ``line`` (1-based) reach back out of its nest.

    Lines more indented than it belong to the nest itself (junk depth, lost harmlessly);
    a line as far left or further is more of the list, which markdown-it would drop.
    """
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return False
    depth = _indent(lines[line - 1])
    return any(rest.strip() and _indent(rest) <= depth for rest in lines[line:])


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def walk(items: list[Item]) -> list[Item]:
    """Every item below ``items`` in document order, without recursion."""
    out: list[Item] = []
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(reversed(item.children))
    return out
