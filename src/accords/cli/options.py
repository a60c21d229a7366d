"""Options that several commands share, defined once so that they read the same everywhere."""

from __future__ import annotations

import click

from accords.read import DEFAULT_MAX_BYTES

max_size_option = click.option(
    "--max-size",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this many bytes.",
)
