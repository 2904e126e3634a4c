"""Properties of combining lists: the order of imports and a forget-then-import change nothing.

Lists are generated from a pool of papers, each list spelling them its own way (with or
without the short name, "LLM" or "Large Language Model", another case, the arXiv abs or
pdf link, its own topic), so matching is exercised on the variants people write.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papershelf.domain.identity import normalize_url
from papershelf.paths import Paths
from papershelf.services.library import Library


@dataclass(frozen=True)
class _Base:
    short: str
    title: str
    arxiv: str | None


POOL = (
    _Base("Flock", "Scheduling LLM Inference Across Heterogeneous Clusters", "2401.00001"),
    _Base("Tidal", "Elastic Checkpointing for Large Language Model Training", None),
    _Base("Quill", "Compiling Sparse Attention Kernels for GPUs", "2402.00002"),
    _Base("Marble", "A Storage Engine for Disaggregated Memory", None),
    _Base("Oxbow", "Fast Replication with RDMA and Persistent Memory", "2403.00003"),
    _Base("Kite", "Serving LLM Adapters at Scale", None),
)


@st.composite
def _lists(draw: st.DrawFn) -> tuple[list[str], set[int]]:
    """Three lists, and which pool papers they hold between them."""
    texts = []
    used: set[int] = set()
    for n in range(3):
        chosen = draw(st.lists(st.sampled_from(range(len(POOL))), min_size=1, unique=True))
        lines = ["# OSDI 2024", "", f"## Topic {n}", ""]
        used.update(chosen)
        for i in chosen:
            base = POOL[i]
            title = base.title
            if draw(st.booleans()):
                title = title.replace("Large Language Model", "LLM")
            elif "LLM" in title and draw(st.booleans()):
                title = title.replace("LLM", "Large Language Model")
            if draw(st.booleans()):
                title = f"{base.short}: {title}"
            if draw(st.booleans()):
                title = title.lower()
            url = f"https://example.org/{n}/{i}"
            if base.arxiv and draw(st.booleans()):
                url = f"https://arxiv.org/{draw(st.sampled_from(['abs', 'pdf']))}/{base.arxiv}"
            lines.append(f"- [{title}]({url}), Author {i}.")
        texts.append("\n".join(lines) + "\n")
    return texts, used


def _signature(lib: Library) -> set[tuple[object, ...]]:
    """What the reader sees of each generated paper, ids and list order aside."""
    return {
        (
            p.title,
            p.venue,
            p.year,
            p.authors,
            frozenset(normalize_url(link.url) for link in p.links),
            frozenset(p.topics),
            frozenset(p.also_venues),
        )
        for p in lib.papers()
        if p.venue == "OSDI 2024"
    }


def _import(root: Path, texts: list[str], order: list[int]) -> tuple[Library, list[Path]]:
    lib = Library(Paths(root / "data"))
    files = []
    for n in range(len(texts)):
        path = root / f"list{n}.md"
        path.write_text(texts[n], encoding="utf-8")
        files.append(path)
    for n in order:
        lib.import_lists([files[n]])
    return lib, files


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists=_lists(), order=st.permutations([0, 1, 2]))
def test_the_order_of_imports_does_not_change_the_papers(
    lists: tuple[list[str], set[int]], order: list[int]
) -> None:
    texts, used = lists
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        first, _ = _import(Path(a), texts, [0, 1, 2])
        shown = {p.id for p in first.papers()}
        other, _ = _import(Path(b), texts, order)
        assert _signature(first) == _signature(other)
        # Each pool paper is one paper, whichever spelling each list used.
        assert len(_signature(first)) == len(used)
        for pid in shown:
            assert first.resolve(pid).id == pid


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists=_lists(), gone=st.sampled_from([0, 1, 2]))
def test_forgetting_a_list_and_importing_it_again_gives_the_catalog_back(
    lists: tuple[list[str], set[int]], gone: int
) -> None:
    texts, _ = lists
    with tempfile.TemporaryDirectory() as root:
        lib, files = _import(Path(root), texts, [0, 1, 2])
        before = _signature(lib)
        ids = {p.id for p in lib.papers()}
        lib.forget(files[gone].stem)
        lib.import_lists([files[gone]])
        assert _signature(lib) == before
        assert {p.id for p in lib.papers()} == ids
