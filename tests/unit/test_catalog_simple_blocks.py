"""The simple-text block shortcut gives exactly markdown-it's block tokens, or stands aside."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from papershelf.catalog.candidates import _markdown
from papershelf.catalog.simple_blocks import block_tokens
from tests.unit.lists_at_hand import lists_at_hand


def _markdown_it(src: str) -> list[Token]:
    """markdown-it's own block parse (no inline step: children stay empty)."""
    md = _markdown()
    tokens: list[Token] = []
    md.block.parse(src, md, {}, tokens)
    return tokens


@pytest.mark.parametrize(
    "src",
    [
        "# T\n\n## Papers\n\n* a\n  * b\n* c\n\npara line\nsecond\n### H3\n- x\n\n",
        "* \\[tag] [Title](https://x.org). A, B. ASPLOS'25\n* second\n",
        "## Papers\n\n### Area\n\n* Title one \\[[Paper](https://x.org)]\n  * Meta & UW\n",
        "- a\n    - b\n        - c\n    - d\n- e\n",
        "* a\n  * b\n\npara\n",
        "* a\n# heading\n* b",
        "para\n* item\n",
        "#\n# \n#x\n####### seven\n",
        "- **Bold** item\n- *em* item\n- -5 degrees\n",
        "- a\n   - b\n",
        "  * Lee. 2000. A title. In OSDI '00.\n  * Lee. 2001. Another. In SOSP '01.\n",
        "   - a\n     - b\n",
    ],
)
def test_simple_texts_take_the_shortcut_with_markdown_its_tokens(src: str) -> None:
    tokens = block_tokens(src)
    assert tokens is not None
    assert tokens == _markdown_it(src)


@pytest.mark.parametrize(
    "src",
    [
        "* a\n\n* b\n",  # loose
        "* a\ncontinued\n",  # lazy continuation
        "* a\n  text in the item\n",
        "1. ordered\n",
        "> quote\n",
        "<div>x</div>\n",
        "```\ncode\n```\n",
        "| a | b |\n|---|---|\n",
        "---\n",
        "title\n===\n",
        "[x]: https://x.org\n",
        "* a\n\tb\n",
        "*\n",
        "* a\n+ b\n",
        "# closing #\n",
        "    * four spaces: code\n",
    ],
)
def test_other_texts_go_to_markdown_it(src: str) -> None:
    assert block_tokens(src) is None


_LINE = st.sampled_from(
    [
        *("", " ", "* a", "- b", "+ c", "  * d", "  - e", "    * f", "   * g", "      * h"),
        *("* ", "*", "-", "  ", "text", " indented", "# H", "## H2 ", "#x", "### H #"),
        *("* **bold**", "* # h", "* > q", "* 1. x", "1. one", "2) two", "***", "* * *"),
        *("para [x](u)", "\\# no", "=", "a | b", "|---|", "> q", "<p>", "```", "~~~", "\t* t"),
        *("* a  ", "  ", "  # h", "*  two spaces", "-5", "* [x]: y", "é", "\u00a0", "  text"),
    ]
)


# Lines the shortcut reads, so that its own tokens are compared often.
_NEAR = st.sampled_from(
    [
        *("", "* a", "- b", "  * d", "  - e", "    * f", "   * g", "      * h", "  * x"),
        *("text", "# H", "## H2 ", "* **bold**", "para [x](u)", "* a  ", "é", "-5", "#x"),
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.lists(_LINE, max_size=12), st.lists(_NEAR, max_size=14)), st.booleans())
def test_the_shortcut_agrees_with_markdown_it(lines: list[str], newline: bool) -> None:
    src = "\n".join(lines) + ("\n" if newline else "")
    tokens = block_tokens(src)
    if tokens is not None:
        assert tokens == _markdown_it(src)


def test_every_list_in_the_repository_parses_to_the_same_tokens() -> None:
    """The seeds, the test lists and the corpora: where the shortcut answers, it is right."""
    answered = 0
    for path in lists_at_hand():
        src = path.read_text(encoding="utf-8")
        tokens = block_tokens(src)
        if tokens is not None:
            answered += 1
            assert tokens == _markdown_it(src), path.name
    assert answered >= 2  # the seeds at least
