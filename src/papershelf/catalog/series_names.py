"""Series a reference writes out in full, and the short names a reader knows them by.

``Proceedings of the Nineteenth European Conference on Computer Systems`` is EuroSys,
``2017 ACM International Conference on Management of Data`` SIGMOD: a careful reader files the
paper under the series' usual name, not under the words of one year's proceedings.
"""

from __future__ import annotations

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
}
"""Series a reference writes out in full, by the words that name them, and their short names."""


def short_name(name: str) -> str:
    """``ACM Symposium on Operating Systems Principles`` -> ``SOSP``; else the name as given."""
    folded = name.casefold().replace("&", "and")  # "Knowledge Discovery & Data Mining"
    for words, short in FULL_NAMES.items():
        if words in folded:
            return short
    return name
