"""Venue and year as entries write them, for the general reader.

``OSDI'23``, ``OSDI '23``, ``OSDI' 23``, ``(OSDI 2023)``, ``ICML, 2024``, ``Arxiv'2024``,
``HotCloud 19``, ``SC24``, ``nips25``, ``In Proceedings of ... (SOSP '24)``, ``ACM
Transactions on Computer Systems, 1984``: a series and a four-digit year. Qualifiers
(``Best Paper``, ``Spotlight``, ``Oral``, ``Workshop``, ``Findings``) become a remark.
A name must look like a venue (a known series, an acronym, a journal or proceedings name);
bare words such as ``Talk`` or an author's name are not venues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from papershelf.catalog.lead_ins import without_lead_in
from papershelf.catalog.venue import RATING, SERIES_CASE, full_year
from papershelf.domain.text import one_line

_KNOWN_TEXT = """
    aaai acl asplos atc cacm cav ccs cgo cidr cikm conext corr cvpr dac date eccv emnlp eurosys
    eurosys fast hotcloud hotnets hotos hotstorage hpca hpdc iccad iccd iccv iclr icml icpp ics
    icse ijcai imc infocom ipdps isca iscas isscc jmlr kdd lisa mapl micro middleware mlsys
    mobicom mobisys naacl nips neurips nsdi osdi pact pldi pmlr podc popl ppopp pvldb queue rtss
    sc sigcomm sigmetrics sigmod socc sosp spaa sysml taco tc tcad tocs tods tos tpds vee vldb
    www arxiv usenix acm ieee icde sigir ecoop oopsla interspeech icassp siggraph chi uist tacl
    tmlr coling wsdm hpdc cluster europar hipc ispass iiswc tkde tdsc tifs tmc jsac tosem tois
    ndss wisec esorics acsac asiaccs issta fse ase woot codaspy colm systor ucc plos icfp toplas
    aixiv arxive bigcomp onward!"""
KNOWN = frozenset(_KNOWN_TEXT.split())
_TYPOS = {"aixiv": "arXiv", "arxive": "arXiv"}
"""Misspellings of a series seen in lists, and the series they mean."""
"""Series names (lower case) that are venues on their own, with or without a year."""
_WORD_JOURNALS_TEXT = (
    "electronics|future internet|sensors|applied sciences|entropy|symmetry|algorithms|"
    "mathematics|energies|remote sensing|cryptography|drones|micromachines|nature|science|"
    "neurocomputing|pattern recognition|neural networks|neural computation|information sciences|"
    "applied intelligence|"
    "information fusion|scientific reports|knowledge-based systems|expert systems with applications"
)
WORD_JOURNALS = frozenset(_WORD_JOURNALS_TEXT.split("|"))
"""Journals named by ordinary words (many of MDPI's): a venue only as the whole name."""
_WORD_JOURNAL_START = re.compile(r"(?:" + _WORD_JOURNALS_TEXT + r")\b", re.IGNORECASE)
_PUBLICATION_WORDS = re.compile(
    r"\b(?:transactions|journal|proceedings|conference|symposium|workshop|letters|review|"
    r"magazine|commun|communications|trans|queue|preprint|computers?|computing|conf|phys|rev)\b",
    re.IGNORECASE,
)
_JOURNAL = re.compile(
    r"\b(?:transactions|journal|proceedings|letters|surveys|magazine|review|communications)\b",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(r"\b(?:acm|ieee|usenix|siam|springer|elsevier|vldb)\b", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"^(?:best\s+[\w\s-]*?(?:paper|award|artifact)s?(?:\s+award)?|spotlights?|oral|workshops?|"
    r"(?:posters?|demos?)(?:\s+(?:and|&)\s+demos?)?|findings|short(?:\s+paper)?|invited|"
    r"distinguished\s+paper|honou?rable\s+mention|outstanding\s+paper(?:\s+award)?|highlight|"
    r"(?:[a-z&-]+\s+){0,3}track)$",  # "NeurIPS 2022 Datasets and Benchmarks Track"
    re.IGNORECASE,
)
APOS = "'’‘`´"
_VENUE = re.compile(
    r"^(?P<name>[^\W\d_][\w.&/+\-! ]*?[\w.)!+])\s*,?\s*"
    r"(?:(?P<day>\d{1,2}\s+[A-Za-z]{3,9}\.?|(?<![A-Za-z])[A-Za-z]{3,9}\.?\s+\d{1,2},?|"
    r"(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?)\s+)?"
    # a year glued to other digits is none: "DC 2585" (a room) is no "DC 25" of 1985
    r"(?P<apos>[" + APOS + r"]\s*)?(?<!\d)(?P<year>(?:19|20)\d{2}|\d{2})$"
)
# "ArXiV 2025.06", "ArXiV 25.09": a year with its month; the month is no part of the venue.
_YEAR_MONTH = re.compile(r"(?<=\s)((?:19|20)\d{2}|\d{2})[.\-/](?:0?[1-9]|1[0-2])$")
_ROMAN = re.compile(r"^(?P<name>[A-Z][A-Za-z]+)\s+[IVXLC]+$")
_GROUP = re.compile(r"\(([^()]{2,120})\)|\[([^\[\]]{2,120})\]")
# The century first, then what stands before it (quicker than opening with a look-behind).
_YEAR = re.compile(r"((?:19|20)(?<![\d.]..)\d{2})(?![\d])")


@dataclass(frozen=True, slots=True)
class VenueGuess:
    """A venue and year; ``name`` is empty for a dated document that names none (a thesis)."""

    name: str
    year: int | None
    remark: str | None = None


_WORD_BREAKS = re.compile(r"[\s/&.\-]+")
_PART_BREAKS = re.compile(r"\s*[,;]\s*|\s+-\s+")
_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}")
# What every ``_QUALIFIER`` match ends with: a last word without it starts no qualifier.
_QUALIFIER_END = re.compile(
    r"(?:papers?|awards?|artifacts?|spotlights?|oral|posters?|workshops?|findings|short|demos?|"
    r"invited|mention|highlight|track)$",
    re.IGNORECASE,
)
_QUALIFIER_LAST = "dklnoprst"
"""The last letters of the ``_QUALIFIER_END`` words."""
_DIGIT = re.compile(r"\d")
# ``looks_like_venue``'s cues anywhere in a text, so a text without any (most titles) skips
# the venue pattern: a known series opening a word, a publication word opening one.
_KNOWN_START = re.compile(r"(?:^|[\s/&.\-])(?:" + "|".join(sorted(KNOWN)) + ")")
_PUBLICATION_START = re.compile(
    r"\b(?:transactions|journal|proceedings|conference|symposium|workshop|letters|review|"
    r"magazine|commun|communications|trans|queue|preprint|computer|computing|conf|phys|rev)",
    re.IGNORECASE,
)


def _words(name: str) -> list[str]:
    return [w for w in _WORD_BREAKS.split(name) if w]


def looks_like_venue(name: str, *, with_year: bool) -> bool:
    """A known series, an acronym (``OSDI``, ``MLSys``), or a journal/proceedings name."""
    words = _words(name)
    if not words or len(words) > 14:
        return False
    if any(w.casefold() in KNOWN for w in words):
        return True
    if _PUBLICATION_WORDS.search(name):
        return True
    if " ".join(name.split()).casefold() in WORD_JOURNALS:
        return True  # "Future Internet, 2024", "Electronics 2024"
    if not with_year or len(words) > 3:
        return False
    # An acronym or a camel-cased series: at least two capitals in its first word.
    if _AMPERSAND_ACRONYM.match(name):
        return True  # "S&P", "IEEE S&P", "Euro S&P"
    first = words[0]
    if first.strip("IVX") == "":
        return False  # "Vol. VII, 2000": a volume's number, not an acronym
    return sum(ch.isupper() for ch in first) >= 2 and first.isalnum()


_AMPERSAND_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}\s+|[A-Z][a-z]{2,4}\s+)?[A-Z]{1,4}&[A-Z]{1,4}$")


