"""`accords batch`: extract a large collection on Ray into Parquet datasets of records and failures."""

from __future__ import annotations

import time

import click
from rich.console import Console

from accords.batch.cluster import Cluster, Progress, run_batch
from accords.batch.stored import FAILURES, RECORDS
from accords.cli.extract import progress_bar
from accords.errors import AccordsError
from accords.read import DEFAULT_MAX_BYTES

# Failures printed as they come; the rest are in the failures dataset, so a bad day of news does
# not flood the terminal.
FAILURES_SHOWN = 20
# Off a terminal (a log file, a job runner) progress is one line this often.
LOG_EVERY_S = 30.0


@click.command("batch")
@click.argument("input_path", metavar="INPUT")
@click.argument("output_path", metavar="OUTPUT")
@click.option("--address", metavar="ADDRESS",
              help="Join this running Ray cluster (ray://head:10001, head:6379 or auto); "
                   "without it Ray starts on this machine.")
@click.option("--workers", type=click.IntRange(min=1),
              help="Batches extracted at once, one core each (default: every core of the cluster).")
@click.option("--cpus", type=click.IntRange(min=1),
              help="Cores of the Ray started here (default: all of this machine's).")
@click.option("--object-store-mb", type=click.IntRange(min=80),
              help="Object store of the Ray started here, in MB (default: Ray's, 30% of memory).")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse documents larger than this many bytes.")
def batch_command(
    input_path: str,
    output_path: str,
    address: str | None,
    workers: int | None,
    cpus: int | None,
    object_store_mb: int | None,
    max_size: int,
) -> None:
    """Extract INPUT on a Ray cluster into the Parquet datasets of the folder OUTPUT.

    INPUT is a folder of documents, or a Parquet or JSON Lines file of them with the columns
    `name` and `text`, or `name`, `bytes` and `suffix`. OUTPUT/records holds one row a document
    (filter columns and the whole record as JSON), OUTPUT/failures one row a document that could
    not be read (name, problem); `accords ingest OUTPUT` stores the records without extracting
    them again. Exit status: 0 when every document became a record, 1 when any failed or the
    batch could not run, 2 for bad usage.
    """
    if address and (cpus or object_store_mb):
        raise click.UsageError("--cpus and --object-store-mb size a Ray started here, not one joined with --address")
    err = Console(stderr=True)
    shown = 0
    last_line = time.perf_counter()

    def say(line: str) -> None:
        err.print(line, markup=False, highlight=False, soft_wrap=True)

    with progress_bar(err, "batch") as bar:
        task = bar.add_task("batch", total=None, rate=0.0, failed=0)

        def report(progress: Progress) -> None:
            nonlocal shown, last_line
            for failure in progress.new_failures[: max(FAILURES_SHOWN - shown, 0)]:
                say(f"accords: {failure['name']}: {failure['problem']}")
            shown += len(progress.new_failures)
            bar.update(task, total=progress.total, completed=progress.done, rate=progress.rate,
                       failed=len(progress.failures))
            if not err.is_terminal and time.perf_counter() - last_line >= LOG_EVERY_S:
                last_line = time.perf_counter()
                say(_status(progress))

        try:
            progress = run_batch(
                input_path,
                output_path,
                Cluster(address=address, cpus=cpus, object_store_mb=object_store_mb, workers=workers),
                max_bytes=max_size,
                on_progress=report,
            )
        except AccordsError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            say(f"interrupted: {output_path} was not written")
            raise SystemExit(130) from None
    if shown > FAILURES_SHOWN:
        say(f"... and {shown - FAILURES_SHOWN} more failures in {output_path}/{FAILURES}")
    say(f"{_status(progress)}: {output_path}/{RECORDS}, {output_path}/{FAILURES}")
    if progress.failures:
        raise SystemExit(1)


def _status(progress: Progress) -> str:
    return (
        f"{progress.done} documents in {progress.elapsed:.1f} s ({progress.rate:.1f} docs/s): "
        f"{progress.records} records, {len(progress.failures)} failed"
    )


