"""`accords extract`: read documents and print one record each, as JSON or JSON Lines."""

from __future__ import annotations

import io
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import IO

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from accords.atomic import atomic_text, same_file
from accords.cli.options import jobs_option, max_size_option, verbose_option
from accords.errors import AccordsError
from accords.model import Record
from accords.parallel import ordered_map
from accords.pipeline import process
from accords.read import STDIN, Walk, shown, walk


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
    with atomic_text(path) as handle:
        yield handle


def _refuse_overwriting_inputs(out: str, sources: list[str]) -> None:
    """An output that is one of the inputs (by any name or link) would destroy it."""
    try:
        target = os.stat(out)
    except OSError:
        return  # not there yet: it cannot be an input
    for source in sources:
        try:
            if source != STDIN and same_file(os.stat(source), target):
                raise click.UsageError(f"--out {shown(out)} is also an input ({shown(source)}); choose another file")
        except OSError:
            continue


def write_record(handle: IO[str], record: Record, indent: int | None, level: int = 0) -> None:
    """The record's JSON, as `json.dumps` writes its dict at nesting `level`, one provision at a
    time: the record of a large document never stands in memory as one dict or one string."""
    head = record.model_dump(by_alias=True, mode="json", exclude={"provisions"})
    head["provisions"] = []  # the last field: the provisions are written where it stands
    text = json.dumps(head, ensure_ascii=False, indent=indent)
    before, after = text.rsplit("[]", 1)
    newline = "\n" + " " * (indent * level) if indent is not None else ""
    handle.write(before.replace("\n", newline) + "[")
    if indent is None:
        separator, first, last = ", ", "", ""
    else:
        inner = newline + " " * (2 * indent)
        separator, first, last = "," + inner, inner, newline + " " * indent
    for i, provision in enumerate(record.provisions):
        dumped = json.dumps(provision.model_dump(by_alias=True, mode="json"), ensure_ascii=False, indent=indent)
        handle.write((separator if i else first) + (dumped.replace("\n", first) if indent is not None else dumped))
    handle.write((last if record.provisions else "") + "]" + after.replace("\n", newline))


def rendered(path: str, *, max_bytes: int, indent: int | None, level: int) -> str:
    """The record of `path` as the output holds it, made where it is read: in a worker process,
    so that the one process writing the output only writes (turning a record into JSON costs as
    much as sending it across, and that process shares the cores with the workers)."""
    text = io.StringIO()
    write_record(text, process(path, max_bytes=max_bytes), indent, level)
    return text.getvalue()


def _say(console: Console, line: str) -> None:
    console.print(line, markup=False, highlight=False, soft_wrap=True)


def report_skipped(console: Console, found: Walk, verbose: bool) -> None:
    """What the folders held that was not read, counted by reason, each file with --verbose."""
    if not found.skipped:
        return
    reasons = Counter(reason for _, reason in found.skipped)
    summary = "; ".join(f"{count} {reason}" for reason, count in reasons.most_common())
    more = "" if verbose else " (--verbose lists them)"
    _say(console, f"accords: skipped {len(found.skipped)} in the folders read: {summary}{more}")
    if verbose:
        for path, reason in found.skipped:
            _say(console, f"accords: skipped {shown(path)}: {reason}")


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object (an array for several inputs); jsonl: one record a line.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file (whole, once done), not stdout.")
@max_size_option
@jobs_option("read")
@verbose_option
def extract_command(
    paths: tuple[str, ...], fmt: str, out: str | None, max_size: int, jobs: int, verbose: bool
) -> None:
    """Read documents (files, folders, `-` for stdin) and print their records.

    Inside folders, files of the supported types are read (.txt, .md, .html, .pdf ...); hidden
    files and folders, other types and links to folders are skipped and counted.
    Exit status: 0 when every input was read, 1 when any failed, 2 for bad usage.
    """
    err = Console(stderr=True)
    found = walk(paths)
    sources = found.files
    if out is not None:
        _refuse_overwriting_inputs(out, sources)
    # json: one object for one input, else an array (written as records come, closed at the end)
    array = fmt == "json" and not (len(paths) == 1 and len(sources) == 1)
    indent, level = (None, 0) if fmt == "jsonl" else (2, 1 if array else 0)
    jobs = min(jobs, len(sources))
    # One process reads and writes each record as it goes (a large document's record is never
    # whole in memory); workers send theirs as text.
    work: Callable[[str], Record | str] = (partial(rendered, max_bytes=max_size, indent=indent, level=level) if jobs > 1
            else partial(process, max_bytes=max_size))
    written = failed = 0
    try:
        with _output(out) as handle, progress_bar(err, "extract") as bar:
            task = bar.add_task("extract", total=len(sources), rate=0.0, failed=0)
            for source, record in ordered_map(work, sources, jobs):
                if isinstance(record, AccordsError):
                    failed += 1
                    _say(err, f"accords: {record}")
                elif isinstance(record, Exception):  # an extraction bug must not stop the batch
                    failed += 1
                    _say(err, f"accords: {shown(source)}: extraction failed ({type(record).__name__}: {record})")
                else:
                    if array:
                        handle.write("[\n  " if not written else ",\n  ")
                    if isinstance(record, str):
                        handle.write(record)
                    else:
                        write_record(handle, record, indent, level)
                    if fmt == "jsonl":
                        handle.write("\n")
                    written += 1
                    del record
                task_obj = bar.tasks[0]
                bar.update(task, advance=1, failed=failed,
                           rate=(task_obj.completed + 1) / max(task_obj.elapsed or 1e-9, 1e-9))
            if fmt == "json" and written:
                handle.write("\n]\n" if array else "\n")
    except OSError as exc:
        _say(err, f"accords: cannot write {shown(out or '<stdout>')}: {exc.strerror or exc}; nothing was written")
        sys.exit(1)
    report_skipped(err, found, verbose)
    if failed:
        sys.exit(1)