def _may_look_like_venue(core: str) -> bool:
    """Whether a name the venue pattern may cut from ``core`` can pass ``looks_like_venue``.

    That name is a prefix of ``core``: its first word starts ``core``'s first word, its
    words are ``core``'s (the last maybe cut short) and its publication words are there too.
    """
    words = _words(core)
    if (words and sum(ch.isupper() for ch in words[0]) >= 2) or "&" in core:
        return True
    if _PUBLICATION_START.search(core) or _KNOWN_START.search(core.casefold()):
        return True
    return _WORD_JOURNAL_START.match(core) is not None


def _strip_qualifiers(text: str) -> tuple[str, list[str]]:
    kept: list[str] = []
    remarks: list[str] = []
    for part in _PART_BREAKS.split(text):
        if part := part.strip():
            (remarks if _QUALIFIER.match(part) else kept).append(part)
    if len(kept) >= 2 and _YEAR_ONLY.fullmatch(kept[-1]):
        kept = [" ".join(kept[:-1]) + " " + kept[-1]]  # "ICML, 2024"
    # A trailing qualifier inside the part: "NeurIPS 2023 Spotlight", "MLSys 2024 Best Paper".
    if kept:
        last = kept[-1].split()
        while len(last) > 1 and _QUALIFIER_END.search(last[-1]):
            k = next(
                (k for k in range(min(4, len(last) - 1), 0, -1)
                 if _QUALIFIER.match(" ".join(last[-k:]))),
                0,
            )  # fmt: skip
            if not k:
                break
            remarks.insert(0, " ".join(last[-k:]))
            del last[-k:]
        kept[-1] = " ".join(last)
    return ", ".join(kept), remarks


