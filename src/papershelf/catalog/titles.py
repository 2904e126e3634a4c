"""What lists write around and between titles, and how a reader sees the title through it.

* commentary before a title: ``A Useful Tool CKA: Similarity of ...``, ``It's application:
  Uncovering How ...`` (the head is the writer's words, not the paper's name);
* a title named in brackets after commentary: ``Loop Nested Optimization, ... and
  Micro-2020 Best Paper (Optimizing the Memory Hierarchy by ...)``;
* a topic before a paper's name in a cell of several papers: ``Shared SIMD unit: Occamy``;
* two plain titles run together: ``Ditto: Accelerating ... Similarity CMC: Video ...``;
* a linked name whose title goes on after a colon: ``[Pond](url): CXL-Based ... | ASPLOS' 23``;
* a plain title beside a bare URL: ``Title, https://...`` or ``https://..., Title``.

Each returns the title and what was around it (a remark); none decides what is a paper.
"""

from __future__ import annotations

import re

from papershelf.catalog.bold_cites import authored_bold
from papershelf.catalog.fields import (
    URL,
    authors_in,
    is_generic,
    may_hold_url,
    strip_urls,
    word_count,
)
from papershelf.catalog.keyword_leads import keyword_lead
from papershelf.catalog.spans import Span
from papershelf.catalog.venue_text import KNOWN, parse_venue

# A head that judges the paper or places it: "A Useful Tool CKA:", "Follow-up work:".
_JUDGING_HEAD = re.compile(
    r"\b(?:useful|interesting|must[- ]read|recommended|seminal|"
    r"best\s+paper|related\s+work|follow[- ]up|previous\s+work|prior\s+work)\b",
    re.IGNORECASE,
)
# A head in the writer's voice, in lower case after the pronoun: "It's application:". A title
# may open with a pronoun too, in title case: "This Looks Like That: Deep Learning for ...".
_VOICE_HEAD = re.compile(r"^(?:it['’]?s|its|our|my)\s+(?P<rest>.*)$", re.IGNORECASE)
_LOWER_WORD = re.compile(r"(?:^|\s)[a-z][a-z'-]{3,}\b")
_MAX_HEAD_WORDS = 6
_MAX_VOICE_WORDS = 2
_MIN_TITLE_WORDS = 3
# "... Best Paper (Long Title)": the commentary ends naming a paper, whose title follows in
# brackets ("Position Paper: X (Extended Version ...)" is a title with a note, not this).
_NAMED_IN_BRACKETS = re.compile(
    r"^(?P<lead>[^()]*\bpapers?)\s*\((?P<title>(?-i:[A-Z])[^()]+)\)\s*$", re.IGNORECASE
)
_NOTE_START = re.compile(
    r"^(?:extended|full|long|short|technical|journal|conference|preprint|version|draft|"
    r"invited|revised|updated|camera)\b",
    re.IGNORECASE,
)
_MIN_BRACKETED_WORDS = 5
# "[Time, Clocks, and the Ordering of Events in a Distributed System [Lamport]](url)": a square
# bracketed group ending a title is the writer's note on it (its authors, "[PDF]"), never a
# word of the title. One with a digit may be its venue ("[OSDI '04]"), read where it was.
_TRAILING_BRACKETS = re.compile(r"\s\[([^\[\]\d]{1,120})\]$")
# A second "NAME:" (an acronym or camel-cased name) after the first title's last word (the
# space first, then the word before it: quicker than opening with a look-behind).
_SECOND_NAME = re.compile(r"\s(?<=[\w)]\s)\s*(?=(?:[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*):\s)")
# Single-word ends of real titles: "... Revisited", not a paper's name after a topic.
_TITLE_ENDINGS = frozenset({"revisited", "redux", "reloaded", "extended", "explained"})


def around(text: str, *, named: bool) -> tuple[str, str | None]:
    """(title, what was written around it), by ``strip_commentary``.

    ``named``: a linked title in a candidate naming several papers, where ``name_after_topic``
    applies too.
    """
    title, commentary = strip_commentary(text)
    if commentary is None and named:
        return name_after_topic(title)
    return title, commentary


