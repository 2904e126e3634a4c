"""What a tag change reports follows the write: only tags that change a paper are named."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.domain.models import PaperState
from papershelf.domain.state_ops import tags_changed, with_tags_added, with_tags_removed
from papershelf.domain.tags import tag_key, unique_tags

tags = st.lists(st.sampled_from(["a", "A", "b", "survey", "Survey", "x"]), max_size=4)


def test_removing_a_tag_the_paper_lacks_changes_nothing() -> None:
    state = PaperState(tags=("group",))
    assert tags_changed([state], (), ("nothere", "GROUP")) == ((), ("GROUP",))
    assert tags_changed([state], ("Group", "new"), ()) == (("new",), ())


def test_a_tag_counts_when_it_changes_any_one_of_the_papers() -> None:
    states = [PaperState(tags=("x",)), PaperState()]
    assert tags_changed(states, ("x",), ("x",)) == (("x",), ("x",))
    assert tags_changed(states[1:], (), ("x",)) == ((), ())


@given(st.lists(tags.map(lambda t: PaperState(tags=unique_tags(t))), max_size=3), tags, tags)
def test_the_report_names_a_tag_exactly_when_the_write_changes_something(
    states: list[PaperState], add: list[str], remove: list[str]
) -> None:
    add, remove = list(unique_tags(add)), list(unique_tags(remove))
    added, removed = tags_changed(states, add, remove)
    after_add = [with_tags_added(s, add) for s in states]
    assert [with_tags_added(s, added) for s in states] == after_add
    assert [with_tags_removed(s, removed) for s in after_add] == [
        with_tags_removed(s, remove) for s in after_add
    ]
    for tag in added:
        assert any(tag_key(tag) not in {tag_key(t) for t in s.tags} for s in states)
    for tag in removed:
        assert any(tag_key(tag) in {tag_key(t) for t in s.tags} for s in after_add)
