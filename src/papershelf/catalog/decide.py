"""The one decision of the general reader: is this entry a paper, and if not, why not.

A reader's cues, in order: the list's own label for the item (a ``Paper`` / ``Blog`` badge,
the column it sits in), where its title link points (an in-page anchor, a code host, a blog,
a local note page), whether it names a venue, and whether its text reads like a title.
Every "no" carries one of the ``SKIP_KINDS`` so the import can say what it left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

from papershelf.catalog.aside_sections import aside, open_source_place, tools_place
from papershelf.catalog.event_details import is_event_detail
from papershelf.catalog.fields import word_count
from papershelf.catalog.sentences import reads_as_sentence
from papershelf.catalog.skips import (
    LABELS,
    NO_LINK,
    NON_PAPERS,
    NOTES,
    PROSE,
    TOC,
    TOOLS,
    UNREADABLE,
)
from papershelf.catalog.venue_headings import names_venue_list

_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co")
_CODE_PAPER_PATH = re.compile(r"\.pdf$|/paper|/blob/.*\.pdf", re.IGNORECASE)
_BLOG_HOSTS = (
    "medium.com",
    "towardsdatascience.com",
    "zhuanlan.zhihu.com",
    "zhihu.com",
    "substack.com",
    "wordpress.com",
    "hackernoon.com",
    "dzone.com",
    "thenewstack.io",
    "dev.to",
    "mp.weixin.qq.com",
)
# Forms, shared documents, posts and videos: what a list links beside its readings, never a paper.
_PAGE_HOSTS = (
    "youtube.com",
    "youtu.be",
    "bilibili.com",
    "vimeo.com",
    "docs.google.com",
    "drive.google.com",
    "forms.gle",
    "twitter.com",
    "x.com",
    "notion.so",
    "shimo.im",
)
# Where talks' slides are kept: slide-sharing sites, network operators' meeting archives
# (NANOG, RIPE, APNIC/APRICOT), whose talks are presentations, not papers.
_SLIDES_HOSTS = ("slideshare.net", "speakerdeck.com", "nanog.org", "apricot.net")
_MEETING_SLIDES = re.compile(r"(?:^|\.)(?:ripe|apnic)\.net$")
_WORDPRESS_POST = re.compile(r"p=\d+$")
_PERSON_PATH = re.compile(
    r"^/(?:~[\w.-]+|(?:people|u|users?|profiles?|authors?|members?)/[^/]+)/?$", re.IGNORECASE
)
_DATED_PATH = re.compile(r"/(?:19|20)\d{2}/\d{2}/")  # /2018/08/10/post-name: a blog's post
_BOOK_PATH = re.compile(r"/books?/", re.IGNORECASE)
_SHOP_ITEM = re.compile(r"/(?:dp|gp/product)/[0-9A-Z]{10}(?:[/?]|$)|/Product/Goods/\d")
# ".../privacybook.pdf", "dl-book.pdf": a file named as a book (a handbook's or notebook's is not).
_BOOK_FILE = re.compile(r"(?<!note)(?<!hand)(?<!face)(?<!work)book(?:[-_]?v?\d+)?\.pdf$", re.I)
# How-to phrasing: what a blog or tutorial page is called ("Writing a ... from Scratch").
_HOW_TO = re.compile(
    r"^(?:how\s+to\b|(?:writing|building|making|creating|implementing)\s+(?:a|an|your|my)\b|"
    r"(?:an?\s+)?(?:(?:gentle|brief|quick|visual)\s+)?(?:introduction|guide|tutorial|primer)"
    r"\s+(?:to|on|for)\b)|\bfrom\s+scratch\b|\bstep[- ]by[- ]step\b",
    re.IGNORECASE,
)
_STRONG_NON_PAPER = re.compile(
    r"\b(?:textbook|lecture\s+notes|blog\s+post|bulletin)\b", re.IGNORECASE
)
_BLOG_PATH = re.compile(
    r"(?:^|/)(?:blog|blogs|posts?|news|docs?|documentation|wiki|guides?)(?:/|$)", re.I
)
_SCHOLARLY = re.compile(
    r"arxiv\.org|doi\.org|//doi\.|(?:dl|portal)\.acm\.org|elsevier\.com|usenix\.org|ieeexplore|openreview\.net|proceedings\.|"
    r"papers\.nips\.cc|neurips\.cc|aclanthology|aclweb\.org/anthology|springer|sciencedirect|semanticscholar|"
    r"mlr\.press|vldb\.org|\.pdf(?:$|[?#])|/pdf/|/paper|/publications?/|research\.google|"
    r"microsoft\.com/en-us/research|citeseerx|osti\.gov|openaccess\.thecvf|queue\.acm|"
    r"eprint\.iacr\.org|hal\.science|hal\.archives-ouvertes\.fr|nature\.com/articles/|mdpi\.com/\d|frontiersin\.org/articles/|iopscience\.iop\.org/article/|journals\.aps\.org/|science\.org/doi/|tandfonline\.com/doi/|onlinelibrary\.wiley\.com/doi/",
    re.IGNORECASE,
)
_NON_PAPER_WORDS = re.compile(
    r"\b(?:blog(?:\s+post)?|slides?|lecture(?:\s+notes)?|notes|video|course|textbook|book|"
    r"chapter|tutorial|documentation|spreadsheet|form|keynote|summary|leaderboard|homepage)\b",
    re.IGNORECASE,
)
_PAPER_BADGES = frozenset({"paper", "papers", "preprint", "article"})
_OTHER_BADGES = frozenset(
    {"blog", "book", "whitepaper", "video", "tutorial", "course", "slides", "talk", "code"}
)
_NON_PAPER_START = re.compile(
    r"^(?:(?:notes?|slides?|summary|recording|video|blog|lecture\s+notes)\b"
    # "Video Diffusion Models": the word opens a title when a name follows it
    r"(?=\s*$|\s*[/(,\-–—]|\s+(?:of|on|about|for|from|by|at|in|to|and|with)\b|\s+(?-i:[a-z\d]))"
    r"|posts?\s+(?:on|about)\b)(?!\s*:)"
    r"|slides?\s*:",  # "Slides: SMT-based Model Checking of ...": a talk's slides, named
    re.I,
)
_EDITED = re.compile(r",\s+(?:eds?\.|\(eds?\.\)|editors?)\s+[A-Z]")  # a book's editors named
_PLACEHOLDER = re.compile(r"[(\[]?\s*(?:TODO|TBD|TBA)\b")
_WHITE_PAPER = re.compile(r"white[-_ ]?papers?(?:[/_.-]|$)", re.IGNORECASE)
_DATED = re.compile(r"^[\s,.(]*(?:19|20)\d{2}\b")
_CREDITED = re.compile(r"^\s*~\s+[A-Z]")  # "[Title](notes.html) ~ Mike Burrows": its authors
_LIST_WORDS = re.compile(r"\b(?:lists?|contributed|collection|index|readme|notes)\b", re.I)
# "CS 736 @ UW-Madison: Advanced Operating Systems", "6.824: Distributed Systems": a course.
_COURSE = re.compile(
    r"^(?:[A-Z]{2,5}\s+(?=\d))?(?:[A-Z]{2,5}[ -]?\d{3,4}[a-z]?|\d{1,2}\.\d{3}[a-z]?)\b"
    r"(?!\s*[-–]\s*\d)"
)  # "MIT 6.824" too
# "Lab 1: MapReduce", "Homework 3": a course's assignment, named by its number.
_COURSEWORK = re.compile(r"^(?:lab|homework|assignment|problem\s+set|pset)\s*\d+[a-z]?\b", re.I)
PERSON = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'-]+){1,2}$")
_URL_TITLE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_HEADER_WORDS = re.compile(r"^(?:paper|title|name|topic|n/?a|tbd|todo|none)s?\s*\d*$", re.I)


_EMPTY_LINK_WORDS = 4
"""A title linked to nothing (``[Title]()``) names a paper from this many words: the writer
linked it and left the address out; a shorter label may be a placeholder."""


@lru_cache(maxsize=256)
def _split(url: str) -> SplitResult:
    """One split per URL: a decision looks at the same link's host and path several times."""
    try:
        return urlsplit(url)
    except ValueError:  # "https://www.[host/...": a malformed address, no host and no path
        return SplitResult("", "", "", "", "")


