"""JSON export: exact round-trip of every state field, and one clear line for a bad file."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.models import Link, Paper, PaperState, Status, StatusChange
from papershelf.errors import UsageError
from papershelf.export.json_export import read_state_export, to_json

LUMOS = Paper(
    id="mlsys2025-lumos-1a2b",
    title="Lumos",
    venue="MLSys 2025",
    year=2025,
    authors=("Ji Zhang",),
    topics=("LLM Training",),
    links=(Link("paper", "https://mlsys.org/p/1"),),
)
READ = PaperState(
    status=Status.READ,
    starred=True,
    note="Great.\nSee §3.",
    first_triaged="2025-05-01T09:00:00Z",
    history=(
        StatusChange(Status.TO_READ, "2025-05-01T09:00:00Z"),
        StatusChange(Status.READ, "2025-05-03T18:30:00Z"),
    ),
    note_changed="2025-05-03T18:31:00Z",
    tags=("survey", "Group Meeting"),
)


def test_document_shape() -> None:
    other = Paper(id="other", title="Other", venue="V")
    doc = json.loads(to_json([LUMOS, other], {LUMOS.id: READ}, exported_at="2025-05-04T00:00:00Z"))
    assert list(doc) == ["format", "version", "exported_at", "papers"]
    assert (doc["format"], doc["version"]) == ("papershelf-export", 1)
    first, second = doc["papers"]
    assert {k: first[k] for k in LUMOS.to_json()} == LUMOS.to_json()
    assert first["status"] == "read"
    assert first["starred"] is True
    assert first["note"] == READ.note
    assert first["tags"] == ["survey", "Group Meeting"]
    assert second["tags"] == []
    assert first["status_changed"] == "2025-05-03T18:30:00Z"
    assert first["state"] == READ.to_json()
    assert second["state"] == PaperState().to_json()
    assert second["status_changed"] is None


def test_exported_at_is_omitted_when_not_given() -> None:
    assert "exported_at" not in json.loads(to_json([LUMOS], {}))


def test_round_trip_leaves_out_untouched_papers() -> None:
    other = Paper(id="other", title="Other", venue="V")
    assert read_state_export(to_json([LUMOS, other], {LUMOS.id: READ})) == {LUMOS.id: READ}


def test_history_alone_is_not_untouched() -> None:
    state = PaperState(history=(StatusChange(Status.READ, "t1"), StatusChange(Status.UNREAD, "t2")))
    assert read_state_export(to_json([LUMOS], {LUMOS.id: state})) == {LUMOS.id: state}


def test_orphans_are_kept_when_asked() -> None:
    states = {LUMOS.id: READ, "gone-1": PaperState(note="kept"), "gone-0": READ}
    doc = json.loads(to_json([LUMOS], states, include_orphans=True))
    assert [o["id"] for o in doc["orphans"]] == ["gone-0", "gone-1"]
    assert read_state_export(to_json([LUMOS], states, include_orphans=True)) == states
    assert "orphans" not in json.loads(to_json([LUMOS], states))


def test_control_and_invisible_characters_are_escaped_yet_kept() -> None:
    note = "a\x1b]52;c;AAAA\x07b\x9b2J\u202eevil\u2028x\u200b\ufeff\U000e0041é🎉"
    text = to_json([LUMOS], {LUMOS.id: PaperState(note=note)})
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u202e\u200b\ufeff\U000e0041]", text)
    assert "\\udb40\\udc41" in text
    assert "é🎉" in text
    assert read_state_export(text)[LUMOS.id].note == note


def test_lone_surrogates_survive_and_the_text_encodes() -> None:
    note = "half \ud83d of an emoji"
    text = to_json([LUMOS], {LUMOS.id: PaperState(note=note)})
    text.encode("utf-8")
    assert read_state_export(text)[LUMOS.id].note == note


def test_state_without_the_state_object_reads_flat_keys() -> None:
    doc = {
        "format": "papershelf-export",
        "version": 1,
        "papers": [
            {"id": "a", "status": "reading", "starred": True, "note": "n", "tags": ["x", "Y"]}
        ],
    }
    state = read_state_export(json.dumps(doc))["a"]
    assert (state.status, state.starred, state.note, state.history, state.tags) == (
        Status.READING,
        True,
        "n",
        (),
        ("x", "Y"),
    )


def test_tags_alone_make_a_state_worth_restoring() -> None:
    tagged = PaperState(tags=("later",))
    assert read_state_export(to_json([LUMOS], {LUMOS.id: tagged})) == {LUMOS.id: tagged}


def _doc(**paper: Any) -> str:
    entry: dict[str, Any] = {"id": "a", "state": READ.to_json()}
    entry.update(paper)
    return json.dumps({"format": "papershelf-export", "version": 1, "papers": [entry]})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty file"),  # as `import` says it
        ('{"format": "papershelf-export",\n "version": 1,\n "papers": [', "line 3 column"),
        ("[]", "not a papershelf export"),
        ('{"format": "other"}', "not a papershelf export"),
        ('{"format": "papershelf-export"}', "'version' must be a positive integer"),
        ('{"format": "papershelf-export", "version": true}', "'version' must be a positive"),
        ('{"format": "papershelf-export", "version": 2}', "newer papershelf (export version 2"),
        ('{"format": "papershelf-export", "version": 1, "papers": {}}', "'papers' must be a list"),
        ('{"format": "papershelf-export", "version": 1, "papers": [3]}', "papers[0]: expected"),
        ('{"format": "papershelf-export", "version": 1, "papers": [{}]}', "'id' must be"),
        (_doc(state={**READ.to_json(), "status": "done"}), "status 'done' is not one of"),
        (_doc(state={**READ.to_json(), "starred": "yes"}), "'starred' must be true or false"),
        (_doc(state={**READ.to_json(), "note": 5}), "'note' must be a string"),
        (_doc(state={**READ.to_json(), "history": {}}), "'history' must be a list"),
        (_doc(state={**READ.to_json(), "history": [{"status": "read"}]}), "history[0]"),
        (_doc(state={**READ.to_json(), "note_changed": 1}), "'note_changed' must be a string"),
        (_doc(state={**READ.to_json(), "tags": "survey"}), "'tags' must be a list of strings"),
        (_doc(state={**READ.to_json(), "tags": [1]}), "'tags' must be a list of strings"),
        (_doc(tags=["other"]), "'tags' is ['other'] but 'state' says"),
        (_doc(state="read"), "'state' must be an object"),
        (_doc(status="unread"), "'status' is 'unread' but 'state' says 'read'"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_malformed_files_give_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        read_state_export(text, source="backup.json")
    line = str(caught.value)
    assert line.startswith("backup.json: ")
    assert message in line
    assert "\n" not in line


def test_repeated_id_is_refused() -> None:
    text = to_json([LUMOS, LUMOS], {LUMOS.id: READ})
    with pytest.raises(UsageError, match=r"papers\[1\]: id mlsys2025-lumos-1a2b appears twice"):
        read_state_export(text)


def test_long_bad_values_are_shortened() -> None:
    with pytest.raises(UsageError) as caught:
        read_state_export(_doc(state={**READ.to_json(), "status": "x" * 500}))
    assert len(str(caught.value)) < 200


timestamps = st.one_of(st.none(), st.text(max_size=25))
states_strategy = st.builds(
    PaperState,
    status=st.sampled_from(list(Status)),
    starred=st.booleans(),
    note=st.text(max_size=200),
    first_triaged=timestamps,
    history=st.lists(
        st.builds(StatusChange, st.sampled_from(list(Status)), st.text(max_size=25)), max_size=6
    ).map(tuple),
    note_changed=timestamps,
    tags=st.lists(st.text(min_size=1, max_size=12), max_size=3).map(tuple),
)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1, max_size=20), states_strategy, max_size=6),
    st.integers(min_value=0, max_value=6),
)
def test_any_states_round_trip(states: dict[str, PaperState], listed: int) -> None:
    ids = sorted(states)
    papers = [Paper(id=pid, title=f"T {pid}", venue="V") for pid in ids[:listed]]
    text = to_json(papers, states, include_orphans=True)
    raw = {unicodedata.category(c) for c in text.replace("\n", "")}
    assert not raw & {"Cc", "Cf", "Cs", "Zl", "Zp"}
    expected = {pid: state for pid, state in states.items() if state != PaperState()}
    assert read_state_export(text) == expected


def test_year_too_big_for_a_machine_integer_still_exports() -> None:
    huge = Paper(id="h", title="T", venue="V", year=10**30)
    assert json.loads(to_json([huge], {}))["papers"][0]["year"] == 10**30


def test_every_invisible_code_point_is_escaped() -> None:
    invisible = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    # Surrogates apart: a lone high one next to a lone low one reads back as one character.
    chars = "".join(
        chr(cp) for cp in range(0x110000) if unicodedata.category(chr(cp)) in invisible - {"Cs"}
    )
    chars += "\ud800 \udfff"
    text = to_json([LUMOS], {LUMOS.id: PaperState(note=chars)})
    assert not {unicodedata.category(c) for c in text.replace("\n", "")} & invisible
    assert read_state_export(text)[LUMOS.id].note == chars
