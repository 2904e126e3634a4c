"""Malformed addresses anywhere in an entry: the entry is read or skipped, never a crash.

``urlsplit`` raises for an unbalanced ``[`` or ``]`` in a host (``https://www.[host/``), as a
typo or a careless edit leaves it; an HTML anchor with one stopped a whole import with
"unexpected error".
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.errors import ListError

KEPT = "- [Kept Paper Title](https://example.org/kept) OSDI 2020\n"

BAD = ["https://www.[host.org/p", "https://host]/p", "http://[::1/p", "https://h.org:abc/p"]

PLACES = {
    "markdown link": "- [A Paper About Things]({url}) OSDI 2021\n",
    "HTML anchor": '- <a href="{url}" target="_blank">A Paper About Things</a>\n',
    "HTML table": "<table><tr><td><a href='{url}'>A Paper About Things</a></td></tr></table>\n",
    "badge": "- [A Paper About Things](https://example.org/a) ![OSDI]({url}shields.io/b/x)\n",
    "image": "- ![A Paper About Things]({url})\n",
    "bare address": "- A Paper About Things, {url} OSDI 2021\n",
    "table row": "| Title | Link |\n|---|---|\n| A Paper About Things | [pdf]({url}) |\n",
    "reference": "- [A Paper About Things][r]\n\n[r]: {url}\n",
}


@pytest.mark.parametrize("url", BAD)
@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_malformed_address_leaves_the_rest_of_the_list_read(place: str, url: str) -> None:
    text = "# A list\n\n" + KEPT + "\n" + PLACES[place].format(url=url)
    titles = [p.title for p in parse_list(text, source="x.md").papers]
    assert titles[0] == "Kept Paper Title"


@given(
    st.text(alphabet="[]:/.@#?%abc019 ", min_size=1, max_size=30),
    st.sampled_from(sorted(PLACES)),
)
def test_any_address_in_any_place_is_no_crash(noise: str, place: str) -> None:
    text = "# A list\n\n" + KEPT + "\n" + PLACES[place].format(url="https://" + noise)
    try:
        papers = parse_list(text, source="x.md").papers
    except ListError:  # a list error is a clear message: the crash was anything else
        return
    assert papers and papers[0].title == "Kept Paper Title"


def test_a_badge_with_a_malformed_address_shows_its_alt_text() -> None:
    # markdown escapes "[" in an image's address; a caller with a raw address must not crash
    from papershelf.catalog.spans import badge_label

    assert badge_label("https://img.[shields.io/badge/OSDI-2020-blue", " OSDI ") == "OSDI"
