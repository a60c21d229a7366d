"""`accords extract`: read documents and print one record each, as JSON or JSON Lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from accords.errors import AccordsError
from accords.pipeline import expand, process
from accords.read import DEFAULT_MAX_BYTES


def progress_bar(console: Console, label: str) -> Progress:
    """A progress bar with counts, rate and time left; silent when not on a terminal."""
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TextColumn("[red]{task.fields[failed]} failed"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as handle:
        yield handle


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object (an array for several inputs); jsonl: one record a line.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to this file, not stdout.")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this many bytes.")
def extract_command(paths: tuple[str, ...], fmt: str, out: str | None, max_size: int) -> None:
    """Read documents (files, folders, `-` for stdin) and print their records.

    Exit status: 0 when every input was read, 1 when any failed, 2 for bad usage.
    """
    err = Console(stderr=True)
    sources = list(expand(paths))
    records: list[dict[str, object]] = []
    failed = 0
    with _output(out) as handle, progress_bar(err, "extract") as bar:
        task = bar.add_task("extract", total=len(sources), rate=0.0, failed=0)
        for source in sources:
            try:
                record = process(source, max_bytes=max_size).to_json_dict()
            except AccordsError as exc:
                failed += 1
                err.print(f"accords: {exc}", markup=False, highlight=False, soft_wrap=True)
            else:
                if fmt == "jsonl":
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    records.append(record)
            task_obj = bar.tasks[0]
            bar.update(task, advance=1, failed=failed, rate=(task_obj.completed + 1) / max(task_obj.elapsed or 1e-9, 1e-9))
        if fmt == "json" and records:
            payload: object = records[0] if len(paths) == 1 and len(sources) == 1 else records
            handle.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if failed:
        sys.exit(1)


COMMANDS = [extract_command]
