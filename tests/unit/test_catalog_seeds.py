"""The two bundled seed lists, checked paper by paper against tables read off the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.source import read_list_file
from papershelf.domain.ids import paper_id
from papershelf.domain.models import Paper, ParsedList
from papershelf.paths import seeds_dir

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# fmt: off
# (line, title, tags, DOI suffix of the PDF link, authors, first author, last author, withdrawn)
ASPLOS_2025 = [
    (3, "Concerto: Automatic Communication Optimization and Scheduling for "
     "Large-Scale Deep Learning", ("parallel approach in AI compiler",), "3669940.3707223", 11,
     "Cheng Shenggan", "You Yang", False),
    (4, "Dilu: Enabling GPU Resourcing-on-Demand for Serverless DL Serving via "
     "Introspective Elasticity", ("Serverless DL Serving",), "3669940.3707251", 7, "Lv Cunchi",
     "Zhao Xiaofang", False),
    (5, "Fast On-device LLM Inference with NPUs", ("npu hybrid inference",), "3669940.3707239", 7,
     "Xu Daliang", "Liu Xuanzhe", False),
    (6, "Forecasting GPU Performance for Deep Learning Training and Inference",
     ("performance prediction",), "3669940.3707265", 3, "Lee Seonho", "Mahajan Divya", False),
    (7, "Efficient and Economic Embedding Model Training with Commodity GPUs",
     ("embedding model training",), "3669940.3707245", 5, "Xie Minhui", "Lu Youyou", False),
    (8, "FSMoE: A Flexible and Scalable Training System for Sparse Mixture-of-Experts Models",
     ("moe training",), "3669940.3707272", 8, "Pan Xinglin", "Chu Xiaowen", False),
    (9, "Improving Performance and Scalability of DNN Training with Graph "
     "Pipeline Parallelism", ("DNN Training", "Graph Pipeline Parallelism"), "3669940.3707220",
     14, "Jeon Byungsoo", "Jia Zhihao", False),
    (10, "Helix: Serving Large Language Models over Heterogeneous GPUs and "
     "Network via Max-Flow", ("DNN serving", "Heterogeneous GPUs and Network"), "3669940.3707215",
     6, "Mei Yixuan", "Vinayak Rashmi", False),
    (11, "Medusa: Accelerating Serverless LLM Inference with Materialization",
     ("Serverless DL Serving",), "3669940.3707285", 5, "Zeng Shaoxun", "Lu Youyou", False),
    (12, "MoE-Lightning: High-Throughput MoE Inference on Memory-constrained GPUs",
     ("MoE Inference", "on-device"), "3669940.3707267", 9, "Cao Shiyi", "Stoica Ion", False),
    (13, "MVQ: Towards Efficient DNN Compression and Acceleration with Masked "
     "Vector Quantization", ("DNN Compression",), "3669940.3707268", 8, "Li Shuaiting",
     "Huang Kejie", False),
    (14, "PCcheck: Persistent Concurrent Checkpointing for ML",
     ("parallel checkpoint saving", "DNN training"), "3669940.3707255", 3, "Strati Foteini",
     "Klimovic Ana", False),
    (15, "PipeLLM: Fast and Confidential Large Language Model Services with "
     "Speculative Pipelined Encryption", ("Confidential computing LLM",), "3669940.3707224", 4,
     "Tan Yifan", "Chen Haibo", False),
    (16, "vAttention: Dynamic Memory Management for Serving LLMs without PagedAttention",
     ("kv-cache Management",), "3669940.3707256", 5, "Prabhu Ramya", "Panwar Ashish", False),
    (17, "Using Analytical Performance/Power Model and Fine-Grained DVFS to "
     "Enhance AI Accelerator Energy Efficiency", ("Energy Efficiency",), "3669940.3707231", 13,
     "Wang Zibo", "Tian Chen", False),
    (18, "Accelerating LLM Serving for Multi-turn Dialogues with Efficient "
     "Resource Management", ("multi-level KV cache", "LLM Serving", "Multi-turn Dialogues"),
     "3676641.3716245", 2, "Jeong Jinwoo", "Ahn Jeongseob", False),
    (20, "Aqua: Network-Accelerated Memory Offloading for LLMs in Scale-Up GPU Domains",
     ("LLM serving", "preemptive scheduling"), "3676641.3715983", 3, "Vijaya Kumar Abhishek",
     "Singh Rachee", True),
    (22, "CoServe: Efficient Collaboration-of-Experts (CoE) Model Inference with "
     "Limited Memory", ("Collaboration-of-Experts", "llm serving"), "3676641.3715986", 7,
     "Suo Jiashun", "Huo Zhisheng", False),
    (23, "COMET: Towards Practical W4A4KV4 LLMs Serving", ("LLM Serving", "Quantization"),
     "3676641.3716252", 9, "Liu Lian", "Wang Ying", False),
    (24, "DynaX: Sparse Attention Acceleration with Dynamic X:M Fine-Grained "
     "Structured Pruning", ("Sparse Attention", "long-sequence"), "3676641.3715991", 7,
     "Xiong Xiao", "Liu Dajiang", False),
    (25, "FlexSP: Accelerating Large Language Model Training via Flexible "
     "Sequence Parallelism", ("LLM Training", "sequence parallelism"), "3676641.3715998", 10,
     "Wang Yujie", "Cui Bin", False),
    (26, "Klotski: Efficient Mixture-of-Expert Inference via Expert-Aware "
     "Multi-Batch Pipeline", ("MOE Inference", "Multi-Batch Pipeline"), "3676641.3716261", 8,
     "Fang Zhiyuan", "Zheng Zibin", False),
    (27, "MoC-System: Efficient Fault Tolerance for Sparse Mixture-of-Experts Model Training",
     ("MoE training",), "3676641.3716006", 3, "Cai Weilin", "Huang Jiayi", False),
    (28, "PAPI: Exploiting Dynamic Parallelism in Large Language Model Decoding "
     "with a Processing-In-Memory-Enabled Computing System", ("LLM serving", "PIM"),
     "3676641.3716009", 9, "He Yintao", "Mutlu Onur", False),
    (29, "Load and MLP-Aware Thread Orchestration for Recommendation Systems "
     "Inference on CPUs", ("DNN serving", "deep learning recommendation model"),
     "3676641.3716003", 7, "Jain Rishabh", "Das Chita R.", False),
    (30, "PICACHU: Plug-In CGRA Handling Upcoming Nonlinear Operations in LLMs",
     ("LLM serving", "Operations optimization", "AI compiler"), "3676641.3716013", 5,
     "Qin Jiajun", "Zhang Sai Qian", False),
    (31, "POD-Attention: Unlocking Full Prefill-Decode Overlap for Faster LLM Inference",
     ("LLM inference", "GPU kernel", "hybrid batching"), "3676641.3715996", 6, "Kamath Aditya K.",
     "Panwar Ashish", False),
    (32, "Vela: A Virtualized LLM Training System with GPU Direct RoCE",
     ("LLM training", "cloud-native system", "data center"), "3676641.3716280", 25,
     "Mohan Apoorve", "Seelam Seetharami", False),
    (33, "Towards End-to-End Optimization of LLM-based Applications with Ayo",
     ("LLM serving", "end-to-end optimization"), "3676641.3716278", 4, "Tan Xin", "Xu Hong",
     False),
    (34, "TAPAS: Thermal- and Power-Aware Scheduling for LLM Inference in Cloud Platforms",
     ("LLM Inference", "data center", "energy efficient"), "3676641.3716025", 8,
     "Stojkovic Jovan", "Bianchini Ricardo", False),
    (35, "PIM Is All You Need: A CXL-Enabled GPU-Free System for Large Language "
     "Model Inference", ("LLM inference", "PIM with CXL"), "3676641.3716267", 8, "Gu Yufeng",
     "Das Reetuparna", False),
    (36, "Past-Future Scheduler for LLM Serving under SLA Guarantees",
     ("LLM serving", "Scheduler"), "3676641.3716011", 8, "Gong Ruihao", "Liu Xianglong", False),
    (37, "Spindle: Efficient Distributed Training of Multi-Task Large Models via "
     "Wavefront Scheduling", ("DNN training", "multi-modal", "multi-task"), "3676641.3715992", 9,
     "Wang Yujie", "Cui Bin", False),
]

# (line, poster id, title, topic path, link kinds, affiliation, awards, remarks)
MLSYS_2025 = [
    (18, 3240, "Lumos: Efficient Performance Modeling and Estimation for Large-scale "
     "LLM Training", "Large Language Models (LLMs) > LLM Training", ("paper",),
     "Cornell & Meta & MIT", (), 0),
    (20, 3283, "PipeFill: Using GPUs During Bubbles in Pipeline-parallel LLM Training",
     "Large Language Models (LLMs) > LLM Training", ("paper", "arxiv"), "CMU & AWS", (), 0),
    (22, 3257, "Scaling Deep Learning Training with MPMD Pipeline Parallelism",
     "Large Language Models (LLMs) > LLM Training", ("paper", "arxiv"), "NVIDIA", (), 0),
    (24, 3268, "Training Ultra Long Context Language Model with Fully Pipelined "
     "Distributed Transformer", "Large Language Models (LLMs) > LLM Training", ("paper", "arxiv"),
     "OSU & Microsoft", (), 0),
    (26, 3241, "APOLLO: SGD-like Memory, AdamW-level Performance",
     "Large Language Models (LLMs) > LLM Training", ("paper", "homepage", "arxiv", "code"),
     "UT-Austin & Meta AI", ("Outstanding Paper Honorable Mention",), 0),
    (29, 3256, "Radius: Range-based Gradient Sparsity for Large Foundation Model Pre-training",
     "Large Language Models (LLMs) > LLM Training", ("paper",), "Rutgers", (), 0),
    (31, 3280, "Photon: Federated LLM Pre-Training",
     "Large Language Models (LLMs) > LLM Training", ("paper", "arxiv"), "UCambridge", (), 0),
    (33, 3237, "Balancing Pipeline Parallelism with Vocabulary Parallelism",
     "Large Language Models (LLMs) > LLM Training", ("paper", "arxiv", "code"), "Sea AI Lab", (),
     0),
    (35, 3272, "Youmu: Efficient Columnar Data Pipeline for LLM Training",
     "Large Language Models (LLMs) > LLM Training", ("paper", "slides"), "UVA & UofT & CUHK", (),
     0),
    (38, 3235, "XGrammar: Flexible and Efficient Structured Generation Engine for "
     "Large Language Models", "Large Language Models (LLMs) > LLM Inference",
     ("paper", "arxiv", "homepage", "code"), "CMU & NVIDIA & SJTU & UC Berkeley", (), 0),
    (40, 3253, "Seesaw: High-throughput LLM Inference via Model Re-sharding",
     "Large Language Models (LLMs) > LLM Inference", ("paper", "arxiv"), "UofT",
     ("Outstanding Paper Honorable Mention",), 0),
    (43, 3230, "NEO: Saving GPU Memory Crisis with CPU Offloading for Online LLM Inference",
     "Large Language Models (LLMs) > LLM Inference", ("paper", "arxiv"), "Harvard & UC Berkeley",
     (), 0),
    (45, 3234, "FlexInfer: Flexible LLM Inference with CPU Computations",
     "Large Language Models (LLMs) > LLM Inference", ("paper",), "GaTech", (), 0),
    (47, 3231, "SOLA: Optimizing SLO Attainment for Large Language Model Serving with "
     "State-Aware Scheduling", "Large Language Models (LLMs) > LLM Inference", ("paper",), "THU",
     (), 0),
    (49, 3260, "Marconi: Prefix Caching for the Era of Hybrid LLMs",
     "Large Language Models (LLMs) > LLM Inference", ("paper", "arxiv"), "Princeton & AWS",
     ("Outstanding Paper Honorable Mention",), 0),
    (52, 3236, "Rethinking Key-Value Cache Compression Techniques for Large Language "
     "Model Serving", "Large Language Models (LLMs) > LLM Inference", ("paper",), None, (), 0),
    (53, 3288, "QServe: W4A8KV4 Quantization and System Co-design for Efficient LLM Serving",
     "Large Language Models (LLMs) > LLM Inference", ("paper", "arxiv", "homepage", "code"),
     "MIT", (), 0),
    (55, 3284, "ThunderServe: High-performance and Cost-efficient LLM Serving in Cloud "
     "Environments", "Large Language Models (LLMs) > LLM Inference", ("paper", "arxiv"),
     "UCambridge & PKU & ETH", (), 0),
    (57, 3251, "Efficient LLM Inference using Dynamic Input Pruning and Cache-Aware Masking",
     "Large Language Models (LLMs) > LLM Inference", ("paper", "arxiv"), "Qualcomm AI Research",
     (), 0),
    (59, 3255, "Context Parallelism for Scalable Million-Token Inference",
     "Large Language Models (LLMs) > LLM Inference", ("paper", "arxiv"), "Meta", (), 0),
    (61, 3244, "MEADOW: Memory-efficient Dataflow and Data Packing for Low Power Edge LLMs",
     "Large Language Models (LLMs) > LLM Inference", ("paper", "arxiv"),
     "Yale & IIT Roorkie & IBM Research", (), 0),
    (64, 3259, "FlashInfer: Efficient and Customizable Attention Engine for LLM "
     "Inference Serving", "Large Language Models (LLMs) > Attention Mechanisms",
     ("paper", "arxiv", "homepage", "code"), "UW & NVIDIA", ("Outstanding Paper Award",), 0),
    (67, 3270, "LServe: Efficient Long-sequence LLM Serving with Unified Sparse Attention",
     "Large Language Models (LLMs) > Attention Mechanisms",
     ("paper", "arxiv", "homepage", "code"), "MIT & NVIDIA", (), 0),
    (69, 3278, "FastTree: Optimizing Attention Kernel and Runtime for Tree-Structured "
     "LLM Inference", "Large Language Models (LLMs) > Attention Mechanisms", ("paper",),
     "UCSD & AWS", (), 0),
    (71, 3286, "FlexAttention: A Programming Model for Generating Fused Attention Variants",
     "Large Language Models (LLMs) > Attention Mechanisms", ("paper", "arxiv"), "Meta", (), 0),
    (73, 3269, "LeanAttention: Hardware-Aware Scalable Attention Mechanism for the "
     "Decode-Phase of Transformers", "Large Language Models (LLMs) > Attention Mechanisms",
     ("paper", "arxiv"), "Microsoft", (), 0),
    (75, 3250, "TurboAttention: Efficient Attention Approximation for High Throughputs LLMs",
     "Large Language Models (LLMs) > Attention Mechanisms", ("paper", "arxiv"),
     "Microsoft & GaTech", (), 0),
    (77, 3258, "SampleAttention: Near-Lossless Acceleration of Long Context LLM "
     "Inference with Adaptive Structured Sparse Attention",
     "Large Language Models (LLMs) > Attention Mechanisms", ("paper", "arxiv"),
     "PKU & CUHK & Zhipu AI & THU & Shanghai AI Lab", (), 0),
    (80, 3228, "ReaL: Efficient RLHF Training of Large Language Models with Parameter "
     "Reallocation", "Large Language Models (LLMs) > RLHF Training", ("paper", "arxiv", "code"),
     "THU", (), 0),
    (83, 3246, "COMET: Fine-grained Computation-communication Overlapping for "
     "Mixture-of-Experts", "Large Language Models (LLMs) > MoE Inference", ("paper", "arxiv"),
     "ByteDance Seed & SJTU", ("Outstanding Paper Honorable Mention",), 0),
    (86, 3266, "MiLo: Efficient Quantized MoE Inference with Mixture of Low-Rank Compensators",
     "Large Language Models (LLMs) > MoE Inference", ("paper", "code"), "UIUC", (), 0),
    (89, 3254, "HyC-LoRA: Memory Efficient LoRA Fine-tuning with Hybrid Activation "
     "Compression", "Large Language Models (LLMs) > LoRA Fine-tuning", ("paper", "slides"), "THU",
     (), 0),
    (92, 3247, "Self-Data Distillation for Recovering Quality in Pruned Large Language Models",
     "Large Language Models (LLMs) > LLM Distillation", ("paper", "arxiv"), "Cerebras Systems",
     (), 0),
    (95, 3243, "AI Metropolis: Scaling Large Language Model-based Multi-Agent "
     "Simulation with Out-of-order Execution",
     "Large Language Models (LLMs) > LLM Agent Simulation", ("paper", "arxiv"),
     "Stanford & GaTech", (), 0),
    (98, 3261, "Optimizing LLM Queries in Relational Data Analytics Workloads",
     "Large Language Models (LLMs) > LLM for Relational Data Analytics", ("paper", "arxiv"),
     "UC Berkeley", (), 0),
    (104, 3252, "ScaleFusion: Scalable Inference of Spatial-Temporal Diffusion "
     "Transformers for High-Resolution Long Video Generation",
     "Diffusion Models > Video Generation", ("paper",), "UofT & AWS", (), 0),
    (107, 3287, "DiffServe: Efficiently Serving Text-to-Image Diffusion Models with "
     "Query-Aware Model Scaling", "Diffusion Models > Image Generation", ("paper", "arxiv"),
     "UMass Amherst & Adobe Research", (), 1),
    (114, 3281, "LAVA: Lifetime-Aware VM Allocation with Learned Distributions and "
     "Adaptation to Mispredictions", "Resource Management > Scheduling", ("paper", "arxiv"),
     "Google", ("Outstanding Paper Honorable Mention",), 0),
    (117, 3232, "Rubick: Exploiting Job Reconfigurability for Deep Learning Cluster "
     "Scheduling", "Resource Management > Scheduling", ("paper", "arxiv"),
     "ECNU & Alibaba & HUST", (), 0),
    (120, 3277, "ProtoRAIL: A Risk-cognizant Imitation Agent for Adaptive vCPU "
     "Oversubscription In the Cloud", "Resource Management > Virtual CPU Oversubscription",
     ("paper", "slides"), "Microsoft", (), 0),
    (123, 3285, "AIOpsLab: A Holistic Framework to Evaluate AI Agents for Enabling "
     "Autonomous Clouds", "Resource Management > AIOps", ("paper", "arxiv"), "Microsoft", (), 0),
    (128, 3248, "TileLink: Generating Efficient Compute-Communication Overlapping "
     "Kernels using Tile-Centric Primitives", "Deep Learning Compilation", ("paper",),
     "ByteDance Seed", (), 0),
    (133, 3275, "VoLUT: Efficient Volumetric streaming enhanced by LUT-based super-resolution",
     "Super-Resolution", ("paper", "arxiv"), "UW-Madison & USC & MSRA", (), 0),
    (138, 3229, "AdaParse: An Adaptive Parallel PDF Parsing and Resource Scaling Engine",
     "PDF Parsing", ("paper", "code", "slides"), "UChicago & Argonne National Laboratory", (), 0),
]

# fmt: on

HONORABLE_MENTIONS = {"APOLLO", "Seesaw", "Marconi", "COMET", "LAVA"}


def _parse(name: str) -> ParsedList:
    return parse_list(read_list_file(SEEDS / name), source=name)


@pytest.fixture(scope="module")
def asplos() -> ParsedList:
    return _parse("asplos-2025.md")


@pytest.fixture(scope="module")
def mlsys() -> ParsedList:
    return _parse("mlsys-2025.md")


def _by_line(parsed: ParsedList) -> dict[int, Paper]:
    return {paper.line: paper for paper in parsed.papers}


def test_seeds_dir_holds_the_two_lists() -> None:
    assert {p.name for p in seeds_dir().glob("*.md")} >= {"asplos-2025.md", "mlsys-2025.md"}


def test_asplos_counts(asplos: ParsedList) -> None:
    assert len(asplos.papers) == 33
    assert asplos.entries == 33
    assert sum(not p.withdrawn for p in asplos.papers) == 32
    assert [p.title.split(":")[0] for p in asplos.papers if p.withdrawn] == ["Aqua"]
    assert asplos.skipped == ()
    assert [v.label for v in asplos.venues] == ["ASPLOS 2025"]


@pytest.mark.parametrize(
    ("line", "title", "tags", "doi", "n_authors", "first", "last", "withdrawn"), ASPLOS_2025
)
def test_asplos_paper(
    asplos: ParsedList,
    line: int,
    title: str,
    tags: tuple[str, ...],
    doi: str,
    n_authors: int,
    first: str,
    last: str,
    withdrawn: bool,
) -> None:
    paper = _by_line(asplos)[line]
    assert paper.title == title
    assert paper.topics == tags
    assert [(link.kind, link.url) for link in paper.links] == [
        ("pdf", f"https://dl.acm.org/doi/pdf/10.1145/{doi}")
    ]
    assert len(paper.authors) == n_authors
    assert (paper.authors[0], paper.authors[-1]) == (first, last)
    assert all(a == a.strip() and a and "," not in a for a in paper.authors)
    assert paper.withdrawn is withdrawn
    assert (paper.venue, paper.year) == ("ASPLOS 2025", 2025)
    assert paper.id == paper_id("ASPLOS 2025", title)
    assert (paper.source, paper.affiliations, paper.awards, paper.remarks) == (
        "asplos-2025.md",
        (),
        (),
        (),
    )


def test_asplos_concerto_has_eleven_authors(asplos: ParsedList) -> None:
    concerto = next(p for p in asplos.papers if p.title.startswith("Concerto:"))
    assert len(concerto.authors) == 11


def test_mlsys_counts_and_venue(mlsys: ParsedList) -> None:
    assert len(mlsys.papers) == 44
    assert mlsys.entries == 44
    assert not any(p.withdrawn for p in mlsys.papers)
    assert mlsys.skipped == ()
    (venue,) = mlsys.venues
    assert (venue.name, venue.year, venue.label) == ("MLSys", 2025, "MLSys 2025")
    assert venue.homepage == "https://mlsys.org/Conferences/2025"
    assert venue.paper_list == "https://mlsys.org/virtual/2025/papers.html?filter=titles"
    assert venue.acceptance_rate == "22.5% (61 / 271)"


def test_mlsys_acronyms_are_not_papers(mlsys: ParsedList) -> None:
    titles = {p.title for p in mlsys.papers}
    assert not any(t.startswith(("RLHF:", "MoE:", "LoRA:", "LUT:")) for t in titles)
    assert max(p.line for p in mlsys.papers) < 141


@pytest.mark.parametrize(
    ("line", "poster", "title", "topic", "kinds", "affiliation", "awards", "remarks"), MLSYS_2025
)
def test_mlsys_paper(
    mlsys: ParsedList,
    line: int,
    poster: int,
    title: str,
    topic: str,
    kinds: tuple[str, ...],
    affiliation: str | None,
    awards: tuple[str, ...],
    remarks: int,
) -> None:
    paper = _by_line(mlsys)[line]
    assert paper.title == title
    assert paper.topics == (topic,)
    assert tuple(link.kind for link in paper.links) == kinds
    assert paper.links[0].url == f"https://mlsys.org/virtual/2025/poster/{poster}"
    assert all(link.url.startswith("https://") for link in paper.links)
    assert paper.affiliations == ((affiliation,) if affiliation else ())
    assert paper.awards == awards
    assert len(paper.remarks) == remarks
    assert (paper.venue, paper.year, paper.authors) == ("MLSys 2025", 2025, ())
    assert paper.id == paper_id("MLSys 2025", title)


def test_mlsys_awards(mlsys: ParsedList) -> None:
    awarded = {p.title.split(":")[0]: p.awards for p in mlsys.papers if p.awards}
    assert awarded.pop("FlashInfer") == ("Outstanding Paper Award",)
    assert set(awarded) == HONORABLE_MENTIONS
    assert set(awarded.values()) == {("Outstanding Paper Honorable Mention",)}


def test_mlsys_diffserve_remark_and_missing_affiliation(mlsys: ParsedList) -> None:
    by_name = {p.title.split(":")[0]: p for p in mlsys.papers}
    assert by_name["DiffServe"].remarks == (
        "Construct model cascades → Easy queries can be processed by more lightweight "
        "diffusion models",
    )
    rethinking = next(p for p in mlsys.papers if p.title.startswith("Rethinking Key-Value"))
    assert rethinking.affiliations == ()


def test_comet_in_two_venues_stays_two_papers(asplos: ParsedList, mlsys: ParsedList) -> None:
    comets = [p for p in (*asplos.papers, *mlsys.papers) if p.title.startswith("COMET:")]
    assert len(comets) == 2
    assert len({p.id for p in comets}) == 2


def test_ids_are_distinct_across_both_seeds(asplos: ParsedList, mlsys: ParsedList) -> None:
    ids = [p.id for p in (*asplos.papers, *mlsys.papers)]
    assert len(ids) == len(set(ids)) == 77
