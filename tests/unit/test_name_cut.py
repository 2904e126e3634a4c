"""The tree's names cut in the middle: start and end kept, siblings kept apart where possible."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from papershelf.tui.name_cut import cut_middle, cut_siblings

SYNTHETIC = [f"Synthetic {v} 2030" for v in ("A1", "A3", "B2", "B4", "A5")]


def test_venues_that_differ_at_the_end_stay_apart_and_keep_their_year() -> None:
    cut = cut_siblings(SYNTHETIC, [12] * 5)
    assert len(set(cut)) == 5
    assert all(c.startswith("Syn") and c.endswith(" 2030") and "…" in c for c in cut)
    assert all(cell_len(c) == 12 for c in cut)
    assert cut_siblings(SYNTHETIC, [14] * 5)[0] == "Synthe…A1 2030"


def test_only_names_that_read_alike_move_their_cut() -> None:
    cut = cut_siblings(["ASPLOS 2025", *SYNTHETIC], [8] * 6)
    assert cut[0] == "ASP…2025"  # the middle, as alone
    assert len(set(cut)) == 6 and all(c.endswith("2030") for c in cut[1:])


def test_topics_that_differ_at_the_end_stay_apart() -> None:
    topics = ["quantization of weights", "quantization of activations"]
    cut = cut_siblings(topics, [12, 12])
    assert len(set(cut)) == 2 and all(c.startswith("quant") for c in cut)


def test_a_lone_long_name_keeps_its_start_and_a_short_last_word() -> None:
    assert cut_siblings(["parallel approach in AI compiler"], [14]) == ["parallel appr…"]
    assert cut_siblings(["quantization 8", "PIM 8"], [12, 12]) == ["quantizat… 8", "PIM 8"]
    assert cut_siblings(["ASPLOS 2025"], [14]) == ["ASPLOS 2025"]


def test_wide_characters_count_as_two_cells() -> None:
    cut = cut_middle("深度学习系统研究 2030", 10, 5)
    assert cut_len_ok(cut, 10) and cut.endswith(" 2030") and cut.startswith("深度")


def cut_len_ok(text: str, room: int) -> bool:
    return cell_len(text) <= room


same_length = st.integers(min_value=2, max_value=14).flatmap(
    lambda n: st.lists(
        st.text(alphabet="ab ", min_size=n, max_size=n), min_size=1, max_size=6, unique=True
    )
)


@given(names=same_length, room=st.integers(min_value=2, max_value=16))
def test_distinct_names_stay_distinct_when_some_cut_can_keep_them_apart(
    names: list[str], room: int
) -> None:
    rooms = [room] * len(names)
    cut = cut_siblings(names, rooms)
    possible = any(
        len({cut_middle(n, room, tail) for n in names}) == len(names) for tail in range(room)
    )
    if possible:
        assert len(set(cut)) == len(names)
    for name, shown in zip(names, cut, strict=True):
        assert cell_len(shown) <= room
        if len(name) <= room:
            assert shown == name
        else:
            head, _, tail = shown.partition("…")
            assert name.startswith(head) and name.endswith(tail)
            assert len(head) + len(tail) == room - 1


def test_a_last_word_of_letters_is_cut_with_the_end_not_kept_after_a_cut_middle() -> None:
    # ``Unkno… venue`` read as two broken words; a start reads on.
    assert cut_siblings(["Unknown venue"], [12]) == ["Unknown ven…"]
    assert cut_siblings(["Large Language Models"], [14]) == ["Large Languag…"]
    assert cut_siblings(["ASPLOS 2025"], [8]) == ["ASP…2025"]  # a year is still kept
