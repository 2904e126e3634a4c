"""Reference-format entries: authors, title and venue of a citation written as text.

ACM (``Authors. 2024. Title. In Proceedings of ... (ASPLOS '24) ...``), journal
(``Authors. Title. Commun. ACM. 2021.``), initials (``Family, G., and Other, H. Title.
arXiv preprint arXiv:2105.03215, 2021.``) and IEEE (``A, B and C, "Title," 2011 IEEE ...
(MSST), ..., 2011``). The venue is the acronym in parentheses when there is one, else the
journal or proceedings name as written; the year is the citation's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from papershelf.catalog.dash_bylines import NAME_PARTICLES
from papershelf.catalog.fetched_refs import dashed_short, without_fetched
from papershelf.catalog.locators import PUBLISHER_YEAR, without_volume
from papershelf.catalog.mla_names import mla_first
from papershelf.catalog.venue import full_year
from papershelf.catalog.venue_text import VenueGuess, parse_venue

# A sentence ends at ". " unless the word before is an initial ("C. J. Newburn"). The patterns
# here open with a character, their look-behind after it: one opening with a look-behind is
# tried at every position of the text, several times slower.
_SENTENCE = re.compile(r"\.(?<!\b[A-Z]\.)(?<!\b[A-Z][a-z]\.)\s+")
_YEAR = re.compile(r"^\(?(?:19|20)\d{2}[a-z]?\)?$")
"""A citation's year sentence: ``2024.``, or APA's ``(2023).`` after ``Wu et al.``"""
_ANY_YEAR = re.compile(r"((?:19|20)(?<![\d.:/]..)\d{2})(?![\d]|\.\d)")
_QUOTED = re.compile(r"[\"“](?P<t>[^\"“”]{8,400}?)[,.]?[\"”]")
_ACRONYM = re.compile(
    r"\((?P<name>[A-Z][A-Za-z]*(?:\d[A-Z][A-Za-z]*)?[A-Z][A-Za-z]*)(?:\s*(?:["
    + "'’"
    + r"]\s*(?P<yy>\d{2})|"
    r"(?P<yyyy>(?:19|20)\d{2})|[IVXLC]+))?\)"
)
# "Proceedings of the 38th ACM SIGPLAN Conference ...", "Proc. of ACM SIGCOMM '88": the series;
# not "Proceedings of the ACM on Programming Languages", a journal's whole name.
_PROCEEDINGS = re.compile(
    r"^(?:in:?\s+)?(?:(?:proceedings|proc\.)\s+of\s+(?!(?:the\s+)?acm\s+on\s)"
    r"(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
    # IEEE's "in Proc. NeurIPS"; not a journal's name ("Proc. VLDB Endow.", "Proc. IEEE")
    r"|proc\.\s+(?!(?:acm|ieee|vldb|natl?)\b)(?=[a-z]))?"
    r"(?:(?:the|proc\.)\s+(?=\d+(?:st|nd|rd|th)\s))?"
    r"(?:\d+(?:st|nd|rd|th)\s+(?=[A-Z]))?"
    # IEEE's "In 2008 Eighth IEEE International Conference on Data Mining": year and ordinal
    # (or after the house: "In 2019 IEEE 35th International Conference ...", "IEEE/ACM 41st")
    r"(?:(?P<year>(?:19|20)\d{2})\s+(?P<house>(?:IEEE|ACM)(?:/(?:IEEE|ACM))?\s+)?"
    r"(?:(?:twenty|thirty|forty|fifty)-?)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"\d+(?:st|nd|rd|th))?\s*(?=[A-Z]))?"
    r"(?:advances\s+in\s+cryptology\s*[-–—:,]\s*(?=[A-Z]))?",  # "Advances in Cryptology: Eurocrypt"
    re.IGNORECASE,
)
"""``In Proceedings of the 26th``, ``The 3rd``, ``Proc. 44th``, Springer's ``In:``: before the
series' name; the proceedings' own title (``Advances in Cryptology:``) before the meeting's
name too."""
_REF_NUMBER = re.compile(r"\[\d{1,4}\]\s+")
_VOLUME = re.compile(r",\s*vol\.\s*\d")
"""``*Neurocomputing*, vol. 568, 2024. arXiv:...``: a journal's volume; the preprint is an aside."""
_ARXIV = re.compile(r"\barxiv\b", re.IGNORECASE)
VENUE_START = re.compile(
    r"(?:(?:arXiv|In\s+Proc|Proceedings|Journal|Transactions|ACM|IEEE|USENIX)\b|Proc\.)", re.I
)
"""Where a citation's container starts: ``In Proceedings of ...``, ``ACM``, ``arXiv``."""
_VENUE_LEAD = re.compile(r"(?:In\s|Proceedings\b|Proc\.)", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[^.,]{2,40},\s*(?:[A-Z][a-z]?\.\s*-?\s*)+,?\s*(?:(?:and|&)\s+)?)+$")