@lru_cache(maxsize=256)
def host(url: str) -> str:
    return (_split(url).hostname or "").lower().removeprefix("www.")


def _on(h: str, hosts: Iterable[str]) -> bool:
    """Whether host ``h`` is one of ``hosts`` or a subdomain of one."""
    return any(h == x or h.endswith("." + x) for x in hosts)


def is_scholarly(url: str) -> bool:
    """Where papers live: publishers, arXiv, proceedings, a PDF."""
    return bool(_SCHOLARLY.search(url))


def is_code(url: str) -> bool:
    h = host(url)
    return _on(h, _CODE_HOSTS) and not _CODE_PAPER_PATH.search(_split(url).path)


def is_blog(url: str) -> bool:
    """A blog or news post: a blog host, a ``/blog/`` or dated path, a WordPress post number.

    Paths like ``/2018/08/10/post``, queries like ``?p=1075``. Blog hosts include
    ``ai.googleblog.com`` and ``engineering.fb.com``; a path counts only
    when the link is no PDF or publisher page.
    """
    h = host(url)
    if _on(h, _BLOG_HOSTS) or "blog" in h:
        return True
    if h.startswith("engineering.") and not h.endswith(".edu"):  # a school, not a company
        return True
    parts = _split(url)
    if _WORDPRESS_POST.match(parts.query):
        return True  # "https://wp.sigmod.org/?p=1075": a WordPress post, by its number
    path = parts.path
    return bool(_BLOG_PATH.search(path) or _DATED_PATH.search(path)) and not is_scholarly(url)


