"""Keys of a paper's field lines written in Korean, Japanese or Chinese, beside English ones.

``- **저자**: K. He, X. Zhang`` / ``- **학회/저널**: CVPR 2016`` under ``### [Title](url)``, or
``著者：...`` / ``学会：PLDI 2017``: the same fields as ``Authors:`` and ``Venue:``, keyed in the
writer's language. A reader takes them as the paper's authors and venue, not as entries.
"""

from __future__ import annotations

VENUE_KEYS = r"학회(?:\s*/\s*저널)?|저널|출처|发表|会议|会議|学会|掲載|来源|出典|期刊"
"""Regex alternatives: conference, journal, source, published (Korean, Japanese, Chinese)."""
AUTHOR_KEYS = frozenset({"저자", "著者", "作者"})
"""Author keys (Korean, Japanese, Chinese)."""
LINK_KEYS = r"링크|リンク|链接|논문|論文|论文"
"""Regex alternatives: link and paper keys (Korean, Japanese, Chinese)."""
