"""The `accords` command: a click group whose subcommands live in the modules beside this one.

A subcommand's module is imported only when that subcommand runs: `accords --help` loads no
extraction, register, web app or Ray, and `accords extract` loads no register or web app. The
listing of `--help` comes from the summaries below (tests check each against its command's own
help), so printing it imports none of them.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from accords import __version__

#: Each subcommand: the module and attribute that define it, and its summary in `accords --help`.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "batch": ("accords.cli.batch", "batch_command",
              "Extract INPUT on a Ray cluster into the Parquet datasets of the folder OUTPUT."),
    "check": ("accords.cli.register", "check_command",
              "Check the register for damage (SQLite's integrity check) and say what to do."),
    "commitments": ("accords.cli.register", "commitments",
                    "Commitments (commit, support, explore provisions) with their current status."),
    "compare": ("accords.cli.register", "compare",
                "Partners side by side: what was agreed with each, by domain and modality, with the words."),
    "diff": ("accords.cli.register", "diff_command",
             ("Two language versions of one text, provision by provision: where they disagree on a place, "
             "a treaty or organisation, a number or the modality.")),
    "export": ("accords.cli.export", "export_command",
               ("Write documents, provisions, commitments, targets and status changes as JSONL, CSV or "
               "Parquet, or PLOVER rows.")),
    "extract": ("accords.cli.extract", "extract_command",
                "Read documents (files, folders, `-` for stdin) and print their records."),
    "history": ("accords.cli.register", "history",
                ("A commitment's line from first mention to last: each later document that made it again, "
                "and how it changed.")),
    "ingest": ("accords.cli.register", "ingest",
               "Read documents (files, folders, - for stdin) into the register, one transaction each."),
    "partners": ("accords.cli.register", "partners",
                 ("Every pair of states (or the home side's partners): level, since when, last upgrade, "
                 "documents, commitments.")),
    "search": ("accords.cli.register", "search",
               'Full-text search over provisions, accents ignored: accords search "nuclear power" --country RU.'),
    "serve": ("accords.cli.serve", "serve",
              "Serve the register in a browser and as a JSON API (http://127.0.0.1:8000, API docs at /docs)."),
    "show": ("accords.cli.register", "show",
             "A document's reading: event, relationship, provisions with their labels (by id or file name)."),
    "status": ("accords.cli.register", "status",
               ("Record what became of a commitment (open, in_progress, fulfilled, lapsed, dropped), or show "
               "its history.")),
    "targets": ("accords.cli.register", "targets", "Quantified targets (trade, loans, students ...) by deadline."),
    "timeline": ("accords.cli.register", "timeline",
                 "A relationship in date order: relations, levels, visits, upgrades, statements."),
}


class _Commands(click.Group):
    """A group that imports a subcommand's module when the subcommand is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        # Shortened by click's own rule, as it would shorten the commands' help.
        rows = [(name, click.Command(name, help=summary).get_short_help_str(limit))
                for name, (_, _, summary) in sorted(COMMANDS.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="accords")
def main() -> None:
    """Accords: a register of who committed to what in joint statements and visit reports."""
    _warnings_to_stderr()


def _warnings_to_stderr() -> None:
    """Warnings of the readers (a byte that is not UTF-8, a PDF repaired) as `accords:` lines."""
    logger = logging.getLogger("accords")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("accords: warning: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
