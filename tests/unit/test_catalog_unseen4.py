"""Shapes met in a fourth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names the repository and file it comes from; the expectations are what a
careful reader of that excerpt would write down.
"""

from __future__ import annotations

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
