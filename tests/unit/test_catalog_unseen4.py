"""Shapes met in a fourth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names the repository and file it comes from; the expectations are what a
careful reader of that excerpt would write down.
"""

from __future__ import annotations

from papershelf.catalog.code_spans import is_code
from papershelf.catalog.decide import Evidence, decide, is_scholarly
from papershelf.catalog.fields import is_generic, is_paper_label
from papershelf.catalog.links import is_arxiv_id, shown_arxiv_year
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import NON_PAPERS, NOTES, kind_of
from papershelf.catalog.venue_text import parse_venue
from papershelf.catalog.year_tag import lead_year, title_year, trailing_year

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


# rihib/mit6.5840, README.md: a command to run is no paper.
COMMAND_LINE = """\
- [x] Lecture 2: RPC and Threads
  - [x] [A Tour of Go Concurrency](https://go.dev/tour/concurrency/1)
  - [x] Read `condvar/vote-count-*.go`
    - [x] `go run -race vote-count-1.go`
"""

# A public README's roadmap (stored id 14975593836): a file of the repository in backticks is
# no part of the title, and a task list's box is no part of it either.
FILE_SPANS = """\
### Architectures
- [x] Vision Transformer (ViT) `architectures/train_vit.py` [[paper]](https://arxiv.org/abs/2010.11929)
- [x] Diffusion Transformer (DiT) `architectures/train_dit.py` [[paper]](https://arxiv.org/abs/2212.09748)
- [x] Recurrent Neural Network (RNN) `architectures/train_rnn.py`
"""

# A public survey list (stored id 62543761492): a venue in backticks stays the venue.
VENUE_SPANS = """\
- **Panorama: The rise of omnidirectional vision in the embodied ai era** `arXiv 2025` [[paper]](https://arxiv.org/abs/2509.12989)
- **Deep learning for omnidirectional vision: A survey and new perspectives** `arXiv 2022` [[paper]](https://arxiv.org/abs/2205.10468)
"""


def test_command_lines_and_file_paths_in_backticks_are_no_titles() -> None:
    papers, _ = _read(COMMAND_LINE)
    assert all("go run" not in title for title, _, _ in papers.values())
    papers, _ = _read(FILE_SPANS)
    assert papers == {
        2: ("Vision Transformer (ViT)", "", None),
        3: ("Diffusion Transformer (DiT)", "", None),
    }
    papers, _ = _read(VENUE_SPANS)
    assert [(venue, year) for _, venue, year in papers.values()] == [
        ("arXiv 2025", 2025),
        ("arXiv 2022", 2022),
    ]


def test_what_reads_as_code() -> None:
    for code in ("go run -race vote-count-1.go", "pip install flash-attn", "$ make", "./run.sh x"):
        assert is_code(code), code
    for code in ("src/mr/*.go", "architectures/train_vit.py", "crawler.go"):
        assert is_code(code), code
    for code in ("src/main/", "src/*"):
        assert is_code(code), code
    for code in ("NeurIPS 2025", "arXiv 2022", "IJCAI", "torch.compile", "the 37th Allerton"):
        assert not is_code(code), code
    for code in ("I/O", "TCP/IP", "PyTorch/XLA"):
        assert not is_code(code), code


# yichuan520030910320/MLsys_reading_list, README.md: a copied arXiv page title shows the id
# (1901 -> 2019) but its "[1901.05162] " is no part of the title.
ARXIV_PAGES = """\
9. [[1901.05162\\] Coded Matrix Multiplication on a Group-Based Model](https://arxiv.org/abs/1901.05162)
10. [Parity models: erasure-coded resilience for prediction serving systems](https://dl.acm.org/doi/10.1145/3341301.3359654)
11. [[2002.02440\\] A locality-based approach for coded computation](https://arxiv.org/abs/2002.02440)
"""

# A public README's reference list (stored id 42855439372): an arXiv id as the link's label
# is a link of the entry, not its title; the year the entry states wins over the id's.
ARXIV_LABELS = """\
2. Shinn, N., Cassano, F., Gopinath, A., Narasimhan, K., & Yao, S. (2023). Reflexion: Language Agents with Verbal Reinforcement Learning. [arXiv:2303.11366](https://arxiv.org/abs/2303.11366)
3. Weng, L. (2023). LLM Powered Autonomous Agents. [Lil'Log](https://lilianweng.github.io/posts/2023-06-23-agent/)
"""  # noqa: E501


