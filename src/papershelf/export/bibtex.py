r"""BibTeX export: one ``@inproceedings`` per paper, with stable citation keys.

A paper of no known venue is ``@misc``, without the ``booktitle`` it has none of (an empty
one made BibTeX warn for each such paper).

Fields: ``title`` (double-braced so styles keep its case), ``author`` (joined with ``and``),
``booktitle`` (the venue label), ``year``, ``url`` (the main link, http/https/doi only),
``keywords`` (the topics, then the reader's tags), and the reading state in fields that
bibliography styles ignore: ``papershelf-id``, ``papershelf-status`` (``unread``,
``to-read``, ``reading``, ``read``), ``papershelf-starred = {true}`` when starred,
``papershelf-withdrawn = {true}`` for a withdrawn paper. The user's note goes in
``annote``, line breaks kept.

With what enrichment found, ``author`` holds the source's names as ``Family, Given`` in order
(and the key uses the first family name), ``booktitle`` the proceedings' name, and ``doi``,
``eprint`` (with ``archiveprefix``) and ``abstract`` are added; without it, ``note`` says
what is unknown (the order of given and family names, the proceedings' title, the DOI).

Text is UTF-8 (biber and modern BibTeX read it); LaTeX specials are escaped, braces included
(``\textbraceleft{}``, since BibTeX counts ``\{`` as an open brace), so no value can close
its field early. A line of a note that starts with ``@`` gets it written as ``{@}``, which
parsers would otherwise take for the start of a new entry. Author names holding a comma or
the word ``and`` are braced, so BibTeX keeps them whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from papershelf.domain.enrichment import NO_ENRICHMENT, Enrichment
from papershelf.domain.models import Paper, PaperState
from papershelf.domain.tags import tag_key, unique_tags
from papershelf.export._text import multi_line, one_line, safe_url

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "&": r"\&",
    "%": r"\%",
    "_": r"\_",
    "#": r"\#",
    "$": r"\$",
}
_LATEX_SPECIAL_RE = re.compile("[" + re.escape("".join(_LATEX_SPECIALS)) + "]")

_STOPWORDS_TEXT = """
a an and are as at by for from how in into is it of on or the to toward towards via
what when where which why with without
"""
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_PART_MAX = 24
_PREPRINT = re.compile(r"^(arxiv|corr)\b", re.I)
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:.+/-]")
_ET_AL = re.compile(r"[\s,]*\bet\.?\s+al\b\.?$", re.I)
"""A list's ``et al`` (an author of its own, or the end of one): no person's name."""


def escape_latex(text: str) -> str:
    """Text as a BibTeX field value: specials escaped, braces balanced by construction."""
    escaped = _LATEX_SPECIAL_RE.sub(lambda m: _LATEX_SPECIALS[m.group(0)], text)
    lines = escaped.split("\n")
    for i in range(1, len(lines)):
        body = lines[i].lstrip()
        if body.startswith("@"):
            indent = lines[i][: len(lines[i]) - len(body)]
            lines[i] = f"{indent}{{@}}{body[1:]}"
    return "\n".join(lines)


# Latin letters that NFKD does not decompose into an ASCII base letter.
_FOLD = str.maketrans(
    dict(zip("øØłŁđĐðÐı", "oOlLdDdDi", strict=True))
    | {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"}
)


def _ascii_words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    folded = decomposed.encode("ascii", "ignore").decode("ascii")
    return re.findall(r"[a-z0-9]+", folded.lower())


def _family_name(author: str) -> str:
    name = one_line(author)
    if "," in name:
        words = _ascii_words(name.split(",", 1)[0])
    else:
        parts = name.split()
        words = _ascii_words(parts[-1]) if parts else []
    return "".join(words)


def _year_of(paper: Paper, enrichment: Enrichment = NO_ENRICHMENT) -> str:
    if enrichment.venue is not None and _PREPRINT.match(paper.venue):
        published = re.findall(r"\b(\d{4})\b", enrichment.venue.value)
        if published:
            return str(published[-1])
    if paper.year is not None:
        return str(paper.year)
    found = re.findall(r"\b(\d{4})\b", paper.venue)
    return found[-1] if found else ""


def _venue_name(paper: Paper) -> str:
    name = re.sub(r"\b\d{4}\b", " ", paper.venue)
    return "".join(_ascii_words(name))


def _base_key(paper: Paper, found: Enrichment = NO_ENRICHMENT) -> str:
    who = ""
    names = [a.family_given() for a in found.authors.value] if found.authors else paper.authors
    for author in names:
        who = _family_name(author)
        if who:
            break
    if not who:
        who = _venue_name(paper)
    words = _ascii_words(one_line(paper.title))
    word = next((w for w in words if w not in _STOPWORDS), words[0] if words else "")
    year = re.sub(r"\D", "", _year_of(paper, found))
    key = f"{who[:_PART_MAX]}{year[:_PART_MAX]}{word[:_PART_MAX]}"
    if not key or not key[0].isalpha():
        key = f"paper{key}"
    return key


def _suffixes() -> Iterator[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    yield from letters
    width = 2
    while True:
        for n in range(len(letters) ** width):
            chars = []
            for _ in range(width):
                n, r = divmod(n, len(letters))
                chars.append(letters[r])
            yield "".join(reversed(chars))
        width += 1


def citation_keys(
    papers: Sequence[Paper], enrichments: Mapping[str, Enrichment] | None = None
) -> dict[str, str]:
    """Paper id -> citation key, e.g. ``zhang2025lumos`` (``mlsys2025lumos`` without authors).

    Family name of the first author (else the venue name), year, first significant title
    word, ascii-folded and lower-case. Papers sharing a key all get ``a``, ``b``, ``c``...
    in the order of ``papers``. Pass the whole catalog, in catalog order (the order papers
    were added): a paper's key then depends on the catalog alone, the same in a full
    export, a filtered one and what ``Y`` copies (``to_bibtex(keys=...)``,
    :func:`catalog_entry`).
    """
    groups: dict[str, list[str]] = defaultdict(list)
    seen: set[str] = set()
    for paper in papers:
        if paper.id not in seen:
            seen.add(paper.id)
            found = (enrichments or {}).get(paper.id, NO_ENRICHMENT)
            groups[_base_key(paper, found)].append(paper.id)
    taken = {base for base, ids in groups.items() if len(ids) == 1}
    keys: dict[str, str] = {}
    for base in sorted(groups):
        ids = groups[base]
        if len(ids) == 1:
            keys[ids[0]] = base
            continue
        suffixes = _suffixes()
        for paper_id in ids:
            key = base + next(suffixes)
            while key in taken:
                key = base + next(suffixes)
            taken.add(key)
            keys[paper_id] = key
    return keys


def _author_name(name: str) -> str:
    escaped = escape_latex(name)
    words = name.lower().split()
    if "," in name or "and" in words or name.lower() == "others":
        return "{" + escaped + "}"
    return escaped


def _unknown(paper: Paper, found: Enrichment) -> list[str]:
    """What the entry cannot say for sure, for its ``note`` (rather than a guess)."""
    missing = []
    if found.authors is None:
        missing.append(
            "author names (order of given and family names)" if paper.authors else "authors"
        )
    if found.container_title is None and found.venue is None:
        missing.append("the proceedings' full title")
    if found.doi is None:
        missing.append("DOI")
    return missing


def bibtex_entry(
    paper: Paper,
    state: PaperState | None = None,
    key: str | None = None,
    enrichment: Enrichment | None = None,
) -> str:
    """One ``@inproceedings`` entry (``@misc`` without a venue; what ``Y`` copies).

    The key defaults to the paper's own; characters a key cannot hold (spaces, commas,
    braces...) are dropped from ``key``. With ``enrichment`` the authors are the source's,
    written ``Family, Given``; ``booktitle`` is the proceedings' name; ``doi``, ``eprint``
    and ``abstract`` are added. Without it the ``note`` says what is unknown.
    """
    if state is None:
        state = PaperState()
    found = enrichment or NO_ENRICHMENT
    # A key is one BibTeX token: anything that could end it (space, comma, brace) goes.
    key = _KEY_UNSAFE.sub("", key) if key is not None else ""
    if not key:
        key = citation_keys([paper], {paper.id: found})[paper.id]
    fields: list[tuple[str, str]] = [("title", "{" + escape_latex(one_line(paper.title)) + "}")]
    if found.authors is not None:
        names = [escape_latex(one_line(a.family_given())) for a in found.authors.value]
        fields.append(("author", " and ".join(n for n in names if n)))
    else:
        authors = [a for a in (one_line(a) for a in paper.authors) if a]
        named = [a for a in (_ET_AL.sub("", a) for a in authors) if a]
        if named:  # "S Ghemawat, et al.": BibTeX's word for the rest is "others"
            more = ["others"] if any(_ET_AL.search(a) for a in authors) else []
            fields.append(("author", " and ".join([*map(_author_name, named), *more])))
    if found.container_title is not None:
        booktitle = found.container_title.value
    elif found.venue is not None and _PREPRINT.match(paper.venue):
        booktitle = found.venue.value
    else:
        booktitle = paper.venue
    booktitle = one_line(booktitle)
    if booktitle:  # an empty one makes BibTeX warn for every paper of no known venue
        fields.append(("booktitle", escape_latex(booktitle)))
    year = _year_of(paper, found)
    if year:
        fields.append(("year", year))
    if found.doi is not None:
        fields.append(("doi", escape_latex(one_line(found.doi.value))))
    if found.arxiv is not None:
        fields.append(("eprint", escape_latex(one_line(found.arxiv.value))))
        fields.append(("archiveprefix", "arXiv"))
    main = paper.main_link
    url = safe_url(main.url) if main is not None else None
    if url:
        fields.append(("url", url))
    if found.abstract is not None:
        fields.append(("abstract", escape_latex(one_line(found.abstract.value))))
    keywords = [t for t in (one_line(t) for t in paper.topics) if t]
    known = {tag_key(t) for t in keywords}
    keywords += [t for t in unique_tags(one_line(t) for t in state.tags) if tag_key(t) not in known]
    if keywords:
        fields.append(("keywords", escape_latex(", ".join(keywords))))
    unknown = _unknown(paper, found)
    if unknown:
        fields.append(("note", escape_latex("papershelf: unknown: " + "; ".join(unknown))))
    fields.append(("papershelf-id", escape_latex(one_line(paper.id))))
    fields.append(("papershelf-status", state.status.value))
    if state.starred:
        fields.append(("papershelf-starred", "true"))
    if paper.withdrawn:
        fields.append(("papershelf-withdrawn", "true"))
    note = multi_line(state.note)
    if note:
        fields.append(("annote", escape_latex(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    kind = "inproceedings" if booktitle else "misc"  # misc needs no proceedings' title
    return f"@{kind}{{{key},\n{body}\n}}\n"


def _merge_keys(
    papers: Sequence[Paper],
    keys: Mapping[str, str],
    enrichments: Mapping[str, Enrichment] | None = None,
) -> dict[str, str]:
    """Given keys where they exist; computed ones elsewhere (an orphan), none of them given.

    A paper outside ``keys`` never takes a key that ``keys`` holds, so it cannot change
    or clash with a catalog paper's key, exported alongside or not.
    """
    merged = {p.id: keys[p.id] for p in papers if p.id in keys}
    taken = set(keys.values())
    missing = [p for p in papers if p.id not in keys]
    for paper_id, key in citation_keys(missing, enrichments).items():
        candidate, suffixes = key, _suffixes()
        while candidate in taken:
            candidate = key + next(suffixes)
        taken.add(candidate)
        merged[paper_id] = candidate
    return merged


def catalog_entry(
    paper: Paper,
    state: PaperState | None,
    keys: Mapping[str, str],
    enrichments: Mapping[str, Enrichment] | None = None,
) -> str:
    """The entry an export writes for ``paper`` (what ``Y`` copies), key included.

    ``keys`` is :func:`citation_keys` over the whole catalog, as every export uses.
    """
    found = enrichments or {}
    key = _merge_keys([paper], keys, found)[paper.id]
    return bibtex_entry(paper, state, key, found.get(paper.id))


def to_bibtex(
    papers: Sequence[Paper],
    states: Mapping[str, PaperState],
    *,
    keys: Mapping[str, str] | None = None,
    enrichments: Mapping[str, Enrichment] | None = None,
) -> str:
    """Every paper as a BibTeX entry, in the given order; a repeated paper id is written once.

    ``keys`` (from :func:`citation_keys` over the whole catalog) keeps keys stable across
    filtered exports, as every export of papershelf passes them; by default they are
    computed over ``papers`` alone.
    """
    unique: list[Paper] = []
    seen: set[str] = set()
    for paper in papers:
        if paper.id not in seen:
            seen.add(paper.id)
            unique.append(paper)
    found = enrichments or {}
    own_keys = citation_keys(unique, found) if keys is None else _merge_keys(unique, keys, found)
    entries = [bibtex_entry(p, states.get(p.id), own_keys[p.id], found.get(p.id)) for p in unique]
    noun = "entry" if len(entries) == 1 else "entries"
    header = f"% papershelf reading list: {len(entries)} {noun}\n"
    return header + "\n" + "\n".join(entries) if entries else header
