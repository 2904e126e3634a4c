"""Neutralising text from outside (lists, notes) so it can never drive the terminal."""

from __future__ import annotations

import re
import unicodedata

# Whole escape sequences go first, so their parameters ("[31m", "]52;c;...") do not survive
# as visible junk once the ESC byte itself is removed. Unterminated strings stop at a newline
# so a broken sequence in a note cannot swallow the rest of the note.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI (colours, cursor moves, clear screen)
    r"|\x1b\][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC (title, hyperlinks, OSC 52 clipboard)
    r"|\x1b[PX^_][^\x1b\x9c\n]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # any other ESC sequence, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit string controls
)

# C0/C1 controls and DEL, then every format character (Unicode category Cf: bidi embeddings,
# overrides and isolates, zero-width space/joiners, BOM, soft hyphen, ...), then lone
# surrogates. The test suite checks this table against unicodedata for every code point.
_FORMAT_CHARS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_INVISIBLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_FORMAT_CHARS}\ud800-\udfff]")
_NEEDS_WORK = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_FORMAT_CHARS}\ud800-\udfff]")
# With ``multiline`` tabs and newlines stay as they are: only the rest needs work.
_NEEDS_WORK_MULTILINE = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_FORMAT_CHARS}\ud800-\udfff]"
)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_WHITESPACE_CONTROLS = re.compile(r"[\t\n\r\x0b\x0c\u2028\u2029\x85]")


def sanitize(text: str, *, multiline: bool = False) -> str:
    """Remove escape sequences, controls, bidi overrides and zero-width characters.

    With ``multiline`` newlines and tabs stay (CR and Unicode line separators become
    newlines); without it every line break and tab becomes a space, so a one-line field
    stays one line. Printable text is returned unchanged.
    """
    if text.isprintable():  # nothing the patterns below find is printable (Cc, Cf, Cs, Zl, Zp)
        return text
    if multiline and text.replace("\n", "").replace("\t", "").isprintable():
        return text  # a whole list: lines and tabs, nothing else (quicker than the search)
    if (_NEEDS_WORK_MULTILINE if multiline else _NEEDS_WORK).search(text) is None:
        return text
    text = _LINE_BREAKS.sub("\n", text) if multiline else _WHITESPACE_CONTROLS.sub(" ", text)
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _INVISIBLE.sub("", text)


_NOTE_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CRLF = re.compile("\r\n?")


def plural(count: int, word: str = "change") -> str:
    """``1 paper``, ``2 papers``, ``0 copies``: a count the CLI and the app print alike."""
    many = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return f"1 {word}" if count == 1 else f"{count} {many}"


def clean_note(text: str) -> str:
    """A note as papershelf stores it: newlines as LF, no NUL, escape or other control.

    Tabs and newlines stay; CR LF and a lone CR become LF; escape sequences go whole, then
    every other C0 or C1 control (NUL from pasted binary data, DEL). Unlike ``sanitize``,
    format characters stay: they are part of what was written (emoji joiners, bidi text) and
    the display neutralises them. Cleaned on the way in, so app, CLI and exports agree.
    """
    if text.isascii() and text.isprintable():
        return text
    text = _ESCAPE_SEQUENCE.sub("", _CRLF.sub("\n", text))
    return _NOTE_CONTROLS.sub("", text)


_NOT_ALNUM = re.compile(r"[\W_]+")  # everything ``str.isalnum`` is not


def alnum_key(text: str) -> str:
    """``text`` with case, spacing and punctuation folded away.

    One key for a name however a list spells it (``DistVS:``, ``distvs``; ``All papers``).
    """
    return _NOT_ALNUM.sub("", text.casefold())


def one_line(text: str) -> str:
    """Sanitised, with runs of whitespace collapsed to one space and the ends trimmed."""
    return " ".join(sanitize(text).split())


class _NoCombining(dict[int, int | None]):
    """``str.translate`` table that drops combining marks, filled in as characters are met."""

    def __missing__(self, codepoint: int) -> int | None:
        kept = None if unicodedata.combining(chr(codepoint)) else codepoint
        self[codepoint] = kept
        return kept


_NO_COMBINING = _NoCombining()


def fold(text: str) -> str:
    """Case- and accent-insensitive form used on both sides of a search."""
    folded = text.casefold()
    if folded.isascii():  # most text: ASCII has nothing to decompose (and is 10x faster)
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return decomposed if decomposed.isascii() else decomposed.translate(_NO_COMBINING)
