"""One candidate's spans -> the papers they hold (or why not): the general reader's core.

Title, tags, venue, year, authors and links come from the ``fields`` and ``venue_text``
extractors; ``decide`` says whether the result is a paper. Several linked titles joined
only by separators (``;``, ``and``, a line break) are several papers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from operator import attrgetter

from papershelf.catalog import fields, page_titles, plain_lead, titles
from papershelf.catalog.bold_cites import unbolded
from papershelf.catalog.bylines import detail_year, entry_authors, line_byline, line_date
from papershelf.catalog.citation import (
    citation_venue,
    is_book,
)
from papershelf.catalog.dash_bylines import dash_byline, lead_byline
from papershelf.catalog.dated_groups import dated_year
from papershelf.catalog.dated_titles import dated_text
from papershelf.catalog.decide import Evidence, decide, elsewhere
from papershelf.catalog.emph_venue import emphasized_venue
from papershelf.catalog.entry import Entry, Skipped
from papershelf.catalog.entry_text import snippet
from papershelf.catalog.entry_titles import title_of
from papershelf.catalog.entry_venue import STATED, Context, group_venue, lead_venue, venue_of
from papershelf.catalog.inline import MAX_TITLE
from papershelf.catalog.lead_marks import dash_marked, venue_mark
from papershelf.catalog.lead_tags import take_slashed
from papershelf.catalog.lead_year import names_year, stated_year
from papershelf.catalog.links import is_search, shown_arxiv_year, unique_links
from papershelf.catalog.noted_titles import before_note
from papershelf.catalog.pictographs import pictured_kinds, unmarked
from papershelf.catalog.publisher import venue_with_year
from papershelf.catalog.quoted_titles import unquoted
from papershelf.catalog.segments import segments
from papershelf.catalog.skips import LABELS, NON_PAPERS, SAID_NO_PAPER, TOOLS, UNREADABLE
from papershelf.catalog.spans import Span, text_of
from papershelf.catalog.tail_cite import credited_names, dated_note, tilde_byline
from papershelf.catalog.venue_headings import dated as series_dated
from papershelf.catalog.venue_lists import names_venues
from papershelf.catalog.venue_named import venue_named_in
from papershelf.catalog.venue_text import parse_venue
from papershelf.catalog.versions import other_versions
from papershelf.catalog.year_dash import year_dashed
from papershelf.catalog.year_tag import lead_year
from papershelf.domain.text import one_line

# "(slides)", "(keynote)", "(standford lecture)": what the title names is a talk or a page;
# "(from page 434)", "(chapter 3)": a part of a book
_NUMBERED_WORD = re.compile(r"[a-z]+ \d{1,2}")
"""``workshop 2``, ``part 3``: a plain word and a small number name no paper (``Llama 2`` does)."""
# The writer's own word after the title, the whole remark: "-> Not a paper but good to read."
# ("- not a paper for beginners", "classic, not a paper I would skip" say something else)
_SAYS_NOT_A_PAPER = re.compile(
    r"[\s\-–—>→:;,.(\[]*(?:(?:this|it)\s+)?(?:is\s+not|isn't|not)\s+(?:really\s+)?"
    r"an?\s+paper\b\s*(?:$|[.,;:!)\]]|but\b)",
    re.I,
)
_NOT_PAPER_NOTE = re.compile(
    r"(?:\w+\s+)?(?:keynote|talk|slides|video|blog(?: post)?|tutorial|course|lecture"
    r"|pages? \d+(?:\s*[-–]\s*\d+)?|chapters? \d+)",
    re.I,
)
# ", 2017", "[2018]", "(IBM Research, 2017-07-07)": a year, or a date written year first
_TRAILING_YEAR = re.compile(  # "..., 2016.", "Barbara Liskov.1999.": the year glued on
    r"(?:^|[\s,(\[]|(?<=[a-z])\.)((?:19|20)\d{2})(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[\s.)\]]*$"
)
# The dot first, then what stands before it: quicker than opening with the look-behind.
_DATE_TAG = re.compile(r"\s*((?:19|20)\d{2})(?:\s*[/.-]\s*(?:0?[1-9]|1[0-2]))?\s*")
_FULL_WIDTH = str.maketrans("（）", "()")
# Where a citation's venue would be, what the work is instead: a blog, a repository, a site.
_KIND_VENUE = re.compile(
    r"(?:.*[\s–-])?blog(?:\s+post)?|"  # "Computer Architecture Today – ACM SIGARCH Blog"
    r"(?:github|gitlab|code)(?:\s+(?:repository|repo|project))?|web\s*(?:site|page|project)|"
    r"website|software|dataset",
    re.IGNORECASE,
)
_BREAK = attrgetter("brk")
# (each opens where a run of spaces does, "(?<!\s)": a leading "\s*" tried from every space
# of a long run, to the run's end each time, took seconds on a line of 19,000 spaces)
_CITED = re.compile(r"(?<!\s)\s*\(\s*((?:citations?|cited\s+by)\s*:?\s*\d[\d,]*)\s*\)\s*$", re.I)
"""``(Citations 67)`` closing an entry: how often it was cited, a note after its venue."""
_SEARCHED_WORDS = 3
"""Words a search link's label needs to be read as a title (``[Google Scholar]`` has two)."""
_TAIL_GROUP = re.compile(r"\(([^()]{2,80})\)\s*$")
# "Swarm Testing [ISSTA2012]": a plain title closed by its venue in square brackets; a digit
# inside, as "[Lamport, Shostak, Pease]" (the writer's note on names) has none.
_TAIL_BRACKET = re.compile(r"\s\[([^\[\]]*\d[^\[\]]*)\]\s*$")
_GLUED_YEAR = re.compile(r"(?<=[^\W\d_])((?:19|20)\d{2})$")  # "Engineering2022": name, year
# "[ ]", "()": what is left of "\[[Summary](...)\]" once its link is read
_EMPTY_GROUPS = re.compile(r"(?<!\s)(?:\s*(?:\[\s*\]|\(\s*\)))+\s*$")


