"""Generated lists in every shape the general reader knows, with noise: titles and venues clean.

Each example is one list in one shape: a few papers (title, venue, year) written the way
that shape writes them, between table-of-contents links, badges, prose and blank lines,
with CRLF or LF endings. The importer must give back exactly those titles, venues and years.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list

VENUES = ["OSDI", "NSDI", "SOSP", "MLSys", "ICML", "EuroSys", "ASPLOS", "NeurIPS", "ATC"]
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)


@st.composite
def titles(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORD, min_size=4, max_size=9))
    words[0] = words[0].capitalize()
    if draw(st.booleans()):
        words[0] = words[0].upper()[:6] + ":"
        words[1] = words[1].capitalize()
    return " ".join(words)


Paper = tuple[str, str, int]


def _same_paper(title: str) -> str:
    """Titles that get one id (ids ignore case, spacing and punctuation)."""
    return " ".join("".join(ch for ch in w.casefold() if ch.isalnum()) for w in title.split())


@st.composite
def papers(draw: st.DrawFn) -> list[Paper]:
    count = draw(st.integers(min_value=1, max_value=5))
    chosen = draw(st.lists(titles(), min_size=count, max_size=count, unique_by=_same_paper))
    return [
        (t, draw(st.sampled_from(VENUES)), draw(st.integers(min_value=2000, max_value=2029)))
        for t in chosen
    ]


def _venue_forms(name: str, year: int) -> list[str]:
    yy = f"{year % 100:02d}"
    return [f"{name}'{yy}", f"{name} '{yy}", f"{name} {year}", f"{name}, {year}"]


def _url(i: int) -> str:
    return f"https://papers.example.org/{i}.pdf"


# one writer per shape: (papers, venue form index) -> markdown
def _tag_bullets(ps: list[Paper], form: int) -> str:
    return "".join(
        f"- [{_venue_forms(v, y)[form % 2]}] [{t}]({_url(i)})\n" for i, (t, v, y) in enumerate(ps)
    )


def _bold_tags(ps: list[Paper], form: int) -> str:
    return "".join(
        f"- **\\[{_venue_forms(v, y)[form % 2]}\\]** [{t}.]({_url(i)}) *Some University*\n"
        for i, (t, v, y) in enumerate(ps)
    )


def _suffix(ps: list[Paper], form: int) -> str:
    return "".join(
        f"- [**{t}**]({_url(i)}), _{_venue_forms(v, y)[form % 4]}_\n"
        for i, (t, v, y) in enumerate(ps)
    )


def _table(ps: list[Paper], form: int) -> str:
    rows = "".join(
        f"| {y}.0{1 + i % 9} | 🔥 {t} | [[pdf]]({_url(i)}) | {_venue_forms(v, y)[form % 4]} |\n"
        for i, (t, v, y) in enumerate(ps)
    )
    return "| Date | Title | Paper | Venue |\n|---|---|---|---|\n" + rows


def _citations(ps: list[Paper], form: int) -> str:
    return "".join(
        f"  * Ann Lee, Bo Chen, and Cy Diaz. {y}. {t}. In Proceedings of the 9th Symposium "
        f"({v} '{y % 100:02d}). ACM, 1-12. https://doi.org/10.1145/{i}\n"
        for i, (t, v, y) in enumerate(ps)
    )


def _paragraphs(ps: list[Paper], form: int) -> str:
    return "".join(f"[{t}]({_url(i)}) [ACM {v} {y}]\n\n" for i, (t, v, y) in enumerate(ps))


def _headings(ps: list[Paper], form: int) -> str:
    return "".join(
        f"### {t}\n* **Source:** {_venue_forms(v, y)[form % 3]}\n* **Info:** notes\n\n"
        for t, v, y in ps
    )


def _heading_fields(ps: list[Paper], form: int) -> str:
    """A heading per paper with its fields as bullets, the link first (issue 10's example)."""
    return "".join(
        f"#### {t}\n- **Link:** [arXiv:{2001 + i % 12}.{i:05d}]"
        f"(https://arxiv.org/abs/{2001 + i % 12}.{i:05d})\n"
        f"- **Authors:** Ann Lee, Bo Chen, Cy Diaz\n- **Venue:** {_venue_forms(v, y)[form % 3]}\n\n"
        for i, (t, v, y) in enumerate(ps)
    )


SHAPES: dict[str, Callable[[list[Paper], int], str]] = {
    "tag bullets": _tag_bullets,
    "bold tags": _bold_tags,
    "venue suffix": _suffix,
    "table": _table,
    "citations": _citations,
    "paragraphs": _paragraphs,
    "heading per paper": _headings,
    "heading and fields": _heading_fields,
}

NOISE = [
    "* [Introduction](#introduction)\n",
    "![badge](https://img.shields.io/badge/awesome-yes-green)\n",
    "Some prose about this list, nothing more.\n",
    "\n",
    "   \n",
]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(SHAPES)),
    papers(),
    st.integers(min_value=0, max_value=3),
    st.lists(st.sampled_from(NOISE), max_size=4),
    st.booleans(),
)
def test_every_shape_gives_clean_titles_and_venues(
    shape: str, ps: list[Paper], form: int, noise: list[str], crlf: bool
) -> None:
    body = SHAPES[shape](ps, form)
    text = "# A reading list\n\n" + "".join(noise) + "\n" + body + "\n" + "".join(noise)
    if crlf:
        text = text.replace("\n", "\r\n")
    parsed = parse_list(text, source="gen.md")
    # The venue as written, so "[ACM OSDI 2021]" keeps its publisher.
    got = [(p.title, p.venue.removeprefix("ACM "), p.year) for p in parsed.papers]
    assert got == [(t, f"{v} {y}", y) for t, v, y in ps], text
