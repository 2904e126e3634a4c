"""Small extractors of the general reader: title, links with kinds, authors, year.

Each takes the spans or text of one entry and returns what it found; the decision whether
the entry is a paper is ``decide``'s, not theirs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from papershelf.catalog.affiliations import names_without_affiliations
from papershelf.catalog.citation import Citation, names_like
from papershelf.catalog.family_names import family_first, family_given, iso_names
from papershelf.catalog.inline import clean_title
from papershelf.catalog.links import is_arxiv_id, label_kind, normalize_url, title_link_kind
from papershelf.catalog.spans import Span
from papershelf.catalog.venue_text import parse_venue
from papershelf.domain.models import Link

GENERIC_LABELS = frozenset(
    {
        "",
        "paper",
        "papers",
        "pdf",
        "link",
        "links",
        "url",
        "here",
        "web",
        "online",  # "[Online](url)": where the text is, as in "[Online]. Available: url"
        "website",
        "site",
        "arxiv",
        "doi",
        "preprint",
        "full text",
        "full paper",
        "abstract",
        "html",
        "acm",
        "ieee",
        "usenix",
        "openreview",
        "hal",
        "paper link",
        "pdf link",
        "download",
        "paper1",
        "paper2",
        "link:",
        "paper:",
        "链接",
        "原文",
        "原文链接",
        "论文链接",
        "论文地址",
        "全文",
    }
)
_LABEL_KINDS = {
    "code": ("code", "github", "gitlab", "repo", "repository", "source", "source code"),
    "slides": ("slides", "slide", "ppt", "pptx", "deck"),
    "video": ("video", "talk", "youtube", "recording"),
    "project": ("project", "project page", "homepage", "website", "home"),
    "blog": ("blog", "post", "zhihu", "知乎"),
    "notes": ("notes", "note", "review", "summary", "doc", "docs"),
}
_KIND_WORDS = frozenset(w for words in _LABEL_KINDS.values() for w in words)
_LINK_WORDS = frozenset({"link", "page"})
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_WHOSE = ("'s", "’s", "s'")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\]\[]+", re.IGNORECASE)
# "(SPARK)Resilient Distributed Datasets": a system's name glued in parentheses before a title;
# "(GloVe) Title", "(CBOW & Skip-Gram) Title": names (mixed case, a digit, "&"; not "(TODO) ")
_TAG_LEAD = re.compile(
    r"^(?:\s|\d{1,3}[.)](?=\s)|\d{1,3}\.(?=[^\W\d_]|\[)|[-*+](?=\s)|\[[^\[\]\n]{0,80}\]|\([^()\n]{0,40}\d{2}\)"
    r"|\([A-Za-z][\w-]{1,20}\)(?=[A-Z][a-z])"
    r"|\((?=[^()]{0,40}(?:[a-z][A-Z]|[^\W_][A-Z][a-z]|\d|&))[A-Za-z][\w &+/-]{1,40}\)(?=\s+[A-Z])"
    r"|\\|[^\w\s\[\]()\"'“‘«*_:]|\*\*|__)+",
)
_TAGS = re.compile(r"\[([^\[\]\n]{0,80})\]|\(([^()\n]{0,40}\d{2})\)")
_LONG_GROUP = re.compile(r"\[([^\[\]\n]{81,400})\]")  # a whole entry in brackets, past a tag
_FULLWIDTH_NOTE = re.compile(r"\s*[：]\s*(?=\S).*$")
# "MapReduce：Simplified Data Processing on Large Clusters": a subtitle in the title's script
# (words of printable ASCII between runs of spaces: "[\x20-\x7e’]*(?:\s[\x20-\x7e’]+){2,}"
# split a run of words 2^n ways before finding no ASCII at the end)
_SUBTITLE = re.compile(r"\s*：\s*[A-Z][\x21-\x7e’]*(?:\s+[\x21-\x7e’]+){2,}\s*$")
_LABEL_PREFIX = re.compile(r"^(?:title|paper|name)\s*[:：]\s*|^code\s+for\s+paper\s*:\s*", re.I)
_ACRONYM_GROUP = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z+-]*$")
_TRAILING_GROUP = re.compile(r"\s*[(（]([^()（）]{1,60})[)）]\s*$")  # "（...）" as well


@dataclass(slots=True)
class Title:
    """An entry's title and where it came from (``link``, ``text``, ``citation``)."""

    text: str
    source: str
    link: Span | None = None
    tags: list[str] = field(default_factory=list)
    lead: str = ""
    """Text before a linked title (prose or authors)."""
    rest: list[Span] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    cited: Citation | None = None
    dashed: str = ""
    """A mark joined to the linked title by a dash (``ISCA'16-[Title]``): venue or kind."""
    slashed: str = ""
    """A mark before a plain title and a slash (``ASPLOS / Title``): its venue or kind."""
    stated: bool = False
    """The writer cites a work there without a link (``*Title* by Names``): a paper's entry."""


