"""Real list lines, shuffled and mutated: the importer raises nothing but its own ListError.

Generated shapes (``test_catalog_hostile``) only hold what their generators make; lines of
the seed lists and both corpora, cut, spliced and sprinkled with markup, reach rules no
generator thought of (an ``<a href>`` to ``https://www.[host/...`` once stopped an import,
as did an ``<li>`` opened before its table row).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.errors import ListError

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@cache
def _lines() -> tuple[str, ...]:
    files = [*ROOT.joinpath("seeds").glob("*.md")]
    for corpus in ("corpus", "corpus-wild"):
        files += sorted((SHARED / corpus).glob("*.md")) if (SHARED / corpus).is_dir() else []
    lines = {line for f in files for line in f.read_text(encoding="utf-8").splitlines()}
    return tuple(sorted(line for line in lines if line.strip()))


_PIECES = [*"[]()<>*_`|#-!:;,.\"'\\{}~^&/ \t\n0123456789", "\u00a0", "（", "“", "\r"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(_lines()), min_size=1, max_size=30))
    text = list("\n".join(lines))
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text.insert(at, draw(st.sampled_from(_PIECES)))
        elif text:
            del text[min(at, len(text) - 1)]
    return "".join(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
@example('- <a href="https://www.[ansys.com/products/hfss" target="_blank">Simulator</a>')
@example(  # an <li> opened before its table row began: a row's item without a column
    '<li>Mosel i     <tr>\n<th style="text-align:left">题目</th>\n<li>Mosel is a small f'
    '   <th style="text-align:left">分类</th>\n        </tr>'
)
def test_mutated_real_lines_raise_nothing_but_a_list_error(text: str) -> None:
    try:
        parse_list(text, source="fuzz.md")
    except ListError as exc:
        assert str(exc).startswith("fuzz.md") and "\n" not in str(exc)
