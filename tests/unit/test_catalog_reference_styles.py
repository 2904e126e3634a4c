"""References in the styles scholarly sites export, and family-first names closed by ``et al.``.

Springer (LNCS) writes ``Family, I., Family, I.: Title. In: Venue, pp. 1–9. Publisher
(Year)``; IEEE's own citations open the proceedings' name with its year and ordinal
(``In 2008 Eighth IEEE International Conference on Data Mining``); many lists shorten a
family-first byline with ``et al.``. A careful reader takes ``In:`` and the year and
ordinal for no part of the venue, a colon after one name for the end of the byline, and
``et al.`` for the others. APA elides the middle of a long byline (``..., ... &
Polosukhin, I.``), Chicago writes every author after the first given name first (IEEE writes
them all so: ``M. Zaharia, M. Chowdhury, and I. Stoica`` are three), IEEE opens the venue
with ``in Proc.``, Harvard quotes the title in single quotes after the year, and ISO 690
writes family names in capitals (``DEAN, Jeffrey; GHEMAWAT, Sanjay``).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.fields import authors_in
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.mla_names import mla_first


def _one(line: str) -> tuple[str, str, int | None, tuple[str, ...]]:
    paper = parse_list(f"# Reading\n\n- {line}\n", source="x.md").papers[0]
    return paper.title, paper.venue, paper.year, paper.authors


@pytest.mark.parametrize(
    ("line", "read"),
    [
        (
            "Dean, J., Ghemawat, S.: MapReduce: simplified data processing on large clusters. "
            "In: OSDI 2004.",
            (
                "MapReduce: simplified data processing on large clusters",
                "OSDI 2004",
                2004,
                ("J. Dean", "S. Ghemawat"),
            ),
        ),
        (
            "Dean, J., Ghemawat, S.: MapReduce: simplified data processing on large clusters. "
            "In: Proceedings of OSDI, pp. 137–150 (2004)",
            (
                "MapReduce: simplified data processing on large clusters",
                "OSDI 2004",
                2004,
                ("J. Dean", "S. Ghemawat"),
            ),
        ),
        (
            "Lamport, L.: Time, clocks, and the ordering of events in a distributed system. "
            "Commun. ACM 21(7), 558–565 (1978)",
            (
                "Time, clocks, and the ordering of events in a distributed system",
                "Commun. ACM 1978",
                1978,
                ("L. Lamport",),
            ),
        ),
        (
            "Vaswani, A., Shazeer, N., et al. Attention is all you need. NeurIPS 2017.",
            ("Attention is all you need", "NeurIPS 2017", 2017, ("A. Vaswani", "N. Shazeer et al")),
        ),
        (
            "Liu, F. T., Ting, K. M., & Zhou, Z.-H. (2008). Isolation forest. In 2008 Eighth "
            "IEEE International Conference on Data Mining (pp. 413-422). IEEE.",
            (
                "Isolation forest",
                "IEEE International Conference on Data Mining 2008",
                2008,
                ("F. T. Liu", "K. M. Ting", "Z.-H. Zhou"),
            ),
        ),
        (
            "Smith, J., & Doe, A. (2019). A study of shared things. In 2019 USENIX Annual "
            "Technical Conference (pp. 1-14).",
            (
                "A study of shared things",
                "USENIX Annual Technical Conference 2019",
                2019,
                ("J. Smith", "A. Doe"),
            ),
        ),
        (
            "Ghemawat, S., Gobioff, H., Leung, S.T.: The Google file system. In: SOSP. "
            "pp. 29–43. ACM (2003)",
            (
                "The Google file system",
                "SOSP 2003",
                2003,
                ("S. Ghemawat", "H. Gobioff", "S.T. Leung"),
            ),
        ),
        (
            'A. Vaswani et al., "Attention is all you need," in Proc. NeurIPS, 2017, '
            "pp. 5998–6008.",
            ("Attention is all you need", "NeurIPS 2017", 2017, ("A. Vaswani et al",)),
        ),
        (
            "Vaswani, A., Shazeer, N., Gomez, A. N., ... & Polosukhin, I. (2017). Attention is all "
            "you need. Advances in neural information processing systems, 30.",
            (
                "Attention is all you need",
                "Advances in neural information processing systems 2017",
                2017,
                ("A. Vaswani", "N. Shazeer", "A. N. Gomez", "I. Polosukhin"),
            ),
        ),
        (
            "Vaswani, Ashish, Noam Shazeer, Aidan N. Gomez, and Illia Polosukhin. "
            '"Attention is all you need." Advances in neural information processing systems 30 '
            "(2017).",
            (
                "Attention is all you need",
                "Advances in neural information processing systems 2017",
                2017,
                ("Ashish Vaswani", "Noam Shazeer", "Aidan N. Gomez", "Illia Polosukhin"),
            ),
        ),
        (
            "Gururangan, S. et al. (2020) 'Don't stop pretraining: adapt language models to "
            "domains and tasks', in Proceedings of ACL 2020, pp. 8342–8360.",
            (
                "Don't stop pretraining: adapt language models to domains and tasks",
                "ACL 2020",
                2020,
                ("S. Gururangan et al",),
            ),
        ),
        (
            "M. Zaharia, M. Chowdhury, and I. Stoica, “Spark: Cluster computing with working "
            "sets,” in HotCloud, 2010.",
            (
                "Spark: Cluster computing with working sets",
                "HotCloud 2010",
                2010,
                ("M. Zaharia", "M. Chowdhury", "I. Stoica"),
            ),
        ),
        (
            'Matei Zaharia, Mosharaf Chowdhury, and Ion Stoica. "Spark: Cluster computing with '
            'working sets." HotCloud 2010.',
            (
                "Spark: Cluster computing with working sets",
                "HotCloud 2010",
                2010,
                ("Matei Zaharia", "Mosharaf Chowdhury", "Ion Stoica"),
            ),
        ),
        (
            # IEEE's "2019 IEEE 35th International Conference ...": the ordinal after IEEE
            "Smith, J., & Doe, A. (2019). Fast joins in databases. In 2019 IEEE 35th "
            "International Conference on Data Engineering (pp. 1-12). IEEE.",
            (
                "Fast joins in databases",
                "IEEE International Conference on Data Engineering 2019",
                2019,
                ("J. Smith", "A. Doe"),
            ),
        ),
        (
            "Smith, J., & Doe, A. (2019). Testing things. In 2019 IEEE/ACM 41st International "
            "Conference on Software Engineering (pp. 1-12). IEEE.",
            (
                "Testing things",
                "IEEE/ACM International Conference on Software Engineering 2019",
                2019,
                ("J. Smith", "A. Doe"),
            ),
        ),
        (
            # the meeting's year, not the reference's, as with "ICBC 2021, LNCS ..., 2022"
            "Brown, A., & Green, B. (2021). Learning to route. In 2020 Twenty-Third "
            "International Conference on Information Fusion (pp. 1-8).",
            (
                "Learning to route",
                "International Conference on Information Fusion 2020",
                2020,
                ("A. Brown", "B. Green"),
            ),
        ),
        (
            # "Workshops" after "and" is the meeting's name, no remark on it
            "Smith, J., & Doe, A. (2018). A study of networks. In 2018 IFIP Networking "
            "Conference and Workshops (pp. 1-9). IEEE.",
            (
                "A study of networks",
                "IFIP Networking Conference and Workshops 2018",
                2018,
                ("J. Smith", "A. Doe"),
            ),
        ),
        (
            "DEAN, Jeffrey; GHEMAWAT, Sanjay. MapReduce: simplified data processing on large "
            "clusters. Communications of the ACM, 2008, 51.1: 107-113.",
            (
                "MapReduce: simplified data processing on large clusters",
                "Communications of the ACM 2008",
                2008,
                ("Jeffrey Dean", "Sanjay Ghemawat"),
            ),
        ),
    ],
)
def test_a_reference_is_read_as_a_careful_reader_reads_it(
    line: str, read: tuple[str, str, int, tuple[str, ...]]
) -> None:
    assert _one(line) == read


_FAMILY = st.sampled_from(["Vaswani", "Shazeer", "Ghemawat", "Lamport", "Zhou", "Ting"])
_INITIALS = st.sampled_from(["A.", "N.", "J. C.", "F. T.", "Z.-H."])


@given(st.lists(st.tuples(_FAMILY, _INITIALS), min_size=1, max_size=5), st.booleans())
def test_et_al_joins_the_last_of_the_names_given_first(
    names: list[tuple[str, str]], comma: bool
) -> None:
    written = ", ".join(f"{family}, {initials}" for family, initials in names)
    shown = [f"{initials} {family}" for family, initials in names]
    assert authors_in(written) == tuple(shown)
    closed = authors_in(f"{written}{',' if comma else ''} et al.")
    assert closed == (*shown[:-1], f"{shown[-1]} et al")


@pytest.mark.parametrize(
    "venue",
    [
        "Proc. VLDB Endow. 12(4), 2019",
        "Proc. IEEE 105(12), 2017",
        "Proc. ACM Program. Lang. 7, 2023",
    ],
)
def test_a_journal_named_proc_keeps_its_name(venue: str) -> None:
    """``Proc.`` opens a journal's name too (PVLDB, Proceedings of the IEEE, PACMPL)."""
    title, read, _, _ = _one(f"Dean, J., Ghemawat, S.: A study of shared things. {venue}")
    assert title == "A study of shared things"
    assert read.startswith(venue.split(" ")[0] + " " + venue.split(" ")[1])