def is_form_or_post(url: str) -> bool:
    """A form, a shared document or a social-media post: whatever else the entry links."""
    h = host(url)
    return _on(h, _PAGE_HOSTS)


def is_slides(url: str) -> bool:
    """A talk's slides: a slide-sharing site, or an operators' meeting's presentations."""
    h = host(url)
    if _on(h, _SLIDES_HOSTS):
        return True
    path = _split(url).path
    if _TALK_FILE.search(path):
        return True  # ".../talks/dean-keynote-ladis2009.pdf": a keynote's slides
    return bool(_MEETING_SLIDES.search(h)) and "/presentations/" in path.lower()


# A file named as a talk: "dean-keynote-ladis2009.pdf", "/keynotes/...", "slides.pdf".
_TALK_FILE = re.compile(r"(?:^|[/_-])(?:keynotes?|slides)(?:[/_.-]|$)", re.IGNORECASE)


def is_person_page(url: str) -> bool:
    """A person's page: ``/~pavlo/``, ``/people/name``, a code host's user (``github.com/x``)."""
    parts = _split(url)
    if _PERSON_PATH.match(parts.path):
        return True
    h = host(url)
    return h in _CODE_HOSTS and parts.path.strip("/").count("/") == 0


@lru_cache(maxsize=1024)
def elsewhere(url: str) -> bool:
    """A link beside a title that is no copy of the paper: code, a person's or a site's page.

    Remembered: a list links the same homepages and repositories again and again.
    """
    return is_code(url) or is_person_page(url) or is_web_page(url)


def is_book(url: str) -> bool:
    """A link to a book: a ``/book/`` page (not a PDF in it) or a PDF named as a book."""
    path = _split(url).path
    if _BOOK_FILE.search(path) or _SHOP_ITEM.search(path):
        return True  # ".../dl-book.pdf"; a shop's page of a book: "/dp/0593185749"
    return bool(_BOOK_PATH.search(path)) and not path.lower().endswith(".pdf")


