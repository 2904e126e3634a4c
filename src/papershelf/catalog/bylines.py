"""Who wrote an entry's paper: the names around its title, in the places lists put them.

A citation's authors lead it; a detail line says ``Authors: ...``; an italic run after the
title holds names; ``by A. Verma et al., EuroSys 2015`` follows it; names before a linked
title are its authors; else the first sentence after the title, when it lists names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from papershelf.catalog import fields
from papershelf.catalog.affiliations import (
    is_organisation,
    looks_like_organisation,
    names_without_affiliations,
)
from papershelf.catalog.field_keys import AUTHOR_KEYS
from papershelf.catalog.lead_year import stated_authors
from papershelf.catalog.proceedings import authors_with_affiliations
from papershelf.catalog.spans import Span, split_lines, text_of
from papershelf.catalog.titles import byline_venue
from papershelf.catalog.vancouver_names import leading_names
from papershelf.catalog.venue_text import parse_venue

KEY_VALUE = re.compile(r"^\s*(?P<key>[^\W\d_](?:[^\W\d_]| ){1,20}?)\s*[:：]\s*(?P<value>.*)$")
"""A detail line ``Key: value`` (``Authors: ...``, ``Venue: ...``, ``作者: ...``)."""
FIELD_KEYS = frozenset(
    """
    authors author by link links paper pdf code url venue conference source published
    publication year abstract summary tldr notes note affiliation affiliations institution
    keywords tags 作者 链接 摘要 论文 代码 会议 年份 简介 地址 来源 机构 关键词 发表
    """.split()  # noqa: SIM905 -- a word list reads better as words
)
"""Keys of the lines that give one paper's fields (lower case)."""
_YEAR_GROUP = re.compile(r"\s*\(((?:19|20)\d{2})\)\s*\.?$")
_AUTHOR_KEYS = frozenset({"authors", "author", "by"}) | AUTHOR_KEYS
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])\.\s+")  # not after an initial: "N. Ziogas"
_GLUED_YEAR = re.compile(r"(?<=[a-z])\.(?:19|20)\d{2}$")
# Possessive runs, and no start inside a run of spaces: a long run was tried from each of its
# spaces and split every way between the two "\s*" (cubic: 4,000 spaces took minutes).
_BEFORE_VENUE = re.compile(r"(?:,|(?<!\s))\s++(?=[A-Z][A-Za-z]*+\s*+['’]?\s*+\d{2})")


def entry_authors(
    title: fields.Title, rest_text: str, details: Sequence[list[Span]]
) -> tuple[str, ...]:
    """The authors an entry names; ``rest_text`` is its text after the title."""
    if title.source == "citation":
        return fields.authors_in(title.lead)
    for line in details:
        kv = KEY_VALUE.match(text_of(line))
        if kv and kv.group("key").strip().casefold() in _AUTHOR_KEYS:
            names = fields.authors_in(_YEAR_GROUP.sub("", kv.group("value")))
            return () if all(is_organisation(n) for n in names) else names  # "作者: Google"
    if names := stated_authors(title.lead):  # "Hill, C. (1997). [Title](url) In _Book_"
        return names
    for span in title.rest:
        named = byline_venue(span.text)[0]  # "*A et al. arXiv.*": the names only
        if span.emph and not span.is_link and (names := fields.authors_in(named)):
            if len(names) <= _MAX_ORGS and all(map(looks_like_organisation, names)):
                continue  # "*Authors*. _ETH Zurich_.": where they work, not who they are
            return names
    text = rest_text.strip(" .,;")
    if text[-5:-4] == ".":  # "Barbara Liskov.1999": the year is no part of the name
        text = _GLUED_YEAR.sub("", text)
    by = 3 if text[:3].lower() == "by " else 2 if text[:2] == "~ " else 0  # "~ Mike Burrows"
    if by:  # "by A. Verma et al., EuroSys 2015"
        before_venue = _before_venue(_BEFORE_VENUE.split(text[by:])[0])  # ", arxiv 2021"
        before_venue = _END_YEAR.sub("", before_venue)  # "by A et al." then "2018" below
        return fields.authors_in(before_venue)
    lead = title.lead.strip()
    if lead.startswith("(") and lead.endswith(")"):
        lead = ""  # "(Runtime) [Title](url)": the list's category for it, not its authors
    # "Optional: [Title](...)": a label before the title, not its authors
    if lead and not lead.endswith((":", "：")) and (names := fields.authors_in(lead)):
        return names
    if not text and details and (byline := _byline(text_of(details[0]))):
        return byline  # "Title [[Paper]](url)" over "- A, B, and C, Org; D, Org": its byline
    if (vancouver := leading_names(text)) is not None:
        return vancouver[0]  # "[Title](url). Fischer M J, Lynch N A. Journal of the ACM, 1985"
    if "," not in text and " and " not in text and not _ONE_ET_AL.match(text):
        return ()  # no list of names after the title
    first = _first_sentence(text)
    if "," in first or " and " in first or _ONE_ET_AL.fullmatch(first):
        return fields.authors_in(_before_venue(first))
    return ()


