"""A heading that links a paper's page is that paper, whatever its key lines say.

``### [Attention Is All You Need](arxiv.org/abs/...)`` over ``- Source: YouTube lecture`` and
``- Authors: Google Brain team`` was neither a paper nor a skip: the key lines gave no venue,
address or date, so the heading read as a section and vanished without a word.
"""

from __future__ import annotations

import pytest

from papershelf.catalog.markdown_list import parse_list

LIST = """# Reading

### [Attention Is All You Need](https://arxiv.org/abs/1706.03762)
- Source: YouTube lecture
- Authors: Google Brain team

### [BERT: Pre-training of Deep Bidirectional Transformers](https://arxiv.org/abs/1810.04805)
- Source: blog 2019
"""


def test_a_heading_linking_a_papers_page_is_a_paper() -> None:
    parsed = parse_list(LIST, source="x.md")
    assert [(p.line, p.title) for p in parsed.papers] == [
        (3, "Attention Is All You Need"),
        (7, "BERT: Pre-training of Deep Bidirectional Transformers"),
    ]
    assert parsed.skipped == ()


def test_a_heading_linking_a_repository_is_still_a_section() -> None:
    text = (
        "# Tools\n\n### [vLLM](https://github.com/vllm-project/vllm)\n- Source: GitHub\n\n"
        "- [PagedAttention for LLM serving](https://arxiv.org/abs/2309.06180) SOSP 2023\n"
    )
    parsed = parse_list(text, source="x.md")
    assert [p.title for p in parsed.papers] == ["PagedAttention for LLM serving"]
    assert parsed.papers[0].topics == ("vLLM",)


NICKNAMED = """# {notes}

### 1. Transformer
- {paper}[Attention Is All You Need](https://arxiv.org/abs/1706.03762)
- {venue}NeurIPS 2017

### 2. BERT
- {paper}[BERT: Pre-training of Deep Bidirectional Transformers](https://arxiv.org/abs/1810.04805)
- {venue}NAACL 2019
"""


@pytest.mark.parametrize(
    "notes, paper, venue",
    [("Notes", "Paper: ", "Venue: "), ("笔记", "论文：", "会议："), ("노트", "논문: ", "학회: ")],
)
def test_a_nicknamed_heading_takes_its_papers_title_and_venue_from_its_key_lines(
    notes: str, paper: str, venue: str
) -> None:
    """``### 1. Transformer`` over ``- Paper: [Attention Is All You Need](...)`` and
    ``- Venue: NeurIPS 2017``: the linked title is the paper's, the venue line its venue (the
    venue was lost; in Chinese the nickname was the title)."""
    text = NICKNAMED.format(notes=notes, paper=paper, venue=venue)
    papers = parse_list(text, source="x.md").papers
    assert [(p.line, p.title, p.venue, p.year) for p in papers] == [
        (3, "Attention Is All You Need", "NeurIPS 2017", 2017),
        (7, "BERT: Pre-training of Deep Bidirectional Transformers", "NAACL 2019", 2019),
    ]
