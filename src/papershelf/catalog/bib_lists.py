"""A fenced block of BibTeX entries kept as a list's papers: one paper per entry.

A bibliography pasted into a list (```` ```bibtex ```` then ``@inproceedings{...}``,
``@article{...}``) holds its papers as fields. Each entry becomes the reference a reader sees
in it, a bullet on the line the entry opens (the block's other lines left blank, so every
line keeps its number): ``- Ashish Vaswani, Noam Shazeer. "Attention is all you need."
Advances in neural information processing systems, 2017. [link](url)``; the general
reader reads it as it reads a written-out reference. A block of one entry stays what it
was, the venue of the paper it is kept beside (``bib_blocks``).
"""

from __future__ import annotations

import logging
import re

_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_LATEX_BRACES = re.compile(r"[{}]")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|!])")
_MIN_ENTRIES = 2


def may_hold(text: str) -> bool:
    """Cheap: whether ``text`` may hold a fenced block opening with an ``@`` entry."""
    return "@" in text and ("```" in text or "~~~" in text)


def bib_lists(text: str) -> str:
    """``text`` with each fenced block of two or more BibTeX entries written as bullets."""
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        opening = _FENCE.match(lines[at])
        if opening is None:
            at += 1
            continue
        fence = opening.group(1)
        close = at + 1
        while close < len(lines) and not lines[close].strip().startswith(fence):
            close += 1
        body = lines[at + 1 : close]
        if body and "".join(body).lstrip()[:1] == "@":
            bullets = _bullets(body)
            if bullets is not None:
                lines[at] = ""
                lines[at + 1 : close] = bullets
                if close < len(lines):
                    lines[close] = ""
        at = close + 1
    return "\n".join(lines)


def _bullets(body: list[str]) -> list[str] | None:
    """The block's lines, each entry a bullet on its first line; None for fewer entries."""
    from bibtexparser.entrypoint import parse_string  # only lists that keep BibTeX need it

    quiet = logging.getLogger("bibtexparser")
    was = quiet.disabled
    quiet.disabled = True  # an entry it cannot read is left out here, not told on stderr
    try:
        entries = parse_string("\n".join(body)).entries
    except Exception:  # not BibTeX after all: the block stays as written
        return None
    finally:
        quiet.disabled = was
    if len(entries) < _MIN_ENTRIES:
        return None
    out = [""] * len(body)
    for entry in entries:
        start = entry.start_line
        if start is not None and 0 <= start < len(out):
            fields = {key.casefold(): _plain(value) for key, value in entry.fields_dict.items()}
            out[start] = _reference(fields, entry.key)
    return out


def _plain(field: object) -> str:
    value = getattr(field, "value", "")
    return " ".join(_LATEX_BRACES.sub("", value if isinstance(value, str) else "").split())


def _reference(fields: dict[str, str], key: str) -> str:
    """The bullet a reader writes for an entry; its key alone when it has no title."""
    title = fields.get("title", "")
    if not title:
        return f"- {_escaped(key)}"  # no paper to read: a skip, with its line
    names = ", ".join(_given_first(name) for name in fields.get("author", "").split(" and "))
    names = names.replace(", et al", " et al")  # "..., Noam Shazeer et al", as a byline reads
    venue = fields.get("booktitle") or fields.get("journal") or ""
    if not venue and "arxiv" in fields.get("archiveprefix", "").casefold():
        venue = "arXiv"
    parts = [f"{names}." if names else "", f'"{_escaped(title)}."']
    parts.append(", ".join(p for p in (_escaped(venue), fields.get("year", "")) if p) + ".")
    url = fields.get("url") or (f"https://doi.org/{fields['doi']}" if fields.get("doi") else "")
    if not url and "arxiv" in fields.get("archiveprefix", "").casefold() and fields.get("eprint"):
        url = f"https://arxiv.org/abs/{fields['eprint']}"
    if url.startswith(("https://", "http://")) and " " not in url:
        parts.append(f"[link](<{url}>)")
    return "- " + " ".join(p for p in parts if p and p != ".")


def _given_first(name: str) -> str:
    """``Vaswani, Ashish`` -> ``Ashish Vaswani``; ``others`` -> ``et al``."""
    name = name.strip()
    if name.casefold() == "others":
        return "et al"
    family, comma, given = name.partition(",")
    return _escaped(f"{given.strip()} {family.strip()}" if comma else name)


def _escaped(text: str) -> str:
    """Text that markdown shows as written: its marks escaped, its quotes single."""
    return _MARKDOWN.sub(r"\\\1", text.replace('"', "'"))
