"""Options that several commands share, defined once so that they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from accords.parallel import default_jobs
from accords.read import DEFAULT_MAX_BYTES

F = TypeVar("F", bound=Callable[..., Any])

max_size_option = click.option(
    "--max-size",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this many bytes.",
)

verbose_option = click.option(
    "--verbose", "-v", is_flag=True, help="Name each file skipped in the folders read, and why."
)


def jobs_option(verb: str) -> Callable[[F], F]:
    """`--jobs N`: how many documents are read at once, each in a worker process; every core
    this process may use by default."""
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=default_jobs, show_default="every core",
        help=f"Documents to {verb} at once, each in a worker process.",
    )