def name_qualifier(name: str) -> tuple[str, str | None]:
    """``ICLR Poster`` -> ("ICLR", "Poster"): a qualifier between a venue and its year."""
    words = name.split()
    if len(words) < 2 or not _QUALIFIER_END.search(words[-1]):
        return name, None
    for k in range(min(4, len(words) - 1), 0, -1):  # not "... Conference and Workshops"
        if _QUALIFIER.match(" ".join(words[-k:])) and words[-k - 1] not in ("and", "&"):
            return " ".join(words[:-k]), " ".join(words[-k:])
    return name, None


def parse_venue(text: str, *, need_year: bool = False) -> VenueGuess | None:
    """The whole of ``text`` as a venue: ``OSDI '24`` -> OSDI 2024; None when it is not one.

    Remembered: a list writes the same few venue tags thousands of times. A venue with its
    year has digits: text without any (most titles) is no such venue, without a look-up.
    """
    if need_year and not _may_end_in_year(text):
        return None
    return _parse_venue(text, need_year)


_ENDS = " \t*_[]().,;:-–—|'’"
"""What ``_parse_venue`` strips from both ends of a text (``OSDI 23'``: the mark after)."""


def _may_end_in_year(text: str) -> bool:
    """Whether ``_parse_venue`` could find a venue with its year in ``text``.

    The year ends the text, or a qualifier does (``NeurIPS 2023 Spotlight``): a title ending
    in a word (most) is settled here, and stays out of the cache. Text that sanitising would
    change (a control or format character) goes the whole way.
    """
    if _DIGIT.search(text) is None:
        return False
    if text.endswith(")") and (group := _QUALIFIED_GROUP.search(text)):
        text = text[: group.start()]  # "ICLR 2025 Workshop (WMARK)"
    end, before = text, ""
    while end != before:  # whitespace and the stripped marks, in any order
        before, end = end, end.rstrip().rstrip(_ENDS)
    if not end.isprintable():
        return True
    last = end[-1:]
    if last.isdigit():
        return True
    # Every qualifier word ends in one of ``_QUALIFIER_LAST`` (``ſ`` folds to s, as the
    # pattern's IGNORECASE has it), and is short: only the text's end can hold one.
    return last.casefold() in _QUALIFIER_LAST and _QUALIFIER_END.search(end[-16:]) is not None


