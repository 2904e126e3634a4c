"""A search in double quotes is a phrase; the quotes are no letters to look for."""

from __future__ import annotations

from papershelf.domain.filtering import SearchIndex, narrows, query_words
from papershelf.services.library import Library


def test_quoted_words_are_one_phrase_and_an_open_quote_runs_to_the_end() -> None:
    assert query_words('"Large  Language" models') == ("large language", "models")
    assert query_words('"LLM') == ("llm",)
    assert query_words("“Large Language”") == ("large language",)
    assert query_words('""') == ()
    assert query_words("plain words") == ("plain", "words")


def test_a_phrase_finds_the_papers_that_hold_it_together(library: Library) -> None:
    papers = library.catalog.papers
    index = SearchIndex.build(papers, {})
    texts = {p.id: text for p, text in zip(papers, index.haystacks, strict=True)}
    together = {pid for pid, t in texts.items() if "llm serving" in t}
    apart = {pid for pid, t in texts.items() if "llm" in t and "serving" in t} - together
    assert together and apart  # "Serving LLMs ..." beside "LLM Serving ..."
    found = {papers[i].id for i in index.search('"llm serving"')}
    assert found == together
    assert index.search('"LLM') == index.search("LLM")


def test_a_phrase_narrows_as_it_is_typed() -> None:
    assert narrows('"large lang', '"large language"')
    assert narrows("large", '"large language"')
    assert not narrows('"large language"', "large language")  # apart: more papers
