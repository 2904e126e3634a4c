"""Author lines with affiliations, as proceedings print them, give the people alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.affiliations import names_without_affiliations
from papershelf.catalog.markdown_list import parse_list

# Lines of ../shared/corpus/A03 (inpluslab Systems-for-Foundation-Models README).
REAL = [
    (
        "Weihao Cui, Han Zhao, Quan Chen, Hao Wei, and Zirui Li, Shanghai Jiao Tong University;"
        " Deze Zeng, China University of Geosciences; Chao Li and Minyi Guo, Shanghai Jiao Tong"
        " University",
        (
            "Weihao Cui",
            "Han Zhao",
            "Quan Chen",
            "Hao Wei",
            "Zirui Li",
            "Deze Zeng",
            "Chao Li",
            "Minyi Guo",
        ),
    ),
    (
        "Aurick Qiao, Petuum, Inc. and Carnegie Mellon University; Abutalib Aghayev, Carnegie"
        " Mellon University",
        ("Aurick Qiao", "Abutalib Aghayev"),
    ),
    (
        "Yizhi Liu, Yao Wang, Ruofei Yu, Mu Li, Vin Sharma, and Yida Wang, Amazon",
        ("Yizhi Liu", "Yao Wang", "Ruofei Yu", "Mu Li", "Vin Sharma", "Yida Wang"),
    ),
    (
        "Aaron Harlap and Andrew Chung, Carnegie Mellon University; Alexey Tumanov, UC Berkeley;"
        " Gregory R. Ganger and Phillip B. Gibbons, Carnegie Mellon University",
        (
            "Aaron Harlap",
            "Andrew Chung",
            "Alexey Tumanov",
            "Gregory R. Ganger",
            "Phillip B. Gibbons",
        ),
    ),
    ("Soroush Bateni and Cong Liu, University of Texas at Dallas", ("Soroush Bateni", "Cong Liu")),
]


@pytest.mark.parametrize(("line", "people"), REAL)
def test_proceedings_author_lines_give_the_people(line: str, people: tuple[str, ...]) -> None:
    assert names_without_affiliations(line) == people


@pytest.mark.parametrize(
    "line",
    [
        "A. Lee, B. Chen, and C. Wu",  # names only: left to the usual split
        "Smith, John; Doe, Jane",  # family, given: no organisation in it
        "Ann Lee, Bo Chen",
        "Open Source, Google",  # one group, no "and" to end the names
    ],
)
def test_lines_without_affiliations_are_left_alone(line: str) -> None:
    assert names_without_affiliations(line) is None


def test_a_family_a_entry_keeps_only_its_authors() -> None:
    text = (
        "# Lists\n\n## Serving\n\n"
        "[DNN in GPU with batch] [DVABatch: Diversity-aware Multi-Entry Multi-Exit Batching]"
        "(https://www.usenix.org/system/files/atc22-cui.pdf). " + REAL[0][0] + "\n"
    )
    (paper,) = parse_list(text, source="a03.md").papers
    assert paper.authors == REAL[0][1]


_given = st.sampled_from(["Ann", "Bo", "Chen", "Dana", "Eli", "Fay", "Gus"])
_family = st.sampled_from(["Lee", "Zhang", "Garcia", "Okafor", "Smith", "Novak"])
_person = st.builds(lambda g, f: f"{g} {f}", _given, _family)
_org = st.sampled_from(
    ["Carnegie Mellon University", "Microsoft Research", "EPFL", "Google", "UC Berkeley",
     "Shanghai AI Laboratory", "Petuum, Inc.", "Max Planck Institute for Software Systems"]
)  # fmt: skip


def _group(people: list[str], org: str) -> str:
    if len(people) == 1:
        named = people[0]
    elif len(people) == 2:
        named = f"{people[0]} and {people[1]}"
    else:
        named = ", ".join(people[:-1]) + f", and {people[-1]}"
    return f"{named}, {org}"


@given(st.lists(st.tuples(st.lists(_person, min_size=1, max_size=5), _org), min_size=1, max_size=4))
def test_any_proceedings_line_gives_its_people_in_order(
    groups: list[tuple[list[str], str]],
) -> None:
    line = "; ".join(_group(people, org) for people, org in groups)
    expected = tuple(p for people, _ in groups for p in people)
    if len(groups) == 1 and len(groups[0][0]) == 1:
        assert names_without_affiliations(line) is None  # "Name, Org" alone says too little
    else:
        assert names_without_affiliations(line) == expected


def test_a_plain_author_line_is_settled_without_splitting_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every entry's authors pass here: the common line must not pay for the rare one."""
    from papershelf.catalog import affiliations

    def split(*_args: object) -> object:
        raise AssertionError("a plain author line was split into groups")

    monkeypatch.setattr(affiliations, "_group", split)
    for line in ("Ann Lee, Bo Chen, and Cy Wu", "Ann Lee and Bo Chen", "A. Lee, B. Chen"):
        assert names_without_affiliations(line) is None
