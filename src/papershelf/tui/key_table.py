"""README's key table, made from the bindings themselves so the two cannot drift apart."""

from __future__ import annotations

from papershelf.tui.keys import all_bindings, display_key, explain


def key_table_markdown() -> str:
    """The README key table: key, binding id (for ``config.toml``), what it does, where."""
    lines = ["| Key | Id | What it does | Where |", "| --- | --- | --- | --- |"]
    for place, binding in all_bindings():
        key = display_key(binding.key).replace("|", "\\|")
        lines.append(f"| `{key}` | `{binding.id}` | {explain(binding)} | {place} |")
    return "\n".join(lines) + "\n"