def strip_commentary(text: str) -> tuple[str, str | None]:
    """(title, commentary): the title without the writer's words around it."""
    if text.endswith("]") and (noted := bracket_note(text))[1] is not None:
        return noted  # "... in a Distributed System [Lamport]"
    if ":" not in text and ")" not in text:
        return text, None
    m = _NAMED_IN_BRACKETS.match(text)
    if (
        m is not None
        and word_count(m.group("title")) >= _MIN_BRACKETED_WORDS
        and not _NOTE_START.match(m.group("title"))
    ):
        return m.group("title").strip(), m.group("lead").strip()
    head, colon, rest = text.partition(":")
    if (
        colon
        and word_count(head) <= _MAX_HEAD_WORDS
        and word_count(rest) >= _MIN_TITLE_WORDS
        and (_JUDGING_HEAD.search(head) or _is_voice(head.strip()))
    ):
        return rest.strip(), head.strip()
    if colon and rest.rstrip().endswith("!") and word_count(head) >= _MIN_TITLE_WORDS:
        return head.strip(), rest.strip()  # "... architectures: Shoot out between ... qubits!"
    return text, None


def bracket_note(text: str) -> tuple[str, str | None]:
    """(title, note): ``Controlling Queue Delay [Nichols, Jacobson]`` loses its bracketed note."""
    m = _TRAILING_BRACKETS.search(text) if text.endswith("]") else None
    if m is None or word_count(text[: m.start()]) < _MIN_TITLE_WORDS - 1:
        return text, None
    return text[: m.start()].rstrip(" .,;:"), m.group(1).strip()  # "Title. [note]": no stop


def _is_voice(head: str) -> bool:
    """``It's application``, ``Our follow-up``: a pronoun, then a word or two in lower case.

    A longer head is a phrase that opens the title: ``It's like flossing your teeth: On the
    importance and challenges of reproducible builds ...`` (IEEE S&P 2023).
    """
    m = _VOICE_HEAD.match(head)
    return (
        m is not None
        and word_count(m.group("rest")) <= _MAX_VOICE_WORDS
        and _LOWER_WORD.search(m.group("rest")) is not None
    )


def name_after_topic(text: str) -> tuple[str, str | None]:
    """``Shared SIMD unit: Occamy`` -> (``Occamy``, ``Shared SIMD unit``).

    Only for a cell listing several papers by name (``Speculation Attack: [Meltdown],
    [Spectre]``): a title is ``Name: subtitle``, so a one-word part after the colon, behind
    a longer topic, is the paper's name.
    """
    head, colon, name = text.rpartition(":")
    name = name.strip()
    if (
        colon
        and word_count(name) == 1
        and name[:1].isupper()
        and name.casefold() not in _TITLE_ENDINGS
        and word_count(head) >= 2
    ):
        return name, head.strip()
    return text, None


def run_together(text: str) -> list[str]:
    """Two ``Name: subtitle`` titles written as one: the parts, else ``[text]``.

    The second title starts at a coined name (two capitals, ``CMC``) followed by a colon,
    and each part keeps a subtitle of at least three words.
    """
    cuts = [m.end() for m in _SECOND_NAME.finditer(text)]
    if not cuts or ":" not in text[: cuts[0]]:
        return [text]
    parts = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    if all(word_count(p.partition(":")[2]) >= _MIN_TITLE_WORDS for p in parts):
        return parts
    return [text]


# "[Pond](url): CXL-Based ... | ASPLOS' 23": the title goes on after a linked name.
_AFTER_NAME = re.compile(r"^\s*[:：]\s*(?P<title>[^|｜\[\]()]+?)(?=\s+[|｜–—-]\s|\s*[|｜(\[]|$)")
# "[Ring Attention](url) with Blockwise Transformers for ... | UCB": the title runs on.
_RUNS_ON = re.compile(
    r"^\s+(?P<title>(?:with|without|for|via|using|through|over|across|beyond|in|on|of)\s"
    r"[^|｜\[\]()]+?)(?=\s+[|｜–—-]\s|\s*[|｜(\[]|$)"
)

# ", Hao Chen, University of Science ...": authors with their affiliations after a title.
_AUTHORS_AFTER = re.compile(
    r",\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3},\s+(?:The\s+)?"
    r"(?:University|Universit[àéä]|Institute|College|School|Laboratory|Academy|National)\b"
)


def around_url(text: str) -> tuple[str, str]:
    """``Title, https://...`` / ``https://..., Title``: (the title side, what follows the URL)."""
    urls = list(URL.finditer(text)) if may_hold_url(text) else []
    if not urls:
        return text, ""
    before = _no_arrows(text[: urls[0].start()]).strip(" ,;")
    if (people := _AUTHORS_AFTER.search(before)) is not None:
        before = before[: people.start()]  # "Title, Hao Chen, University of ...; ..., URL"
    after = _no_arrows(strip_urls(text[urls[0].end() :])).strip(" ,;.")
    if word_count(before) >= 2:
        return before, after
    named = before[:1].isupper() and before.endswith((":", "：")) and not is_generic(before[:-1])
    if word_count(before) == 1 and (not after or after[:1].islower() or named):
        # "DDPM https://... cannot skip timesteps", "ChatQA:https://... NIPS high score": a name
        return before.rstrip(":："), after
    return after, ""