def is_web_page(url: str) -> bool:
    """A site's front page or a book's page: not a paper's own page."""
    parts = _split(url)
    if parts.path in ("", "/") and not parts.query:
        return True  # https://www.kubeflow.org/: a project's or a site's home
    return is_book(url)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a reader looks at to call an entry a paper."""

    title: str
    href: str | None
    """The title's own link destination, as written (may be relative or an anchor)."""
    has_venue: bool
    paper_links: int
    """Links labelled or shaped like the paper itself (pdf, paper, arXiv, DOI...)."""
    badges: tuple[str, ...] = ()
    paper_place: bool = False
    """The list says its items here are papers (a "Paper title" column, a venue heading)."""
    plain_ok: bool = False
    """Plain-text titles are expected here (a title column, bullets under a venue heading)."""
    prose: bool = False
    """The title link sits inside a sentence (``Just prose, [a link](...)``)."""
    urls: tuple[str, ...] = ()
    """The bare URLs written beside a plain-text title (``Title, https://...``)."""
    book: bool = False
    """A citation whose container is a publisher (``Springer Publishing Company``)."""
    section: str = ""
    """The innermost heading above the entry (``Books``, ``3 Open-Source Projects``)."""
    rest: str = ""
    """The entry's text after its title (``, 2017``), read only for a link to a local page."""
    outer: tuple[str, ...] = ()
    """The headings above ``section`` (``Tools`` over ``Profilers``)."""


def decide(e: Evidence) -> str | None:
    """None for a paper; else the kind of thing it is (one of ``SKIP_KINDS``)."""
    title = e.title
    if not title or not any(ch.isalnum() for ch in title):
        return UNREADABLE
    if (len(title) <= 3 and title.isdigit()) or len(title.strip()) == 1:
        return UNREADABLE  # "[1](...), [2](...)", "[C](...)/[Java](...)": no title there
    if _PLACEHOLDER.match(title):
        return f"{LABELS}: a placeholder still to fill"  # "(TODO) Paxos", "TODO: MapReduce"
    if not e.has_venue and _EDITED.search(title):
        return NON_PAPERS  # "Shannon, Claude Elwood, and John McCarthy, eds. Automata Studies"
    if not e.has_venue and _NON_PAPER_START.match(title):
        return NON_PAPERS  # "Notes/Summary", "Slides of Turbine", "Recording of Retro"
    if names_venue_list(title):
        return NOTES  # "NDSS 2025 官方收录清单", "OSDI 2024 Accepted Papers": the venue's list
    if _URL_TITLE.match(title):
        return NOTES if e.href and "://" in e.href else UNREADABLE
    if e.badges:
        folded = {b.casefold() for b in e.badges}
        if folded & _PAPER_BADGES:
            return None
        if folded & _OTHER_BADGES:
            return NON_PAPERS
    href = (e.href or "").strip()
    if href.startswith("#"):
        return TOC
    if _HEADER_WORDS.match(title) or is_event_detail(title):  # "Title", "Chair: A and B"
        return LABELS
    if (
        not e.has_venue
        and (open_source_place(e.section, e.outer) or tools_place((e.section, *e.outer)))
        and _named_only(title)
    ):
        # "Deep Graph Library (DGL) [[Website]] [[Paper]]" under "Open Source", "**Pono**,
        # [paper](...), [github](...)" under "3. Tools": the software, by its name
        return TOOLS
    if aside(e.section, e.outer) and not _vouched_anywhere(e, href):
        if href and (is_code(href) or tools_place(e.outer)):
            return TOOLS  # "## Tools" over "### Profilers": a tool's page
        return NON_PAPERS  # an entry of "## Books"
    words = word_count(title)
    local = href and "://" not in href and not href.startswith(("doi:", "www."))
    # "[Title][notes], 2017": a paper the reader dated, linked to the notes on it
    notes = local and not (href.lower().endswith(".pdf") or e.has_venue or _titled(title, words))
    if notes and not (_DATED.search(e.rest) or _CREDITED.match(e.rest)):
        return NOTES
    if href and "://" in href:
        # The cheap flags first: most entries name a venue, and then no URL test is needed.
        if not (e.has_venue or e.paper_links or e.paper_place) and is_code(href):
            return TOOLS
        if not (e.has_venue or e.paper_links) and (is_blog(href) or is_web_page(href)):
            return NON_PAPERS
        if not e.has_venue and (is_form_or_post(href) or is_slides(href)):
            return NON_PAPERS  # a post, a form, a talk's slides
        if not e.has_venue and _WHITE_PAPER.search(_split(href).path):
            return NON_PAPERS  # ".../IBTA_WhitePaper_May-20-2019.pdf": a vendor's white paper
        if not (e.has_venue or e.paper_links) and _HOW_TO.search(title) and not is_scholarly(href):
            return NON_PAPERS  # "Writing a Time Series Database from Scratch" on a web page
    if e.prose and title[:1].islower() and not e.has_venue:
        return PROSE  # "Timothy Roscoe's [writing reviews for ...](...) will help": a phrase
    if not (e.has_venue or e.paper_links) and (_COURSE.match(title) or _COURSEWORK.match(title)):
        return NON_PAPERS  # a course's page (its reading list), named by its number
    if not e.has_venue and _STRONG_NON_PAPER.search(title):
        return NON_PAPERS  # "Kevin Murphy's Textbook ...", "... Lecture Notes on ..."
    vouched = e.has_venue or e.paper_links or e.paper_place
    # Only read when nothing vouches for the entry (every use below asks ``not vouched``).
    scholarly = not vouched and bool(href) and is_scholarly(href)
    if not vouched and words <= 6 and not scholarly and _NON_PAPER_WORDS.search(title):
        return NON_PAPERS
    if href and not (vouched or scholarly) and PERSON.match(title) and not _CREDITED.match(e.rest):
        return NON_PAPERS  # a person's name linking to a homepage
    if e.book:
        return NON_PAPERS
    vendor_page = bool(e.urls) and not (href or e.has_venue or e.paper_place)  # then its URLs
    if vendor_page and not any(is_scholarly(url) for url in e.urls):
        return NON_PAPERS  # "Open Compute Project, Flash Storage, https://vendor/...": a page
    if e.urls and not (href or e.has_venue) and all(map(_talk_or_post, e.urls)):
        return NON_PAPERS  # "https://llvm.org/devmtg/.../slides/Poster.pdf" over its title
    if e.href == "" and words >= _EMPTY_LINK_WORDS and not e.prose:
        return None  # "[Debugging transactions and ... with reenactment]()": a link left out
    if not href and not e.paper_links:
        if not e.has_venue and reads_as_sentence(title):
            return f"{NO_LINK}: a sentence of the list's own"  # "2019, Moved the repository ..."
        if not (e.plain_ok or e.has_venue):
            return NO_LINK
        if words < (2 if e.paper_place else 3) and not e.has_venue:
            return LABELS if e.plain_ok else NO_LINK
        if not e.paper_place and words < 4 and ":" not in title and not e.has_venue:
            return LABELS  # "Wide Area Networks": a session or topic name, not a title
        # "BytePS (OSDI'2020)": a paper named by its system, with its own venue and year.
        return None
    if e.prose and not vouched and (words < 4 or not scholarly):
        return PROSE
    if words <= 1 and not (e.has_venue or e.paper_place or scholarly or e.paper_links):
        return TOOLS
    return None