def is_generic(label: str) -> bool:
    """``[pdf]``, ``[[Paper]]``, ``Link``, ``[GitHub]``: a link of the entry, not its title."""
    text = _bare_label(label)
    if text in GENERIC_LABELS or not any(ch.isalnum() for ch in text) or is_arxiv_id(text):
        return True
    if text in _KIND_WORDS:
        return True
    words = text.split()  # "Personal Notes", "Source Code", "Lecture Slides", "GitHub Link"
    if len(words) == 2 and words[1] in _LINK_WORDS:
        return words[0] in _KIND_WORDS
    return len(words) <= 2 and words[-1] in _KIND_WORDS


def page_kind(label: str) -> str | None:
    """``Ruder's blog`` -> ``blog``: the kind of page a label (``Kind``, ``Whose kind``) names."""
    words = label.strip().strip("[]() ").strip().casefold().split()
    if not words or len(words) > 2 or (len(words) == 2 and not words[0].endswith(_WHOSE)):
        return None
    return next((kind for kind, names in _LABEL_KINDS.items() if words[-1] in names), None)


def is_paper_label(label: str) -> bool:
    """``[Paper]``, ``[[pdf]]``, ``arXiv``: a link to the paper itself."""
    text = _bare_label(label)
    return text in GENERIC_LABELS or is_arxiv_id(text)


def _bare_label(label: str) -> str:
    """A link's label as a word to look up: brackets, case and pictographs aside.

    ``[🔗 link]``, ``📄 Paper``, ``:scroll:``: the pictograph decorates the word (or is all
    there is), the word says the kind.
    """
    text = label.strip().strip("[]() ").strip().casefold()
    if text and not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "So").strip()
    if ":" in text:  # ":scroll:", "🔗"'s shortcode: the pictograph written by its name
        text = _SHORTCODE.sub("", text).strip()
    return text


def link_kind(label: str, url: str) -> str:
    """A link's kind from its label, else from its URL (arXiv, code, pdf, paper)."""
    low = label.strip().strip("[]() ").casefold()
    head, _, last = low.rpartition(" ")
    if last in _LINK_WORDS and head in _KIND_WORDS:
        low = head  # "GitHub Link": a link to GitHub
    for kind, words in _LABEL_KINDS.items():
        if low in words:
            return kind
    if low in ("pdf",):
        return "pdf"
    if low in ("arxiv",) or is_arxiv_id(low):
        return "arxiv"
    if low in ("doi",):
        return "doi"
    if low in GENERIC_LABELS or not low:
        return label_kind("", url)
    return label_kind("", url) if len(low.split()) > 2 else title_link_kind(url)


def may_hold_url(text: str) -> bool:
    """Whether ``URL`` can match: it needs ``://`` or ``www.`` (far quicker to look for)."""
    return "://" in text or "www." in text.lower()