_ONE_ET_AL = re.compile(r"[A-Z][\w'’-]*+(?: [A-Z][\w'’-]*+){0,2} et\.? ?al(?!\w)\.?")
"""``Smith et.al.``, ``Daliang Xu et al.``: one name and the others, a reading log's byline."""


def _byline(line: str) -> tuple[str, ...] | None:
    """A line of names with where they work: ``A and B, Org; C, Org2`` or ``A, B (Org)``."""
    return names_without_affiliations(line) or authors_with_affiliations(line)


def _first_sentence(text: str) -> str:
    """The sentence after the title that may name its authors.

    ``- Names, Venue, 2021``: a dash before it is none of it; ``**ICS 2022**. Names.``: a
    venue set apart before the names is passed over.
    """
    text = text.strip(" .,-–—")
    if text.startswith("(") and (close := text.find(")")) > 0:
        return text[1:close]  # "(Names, Org) [Venue]": the group right after the title
    parts = _SENTENCE_BREAK.split(text, maxsplit=1)
    first = parts[0]
    if len(parts) > 1 and parse_venue(first, need_year=True) is not None:  # "ICS 2022. Names."
        first = _SENTENCE_BREAK.split(parts[1].lstrip(" .,"), maxsplit=1)[0]
    return first


def _before_venue(text: str) -> str:
    """``A, B, IEEE Transactions on ..., 2021``: the names without the venue and year after."""
    if not text.rstrip(" .")[-1:].isdigit():
        return text  # most author lines: no year closes them
    parts = text.split(", ")
    last = parts[-1].strip(" .")
    if len(parts) > 1 and _YEAR.fullmatch(last):
        parts.pop()  # "..., ASPLOS, 2020": the venue may stand before the year
        if len(parts) > 1 and parse_venue(parts[-1]) is not None:
            parts.pop()
    elif len(parts) > 1 and parse_venue(last, need_year=True) is not None:
        parts.pop()  # "..., arXiv 2022"
    return ", ".join(parts)


_YEAR = re.compile(r"(?:19|20)\d{2}")


def detail_year(details: Sequence[list[Span]]) -> int | None:
    """``作者: A, B et al. (2023)``: the year closing an authors line below the title.

    Or a line of its own keyed as the year: ``- **Year:** 2022``.
    """
    for line in details:
        kv = KEY_VALUE.match(text_of(line))
        key, value = (kv.group("key").strip().casefold(), kv.group("value")) if kv else ("", "")
        if key in _AUTHOR_KEYS and (m := _YEAR_GROUP.search(value)) is not None:
            return int(m.group(1))
        if key in _YEAR_KEYS and (m := _YEAR_ONLY.fullmatch(value.strip())) is not None:
            return int(m.group(1))
    return None


_YEAR_KEYS = frozenset({"year", "年份", "年", "연도"})
_YEAR_ONLY = re.compile(r"((?:19|20)\d{2})\.?")


_MAX_ORGS = 4
"""An italic run of more names than this is authors, whatever words they hold."""
_END_YEAR = re.compile(r"[\s,]+(?:19|20)\d{2}\.?$")
_LINE_YEAR = re.compile(r",\s*((?:19|20)\d{2})\.?\s*$")


def line_byline(rest: Sequence[Span]) -> tuple[tuple[str, ...], tuple[str, ...], int] | None:
    """``**"Title"**`` then ``Goyal et al., Facebook AI Research, 2017`` on the next line.

    The first line below the title that holds no link: its names, the organisations after
    them and the year closing it; None when it does not read so.
    """
    first_break = next((i for i, s in enumerate(rest) if s.brk), None)
    if first_break is None:
        return None
    for line in split_lines(list(rest[first_break:]))[:2]:
        if any(s.is_link for s in line):
            return None
        text = text_of(line)
        m = _LINE_YEAR.search(text) if text else None
        if m is None:
            continue
        first, *orgs = [p.strip() for p in text[: m.start()].split(", ")]
        names = fields.authors_in(first)
        if not names or not all(is_organisation(o) for o in orgs):
            return None
        return names, tuple(orgs), int(m.group(1))
    return None


# "Names, 2024.08.", "Names 2024.07.": a line closed by a year and its month.
_DATE_END = re.compile(r"(?:^|[\s,])((?:19|20)\d{2})[.\-/](?:0?[1-9]|1[0-2])\.?\s*$")


def line_date(rest: Sequence[Span]) -> int | None:
    """The year closing the line below a title (``Names, 2024.08.``), else None."""
    first_break = next((i for i, s in enumerate(rest) if s.brk), None)
    if first_break is None:
        return None
    for line in split_lines(list(rest[first_break:]))[:2]:  # the names may wrap: ", 2023.10."
        if m := _DATE_END.search(text_of(line)):
            return int(m.group(1))
    return None
