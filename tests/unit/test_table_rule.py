"""The quicker table rule gives exactly the block tokens of markdown-it's own."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit
from markdown_it.rules_block.table import table as library_table
from markdown_it.token import Token

from papershelf.catalog.candidates import _markdown
from papershelf.catalog.table_rule import split_row, table
from tests.unit.lists_at_hand import lists_at_hand


def _library() -> MarkdownIt:
    """A copy of the importer's parser with markdown-it's own table rule in its place.

    A copy: the importer's parser is made once per process and shared.
    """
    md = copy.copy(_markdown())
    md.block = copy.deepcopy(md.block)
    md.block.ruler.at("table", library_table, {"alt": ["paragraph", "reference"]})
    assert table in _markdown().block.ruler.getRules("")
    return md


def _blocks(md: MarkdownIt, src: str) -> list[Token]:
    tokens: list[Token] = []
    md.block.parse(src, md, {}, tokens)
    return tokens


def test_the_importer_uses_the_quicker_rule_in_the_same_chains() -> None:
    """Same rules in the same order in every chain, the table rule being the quicker one."""
    ours = _markdown()
    theirs = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    theirs.disable(["code"])
    for chain in ("", "paragraph", "reference", "blockquote", "list"):
        mine = [rule.__name__ for rule in ours.block.ruler.getRules(chain)]
        if chain == "":  # one rule of our own: a tab-separated table, tried before a paragraph
            assert mine.index("tab_table") == mine.index("paragraph") - 1
            mine.remove("tab_table")
        assert mine == [rule.__name__ for rule in theirs.block.ruler.getRules(chain)], chain
    assert table in ours.block.ruler.getRules("paragraph")
    assert library_table in theirs.block.ruler.getRules("paragraph")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="|\\ab -:`", max_size=30))
def test_a_row_splits_as_the_library_splits_it(line: str) -> None:
    assert split_row(line) == escapedSplit(line)


_ROW = st.sampled_from(
    [
        *("| a | b |", "|---|---|", "|:--|--:|", "| :-: | --- |", "a | b", "--- | ---", "|---|"),
        *("| x |", "| x | y | z |", "| esc \\| pipe | b |", "| [t](https://x.org) | 2024 |"),
        *("", " ", "  | indented | row |", "    | four | spaces |", "> | quoted |", "# heading"),
        *("- item | b", "* | a |", "1. | a |", "```", "~~~", "<div>", "***", "---", "___"),
        *("| a \\\\| b |", "|", "||", "| 🔥 Title | OSDI'24 |", "+ c", "text after", "\t| tab |"),
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_ROW, max_size=10), st.sampled_from(["", "- ", "> ", "  "]), st.booleans())
def test_a_table_gives_the_library_tokens(rows: list[str], prefix: str, newline: bool) -> None:
    """Tables at the top, in a list item or a quote, with every kind of line after a row."""
    head = ["| Title | Venue |", "|---|:-:|"]
    lines = [*head, *rows]
    inner = "  " if prefix == "- " else prefix  # a list item's later lines are indented
    src = prefix + "\n".join([lines[0], *(inner + line for line in lines[1:])])
    src += "\n" if newline else ""
    assert _blocks(_markdown(), src) == _blocks(_library(), src)


@pytest.mark.parametrize("path", lists_at_hand(), ids=lambda p: p.name)
def test_every_list_at_hand_gives_the_library_tokens(path: object) -> None:
    src = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert _blocks(_markdown(), src) == _blocks(_library(), src)