@dataclass(frozen=True, slots=True)
class Citation:
    authors: str
    title: str
    rest: str
    year: int | None
    book: bool = False  # "Names (2011). *Title*. Publisher.": APA sets a book's title in italics


_ET_AL = frozenset({"et", "al.", "al", "等", "等."})
"""``et al.``, and the Chinese ``等`` (and others) after the first name."""
_JOINERS = _ET_AL | NAME_PARTICLES | {"and", "&"}


def names_like(text: str) -> bool:
    """Author lists: capitalised words, commas or ``and``, no sentence-like run of words."""
    words = text.replace(",", " ").split()
    if not words or len(words) > 150:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w in _JOINERS)
    named = len(words) - sum(1 for w in words[-2:] if w in _ET_AL)  # "X Y Z et al", "X 等"
    return caps >= 0.8 * len(words) and ("," in text or " and " in text or named <= 4)


def parse_citation(text: str) -> Citation | None:
    """The parts of a citation, or None when ``text`` does not read like one."""
    text = " ".join(text.split())
    if text.startswith("[") and (number := _REF_NUMBER.match(text)):
        text = text[number.end() :]  # "[4] N. Shazeer, ...": the reference's number in a list
    quoted = _QUOTED.search(text)
    if quoted is not None and len(quoted.group("t").split()) >= 2:
        before, year = _names_year(text[: quoted.start()].strip(" ,."))
        subtitled = text[quoted.end() :].lstrip().startswith((":", "："))
        # '"Always Contribute Back": A Qualitative Study ...': the quote opens the title
        short = len(quoted.group("t").split()) < 3  # '"Random Forests."' after names and year
        if (
            (not before or names_like(before))
            and not (subtitled and not before)
            and not (short and year is None)
        ):
            rest = text[quoted.end() :]
            names = mla_first(before)  # "Ding, Shuo, and Qirun Zhang. “Title.” ..."
            return Citation(names, quoted.group("t").strip(" ,."), rest, year or last_year(rest))
    initials = _initials_split(text)
    if initials is None and (label := _TOPIC_LABEL.match(text)) is not None:
        initials = _initials_split(text[label.end() :])  # "Regression: Panik, M. J. 2009. ..."
    if initials is not None:
        return initials
    if (vancouver := _vancouver_split(text)) is not None:
        return vancouver
    parts = _SENTENCE.split(text)
    if len(parts) >= 3 and _title_then_names(parts[0], parts[1]):
        # "The Google File System. Sanjay Ghemawat, ... SOSP 2003.", or "... 2022. Venue 35."
        dated = len(parts) >= 4 and _YEAR.match(parts[2]) is not None
        rest = ". ".join(parts[3:] if dated else parts[2:])
        year = int(parts[2].lstrip("(")[:4]) if dated else last_year(rest)
        return Citation(parts[1], parts[0], rest, year)
    if len(parts) >= 3 and _YEAR.match(parts[1]) and names_like(parts[0]):
        title, rest = _letter_end(parts[2], ". ".join(parts[3:]))
        return Citation(parts[0], title, rest, int(parts[1].lstrip("(")[:4]))
    if (
        len(parts) >= 3
        and names_like(parts[0])
        and len(parts[0].split()) >= 2
        and len(parts[1].split()) >= 3
        and not _VENUE_LEAD.match(parts[1])
    ):
        rest = ". ".join(parts[2:])
        return Citation(parts[0], parts[1], rest, last_year(rest))
    return None


