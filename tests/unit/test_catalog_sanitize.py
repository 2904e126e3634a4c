"""``sanitize``: escape sequences, controls, bidi and zero-width characters never get through."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.domain.text import one_line, sanitize

ESC = "\x1b"


def _clean(text: str) -> bool:
    return not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"{ESC}[31mred{ESC}[0m", "red"),
        (f"{ESC}[2J{ESC}[Hcleared", "cleared"),
        (f"{ESC}]0;evil title\x07kept", "kept"),
        (f"{ESC}]52;c;ZXZpbA=={ESC}\\kept", "kept"),
        (f"{ESC}]8;;https://evil.example{ESC}\\link{ESC}]8;;{ESC}\\", "link"),
        (f"{ESC}P1;2|payload{ESC}\\kept", "kept"),
        ("\x9b31mcsi8", "csi8"),
        (f"designate {ESC}(Bascii, trailing {ESC}", "designate ascii, trailing "),
        ("bidi \u202eevil\u202c \u2066iso\u2069", "bidi evil iso"),
        ("zero\u200bwidth\u200d\ufeffjoin\u2060", "zerowidthjoin"),
        ("soft\u00adhyphen", "softhyphen"),
        ("bell\x07 nul\x00 del\x7f c1\x85", "bell nul del c1 "),
        ("tab\tand\nnewline\r\n", "tab and newline  "),
        ("[bold red]markup[/] [link=file:///etc/passwd]x[/link]", "[bold red]markup[/] [link=file:///etc/passwd]x[/link]"),
        ("Gödel, 端侧推理, émoji 🎉", "Gödel, 端侧推理, émoji 🎉"),
    ],
)  # fmt: skip
def test_sanitize_single_line(raw: str, expected: str) -> None:
    assert sanitize(raw) == expected


def test_sanitize_multiline_keeps_newlines_and_tabs() -> None:
    raw = f"line one\r\nline\ttwo\rthree\u2028four{ESC}[1m bold\n"
    assert sanitize(raw, multiline=True) == "line one\nline\ttwo\nthree\nfour bold\n"


def test_every_control_and_format_character_is_removed() -> None:
    bad = [
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) in ("Cc", "Cf", "Cs") and chr(cp) not in "\n\t"
    ]
    assert len(bad) > 200
    text = "a".join(bad)
    assert _clean(sanitize(text))
    assert _clean(sanitize(text, multiline=True).replace("\n", "").replace("\t", ""))


def test_no_character_sanitize_works_on_is_printable() -> None:
    """``sanitize`` returns printable text at once: none of what its patterns find is."""
    from papershelf.domain import text as text_module

    patterns = (text_module._NEEDS_WORK, text_module._NEEDS_WORK_MULTILINE)
    found = [
        cp
        for cp in range(sys.maxunicode + 1)
        if chr(cp).isprintable() and any(p.match(chr(cp)) for p in patterns)
    ]
    assert found == []


def test_unterminated_osc_stops_at_the_newline() -> None:
    assert sanitize(f"note {ESC}]0;never ends\nsecond line", multiline=True) == "note \nsecond line"


@given(st.text())
def test_sanitize_property(text: str) -> None:
    once = sanitize(text)
    assert _clean(once)
    assert "\n" not in once and "\t" not in once
    assert sanitize(once) == once
    multi = sanitize(text, multiline=True)
    assert _clean(multi.replace("\n", "").replace("\t", ""))


def _every_step(text: str, multiline: bool) -> str:
    """``sanitize`` without its shortcuts: every replacement applied."""
    from papershelf.domain import text as module

    if multiline:
        text = module._LINE_BREAKS.sub("\n", text)
    else:
        text = module._WHITESPACE_CONTROLS.sub(" ", text)
    return module._INVISIBLE.sub("", module._ESCAPE_SEQUENCE.sub("", text))


_NEAR_CONTROLS = st.text(
    st.sampled_from(["a", "é", "\n", "\t", "\r", "\u2028", "\u2029", "\x85", "\x0b", ESC])
    | st.sampled_from(["\x9b", "\x90", "\u200b", "\u202e", "\x00", "[", "]", "\x07", "\\"])
)


@given(st.one_of(st.text(), _NEAR_CONTROLS), st.booleans())
def test_the_shortcuts_change_nothing(text: str, multiline: bool) -> None:
    assert sanitize(text, multiline=multiline) == _every_step(text, multiline)


def test_the_shortcuts_change_nothing_for_any_control_or_separator() -> None:
    special = [
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) in ("Cc", "Cf", "Cs", "Zl", "Zp")
    ]
    for ch in special:
        for text in (ch, f"line é\n{ch}\tend"):
            for multiline in (False, True):
                assert sanitize(text, multiline=multiline) == _every_step(text, multiline), ch


def test_one_line_collapses_whitespace() -> None:
    assert one_line("  a \n\t b\u00a0 c  ") == "a b c"


def test_parser_sanitizes_every_field() -> None:
    hostile = f"{ESC}]52;c;ZXZpbA==\x07\u202e{ESC}[2J"
    text = (
        f"# OSDI 2024{hostile}\n\n## Papers\n\n### Topic{hostile}\n\n"
        f"* Title{hostile} One &#x202E;x \\[[Code{hostile}](https://x.org/a)] \\[[x](https://x.org/{hostile})]\n"
        f"  * MIT{hostile}\n  * **Best Paper{hostile}**\n  * remark{hostile}\n"
    )
    parsed = parse_list(text, source="x.md")
    (paper,) = parsed.papers
    fields = [paper.title, paper.venue, *paper.topics, *paper.affiliations, *paper.awards]
    fields += [*paper.remarks, *(link.kind for link in paper.links)]
    fields += [link.url for link in paper.links]
    assert paper.title == "Title One x"
    assert all(_clean(field) and ESC not in field for field in fields), fields
    assert [v.label for v in parsed.venues] == ["OSDI 2024"]
