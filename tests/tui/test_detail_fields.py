"""The detail pane's text: ids break after hyphens, links stay one line, markers stand apart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.cells import cell_len
from rich.console import Console

from papershelf.domain.merge_rules import merge_note_text
from papershelf.domain.models import Link, Paper, PaperState
from papershelf.domain.notes import CONFLICT_END, CONFLICT_SPLIT, CONFLICT_START
from papershelf.tui.breaking import BreakingText, break_offsets
from papershelf.tui.widgets.detail_fields import detail_renderable
from papershelf.tui.widgets.detail_pane import note_markdown

T1, T2 = "2026-01-01T10:00:00.250000Z", "2026-01-01T10:00:00.750000Z"

PAPER = Paper(
    "asplos2025-concerto-automatic-2a0a",
    "Concerto: Automatic Communication Optimization",
    "ASPLOS 2025",
    links=(Link("pdf", "https://dl.acm.org/doi/pdf/10.1145/3669940.3707223"),),
)


def rendered(paper: Paper, width: int) -> list[str]:
    console = Console(width=width, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(detail_renderable(paper, PaperState()))
    return [line.rstrip() for line in capture.get().splitlines()]


def rows(lines: list[str], label: str, column: int = 7) -> list[str]:
    """The value column of ``label``'s row and of the lines it wraps onto."""
    start = next(i for i, line in enumerate(lines) if line.startswith(label + " "))
    values = [lines[start][column:]]
    for line in lines[start + 1 :]:
        if line[:column].strip():
            break
        values.append(line[column:])
    return values


def test_a_long_id_breaks_after_hyphens_and_a_link_is_one_cut_line() -> None:
    """At a narrow pane's width (about 28 columns at 100-110) the id broke mid-word
    (``asplos2025-conce`` / ``rto-automatic-2a``) and the link label folded."""
    lines = rendered(PAPER, 28)
    assert rows(lines, "Id") == ["asplos2025-concerto-", "automatic-2a0a"]
    (link,) = rows(lines, "Pdf")
    assert link.startswith("dl.acm.org/doi/pdf/") and link.endswith("…")
    assert len(link) == 28 - 7
    assert lines[0] == "Concerto: Automatic"  # a title still wraps at words


def test_a_list_line_number_stays_beside_the_word_line() -> None:
    listed = Paper(PAPER.id, PAPER.title, PAPER.venue, lists=("asplos-2025",), line=11)
    values = rows(rendered(listed, 28), "List")
    assert values == ["asplos-2025, line 11"]
    assert rows(rendered(listed, 24), "List") == ["asplos-2025,", "line 11"]


def test_a_paper_added_by_hand_has_no_line_number() -> None:
    added = Paper(PAPER.id, PAPER.title, PAPER.venue, lists=("added-by-hand",), line=0)
    assert rows(rendered(added, 60), "List") == ["added-by-hand"]


def test_a_wide_pane_shows_the_id_whole() -> None:
    assert rows(rendered(PAPER, 60), "Id") == ["asplos2025-concerto-automatic-2a0a"]


WORDS = st.text(alphabet="ab-/ 字", min_size=0, max_size=40)


@given(WORDS, st.integers(min_value=1, max_value=12))
def test_lines_fit_rejoin_and_break_only_where_they_may(plain: str, width: int) -> None:
    """Every line fits (but for spaces at its end); the lines join back to the text; a line
    ends after a space, a hyphen or a slash unless its run had to be folded."""
    console = Console(width=width, color_system=None)
    lines = console.render_lines(BreakingText(plain), console.options, pad=False)
    texts = ["".join(segment.text for segment in line) for line in lines]
    assert all(cell_len(text) <= width for text in texts)
    offsets = break_offsets(plain, width)
    cuts = list(zip([0, *offsets], [*offsets, len(plain)], strict=True))
    assert "".join(plain[a:b] for a, b in cuts) == plain
    for a, b in cuts[:-1]:
        line = plain[a:b]
        if line[-1] not in " -/" and plain[b] != " ":  # folded mid-run: only a full line
            assert " " not in line and cell_len(line) >= width - 1


def test_a_merged_notes_markers_render_as_lines_of_their_own() -> None:
    """As markdown, '>>>>>>>' began a quote seven deep and the other markers ran into the
    text beside them ('... written <time> idea B')."""
    note = merge_note_text(
        "a\nidea\nz\n", "a\nidea A\nz\n", "a\nidea B\nz\n", a_changed=T1, b_changed=T2
    ).text
    tokens = MarkdownIt("commonmark").parse(note_markdown(note))
    assert not [t for t in tokens if t.type == "blockquote_open"]
    shown = [t.content for t in tokens if t.type == "inline"]
    assert shown[1:6] == [
        f"*\\{CONFLICT_START.format(when='written ' + T1)}*",
        "idea A",
        f"*\\{CONFLICT_SPLIT.format(when='written ' + T2)}*",
        "idea B",
        f"*\\{CONFLICT_END}*",
    ]
    assert note_markdown("a > b\n>>>>>>> not ours") == "a > b\n>>>>>>> not ours"


FSMOE = Paper(
    "asplos2025-fsmoe-a-flexible-and-scalable-5ddd",
    "FSMoE: A Flexible and Scalable Training System",
    "ASPLOS 2025",
    authors=("Pan Xinglin", "Lin Wenxiang", "Zhang Lin", "Shi Shaohuai", "Alizadeh Mohammad"),
    affiliations=("Hong Kong University of Science and Technology",),
)


def test_a_long_label_takes_its_own_line_in_a_narrow_pane() -> None:
    """At 100 columns (25 for the pane's text) ``Affiliations`` made the label column 13 wide:
    the values kept 11 columns, the id took six lines and authors one a line."""
    lines = rendered(FSMOE, 25)
    assert rows(lines, "Id", 8) == ["asplos2025-fsmoe-", "a-flexible-and-", "scalable-5ddd"]
    at = lines.index("Affiliations")
    assert lines[at + 1] == "        Hong Kong"  # the value in the values' column
    assert lines[at + 2].startswith("        University")
    lines = rendered(FSMOE, 60)  # a wide pane keeps them beside their values
    assert any(line.startswith("Affiliations Hong Kong University") for line in lines)
    assert any(line.startswith("Id           asplos2025-fsmoe-") for line in lines)


def test_an_authors_name_is_never_broken_across_lines() -> None:
    names = rows(rendered(FSMOE, 25), "Authors", 8)
    assert names == [
        "Pan Xinglin,",
        "Lin Wenxiang,",
        "Zhang Lin,",
        "Shi Shaohuai,",
        "Alizadeh Mohammad",
    ]


def test_a_name_wider_than_the_column_starts_a_line_and_breaks_between_its_words() -> None:
    plain = "Wu Hao, Alizadeh\u00a0Mohammad\u00a0Reza, Li Bo"
    console = Console(width=14, color_system=None)
    lines = console.render_lines(BreakingText(plain), console.options, pad=False)
    texts = ["".join(segment.text for segment in line).rstrip() for line in lines]
    assert texts == ["Wu Hao,", "Alizadeh", "Mohammad Reza,", "Li Bo"]