def _talk_or_post(url: str) -> bool:
    """A bare address that is a talk's slides, a post or a form: what it names is no paper."""
    return is_slides(url) or is_blog(url) or is_form_or_post(url)


def _named_only(title: str) -> bool:
    """A system's name (``PyG (PyTorch Geometric)``), not a paper's title (``Name: what``)."""
    return ":" not in title and word_count(title) <= _NAME_WORDS


_NAME_WORDS = 4


def _titled(title: str, words: int) -> bool:
    """A local link's label that reads as a paper's title: long, or ``Name: what it does``.

    A reading log links each paper to the reader's notes on it (``[Chain Replication for
    Supporting High Throughput and Availability](chain-replication.md)``); a link to another
    list says so (``[List Contributed by ...](LLMforCoding.md)``).
    """
    if not (words >= 6 or (words >= 4 and ":" in title)):
        return False
    return _LIST_WORDS.search(title) is None


def _vouched_anywhere(e: Evidence, href: str) -> bool:
    """A venue, a paper link or a publisher's page: a paper even where the list puts others.

    A PDF alone does not vouch there: books and lecture notes are PDFs too.
    """
    if e.has_venue or e.paper_links:
        return True
    if _LIST_WORDS.search(e.section):
        return False  # "## Other Lists": a lab's page of its papers is a list all the same
    return bool(href) and is_scholarly(href) and not _split(href).path.lower().endswith(".pdf")
