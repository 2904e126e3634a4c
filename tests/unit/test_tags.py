"""Tags of the reader's own: cleaning, pure ops, counts, the undo log and schema 3."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papershelf.domain.filtering import PaperFilter, SearchIndex, filter_papers
from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status
from papershelf.domain.state_ops import with_status, with_tags_added, with_tags_removed
from papershelf.domain.tags import (
    MAX_TAG_LENGTH,
    TagCount,
    clean_tag,
    has_tags,
    spelled_as_known,
    tag_counts,
    unique_tags,
)
from papershelf.errors import UsageError
from papershelf.services.commands import AddTags, RemoveTags, command_from_json
from papershelf.services.library import Library
from papershelf.storage.change_record import state_to_json
from papershelf.storage.deltas import apply_delta, delta_problems, state_delta
from papershelf.storage.schema import SCHEMA, CorruptError, load_document
from papershelf.storage.state_store import StateStore

AT = "2026-11-25T09:00:00Z"
SCHEMA2 = Path(__file__).parent.parent / "data" / "libraries" / "schema2.json"
ALPHA = "osdi2024-alpha-labelled-links-14c6"
ETA = "eurosys2025-eta-under-a-venue-heading-4a26"


def _store(folder: Path) -> StateStore:
    return StateStore(
        folder / "library.json",
        lock_path=folder / "library.json.lock",
        backups_dir=folder / "backups",
        clock=lambda: AT,
    )


# cleaning ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  survey ", "survey"),
        ("group\nmeeting", "group meeting"),
        ("a,b", "a b"),
        ("re\x1b[31mread", "reread"),
        ("tab\there", "tab here"),
        ("Für  später", "Für später"),
        ("#hashy", "hashy"),  # typed as tags are shown
        ("## two words", "two words"),
        ("c#", "c#"),
    ],
)
def test_tags_are_cleaned_to_one_trimmed_line(raw: str, clean: str) -> None:
    assert clean_tag(raw) == clean


@pytest.mark.parametrize("raw", ["", "   ", ",", "\n\t", "\x00", "#", "x" * (MAX_TAG_LENGTH + 1)])
def test_empty_or_overlong_tags_are_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="tag"):
        clean_tag(raw)


def test_a_tag_of_the_longest_length_is_kept() -> None:
    assert clean_tag("x" * MAX_TAG_LENGTH) == "x" * MAX_TAG_LENGTH


def test_unique_tags_keep_the_first_spelling_and_order() -> None:
    assert unique_tags(["Survey", "reread", "survey", "SURVEY", "Reread"]) == ("Survey", "reread")


def test_new_tags_take_the_spelling_the_library_already_has() -> None:
    assert spelled_as_known(["SURVEY", "new"], ["Survey", "old"]) == ("Survey", "new")


# pure ops ------------------------------------------------------------------------------------
def test_adding_keeps_order_and_ignores_case_repeats() -> None:
    state = with_tags_added(DEFAULT_STATE, ["Survey", "reread"])
    assert state.tags == ("Survey", "reread")
    more = with_tags_added(state, ["SURVEY", "group meeting", "Group Meeting"])
    assert more.tags == ("Survey", "reread", "group meeting")
    assert not more.is_default


def test_adding_tags_a_paper_has_is_the_same_object() -> None:
    state = with_tags_added(DEFAULT_STATE, ["a", "b"])
    assert with_tags_added(state, ["A", "b"]) is state
    assert with_tags_added(state, []) is state


def test_removing_is_case_insensitive_and_a_no_op_returns_the_same_object() -> None:
    state = with_tags_added(DEFAULT_STATE, ["Survey", "reread", "later"])
    assert with_tags_removed(state, ["SURVEY", "later"]).tags == ("reread",)
    assert with_tags_removed(state, ["absent"]) is state
    assert with_tags_removed(with_tags_removed(state, ["survey", "reread", "later"]), []).is_default


def test_has_tags_needs_every_tag_in_any_case() -> None:
    state = PaperState(tags=("Survey", "reread"))
    assert has_tags(state, ["survey"])
    assert has_tags(state, ["REREAD", "survey"])
    assert not has_tags(state, ["survey", "later"])
    assert has_tags(state, [])


def test_counts_merge_case_and_count_read_papers() -> None:
    papers = [
        Paper("a", "A", "V 2025"),
        Paper("b", "B", "V 2025"),
        Paper("c", "C", "V 2025"),
        Paper("w", "W", "V 2025", withdrawn=True),
    ]
    states = {
        "a": PaperState(status=Status.READ, tags=("Survey",)),
        "b": PaperState(tags=("survey", "later")),
        "w": PaperState(tags=("gone",)),
        "orphan": PaperState(tags=("lost",)),
    }
    assert tag_counts(papers, states) == [TagCount("later", 1, 0), TagCount("Survey", 2, 1)]


# storage -------------------------------------------------------------------------------------
def test_tags_are_stored_only_when_a_paper_has_some() -> None:
    assert "tags" not in state_to_json(PaperState(status=Status.READ))
    assert state_to_json(PaperState(tags=("a", "B")))["tags"] == ["a", "B"]
    assert PaperState.from_json(state_to_json(PaperState(tags=("a", "B")))).tags == ("a", "B")


def test_a_tag_delta_is_two_lists_and_checks_clean() -> None:
    before = PaperState(status=Status.READ, tags=("a",))
    after = with_tags_added(before, ["b"])
    delta = state_delta(before, after)
    assert delta == {"set": {"tags": [["a"], ["a", "b"]]}}
    assert delta_problems("d", delta) == []
    assert apply_delta(before, delta) == after
    assert apply_delta(after, delta, reverse=True) == before
    assert delta_problems("d", {"set": {"tags": [["a"], [3]]}}) != []
    assert delta_problems("d", {"set": {"tags": ["a", "b"]}}) != []


def test_a_state_whose_tags_are_not_text_is_corrupt() -> None:
    with pytest.raises(CorruptError, match="'tags' is not a list of text"):
        load_document(orjson.dumps({"schema": SCHEMA, "states": {"p": {"tags": [1]}}}))


def test_undo_and_redo_of_tag_changes_restore_exactly(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.update(["p", "q"], lambda _p, s: with_status(s, Status.READ, AT), label="mark read")
    store.update(["p", "q"], lambda _p, s: with_tags_added(s, ["Survey", "x"]), label="tag")
    after_tag = dict(store.states())
    store.update(["p"], lambda _p, s: with_tags_removed(s, ["survey"]), label="untag")
    assert store.get("p").tags == ("x",)
    assert store.get("q").tags == ("Survey", "x")
    assert store.undo() is not None
    assert dict(store.states()) == after_tag
    assert store.undo() is not None
    assert store.get("p") == store.get("q") == with_status(DEFAULT_STATE, Status.READ, AT)
    fresh = _store(tmp_path)  # the log on disk, not the cache
    assert fresh.redo() is not None and fresh.redo() is not None
    assert fresh.get("p").tags == ("x",)
    assert fresh.get("q").tags == ("Survey", "x")
    assert fresh.undo() is not None and fresh.undo() is not None and fresh.undo() is not None
    assert dict(fresh.states()) == {}


tag_names = st.sampled_from(["a", "A", "b", "Survey", "survey", "group meeting"])
steps = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.lists(tag_names, max_size=3)),
        st.tuples(st.just("remove"), st.lists(tag_names, max_size=3)),
        st.tuples(st.just("read"), st.just([])),
    ),
    max_size=12,
)


def _adding(tags: list[str]) -> Callable[[str, PaperState], PaperState]:
    return lambda _p, s: with_tags_added(s, tags)


def _removing(tags: list[str]) -> Callable[[str, PaperState], PaperState]:
    return lambda _p, s: with_tags_removed(s, tags)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_any_tag_sequence_undoes_to_each_earlier_state_and_redoes_back(
    sequence: list[tuple[str, list[str]]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = _store(Path(folder))
        seen = [store.get("p")]
        for kind, tags in sequence:
            if kind == "add":
                store.update(["p"], _adding(tags), label="tag")
            elif kind == "remove":
                store.update(["p"], _removing(tags), label="untag")
            else:
                store.update(["p"], lambda _p, s: with_status(s, Status.READ, AT), label="read")
            if store.get("p") != seen[-1]:
                seen.append(store.get("p"))
        assert len({tag.casefold() for tag in seen[-1].tags}) == len(seen[-1].tags)
        reopened = _store(Path(folder))
        for expected in reversed(seen[:-1]):
            assert reopened.undo() is not None
            assert reopened.get("p") == expected
        assert reopened.undo() is None
        for expected in seen[1:]:
            assert reopened.redo() is not None
            assert reopened.get("p") == expected


# schema 3 ------------------------------------------------------------------------------------
def test_a_schema_2_file_written_by_the_previous_version_loads_as_it_was() -> None:
    raw = SCHEMA2.read_bytes()
    assert orjson.loads(raw)["schema"] == 2
    tables, found = load_document(raw)
    assert found == 2
    assert SCHEMA >= 3
    alpha = PaperState.from_json(tables["states"][ALPHA])
    assert alpha.status is Status.READ and alpha.starred and alpha.note == "good paper\nsecond line"
    assert alpha.tags == ()
    assert sorted(tables["undo"]) == [f"0000000{i}" for i in range(1, 6)]
    assert list(tables["redo"]) == ["00000006"]


def test_a_schema_2_library_migrates_on_first_write_with_a_backup_and_keeps_its_log(
    tmp_path: Path,
) -> None:
    shutil.copy(SCHEMA2, tmp_path / "library.json")
    store = _store(tmp_path)
    assert store.get(ALPHA).note == "good paper\nsecond line"
    assert store.update([ALPHA], lambda _p, s: with_tags_added(s, ["survey"]), label="tag")
    disk = orjson.loads((tmp_path / "library.json").read_bytes())
    assert disk["schema"] == SCHEMA
    assert disk["states"][ALPHA]["tags"] == ["survey"]
    backups = store.backups.paths()
    assert [p.name.endswith("-schema2.json") for p in backups] == [True]
    assert backups[0].read_bytes() == SCHEMA2.read_bytes()
    # The old log still undoes: the tag, then the note appended before the migration.
    assert store.undo() is not None
    assert store.get(ALPHA).tags == ()
    assert store.undo() is not None
    assert store.get(ALPHA).note == "good paper"
    # The redo log written by schema 2 was dropped by the new change, as any redo log is.
    assert store.redo() is not None
    assert store.get(ALPHA).note == "good paper\nsecond line"


def test_a_schema_2_redo_log_still_redoes_after_migration(tmp_path: Path) -> None:
    shutil.copy(SCHEMA2, tmp_path / "library.json")
    store = _store(tmp_path)
    assert store.get(ETA) == DEFAULT_STATE
    record = store.redo()
    assert record is not None and record.label == "mark reading"
    assert store.get(ETA).status is Status.READING
    assert orjson.loads((tmp_path / "library.json").read_bytes())["schema"] == SCHEMA


def test_a_schema_1_file_migrates_through_2_to_3() -> None:
    v1 = {
        "schema": 1,
        "states": {"p": {"status": "read"}},
        "undo": {
            "00000001": {
                "seq": 1,
                "label": "mark read",
                "at": AT,
                "before": {"p": {}},
                "after": {"p": {"status": "read"}},
            }
        },
        "redo": {},
        "meta": {},
    }
    tables, found = load_document(orjson.dumps(v1))
    assert found == 1
    assert tables["undo"]["00000001"]["changes"]["p"] == {"set": {"status": ["unread", "read"]}}


# library, commands ---------------------------------------------------------------------------
def test_library_tags_papers_and_counts_them(library: Library) -> None:
    first, second, third = (p.id for p in library.papers()[:3])
    library.set_status([first], Status.READ)
    change = library.add_tags([first, second], ["Survey", "group meeting"])
    assert change.label == "tag Survey, group meeting"
    assert library.state(first).tags == ("Survey", "group meeting")
    library.add_tags([third], ["SURVEY"])  # the library's spelling wins
    assert library.state(third).tags == ("Survey",)
    assert library.tags() == [TagCount("group meeting", 2, 1), TagCount("Survey", 3, 1)]
    library.remove_tags([first, third], ["survey"])
    assert library.state(first).tags == ("group meeting",)
    assert library.state(third) == DEFAULT_STATE
    assert library.undo() is not None
    assert library.state(third).tags == ("Survey",)
    assert library.state(first).tags == ("Survey", "group meeting")


@pytest.mark.parametrize("tags", [[], [""], [" , "], ["x" * 41]])
def test_library_refuses_unusable_tags(library: Library, tags: list[str]) -> None:
    pid = library.papers()[0].id
    with pytest.raises(UsageError):
        library.add_tags([pid], tags)
    assert library.state(pid) == DEFAULT_STATE


def test_import_state_cleans_tags(library: Library) -> None:
    pid = library.papers()[0].id
    library.replace_states({pid: PaperState(tags=("a,b", "A b", " ", "\x07c", "y" * 50))})
    assert library.state(pid).tags == ("a b", "c", "y" * MAX_TAG_LENGTH)


def test_tag_commands_preview_run_and_survive_the_pending_file(library: Library) -> None:
    pid = library.papers()[0].id
    add = AddTags((pid,), (" survey ", "Later"))
    assert add.tags == ("survey", "Later")
    assert add.retried and RemoveTags.retried
    assert add.preview(DEFAULT_STATE, AT).tags == ("survey", "Later")
    outcome = add.run(library)
    assert outcome.change is not None and outcome.change.paper_ids == (pid,)
    remove = RemoveTags((pid,), ("LATER",))
    assert remove.preview(library.state(pid), AT).tags == ("survey",)
    remove.run(library)
    assert library.state(pid).tags == ("survey",)
    for command in (add, remove):
        assert command_from_json(command.to_json()) == command
    with pytest.raises(ValueError):
        command_from_json({"kind": "add-tags", "ids": [pid], "tags": "survey"})
    with pytest.raises(ValueError):
        command_from_json({"kind": "remove-tags", "ids": [pid], "tags": [""]})
    with pytest.raises(ValueError):
        AddTags((pid,), ())


# filtering and search ------------------------------------------------------------------------
TAGGED = [
    Paper("a", "Alpha", "V 2025"),
    Paper("b", "Beta", "V 2025"),
    Paper("c", "Gamma", "V 2025"),
]


def test_a_tag_filter_needs_every_tag_in_any_case() -> None:
    states = {
        "a": PaperState(tags=("Survey", "reread")),
        "b": PaperState(tags=("survey",)),
    }
    ids = [p.id for p in filter_papers(TAGGED, states, PaperFilter(tags=("SURVEY",)))]
    assert ids == ["a", "b"]
    both = PaperFilter(tags=("survey", "Reread"))
    assert [p.id for p in filter_papers(TAGGED, states, both)] == ["a"]
    assert both.describe() == "tags: survey, Reread"
    assert len(filter_papers(TAGGED, states, PaperFilter())) == 3


def test_search_finds_tags_and_one_paper_updates_cheaply() -> None:
    states = {"a": PaperState(tags=("Group Meeting",), note="first note")}
    index = SearchIndex.build(TAGGED, states)
    assert index.search("group meeting") == [0]
    assert index.search("first") == [0]
    index.update_tags("b", ["Survey"])
    index.update_note("b", "b's note")
    assert index.search("survey") == [1]
    index.update_tags("b", [])
    assert index.search("survey") == []
    assert index.search("note") == [0, 1]  # the note survived the tag change
    index.update_state("a", PaperState(tags=("later",)))
    assert index.search("group") == [] and index.search("first") == []
    assert index.search("later") == [0]
    index.update_note("a", "again")
    assert index.search("later again") == [0]
    index.update_tags("missing", ["x"])  # not in the catalog: nothing to do
    fresh = SearchIndex.build(TAGGED, {"a": PaperState(tags=("later",), note="again")})
    assert index.haystacks[0] == fresh.haystacks[0]


def test_a_tag_count_unpacks_as_tag_papers_read() -> None:
    tag, count, read = TagCount("survey", 3, 1)
    assert (tag, count, read) == ("survey", 3, 1)
