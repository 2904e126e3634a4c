"""A ``same`` made by another process while the app runs: the app shows one paper, and what it
writes to the id that stopped being a paper goes to the paper that answers for it."""

from __future__ import annotations

from pathlib import Path

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services import session as ev
from papershelf.services.commands import SetNote
from papershelf.services.library import Library
from tests.unit.test_session import applied, running


def _pair(library: Library, tmp_path: Path) -> tuple[str, str]:
    """Two ids of one paper the import did not make one (the older id first)."""
    one = tmp_path / "one.md"
    one.write_text("# OSDI 2024\n\n- [Alpha: Fast Serving of Models](https://a.org)\n")
    two = tmp_path / "two.md"
    two.write_text("# OSDI 2024\n\n- [AlphaServe: Fast Serving of Big Models](https://b.org)\n")
    library.import_lists([one])
    library.import_lists([two])
    [a] = [p.id for p in library.papers() if p.title.startswith("Alpha:")]
    [b] = [p.id for p in library.papers() if p.title.startswith("AlphaServe")]
    return a, b


def test_a_same_made_elsewhere_reloads_the_catalog(
    library: Library, paths: Paths, tmp_path: Path
) -> None:
    a, b = _pair(library, tmp_path)
    elsewhere = Library(paths, lock_timeout=2.0)  # `papershelf same` beside the app
    assert b in elsewhere.catalog.by_id  # the lists are read and cached before the app starts
    with running(Library(paths, lock_timeout=2.0), build_index=False) as (_session, recorder):
        before = len(recorder.of(ev.Loaded))
        elsewhere.same(a, b)
        recorder.wait(lambda _: len(recorder.of(ev.Loaded)) > before, "the reload")
        ids = {p.id for p in recorder.of(ev.Loaded)[-1].papers}
        assert a in ids and b not in ids


def test_a_change_to_an_alias_goes_to_the_paper_that_answers_for_it(
    library: Library, tmp_path: Path
) -> None:
    a, b = _pair(library, tmp_path)
    library.same(a, b)
    library.set_note(b, "written to the alias", base="")
    library.set_status([b], Status.READ)
    library.append_note(b, "and more")
    state = library.state(a)
    assert state.status is Status.READ
    assert state.note == "written to the alias\nand more"
    assert b not in library.states() and not library.orphans()


def test_the_app_is_sent_the_states_when_its_change_went_to_another_id(
    library: Library, tmp_path: Path
) -> None:
    a, b = _pair(library, tmp_path)
    library.same(a, b)
    with running(library, build_index=False) as (session, recorder):
        ticket = session.submit(SetNote(b, "typed in an editor opened before the same", base=""))
        recorder.wait(applied(recorder, ticket.seq), "the note")
        [done] = [e for e in recorder.of(ev.Applied) if e.ticket.seq == ticket.seq]
        assert done.states is not None
        assert done.states[a].note == "typed in an editor opened before the same"
