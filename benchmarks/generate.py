"""Synthetic paper lists shaped like the two seed lists, for benchmarks and load tests.

    python benchmarks/generate.py --family a --count 10000 -o asplos-like.md
    python benchmarks/generate.py --family b --count 10000 --seed 7 -o mlsys-like.md

Family A is shaped like ``seeds/asplos-2025.md`` (one tagged bullet per paper, about 1% struck
through as withdrawn); family B like ``seeds/mlsys-2025.md`` (meta info, areas, category
bullets, papers with two to four labelled links, affiliations, some awards and remarks).
Every generated paper has a distinct title, so a list of N entries imports as N papers.
The same seed always gives the same text.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path


def _words(text: str, separator: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(separator))


_SYLLABLES = _words(
    "al ba co da el fa ga he io ju ka lo mu ne or pa qu ri so ta ul ve wa xe yo ze flex "
    "spar hex tri neo lum pho rad ser vis gem orb pix"
)
_VERBS = _words(
    "Accelerating Scaling Serving Training Optimizing Compressing Scheduling Rethinking "
    "Understanding Taming Exploiting Enabling Balancing Caching Partitioning Verifying"
)
_ADJECTIVES = _words(
    "Efficient Elastic Adaptive Heterogeneous Distributed Sparse Fault-tolerant "
    "Low-latency Memory-efficient Cost-effective Scalable Dynamic Speculative "
    "Disaggregated Fine-grained"
)
_NOUNS = _words(
    "LLM Inference|Mixture-of-Experts Models|Pipeline Parallelism|KV Cache Management|"
    "Diffusion Transformers|GPU Clusters|Serverless Functions|Embedding Tables|"
    "Attention Kernels|Recommendation Models|Graph Neural Networks|Tensor Programs|"
    "Checkpointing|Collective Communication|Quantized Models|Long-context Serving",
    "|",
)
_PLACES = _words(
    "Commodity GPUs|Edge Devices|Multi-tenant Clouds|Heterogeneous Accelerators|"
    "Production Datacenters|Preemptible Instances|CXL Memory|Disaggregated Storage",
    "|",
)
_TAGS = _words(
    "LLM serving|LLM training|MoE inference|kv-cache management|DNN training|"
    "serverless DL serving|quantization|sparse attention|AI compiler|energy efficiency|"
    "PIM|scheduler|data center|on-device|checkpointing|multi-modal",
    "|",
)
_FAMILY_NAMES = _words("Wang Li Zhang Liu Chen Yang Kim Lee Park Smith Garcia Müller Rossi Gómez")
_GIVEN_NAMES = _words("Wei Hao Yu Jing Min Xin Ana Omar Ravi Chloe Jonas Sofia Kenji Íñigo")
_AFFILIATIONS = _words(
    "CMU|MIT|UC Berkeley|Stanford|THU|PKU|SJTU|UW|Meta|Microsoft|Google|NVIDIA|AWS|"
    "Alibaba|ByteDance Seed|ETH|UofT|KAIST|Princeton|Cornell",
    "|",
)
_AREAS = _words(
    "Large Language Models (LLMs)|Diffusion Models|Resource Management|"
    "Deep Learning Compilation|Distributed Training|Storage|Networking",
    "|",
)
_CATEGORIES = _words(
    "LLM Training|LLM Inference|Attention Mechanisms|MoE Inference|LoRA Fine-tuning|"
    "Scheduling|GPU Sharing|Video Generation|Checkpointing|Compression",
    "|",
)
_AWARDS = ("**Outstanding Paper Award**", "**Outstanding Paper Honorable Mention**")
_A_VENUES = ("ASPLOS'25",) * 12 + ("OSDI '24", "MLSys 2025", "osdi'24", "ASPLOS’25")


class _Titles:
    """Distinct paper titles: ``ShortName: Verbing Adjective Noun for Place``.

    The part after the short name is distinct too: two entries of one venue whose titles
    are the same but for the short name are one paper listed twice (a placeholder name
    beside the real one), so a generated list of n entries must hold n such titles to be
    n papers.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def short_name(self) -> str:
        parts = [self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 3))]
        name = "".join(parts)
        return name.upper() if self.rng.random() < 0.3 else name.capitalize()

    def next(self) -> str:
        while True:
            rng = self.rng
            title = (
                f"{self.short_name()}: {rng.choice(_VERBS)} {rng.choice(_ADJECTIVES)} "
                f"{rng.choice(_NOUNS)} for {rng.choice(_PLACES)}"
            )
            if rng.random() < 0.3:
                title += f" with {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"
            long_title = title.split(": ", 1)[1].casefold()
            if long_title not in self.seen:
                self.seen.add(long_title)
                return title


def _authors(rng: random.Random) -> str:
    count = min(25, max(2, int(rng.lognormvariate(1.9, 0.5))))
    names = [f"{rng.choice(_FAMILY_NAMES)} {rng.choice(_GIVEN_NAMES)}" for _ in range(count)]
    return ", ".join(names)


