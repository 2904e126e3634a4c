"""Venues whose names differ only at the end stay told apart in a narrow tree.

QA saw five venues ``Synthetic A1 2030``, ``Synthetic A3 2030``... all read ``Synthetic A…``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.shelf import NavKey

from .conftest import make_app, ready

VENUES = [f"Synthetic {v} 2030" for v in ("A1", "A3", "B2", "B4", "A5")]


def synthetic_list(venue: str, topics: tuple[str, ...]) -> str:
    lines = [f"# {venue}", ""]
    for i, topic in enumerate(topics):
        lines += [f"### {topic}", "", f"* Paper {i} of {venue} [[Paper](https://example.org/{i})]"]
        lines += ["  * Org", ""]
    return "\n".join(lines)


def test_synthetic_venues_and_topics_stay_apart_when_cut(
    library: Library, paths: Paths, tmp_path: Path
) -> None:
    topics = ("quantization of weights", "quantization of activations")
    for n, venue in enumerate(VENUES):
        path = tmp_path / f"synthetic-{n}.md"
        path.write_text(synthetic_list(venue, topics), encoding="utf-8")
        library.import_lists([path], venue=venue)

    async def run() -> dict[int, tuple[list[str], list[str]]]:
        seen = {}
        for size in ((80, 24), (160, 45)):
            app = make_app(library, paths)
            async with app.run_test(size=size) as pilot:
                screen = await ready(pilot)
                nav = screen.nav
                venue_labels = [nav.label_of(NavKey("venue", v)) or "" for v in VENUES]
                topic_labels = [nav.label_of(NavKey("topic", VENUES[0], t)) or "" for t in topics]
                seen[size[0]] = venue_labels, topic_labels
        return seen

    for width, (venue_labels, topic_labels) in asyncio.run(run()).items():
        names = [label.split("  ")[0].strip() for label in venue_labels]
        assert len(set(names)) == 5, (width, names)
        assert all(name.endswith("2030") for name in names), names
        assert all(name.startswith("Synth") for name in names), names
        assert len({label.split("  ")[0].strip() for label in topic_labels}) == 2, topic_labels