def _dates(name: str, where: str, rest: str) -> bool:
    """Whether a closing year is the venue's: in a reference, or right after its tag.

    ``*Name*. **ATC**, 2018``: the year follows the venue's field; ``**ICLR** ... 2018`` with
    words between them dates the entry, not the tag.
    """
    if where == "entry":
        return True
    return (
        where == "tag" and re.search(re.escape(name) + r"[\s*_,.)]*\d{4}[\s.]*$", rest) is not None
    )


def _cited_dated(title: fields.Title, rest: str) -> bool:
    """A citation with its authors and year is a paper's: ``Title. *Subhadra Shaw*. 2014``.

    Italic names and a year alone, without a link: with a link, its label says what it is.
    """
    if title.cited is not None:
        return bool(title.cited.authors) and title.cited.year is not None
    if title.link is not None or not title.lead or len(rest) > _DATED_REST:
        return False  # "Cisco Nexus SmartNIC. *Cisco.* 2021 [[Website]](...)": a product's page
    if any(s.is_link for s in title.rest):
        return False
    return _TRAILING_YEAR.search(rest) is not None and bool(fields.authors_in(title.lead))


_DATED_REST = 12
"""What may follow italic names before the year (``. 2014``): more is no bare citation."""


def _one_line_emph(rest: list[Span]) -> bool:
    """Italics after a title on one line: an italic name wrapped over lines may be cut short."""
    return any(s.emph for s in rest) and not any(s.brk for s in rest)


def _series_dated(venue: object, ctx: Context, rest: str) -> bool:
    """Whether a heading's series and the entry's closing year name its venue (``### CCS``)."""
    return venue is None and ctx.series is not None and bool(_TRAILING_YEAR.search(_bare(rest)))


def _bare(rest: str) -> str:
    """The text after a title without the empty brackets its links leave at the end."""
    rest = rest.strip()
    return _EMPTY_GROUPS.sub("", rest) if rest.endswith(("]", ")")) else rest


def read(spans: list[Span], line: int, ctx: Context) -> tuple[list[Entry], list[Skipped]]:
    """The papers in one candidate's spans, and the skips (line, reason)."""
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    if any(s.href and is_search(s.href) for s in spans):  # "[Google Scholar](...?q=Title)"
        spans = _unsearched(spans)
    if any(s.strong for s in spans) and (plain := unbolded(spans)) is not None:
        spans = plain  # "**Names (2003). Title. In SOSP.**": a whole reference set in bold
    parts = segments(spans, names=ctx.paper_place)
    for part in parts:
        result = _one(part, line, ctx, several=len(parts) > 1)
        if isinstance(result, Entry):
            entries.append(result)
        else:
            skipped.append((line, f"{result}: {snippet(part)}" if ":" not in result else result))
    for version in other_versions(ctx.details) if entries and ctx.details else []:
        if isinstance(paper := _one(version, line, replace(ctx, details=[])), Entry):
            entries.append(paper)  # "  * Longer version: [Title](url) (SIGMOD 2017)" under it
    return entries, skipped


_QUOTES = frozenset('"“«')