def topic_pool(count: int, offset: int = 0) -> tuple[str, ...]:
    """``count`` distinct tags: the base tags, then the same numbered (``LLM serving 3``)."""
    if count <= 0:
        return _TAGS
    out = []
    for i in range(offset, offset + count):
        base, round_ = _TAGS[i % len(_TAGS)], i // len(_TAGS)
        out.append(base if round_ == 0 else f"{base} {round_ + 1}")
    return tuple(out)


def generate_family_a(n: int, seed: int = 0, tags: tuple[str, ...] = _TAGS) -> str:
    """A tagged list of ``n`` entries like ``seeds/asplos-2025.md`` (tags from ``tags``)."""
    rng = random.Random(seed)
    titles = _Titles(rng)
    lines = ["# ASPLOS25", ""]
    for i in range(n):
        tags_text = ", ".join(rng.sample(tags, min(len(tags), rng.randint(1, 3))))
        # Each list's DOIs are its own: one DOI in two lists is one paper.
        url = f"https://dl.acm.org/doi/pdf/10.1145/{3669940 + seed * 1000 + i // 997}.{3707000 + i}"
        title, authors, venue = titles.next(), _authors(rng), rng.choice(_A_VENUES)
        if rng.random() < 0.01:
            lines += [
                "",
                f"~~- \\[{tags_text}]~~ [~~{title}~~]({url})~~. {authors}. {venue}~~",
                "",
            ]
        else:
            lines.append(f"* \\[{tags_text}] [{title}]({url}). {authors}. {venue}")
    return "\n".join(lines) + "\n"


def _b_paper(rng: random.Random, title: str, number: int, indent: str, seed: int) -> list[str]:
    # Each list's links are its own: one arXiv id in two lists is one paper.
    poster = f"https://mlsys.org/virtual/{2025 + seed}/poster/{3000 + number}"
    links = [f"\\[[Paper]({poster})]"]
    if rng.random() < 0.75:
        year = 10 + seed % 80
        links.append(f"\\[[arXiv](https://arxiv.org/abs/{year}{number % 12 + 1:02d}.{number:05d})]")
    if rng.random() < 0.25:
        links.append(f"\\[[Homepage](https://project{number}.github.io/)]")
    if rng.random() < 0.3:
        links.append(f"\\[[Code](https://github.com/lab{number % 97}/repo{number})]")
    if rng.random() < 0.1:
        links.append(f"\\[[Slides](https://mlsys.org/media/mlsys-2025/Slides/{number}.pdf)]")
    out = [f"{indent}* {title} {' '.join(links)}"]
    if rng.random() < 0.95:
        out.append(f"{indent}  * {' & '.join(rng.sample(_AFFILIATIONS, rng.randint(1, 4)))}")
    if rng.random() < 0.05:
        out.append(f"{indent}  * {rng.choice(_AWARDS)}")
    if rng.random() < 0.05:
        out.append(f"{indent}  * Construct model cascades → {rng.choice(_NOUNS)} get cheaper")
    return out


def generate_family_b(n: int, seed: int = 0, area_numbers: int = 0) -> str:
    """A sectioned list of ``n`` papers like ``seeds/mlsys-2025.md``.

    Every 200 papers start a new numbered area heading (a new topic); with ``area_numbers``
    the numbers go round after that many, so a big list keeps a realistic topic count.
    """
    rng = random.Random(seed)
    titles = _Titles(rng)
    lines = [
        "# MLSys 2025",
        "",
        "## Meta Info",
        "",
        "Homepage: <https://mlsys.org/Conferences/2025>",
        "",
        "Paper list: <https://mlsys.org/virtual/2025/papers.html?filter=titles>",
        "",
        "### Acceptance Rate",
        "",
        "22.5% (= 61 / 271)",
        "",
        "## Papers",
    ]
    made = 0
    while made < n:
        number = made // 200 % area_numbers if area_numbers else made // 200
        lines += ["", f"### {rng.choice(_AREAS)} {number + 1}", ""]
        for _ in range(rng.randint(2, 6)):
            if made >= n:
                break
            flat = rng.random() < 0.2
            if not flat:
                lines.append(f"* {rng.choice(_CATEGORIES)}")
            for _ in range(rng.randint(1, 12)):
                if made >= n:
                    break
                lines += _b_paper(rng, titles.next(), made, "" if flat else "  ", seed)
                made += 1
            if flat:
                break
    lines += ["", "## Acronyms", "", "* LLM: Large Language Model", "* MoE: Mixture-of-Experts"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--family", choices=("a", "b"), required=True)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    make = generate_family_a if args.family == "a" else generate_family_b
    text = make(args.count, args.seed)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def change_titles(text: str, count: int) -> tuple[str, int]:
    """The list with ``count`` paper titles edited a little (spread over the list).

    The edit is what list maintainers do between versions: a word changed (``for`` -> ``on``),
    so the re-import has to match the renamed papers by their near-identical titles.
    """
    lines = text.split("\n")
    papers = [i for i, line in enumerate(lines) if line.startswith("* \\[") and " for " in line]
    step = max(1, len(papers) // max(1, count))
    changed = 0
    for i in papers[::step][:count]:
        lines[i] = lines[i].replace(" for ", " on ", 1)
        changed += 1
    return "\n".join(lines), changed
