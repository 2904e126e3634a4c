"""The twenty-eighth round of real lists: a curated collection whose title has a ``Source:``
line under it, a bibliography in time order with the year and a dash before each reference,
a reading journal's plain titles with their authors after a dash and journals' pages below,
an APA bibliography with its journals and books in italics, authors written initials first
before the title or ``et al.`` after it, ACM's reference format with the year after the
names, quoted two-word titles.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen28/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.dash_bylines import dash_byline
from papershelf.catalog.initial_names import initials_first
from papershelf.catalog.quoted_titles import unquoted
from papershelf.catalog.spans import Span
from papershelf.catalog.year_dash import year_dashed

from .excerpts import read_excerpt as _read

_WORD = st.sampled_from(
    ["Learning", "Neural", "Networks", "Memory", "Deep", "Nets", "for", "of", "the", "Vision"]
)
_NAMES = st.sampled_from(
    ["Rosenblatt.", "Cover & Hart", "LeCun et al.", "Hochreiter & Schmidhuber"]
)

# thaxali/HCI CHI26/CHI26_Curated_Papers.md @ 992a3a8137ad883d21c07deaf19d915c9f409485
CHI_COLLECTION = (
    "# CHI'26 Preprint Collection — Curated Reading List\n"
    "\n"
    "**Source:** https://dbuschek.medium.com/chi26-preprint-collection-bdbfe9492a7b\n"
    "\n"
    "---\n"
    "\n"
    "## Interaction with Text & NLP (26 papers)\n"
    "\n"
    "1. **The AI Memory Gap: Users Misremember What They Created With AI or Without** —"
    " [PDF](https://arxiv.org/pdf/2509.11851)\n"
    "2. **Collaborative Document Editing with Multiple Users and AI Agents** —"
    " [PDF](https://arxiv.org/pdf/2509.11826)\n"
    "\n"
    "---\n"
    "\n"
    "## AI-/Computer-mediated Communication (9 papers)\n"
    "\n"
    "1. **The Words That Can't Be Shared: Exploring the Design of Unsent Messages** —"
    " [PDF](https://arxiv.org/pdf/2601.13343)\n"
)


def test_a_collections_title_with_a_source_line_is_no_paper() -> None:
    papers, _ = _read(CHI_COLLECTION)
    assert papers == {
        9: (
            "The AI Memory Gap: Users Misremember What They Created With AI or Without",
            "CHI 2026",
            2026,
        ),
        10: ("Collaborative Document Editing with Multiple Users and AI Agents", "CHI 2026", 2026),
        16: (
            "The Words That Can't Be Shared: Exploring the Design of Unsent Messages",
            "CHI 2026",
            2026,
        ),
    }


# ramespada/notes.ai _biblio/index.md @ f23703bd7be4307d2ab36f221a5f2a0a9e9750a1
YEAR_FIRST = (
    "# Bibliografía \n"
    "En esta sección se presentan algunos papers y referencias para profundizar los temas"
    " tratados en el curso.\n"
    "\n"
    "\n"
    "1. 1958 – Rosenblatt. “The Perceptron: A Probabilistic Model for Information Storage and"
    " Organization in the Brain”\n"
    "The birth certificate of neural networks. Introduced the perceptron, a learnable model"
    " inspired by neurons. Why it matters:\n"
    "- First learning algorithm for a neural-like model\n"
    "- Sparked both excitement and backlash that shaped decades of research\n"
    "\n"
    "2. 1967 – Cover & Hart “Nearest Neighbor Pattern Classification” \n"
    "The quiet foundation of instance-based learning.\n"
    "Why it matters:\n"
    "- Formalized the nearest-neighbor idea\n"
    "\n"
    "5. 1997 – Hochreiter & Schmidhuber  “Long Short-Term Memory”\n"
    "\n"
    "Teaching machines to remember.\n"
    "Why it matters:\n"
    "- Solved the vanishing gradient problem in RNNs\n"
)


def test_a_year_and_a_dash_before_a_reference_give_its_year() -> None:
    papers, _ = _read(YEAR_FIRST)
    perceptron = (
        "The Perceptron: A Probabilistic Model for Information Storage and Organization in"
        " the Brain"
    )
    # the lines under each reference are the reader's words on it, not its venue
    assert papers == {
        5: (perceptron, "", 1958),
        10: ("Nearest Neighbor Pattern Classification", "", 1967),
        15: ("Long Short-Term Memory", "", 1997),
    }


@given(
    st.integers(1900, 2029),
    st.sampled_from(["–", "-", "—", "--"]),
    _NAMES,
    st.lists(_WORD, min_size=2, max_size=8),
)
def test_a_leading_year_and_dash_close_the_quoted_reference(
    year: int, dash: str, names: str, words: list[str]
) -> None:
    title = " ".join(words)
    spans = [Span(f"{year} {dash} {names} “{title}”"), Span("\n", brk=True), Span("A note.")]
    found = year_dashed(spans)
    assert found is not None
    assert found[0] == year and found[2]
    assert "".join(s.text for s in found[1]) == f"{names} “{title}”, {year}"


@given(st.lists(_WORD, min_size=1, max_size=6))
def test_entries_without_a_leading_year_are_left_alone(words: list[str]) -> None:
    text = " ".join(words)
    assert year_dashed([Span(text)]) is None
    assert year_dashed([Span("1979, "), Span(text, href="https://x.org/p.pdf")]) is None


# mgg39/Quantum-tech-papers README.md @ 00c9320a9315ced8260a764e5b48e7581892c67a
DASHED_AUTHORS = (
    "The following papers are available in this repo (in order):\n"
    "- A Grand Unification of Quantum Algorithms - John M. Martyn, Zane M. Rossi, Andrew K. Tan,"
    " Isaac L. Chuang\n"
    "       https://arxiv.org/abs/2105.02859\n"
    "- A Review of Quantum Computer Energy Efficiency - Nelly Elsayed† Anthony S. Maida† Magdy"
    " Bayoumi\n"
    "       https://ieeexplore.ieee.org/abstract/document/8767125\n"
    "- All-photonic quantum repeaters - Koji Azuma, Kiyoshi Tamaki & Hoi-Kwong Lo\n"
    "       https://arxiv.org/abs/1309.7207\n"
    "- An energy efficient multipliers using reversible gates\n"
    "       https://www.researchgate.net/publication/347857423_An_energy_efficient_multipliers"
    "_using_reversible_gates\n"
    "- Continued Fractions and Probability Estimations in Shor’s Algorithm: A Detailed and"
    " Self-Contained Treatise -Johanna Barzen and Frank Leymann\n"
    "       https://arxiv.org/abs/2205.01925\n"
)


def test_names_after_a_dash_are_the_authors_not_the_title() -> None:
    papers, _ = _read(DASHED_AUTHORS)
    assert {line: title for line, (title, _, _) in papers.items()} == {
        2: "A Grand Unification of Quantum Algorithms",
        4: "A Review of Quantum Computer Energy Efficiency",
        6: "All-photonic quantum repeaters",
        8: "An energy efficient multipliers using reversible gates",
        10: "Continued Fractions and Probability Estimations in Shor’s Algorithm: A Detailed"
        " and Self-Contained Treatise",
    }


_GIVEN = st.sampled_from(["John", "Zane", "Koji", "Chiara", "Isaac", "Nelly"])
_FAMILY = st.sampled_from(["Martyn", "Rossi", "Azuma", "Marletto", "Chuang", "Elsayed"])
_MIDDLE = st.sampled_from(["", "M. ", "K. ", "L. "])


@given(
    st.lists(_WORD, min_size=3, max_size=8),
    st.lists(st.tuples(_GIVEN, _MIDDLE, _FAMILY), min_size=1, max_size=4),
    st.sampled_from([" - ", " – ", " -"]),
)
def test_a_dash_then_names_splits_title_and_authors(
    words: list[str], people: list[tuple[str, str, str]], dash: str
) -> None:
    title = " ".join(words)
    names = [f"{given} {middle}{family}" for given, middle, family in people]
    assert dash_byline(f"{title}{dash}{', '.join(names)}") == (title, tuple(names))


@given(st.lists(_WORD, min_size=3, max_size=8), st.lists(_WORD, min_size=1, max_size=4))
def test_a_dash_inside_a_title_keeps_the_title_whole(words: list[str], tail: list[str]) -> None:
    # lower-case words after the dash are the title's own
    title = f"{' '.join(words)} - {' '.join(w.lower() for w in tail)}"
    assert dash_byline(title) is None


# mgg39/Quantum-tech-papers README.md @ 00c9320a9315ced8260a764e5b48e7581892c67a
JOURNAL_PAGES = (
    "The following papers are available in this repo (in order):\n"
    "- Quantum networking, by  Rodney Van Meter (book)\n"
    "- 2D materials for quantum information science\n"
    "       https://www.nature.com/articles/s41578-019-0136-x\n"
    "- A Preprocessing Perspective for Quantum Machine Learning Classification Advantage in"
    " Finance Using NISQ Algorithms - Javier Mancilla, Christophe Pere \n"
    "       https://www.mdpi.com/1099-4300/24/11/1656\n"
    "- Discrete simulation of quantum walks - Madita Willsch, Dennis Willsch, Kristel"
    " Michielsen, and Hans De Raedt\n"
    "       https://www.frontiersin.org/articles/10.3389/fphy.2020.00145/full\n"
    "- Distribution of entanglement in large-scale quantum networks - S Perseguers, G J"
    " Lapeyre Jr, D Cavalcanti, M Lewenstein and A Acin\n"
    "       https://iopscience.iop.org/article/10.1088/0034-4885/76/9/096001/pdf\n"
)


def test_a_journals_article_page_below_a_plain_title_is_the_papers() -> None:
    papers, skipped = _read(JOURNAL_PAGES)
    assert sorted(papers) == [3, 5, 7, 9]
    assert papers[3][0] == "2D materials for quantum information science"
    assert papers[7][0] == "Discrete simulation of quantum walks"
    assert skipped[2] == "text without a paper link"  # the book


# DigitalHumanitiesCraft/PromptotypingExplainer knowledge/paper/07-references.md
#   @ 8f54d47e194941861ee8ed787bad0d2fe5f111e5
APA_ITALICS = (
    "### KI und Large Language Models\n"
    "\n"
    "Jimenez, C. E., Yang, J., Wettig, A., Yao, S., Pei, K., Press, O. & Narasimhan, K. R."
    " (2024). SWE-bench: Can Language Models Resolve Real-World GitHub Issues? *Proceedings of"
    " the Twelfth International Conference on Learning Representations (ICLR 2024)*."
    " https://openreview.net/forum?id=VTF8yNQM66\n"
    "\n"
    "Malmqvist, L. (2024). Sycophancy in Language Models: Causes and Mitigations."
    " *arXiv preprint*.\n"
    "\n"
    "Wilkinson, M. D. et al. (2016). The FAIR Guiding Principles for scientific data management"
    " and stewardship. *Scientific Data*, 3, 160018. https://doi.org/10.1038/sdata.2016.18\n"
    "\n"
    "## Kognitionswissenschaft und Psychologie\n"
    "\n"
    "Kahneman, D. (2011). *Thinking, Fast and Slow*. Farrar, Straus and Giroux.\n"
    "\n"
    "## Design und Requirements Engineering\n"
    "\n"
    "Hevner, A. R. et al. (2004). Design Science in Information Systems Research. *MIS"
    " Quarterly*, 28(1), 75–105.\n"
    "\n"
    "## Digital Humanities\n"
    "\n"
    "Gibbs, F. & Owens, T. (2012). Building Better Digital Humanities Tools: Toward Broader"
    " Audiences and User-Centered Designs. *Digital Humanities Quarterly*, 6(2).\n"
)


def test_apa_references_read_the_plain_title_and_the_italic_journal() -> None:
    papers, skipped = _read(APA_ITALICS)
    fair = "The FAIR Guiding Principles for scientific data management and stewardship"
    tools = (
        "Building Better Digital Humanities Tools: Toward Broader Audiences and User-Centered"
        " Designs"
    )
    assert papers == {
        3: ("SWE-bench: Can Language Models Resolve Real-World GitHub Issues?", "ICLR 2024", 2024),
        5: ("Sycophancy in Language Models: Causes and Mitigations", "arXiv 2024", 2024),
        7: (fair, "Scientific Data 2016", 2016),
        15: ("Design Science in Information Systems Research", "MIS Quarterly 2004", 2004),
        19: (tools, "Digital Humanities Quarterly 2012", 2012),
    }
    assert skipped[11] == "blogs, docs, slides or other non-papers"  # the book


# Levintsky/ML-tutorial RL/Robotics.md @ 8405eab66e61f492a58cd740ec38935ff8560020
ROBOTICS = (
    "# Robotics\n"
    "\n"
    "## From Spinning Up\n"
    "- Benchmarking Reinforcement Learning Algorithms on Real-World Robots, Mahmood et al,"
    " 2018.\n"
    "\n"
    "## Berkeley\n"
    "- S. Levine, C. Finn, T. Darrell, P. Abbeel. End-to-End Training of Deep Visuomotor"
    " Policies, JMLR 2016\n"
    "- Learning Hand-Eye Coordination for Robotic Grasping with Large-Scale Data Collection,"
    " 2016\n"
    "\n"
    "## NIPS'19\n"
    "- Y Chang, N Roohi, S Gao. Neural Lyapunov Control\n"
    "- T Kim, J Ghosh. On Single Source Robustness in Deep Fusion Models\n"
)


def test_names_initials_first_before_the_title_are_its_authors() -> None:
    papers, _ = _read(ROBOTICS)
    grasping = (
        "Learning Hand-Eye Coordination for Robotic Grasping with Large-Scale Data Collection"
    )
    assert papers == {
        4: ("Benchmarking Reinforcement Learning Algorithms on Real-World Robots", "", 2018),
        7: ("End-to-End Training of Deep Visuomotor Policies", "JMLR 2016", 2016),
        8: (grasping, "", 2016),
        11: ("Neural Lyapunov Control", "NIPS 2019", 2019),
        12: ("On Single Source Robustness in Deep Fusion Models", "NIPS 2019", 2019),
    }


_INITIALS = st.sampled_from(["S.", "Y", "C.", "X. Y.", "A", "L.-J."])


@given(
    st.lists(st.tuples(_INITIALS, _FAMILY), min_size=2, max_size=6),
    st.lists(_WORD, min_size=2, max_size=8),
)
def test_initials_first_names_then_a_stop_lead_the_title(
    people: list[tuple[str, str]], words: list[str]
) -> None:
    title = " ".join([words[0].capitalize(), *words[1:]])
    names = tuple(f"{initials} {family}" for initials, family in people)
    assert initials_first(f"{', '.join(names)}. {title}") == (names, title)


@given(st.lists(_WORD, min_size=2, max_size=8))
def test_a_title_with_no_names_before_it_has_no_initials_lead(words: list[str]) -> None:
    assert initials_first(" ".join([words[0].capitalize(), *words[1:]])) is None


# CACTI-Lab/CACTI-Lab.github.io _pages/resources.md @ 0cc774304bf0824f706023e7014cdf0a1991eb91
ACM_FORMAT = (
    "### climate-related\n"
    "\n"
    "- Sasha Luccioni, Yacine Jernite, and Emma Strubell. 2024. [__Power Hungry Processing:"
    " Watts Driving the Cost of AI Deployment?__](https://doi.org/10.1145/3630106.3658542)."
    " FAccT '24.\n"
    "\n"
    "- David Rolnick, Priya L. Donti, Lynn H. Kaack, Kelly Kochanski, Alexandre Lacoste, Kris"
    " Sankaran, Andrew Slavin Ross, Nikola Milojevic-Dupont, Natasha Jaques, Anna Waldman-Brown,"
    " Alexandra Sasha Luccioni, Tegan Maharaj, Evan D. Sherwin, S. Karthik Mukkavilli, Konrad P."
    " Kording, Carla P. Gomes, Andrew Y. Ng, Demis Hassabis, John C. Platt, Felix Creutzig,"
    " Jennifer Chayes, and Yoshua Bengio. 2022. [__Tackling Climate Change with Machine"
    " Learning__](https://doi.org/10.1145/3485128). ACM Comput. Surv. \n"
)


def test_the_year_after_the_names_in_acms_format_is_the_papers() -> None:
    papers, _ = _read(ACM_FORMAT)
    power = "Power Hungry Processing: Watts Driving the Cost of AI Deployment?"
    # the journal's short name alone, with no year of its own, is left unread
    assert papers == {
        3: (power, "FAccT 2024", 2024),
        5: ("Tackling Climate Change with Machine Learning", "", 2022),
    }


# GerardoDario/ds_ai_clean papers/README.md @ 2b95df627102ecb46730122f53f8afdf50963f81
#   (lines 7-12 and 42-54)
QUOTED_CLASSICS = (
    "### Plataformas Principales\n"
    "- **[ArXiv](https://arxiv.org/)**: Preprints gratuitos (cs.AI, cs.LG, cs.CV, cs.CL)\n"
    "- **[Papers With Code](https://paperswithcode.com/)**: Papers con implementaciones\n"
    "- **[Google Scholar](https://scholar.google.com/)**: Búsqueda académica\n"
    "- **[Semantic Scholar](https://www.semanticscholar.org/)**: AI-powered search\n"
    "- **[OpenReview](https://openreview.net/)**: Reviews de conferencias\n"
    "\n"
    "\n"
    "### Machine Learning Clásico\n"
    '- **"Learning representations by back-propagating errors" (1986)**\n'
    "  - Rumelhart, Hinton, Williams\n"
    "  - Backpropagation\n"
    "\n"
    '- **"A Decision-Theoretic Generalization of On-Line Learning" (1997)**\n'
    "  - Freund & Schapire\n"
    "  - AdaBoost\n"
    "\n"
    '- **"Support-Vector Networks" (1995)**\n'
    "  - Cortes & Vapnik\n"
    "  - SVMs\n"
)


def test_a_quoted_two_word_title_with_its_year_is_a_paper() -> None:
    papers, _ = _read(QUOTED_CLASSICS)
    assert papers == {
        10: ("Learning representations by back-propagating errors", "", 1986),
        14: ("A Decision-Theoretic Generalization of On-Line Learning", "", 1997),
        18: ("Support-Vector Networks", "", 1995),
    }


@given(st.lists(_WORD, min_size=1, max_size=6), st.sampled_from([('"', '"'), ("“", "”")]))
def test_quotes_around_the_whole_text_give_its_words(
    words: list[str], quotes: tuple[str, str]
) -> None:
    text = " ".join(words)
    assert unquoted(f"{quotes[0]}{text}{quotes[1]}") == text
    assert unquoted(text) is None
    assert unquoted(f'"{text}" and "{text}"') is None