# "Title--> https://...", "https://... --> Title": arrows that point from a name to its link.
_ARROWS = re.compile(r"^\s*-{1,3}>\s*|\s*-{1,3}>\s*$")


def _no_arrows(text: str) -> str:
    return _ARROWS.sub("", text) if "->" in text else text  # the pattern scans the whole text


def name_then_title(label: str, rest: list[Span]) -> tuple[str, list[Span]] | None:
    """``[Pond](url): CXL-Based Memory Pooling ... | ASPLOS' 23``: the title goes on.

    The link holds only the system's name; the title continues after the colon up to a
    separator (``|``, `` - ``, a bracket).
    """
    if not rest or rest[0].is_link or label.count("_") >= 2:
        return None  # "[2022-VLDB-NFL_Learned_Index](...): comment": a file name, not a name
    text, name = rest[0].text, label.strip()
    if name.endswith((":", "：")):  # "[Oobleck:](url) Resilient Distributed Training ..."
        text, name = ":" + text, name.rstrip(":： ")
    m = _AFTER_NAME.match(text)
    if word_count(name) > 3:  # "[... with C4](url): A Communication-Driven Approach"
        if m is None or not text.lstrip().startswith(":"):
            return None  # "[Title](url)：Mentioned INA": a full-width colon opens a note
        if not _subtitle(m.group("title"), text[m.end("title") :]):
            return None
    elif m is None:
        runs = _RUNS_ON.match(text)
        if runs is None or word_count(runs.group("title")) < 3 or runs.group("title").islower():
            return None
        return f"{name} {runs.group('title').strip()}", [Span(text[runs.end("title") :]), *rest[1:]]
    if m is None or word_count(m.group("title")) < 3:
        return None
    part, remainder = _venue_off(m.group("title").strip(), text[m.end("title") :])
    return f"{name}: {part}", [Span(remainder), *rest[1:]]


def _venue_off(part: str, remainder: str) -> tuple[str, str]:
    """``... AI Scale ICML' 2022.``: the venue ending the entry is no part of its title."""
    words = part.split()
    if len(words) > 4 and words[-2].strip(" '’").casefold() in KNOWN:
        tail = " ".join(words[-2:])
        if parse_venue(tail, need_year=True) is not None:
            return " ".join(words[:-2]), f" {tail}{remainder}"
    return part, remainder


def _subtitle(text: str, after: str) -> bool:
    """``A Communication-Driven Approach``: a title's second part, not a comment on it.

    Capitalised words up to the end of the entry (or a separator), no sentence inside.
    """
    words = text.split()
    if not 3 <= len(words) <= 8 or ". " in text or after.strip()[:1] not in ("", "|", "｜"):
        return False
    return all(w[:1].isupper() for w in words if len(w) >= 4)


# (Only from the first of a run of spaces: from each of 20,000, the search was quadratic.)
_ET_AL = re.compile(r",?(?<!\s)\s*\bet\.?\s*al\b\.?", re.IGNORECASE)
# Italics that are no names: a digit (a volume, "*Computer Networks, 242*") or a container
# word ("*IEEE Transactions on Services Computing*").
_NOT_NAMES = re.compile(r"\d|\b(?:Transactions|Journal|Proceedings|Conference)\b")


def before_emph_authors(spans: list[Span], skip: int) -> tuple[str, str, list[Span]] | None:
    """``Title. *A, B, et.al.* NSDI, 2022 [[Paper]](url)``: the plain title before italic names.

    A sentence of three words or more ending with a period, then an italic run that reads as
    names: the title, the names, and the spans after them (the venue, the links). ``skip``
    characters of the text before the names are tags, not the title. An italic run with
    ``et al.`` in it is a byline even when no period ends the title (``Title *A et al.
    CVPR*``); what it holds after ``et al.`` is the venue, not a name.
    """
    seen: list[str] = []
    for i, span in enumerate(spans):
        if span.is_link:
            return None
        if span.emph and not span.strong and seen:
            head = "".join(seen)[skip:].strip()
            names, venue = byline_venue(span.text)  # "*A et al. arXiv.*": names, then venue
            if (
                not (head.endswith(".") or names != span.text)
                or word_count(head) < _MIN_TITLE_WORDS
            ):
                return None
            names = _ET_AL.sub(" et al", names)  # "A, B, et.al." as "A, B et al"
            if _NOT_NAMES.search(names) or not authors_in(names):
                return None  # "*IEEE Transactions on ..., 18*(3)": a journal and its volume
            return head.rstrip(". "), names, [*([Span(venue)] if venue else []), *spans[i + 1 :]]
        seen.append(" " if span.brk else span.text)
    return None


