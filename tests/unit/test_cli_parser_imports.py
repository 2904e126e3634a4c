"""Building the command line's parser imports no command's work (a command loads its own)."""

from __future__ import annotations

import argparse

import pytest

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


def test_a_command_builds_its_own_module_s_parsers_alone() -> None:
    code = (
        "import sys\n"
        "from papershelf.cli.parser import parse\n"
        "args = parse(['-q', 'list', '--format', 'json'])\n"
        "assert args.command == 'list' and callable(args.func)\n"
        "print(' '.join(sorted(m for m in sys.modules if m.endswith('_cmds'))))\n"
    )
    assert python_c(code).split() == ["papershelf.cli.catalog_cmds"]


def test_each_module_registers_the_commands_the_map_names() -> None:
    from papershelf.cli.parser import COMMANDS, build_parser

    def choices(parser: argparse.ArgumentParser) -> list[str]:
        action = next(a for a in parser._actions if a.dest == "command")
        assert action.choices is not None
        return list(action.choices)

    for module, commands in COMMANDS.items():
        assert choices(build_parser(module)) == list(commands), module
    assert choices(build_parser()) == [c for commands in COMMANDS.values() for c in commands]


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["import", "a.md"], "import_cmds"),
        (["-q", "--data-dir", "d", "list"], "catalog_cmds"),
        (["--data-dir=d", "--quiet", "tag", "x", "y"], "tag_cmds"),
        (["merge-driver", "a", "b", "c"], "merge_cmds"),
        (["--help"], None),
        (["--data", "d", "list"], None),  # an abbreviated flag: the whole parser reads it
        (["bogus"], None),
        (["-q"], None),
    ],
)
def test_the_command_s_module_is_found_past_the_common_flags(
    argv: list[str], module: str | None
) -> None:
    from papershelf.cli.parser import command_module

    assert command_module(argv) == module


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "a.md", "b.md", "--venue", "OSDI 2024", "-q"],
        ["--data-dir", "d", "list", "--format", "json", "--status", "read"],
        ["tag", "p1", "p2", "systems"],
        ["mark", "p1", "read"],
        ["export", "--format", "bibtex"],
        ["-q", "same", "a", "b"],
    ],
)
def test_a_command_reads_the_same_with_its_module_alone(argv: list[str]) -> None:
    from papershelf.cli.parser import build_parser, command_module

    whole = vars(build_parser().parse_args(argv))
    alone = vars(build_parser(command_module(argv)).parse_args(argv))
    assert alone == whole
