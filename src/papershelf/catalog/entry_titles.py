"""The title an entry names, read from its spans: a linked label, a bold title, a citation.

What stands before the first link (tags, names, a mark), the link itself and what follows it
decide which words are the title; ``entries`` then reads the venue, year and links around it.
"""

from __future__ import annotations

import re
from itertools import takewhile

from papershelf.catalog import fields, page_titles, plain_lead, titles
from papershelf.catalog.address_titles import address_title
from papershelf.catalog.apa_cites import apa_cited
from papershelf.catalog.badge_links import title_first
from papershelf.catalog.bold_cites import named_title
from papershelf.catalog.bold_labels import labelled_title
from papershelf.catalog.bold_names import bold_names_title
from papershelf.catalog.citation import (
    VENUE_START,
    Citation,
    last_year,
    parse_citation,
)
from papershelf.catalog.cite_labels import cited_by_label, cites_work, crossref
from papershelf.catalog.dblp_lines import dblp_cited
from papershelf.catalog.dblp_web import dblp_web_cited
from papershelf.catalog.emph_bylines import emph_byline
from papershelf.catalog.emph_cites import names_then_emph
from papershelf.catalog.entry_text import mend
from papershelf.catalog.etal_cites import etal_cited
from papershelf.catalog.initial_names import initials_first
from papershelf.catalog.initialled_links import initialled_citation
from papershelf.catalog.label_cites import stopped_citation
from papershelf.catalog.lead_tags import dashed_tag
from papershelf.catalog.links import is_bare_url
from papershelf.catalog.proceedings import bold_byline
from papershelf.catalog.published_tails import published_cited
from papershelf.catalog.quoted_bylines import quoted_byline
from papershelf.catalog.quoted_cite import linked_citation, quoted_citation
from papershelf.catalog.read_dates import past_read_date
from papershelf.catalog.spans import Span, text_of
from papershelf.catalog.tail_venue import title_then_venue
from papershelf.catalog.title_bylines import title_then_names
from papershelf.catalog.title_mla import title_mla_venue
from papershelf.catalog.title_names import title_names_venue
from papershelf.catalog.venue_text import parse_venue

_DASH_ENDS = frozenset("-–= ")
"""How a mark joined to a linked title by a dash ends (``ISCA'16-``, ``arxiv'26 - ``)."""
_INITIAL_ENDS = frozenset(". ")
_ALIAS = re.compile(r"\s*[^\s:*\[\]][^:*\[\]]{0,40}:\s*")
"""A short name and a colon before a bold title (``SVD++: **Title**``, ``FunkSVD (LFM): ``)."""
_TITLE_KEY = re.compile(r"\s*(?:paper|title)\s*[:：]\s*", re.IGNORECASE)
_CLOSING_NOTE = re.compile(r"\.\s*\([^()]{1,120}\)$")
"""A note in parentheses after an entry's closing stop (the citation before it is whole)."""


def lead_of(spans: list[Span]) -> tuple[int, str]:
    """Index of the first link and the text before it."""
    for i, span in enumerate(spans):
        if span.is_link:
            # a line break is a space: "Names. Title.\n[[arXiv:...](url)]" ends its sentence
            return i, "".join(" " if s.brk else s.text for s in spans[:i])
    return len(spans), "".join(" " if s.brk else s.text for s in spans)


def strong_head(spans: list[Span], skip: int) -> tuple[str, list[Span]] | None:
    """A bold title after the tags: (title, the spans up to the first link, e.g. a venue).

    ``**Title** (OSDI 2024) [[paper]](url)``: what stands before the links is the entry's.
    """
    seen = 0
    for i, span in enumerate(spans):
        if span.is_link:
            return None
        end = seen + len(span.text)
        if end > skip and span.text[max(0, skip - seen) :].strip():
            if not span.strong:
                alias, bold = span.text[max(0, skip - seen) :], spans[i + 1 : i + 2]
                if bold and bold[0].strong and " " in bold[0].text and _ALIAS.fullmatch(alias):
                    seen = end  # "ItemCF: **Title**": the paper's short name, then its title
                    continue
                return None
            text, i = span.text[max(0, skip - seen) :], i + 1
            if _TITLE_KEY.fullmatch(text) and i < len(spans) and not spans[i].is_link:
                text, i = spans[i].text.strip(), i + 1  # "**Paper:** Title": the title follows
            while i + 1 < len(spans) and spans[i].brk and spans[i + 1].strong:
                text, i = f"{text} {spans[i + 1].text}", i + 2  # a bold title wrapped
            between = takewhile(lambda s: not s.is_link, spans[i:])
            return text, list(between)
        seen = end
    return None


