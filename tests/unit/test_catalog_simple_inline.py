"""The simple-line shortcut gives exactly markdown-it's inline tokens, or stands aside."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.rules_core.state_core import StateCore
from markdown_it.rules_core.text_join import text_join
from markdown_it.token import Token

from papershelf.catalog import candidates
from papershelf.catalog.blocks import MAX_NESTING, ListMarkdown
from papershelf.catalog.candidates import _markdown, parse_markdown
from papershelf.catalog.simple_inline import simple_children
from tests.unit.lists_at_hand import lists_at_hand


def _markdown_it(content: str) -> list[Token]:
    """markdown-it's own inline parse of one line, with its text_join step."""
    md = _markdown()
    inline = Token("inline", "", 0, content=content, children=[])
    md.inline.parse(content, md, {}, inline.children)  # type: ignore[arg-type]
    text_join(StateCore("", md, {}, [inline]))
    return inline.children or []


def _simple(content: str) -> list[Token] | None:
    md = _markdown()
    return simple_children(content, md.normalizeLink, md.validateLink)


@pytest.mark.parametrize(
    "line",
    [
        r"\[DNN training 3] [Quhe: Partitioning Things](https://dl.acm.org/doi/10.1/3.4). A, B.",
        r"Taqu: Scaling GPU Clusters \[[Paper](https://mlsys.org/p/3000)] \[[Code](https://g.c/x_y)]",
        "[Title](https://example.org/a?b=1&c=2) and more",
        "Pieces: 1, 2 ] 3!",
        "[Title](https://example.org/caf%C3%A9)",
        "[Title](https://example.org/café)",
        # Plain emphasis and bracketed text, as the general shapes write them.
        "**bold** title",
        "a _b_ c",
        "[ref] title",
        "[Title] (https://x.org)",
        r"- **\[OSDI'00\]** [Study 0.](https://p.org/0.pdf) *Some University*",
        "[**Study number 0 of things**](https://p.org/0.pdf), _OSDI'00_",
        "**Source:** OSDI'00",
        "[Study 0](https://p.org/0.pdf) [ACM OSDI 2000]",
        "[[pdf]](https://papers.example.org/0.pdf)",
        "**[Title](https://x.org)** and *[T](https://y.org)*",
        r"\[tag] **a**\[b] snake_case_name",
    ],
)
def test_lines_of_big_lists_take_the_shortcut_with_markdown_its_tokens(line: str) -> None:
    assert _simple(line) is not None
    assert _simple(line) == _markdown_it(line)


@pytest.mark.parametrize(
    "line",
    [
        "~~withdrawn~~",
        '[Title](https://x.org "t")',
        "[Title](<https://x.org>)",
        "![logo](https://x.org/a.png)",
        "a &amp; b",
        "<https://x.org>",
        "`code`",
        r"a \q b",
        "a\nb",
        # Emphasis whose pairing takes markdown-it's full rules, or does not pair.
        "***both***",
        "**a*",
        "*a **b* c**",
        "a*b*c",
        "**open only",
        "close only**",
        "[](https://x.org)",
        "[a [b](https://x.org)](https://y.org)",
    ],
)
def test_other_syntax_goes_to_markdown_it(line: str) -> None:
    assert _simple(line) is None


@pytest.mark.parametrize("line", ["[ref] title", "[[ref]](https://x.org)", "**[ref]** x"])
def test_brackets_go_to_markdown_it_where_the_document_defines_references(line: str) -> None:
    """``[ref]`` is a link where ``[ref]: url`` is defined: only markdown-it can tell."""
    md = _markdown()
    assert simple_children(line, md.normalizeLink, md.validateLink, references=True) is None


_ANY = st.sampled_from(
    [
        *("[", "]", "(", ")", "\\", "!", "&", "&amp;", "*", "_", "~", "`", "<", ">", "a", "é"),
        *("https://x.org/p_1", "Title", ":", ".", "#", "%", "%2", "&#1;", "[T](u)"),
        *(" ", "\t", "\n"),
    ]
)
# Mostly what the shortcut takes, so its own tokens are compared often.
_NEAR = st.sampled_from(
    [
        *("[T](u)", "[A_b](https://x.org/p_1?q=1&r=%C3)", "\\[", "\\]", "\\!", "]", "!"),
        *("&", "a", ":", "(", ")", "[", "é", "\\", "&lt;", " "),
    ]
)
# Emphasis runs beside words, punctuation, brackets and links: the flanking rules' cases.
_EMPHASIS = st.sampled_from(
    [
        *("*", "**", "_", "__", "a", "b", " ", ".", ":", "'", "’", "(", ")", "[", "]", "\\["),
        *("\\]", "é", "0", "[T](u)", "[**T**](u)", "[_T_ x](u)", "](u)", "!", "\u00a0", "&"),
    ]
)


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.lists(_ANY, max_size=14), st.lists(_NEAR, max_size=10), st.lists(_EMPHASIS, max_size=12)
    ).map("".join)
)
def test_the_shortcut_agrees_with_markdown_it(content: str) -> None:
    simple = _simple(content)
    if simple is not None:
        assert simple == _markdown_it(content)


def test_every_list_in_the_repository_parses_to_the_same_tokens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole parse with and without the shortcut (the seeds, test lists and corpora)."""
    files = lists_at_hand()
    assert files
    texts = [path.read_text(encoding="utf-8") for path in files]
    fast = [parse_markdown(text).tokens for text in texts]
    monkeypatch.setattr(candidates, "simple_children", lambda *_, **__: None)
    for path, text, tokens in zip(files, texts, fast, strict=True):
        assert tokens == parse_markdown(text).tokens, path.name


def _joined_markdown() -> ListMarkdown:
    """The importer's parser with markdown-it's text_join step run over every inline."""
    md = ListMarkdown("commonmark", {"html": True, "maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.disable(["code"])
    md.core.ruler.at("inline", candidates._inline_rule)
    assert "text_join" in md.core.ruler.get_active_rules()
    return md


_DOC = st.lists(
    st.sampled_from(["a", " ", "\n", "- ", "  ", "# ", r"\[", "[x](https://e.org/y)", "*b*"])
    | st.sampled_from(["`c`", "&amp;", "<https://e.org>", "![i](j)", "\\", "_", "~~s~~"])
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_DOC)
def test_text_join_only_where_markdown_it_parsed_changes_no_token(text: str) -> None:
    """text_join runs only on the inline parser's tokens: the shortcuts' are joined already."""
    assert _markdown().parse(text) == _joined_markdown().parse(text)


def test_every_list_in_the_repository_parses_as_with_text_join_everywhere() -> None:
    for path in lists_at_hand():
        text = path.read_text(encoding="utf-8")
        assert _markdown().parse(text) == _joined_markdown().parse(text), path.name