def test_an_arxiv_id_gives_the_year_an_entry_does_not_state() -> None:
    papers, _ = _read(ARXIV_PAGES)
    assert papers == {
        1: ("Coded Matrix Multiplication on a Group-Based Model", "", 2019),
        2: ("Parity models: erasure-coded resilience for prediction serving systems", "", None),
        3: ("A locality-based approach for coded computation", "", 2020),
    }
    assert shown_arxiv_year("Title", ["arXiv:0704.0001"]) == 2007
    assert shown_arxiv_year("Title", ["hep-th/9901001", "2313.00001", "0703.0001"]) is None
    assert shown_arxiv_year("[2002.02440] A locality-based approach", []) == 2020


def test_an_arxiv_id_only_in_the_url_states_no_year() -> None:
    papers, _ = _read("- [LoRA](https://arxiv.org/abs/2106.09685)\n")
    assert papers == {1: ("LoRA", "", None)}


def test_an_arxiv_id_label_is_no_title() -> None:
    papers, _ = _read(ARXIV_LABELS)
    assert papers[1][0] == "Reflexion: Language Agents with Verbal Reinforcement Learning"
    assert papers[1][2] == 2023
    for label in ("arXiv:2303.11366", "[2303.11366v2]", "abs/2303.11366", "arXiv 2303.11366"):
        assert is_arxiv_id(label) and is_generic(label), label
    assert not is_arxiv_id("Reflexion 2303")


# goby/distributed-systems-readings, index.md: the list's papers are under "Papers", but a
# paper's PDF in "Bootcamp" and a USENIX paper or ACM Queue article among the blogs are papers
# too; the encyclopedia and blog links beside them are not.
PAPERS_ELSEWHERE = """\
## Bootcamp
Read things here before you start.
- [CAP Theorem](http://en.wikipedia.org/wiki/CAP_theorem), Also [plain english](http://ksat.me/a-plain-english-introduction-to-cap-theorem/) explanation
- [FLP Impossibility Result (paper)](http://cs-www.cs.yale.edu/homes/arvind/cs425/doc/fischer.pdf), an easier [blog post](http://the-paper-trail.org/blog/a-brief-tour-of-flp-impossibility/) to follow along

## Papers
- [Paxos Made Live](http://research.google.com/archive/paxos_made_live.html)
- [The Google File System](http://static.googleusercontent.com/external_content/untrusted_dlcp/research.google.com/en/us/archive/gfs-sosp2003.pdf)

## Blogs and other reading links
- [Notes on Distributed Systems for Young Bloods](http://www.somethingsimilar.com/2013/01/14/notes-on-distributed-systems-for-young-bloods/)
- [There is No Now](http://queue.acm.org/detail.cfm?id=2745385), Problems with simultaneity in distributed systems
- [On Designing and Deploying Internet-Scale Services](http://static.usenix.org/event/lisa07/tech/full_papers/hamilton/hamilton_html/)
"""  # noqa: E501


def test_papers_outside_the_papers_section_are_taken_when_they_say_so() -> None:
    papers, _ = _read(PAPERS_ELSEWHERE)
    assert {line: title for line, (title, _, _) in papers.items()} == {
        4: "FLP Impossibility Result",
        7: "Paxos Made Live",
        8: "The Google File System",
        12: "There is No Now",
        13: "On Designing and Deploying Internet-Scale Services",
    }


# rxin/db-readings, README.md: a reading list with a year in parentheses after each title,
# two papers in one bullet, and a section of other reading lists.
READINGS = """\
## <a name='basic-and-algo'> Basics and Algorithms
* [Paxos Made Simple](http://www.cs.berkeley.edu/~rxin/db-papers/Paxos.pdf) (2001): Paxos is a fault-tolerant distributed consensus protocol.

* [The Google File System](http://research.google.com/archive/gfs.html) (2003) and [Bigtable: A Distributed Storage System for Structured Data](http://research.google.com/archive/bigtable.html) (2006): Two core components of Google's data infrastructure.

## <a name='externel'> External Reading Lists

* [The reading list](http://www.cs286.net/home/reading-list) for Joseph Hellerstein's graduate course in database systems at Berkeley.
"""  # noqa: E501


def test_a_year_in_parentheses_after_the_title_is_its_year() -> None:
    parsed = parse_list(READINGS, source="excerpt.md")
    assert [(p.line, p.title, p.year) for p in parsed.papers] == [
        (2, "Paxos Made Simple", 2001),
        (4, "The Google File System", 2003),
        (4, "Bigtable: A Distributed Storage System for Structured Data", 2006),
    ]
    assert [(line, kind_of(why)) for line, why in parsed.skipped] == [(8, NON_PAPERS)]
    assert lead_year(" (1997): This paper") == 1997 and lead_year(" (1997 edition)") is None


