"""Author lines that carry affiliations, as proceedings print them: the names alone.

USENIX and others write ``A, B, and C, Org; D, Org2; E and F, Org3``: each ``;`` group is
names then where they work. Split on commas alone, the organisations became authors
(``Shanghai Jiao Tong University``, ``and Zirui Li``), and a BibTeX export inherited them.

A group's names end at its ``and``-joined last name; what follows is its affiliation when
it does not read as a person (one word such as ``Amazon`` or ``EPFL``, or a phrase with
an organisation's word in it). With no ``and``, a group of a line of several groups is one
name and its affiliation only when its second part does not read as a person, so ``Smith,
John; Doe, Jane`` stays names. A line with no such group is left to the caller.
"""

from __future__ import annotations

import re

_ORG_WORDS = frozenset(
    """
    university universität universite université universidad universidade universita
    università institute institut instituto college school academy academia department
    dept laboratory laboratories lab labs research inc corp corporation company ltd llc
    gmbh center centre foundation technologies technology group cloud ai systems csail
    microsoft google meta facebook amazon aws alibaba bytedance huawei tencent baidu intel
    ibm nvidia samsung oracle apple petuum inria cnrs deepmind openai anthropic vmware
    ministry uc ucla ucsd mit cmu eth epfl kaist unist postech nus ntu hkust kth tum sjtu
    pku ustc zju hku cuhk csee
    """.split()  # noqa: SIM905 -- a word list reads better as words
)
"""Words that make a comma part an organisation (lower case, dots stripped)."""
_AND = re.compile(r"\s+and\s+|\s*&\s*")
_WORD = re.compile(r"[\w'’.-]+")


def _words(part: str) -> list[str]:
    return _WORD.findall(part)


def is_organisation(part: str) -> bool:
    """``Carnegie Mellon University``, ``EPFL``, ``Petuum``: not a person's name."""
    words = _words(part)
    if not words:
        return False
    if len(words) == 1:  # people are named with two words or more here
        return True
    return _has_org_word(words) or len(words) > 5


def looks_like_organisation(name: str) -> bool:
    """``is_organisation`` in one pass: for a name read on every entry (an italic run)."""
    spaces = name.strip().count(" ")
    return spaces == 0 or spaces > 4 or _ORG_WORD.search(name) is not None


_ORG_WORD = re.compile(r"\b(?:" + "|".join(sorted(_ORG_WORDS)) + r")\b\.?", re.IGNORECASE)


def _has_org_word(words: list[str]) -> bool:
    return any(w.casefold().strip(".") in _ORG_WORDS for w in words)


def _is_person(part: str) -> bool:
    words = _words(part)
    return 2 <= len(words) <= 5 and part[:1].isupper() and not _has_org_word(words)


def _names(part: str) -> list[str]:
    text = part[4:] if part.startswith("and ") else part
    return [" ".join(n.split()) for n in _AND.split(text) if n.strip()]


def _last_name_part(parts: list[str]) -> int | None:
    """The part holding the group's ``and``-joined last name(s), if any."""
    for k in range(len(parts) - 1, -1, -1):
        part = parts[k]
        if part.startswith("and ") and _is_person(part[4:]):
            return k
        pair = _AND.split(part)
        if len(pair) > 1 and all(_is_person(p) for p in pair):
            return k
    return None


def _group(parts: list[str], grouped: bool) -> tuple[list[str], bool]:
    """(names, whether an affiliation was taken off) for one ``;`` group's comma parts.

    Without an ``and`` to end the names, only a line of several ``;`` groups (``grouped``)
    says that ``Name, Org`` is a person and where they work.
    """
    last = _last_name_part(parts)
    if last is not None:
        rest = parts[last + 1 :]
        if rest and is_organisation(rest[0]):
            return [n for part in parts[: last + 1] for n in _names(part)], True
        return [n for part in parts for n in _names(part)], False
    if grouped and len(parts) > 1 and _is_person(parts[0]) and is_organisation(parts[1]):
        return [" ".join(parts[0].split())], True
    return [n for part in parts for n in _names(part)], False


def names_without_affiliations(text: str) -> tuple[str, ...] | None:
    """The people of ``text`` when it reads as names with affiliations, else None."""
    if "," not in text or len(text) > 3000:
        return None
    if ";" not in text:  # one group: an affiliation can only follow its "and"-joined last name
        last_and = max(text.rfind(" and "), text.rfind("&"))
        if last_and < 0 or "," not in text[last_and:]:
            return None  # most author lines: settled without splitting them
    names: list[str] = []
    took = False
    groups = text.split(";")
    for group in groups:
        parts = [" ".join(p.split()).strip(" .") for p in group.split(",")]
        parts = [p for p in parts if p]
        if not parts:
            continue
        found, dropped = _group(parts, len(groups) > 1)
        names.extend(found)
        took = took or dropped
    return tuple(names) if took and names else None
