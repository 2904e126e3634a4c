"""The thirtieth round of real lists: titles in plain text under a label bullet with a venue
glued to their end (``Title ICDM2018 [Paper](...) [Note](...)``), a label bullet over named
blog links, a paper's short name before its bold title (``ItemCF: **Title**``).

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen30/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.bib_blocks import bibtex_venue
from papershelf.catalog.bold_heads import bold_venue_line
from papershelf.catalog.citation import citation_venue
from papershelf.catalog.fields import split_tags
from papershelf.catalog.honoured_years import honoured_edition
from papershelf.catalog.label_cites import stopped_citation
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.spans import Span
from papershelf.catalog.tail_venue import title_then_venue
from papershelf.catalog.title_bylines import title_then_names
from papershelf.catalog.venue_text import VenueGuess
from papershelf.domain.grouping import alias_table, venue_key

from .excerpts import read_excerpt as _read

_WORD = st.sampled_from(
    ["Graph", "Sequential", "Recommendation", "Contrastive", "Learning", "for", "with", "Deep"]
)
_VENUE = st.sampled_from(["ICDM", "SIGIR", "WWW", "KDD", "AAAI", "ICDE", "arXiv", "NeurIPS"])

# QinHsiu/Awesome-Papers Recsys/README.md @ 00d2f129faca867257cef7363aacaba5e341c57c
RECSYS_NOTES = (
    "- Sequential Recommendation\n"
    "- 论文\n"
    "  - Self-Attentive Sequential Recommendation ICDM2018 [Paper](https://arxiv.org/abs/1808"
    ".09781) [Note](https://juejin.cn/post/7085261451618680869)\n"
    "\n"
    "  - Intent Contrastive Learning for Sequential Recommendation WWW2022 [Paper](https://arxiv"
    ".org/pdf/2202.02519.pdf) [Note](https://juejin.cn/post/7081106506011115534)\n"
    "- 解读\n"
    "  - [序列推荐+大模型集合](https://mp.weixin.qq.com/s/HQIGNfGQypk-x7yoYaKcow)\n"
    "  - [SimHash-CIKM2022](https://mp.weixin.qq.com/s/eG4yQoyGIZdVxhCzvV1gGA)\n"
    "\n"
    "- Collaborative Filtering\n"
    "- 论文\n"
    "  - Predictive and Contrastive: Dual-Auxiliary Learning for Recommendation Arxiv2022"
    " [Paper](https://arxiv.org/pdf/2203.03982.pdf) [Note](https://juejin.cn/post/708153109624"
    "8090655)\n"
)


def test_titles_under_a_label_bullet_are_the_papers_and_the_blog_links_are_not() -> None:
    papers, skipped = _read(RECSYS_NOTES)
    assert papers == {
        3: ("Self-Attentive Sequential Recommendation", "ICDM 2018", 2018),
        5: ("Intent Contrastive Learning for Sequential Recommendation", "WWW 2022", 2022),
        12: (
            "Predictive and Contrastive: Dual-Auxiliary Learning for Recommendation",
            "arXiv 2022",
            2022,
        ),
    }
    assert skipped[7] == "blogs, docs, slides or other non-papers"
    assert 8 in skipped  # a blog on a paper, named by the paper: no paper either


def test_a_title_ending_in_a_word_and_a_year_keeps_them() -> None:
    assert title_then_venue("Self-Attentive Sequential Recommendation ICDM2018") == (
        "Self-Attentive Sequential Recommendation",
        "ICDM 2018",
    )
    assert title_then_venue("Fuzzing the Linux Kernel Since 2019") is None  # no venue
    assert title_then_venue("The Tour de France 2019") is None  # no venue either
    assert title_then_venue("Sequential Recommendation SIGIR2022") is None  # too short a title


@given(st.lists(_WORD, min_size=3, max_size=8), _VENUE, st.integers(2000, 2029), st.booleans())
def test_a_glued_venue_comes_off_any_title(
    words: list[str], venue: str, year: int, spaced: bool
) -> None:
    title = " ".join(words)
    found = title_then_venue(f"{title} {venue}{' ' if spaced else ''}{year}")
    assert found == (title, f"{venue} {year}")


# hegongshan/Recommender-Systems-Paper README.md @ 063184951665ce99523fec8cf453cee410f9016d
RECSYS_PAPERS = (
    "#### Neighborhood-based\n"
    "\n"
    "* [2001] ItemCF: **Item-Based Collaborative Filtering Recommendation Algorithms**."
    " [[PDF](https://dl.acm.org/doi/pdf/10.1145/371920.372071)]\n"
    "* [2003] **Amazon.com recommendations: item-to-item collaborative filtering**."
    " [[PDF](https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=1167344)]\n"
    "* [2004 TOIS] **Item-Based Top-N Recommendation Algorithms**."
    " [[PDF](http://glaros.dtc.umn.edu/gkhome/fetch/papers/itemrsTOIS04.pdf)]\n"
    "* [2008] SVD++: **Factorization meets the neighborhood: a multifaceted collaborative"
    " filtering model**. [[PDF](https://dl.acm.org/doi/pdf/10.1145/1401890.1401944)]\n"
    "* [2014 NIPS] Logistic MF: **Logistic Matrix Factorization for Implicit Feedback Data**."
    " [[PDF](http://stanford.edu/~rezab/nips2014workshop/submits/logmat.pdf)]"
    " [[Codes](https://github.com/MrChrisJohnson/logistic-mf)]\n"
)


def test_a_short_name_before_a_bold_title_is_not_part_of_it() -> None:
    papers, _ = _read(RECSYS_PAPERS)
    assert papers == {
        3: ("Item-Based Collaborative Filtering Recommendation Algorithms", "", 2001),
        4: ("Amazon.com recommendations: item-to-item collaborative filtering", "", 2003),
        5: ("Item-Based Top-N Recommendation Algorithms", "TOIS 2004", 2004),
        6: (
            "Factorization meets the neighborhood: a multifaceted collaborative filtering model",
            "",
            2008,
        ),
        7: ("Logistic Matrix Factorization for Implicit Feedback Data", "NIPS 2014", 2014),
    }


# theokoles7/cite-net docs/references/references.md @ 13c45a36246d29aed6d4025234c13692cd9bee6e
CITE_NET = (
    "## References\n"
    "\n"
    "### 3. [Ziniu Hu, Yuxiao Dong, Kuansan Wang, Kai-Wei Chang, and Yizhou Sun. Gpt-gnn:"
    " Generative pre-training of graph neural networks. In Proceedings of the 26th ACM SIGKDD"
    " international conference on knowledge discovery & data mining, pages 1857–1867, 2020.]"
    "(./GPT-GNN_Generative_Pre-training_of_Graph_Neural_Networks_(Hu_et_al-2020).pdf)\n"
    "\n"
    "### 4. [Thomas N Kipf and Max Welling. Semi-supervised classification with graph"
    " convolutional networks. arXiv preprint arXiv:1609.02907, 2016.]"
    "(./Semi-Supervised_Classification-with_Graph_Convolutional_Networks_(Kipf_and_Welling_2017)"
    ".pdf)\n"
    "\n"
    "### 9. [Felix Wu, Amauri Souza, Tianyi Zhang, Christopher Fifty, Tao Yu, and Kilian"
    " Weinberger. Simplifying graph convolutional networks. In International conference on"
    " machine learning, pages 6861–6871. PMLR, 2019.]"
    "(./Simplifying_Graph_Convolution_Networks_(Wu_et_al-2019).pdf)\n"
    "\n"
    "### 10. [Keyulu Xu, Weihua Hu, Jure Leskovec, and Stefanie Jegelka. How powerful are graph"
    " neural networks? arXiv preprint arXiv:1810.00826, 2018.]"
    "(./How_Powerful_are_Graph_Neural_Networks_(Xu_et_al-2018).pdf)\n"
    "\n"
    "### 13. [Yuning You, Tianlong Chen, Yongduo Sui, Ting Chen, Zhangyang Wang, and Yang Shen."
    " Graph contrastive learning with augmentations. Advances in neural information processing"
    " systems, 33:5812–5823, 2020.](./Graph_Contrastive_Learning_with_Augmentations_"
    "(You_et_al-2020).pdf)\n"
)


_SIGKDD = "ACM SIGKDD international conference on knowledge discovery & data mining 2020"


def test_a_reference_as_printed_is_a_links_text() -> None:
    papers, _ = _read(CITE_NET)
    assert papers == {
        # a proceedings' own title is kept as the reference gives it (the corpus's reading)
        3: ("Gpt-gnn: Generative pre-training of graph neural networks", _SIGKDD, 2020),
        5: (
            "Semi-supervised classification with graph convolutional networks",
            "arXiv 2016",
            2016,
        ),
        # its venue named in the link's text made it read as a section's heading: lost
        7: (
            "Simplifying graph convolutional networks",
            "International conference on machine learning 2019",  # as written: the tree
            2019,  # files it under ICML (domain.full_names)
        ),
        9: ("How powerful are graph neural networks?", "arXiv 2018", 2018),
        11: (
            "Graph contrastive learning with augmentations",
            "Advances in neural information processing systems 2020",
            2020,
        ),
    }


def test_a_title_or_a_short_label_is_no_reference() -> None:
    assert stopped_citation("Attention Is All You Need. NeurIPS 2017. Best paper.") is None
    assert stopped_citation("Kernel Fuzzing. Z Wang, Y He. OSDI 2020") is None  # too short
    cited = stopped_citation(
        "Thomas N Kipf and Max Welling. Semi-supervised classification with graph"
        " convolutional networks. arXiv preprint arXiv:1609.02907, 2016."
    )
    assert cited is not None and cited.authors == "Thomas N Kipf and Max Welling"


@given(st.lists(_WORD, min_size=3, max_size=8), st.integers(1990, 2029))
def test_a_written_out_series_is_kept_as_written_and_filed_under_its_short_name(
    words: list[str], year: int
) -> None:
    title = " ".join(words).capitalize()
    text = (
        f"Ann Lee, Bo Chen, and Carl Diaz. {title}. Advances in neural information processing"
        f" systems, 33:5812–5823, {year}."
    )
    cited = stopped_citation(text)
    assert cited is not None and cited.title == title
    venue = citation_venue(cited)
    assert venue == VenueGuess("Advances in neural information processing systems", year)
    aliases = alias_table()
    assert venue_key(f"{venue.name} {year}", aliases) == venue_key(f"NeurIPS {year}", aliases)


# lzwjava/blog-source notes/2025-04-22-neurips-award-en.md
# @ 8e19870b884849442b5615cfd5010bf1b8480071
TEST_OF_TIME = (
    "**NeurIPS 2023 Test of Time Award (Papers from 2013)**\n"
    "\n"
    "* **Paper:** Distributed Representations of Words and Phrases and their Compositionality\n"
    "    * **Authors:** Tomas Mikolov, Ilya Sutskever, Kai Chen, Greg S. Corrado, Jeffrey Dean\n"
    "    * This paper introduced the word2vec model, a highly efficient method for learning"
    " high-quality vector representations of words from large text corpora.\n"
    "\n"
    "**NeurIPS 2022 Test of Time Award (Papers from 2012)**\n"
    "\n"
    "* **Paper:** Dropout: A Simple Way to Prevent Neural Networks from Overfitting\n"
    "    * **Authors:** Geoffrey E. Hinton, Nitish Srivastava, Alex Krizhevsky, Ilya Sutskever,"
    " Ruslan Salakhutdinov\n"
    "    * This paper introduced the dropout technique, a simple yet highly effective method for"
    " reducing overfitting in neural networks.\n"
)


def test_a_paper_line_with_its_fields_below_under_a_bold_award_heading() -> None:
    papers, skipped = _read(TEST_OF_TIME)
    assert papers == {
        # the award honours the papers of 2013, not of 2023
        3: (
            "Distributed Representations of Words and Phrases and their Compositionality",
            "NeurIPS 2013",
            2013,
        ),
        9: (
            "Dropout: A Simple Way to Prevent Neural Networks from Overfitting",
            "NeurIPS 2012",
            2012,
        ),
    }
    assert 1 not in skipped and 7 not in skipped  # headings in bold type, not paragraphs
    parsed = parse_list(TEST_OF_TIME, source="x.md")
    assert parsed.papers[0].authors[:2] == ("Tomas Mikolov", "Ilya Sutskever")


def test_an_award_heading_gives_the_year_of_the_papers_it_honours() -> None:
    found = VenueGuess("ICML", 2024)
    assert honoured_edition("ICML 2024 Test of Time Award", found) == VenueGuess("ICML", None)
    assert honoured_edition("ICML 2024 Outstanding Papers", found) == found
    award = "ICML 2024 Test-of-Time award: papers from 2014"
    assert honoured_edition(award, found) == VenueGuess("ICML", 2014)
    assert bold_venue_line([Span("Papers", strong=True)]) is None  # names no venue


# Strivin0311/ai-learning techs/dl/gnn.md @ 3ead457feefed8bba50dcefd76bc764b87b57d65
BIBTEX_BESIDE = (
    "## Papers\n"
    "\n"
    "#### Principal neighbourhood aggregation for graph nets\n"
    "\n"
    "paper link: [here](https://proceedings.neurips.cc/paper/2020/file/99cad265a1768cc2dd013f0e7"
    "40300ae-Paper.pdf)\n"
    "\n"
    "citation: \n"
    "```bibtex\n"
    "@article{corso2020principal,\n"
    "  title={Principal neighbourhood aggregation for graph nets},\n"
    "  author={Corso, Gabriele and Cavalleri, Luca and Beaini, Dominique and Li{\\`o}, Pietro},\n"
    "  journal={Advances in Neural Information Processing Systems},\n"
    "  volume={33},\n"
    "  pages={13260--13271},\n"
    "  year={2020}\n"
    "}\n"
    "```\n"
    "\n"
    "#### Anonymous walk embeddings\n"
    "\n"
    "paper link: [here](http://proceedings.mlr.press/v80/ivanov18a/ivanov18a.pdf)\n"
    "\n"
    "citation: \n"
    "```bibtex\n"
    "@inproceedings{ivanov2018anonymous,\n"
    "  title={Anonymous walk embeddings},\n"
    "  author={Ivanov, Sergey and Burnaev, Evgeny},\n"
    "  booktitle={International conference on machine learning},\n"
    "  pages={2186--2195},\n"
    "  year={2018},\n"
    "  organization={PMLR}\n"
    "}\n"
    "```\n"
)


def test_a_bibtex_entry_beside_a_paper_gives_its_venue_and_year() -> None:
    papers, _ = _read(BIBTEX_BESIDE)
    assert papers == {
        3: ("Principal neighbourhood aggregation for graph nets", "NeurIPS 2020", 2020),
        19: ("Anonymous walk embeddings", "ICML 2018", 2018),
    }


@given(st.sampled_from(["article", "inproceedings"]), st.integers(1990, 2029), st.booleans())
def test_any_bibtex_entry_names_its_venue(kind: str, year: int, preprint: bool) -> None:
    key = "journal" if kind == "article" else "booktitle"
    name = "arXiv preprint arXiv:1710.10903" if preprint else "Proc. of the {VLDB} Endowment"
    block = f"@{kind}{{x{year},\n  title={{A Title}},\n  {key}={{{name}}},\n  year={{{year}}}\n}}\n"
    assert bibtex_venue(block) == f"Venue: {'arXiv' if preprint else 'VLDB'} {year}"
    assert bibtex_venue(block.replace(f"{{{year}}}", "{}")) is None  # no year: no venue line


# birdx0810/LearningTensorFlow docs/nlp/papers.md @ 797f5fd8822f7387e1c3fa95caacd38bb036fb98
MUST_READ = (
    "## Word Embeddings\n"
    "1. (CBOW & Skip-Gram) Efficient Estimation of Word Representations in Vector Space. Tomas"
    " Mikolov, Kai Chen, Greg Corrado, Jeffrey Dean. ICLR 2013\n"
    "3. (GloVe) Global Vectors for Word Representation. Jeffrey Pennington, Richard Socher,"
    " Christopher D. Manning. \n"
    "4. (fastText) Enriching Word Vectors with Subword Information. P. Bojanowski, E. Grave,"
    " A. Joulin, T. Mikolov.\n"
    "\n"
    "## Sequence To Sequence\n"
    "2. Semi-supervised Sequence Learning. Andrew M. Dai, Quoc V. Le. NIPS 2015.\n"
    "3. Neural Machine Translation by Jointly Learning to Align and Translate. Dzmitry Bahdanau,"
    " Kyunghyun Cho, and Yoshua Bengio. ICLR 2015\n"
    "\n"
    "## Post-Transformers\n"
    "1. (GPT) Improving Language Understanding by Generative Pre-Training. Alec Radford,"
    " Karthik Narasimhan, Tim Salimans and Ilya Sutskever. Preprint.\n"
)


def test_a_title_then_its_authors_by_full_name_names_a_paper() -> None:
    papers, _ = _read(MUST_READ)
    assert papers == {
        2: ("Efficient Estimation of Word Representations in Vector Space", "ICLR 2013", 2013),
        # no venue, no link: the authors say it is a paper
        3: ("Global Vectors for Word Representation", "", None),
        4: ("Enriching Word Vectors with Subword Information", "", None),
        # the authors' initials end no title: "Andrew M. Dai, Quoc V. Le" are its names
        7: ("Semi-supervised Sequence Learning", "NIPS 2015", 2015),
        8: (
            "Neural Machine Translation by Jointly Learning to Align and Translate",
            "ICLR 2015",
            2015,
        ),
        # an acronym alone in the group is left with the title ("(TODO) Title" is a mark)
        11: ("(GPT) Improving Language Understanding by Generative Pre-Training", "", None),
    }


def test_a_title_is_not_a_list_of_names() -> None:
    assert title_then_names("Learned Indexes. A Survey. OSDI 2020") is None
    assert (
        title_then_names("Ilya Sutskever, Oriol Vinyals. Sequence to Sequence. NIPS 2014") is None
    )
    assert title_then_names("C. Finn, X. Y. Tan, Y. Duan. Deep Spatial Autoencoders. 2015") is None
    assert split_tags("(Artificial) Mind over Matter: Humans In and Out")[1].startswith("(Art")


_FIRST = st.sampled_from(["Ann", "Bo", "Carl", "Dana", "Eve"])
_LAST = st.sampled_from(["Lee", "Chen", "Diaz", "Okafor", "Smith"])


@given(
    st.lists(_WORD, min_size=2, max_size=8),
    st.lists(st.tuples(_FIRST, _LAST), min_size=2, max_size=5),
)
def test_any_title_then_two_names_or_more(words: list[str], names: list[tuple[str, str]]) -> None:
    title = " ".join(words).capitalize()
    byline = ", ".join(f"{first} {last}" for first, last in names)
    cited = title_then_names(f"{title}. {byline}. Preprint.")
    assert cited is not None and (cited.title, cited.authors, cited.rest) == (title, byline, "")
