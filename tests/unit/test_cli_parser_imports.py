"""Building the command line's parser imports no command's work (a command loads its own)."""

from __future__ import annotations

from tests.conftest import python_c

LATER = (
    "papershelf.services.library",  # built by main once the flags are read
    "papershelf.services.importing",
    "papershelf.services.url_lists",
    "papershelf.services.merging",
    "papershelf.services.newness",
    "papershelf.services.editor",
    "papershelf.export.json_export",
    "papershelf.catalog.markdown_list",
    "papershelf.storage.catalog_store",
)


def test_the_parser_leaves_every_command_s_modules_for_later() -> None:
    code = (
        "import sys\n"
        "from papershelf.cli.parser import parse\n"
        "args = parse(['import', 'list.md', '--venue', 'OSDI 2024'])\n"
        "assert args.command == 'import' and callable(args.func)\n"
        f"print(' '.join(m for m in {LATER!r} if m in sys.modules))\n"
    )
    out = python_c(code)
    assert out.strip() == ""