def bare_urls(text: str) -> list[str]:
    """URLs written as text (no markdown link); a trailing period or bracket is not part."""
    if not may_hold_url(text):
        return []
    out = []
    for m in URL.finditer(text):
        url = m.group(0).rstrip(".,;:)")
        if url.lower().startswith("www."):
            url = "https://" + url
        out.append(url)
    return out


def links_of(
    spans: list[Span], first: Span | None = None, *, own: list[Link] | None = None
) -> list[Link]:
    """The openable links of spans (labelled and bare), the title's own link first.

    ``own``: what ``links_of([], first)`` gave, when the caller has it already.
    """
    out: list[Link] = list(own or ())
    seen: set[str] = {link.url for link in out}

    def add(kind: str, href: str) -> None:
        url = normalize_url(href.strip())
        if url is not None and url not in seen:
            seen.add(url)
            out.append(Link(kind, url))

    if own is None and first is not None and first.href:
        add(title_link_kind(first.href), first.href)
    for span in spans:
        if span is first:
            continue
        if span.href is not None:
            if span.href:
                add(link_kind(span.text, span.href), span.href)
        elif span.text:
            for url in bare_urls(span.text):
                add(title_link_kind(url), url)
    return out


def strip_urls(text: str) -> str:
    return URL.sub(" ", text) if may_hold_url(text) else text


def split_tags(text: str, *, whole: bool = False) -> tuple[list[str], str]:
    """Leading tag groups, numbering, emoji and status marks: (tags, the text after them).

    ``whole``: the text is all the entry has (no link follows), so a lone bracket group is
    its (short) title, not a tag; a long one (``[Efficient Greybox Fuzzing of ... Emulation]``,
    past what a tag holds) is its title all the same.
    """
    if whole and (long := _LONG_GROUP.fullmatch(text.strip())) is not None:
        return [], long.group(1)
    m = _TAG_LEAD.match(text)
    if m is None:
        return year_venue_tag([], text)
    lead = m.group(0)
    if (
        whole
        and not text[m.end() :].strip()
        and "[" in lead
        and not _TAGS.sub("", lead).strip(" *_\\")
    ):
        inner = [a or b for a, b in _TAGS.findall(lead)]
        if len(inner) == 1:
            return [], inner[0]
    tags = [(a or b).strip(" *_\\") for a, b in _TAGS.findall(lead)]
    return year_venue_tag(tags, text[m.end() :])


# "16-ATC-Design Guidelines ...", "24-EuroSys-Hoda-a ...", "2020-PPoPP-XIndex ...",
# "22_Asplos_SOL: ...": a paper's file-name style tag.
_YEAR_VENUE_LEAD = re.compile(
    r"(?P<yy>(?:19|20)?\d{2})(?P<sep>[-_])(?P<name>[A-Za-z][A-Za-z0-9]*[A-Za-z])(?P=sep)\s*(?=\w)"
)


def year_venue_tag(tags: list[str], text: str) -> tuple[list[str], str]:
    """A leading ``YY-VENUE-`` is a venue tag when VENUE reads as one (``16-ATC-`` is ATC '16).

    ``YY_VENUE_`` always is one: underscores set the tag apart as a file name does.

    ``2020-PPoPP-`` too; a title written as a file name after it (``NFL_Learned_Index``, no
    space, words joined by underscores) reads with spaces.
    """
    m = _YEAR_VENUE_LEAD.match(text)
    if m is None:
        return tags, text
    yy = m.group("yy")
    tag = f"{m.group('name')} {yy}" if len(yy) == 4 else f"{m.group('name')} '{yy}"
    if parse_venue(tag, need_year=True) is None and m.group("sep") == "-":
        return tags, text  # "10-Gbps-..." names no venue; "19_Cloud_Title" is a tag all the same
    rest = text[m.end() :]
    if rest.count("_") >= 2 and not any(ch.isspace() for ch in rest.strip()):
        rest = rest.replace("_", " ")
    return [*tags, tag], rest


