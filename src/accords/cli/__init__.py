"""The `accords` command: a click group whose subcommands live in the modules beside this one."""

from __future__ import annotations

import logging
import sys

import click

from accords import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


def _register_commands() -> None:
    # Imported here so each command module can import `main` without a cycle.
    from accords.cli import batch, extract, register, serve

    for module in (extract, register, serve, batch):
        for command in module.COMMANDS:
            main.add_command(command)


_register_commands()
