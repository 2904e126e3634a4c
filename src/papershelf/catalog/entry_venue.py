"""Where an entry's venue is written: a tag, a link, a field of its own, a detail line...

The places a reader looks, in order, and what surrounds a candidate (``Context``): its
section's venue, a table row's venue column, the lines below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from papershelf.catalog import fields
from papershelf.catalog.bold_years import dated_by_next
from papershelf.catalog.chicago_cites import chicago_venue
from papershelf.catalog.citation import VENUE_START, citation_venue, last_year, parse_citation
from papershelf.catalog.dated_groups import after_names, year_first_venue
from papershelf.catalog.emph_venue import emphasized_venue
from papershelf.catalog.keyed_venue import is_venue_key, keyed_venue
from papershelf.catalog.lead_marks import field_venue
from papershelf.catalog.lead_tags import slash_venue, tag_venue
from papershelf.catalog.locators import closing_year, without_locators
from papershelf.catalog.publisher import without_publisher
from papershelf.catalog.reference_lines import cited_venue, line_venue
from papershelf.catalog.series_names import short_name
from papershelf.catalog.spans import Span, text_of
from papershelf.catalog.tail_cite import noted_venue, surname_venue, titled_venue
from papershelf.catalog.vancouver_names import after_leading_names
from papershelf.catalog.venue import RATING, VOLUME_ISSUE
from papershelf.catalog.venue_badges import award_tag
from papershelf.catalog.venue_groups import grouped_venue
from papershelf.catalog.venue_links import linked_venue
from papershelf.catalog.venue_text import KNOWN, VenueGuess, parse_venue, venue_in
from papershelf.catalog.year_led_tags import year_led_tag
from papershelf.catalog.year_tag import named_year_tag

# A venue named just after a title in prose: "[Title](url) ACM Queue article provides ...".
_LED_IN = re.compile(r"\b(?:presented|published|appeared)\s+(?:at|in)\s+(?:the\s+)?", re.I)
"""``(pp. 914–933). Presented at the 2016 IEEE Symposium ...``: where an APA entry appeared."""
_NAMED_KIND = re.compile(
    r"^\s*(?P<venue>(?:[A-Z][\w.'’]*\s+){0,3}?[A-Z][\w.'’]*)\s+(?:article|paper)\b"
)


@dataclass(slots=True)
class Context:
    """What surrounds a candidate."""

    topics: tuple[str, ...] = ()
    section_venue: VenueGuess | None = None
    plain_ok: bool = False
    paper_place: bool = False
    details: list[list[Span]] = field(default_factory=list)
    extra_links: list[Span] = field(default_factory=list)
    extra_venue: VenueGuess | None = None
    extra_year: int | None = None
    extra_authors: tuple[str, ...] = ()
    extra_affiliations: tuple[str, ...] = ()
    series: str | None = None
    """The series a heading above names without a year: each entry's own year dates it."""
    label: str = ""
    """A paragraph naming what the list below it holds (``Blogs:``, ``Papers:``)."""

    def dated(self, year: int, who: tuple[str, ...]) -> Context:
        """A title its list dates (``Title (2024, Meta)``): a paper's entry without a link."""
        orgs = self.extra_affiliations + who
        return replace(self, extra_year=year, plain_ok=True, extra_affiliations=orgs)


