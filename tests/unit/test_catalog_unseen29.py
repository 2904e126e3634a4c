"""The twenty-ninth round of real lists (ML systems): a table's Date column that names the
venue beside the year (``2021 ISCA``).

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen29/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list

from .excerpts import read_excerpt as _read

_WORD = st.sampled_from(
    ["Sparse", "Tensor", "Accelerator", "Dataflow", "Graph", "Training", "for", "with"]
)
_VENUE = st.sampled_from(["ISCA", "ASPLOS", "MICRO", "HPCA", "CGO", "OSDI", "SOSP"])

# ftxj/Paper_Reading_List Acclerators/material.md @ 1d0362b6b59bb550f1f0a92ec184d180b1a6d858
ACCELERATORS = (
    "## Acclerator for Deep Learning\n"
    "| **Date** | **Paper** | **Focused On** | **Notes** |\n"
    "| --- | --- | --- | --- |\n"
    "| 2021 ASPLOS | Statistical Robustness of Markov Chain Monte Carlo Accelerators"
    " [[paper]](https://users.cs.duke.edu/~alvy/papers/robustness_asplos21.pdf)  | 马尔可夫 |  |\n"
    "| 2021 ISCA | RaPiD: AI Accelerator for Ultra-Low Precision Training and Inference   |"
    "  |  |\n"
    "| 2021 ISCA | FORMS: Fine-Grained Polarized ReRAM-Based In-Situ Computation for"
    " Mixed-Signal DNN Accelerator |  PIM |  |\n"
)


def test_a_date_column_that_names_the_venue_gives_it() -> None:
    papers, _ = _read(ACCELERATORS)
    rapid = "RaPiD: AI Accelerator for Ultra-Low Precision Training and Inference"
    forms = (
        "FORMS: Fine-Grained Polarized ReRAM-Based In-Situ Computation for Mixed-Signal"
        " DNN Accelerator"
    )
    assert papers == {
        4: (
            "Statistical Robustness of Markov Chain Monte Carlo Accelerators",
            "ASPLOS 2021",
            2021,
        ),
        5: (rapid, "ISCA 2021", 2021),
        6: (forms, "ISCA 2021", 2021),
    }


def test_a_date_column_with_a_month_names_no_venue() -> None:
    table = (
        "| Date | Paper |\n"
        "| --- | --- |\n"
        "| Mar 2021 | [Sparse Tensor Cores for Training](https://arxiv.org/abs/2101.00001) |\n"
        "| 2021-05-21 | [Dataflow Graph Accelerators](https://arxiv.org/abs/2101.00002) |\n"
    )
    papers, _ = _read(table)
    assert papers == {
        3: ("Sparse Tensor Cores for Training", "", 2021),
        4: ("Dataflow Graph Accelerators", "", 2021),
    }


_YEAR = st.integers(min_value=1990, max_value=2029)


@given(st.lists(_WORD, min_size=3, max_size=8), _VENUE, _YEAR)
def test_a_year_and_a_venue_in_a_date_cell_give_both(
    words: list[str], venue: str, year: int
) -> None:
    title = "Efficient " + " ".join(words)
    table = f"| Date | Paper |\n| --- | --- |\n| {year} {venue} | {title} |\n"
    papers, _ = _read(table)
    assert papers == {3: (title, f"{venue} {year}", year)}


# teja2010/teja2010.github.io src/P/1_ML_sys.md @ 1a5084130ac7f5ce1d4dbf2f1002593ffe869a83
BACKLOG = (
    "## Backlog of papers yet to read\n"
    "\n"
    "1. Jupiter Evolving: [Hochschild et al., 2021](https://dl.acm.org/doi/pdf/10.1145/3544216"
    ".3544265)\n"
    "2. TPUv4 [Jouppi et al., 2023](https://arxiv.org/abs/2304.01433)\n"
    "3. TensorFlow [Abadi et al.,](https://arxiv.org/abs/1603.04467)\n"
    "5. Cores that don't count [Hochschild et al., 2021;](https://sigops.org/s/conferences/hotos/"
    "2021/papers/hotos21-s01-hochschild.pdf)\n"
)


def test_a_link_labelled_by_author_and_year_is_no_title() -> None:
    papers, _ = _read(BACKLOG)
    assert papers == {
        3: ("Jupiter Evolving", "", 2021),
        4: ("TPUv4", "", 2023),
        5: ("TensorFlow", "", None),
        6: ("Cores that don't count", "", 2021),
    }


def test_a_title_named_like_a_citation_needs_a_name_before_it() -> None:
    papers, _ = _read("- [Smith et al., 2019](https://arxiv.org/abs/1901.00001)\n")
    assert papers == {1: ("Smith et al", "", 2019)}  # nothing else names it
    from papershelf.catalog.cite_labels import cited_year, cites_work

    assert cites_work("Vaswani et al. 2017") and cited_year("Smith (2019)") == 2019
    assert not cites_work("Transformer 2017") and not cites_work("Attention Is All You Need")


_SURNAME = st.sampled_from(["Hochschild", "Jouppi", "Barham", "Abadi", "Dean", "O'Neil"])


@given(st.lists(_WORD, min_size=1, max_size=6), _SURNAME, _YEAR)
def test_the_name_before_a_citing_link_titles_the_paper(
    words: list[str], surname: str, year: int
) -> None:
    name = "Pathways " + " ".join(words)
    papers, _ = _read(f"- {name}: [{surname} et al., {year}](https://arxiv.org/abs/2203.12533)\n")
    assert papers == {1: (name, "", year)}


# LearningSys/sosp19 acceptedpapers.md @ 12a1a53d843aa58483a185d18bc5949233f37f15
ACCEPTED = (
    "[**OverSeer: Efficient DNN Execution on Heterogeneous Devices**](assets/papers/7\\Camera"
    "ReadySubmission\\AI_system_camera_ready_v1.pdf): Rohan Mukherjee (Rice University); Zhi"
    " Chen (AWS); Vin Sharma (AWS); Animesh Jain (AWS)\n"
    "\n"
    "**Lessons learnt from shipping Intelligent Feeds to Microsoft Teams**: Mohammad Luqman"
    " (Microsoft); Juhi  Dua (Microsoft); Shivangi Dhakad (Microsoft); Anurag Mishra (Microsoft"
    " IDC); Pooja Aggarwal (Microsoft)\n"
    "\n"
    "[**Letting the Cloud Serve DNN Inferences with Ruthless Efficiency**](assets/papers/17\\"
    "CameraReadySubmission\\Clockwork__SOSP_AI_Systems_Poster_ (5).pdf): Reza Karimi (Emory"
    " University); Anthony Simpson (Max Planck Institute for Software Systems)\n"
    "\n"
    "**Standardizing Evaluation of Neural Network Pruning**: Jose Javier Gonzalez Ortiz (MIT);"
    " Davis Blalock (MIT); John Guttag (MIT)\n"
)


def test_a_bold_title_then_its_authors_with_affiliations_is_a_paper() -> None:
    papers, _ = _read(ACCEPTED)
    assert papers == {
        1: ("OverSeer: Efficient DNN Execution on Heterogeneous Devices", "", None),
        3: ("Lessons learnt from shipping Intelligent Feeds to Microsoft Teams", "", None),
        # the file's name holds spaces and a copy's number: a link a reader still follows
        5: ("Letting the Cloud Serve DNN Inferences with Ruthless Efficiency", "", None),
        7: ("Standardizing Evaluation of Neural Network Pruning", "", None),
    }
    parsed = parse_list(ACCEPTED, source="x.md")
    assert parsed.papers[1].authors == (
        "Mohammad Luqman",
        "Juhi Dua",
        "Shivangi Dhakad",
        "Anurag Mishra",
        "Pooja Aggarwal",
    )


def test_a_bold_label_over_words_is_no_byline() -> None:
    note = "**Note on this list**: see the workshop page (2019); thanks\n"
    papers, _ = _read(note + "\n- [Fast Sparse Training](https://arxiv.org/abs/1901.00001)\n")
    assert papers == {3: ("Fast Sparse Training", "", None)}


@given(st.lists(_WORD, min_size=2, max_size=8), st.lists(_SURNAME, min_size=1, max_size=4))
def test_any_bold_title_with_affiliated_authors_is_read(
    words: list[str], surnames: list[str]
) -> None:
    title = "Fast " + " ".join(words)
    names = "; ".join(f"Ann {name} (MIT)" for name in surnames)
    papers, _ = _read(f"**{title}**: {names}\n")
    assert papers == {1: (title, "", None)}


# andli28/Research-Papers README.md @ 04fef5171cc6ac0388b86a956c4d4ab546473ebe
MAKERS = (
    "### Defenses\n"
    "- **IBM (Cloud'22)**: DeTrust-FL: Privacy-Preserving Federated Learning in Decentralized"
    " Trust Setting [`PDF`](https://arxiv.org/pdf/2207.07779.pdf)\n"
    "\n"
    "## FL Optimization\n"
    "- Oort: Efficient Federated Learning via Guided Participant Selection[`PDF`]"
    "(https://www.usenix.org/conference/osdi21/presentation/lai) | OSDI 21 🎓\n"
    "- **(ICML'22)**: Neural Tangent Kernel Empowered Federated Learning"
    " [`PDF`](https://arxiv.org/pdf/2110.03681.pdf)\n"
    "\n"
    "## FL Systems from big tech companies\n"
    "- **Apple**:  Federated Evaluation and Tuning for On-Device Personalization: System Design"
    " & Applications | [`PDF`](https://arxiv.org/pdf/2102.08503.pdf)\n"
    "- **Google**: Towards Federated Learning at Scale: System Design | [`MLSys21`]"
    "(https://arxiv.org/abs/1902.01046), [`Github`](https://www.tensorflow.org/federated)🎓\n"
)


def test_a_bold_maker_before_a_colon_is_no_title() -> None:
    papers, _ = _read(MAKERS)
    apple = (
        "Federated Evaluation and Tuning for On-Device Personalization: System Design"
        " & Applications"
    )
    assert papers == {
        2: (
            "DeTrust-FL: Privacy-Preserving Federated Learning in Decentralized Trust Setting",
            "Cloud 2022",
            2022,
        ),
        # a mark after the venue (a mortarboard: read for a class) is no part of it
        5: (
            "Oort: Efficient Federated Learning via Guided Participant Selection",
            "OSDI 2021",
            2021,
        ),
        6: ("Neural Tangent Kernel Empowered Federated Learning", "ICML 2022", 2022),
        9: (apple, "", None),
        10: ("Towards Federated Learning at Scale: System Design", "MLSys 2021", 2021),
    }


@given(
    st.lists(_WORD, min_size=3, max_size=8),
    _VENUE,
    st.sampled_from(["⭐", "⭐⭐⭐", "✅", "🎓", "🔥"]),
)
def test_marks_after_a_venue_leave_the_venue(words: list[str], venue: str, mark: str) -> None:
    title = "Scaling " + " ".join(words)
    entry = f"- [{title}](https://arxiv.org/abs/2101.00001) | {venue} 21 {mark}\n"
    papers, _ = _read(entry)
    assert papers == {1: (title, f"{venue} 2021", 2021)}


# AmadeusChan/Awesome-LLM-System-Papers README.md @ 030320b98900e712006b0da6ca04d5864d5d2170
PAREN_VENUES = (
    "## LLM Inference (Serving) Systems\n"
    "\n"
    "- Orca: A Distributed Serving System for Transformer-Based Generative Models (OSDI'22)"
    " [link to paper](https://www.usenix.org/conference/osdi22/presentation/yu)\n"
    "- PETALS: Collaborative Inference and Fine-tuning of Large Models (NeurIPS'22 Workshop"
    " WBRC) [link to paper](https://openreview.net/pdf?id=Ls_NTjgWXZV)\n"
    "- SpecInfer: Accelerating Generative LLM Serving with Speculative Inference and Token Tree"
    " Verification (preprint'23) [link to paper](https://www.cs.cmu.edu/~zhihaoj2/papers/"
    "specinfer.pdf)\n"
)


def test_a_workshop_and_a_preprint_in_parentheses() -> None:
    papers, _ = _read(PAREN_VENUES)
    spec = (
        "SpecInfer: Accelerating Generative LLM Serving with Speculative Inference and Token"
        " Tree Verification"
    )
    assert papers == {
        3: (
            "Orca: A Distributed Serving System for Transformer-Based Generative Models",
            "OSDI 2022",
            2022,
        ),
        # the workshop's conference and year; the preprint's year, and no venue
        4: (
            "PETALS: Collaborative Inference and Fine-tuning of Large Models",
            "NeurIPS 2022",
            2022,
        ),
        5: (spec, "", 2023),
    }
