"""What a conference programme says of a session, beside its papers: when, who chairs, where.

``* Start: 2020-08-31T08:00:00Z``, ``* Duration: 70 min``, ``* Chair: Katja and Ziawasch``,
``* [Zoom Meeting Room](...)``, ``* [Slack Channel](...)``: under a heading that names the
venue every line would get its venue and year, yet none is a paper. A careful reader knows them
by the field they fill (a time, a length, a person, a place) or by naming a meeting's room or
channel.
"""

from __future__ import annotations

import re

_FIELD = re.compile(
    r"^(?:start(?:s|ing)?|ends?|duration|time|date|when|where|location|room|place|venue\s+room|"
    r"(?:session\s+)?chairs?|co-?chairs?|moderators?|hosts?|organi[sz]ers?)\s*:",
    re.IGNORECASE,
)
_FIELD_END = 30
"""A field's name and its colon come within this many characters."""
_MEETING_PLACE = re.compile(
    r"\b(?:(?:virtual\s+)?(?:conference|meeting|zoom|webex|teams)\s+rooms?|"
    r"(?:slack|discord|discussion|chat)\s+channels?|zoom\s+(?:link|meeting)s?)\b",
    re.IGNORECASE,
)


_FEW_WORDS = 6
"""A field's value, or a meeting place's whole label, is this short: a paper's title that
opens with ``Time:`` or speaks of meeting rooms (``Occupancy Estimation in Meeting Rooms
Using CO2 Sensors``) goes on for longer."""


def is_event_detail(title: str) -> bool:
    """Whether an entry's text is a session's time, length, chair or meeting place."""
    colon = title.find(":", 0, _FIELD_END)
    if colon > 0 and _FIELD.match(title) is not None:
        return len(title[colon + 1 :].split()) <= _FEW_WORDS
    # cheap: a meeting's room or channel says so, in any case
    if "oom" in title or "hannel" in title or "OOM" in title or "HANNEL" in title:
        return len(title.split()) <= _FEW_WORDS and _MEETING_PLACE.search(title) is not None
    return False
