"""Text that is really markup or terminal control, end to end through import, notes and exports.

Markup (``[bold red]``, ``[link=file:///etc/passwd]``, ``[@click=app.quit]``) is the user's
text: it comes out exactly as typed everywhere. Escape sequences, C0/C1 controls, bidi
overrides and zero-width characters never reach the terminal from any command (JSON output
keeps them, escaped, so nothing is lost).
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from bibtexparser.entrypoint import parse_string
from markdown_it import MarkdownIt

from papershelf.domain.text import clean_note
from tests.hardening.helpers import Result, child_argv, child_env, run, terminal_hazards

Capsys = pytest.CaptureFixture[str]

MARKUP_TITLES = ["[bold red]Loud[/] Title", "Click [@click=app.quit]me[/] Now"]
BOLD_TITLE = "[bold]Bold[/bold] Study"
MARKUP_AFFILIATION = "[link=file:///etc/passwd]Uni[/link]"
MARKUP_LIST = f"""# HotOS 2021

## Papers

### Tricks

* {MARKUP_TITLES[0]} \\[[Paper](https://example.org/a)]
  * {MARKUP_AFFILIATION}
* {MARKUP_TITLES[1]} \\[[Paper](https://example.org/b)]
"""
FAMILY_A = (
    f"* \\[t] [{BOLD_TITLE}](https://example.org/d). "
    "[red]Eve[/red], Mallory [@click=app.quit]. HotOS'21\n"
)
MARKUP_NOTE = (
    "[bold red]read this[/] and [link=file:///etc/passwd]here[/link]\n"
    "[@click=app.quit]quit[/] \\[escaped] [/]\n"
)

# Every kind of terminal control, in titles, topics, affiliations and notes.
CONTROLS = (
    "\x1b[2J\x1b[H"  # clear screen, cursor home
    "\x1b]0;pwned\x07"  # set the window title
    "\x1b]52;c;cm0gLXJmIH4=\x07"  # OSC 52: write the clipboard
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"  # OSC 8 hyperlink
    "\x9b31m\x9d0;c1 title\x9c"  # 8-bit CSI and OSC
    "\x07\x08\x7f\x0b\x0c"  # bell, backspace, DEL, VT, FF
    "\u202eevil\u202c\u2066iso\u2069"  # bidi override and isolate
    "\u200bz\u200dw\u2060j\ufeff"  # zero-width space, joiner, word joiner, BOM
)
SEPARATORS = "\u2028\u2029\x85"  # line and paragraph separators, NEL
CONTROL_LIST = f"""# HotOS 2021

## Papers

### Topic {CONTROLS} end

* Escapes {CONTROLS} visible \\[[Paper](https://example.org/c)]
  * Org {CONTROLS} B
"""


def _import(capsys: Capsys, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    result = run(capsys, "import", str(path))
    assert result.code == 0, result.err


def _papers(capsys: Capsys) -> list[dict[str, object]]:
    result = run(capsys, "list", "--format", "json", "--venue", "HotOS 2021")
    assert result.code == 0, result.err
    papers: list[dict[str, object]] = json.loads(result.out)
    return papers


def _markdown_link_texts(markdown: str) -> list[str]:
    """The text of every link in a markdown document, as a renderer would show it."""
    texts = []
    for token in MarkdownIt("commonmark").parse(markdown):
        children = token.children or []
        inside, parts = False, list[str]()
        for child in children:
            if child.type == "link_open":
                inside, parts = True, []
            elif child.type == "link_close":
                inside = False
                texts.append("".join(parts))
            elif inside:
                parts.append(child.content)
    return texts


def test_markup_comes_out_exactly_as_typed(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # the table cuts titles to the terminal's width
    _import(capsys, tmp_path / "markup.md", MARKUP_LIST)
    _import(capsys, tmp_path / "family-a.md", "# Reading list\n\n" + FAMILY_A)
    papers = {str(p["title"]): p for p in _papers(capsys)}
    bold = BOLD_TITLE
    assert set(papers) == {*MARKUP_TITLES, bold}
    assert papers[MARKUP_TITLES[0]]["affiliations"] == [MARKUP_AFFILIATION]
    assert papers[bold]["authors"] == ["[red]Eve[/red]", "Mallory [@click=app.quit]"]
    pid = str(papers[MARKUP_TITLES[0]]["id"])
    assert run(capsys, "note", pid, "--set", MARKUP_NOTE).code == 0

    table = run(capsys, "list", "--venue", "HotOS 2021").out
    for title in [*MARKUP_TITLES, bold]:
        assert title in table
    assert run(capsys, "note", pid).out == MARKUP_NOTE
    [shown] = [p for p in _papers(capsys) if p["id"] == pid]
    assert shown["note"] == MARKUP_NOTE

    def export(fmt: str) -> str:
        result = run(capsys, "export", "--format", fmt, "--venue", "HotOS 2021")
        assert result.code == 0, result.err
        return result.out

    data = json.loads(export("json"))
    by_title = {p["title"]: p for p in data["papers"]}
    assert set(by_title) == {*MARKUP_TITLES, bold}
    assert by_title[MARKUP_TITLES[0]]["note"] == MARKUP_NOTE

    rows = {row["title"]: row for row in csv.DictReader(io.StringIO(export("csv")))}
    assert set(rows) == {*MARKUP_TITLES, bold}
    assert rows[MARKUP_TITLES[0]]["note"] == MARKUP_NOTE.rstrip("\n")
    assert rows[bold]["authors"].count("[red]Eve[/red]") == 1

    library = parse_string(export("bibtex"))
    titles = {
        _from_latex(entry.fields_dict["title"].value[1:-1]): entry for entry in library.entries
    }
    assert set(titles) == {*MARKUP_TITLES, bold}
    annote = titles[MARKUP_TITLES[0]].fields_dict["annote"].value
    assert _from_latex(annote) == MARKUP_NOTE.rstrip("\n")

    markdown = export("markdown")
    assert set(_markdown_link_texts(markdown)) >= {*MARKUP_TITLES, bold}
    for line in MARKUP_NOTE.splitlines():
        assert line in markdown


_LATEX = {
    r"\textbackslash{}": "\\",
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    **{"\\" + c: c for c in "&%_#$"},
}


def _from_latex(value: str) -> str:
    """What a BibTeX field shows once typeset (the exporter escapes only these)."""
    pattern = "|".join(re.escape(k) for k in _LATEX)
    return re.sub(pattern, lambda m: _LATEX[m.group(0)], value)


def _assert_clean(result: Result, what: str) -> None:
    hazards = terminal_hazards(result.out + result.err)
    assert hazards == [], f"{what}: {hazards} reached the terminal"


def test_controls_never_reach_the_terminal(capsys: Capsys, tmp_path: Path) -> None:
    hostile_name = tmp_path / f"list{CONTROLS[:30]}.md"
    _import(capsys, hostile_name, CONTROL_LIST)
    [paper] = _papers(capsys)
    assert "Escapes" in str(paper["title"]) and "visible" in str(paper["title"])
    assert terminal_hazards(json.dumps(paper, ensure_ascii=False)) == []  # cleaned at import
    pid = str(paper["id"])
    note = f"first line {CONTROLS}{SEPARATORS}\nsecond [bold]line[/bold]{CONTROLS}\n"
    assert run(capsys, "note", pid, "--set", note).code == 0

    commands: list[list[str]] = [
        ["list"],
        ["list", "--format", "json", "--has-note"],
        ["note", pid],
        ["stats"],
        ["stats", "--by", "topic"],
        ["venues"],
        ["lists"],
        ["lists", "--format", "json"],
        ["doctor"],
        ["paths"],
        ["import", str(hostile_name)],
        ["import", str(tmp_path / f"missing{CONTROLS}.md")],
        ["mark", f"id{CONTROLS}", "read"],
        ["list", f"stray{CONTROLS}"],
        ["list", "--status", f"bogus{CONTROLS}"],
        ["note", pid, "--set", "-"],
        ["export", "--format", "csv", "-o", str(tmp_path / f"out{CONTROLS[:12]}.csv")],
        *(["export", "--format", fmt] for fmt in ("bibtex", "markdown", "csv", "json")),
    ]
    for argv in commands:
        _assert_clean(run(capsys, *argv), " ".join(argv[:2]))

    listed = json.loads(run(capsys, "list", "--format", "json", "--has-note").out)
    # Notes drop controls and escape sequences on the way in (issue 16); the rest, bidi and
    # zero-width characters included, is kept and comes out of JSON as it went in.
    assert listed[0]["note"] == clean_note(note)
    assert "\u2028\u2029" in listed[0]["note"] and "[bold]line[/bold]" in listed[0]["note"]


def test_a_real_process_writes_no_control_bytes(capsys: Capsys, tmp_path: Path) -> None:
    _import(capsys, tmp_path / "controls.md", CONTROL_LIST)
    [paper] = _papers(capsys)
    pid = str(paper["id"])
    assert run(capsys, "note", pid, "--set", f"note {CONTROLS} end").code == 0
    env = child_env(tmp_path / "data")
    for argv in (
        ["note", pid],
        ["list", "--format", "json", "--has-note"],
        ["list", "--has-note"],
        ["export", "--format", "markdown", "--has-note"],
        ["mark", f"x{CONTROLS}", "read"],
    ):
        proc = subprocess.run(child_argv(*argv), capture_output=True, env=env, timeout=60)
        raw = proc.stdout + proc.stderr
        assert b"\x1b" not in raw and b"\x07" not in raw, argv
        assert terminal_hazards(raw.decode("utf-8")) == [], argv
        assert "Traceback" not in proc.stderr.decode()


HOSTILE_LINKS = {
    "javascript:alert(1)": None,
    "JaVaScRiPt:alert(document.cookie)": None,
    " javascript:alert(1)": None,
    "file:///etc/passwd": None,
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==": None,
    "vbscript:msgbox(1)": None,
    "ftp://example.org/paper.pdf": None,
    "mailto:someone@example.org": None,
    "//evil.example/paper.pdf": None,
    "../notes/paper.md": None,
    "notes/paper.md": None,
    "#anchor": None,
    "https:evil.example": None,
    "doi:10.1145/3600006.3613165": "https://doi.org/10.1145/3600006.3613165",
    "HTTPS://Example.org/Upper": "https://Example.org/Upper",
    "http://example.org/plain": "http://example.org/plain",
}


def test_only_http_links_are_kept(capsys: Capsys, tmp_path: Path) -> None:
    bullets = "".join(
        f"* Paper {i} of Links \\[[Code](https://ok.example/{i})] \\[[Link {i}]({href})]\n"
        for i, href in enumerate(HOSTILE_LINKS)
    )
    _import(capsys, tmp_path / "links.md", f"# HotOS 2021\n\n## Papers\n\n{bullets}")
    papers = sorted(_papers(capsys), key=lambda p: int(str(p["title"]).split()[1]))
    assert len(papers) == len(HOSTILE_LINKS)
    for paper, (href, kept) in zip(papers, HOSTILE_LINKS.items(), strict=True):
        urls = [str(link["url"]) for link in paper["links"]]  # type: ignore[attr-defined]
        assert urls[0] == f"https://ok.example/{str(paper['title']).split()[1]}"
        assert urls[1:] == ([kept] if kept else []), href
        assert all(u.startswith(("https://", "http://")) for u in urls)
    for fmt in ("bibtex", "markdown", "csv", "json"):
        out = run(capsys, "export", "--format", fmt, "--venue", "HotOS 2021").out.lower()
        for scheme in ("javascript:", "file:", "data:", "vbscript:", "ftp:", "mailto:"):
            assert scheme not in out, (fmt, scheme)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:,x", "x.html"])
def test_add_refuses_a_link_that_is_not_http(capsys: Capsys, url: str) -> None:
    result = run(capsys, "add", "--title", "By Hand", "--venue", "HotOS 2021", "--url", url)
    assert result.code == 2
    assert len(result.err_lines) == 1 and "http or https" in result.err
    assert run(capsys, "list", "--search", "By Hand", "--format", "json").out.strip() == "[]"


def test_unicode_line_separators_inside_an_entry_keep_it_whole(
    capsys: Capsys, tmp_path: Path
) -> None:
    """CommonMark has no such line endings: the entry stays one paper with its link."""
    _import(
        capsys,
        tmp_path / "separators.md",
        "# HotOS 2021\n\n## Papers\n\n"
        f"* Before {SEPARATORS} after \\[[Paper](https://example.org/c)]\n  * Org B\n",
    )
    [paper] = _papers(capsys)
    assert "after" in str(paper["title"])
    assert paper["affiliations"] == ["Org B"]
    assert [link["url"] for link in paper["links"]] == ["https://example.org/c"]  # type: ignore[attr-defined]
