"""BibTeX export: stable keys, escaping bibtexparser reads back, no field escaping its braces."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibtexparser.entrypoint import parse_string

from papershelf.domain.models import Link, Paper, PaperState, Status
from papershelf.export.bibtex import citation_keys, to_bibtex

# Inverse of the escapes, in one left-to-right pass so nothing is decoded twice.
_UNESCAPES = {
    r"\textbackslash{}": "\\",
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\&": "&",
    r"\%": "%",
    r"\_": "_",
    r"\#": "#",
    r"\$": "$",
    "{@}": "@",
}
_UNESCAPE_RE = re.compile("|".join(re.escape(k) for k in _UNESCAPES))


def unescape(value: str) -> str:
    return _UNESCAPE_RE.sub(lambda m: _UNESCAPES[m.group(0)], value)


def split_authors(value: str) -> list[str]:
    """Split on `` and `` outside braces, as BibTeX does; drop one brace pair around a name."""
    names, depth, start, i = [], 0, 0, 0
    while i < len(value):
        char = value[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and value.startswith(" and ", i):
            names.append(value[start:i])
            i += len(" and ")
            start = i
            continue
        i += 1
    names.append(value[start:])
    return [n[1:-1] if n.startswith("{") and n.endswith("}") else n for n in names]


def paper(
    pid: str,
    title: str,
    *,
    venue: str = "MLSys 2025",
    year: int | None = 2025,
    authors: Sequence[str] = (),
    topics: Sequence[str] = (),
    links: Sequence[Link] = (),
    withdrawn: bool = False,
) -> Paper:
    return Paper(
        id=pid,
        title=title,
        venue=venue,
        year=year,
        authors=tuple(authors),
        topics=tuple(topics),
        links=tuple(links),
        withdrawn=withdrawn,
    )


def fields_of(text: str) -> dict[str, dict[str, str]]:
    library = parse_string(text)
    assert library.failed_blocks == []
    return {entry.key: {f.key: f.value for f in entry.fields} for entry in library.entries}


# citation keys ---------------------------------------------------------------


def test_key_is_family_name_year_and_first_significant_title_word() -> None:
    p = paper("a", "The Lumos System: Efficient Modeling", authors=["Ji Zhang", "Wei Li"])
    assert citation_keys([p]) == {"a": "zhang2025lumos"}


def test_key_folds_accents_and_letters_nfkd_keeps() -> None:
    p = paper("a", "Łódź über alles", authors=["José Núñez-Ørsted"])
    assert citation_keys([p]) == {"a": "nunezorsted2025lodz"}


def test_key_reads_family_first_names() -> None:
    p = paper("a", "Scaling", authors=["van Doe, John"])
    assert citation_keys([p])["a"] == "vandoe2025scaling"


def test_key_without_authors_uses_venue_name() -> None:
    p = paper("a", "Lumos: Efficient Performance Modeling", venue="MLSys 2025", year=None)
    assert citation_keys([p]) == {"a": "mlsys2025lumos"}


def test_key_of_non_latin_author_falls_back_to_venue() -> None:
    p = paper("a", "深度学习 Inference", authors=["张伟"], venue="ASPLOS 2025")
    assert citation_keys([p]) == {"a": "asplos2025inference"}


def test_key_always_starts_with_a_letter() -> None:
    p = paper("a", "2025", venue="1999", year=None)
    key = citation_keys([p])["a"]
    assert re.fullmatch(r"[a-z][a-z0-9]*", key)


def test_colliding_keys_get_suffixes_in_catalog_order() -> None:
    a = paper("id-b", "Comet: one", authors=["Li Wang"])
    b = paper("id-a", "Comet: two", authors=["Jun Wang"])
    c = paper("id-c", "Other", authors=["Jun Wang"])
    forward = citation_keys([a, b, c])
    assert forward == {"id-b": "wang2025cometa", "id-a": "wang2025cometb", "id-c": "wang2025other"}
    assert citation_keys([c, b, a]) == {
        **forward,
        "id-a": "wang2025cometa",
        "id-b": "wang2025cometb",
    }


def test_suffix_never_takes_another_papers_plain_key() -> None:
    one = paper("1", "Comet", authors=["A Wang"])
    two = paper("2", "Comet", authors=["B Wang"])
    # This paper's own key is what "one" would get with the first suffix.
    three = paper("3", "Cometa", authors=["C Wang"])
    keys = citation_keys([one, two, three])
    assert keys["3"] == "wang2025cometa"
    assert len(set(keys.values())) == 3


def test_odd_years_and_long_words_still_give_short_plain_keys() -> None:
    p = paper("a", "Supercalifragilistic" * 5, authors=["Ann " + "Long" * 20], year=-44)
    key = citation_keys([p])["a"]
    assert re.fullmatch(r"[a-z]+44[a-z]+", key)
    assert len(key) <= 3 * 24
    assert len(fields_of(to_bibtex([p], {}))) == 1


def test_many_collisions_stay_unique() -> None:
    papers = [paper(f"p{i:03}", "Same title", authors=["X Li"]) for i in range(60)]
    keys = citation_keys(papers)
    assert len(set(keys.values())) == 60
    assert keys["p000"] == "li2025samea"
    assert keys["p026"] == "li2025sameaa"


def test_given_keys_keep_a_filtered_export_stable() -> None:
    a = paper("id-a", "Comet: one", authors=["Li Wang"])
    b = paper("id-b", "Comet: two", authors=["Jun Wang"])
    full = citation_keys([a, b])
    alone = to_bibtex([b], {}, keys=full)
    assert list(fields_of(alone)) == ["wang2025cometb"]
    assert list(fields_of(to_bibtex([b], {}))) == ["wang2025comet"]


def test_given_keys_that_miss_a_paper_still_give_unique_keys() -> None:
    a = paper("id-a", "Comet", authors=["Li Wang"])
    b = paper("id-b", "Comet", authors=["Jun Wang"])
    text = to_bibtex([a, b], {}, keys={"id-a": "wang2025comet"})
    assert sorted(fields_of(text)) == ["wang2025comet", "wang2025cometa"]


# entries ---------------------------------------------------------------------


def test_entry_fields_and_reading_state() -> None:
    p = paper(
        "mlsys2025-lumos",
        "Lumos: Efficient Performance Modeling",
        authors=["Ji Zhang", "Wei Li"],
        topics=["LLM Training", "Modeling"],
        links=[Link("arxiv", "https://arxiv.org/abs/1"), Link("paper", "https://mlsys.org/p/1")],
    )
    state = PaperState(status=Status.READ, starred=True, note="Great **paper**.\nSecond line.")
    entry = fields_of(to_bibtex([p], {p.id: state}))["zhang2025lumos"]
    assert entry == {
        "title": "{Lumos: Efficient Performance Modeling}",
        "author": "Ji Zhang and Wei Li",
        "booktitle": "MLSys 2025",
        "year": "2025",
        "url": "https://mlsys.org/p/1",
        "keywords": "LLM Training, Modeling",
        "note": "papershelf: unknown: author names (order of given and family names); "
        "the proceedings' full title; DOI",
        "papershelf-id": "mlsys2025-lumos",
        "papershelf-status": "read",
        "papershelf-starred": "true",
        "annote": "Great **paper**.\nSecond line.",
    }
    assert to_bibtex([p], {p.id: state}).count("@inproceedings{") == 1