def tidy_title(text: str) -> tuple[str, list[str]]:
    """(title, remarks): the title without what is not part of it.

    A label prefix (``Title:``), a note after a full-width colon, a trailing group of up to
    60 characters such as ``(@Moonshot AI)`` or ``(hard core)`` (not the title's own short
    form, ``(LSM-Tree)``, nor its second title, ``(or, ...)``): each goes to the remarks.
    """
    remarks: list[str] = []
    text = _LABEL_PREFIX.sub("", text.strip())
    if len(text) > 2 and text[0] in "\"“'" and text[-1] in "\"”'" and text.count(text[0]) <= 2:
        text = text[1:-1]  # a quoted title: "Bandwidth Optimal All-reduce ..."
    note = _FULLWIDTH_NOTE.search(text) if "：" in text else None
    if note is not None and note.start() > 0 and not _SUBTITLE.match(note.group(0)):
        remarks.append(note.group(0).lstrip(" ：").strip())
        text = text[: note.start()]
    for _ in range(2):
        m = _TRAILING_GROUP.search(text) if text.rstrip().endswith((")", "）")) else None
        if m is None:
            break
        inner = m.group(1).strip()
        if _ACRONYM_GROUP.match(inner) or inner.startswith(("or, ", "Or, ")):
            break  # "(LSM-Tree)": the title's own short form; "(or, ...)": its second title
        # Any group after a title (the pattern takes the space before it): "(Extended
        # Version)", "(@Moonshot AI)"; alone, only an annotation ("(keynote)") is taken.
        if m.start() > 0 or inner.startswith("@") or _is_annotation(inner):
            remarks.append(inner)
            text = text[: m.start()]
        else:
            break
    return clean_title(text), remarks


def _is_annotation(inner: str) -> bool:
    """``(hard core)``, ``(keynote)``, ``(pre-print)``: lower-case words, not a title's part."""
    words = inner.split()
    return 0 < len(words) <= 8 and inner == inner.lower() and not inner.isdigit()


_ET_DOT_AL = re.compile(r"\s*\bet\.\s*al\b\.?")


def authors_in(text: str) -> tuple[str, ...]:
    """``by A, B et al.``, ``A, B, and C``, ``(A and B)``: the names, else nothing."""
    text = " ".join(text.split()).strip(" .,;()")
    if "et." in text:  # "Chengyue Wu et.al.": the others, written without the space
        text = _ET_DOT_AL.sub(" et al", text)
    if text.lower().startswith("by "):
        text = text[3:]
    if family := family_first(text):  # "Hutchins, E." (its stop stripped)
        return family
    if text[:2].isupper() and (iso := iso_names(text)) is not None:
        return iso
    if " & " in text and (given := family_given(text)) is not None:
        return given
    if text.endswith(("等", "等人")):  # "Angel 等": the first author and others
        text = _CN_ET_AL.sub(" et al", text)
    with_places = names_without_affiliations(text)
    if with_places is not None:
        return with_places
    if not text or len(text) > 600 or not names_like(text):
        return ()
    parts = _NAME_BREAKS.split(text)
    names = [p.strip(" .") for p in parts if p.strip(" .")]
    if any(len(n.split()) > 5 for n in names):
        return ()
    return tuple(names)


_CN_ET_AL = re.compile(r"\s*等人?$")
_NAME_BREAKS = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
# A run of what is not a letter or digit (``[\W_]`` is exactly ``not str.isalnum``).
_NO_WORD = re.compile(r"[\W_]+")


def word_count(text: str) -> int:
    """Words with a letter or digit in them (``-`` and emoji are not words).

    Most words are letters and digits only: ``isalnum`` settles them without the pattern.
    """
    count = 0
    for word in text.split():
        if word.isalnum() or _NO_WORD.fullmatch(word) is None:
            count += 1
    return count


def has_visible(text: str) -> bool:
    """Whether anything but emoji, symbols and spaces is there (stops at the first letter)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)