def byline_venue(text: str) -> tuple[str, str]:
    """``A, B et al. arXiv.`` -> (``A, B et al.``, ``arXiv``): the names end at ``et al.``.

    An italic byline often closes with where the paper appeared; without ``et al.`` nothing
    tells a last name from a venue, and the whole run is the names.
    """
    etal = _ET_AL.search(text)
    if etal is None:
        return text, ""
    return text[: etal.end()], text[etal.end() :].strip(" .,")


def noted_before(spans: list[Span], link: Span) -> bool:
    """Whether only an emphasised note stands before a linked title.

    ``*Query generation with template substitution*  [Title](url)``: a note set in italics
    (or bold) before the title is the writer's comment on it, not a sentence around it.
    """
    before = []
    for span in spans:
        if span is link:
            break
        if span.is_link or span.text.strip():
            before.append(span)
    emphasised = all((s.emph or s.strong) and not s.is_link for s in before)
    return bool(before) and (emphasised or keyword_lead(spans, link))  # or "vLLM [Title](...)"


_TASK_BOX = re.compile(r"^\[[ xX]\]\s*")
"""A task list's box (``- [ ] Names: </br> **Title.**``): no part of the names."""


def names_then_strong(
    spans: list[Span], *, linked: bool = True
) -> tuple[str, str, list[Span]] | None:
    """``A, B, and C. [Link](url)`` then ``**Title.**`` on the next line: names, then the title.

    The first line reads as names (its links aside) and the next line opens with a bold run
    of three words or more: the title, the names, and the spans after it (the venue line).
    An entry with no link: ``Names. **Title** (1993).`` (see ``bold_cites``).
    """
    if not linked and (bold := authored_bold(spans)) is not None:
        return bold
    names: list[str] = []
    for i, span in enumerate(spans):
        if not span.brk:
            if not span.is_link:
                names.append(span.text)
            continue
        at = next((j for j in range(i + 1, len(spans)) if spans[j].text.strip()), len(spans))
        after = spans[at] if at < len(spans) else None
        if after is None or not after.strong or word_count(after.text) < _MIN_TITLE_WORDS:
            return None
        text = _TASK_BOX.sub("", " ".join("".join(names).split())).rstrip(" .:")
        if not text or not authors_in(text):
            return None
        return after.text.strip().rstrip(". "), text, spans[at + 1 :]
    return None


# "Title (ISCA'21) - The paper presents ...": a venue group, then a dash and a note.
_GROUP_DASH = re.compile(r"\(([^()]{2,40})\)\s+[-–—]\s+")


def before_dash_note(text: str) -> tuple[str, str] | None:
    """A plain title closed by its venue in parentheses, a dash, then a note on the paper.

    (title with its venue group, the note); None when no venue group is followed so.
    """
    for m in _GROUP_DASH.finditer(text):
        if parse_venue(m.group(1), need_year=True) is not None:
            return text[: m.end(1) + 1], text[m.end() :]
    return None


def before_links(plain: str) -> str:
    """The title in the text before an entry's links: ``Title (1993). [Paper](url)``.

    The stop after a closing year ends the entry's sentence, not the title (the year in
    parentheses is then read as the paper's).
    """
    text = plain.rstrip(" ([\\")
    return text[:-1] if text.endswith(").") else text


def venue_link_then_emph(spans: list[Span], first: int) -> tuple[str, str, list[Span]] | None:
    """``[ICFP'21](url): Xie and Leijen, _Title_.``: a link naming the venue, then the paper.

    The link's label is a venue and its year (the link goes to the paper's page); the names
    and then an italic run of three words or more follow it, and nothing but stops after:
    (the title, the names, the spans after the title).
    """
    names: list[str] = []
    for i in range(first + 1, len(spans)):
        span = spans[i]
        if span.emph and not span.strong and not span.is_link:
            if word_count(span.text) < _MIN_TITLE_WORDS or any(
                s.text.strip(" .") and not s.is_link for s in spans[i + 1 :]
            ):
                return None
            text = " ".join("".join(names).split()).strip(" :,.")
            if text and not authors_in(text):
                return None
            return span.text.strip().rstrip(". "), text, spans[i + 1 :]
        if span.is_link or span.brk:
            return None
        names.append(span.text)
    return None
