"""A heading that links a paper's page is that paper, whatever its key lines say.

``### [Attention Is All You Need](arxiv.org/abs/...)`` over ``- Source: YouTube lecture`` and
``- Authors: Google Brain team`` was neither a paper nor a skip: the key lines gave no venue,
address or date, so the heading read as a section and vanished without a word.
"""

from __future__ import annotations

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