_NAME = re.compile(r"[^\W\d_][\w'’-]*\.?|[^\W\d_]\.(?:-?[^\W\d_]\.)*")
"""A word of a name or its initials; the first letter a capital of any script (``Łukasz``)."""
_NAME_SEPARATOR = re.compile(r"(?<!\s)(?:\s*+,\s*+(?:and\s++|&\s++)?|\s++and\s++|\s*+&\s*+)")
"""Possessive, and never from inside a run of spaces: a long run is tried once."""


def _names_list(text: str) -> bool:
    """``Sanjay Ghemawat, Howard Gobioff, and Shun-Tak Leung``: two or more people by name.

    Each a few capitalised words or initials (``Marshall K. McKusick``); ``et al.`` may end it.
    """
    text = text.removesuffix(" et al").removesuffix(" et al.").rstrip(" ,")  # "B, et al."
    people = _NAME_SEPARATOR.split(text)
    return len(people) >= 2 and all(
        2 <= len(words := person.split()) <= 4
        and all((w[:1].isupper() and _NAME.fullmatch(w)) or w in NAME_PARTICLES for w in words)
        for person in people
    )


def _title_then_names(first: str, second: str) -> bool:
    """``Title. Names. Venue Year.``: a title, then a list of names (a title is no such list)."""
    if not second[:1].isupper() or ("," not in second and " and " not in second):
        return False  # cheap: no list of two names ("2021", "In Proc. ...")
    return len(first.split()) >= 3 and _names_list(second) and not _names_list(first)


def _names_year(before: str) -> tuple[str, int | None]:
    """``Random forest: Breiman, L. 2001`` -> (``Breiman, L``, 2001).

    The names before a quoted title, without the topic label before them or the year after
    them; the text as it is (and no year) when it is not names and a year.
    """
    m = _NAMES_YEAR.fullmatch(before)
    if m is None or not names_like(m.group(1)):
        return before, None
    return m.group(1), int(m.group(2))


_NAMES_YEAR = re.compile(r"(?:[^:.]{1,40}:\s+)?(.+?)[.,]?\s+\(?((?:19|20)\d{2})[a-z]?\)?")


def _letter_end(title: str, rest: str) -> tuple[str, str]:
    """``Title for C. International Symposium ...``: the title ends at the one-letter word.

    After the names and the year no initial stands, so a one-letter word after a lowercase
    one, then a stop and a capital, ends the title there.
    """
    m = _LETTER_STOP.search(title)
    if m is None or len(title[m.end() :].split()) < 2:
        return title, rest
    return title[: m.start()], f"{title[m.end() :]}. {rest}" if rest else title[m.end() :]


_LETTER_STOP = re.compile(r"(?<=[a-z] [A-Z])\.\s+(?=[A-Z])")


def _initials_split(text: str) -> Citation | None:
    """``Chen, Z., Yu, C. H., and Wang, Y. Title. Rest``."""
    m = re.match(
        # "Oliveira, B. C. d. S.,": a particle's initial in lower case before a capital one
        # "Gomez, A. N., ... & Polosukhin, I.": APA's ellipsis before the last of many names
        r"^(?P<a>(?:[^.,]{2,40},\s*(?:(?:[A-Z][a-z]?|[a-z](?=\.\s*[A-Z]))\.\s*-?\s*)+,?\s*"
        r"(?:(?:\.\.\.|…)\s*)?(?:(?:and|&)\s+)?)+)",
        text,
    )
    if m is None:
        return None
    names, after = m.group("a"), text[m.end() :]
    if (etal := _ET_AL_AFTER.match(after)) is not None:  # "Vaswani, A., Shazeer, N., et al."
        names, after = names + "et al.", after[etal.end() :]
    # APA: "Shinn, N., & Yao, S. (2023). Title. Rest", the year in parentheses after the names;
    # with it, one name ("Skazin, A. (2021).") and a short title ("Isolation Forest.") will do.
    # So with Springer's colon after the names: "Lamport, L.: Time, clocks, ... (1978)".
    apa = _APA_YEAR.match(after)
    springer = apa is None and after[:1] == ":"
    if apa is None and not springer and names.count(",") < 2:
        return None
    if apa is not None:
        after = after[apa.end() :]
    elif springer:
        after = after[1:].lstrip()
    quoted = _HARVARD_TITLE.match(after) if apa is not None and after[:1] in "'‘" else None
    if quoted is not None:  # Harvard: "(2017) 'Attention is all you need', Advances in ..."
        parts = [quoted.group("t"), after[quoted.end() :]]
    else:
        parts = _SENTENCE.split(after, maxsplit=1)
    if apa is not None and len(parts) == 1:
        parts = [after.rstrip(" ."), ""]  # "(2023). Title." and nothing after it
    if len(parts) < 2 or len(parts[0].split()) < (1 if apa is not None else 3):
        return None
    year = int(apa.group(1)) if apa is not None else last_year(parts[1])
    return Citation(names.strip(" ,"), parts[0], parts[1], year)


