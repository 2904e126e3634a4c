"""Series a reference writes out in full, and the short names a reader knows them by.

``Proceedings of the Nineteenth European Conference on Computer Systems`` is EuroSys,
``2017 ACM International Conference on Management of Data`` SIGMOD: a careful reader files the
paper under the series' usual name, not under the words of one year's proceedings.
"""

from __future__ import annotations

from papershelf.domain.full_names import FULL_NAMES


def short_name(name: str) -> str:
    """``ACM Symposium on Operating Systems Principles`` -> ``SOSP``; else the name as given."""
    folded = name.casefold().replace("&", "and")  # "Knowledge Discovery & Data Mining"
    for words, short in FULL_NAMES.items():
        if words in folded:
            return short
    return name