def title_of(spans: list[Span]) -> fields.Title | None:
    """The title the spans name and what stands around it, or None when they name none."""
    if spans and not spans[0].text and (badged := title_first(spans)) is not None:
        spans = badged  # "[![Star](...)](github) [Title](url). Names.": badges before it
    spans = past_read_date(spans) or spans  # "Jan. 6th \"Title\" IEEE S&P'22": the day read
    first, lead = lead_of(spans)
    if (moved := page_titles.marker_first(spans, first)) is not None:  # "[pdf](.) [Title](.)"
        spans = moved
        first, lead = lead_of(spans)
    if first == len(spans) and (mended := mend(spans)) is not None:
        spans = mended
        first, lead = lead_of(spans)
    tags, after = fields.split_tags(lead, whole=first == len(spans))
    link = spans[first] if first < len(spans) else None
    dashed = dashed_tag(after) if link is not None and after[-1:] in _DASH_ENDS else None
    if dashed is not None:  # "**ISCA'16**-[Title](url)": the mark is no author, no prose
        tags, after = [*tags, dashed], ""
    visible = fields.has_visible(after)
    # "Title ([SOSP 2023](...)) [[Paper](...)]": the links sit in a group after the title.
    # "Title\t[[Sci. China Inf. Sci. 2023]](url)": a bracketed label is a mark, no title
    marked = link is not None and link.text[:1] == "[" and link.text[-1:] == "]"
    grouped = (marked or after.rstrip().endswith(("(", "["))) and fields.word_count(after) >= 3
    plain_link = link is not None and not grouped and not fields.is_generic(link.text)
    if plain_link and visible and link is not None and (pointed := crossref(link, after)):
        return fields.Title(pointed, "text", None, tags, "", spans[first + 1 :])  # "[also in"
    if plain_link and visible and link is not None and cites_work(link.text):
        return cited_by_label(after, link, tags, spans[first + 1 :])  # "TPUv4 [Jouppi et al.]"
    if plain_link and visible and link is not None and link.text.startswith(("http", "www.")):
        # '"Title", Dec. 2017. [Online]. Available: [https://...](https://...)': the address
        # shown is no title; the citation before it names the paper
        bare = is_bare_url(link.text.strip())
        plain_link = not bare or parse_citation(after) is None
        if plain_link and bare and (shown := address_title(after, tags, spans, first)):
            return shown  # "Title - Leslie Lamport <url>", "1995 Shor: Title <https://...>"
    if plain_link and visible and any(s.brk for s in spans[:first]):
        # "**Title** [NSDI 2026]", its summary, then "[Presentation](...) | [PDF](...)" on
        # lines of their own: the bold line names the paper, the links below are its links
        bold = strong_head(spans, len(lead) - len(after))
        plain_link = bold is None or fields.word_count(bold[0]) < 3
    if link is not None and not visible and first + 1 < len(spans):
        after_id = page_titles.title_after_id(link.text, spans[first + 1].text)
        if after_id is not None and not spans[first + 1].is_link:  # "[arXiv:...](url) Title"
            rest = [Span(after_id[1]), *spans[first + 2 :]]
            return fields.Title(after_id[0], "link", link, tags, after, rest)
    if link is not None and plain_link and not page_titles.venue_label(link.text):
        # A linked title wins over prose or authors before it (a venue's link is no title).
        rest = spans[first + 1 :]
        joined = titles.name_then_title(link.text, rest)
        if joined is not None:
            found = fields.Title(joined[0], "link", link, tags, after, joined[1])
        else:
            found = fields.Title(link.text, "link", link, tags, after, rest)
        if (quoted := quoted_citation(after, link.text, text_of(rest))) is not None:
            found.lead, found.cited = quoted  # 'Names. "[Title](url)." Venue (2018).'
        # '[Names. "T" (1995)](u)', '[Kosba, Ahmed, et al. "Hawk: ..." ... IEEE, 2016.](u)'
        elif (
            whole := plain_lead.keyed_cited(link.text)
            or linked_citation(link.text)
            or stopped_citation(link.text)  # "[Names. Title. In Proc. ..., 2020.](./x.pdf)"
            or initialled_citation(link.text)  # "[G. Graefe. Title.](url)": no year needed
        ) is not None:
            found.text, found.lead, found.cited = whole.title, whole.authors, whole
        found.dashed = dashed or ""
        return found
    if link is not None and (paper := titles.venue_link_then_emph(spans, first)) is not None:
        return fields.Title(paper[0], "text", link, [*tags, link.text], paper[1], paper[2])
    if not visible:
        return None
    if (named_first := bold_names_title(spans, tags)) is not None:
        return named_first  # "**Lamport, L.** (1978). *Title*.", '**LIU, C. L.** "Title."'
    if "). " in spans[0].text and (apa := apa_cited(spans, first, tags)) is not None:
        return apa  # "Hevner, A. R. et al. (2004). Title. *MIS Quarterly*, 28(1), 75–105."
    if (named := titles.names_then_strong(spans, linked=first < len(spans))) is not None:
        return named_title(named, tags, spans, linked=first < len(spans))
    if first == len(spans) and (byline := emph_byline(spans, tags)) is not None:
        return byline  # "*Computing Machinery and Intelligence* by Alan Turing"
    if first == len(spans) and not tags and (byline_of := bold_byline(spans)) is not None:
        accepted = fields.Title(byline_of[0], "text", None, tags, ", ".join(byline_of[1]))
        accepted.stated = True  # "**Title**: A (Org); B (Org)": an accepted paper, its authors
        return accepted
    if first == len(spans) and (byline := quoted_byline(spans, tags)) is not None:
        return byline  # '"Blockchain Technology: ..." by Marc Pilkington: a review of ...'
    if (emph_cited := names_then_emph(spans, first, tags)) is not None:
        return emph_cited  # "Names: *Title.* Proc. VLDB Endow. 13(11): 2382-2395 (2020)"
    strong = strong_head(spans, len(lead) - len(after))
    rest = spans[first:]
    if first < len(spans) and strong and (labelled := labelled_title(*strong)) is not None:
        return fields.Title(labelled[1], "text", None, [*tags, *labelled[0]], "", rest)
    if strong is not None and (cite := plain_lead.labelled_cited(*strong)) is not None:
        # "**BMC**, Armin Biere et al., Bounded Model Checking, 2003, [paper](url)"
        found = fields.Title(cite.title, "citation", None, [*tags, strong[0]], cite.authors, rest)
        found.cited = cite
        return found
    if strong is not None and fields.word_count(strong[0]) >= 1:
        return fields.Title(strong[0], "text", None, tags, "", [*strong[1], *rest])
    if (emph := titles.before_emph_authors(spans, len(lead) - len(after))) is not None:
        return fields.Title(emph[0], "text", None, tags, emph[1], emph[2])
    plain, closing = after, []
    if first == len(spans):
        plain, url_tail = titles.around_url(after)
        rest = [Span(url_tail)] if url_tail else []
        if plain.endswith(")") and (note := _CLOSING_NOTE.search(plain)) is not None:
            # "Title, S&P'13. (Shielding and differential signaling)": a note after the stop
            plain, closing = plain[: note.start() + 1], [plain[note.start() + 1 :].strip(" ()")]
    led = (titles.before_links(plain) if first < len(spans) else plain) if ". " in plain else ""
    # "Title. Z Wang, et al. CCS 22", "Title. Kyrola, Aapo, and Guy Blelloch. OSDI. 2012."
    if led and (
        cited := title_names_venue(led) or title_mla_venue(led) or title_then_names(led)
    ):  # "Title. Jeffrey Pennington, Richard Socher, Christopher D. Manning. EMNLP 2014."
        found = fields.Title(cited.title, "citation", None, tags, cited.authors, rest)
        found.cited, found.stated, found.remarks = cited, True, closing
        return found
    # "Names. Title.. Venue": DBLP's double stop says where its title ends (before all else)
    cited = dblp_cited(plain) if ".." in plain and first == len(spans) else None
    cited = cited or (
        (dblp_web_cited(plain) if first == len(spans) else None)
        or parse_citation(plain)
        or plain_lead.plain_cited(
            plain if first == len(spans) else titles.before_links(plain), led=first == len(spans)
        )
    )
    # "Armbrust et al., Title, 2009.", "Eric A. Brewer. Title.": the writer names its authors
    authored = cited is None and (
        (cited := etal_cited(plain) or (dblp_cited(plain) if first == len(spans) else None))
        is not None
    )
    if cited is not None:
        found = fields.Title(cited.title, "citation", None, tags, cited.authors, rest)
        found.cited, found.stated, found.remarks = cited, authored, closing
        return found
    if first == len(spans) and (logged := published_cited(plain)) is not None:
        found = fields.Title(logged.title, "citation", None, tags, logged.authors, rest)
        found.cited, found.stated = logged, True  # "Title by Names, published 2019"
        return found
    if first == len(spans):
        initials = initials_first(plain) if plain[1:2] in _INITIAL_ENDS else None  # "Y Chang,"
        head, tail = plain_lead.split_sentence(initials[1] if initials else plain)
        lead = ", ".join(initials[0]) if initials else ""
        found = fields.Title(head, "text", None, tags, lead, [Span(tail), *rest], closing)
        if tail and VENUE_START.match(tail):  # "Title. In Proceedings of ... (SIGMOD '20)."
            found.cited = Citation("", head, tail, last_year(tail))
        return found
    before = titles.before_links(plain)
    if (tailed := title_then_venue(before)) is not None:  # "Title ICDM2018 [Paper](url)"
        return fields.Title(tailed[0], "text", None, tags, "", [Span(f" {tailed[1]} "), *rest])
    head, tail = plain_lead.split_sentence(before) if ". " in before else (before, "")
    if tail and parse_venue(tail.strip(" ."), need_year=True) is not None:
        # "Automatic Database Knob Tuning: A Survey. TKDE, 2023. [[paper](...)]"
        return fields.Title(head, "text", None, tags, "", [Span(tail), *rest])
    return fields.Title(before, "text", None, tags, "", rest)