# mimicji/Security-Papers-in-WebAssembly, README.md: venues as security lists write them.
SECURITY_VENUES = """\
- `Runtime` Johnson, Evan, et al. ["WaVe: a verifiably secure WebAssembly sandboxing runtime."](https://cseweb.ucsd.edu/~dstefan/pubs/johnson:2023:wave.pdf), S&P, 2023.
- Brito, Tiago, et al. ["Wasmati: An efficient static vulnerability scanner for WebAssembly."](https://www.sciencedirect.com/science/article/pii/S0167404822001407) Computers & Security, 2022.
- Stiévenart, Quentin, Coen De Roover, and Mohammad Ghafari. ["Security risks of porting c programs to WebAssembly."](https://arxiv.org/pdf/2112.11745), SAC. 2022.
"""  # noqa: E501


def test_security_venues_are_read() -> None:
    papers, _ = _read(SECURITY_VENUES)
    assert [(venue, year) for _, venue, year in papers.values()] == [
        ("S&P 2023", 2023),
        ("Computers & Security 2022", 2022),
        ("SAC 2022", 2022),
    ]
    found = parse_venue("ICLR 2025 Workshop (WMARK)", need_year=True)
    assert found is not None and (found.name, found.year) == ("ICLR", 2025)
    assert found.remark == "Workshop (WMARK)"
    assert parse_venue("Tom & Jerry, 2020") is None


# zhjwpku/paper-notes, src/distributedsystem/README.md: a reading log links each paper to the
# reader's notes on it; a topic is no paper, nor is a link to another list (the last line,
# from SJTU-ReArch-Group/Paper-Reading-List README.md, W16 of the wild corpus).
READING_LOG = """\
- **[consensus](./consensus/index.html)**
  - **[Paxos Made Simple][paxos-simple]**
- **[Chain Replication for Supporting High Throughput and Availability][chain-replication]**
- **[ZooKeeper: wait-free coordination for internet-scale systems][zookeeper]**
- [List Contributed by Ma Xing and Yangjie Zhou](LLMforCoding/LLMforCoding.md)

[chain-replication]: chain-replication.md
[paxos-simple]: consensus/paxos-made-simple.md
[zookeeper]: zookeeper.md
"""


def test_papers_linked_to_the_readers_notes_are_papers() -> None:
    papers, skipped = _read(READING_LOG)
    assert papers == {
        3: ("Chain Replication for Supporting High Throughput and Availability", "", None),
        4: ("ZooKeeper: wait-free coordination for internet-scale systems", "", None),
    }
    assert skipped[5] == NOTES


# dbarrosop/awesome-networking-papers-presos, README.md: a year at the end of a linked title.
TITLE_YEAR = """\
# Optical

* [Everything You Always Wanted to Know About Optical Networking - But Were Afraid to Ask (2017)](https://archive.nanog.org/sites/default/files/2_Steenbergen_Tutorial_New_And_v2.pdf)
"""


def test_a_year_closing_a_linked_title_is_its_year() -> None:
    papers, _ = _read(TITLE_YEAR)
    title = "Everything You Always Wanted to Know About Optical Networking - But Were Afraid to Ask"
    assert papers == {3: (title, "", 2017)}
    assert title_year("Data Center TCP (DCTCP)") == ("Data Center TCP (DCTCP)", None)


# zhjwpku/paper-notes, src/databases/kv/README.md: dated papers linked to the reader's notes;
# the bold ", 2017" is the year, not a venue.
DATED_NOTES = """\
- **[Optimizing Space Amplification in RocksDB][rocksdb-cidr17], 2017**
- **[WiscKey: Separating Keys from Values in SSD-Conscious Storage][wisckey], 2016**

### Further readings

- [Pipelined Compaction for the LSM-tree][pcp], 2014

[rocksdb-cidr17]: optimizing-space-amplification-in-rocksdb.md
[wisckey]: wisckey.md
[pcp]: /assets/pdfs/pcp_pipelined_compaction_for_lsm_tree.pdf
"""


def test_dated_papers_linked_to_notes_are_papers_with_their_years() -> None:
    papers, _ = _read(DATED_NOTES)
    assert papers == {
        1: ("Optimizing Space Amplification in RocksDB", "", 2017),
        2: ("WiscKey: Separating Keys from Values in SSD-Conscious Storage", "", 2016),
        6: ("Pipelined Compaction for the LSM-tree", "", 2014),
    }
    assert trailing_year("](x.md), 2014.") == 2014 and trailing_year(", page 2014a") is None
