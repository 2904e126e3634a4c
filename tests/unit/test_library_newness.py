"""What imports add and forgets take away: joined/left figures, ``new``, orphans, prefixes."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papershelf.domain.clock import to_second
from papershelf.domain.models import PaperState, Status
from papershelf.errors import ListError, UsageError
from papershelf.paths import Paths
from papershelf.services import import_use_cases
from papershelf.services.counting import count_papers
from papershelf.services.library import Library
from papershelf.services.newness import parse_since
from papershelf.services.orphans import UNKNOWN_TITLE
from papershelf.storage.index_shape import index_problem
from papershelf.storage.list_record import Addition
from tests.conftest import corpus_file

A03 = "A03_inpluslab_Systems-for-Foundation-Models_README"
A04 = "A04_inpluslab_Systems-for-Foundation-Models_README"


def _ids(library: Library) -> set[str]:
    return set(library.catalog.by_id)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Import times one minute apart (two imports in one second would be one import)."""
    times = (f"2026-01-0{d}T10:00:00Z" for d in itertools.count(1))
    used: list[str] = []

    def now() -> str:
        used.append(next(times))
        return used[-1]

    monkeypatch.setattr(import_use_cases, "now_exact", now)
    return used


def test_import_and_forget_count_the_papers_that_truly_join_and_leave(library: Library) -> None:
    start = _ids(library)
    [a03] = library.import_lists([corpus_file("A03")])
    after_a03 = _ids(library)
    assert a03.joined == len(after_a03 - start) == 111
    [a04] = library.import_lists([corpus_file("A04")])
    after_a04 = _ids(library)
    # A04 shares 38 papers with A03 (36 by id, two under another spelling or venue): 11 join.
    assert a04.joined == len(after_a04 - after_a03) == 11 and a04.left == 0
    a03_members = library.catalog.members[A03]
    done = library.forget("a03")  # a unique start of the name, in any case
    after = _ids(library)
    assert done.info.name == A03
    # The old message said 111 papers left; those A04 holds too stay.
    assert done.left.papers + done.left.withdrawn == len(after_a04 - after) == 73
    assert done.stayed.papers + done.stayed.withdrawn == len(set(a03_members) & after) == 38
    assert done.orphaned == 0


def test_forget_by_prefix_names_the_candidates_when_ambiguous(library: Library) -> None:
    library.import_lists([corpus_file("A03"), corpus_file("A04")])
    with pytest.raises(UsageError, match=f"'a0' is ambiguous: {A03}, {A04}") as caught:
        library.forget("a0")
    assert caught.value.exit_code == 2
    with pytest.raises(UsageError, match="no list 'zz'"):
        library.forget("zz")
    assert library.forget("MLSYS").info.name == "mlsys-2025"  # whole name, other case


def test_new_is_the_last_import_or_everything_since_a_date(
    library: Library, clock: list[str]
) -> None:
    assert library.new_papers().papers == [] and library.new_papers().at is None
    library.import_lists([corpus_file("B12")])
    b12 = _ids(library)
    library.import_lists([corpus_file("B13"), corpus_file("B28")])  # one import, two lists
    last = library.new_papers()
    assert last.at == clock[-1]
    assert {p.id for p in last.papers} == _ids(library) - b12
    # B28's 45 entries are 44 bundled papers (one paper from many lists): it adds none.
    assert set(last.lists.values()) == {"B13_mental2008_asplos-2025"}
    since_all = library.new_papers(parse_since("2026-01-01"))
    assert len(since_all.papers) == 26 + len(last.papers)
    assert library.new_papers(parse_since("2026-01-02T00:00:00Z")).papers == last.papers
    assert library.new_papers(parse_since("2027-01-01")).papers == []
    # A re-import that adds nothing leaves "new" as it was.
    library.import_lists([corpus_file("B12")])
    assert library.new_papers().papers == last.papers


def test_parse_since_takes_dates_and_iso_times() -> None:
    assert parse_since("2026-03-04T05:06:07+00:00") == "2026-03-04T05:06:07Z"
    assert parse_since("2026-03-04T05:06:07Z") == "2026-03-04T05:06:07Z"
    assert parse_since("2026-03-04").startswith(("2026-03-03T", "2026-03-04T"))  # local midnight
    with pytest.raises(UsageError, match="not a date"):
        parse_since("last tuesday")


