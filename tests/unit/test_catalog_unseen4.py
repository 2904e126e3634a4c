"""Shapes met in a fourth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names the repository and file it comes from; the expectations are what a
careful reader of that excerpt would write down.
"""

from __future__ import annotations

from papershelf.catalog.decide import Evidence, decide, is_scholarly
from papershelf.catalog.fields import is_paper_label
from papershelf.catalog.venue_text import parse_venue

from .excerpts import read_excerpt as _read

# opensmartnic/awesome-smartnic, README.md: a preprint, a thesis and a technical report are
# what the paper is, not where it appeared; their years are still the papers' years.
DOCUMENT_KINDS = """\
### Papers

- LuWu: An End-to-End In-Network Out-of-Core Optimizer for 100B-Scale Model-in-Network Data-Parallel Training on Distributed GPUs. *Mo Sun, Zihan Yang, Changyue Liao, et.al.* Preprint, 2024. [[Paper]](https://arxiv.org/abs/2409.00918)
- Burstable Cloud Block Storage with Data Processing Units. *Junyi Shu, et.al.* OSDI, 2024. [[Paper]](https://www.usenix.org/conference/osdi24/presentation/shu)
- FPGA-based SmartNIC for Distributed Machine Learning. *Hongyu He*. ETH Master Thesis, 2024. [[Link]](https://www.research-collection.ethz.ch/handle/20.500.11850/670931)

### Reports

* Performance Characteristics of the BlueField-2 SmartNIC. *Jianshen Liu, et.al.* Preprint, 2021[[Paper](https://arxiv.org/abs/2105.06619)]
* Investigating Scientific Workload Acceleration using BlueField SmartNICs. *Brody Williams, et.al.* OSTI.GOV/Technical Report, 2020 [[Report](https://doi.org/10.2172/1607904)]
"""  # noqa: E501


def test_a_preprint_thesis_or_report_is_no_venue_but_keeps_its_year() -> None:
    papers, _ = _read(DOCUMENT_KINDS)
    assert {line: (venue, year) for line, (_, venue, year) in papers.items()} == {
        3: ("", 2024),
        4: ("OSDI 2024", 2024),
        5: ("", 2024),
        9: ("", 2021),
        10: ("", 2020),
    }


def test_an_arxiv_preprint_appeared_on_arxiv() -> None:
    for text in ("arXiv preprint, 2017", "arXiv Preprint 2023", "ArXiv pre-print 2021"):
        found = parse_venue(text)
        assert found is not None and (found.name, found.year) == ("arXiv", int(text[-4:]))
    for text in ("PhD Thesis, 2019", "Tech Report 2009", "Technical Report, 2020", "Preprint 2015"):
        found = parse_venue(text)
        assert found is not None and (found.name, found.year) == ("", int(text[-4:]))
    assert parse_venue("IEEE Transactions on Computers, 2019") is not None


# HAL, the French open archive, is where many papers live (hal.science/hal-01468595 and
# hal.science/hal-04094463/document in two public READMEs of the search index, stored ids
# 71646627851 and 34103421206; "[HAL](...)" is how the first labels the paper's link).
def test_hal_is_a_paper_site() -> None:
    for url in (
        "https://hal.science/hal-04094463/document",
        "https://hal.archives-ouvertes.fr/hal-00386109",
        "https://inria.hal.science/hal-01468595",
    ):
        assert is_scholarly(url)
        evidence = Evidence(
            title="Fonctions de répartition à n dimensions et leurs marges",
            href=url,
            has_venue=False,
            paper_links=0,
            section="Related projects",
        )
        assert decide(evidence) is None
    assert is_paper_label("[HAL]")


# A public README's reference list (stored id 69160285376): the authors before a linked
# title are no title, and a volume's Roman number is no venue.
REFERENCES = """\
1. R. Eymard, T. Gallouët, and R. Herbin, [Finite Volume Methods](https://hal.science/hal-02100732v2), Handbook of Numerical Analysis, Vol. VII, 2000.
2. S. Gasparin et al., [Reliable numerical schemes for a nonlinear heat and moisture transfer problem](https://arxiv.org/abs/1701.07059), 2017.
"""  # noqa: E501


def test_authors_before_a_linked_title_and_a_volume_number_are_neither_title_nor_venue() -> None:
    papers, _ = _read(REFERENCES)
    assert papers == {
        1: ("Finite Volume Methods", "", 2000),
        2: (
            "Reliable numerical schemes for a nonlinear heat and moisture transfer problem",
            "",
            2017,
        ),
    }
    assert parse_venue("VII, 2000") is None and parse_venue("XIV 2001") is None
    assert parse_venue("CC 2022") is not None  # Compiler Construction
