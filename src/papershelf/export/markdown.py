"""Markdown export: a reading journal grouped by venue, then by first topic.

Each paper is a bullet: status glyph and word, a star when starred, the title linked to its
main link, authors (affiliations when the list gives no authors), other links, the
reader's tags (``tags: survey, reread``), and the user's note indented under it. Titles,
authors, venues, topics and tags are text, so every character markdown would read as syntax
is backslash-escaped and ``[bold]``, ``*x*`` or ``<b>`` render as typed. Notes are markdown
already: they are indented, never escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from papershelf.domain.enrichment import NO_ENRICHMENT, Enrichment
from papershelf.domain.glyphs import STAR, STATUS_GLYPH
from papershelf.domain.models import Paper, PaperState, Status
from papershelf.domain.venues import UNKNOWN_VENUE
from papershelf.export._text import multi_line, one_line, safe_url

NO_TOPIC = "No topic"

# Only what is syntax in the middle of a line (text here never starts one): emphasis, code,
# links, html, entities, strikethrough, tables, math, closing heading hashes, emoji codes.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<&~|$#]|:(?=[\w+-]+:))")


def escape_markdown(text: str) -> str:
    """One line of text that renders as typed: specials backslash-escaped, whitespace collapsed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def _link(text: str, url: str) -> str:
    # safe_url has encoded spaces and angle brackets; only parentheses need the <...> form.
    return f"[{text}](<{url}>)" if "(" in url or ")" in url else f"[{text}]({url})"


def _indent_note(note: str) -> list[str]:
    lines: list[str] = []
    for line in note.split("\n"):
        body = line.lstrip(" \t")
        lead = line[: len(line) - len(body)].expandtabs(4)
        lines.append(f"  {lead}{body}" if body else "")
    return lines


def _paper_lines(paper: Paper, state: PaperState, found: Enrichment = NO_ENRICHMENT) -> list[str]:
    parts = [STATUS_GLYPH[state.status], state.status.value]
    if state.starred:
        parts.append(STAR)
    title = escape_markdown(paper.title) or "(untitled)"
    main = paper.main_link
    url = safe_url(main.url) if main is not None else None
    parts.append(_link(title, url) if url else title)
    head = " ".join(parts)
    names = [a.name for a in found.authors.value] if found.authors else paper.authors
    authors = [a for a in (escape_markdown(a) for a in names) if a]
    affiliations = [a for a in (escape_markdown(a) for a in paper.affiliations) if a]
    if authors:
        head += " — " + ", ".join(authors)
    elif affiliations:
        head += " — " + "; ".join(affiliations)
    others = []
    for link in paper.links:
        link_url = safe_url(link.url)
        if link is not main and link_url:
            others.append(_link(escape_markdown(link.kind) or "link", link_url))
    if others:
        head += " · " + " · ".join(others)
    tags = [t for t in (escape_markdown(t) for t in state.tags) if t]
    if tags:
        head += " · tags: " + ", ".join(tags)
    if paper.withdrawn:
        head += " (withdrawn)"
    lines = [f"- {head}"]
    if found.abstract:
        lines += ["", *_indent_note("> " + escape_markdown(one_line(found.abstract.value))), ""]
    note = multi_line(state.note)
    if note:
        lines += ["", *_indent_note(note), ""]
    return lines


def _summary(papers: Sequence[Paper], states: Mapping[str, PaperState]) -> str:
    counts = dict.fromkeys(Status, 0)
    starred = 0
    for paper in papers:
        state = states.get(paper.id, PaperState())
        counts[state.status] += 1
        starred += state.starred
    by_status = ", ".join(f"{counts[s]} {s.value}" for s in Status)
    noun = "paper" if len(papers) == 1 else "papers"
    return f"{len(papers)} {noun}: {by_status}; {starred} starred."


def to_markdown(
    papers: Sequence[Paper],
    states: Mapping[str, PaperState],
    *,
    title: str = "Reading list",
    exported_at: str | None = None,
    enrichments: Mapping[str, Enrichment] | None = None,
) -> str:
    """The journal; venues and topics keep the order in which ``papers`` first name them."""
    venues: dict[str, dict[str | None, list[Paper]]] = {}
    for paper in papers:
        topic = one_line(paper.topics[0]) if paper.topics else None
        venues.setdefault(paper.venue, {}).setdefault(topic or None, []).append(paper)
    out = [f"# {escape_markdown(title)}", ""]
    summary = _summary(papers, states)
    if exported_at:
        stamp = one_line(exported_at)
        if not re.fullmatch(r"[0-9A-Za-z:.+-]+", stamp):
            stamp = escape_markdown(stamp)
        summary = f"Exported {stamp}. {summary}"
    out += [summary, ""]
    for venue, topics in venues.items():
        in_venue = [p for group in topics.values() for p in group]
        read = sum(states.get(p.id, PaperState()).status is Status.READ for p in in_venue)
        out += [f"## {escape_markdown(venue) or UNKNOWN_VENUE} · {read}/{len(in_venue)} read", ""]
        for topic, group in topics.items():
            out += [f"### {escape_markdown(topic) if topic else NO_TOPIC}", ""]
            for paper in group:
                found = (enrichments or {}).get(paper.id, NO_ENRICHMENT)
                out += _paper_lines(paper, states.get(paper.id, PaperState()), found)
            if out[-1]:
                out.append("")
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