def test_orphans_keep_their_title_and_commands_reach_them(library: Library) -> None:
    library.import_lists([corpus_file("B12")])
    paper = next(p for p in library.papers() if p.venue == "OSDI 2024")
    library.set_starred([paper.id], True)
    library.forget("b12")
    [orphan] = library.orphan_papers()
    assert (orphan.id, orphan.title, orphan.venue) == (paper.id, paper.title, paper.venue)
    assert orphan.links == paper.links and orphan.authors == paper.authors
    assert orphan.source == "B12_mental2008_osdi-2024"
    assert library.resolve(paper.id[:20]) == orphan  # a prefix reaches it
    assert library.paper(paper.id) == orphan
    library.set_status([orphan.id], Status.READING)
    library.append_note(orphan.id, "still worth it")
    assert library.state(paper.id).status is Status.READING
    # A catalog id wins a prefix: an orphan never hides a paper of the catalog.
    assert library.resolve("mlsys2025-flashinfer").venue == "MLSys 2025"
    library.import_lists([corpus_file("B12")])
    assert library.orphan_papers() == [] and library.state(paper.id).note == "still worth it"
    assert paper.id not in library._catalog_store.retired()  # back: no longer remembered


def test_a_state_written_after_the_forget_still_names_its_paper(library: Library) -> None:
    """A note saved after its list was forgotten (typed in the app meanwhile) kept no title."""
    library.import_lists([corpus_file("B12")])
    paper = next(p for p in library.papers() if p.venue == "OSDI 2024")
    library.forget("b12")  # the paper had no state: no orphan yet
    assert library.orphan_papers() == []
    library.append_note(paper.id, "typed before the forget, saved after")
    [orphan] = library.orphan_papers()
    assert (orphan.id, orphan.title, orphan.venue) == (paper.id, paper.title, paper.venue)


def test_an_orphan_from_another_machine_has_an_unknown_title(library: Library) -> None:
    library.replace_states({"osdi2030-from-elsewhere-0000": PaperState(status=Status.READ)})
    [orphan] = library.orphan_papers()
    assert orphan.title == UNKNOWN_TITLE
    assert library.resolve("osdi2030").id == orphan.id
    with pytest.raises(UsageError, match="no paper id starts with 'nothing'"):
        library.resolve("nothing")


def _list(tmp_path: Path, titles: list[str], name: str = "mine.md") -> Path:
    path = tmp_path / name
    lines = [f"- [OSDI'24] [{t}](https://x.org/{i})" for i, t in enumerate(titles)]
    path.write_text("# Reading\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_reimport_that_drops_a_paper_reports_it_left_and_remembers_it(
    library: Library, tmp_path: Path
) -> None:
    path = _list(tmp_path, ["Kept Paper One", "Dropped Paper Two", "Kept Paper Three"])
    library.import_lists([path])
    dropped = next(p for p in library.papers() if p.title == "Dropped Paper Two")
    library.set_status([dropped.id], Status.TO_READ)
    _list(tmp_path, ["Kept Paper One", "Kept Paper Three"])
    [report] = library.import_lists([path])
    assert (report.joined, report.left) == (0, 1)
    assert [p.title for p in library.orphan_papers()] == ["Dropped Paper Two"]


def test_an_index_without_the_new_fields_still_reads(paths: Paths, tmp_path: Path) -> None:
    library = Library(paths)
    library.import_lists([_list(tmp_path, ["Only Paper Here"])])
    index = json.loads(paths.lists.joinpath("index.json").read_text())
    for record in index["lists"]:
        del record["added"]
    index.pop("retired", None)
    paths.lists.joinpath("index.json").write_text(json.dumps(index))
    older = Library(paths)
    assert older.new_papers().papers == []
    assert [i.papers for i in older.lists()][-1] == 1
    pid = older.papers()[-1].id
    older.set_starred([pid], True)
    older.forget("mine")
    assert [p.title for p in older.orphan_papers()] == ["Only Paper Here"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("retired", []), ("retired", {"x": "not a paper"})],
)
def test_a_damaged_retired_map_is_reported(paths: Paths, field: str, value: object) -> None:
    paths.lists.mkdir(parents=True)
    paths.lists.joinpath("index.json").write_text(json.dumps({"lists": [], field: value}))
    with pytest.raises(ListError, match="damaged"):
        Library(paths).papers()


def test_a_damaged_added_field_is_reported(paths: Paths, tmp_path: Path) -> None:
    Library(paths).import_lists([_list(tmp_path, ["Only Paper Here"])])
    index = json.loads(paths.lists.joinpath("index.json").read_text())
    index["lists"][0]["added"] = [{"at": 3, "ids": "x"}]
    paths.lists.joinpath("index.json").write_text(json.dumps(index))
    with pytest.raises(ListError, match="'added'"):
        Library(paths).papers()