def venue_of(title: fields.Title, rest_text: str, ctx: Context) -> tuple[VenueGuess | None, str]:
    """The entry's venue and where it was read (``tag``, ``link``, ``entry``, ``heading``...)."""
    if title.dashed and (found := tag_venue(title.dashed)) is not None:
        return found, "tag"  # "Euro-Par'25 (LNCS)-[Title](url)"
    if title.slashed and (found := slash_venue(title.slashed)) is not None:
        return found, "tag"  # "ASPLOS / Title"
    for lookup in (parse_venue, named_year_tag, year_led_tag):  # "[ISCA'24]", "[1991 SOSP]"
        for tag in title.tags:
            if (found := lookup(tag)) is not None:
                return found, "tag"
    if title.link is not None and (found := lead_venue(title.lead)) is not None:
        return found, "tag"  # "OSDI 2020, [Title](url)": the venue leads the entry
    for span in title.rest:  # "([SOSP 2023](...))", "[ISCA 2020](slides)"
        if span.is_link and (
            found := parse_venue(span.text, need_year=True) or grouped_venue(span.text)
        ):
            return found, "link"  # "[EMNLP (Findings) 2023](...)" too
    if (found := _written_out(title.rest)) is not None:  # "[arXiv:2101.06840](...)"
        return found, "link"
    for i, span in enumerate(title.rest):  # "*Authors* `EMNLP20`", "**ICS 2022**": a field
        if (span.code or span.strong) and not span.is_link and (found := parse_venue(span.text)):
            return dated_by_next(found, title.rest[i + 1 :]), "tag"  # "**FAST**, **2025**"
    for span in title.rest:  # "![](https://img.shields.io/badge/ICLR-orange)": a venue's badge
        if span.badge and not span.is_link and (found := badge_venue(span.badge)) is not None:
            return found, "badge"
    own = _before_other_work(title.rest)  # "(EDBT 2018) about [GRFusion](...) (SIGMOD demo)"
    found = venue_in(VOLUME_ISSUE.sub("", own)) if own else None
    if found is None and rest_text.strip():
        wide = rest_text.replace("，", ", ")  # "*，NDSS 2016*": a full-width comma
        wide = RATING.sub("", wide) if wide.endswith(")") else wide  # "NIPS 2016 (1)": a score
        cleaned = without_locators(without_publisher(after_names(after_leading_names(wide))))
        found = chicago_venue(wide) or venue_in(VOLUME_ISSUE.sub("", cleaned))
        found = found or year_first_venue(rest_text)  # "(2026, Future Generation ...)"
        if found is not None and found.year is None:
            year = closing_year(cleaned) or _clause_year(rest_text, found.name)
            found = replace(found, year=year) if year else found  # "... (TODS) 6(2), June 1981"
    if found is None and (named := _NAMED_KIND.match(rest_text)) is not None:
        found = parse_venue(named.group("venue"))  # "[Title](url) ACM Queue article ..."
    if found is None:  # "[Title](url), _Proc. VLDB Endowment_, 16(12):3894–3897, 2023."
        found = emphasized_venue(title.rest, rest_text)
    if found is None and title.link is not None and _LED_IN.search(rest_text):
        found = cited_venue(_LED_IN.split(rest_text, maxsplit=1)[-1])  # "Presented at the 2016 ..."
    if found is None and any(s.brk for s in title.rest):
        found = _last_line_venue(title.rest)  # "... Albert Cohen." / "Pre-print on arXiv. 2022."
    if found is not None:
        return _series_named(found), "entry"
    for line in ctx.details:
        for span in line:  # "链接: [SOSP 2023](url)": a link labelled with the venue
            if span.is_link and (found := parse_venue(span.text, need_year=True)) is not None:
                return found, "detail"
        text = text_of(line)
        if is_venue_key(text):
            found = keyed_venue(text)
        elif len(text) < 600 and (cited := parse_citation(text)) is not None:
            found = citation_venue(cited)
        if found is not None:
            return found, "detail"
    if ctx.extra_venue is not None:
        return ctx.extra_venue, "row"
    if ctx.section_venue is not None:
        return ctx.section_venue, "heading"
    return None, ""


def _series_named(found: VenueGuess) -> VenueGuess:
    """A proceedings' title filed under its series' short name, when the series has one.

    ``Proceedings of the 2016 ACM SIGSAC Conference on Computer and Communications Security``
    is CCS 2016.
    """
    if not found.name.startswith(("Proceedings ", "proceedings ")):
        return found
    short = short_name(found.name)
    return replace(found, name=short) if short != found.name else found


STATED = ("tag", "link", "entry", "title", "detail", "row", "badge")
"""Where a venue is the entry's own (a heading's venue is the section's)."""


def group_venue(inner: str) -> VenueGuess | None:
    """The venue a group closing a title names: ``SIGMOD 2017``, ``Lamport, CACM 1978``..."""
    found = parse_venue(inner, need_year=True) or surname_venue(inner) or noted_venue(inner)
    # "(TKDE)", "(IEEE Transactions on Computers)", "(Big Data Research 2021)"
    return found or parse_venue(inner) or titled_venue(inner)


