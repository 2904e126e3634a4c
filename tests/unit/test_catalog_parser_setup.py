"""The importer's markdown-it setup skips work, never changes a token."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_core.normalize import normalize
from markdown_it.token import Token

from papershelf.catalog.blocks import MAX_NESTING, ListMarkdown
from papershelf.catalog.candidates import _inline_rule, _markdown


def _with_markdown_its_normalize() -> ListMarkdown:
    md = ListMarkdown("commonmark", {"html": True, "maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.disable(["code"])
    md.core.ruler.at("inline", _inline_rule)
    md.core.ruler.at("normalize", normalize)
    return md


_TEXT = st.lists(
    st.sampled_from(["a", " ", "- ", "*", "# ", "|", "`", "[x](y)", "\n", "\r", "\0"])
).map("".join)


@given(_TEXT)
def test_newlines_and_nul_are_normalized_as_markdown_it_does(text: str) -> None:
    assert _markdown().parse(text) == _with_markdown_its_normalize().parse(text)


def test_a_carriage_return_still_ends_a_line() -> None:
    tokens = _markdown().parse("- one\r- two\r\n- three\0")
    assert [t.content for t in tokens if t.type == "inline"] == ["one", "two", "three\ufffd"]


_DOC = st.lists(
    st.sampled_from(
        [
            *("a", " ", "\n", "- ", "  ", "1. ", "2) ", "+ ", "# ", "> ", "|", "---", "<x>"),
            *("```", "~~~", "`", "~", "[x](y)", "*", "_", "-", "\t", "* * *", "=", "==", ">"),
            *("[x]: /u", "[", "<", "<div>", "x<", "x[", "x>", ")", ".", "1", "  > "),
            *("]:", "]", ":", " /u", "[x", "]: <u>"),
        ]
    )
).map("".join)


def _every_rule(text: str) -> list[Token]:
    """markdown-it's parse with every enabled block rule tried (no marker shortcut)."""
    return MarkdownIt.parse(_markdown(), text)


@settings(max_examples=400, deadline=None)
@given(_DOC)
def test_rules_a_list_cannot_use_are_skipped_without_changing_a_token(text: str) -> None:
    assert _markdown().parse(text) == _every_rule(text)


def test_every_list_in_the_repository_parses_as_with_every_rule() -> None:
    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "seeds").glob("*.md")) + sorted((root / "tests").rglob("*.md"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert _markdown().parse(text) == _every_rule(text), path.name
