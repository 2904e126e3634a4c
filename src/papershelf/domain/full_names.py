"""Venue series people write out in full, and the short names they are known by.

``Advances in Neural Information Processing Systems`` is NeurIPS and ``Proceedings of the
Nineteenth European Conference on Computer Systems`` EuroSys. An imported paper keeps its
venue as the list writes it (that is what the list says); the catalog files it with the
series' other papers (``grouping``), so one venue is one node of the tree.
"""

from __future__ import annotations

import re
from functools import lru_cache

FULL_NAMES = {
    "international conference for high performance computing": "SC",
    "european conference on computer systems": "EuroSys",
    "symposium on operating systems principles": "SOSP",
    "symposium on operating systems design and implementation": "OSDI",
    "symposium on networked systems design and implementation": "NSDI",
    "international conference on learning representations": "ICLR",
    "international conference on machine learning": "ICML",
    "advances in neural information processing systems": "NeurIPS",
    "conference on neural information processing systems": "NeurIPS",
    "machine learning and systems": "MLSys",
    "international conference on parallel processing": "ICPP",
    "meeting of the association for computational linguistics": "ACL",
    "symposium on principles and practice of parallel programming": "PPoPP",
    "international symposium on microarchitecture": "MICRO",
    "international symposium on high-performance computer architecture": "HPCA",
    "international symposium on computer architecture": "ISCA",
    "architectural support for programming languages and operating systems": "ASPLOS",
    "international conference on management of data": "SIGMOD",
    "vldb endowment": "VLDB",
    "journal of machine learning research": "JMLR",
    "symposium on sdn research": "SOSR",
    "annual technical conference": "USENIX ATC",
    "conference on file and storage technologies": "FAST",
    "conference on computer and communications security": "CCS",
    "european symposium on security and privacy": "EuroS&P",  # before S&P, whose words it holds
    "symposium on security and privacy": "S&P",
    "usenix security symposium": "USENIX Security",
    "network and distributed system security symposium": "NDSS",
    "symposium on principles of distributed computing": "PODC",
    "parallel and distributed processing symposium": "IPDPS",
    "knowledge discovery and data mining": "KDD",
    "financial cryptography": "FC",
    "principles of security and trust": "POST",
    "conference on computer vision and pattern recognition": "CVPR",
    "international conference on computer vision": "ICCV",
    "european conference on computer vision": "ECCV",
    "empirical methods in natural language processing": "EMNLP",
    "aaai conference on artificial intelligence": "AAAI",
    "international joint conference on artificial intelligence": "IJCAI",
    "symposium on cloud computing": "SoCC",
    "programming language design and implementation": "PLDI",
    "symposium on principles of programming languages": "POPL",
    "international conference on data engineering": "ICDE",
    "international conference on very large data bases": "VLDB",
    "symposium on code generation and optimization": "CGO",
    "parallel architectures and compilation techniques": "PACT",
}
"""Series a reference writes out in full, by the words that name them, and their short names."""

_GROUP = re.compile(r"\([^()]{0,40}\)")
_WORD = re.compile(r"[^\s,.:;'’]+")
_FILLER = frozenset(
    (
        *("in", "proceedings", "proc", "of", "the", "international", "annual", "conference"),
        *("symposium", "on", "acm", "ieee", "usenix", "cvf", "ieee/cvf", "acm/ieee", "ieee/acm"),
        *("sigplan", "sigops", "sigarch", "sigmod", "sigsac", "sigkdd", "sigmetrics", "sigcomm"),
    )
)
"""Words around a series' full name that leave it the same series (``workshop`` would not)."""
_ORDINAL = re.compile(
    r"\d+(?:st|nd|rd|th)|\d{4}|(?:(?:twenty|thirty|forty|fifty|sixty)-)?(?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|"
    r"fiftieth|sixtieth)"
)
SHORTEST_FULL_NAME = min(map(len, FULL_NAMES))


@lru_cache(maxsize=4096)
def short_series(name: str) -> str:
    """The short name of a series written in full, else ``name`` itself.

    Only publishers, ordinals, years and a bracketed tag of the short name may stand around
    the full name (``In 20th USENIX Symposium on Networked Systems Design and Implementation
    (NSDI 23)`` is NSDI); other words make it another venue: ``International Conference on
    Machine Learning and Applications`` (ICMLA), ``Workshop on Machine Learning and Systems``
    and ``International Conference on Learning Representations (Workshop)`` stay as written.
    """
    if len(name) < SHORTEST_FULL_NAME:
        return name
    folded = name.casefold()
    for words, short in FULL_NAMES.items():
        at = folded.find(words)
        if at >= 0:
            rest = f"{folded[:at]} {folded[at + len(words) :]}"
            tags = " ".join(_GROUP.findall(rest)).replace("(", " ").replace(")", " ")
            others = [w for w in _WORD.findall(_GROUP.sub(" ", rest)) if w not in _FILLER]
            tagged = [w for w in _WORD.findall(tags) if w not in _FILLER]
            own = short.casefold().split()
            same = all(_ORDINAL.fullmatch(w) for w in others) and all(
                w in own or _ORDINAL.fullmatch(w) or _TWO_DIGITS.fullmatch(w) for w in tagged
            )
            return short if same else name
    return name


_TWO_DIGITS = re.compile(r"\d{2}")
"""A tag's year: ``(NSDI 23)``, ``(SOSP '24)``."""