def lead_venue(lead: str) -> VenueGuess | None:
    """A venue and year written before a linked title: ``SOCC 2021,``, ``Usenix ICAC 2014,``.

    Or the first of the fields before it: ``SoCC 16 -- `Cloud + AI` -- Names et al,``.
    """
    if not lead.strip():
        return None
    found = parse_venue(lead, need_year=True)
    if found is None and lead[:1].isdigit() and (m := _YEAR_FIRST.fullmatch(lead)):
        found = parse_venue(f"{m[2]} {m[1]}", need_year=True)  # "2014 OSDI [Title](url)"
    if found is None and "_" in lead and (tagged := award_tag(lead)) is not None:
        found = parse_venue(tagged, need_year=True)  # "MLSys24_BestPaper": MLSys 2024
    if found is None and ("--" in lead or ", " in lead):
        head = _LEAD_FIELD.split(lead.strip(), maxsplit=1)[0]
        core = head.partition("(")[0].strip()
        if core[:1].isalpha():
            found = field_venue(head)
            if found is None and core.casefold() == "arxiv":  # "arXiv -- Jonas et al, [...]"
                found = VenueGuess("arXiv", None)
    return found


_LEAD_FIELD = re.compile(r"\s+--\s+|,\s+")
_YEAR_FIRST = re.compile(
    r"((?:19|20)\d{2})\s+([A-Za-z][\w&/-]{1,15}(?:\s[A-Za-z][\w&/-]{1,15})?)\s*"
)
"""``2015 arXiv``, ``2014 MSR-TR``, ``2010 SIGMOD``: a year, then the venue, before the title."""


_WORKSHOP_WORDS = frozenset({"workshop", "workshops", "findings", "oral", "spotlight", "poster"})


def badge_venue(label: str) -> VenueGuess | None:
    """The venue a badge shows: ``ICLR``; ``NIPS FMDM Workshop``: NIPS, a workshop at it.

    The workshop's name goes to the remark, as a qualifier after a venue does.
    """
    found = parse_venue(label)
    words = label.split()
    known = len(words) > 1 and words[0].casefold() in KNOWN
    if found is None and known and words[-1].casefold() in _WORKSHOP_WORDS:
        return VenueGuess(words[0], None, " ".join(words[1:]))
    return found


def _before_other_work(rest: list[Span]) -> str:
    """The text after the title up to a link naming another work, when text follows that link.

    ``[Title](url) by Names (EDBT 2018) about [GRFusion](url) (SIGMOD demo)``: the group after
    the other work's link is that work's venue; the entry's own is the one before it.
    """
    for i, span in enumerate(rest):
        if not span.is_link or fields.is_generic(span.text) or parse_venue(span.text):
            continue
        if any(not s.is_link and s.text.strip(" ,.;") for s in rest[i + 1 :]):
            return " ".join(s.text for s in rest[:i] if not s.is_link and not s.brk)
        return ""
    return ""


def _written_out(rest: list[Span]) -> VenueGuess | None:
    """A link naming the venue in full after the title; a published one before arXiv's."""
    found = [v for s in rest if s.is_link and (v := linked_venue(s.text)) is not None]
    return next((v for v in found if v.name != "arXiv"), found[0] if found else None)


_CLAUSES = re.compile(r"\s+[-–—|]\s+")


def _clause_year(rest: str, name: str) -> int | None:
    """The year before the venue's name in its clause: ``- In proceedings of 2021 ... (CGO) -``."""
    for clause in _CLAUSES.split(rest):
        if (at := clause.find(name)) >= 0:
            lead = clause.strip()
            led = lead[:3].casefold() == "in " or VENUE_START.match(lead) is not None
            return last_year(clause[:at]) if led else None
    return None


def _last_line_venue(rest: list[Span]) -> VenueGuess | None:
    """The venue the entry's last line names, under a line of names (``Pre-print on arXiv.``)."""
    lines: list[str] = [""]
    for span in rest:
        if span.brk:
            lines.append("")
        elif not span.is_link:
            lines[-1] += span.text
    last = next((ln for ln in reversed(lines) if ln.strip(" ,.;")), "")
    return line_venue(last) if last and last is not lines[0] else None