_ET_AL_AFTER = re.compile(r"et\s+al\.?,?\s*")
_HARVARD_TITLE = re.compile(r"['‘](?P<t>.{3,400}?)['’](?=[,.]?\s)[,.]?\s*")
"""Harvard's title in single quotes; an apostrophe inside (``'Don't ...'``) is no end."""


def _vancouver_split(text: str) -> Citation | None:
    """Names as ``Eyal I, Sirer E G.``, then the title: ``Majority is not enough: ... .``.

    Vancouver style names each author by family name and bare initials (no stops), then ends
    the names with one stop. One name alone must be followed by a year somewhere, so that
    ``Appendix F. Personal Observations ...`` stays a title.
    """
    m = _VANCOUVER.match(text) if text[:1].isupper() and "." in text[:120] else None
    if m is None:
        return None
    parts = _SENTENCE.split(text[m.end() :], maxsplit=1)
    title, rest = parts[0].rstrip(" ."), parts[1] if len(parts) > 1 else ""
    year = last_year(rest)
    if len(title.split()) < 3 or ("," not in m.group("a") and year is None):
        return None
    if title.split()[0].endswith(","):
        return None  # "Samuel Z. Guyer, Kathryn S. McKinley, ...": a given name and an initial
    return Citation(m.group("a"), title, rest, year)


_VANCOUVER_NAME = r"[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*)? [A-Z]{1,3}(?: [A-Z]{1,2})?"
_VANCOUVER = re.compile(
    rf"(?P<a>{_VANCOUVER_NAME}(?:, {_VANCOUVER_NAME})*(?:,? et al)?)\.\s+(?=[A-Z0-9“\"])"
)


_APA_YEAR = re.compile(
    r"\(\s*((?:19|20)\d{2})[a-z]?(?:\s*,\s*[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s*\)\.?\s*"
)
"""``(2023).``, and with the month a report or proceedings gives: ``(2007, June).``"""


def last_year(text: str) -> int | None:
    found = _ANY_YEAR.findall(text)
    return int(found[-1]) if found else None


# ", ISMM." after a venue's full name: its short name, closing the citation
_SHORT_AFTER = re.compile(r"\s*,\s*([A-Z][A-Za-z]{1,9})\s*\.?\s*$")
_MINOR_WORDS = frozenset({"on", "of", "and", "for", "in", "the", "&"})


def abbreviates(short: str, name: str) -> bool:
    """Whether a short name's letters, in order, open the full name's words.

    ``ISMM``: International Symposium on Memory Management; ``CIDR``: Conference on
    Innovative Data Systems Research.
    """
    initials = iter(w[0].upper() for w in name.split() if w.casefold() not in _MINOR_WORDS)
    letters = short.upper()
    return letters[:1] == name[:1].upper() and all(ch in initials for ch in letters)