LISTS = {
    "one": ["Shared Paper Alpha", "Only In One"],
    "two": ["Shared Paper Alpha", "Shared Paper Beta", "Only In Two"],
    "three": ["Shared Paper Beta", "Only In Three"],
}
Step = tuple[str, str]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(["import", "forget", "mark"]), st.sampled_from(sorted(LISTS))),
        min_size=1,
        max_size=8,
    )
)
def test_any_order_of_imports_and_forgets_counts_true_and_keeps_orphans_reachable(
    tmp_path_factory: pytest.TempPathFactory, steps: list[Step]
) -> None:
    base = tmp_path_factory.mktemp("lib")
    library = Library(Paths(base / "data"))
    files = {name: _list(base, titles, f"{name}.md") for name, titles in LISTS.items()}
    titles: dict[str, str] = {}
    for action, name in steps:
        before = _ids(library)
        imported = {i.name for i in library.lists()}
        if action == "import":
            [report] = library.import_lists([files[name]])
            after = _ids(library)
            assert report.joined == len(after - before) and report.left == len(before - after)
        elif action == "forget" and name in imported:
            done = library.forget(name)
            after = _ids(library)
            assert done.left.papers == len(before - after)
            assert done.left.papers + done.stayed.papers == done.info.papers
        elif action == "mark" and library.papers():
            paper = library.papers()[-1]
            titles[paper.id] = paper.title
            library.set_status([paper.id], Status.READ)
        titles.update((p.id, p.title) for p in library.papers())
        # Every paper with a state is in the catalog or an orphan named by its last title.
        for orphan in library.orphan_papers():
            assert orphan.title == titles[orphan.id]
            assert library.resolve(orphan.id) == orphan
        count = count_papers(library.papers())
        assert count.papers + count.withdrawn == len(_ids(library))


def test_a_failed_record_of_what_changed_does_not_fail_the_forget(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.errors import WriteError
    from papershelf.storage.catalog_store import CatalogStore

    library.import_lists([corpus_file("B12")])
    pid = next(p.id for p in library.papers() if p.venue == "OSDI 2024")
    library.set_starred([pid], True)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise WriteError("cannot write index.json (disk full); nothing was changed")

    monkeypatch.setattr(CatalogStore, "note_changes", refuse)
    assert library.forget("b12").left.papers == 26
    [notice] = library.notices()
    assert notice.startswith("what changed in the catalog was not recorded: cannot write")
    assert [p.title for p in library.orphan_papers()] == [UNKNOWN_TITLE]  # state kept, untitled


@pytest.mark.usefixtures("one_second_clock")
def test_two_imports_in_one_second_are_two_imports(library: Library) -> None:
    """Import times are stamped to the second: the second import's ``new`` held the first's
    papers too when both fell in the same second."""
    library.import_lists([corpus_file("B12")])
    b12 = _ids(library)
    library.import_lists([corpus_file("B13")])
    last = library.new_papers()
    assert last.at == "2026-01-01T10:00:00Z"
    assert {p.id for p in last.papers} == _ids(library) - b12
    assert set(last.lists.values()) == {"B13_mental2008_asplos-2025"}
    since = library.new_papers(parse_since("2026-01-01T10:00:00Z"))  # both, by --since
    assert set(since.lists.values()) == {"B12_mental2008_osdi-2024", "B13_mental2008_asplos-2025"}


def test_an_index_written_before_exact_times_reads_as_before() -> None:
    """An addition without ``exact`` (older indexes) reads with none and is written back
    in the same shape; one with it keeps it; both pass the index's shape check."""
    exact = "2026-01-01T10:00:00.250000Z"
    old: dict[str, Any] = {"at": "2026-01-01T10:00:00Z", "ids": ["a"]}
    new = {**old, "exact": exact}
    assert Addition.from_json(old) == Addition("2026-01-01T10:00:00Z", ("a",))
    assert Addition.from_json(old).to_json() == old
    assert Addition.from_json(new).to_json() == new
    record = {"name": "l", "source": "l.md", "sha256": "x", "imported_at": "", "added": [old, new]}
    assert index_problem({"lists": [record]}) is None
    assert index_problem({"lists": [{**record, "added": [{**old, "exact": 3}]}]}) is not None
    assert to_second(exact) == old["at"] == to_second(old["at"])