def _dash_byline(raw: str) -> tuple[str, tuple[str, ...]] | None:
    """``Title - Names`` (only with a spaced dash: most titles have none), or ``Names, Title``."""
    return dash_byline(raw) if " -" in raw or " –" in raw or " —" in raw else lead_byline(raw)


def _unsearched(spans: list[Span]) -> list[Span]:
    """The spans without their search links: a search for the entry is no link of its.

    ``[Google Scholar](...?q=Title)`` beside a title goes; ``[Non-Atomic Arbitrage in
    Decentralized Finance](scholar.google.com/scholar?q=...)``, a title the writer found no
    page for, stays as the title's plain words.
    """
    kept: list[Span] = []
    for s in spans:
        if not (s.href and is_search(s.href)):
            kept.append(s)
        elif _titled_search(s.text):
            kept.append(Span(s.text, strong=s.strong, emph=s.emph))
    return kept


def _titled_search(label: str) -> bool:
    """A search link's label that is a title: words enough, no link's kind, no venue's name.

    ``[ICLR 2024 Conference](openreview.net/group?id=...)`` names a venue, no title.
    """
    if fields.word_count(label) < _SEARCHED_WORDS or fields.is_generic(label):
        return False
    return parse_venue(label) is None


def _one(spans: list[Span], line: int, ctx: Context, *, several: bool = False) -> Entry | str:
    """One segment's paper, or why not (``several``: the candidate names several papers)."""
    if spans and spans[0].text[:6].lstrip()[:1].isdigit() and (led := year_dashed(spans)):
        spans, ctx = led[1], ctx if led[2] else ctx.dated(led[0], ())  # "1958 – Name. “T”"
    title = take_slashed(title_of(before_note(spans)))  # "Title<br>" then a note on it
    if title is None:
        labelled = [s for s in spans if s.is_link]
        if not labelled:
            return UNREADABLE
        if len(labelled) == 1 and not text_of([s for s in spans if not s.is_link]):
            kind = fields.page_kind(labelled[0].text)  # "[Ruder's blog](http://ruder.io/)"
            if kind is not None:
                return TOOLS if kind == "code" else NON_PAPERS
        return f"{UNREADABLE}: links without a title"
    raw = one_line(title.text)
    if raw[:1].islower() and title.source == "link" and _NUMBERED_WORD.fullmatch(raw):
        return NON_PAPERS  # "[workshop 1](p4.org/p4-workshop/)": an event's page, by its number
    if title.source == "link":  # "[2020-PPoPP-XIndex ...](...)": a file name's venue tag
        title.tags, raw = fields.year_venue_tag(title.tags, raw)
    notes: list[str] = []
    if (marked := venue_mark(raw)) is not None:  # "ICSE20' Title", "[SOSP'03-Title](url)"
        title.tags, raw = [*title.tags, marked[0]], marked[1]
    elif title.source == "text" and (dashed := dash_marked(raw)) is not None:
        title.tags, raw, notes = [*title.tags, dashed[0]], dashed[1], dashed[2]  # "NSDI 17 -- "
    tail_venue = None
    if title.source == "link" and " | " in raw and (page := page_titles.split_page_tail(raw)):
        raw, tail_venue = page  # "[Title | Proceedings of the 38th ACM ...](dl.acm.org/...)"
    probe = raw.translate(_FULL_WIDTH) if "（" in raw or "）" in raw else raw  # same length
    end = probe.rstrip()[-1:]
    group = _TAIL_GROUP.search(probe) if not tail_venue and end == ")" else None
    if end == "]" and not tail_venue and title.source == "text":
        group = _TAIL_BRACKET.search(probe)
    inner = "" if group is None else _GLUED_YEAR.sub(r" \1", group.group(1))  # "[TSE2002]"
    if group is not None and (tail_venue := group_venue(inner)):
        raw = raw[: group.start()]
    elif group is not None and (dated := dated_note(inner)):  # "Title (2024, Meta)"
        raw, ctx = raw[: group.start()], ctx.dated(*dated)
    elif group is not None and (who := credited_names(inner, raw[: group.start()])):
        raw, ctx = raw[: group.start()], replace(ctx, plain_ok=True, extra_authors=who)
    if title.source == "text" and (credited := tilde_byline(raw) or _dash_byline(raw)):
        raw, ctx = credited[0], replace(ctx, plain_ok=True, extra_authors=credited[1])
    if title.source == "text" and tail_venue is None and (d := dated_text(raw, title, ctx)):
        raw, tail_venue, ctx = d  # "Combining Branch Predictors, 1993", "..., 2022, MICRO"
    comma = None
    if title.source == "link" and tail_venue is None and (", " in raw or " - " in raw):
        comma = page_titles.split_comma_tail(raw) or page_titles.split_dash_venue(raw)
    if comma is not None:
        raw, found = comma
        if found.name:
            tail_venue = found
        else:
            ctx = replace(ctx, extra_year=found.year)
    quoted = unquoted(raw.strip()) if raw[:2].lstrip()[:1] in _QUOTES else None
    if title.source == "text" and quoted is not None:  # '"Mask R-CNN" (2017)': a title
        raw, ctx = quoted, replace(ctx, paper_place=True)
    text, remarks = fields.tidy_title(raw)
    remarks += [*notes, *title.remarks]  # "Title, S&P'13. (Shielding and ...)"
    text, commentary = titles.around(text, named=several and title.source == "link")
    if commentary is not None:
        remarks.append(commentary)
        tail_venue = tail_venue or venue_named_in(commentary)  # "Micro-2020 Best Paper (...)"
    rest_text = unmarked(" ".join(s.text for s in title.rest if not s.is_link and not s.brk))
    if rest_text.endswith(")") and (counted := _CITED.search(rest_text)) is not None:
        rest_text = rest_text[: counted.start()]  # "**ATC**, 2018 [[paper]](...) (Citations 67)"
        remarks.append(counted.group(1))
    if title.text.endswith(":") and not title.link and names_venues(rest_text):
        return f"{LABELS}: a label over the names of venues"  # "**Storage Systems:** FAST."
    if any(_NOT_PAPER_NOTE.fullmatch(r.strip()) for r in remarks):
        return NON_PAPERS  # "Title: (keynote)", "Title (slides)"
    if "aper" in rest_text and _SAYS_NOT_A_PAPER.match(rest_text):
        return SAID_NO_PAPER  # "[Title](slides.pdf) -> Not a paper but good to read."
    if text.count(" ") <= 1 and page_titles.names_series(text) and parse_venue(text) is not None:
        return NON_PAPERS  # "[OSDI](usenix.org/conference/osdi18/...)": the venue's own page
    if title.dashed and (kind := fields.page_kind(title.dashed)) is not None:
        return TOOLS if kind == "code" else NON_PAPERS  # "blog-[Title](url)"
    venue, where = (tail_venue, "title") if tail_venue else (None, "")
    if venue is None and (cited := title.cited) is not None:
        if cited.year is None and ctx.extra_year:  # "## 2008" over "Names. **Title**. IFL."
            cited = replace(cited, year=ctx.extra_year)
        venue, where = citation_venue(cited), "entry"
        rest_text = cited.rest
    if venue is None:
        venue, where = venue_of(title, rest_text, ctx)
    if venue is not None and where in STATED and _KIND_VENUE.fullmatch(venue.name):
        return NON_PAPERS  # "Chainlink Labs. Deco Research Series #3: ... **Blog 2023**"
    detail_spans = [s for line_spans in ctx.details for s in line_spans]
    own = fields.links_of([], title.link)  # the title's link does not vouch for itself
    if title.link is None:
        links = fields.links_of([*spans, *ctx.extra_links, *detail_spans])
    else:
        others = [*title.rest, *ctx.extra_links, *detail_spans]
        links = fields.links_of(others, title.link, own=own)
    title_page = own[0].url.partition("#")[0] if own else None
    paper_links = sum(
        1
        for link in links
        if link.kind in ("paper", "pdf", "arxiv", "doi")
        and link not in own
        and link.url.partition("#")[0] != title_page  # a part of its page: "...html#oct-14"
        and not elsewhere(link.url)  # "thanks to [Andy Pavlo](.../~pavlo/)", a repository
    )
    badges = tuple(s.badge for s in [*spans, *detail_spans] if s.badge) + pictured_kinds(spans)
    why = decide(
        Evidence(
            title=text,
            href=title.link.href if title.link else None,
            has_venue=(venue is not None and where in STATED)
            or _series_dated(venue, ctx, rest_text),
            paper_links=paper_links,
            badges=badges,
            paper_place=ctx.paper_place
            or _cited_dated(title, rest_text)
            or (title.source == "text" and bool(title.lead))
            or plain_lead.names_dated(title),
            plain_ok=ctx.plain_ok
            or (venue is not None and where == "heading")
            or plain_lead.dated_only(title)
            or title.stated
            or _cited_dated(title, rest_text),
            prose=title.link is not None
            and _is_prose(title.lead, title.link.text)
            and not titles.noted_before(spans, title.link),
            urls=tuple(link.url for link in links) if title.link is None else (),
            book=title.cited is not None and (title.cited.book or is_book(title.cited.rest)),
            section=ctx.label or (ctx.topics[-1] if ctx.topics else ""),
            outer=ctx.topics[:-1],
            rest=rest_text,
        )
    )
    if why is not None:
        return why
    if len(text) > MAX_TITLE:
        return f"{UNREADABLE}: title longer than {MAX_TITLE} characters"
    # "1979, [Title](url), SIGMOD", "Hill, C. (1997). [Title](url)": the year leads the entry
    stated = stated_year(title.lead) if title.link is not None else None
    if stated is not None and venue is not None and venue.year is None:
        venue = replace(venue, year=stated)
    elif stated is not None and venue is None and 0 < fields.word_count(rest_text) <= 8:
        venue = venue_with_year(rest_text, stated)  # "..., PODS": "PODS 1998"
    if stated is not None and venue is None and _one_line_emph(title.rest):
        # "(2017). [Title](url). *IEEE Symposium on Security and Privacy*, 539–556. http://..."
        venue = emphasized_venue(title.rest, f"{rest_text} {stated}")
    year = venue.year if venue is not None else stated
    if year is None and title.cited is not None:
        year = title.cited.year
        if venue is not None and venue.year is None and year is not None and where == "entry":
            venue = replace(venue, year=year)  # "(2019). Title. *arXiv preprint* arXiv:..."
    if year is None:
        year = names_year(rest_text) or ctx.extra_year or detail_year(ctx.details)
        year = year or line_date(title.rest)
        if venue is not None and venue.year is None and year == ctx.extra_year and where in STATED:
            venue = replace(venue, year=year)  # "## 2014" over "Names. **Title**. ICFP.": 2014
    if year is None:  # "[2023/05] Title *A et al. arXiv*": the date the list gives it
        year = next((int(m[1]) for t in title.tags if (m := _DATE_TAG.fullmatch(t))), None)
        if venue is not None and venue.year is None and year is not None and where in STATED:
            venue = replace(venue, year=year)
    if year is None and (m := _TRAILING_YEAR.search(_bare(rest_text))):
        year = int(m.group(1))
        if venue is not None and venue.year is None and _dates(venue.name, where, rest_text):
            venue = replace(venue, year=year)  # "*... Research (CIDR)*, pp. 225–237, 2005."
    if year is None and title.source == "link":  # "[Title](url) (1997): why read it"
        year = lead_year(rest_text) or dated_year(rest_text)  # "(2025, by IBM)"
    if year is None:  # an arXiv id it shows: "[arXiv:2305.12345](...)", "[2002.02440] Title"
        year = shown_arxiv_year(title.text, (s.text for s in spans if s.is_link))
    if venue is not None and venue.year is None and where == "badge":
        venue = replace(venue, year=year)  # "2024.08. ![](.../badge/ICLR-orange)": ICLR 2024
    if venue is None and year is not None and ctx.series is not None:
        venue = series_dated(ctx.series, year)  # "### CCS" over "* **Title** (2017)": CCS 2017
    if venue is not None and venue.remark:
        remarks.append(venue.remark)
    authors = entry_authors(title, rest_text, ctx.details)
    affiliations = ctx.extra_affiliations
    by = None
    if title.link is None and (not authors or year is None) and any(map(_BREAK, title.rest)):
        by = line_byline(title.rest)
    if by is not None:
        authors, affiliations = authors or by[0], affiliations + by[1]  # "Names, Org, 2017"
        year = by[2] if year is None else year
    # "(@Moonshot AI)" after a title names the organisation behind it.
    orgs = tuple(r[1:].strip() for r in remarks if r.startswith("@") and r[1:].strip())
    return Entry(
        title=text,
        line=line,
        venue=(venue.name, venue.year) if venue is not None and venue.name else None,
        authors=authors or ctx.extra_authors,
        topics=(" > ".join(ctx.topics),) if ctx.topics else (),
        links=unique_links(links),
        affiliations=affiliations + orgs,
        remarks=tuple(r for r in remarks if r and not r.startswith("@")),
        year=year,
    )


def _is_prose(lead: str, label: str = "") -> bool:
    """Words before a linked title that are a sentence, not authors, a label or a venue."""
    lead = lead.strip()
    if fields.word_count(lead) < 2 or lead.endswith(":") or lead_venue(lead) is not None:
        return False
    if lead.endswith(("'s", "’s")) and label.lstrip()[:1].islower():
        return True  # "Timothy Roscoe's [writing reviews for ...](...)": words of a sentence
    return not fields.authors_in(lead)
