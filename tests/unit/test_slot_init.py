"""``quick_init`` gives a frozen slots dataclass the same constructor, only quicker."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest

from papershelf.domain.models import Link, Paper, Venue
from papershelf.domain.slot_init import quick_init


@dataclasses.dataclass(frozen=True, slots=True)
class _Plained:
    a: str
    b: int = 3
    c: tuple[str, ...] = ()


_Plain: Any = _Plained  # called with wrong arguments on purpose


_Quick: Any = quick_init(
    dataclasses.make_dataclass(
        "_Quick", [("a", str), ("b", int, 3), ("c", tuple, ())], frozen=True, slots=True
    )
)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(("x",), {}), (("x", 5), {}), (("x", 5, ("y",)), {}), ((), {"a": "x", "c": ("z",)})],
)
def test_the_same_fields_from_the_same_arguments(
    args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    assert _Quick.__init__ is not _Plain.__init__
    assert dataclasses.astuple(_Quick(*args, **kwargs)) == dataclasses.astuple(
        _Plain(*args, **kwargs)
    )


def test_the_same_errors_and_still_frozen() -> None:
    for cls in (_Plain, _Quick):
        with pytest.raises(TypeError):
            cls()
        with pytest.raises(TypeError):
            cls("x", 1, (), 4)
        with pytest.raises(TypeError):
            cls("x", d=1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            cls("x").a = "y"


def test_the_catalog_values_keep_their_behaviour() -> None:
    paper = Paper("id", "Title", "OSDI 2024", links=(Link("paper", "https://x.org/p"),))
    assert paper.year is None and paper.lists == () and paper.links[0].url == "https://x.org/p"
    assert dataclasses.replace(paper, title="Other").title == "Other"
    assert pickle.loads(pickle.dumps(paper)) == paper
    assert hash(paper) == hash(
        Paper("id", "Title", "OSDI 2024", links=(Link("paper", "https://x.org/p"),))
    )
    assert Venue("OSDI", 2024).label == "OSDI 2024"
    with pytest.raises(dataclasses.FrozenInstanceError):
        paper.title = "x"  # type: ignore[misc]


def test_a_class_it_cannot_speed_up_keeps_its_own_init() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        items: list[str] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("negative")

    for cls in (Factory, Checked):
        own = cls.__init__
        assert quick_init(cls).__init__ is own