@lru_cache(maxsize=4096)
def _parse_venue(text: str, need_year: bool) -> VenueGuess | None:
    text = RATING.sub("", one_line(text)) if text.endswith(")") else one_line(text)  # "(4)"
    if text.endswith(")") and (group := _QUALIFIED_GROUP.search(text)):
        # "ICLR 2025 Workshop (WMARK)": the workshop's own name goes with the qualifier
        found = _parse_venue(text[: group.start()], need_year)
        if found is not None and found.remark:
            return VenueGuess(found.name, found.year, f"{found.remark} ({group.group(1)})")
    text = text.strip(_ENDS)
    if not text or len(text) > 160:
        return None
    if text[:1] in "IiPp" and (lead := _IN_PROCEEDINGS.match(text)) and lead.end():
        # "In Proceedings of ACL 2002": the series it names is the venue
        inner = _parse_venue(text[lead.end() :], need_year)
        if inner is not None and _series(inner.name) and not _PUBLISHER.fullmatch(inner.name):
            return inner  # "Proceedings of the IEEE": a journal, not the publisher
    if text[:1] in "Ff" and (lead := _FINDINGS.match(text)):
        # "Findings of EMNLP20", "Findings of ACL": the series' findings, a remark on it
        inner = _parse_venue(text[lead.end() :], need_year)
        if inner is not None and _series(inner.name):
            findings = ", ".join(filter(None, ("Findings", inner.remark)))
            return VenueGuess(inner.name, inner.year, findings)
    core, remarks = _strip_qualifiers(text)
    core = _YEAR_MONTH.sub(r"\1", core)
    remark = ", ".join(remarks) or None
    # A venue ends with its year; with a year required, a name must look like a venue too.
    maybe = core[-1:].isdigit() and (not need_year or _may_look_like_venue(core))
    m = _VENUE.match(core) if maybe else None
    if m is not None:
        name = m.group("name").strip(" ,.-")
        digits = m.group("year")
        glued = not m.group("apos") and core[m.start("year") - 1 : m.start("year")].isalpha()
        spaced_two = len(digits) == 2 and not m.group("apos") and not glued
        named = _is_acronym(name) or _words(name)[0].casefold() in KNOWN
        if spaced_two and not (named or " ".join(name.split()).casefold() in WORD_JOURNALS):
            return None  # "Usenix Sec 22", "Information Sciences 21" are venues; "Chapter 12" none
        name, before_year = name_qualifier(name)  # "ICLR Poster 2025": Poster is a remark
        remark = ", ".join(filter(None, (before_year, remark))) or None
        if name and _DOCUMENT_KIND.search(name):  # "arXiv preprint 2017", "PhD Thesis, 2019"
            return _document(name, full_year(digits), remark)
        if name and looks_like_venue(name, with_year=True):
            return VenueGuess(_tidy(name), full_year(digits), remark)
        return None
    roman = _ROMAN.match(core)
    if roman and roman.group("name").casefold() in KNOWN:
        return None if need_year else VenueGuess(roman.group("name"), None, remark)
    if need_year:
        return None
    words = _words(core)
    if core and all(w.casefold() in KNOWN for w in words) and len(words) <= 2:
        return VenueGuess(core, None, remark)
    # A journal named without a year: "ACM Computing Surveys", "IEEE Transactions on ...".
    if 2 <= len(words) <= 10 and _JOURNAL.search(core) and _PUBLISHER.search(core):
        return VenueGuess(_tidy(core), None, remark)
    return None


_FINDINGS = re.compile(r"findings\s+of\s+(?:the\s+)?", re.IGNORECASE)


_IN_PROCEEDINGS = re.compile(
    r"(?:in\s+)?(?:(?:proceedings|proc\.?)\s+of\s+(?:the\s+)?)?(?<=\s)", re.IGNORECASE
)
# What a paper is rather than where it appeared: "Preprint", "PhD Thesis", "Tech Report".
_DOCUMENT_KIND = re.compile(
    r"\b(?:pre-?prints?|e-?prints?|thes[ie]s|dissertations?|tech(?:nical)?\.?\s+reports?|"
    r"reports?|manuscripts?|white\s*papers?|working\s+papers?)\b",
    re.IGNORECASE,
)


def _document(name: str, year: int, remark: str | None) -> VenueGuess:
    """An arXiv preprint appeared on arXiv; a thesis or report names no venue (``""``).

    Its year stays, and so does what it tells of the entry: a dated preprint or thesis is a
    paper's entry, not a tool's.
    """
    return VenueGuess("arXiv" if "arxiv" in name.casefold() else "", year, remark)


# A group after a qualifier word: "Workshop (WMARK)".
_QUALIFIED_GROUP = re.compile(r"(?<=[a-z])\s*\(([^()]{1,40})\)$")


def _series(name: str) -> bool:
    """A conference series' short name: ``ACL``, ``SOSP``, ``IEEE S&P`` (not a long title)."""
    words = name.split()
    if len(words) > 2:
        return False
    return (
        name.casefold() in KNOWN or _is_acronym(words[-1]) or bool(_AMPERSAND_ACRONYM.match(name))
    )