@pytest.mark.parametrize(
    "names",
    ["Gray, Reuter, Lamport, and Bernstein", "Smith, Jones", "Gray, Jim, Reuter, and Andreas Lee"],
)
def test_names_without_chicago_s_shape_stay_as_written(names: str) -> None:
    assert mla_first(names) == names


_GIVEN = st.sampled_from(["Jeffrey", "Sanjay", "Fred B.", "Peter W.", "Łukasz"])
_CAPITALS = st.sampled_from(["DEAN", "GHEMAWAT", "VAN RENESSE", "O’HEARN", "KAISER"])


@given(st.lists(st.tuples(_CAPITALS, _GIVEN), min_size=1, max_size=4), st.booleans())
def test_iso_690_names_read_given_name_first(names: list[tuple[str, str]], etal: bool) -> None:
    written = "; ".join(f"{family}, {given}" for family, given in names)
    shown = [f"{given} {family.title()}" for family, given in names]
    if etal:
        written, shown[-1] = f"{written}, et al.", f"{shown[-1]} et al"
    assert authors_in(written) == tuple(shown)


@pytest.mark.parametrize("text", ["ACM, New York", "IEEE, Piscataway", "USENIX, Berkeley"])
def test_a_publisher_and_its_city_are_no_iso_690_name(text: str) -> None:
    assert not any(name.endswith((" Acm", " Ieee", " Usenix")) for name in authors_in(text))
