"""The app's immediate view of a tag change is the Library's write: one spelling rule for both."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.domain.models import PaperState
from papershelf.domain.tags import MAX_TAG_LENGTH, tag_key, tags_to_write
from papershelf.services.commands import AddTags, RemoveTags
from papershelf.services.tagging import tag_change

words = st.text(st.sampled_from("aAbBsSßẞ ,-\t"), min_size=1, max_size=8).filter(
    lambda t: t.replace(",", " ").strip()
)


def test_a_tag_typed_in_another_case_takes_the_known_spelling() -> None:
    assert tags_to_write(["SURVEY", " new "], ["Reread", "survey"]) == ("survey", "new")


def test_an_unusable_tag_is_refused() -> None:
    with pytest.raises(ValueError, match="longer than"):
        tags_to_write(["ok1", "y" * (MAX_TAG_LENGTH + 5)], [])


@given(st.lists(words, min_size=1, max_size=4), st.lists(words, max_size=4))
def test_the_preview_of_a_tag_change_is_what_the_library_writes(
    typed: list[str], known: list[str]
) -> None:
    """``AddTags``/``RemoveTags`` made from ``tags_to_write`` preview the Library's change."""
    start = PaperState(tags=tags_to_write(known, []))
    for command, add in ((AddTags, True), (RemoveTags, False)):
        previewed = command(("p",), tags_to_write(typed, known)).preview(start, "")
        _, change = tag_change(typed, known, add=add)
        assert previewed == change("p", start)
        assert len({tag_key(t) for t in previewed.tags}) == len(previewed.tags)