def _is_acronym(name: str) -> bool:
    words = _words(name)
    first = words[0] if words else ""
    return sum(ch.isupper() for ch in first) >= 2


def _tidy(name: str) -> str:
    name = without_lead_in(name)  # "Presented at the Network and ... Symposium 2017"
    words = name.replace("{", "").replace("}", "").split()
    words = [_TYPOS.get(w.casefold(), w) for w in words]  # "aiXiv 21": arXiv 2021
    if name.islower():  # "sosp", "cidr": a known series in its usual letters
        words = [SERIES_CASE.get(w) or (w.upper() if w in KNOWN else w) for w in words]
    if len(words) == 2 and words[1] == "Conference" and not _PUBLISHER.fullmatch(words[0]):
        words = words[:1] if _is_acronym(words[0]) else words  # DBLP's "SIGMOD Conference"
    return " ".join(words)


def groups(text: str) -> list[tuple[int, int, str]]:
    """Every ``(...)`` and ``[...]`` group of ``text`` as (start, end, inner text)."""
    return [(m.start(), m.end(), m.group(1) or m.group(2)) for m in _GROUP.finditer(text)]


def venue_in(text: str) -> VenueGuess | None:
    """A venue named somewhere in an entry's text (after its title).

    A parenthesised or bracketed venue wins (``(ASPLOS '24)``, ``[ACM SOSP 2021]``), the
    last one first; then the last comma- or period-separated part (``, OSDI 2018``).
    """
    for start, _, inner in reversed(groups(text)):
        found = parse_venue(inner)
        if found is not None:
            return found
        if _LONE_ACRONYM.fullmatch(inner) and _PROCEEDINGS_START.match(text):
            # "Proceedings of the ACM on Management of Data (PACMMOD), 3(1): ..., 2025"
            return VenueGuess(inner, year_in(text[start:]))
    parts = [p for p in _ENTRY_PARTS.split(text) if p]
    if len(parts) >= 2 and _QUALIFIER.match(parts[-1].strip(" .,;")):  # "OSDI 2022, Oral"
        found = parse_venue(", ".join(parts[-2:]))
        if found is not None:
            return found
    # "Proceedings International Conference on Computer Design. VLSI in ..., 1998": a
    # proceedings title with a period inside is one venue.
    for k in (2, 3):
        if len(parts) >= k and _PROCEEDINGS_START.match(parts[-k]):
            found = parse_venue(". ".join(parts[-k:]), need_year=True)
            if found is not None:
                return found
    if len(parts) >= 2 and _YEAR_ONLY.fullmatch(parts[-1].strip(" .,;")):  # "SAC. 2022."
        found = parse_venue(f"{parts[-2]} {parts[-1]}", need_year=True)
        if found is not None:
            return found
    for part in reversed(parts[-4:]):
        found = parse_venue(part)
        if found is not None:
            return found
    # "[Title](url) NSDI23 UCLA", "Eurosys21 MSR": a venue, then who wrote it.
    tail = _VENUE_THEN_ORG.match(parts[-1].strip()) if parts else None
    return parse_venue(tail.group(1), need_year=True) if tail is not None else None


# The separator first, then what stands before it (quicker than opening with a look-behind).
# "by X et al., OSDI 2018"; "McMahan et al.,arxiv 2017" with the comma's space left out.
_ENTRY_PARTS = re.compile(
    r"[.;|](?<!\b[A-Z][.;|])\s+|,\s+(?!(?:19|20)\d{2}\b)|(?<=\bal\.),(?=[^\W\d_])"
)
_VENUE_THEN_ORG = re.compile(r"^(\S+(?:\s+\S+){0,2}?)\s+[A-Z][A-Za-z&.-]{1,15}$")


_LONE_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*")
"""The short name a proceedings or journal gives itself in parentheses: ``(PACMMOD)``."""
_PROCEEDINGS_START = re.compile(
    r"\s*(?:Proc\b|Proceedings|Journal|Transactions|International|Annual)\b", re.I
)


def year_in(text: str) -> int | None:
    """The last four-digit year a text states (``2024.05``, ``..., 2024.``)."""
    found = _YEAR.findall(text)
    return int(found[-1]) if found else None
