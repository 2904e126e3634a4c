"""What an entry's text says with no link in it: a typo's broken link, a paper it names.

The general reader asks these before it looks for a title: a paragraph without a link is
still a paper's when it holds a URL, a full citation, a broken link or an italic title with
its byline; ``[Title])(url)`` is a link a typo broke. ``snippet`` says what a skip held.
"""

from __future__ import annotations

import re

from papershelf.catalog import fields
from papershelf.catalog.bold_names import bold_names_title
from papershelf.catalog.citation import is_full_citation
from papershelf.catalog.emph_bylines import emph_byline
from papershelf.catalog.proceedings import bold_byline
from papershelf.catalog.quoted_bylines import quoted_byline
from papershelf.catalog.spans import Span, text_of
from papershelf.catalog.title_mla import title_mla_venue

_BROKEN_LINK = re.compile(
    r"\[(?P<title>[^\[\]]{3,400})\](?P<close>\s*+\))?\s*+\((?P<url>(?:https?://|doi:)[^\s()]+)\)"
    # "[Title](papers/2020-PPoPP-XIndex A Scalable ....pdf)": a file path with spaces
    # (words between runs of spaces, never a space inside a word: one way to split a path,
    # where "(?: [^()<>:]+)+" had 2^n ways for n words and no ".pdf)" to end them)
    # (a word may be a copy's number: "Poster_ (5).pdf", "EvalAI_SOSP_2019 (8) (1).pdf")
    r"|\[(?P<named>[^\[\]]{3,400})\]"
    r"\((?P<path>[^\s()<>:]+(?:\s+(?:[^\s()<>:]+|\(\d{1,3}\)[^\s()<>:]*))+\.pdf)\)"
    # "(Title)[https://...]": the brackets swapped
    r"|\((?P<swapped>[^()\[\]]{3,400})\)\[(?P<to>https?://[^\s()\[\]]+)\]"
)
_WORD = re.compile(r"[^\W\d_]{2}")
"""Two letters together: ``[Title] (url)`` names a paper, ``[123] (url)`` and ``[1, 2] (url)``
are citation marks before a URL in parentheses."""
_UNDEFINED_REF = re.compile(r"\s*\[([^\[\]]{3,400})\]\[[^\[\]]*\]\s*")
_BARE_TITLE = re.compile(r"^(?!\d)(?:(?!\d\s*%|[.!?]\s).){1,400}(?<![.!?:;])$")


def bare_title(text: str) -> bool:
    """A paragraph that is a title alone, as under ``# SIGMOD`` / ``## 2022``: one phrase.

    Not a sentence of the list's (``227 papers accepted.``, two sentences, a closing colon) nor
    a venue's figures (``Fall: 13.7% (= 55 / 401)``), nor an aside wholly in parentheses
    (``(MSST17 papers are not out)``): a remark of the list's on the section.
    """
    aside = text.strip()
    if aside[:1] == "(" and aside[-1:] == ")" and aside.count("(") == 1:
        return False
    return _BARE_TITLE.match(text) is not None


def names_paper(text: str, spans: list[Span]) -> bool:
    """A paragraph with no link that still names a paper: a URL, a citation, a broken link."""
    found = fields.bare_urls(text) or is_full_citation(text) or _BROKEN_LINK.search(text)
    if found or title_mla_venue(text):  # "Title. Kyrola, Aapo, and Guy Blelloch. OSDI. 2012."
        return True
    if emph_byline(spans, []) is not None or bold_byline(spans) is not None:
        return True  # "*Title* by Names", "**Title**: A (Org); B (Org)"
    if bold_names_title(spans, []) is not None:
        return True  # '**DENNING, P. J.**  "Title."  *Venue*, 1968.'

    return quoted_byline(spans, []) is not None  # '"Title" by Names: notes'


def snippet(spans: list[Span], width: int = 60) -> str:
    """What a skipped entry says, shortened, for ``--verbose``."""
    text = text_of(spans) or " ".join(s.badge or "" for s in spans).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def mend(spans: list[Span]) -> list[Span] | None:
    """A link a typo broke: ``[Title])(url)``, ``[Title] (url)``, ``(Title)[url]``.

    Or ``[Title][label]`` with no ``[label]: url``: the title alone.
    """
    text = "".join(" " if s.brk else s.text for s in spans)
    if text.endswith("]") and (ref := _UNDEFINED_REF.fullmatch(text)) is not None:
        return [Span(ref.group(1))]  # "[Title][label]" whose label is never defined
    m = next((m for m in _BROKEN_LINK.finditer(text) if not _cites(m)), None)
    if m is None:
        return None
    title = m.group("title") or m.group("named") or m.group("swapped")
    link = Span(title, m.group("url") or m.group("path") or m.group("to"))
    return [Span(text[: m.start()]), link, Span(text[m.end() :])]


def _cites(m: re.Match[str]) -> bool:
    """``Title [123] (url)``, ``[^12] (url)``: a citation mark a space parts from its URL."""
    title = m.group("title")
    if title is None or m.group("close") is not None:
        return False
    return title.startswith("^") or _WORD.search(title) is None  # "[^he2016]": a footnote's