def citation_venue(c: Citation) -> VenueGuess | None:
    """The venue of a citation: ``(ASPLOS '24)`` / ``(MSST)`` / ``Commun. ACM`` / ``arXiv``."""
    rest = c.rest
    if "," in rest and rest.rstrip(" .")[-1:].isdigit():  # "... Springer, Cham, 2017."
        rest = PUBLISHER_YEAR.sub(" ", rest)  # the house and its place: no venue
    if ", editors, " in rest:  # "In B. Charron-Bost, ..., editors, Replication: Theory ..."
        rest = rest.split(", editors, ", 1)[1]
    if "(Ed" in rest or "(ed" in rest:  # "K. Lee and L.-J. Zhang (Eds.): ICBC 2021, LNCS ...":
        rest = _EDITORS.split(rest, maxsplit=1)[-1]  # the proceedings' editors, then its name
        if (named := parse_venue(rest.partition(",")[0])) is not None and named.year:
            return named  # "ICBC 2021, LNCS 12991, pp. 103–117, 2022": the meeting's year
    for m in _ACRONYM.finditer(rest):
        name = m.group("name")
        if digits := m.group("yy") or m.group("yyyy"):
            return VenueGuess(name, full_year(digits))
        return VenueGuess(name, c.year)
    if (dashed := dashed_short(rest)) is not None:
        return dashed  # "Proceedings of ... Implementation - PLDI 2017, 525–539"
    if (arxiv := _ARXIV.search(rest[:40])) and not _VOLUME.search(rest[: arxiv.start()]):
        return VenueGuess("arXiv", c.year if re.search(r",\s*(?:19|20)\d{2}", rest) else None)
    head = without_fetched(re.sub(r"https?://\S+", "", rest)).strip()
    head = without_volume(head)
    year = c.year
    if (lead := _PROCEEDINGS.match(head)) is not None:  # the meeting's own year, if it has one
        year = int(lead.group("year")) if lead.group("year") else c.year
        head = (lead.group("house") or "") + head[lead.end() :]
    name = re.split(r"\s\d|,|\(|\.\s*(?:19|20)\d{2}|\.\s+pp?\.", head, maxsplit=1)[0].strip(" .")
    name = name.replace("{", "").replace("}", "")
    short = _SHORT_AFTER.match(head, len(name)) if head.startswith(name) else None
    if short is not None and abbreviates(short.group(1), name):
        name = short.group(1)  # "International Symposium on Memory Management, ISMM.": ISMM
    if _WHERE_WRITTEN.match(name):
        return None  # "Department of Computer Science, Stanford University": a thesis's school
    if name and len(name.split()) <= 14 and any(ch.isupper() for ch in name[:1]):
        if year and name[-1:].isdigit() and (own := parse_venue(name)) and own.year == year:
            return own  # "ACM SIGCOMM '88" in a reference of 1988
        found = parse_venue(f"{name} {year}") if year else parse_venue(name)
        if found is not None:
            return found
        return VenueGuess(name, year) if year else None
    return None


_EDITORS = re.compile(r"\((?:Eds?|eds?)\.?\)\s*[:,.]?\s*")
# Where a thesis or a report was written, or its number: no venue it appeared in.
_WHERE_WRITTEN = re.compile(
    r"(?:Department|Dept\.|School\s+of|Faculty\s+of|University\b|Univ\.|Laborator(?:y|ies)\b"
    r"|No\.\s*[A-Z]+-|Technical\s+Report|Tech\.\s*Rep"
    r"|[A-Z]{2,}(?:[-/][A-Z]{2,})*-(?:TR-)?\d{2,4}-\d{2,4}\b)",  # "MIT-CSAIL-TR-2012-021"
    re.IGNORECASE,
)


def is_full_citation(text: str) -> bool:
    """A text that is a whole reference (authors, year, title, venue): it names a paper."""
    if len(text) > 600:
        return False
    cited = parse_citation(text)
    return cited is not None and cited.year is not None and citation_venue(cited) is not None


_PUBLISHER_HOUSE = re.compile(
    r"^\W*(?:[A-Z][\w&'.-]*\s+){0,4}(?:Publishing|Press|Publishers|Verlag|Media)\b"
    r"|\b(?:Publishing\s+Company|Incorporated)\b"
)
_HOUSE_WORDS = ("Publish", "Press", "Verlag", "Media", "Incorporated")
"""What every ``_PUBLISHER_HOUSE`` match holds."""


_TOPIC_LABEL = re.compile(r"[^:.\d]{2,40}:\s+(?=[A-Z])")
"""``Decision tree:`` before a citation: the topic the list files it under."""
_IMPRINT = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*, [A-Z]{2}: [A-Z]")
"""``Boca Raton, FL: CRC Press``: the place and the house that published a book."""


def is_book(container: str) -> bool:
    """A citation whose container is a publishing house, not proceedings or a journal: a book."""
    container = container.strip(" .,")
    if _IMPRINT.match(container):
        return True
    if not any(word in container for word in _HOUSE_WORDS):
        return False  # most containers: the pattern would scan them for nothing
    return bool(_PUBLISHER_HOUSE.search(container)) and not VENUE_START.match(container)
