"""`accords export`: the register's tables as JSONL, CSV or Parquet files, or PLOVER rows.

A command of its own module, so that the other commands of the register (`accords ingest` above
all) do not import pyarrow, which only writing Parquet needs.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from accords.cli.register import _err, _register, db_option
from accords.store import export


@click.command("export")
@click.option("--format", "fmt", type=click.Choice([*export.FORMATS, "plover"]), required=True)
@click.option(
    "--table",
    "tables",
    multiple=True,
    type=click.Choice(list(export.TABLES)),
    help="Only these tables (default: all five).",
)
@click.option(
    "--out",
    default=".",
    show_default=True,
    help="Folder for the files, or - for standard output (one table, jsonl, csv or plover).",
)
@db_option
def export_command(fmt: str, tables: tuple[str, ...], out: str, db: str) -> None:
    """Write documents, provisions, commitments, targets and status changes as JSONL, CSV or Parquet, or PLOVER rows."""
    if fmt == "plover":
        if tables:
            raise click.UsageError("--table does not apply to plover, which writes one file of event rows")
        jobs: list[tuple[str, export.Columns, Callable[[sqlite3.Connection], Iterator[export.Row]], str]] = [
            ("plover", export.PLOVER_COLUMNS, export.plover, "jsonl")
        ]
    else:
        jobs = [(t.name, t.columns, t.rows, fmt) for t in (export.TABLES[n] for n in tables or export.TABLES)]
    if out == "-" and (len(jobs) > 1 or fmt == "parquet"):
        raise click.UsageError(
            "standard output takes one table in jsonl, csv or plover: add --table or --out"
        )
    folder = Path(out)
    if out != "-":
        folder.mkdir(parents=True, exist_ok=True)
    with _register(db) as conn:
        for name, columns, rows, kind in jobs:
            if out == "-":
                export.write(rows(conn), columns, kind, sys.stdout)
                continue
            target = folder / f"{name}.{kind}"
            count = export.write(rows(conn), columns, kind, target)
            _err.print(f"{target}: {count} rows", highlight=False, soft_wrap=True)
