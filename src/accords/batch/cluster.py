"""Run a batch on Ray: join a cluster or start one on this machine, map, and write the output.

Ray Data reads the input and maps `extract_batch` over it in tasks, not actors: a task gives its
CPU back between batches, so reading and extracting share the cores and can be fused into one task
(actors holding every CPU starve the read tasks, and the batch hangs). A worker process loads the
language packs and models once and keeps them for every later task. The driver (this process)
streams the results as they come and writes both datasets itself, which is what lets it show
progress and leave a whole OUTPUT or none.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from accords.batch.documents import FOLDER, PARQUET, Input, extract_batch, open_input
from accords.batch.records import BatchOutput, Row
from accords.errors import AccordsError
from accords.read import DEFAULT_MAX_BYTES

INSTALL = "Ray is not installed: pip install 'accords[ray]' (or pip install 'ray[data]')"
# Documents a task extracts at a time: about a second of work, fine-grained enough to spread a
# small batch over every worker and to show progress, coarse enough that scheduling costs little.
BATCH_ROWS = 16
REACH_S = 5.0


@dataclass
class Progress:
    """How far a batch has come, handed to the caller after every block of results."""

    total: int | None
    started: float = field(default_factory=time.perf_counter)
    records: int = 0
    failures: list[Row] = field(default_factory=list)
    new_failures: list[Row] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.records + len(self.failures)

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.done / max(self.elapsed, 1e-9)


@dataclass(frozen=True)
class Cluster:
    """Where the batch runs: `address` of a running cluster, else a local Ray of `cpus` cores."""

    address: str | None = None
    cpus: int | None = None
    object_store_mb: int | None = None
    workers: int | None = None


def import_ray() -> ModuleType:
    """Ray, or an AccordsError that says in one line how to install it."""
    try:
        import ray.data  # Ray Data, which a bare `pip install ray` lacks; binds `ray` too
    except ImportError:
        raise AccordsError(INSTALL) from None
    return ray


def run_batch(
    input_path: str,
    output_path: str,
    cluster: Cluster = Cluster(),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: Callable[[Progress], None] = lambda progress: None,
) -> Progress:
    """Extract every document of `input_path` into the datasets of `output_path`.

    The input and output are checked before Ray starts, so a mistyped path costs no start-up.
    """
    ray = import_ray()
    source = open_input(input_path)
    output = BatchOutput(output_path)
    _start(ray, cluster)
    try:
        dataset = _dataset(ray, source).map_batches(
            extract_batch,
            batch_size=BATCH_ROWS,
            batch_format="pyarrow",
            compute=ray.data.TaskPoolStrategy(size=cluster.workers) if cluster.workers else None,
            fn_kwargs={"kind": source.kind, "max_bytes": max_bytes, "source": input_path},
        )
        progress = Progress(source.count)
        with output:
            for block in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
                records, failures = output.write(block)
                progress.records += records
                progress.failures += failures
                progress.new_failures = failures
                on_progress(progress)
        return progress
    except ray.exceptions.RayError as exc:
        # A document's own problem is a failure row; this is the input or the cluster failing.
        raise AccordsError(f"{input_path}: the batch stopped ({_last_line(exc)})") from None
    finally:
        ray.shutdown()


def _last_line(exc: BaseException) -> str:
    """What went wrong, from a Ray error: a task's error ends its remote traceback."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


def _check_reachable(address: str) -> None:
    """Fail in seconds on a head that does not answer, where Ray itself retries for minutes."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return  # "auto", or a name Ray resolves itself
    try:
        socket.create_connection((host, int(port)), timeout=REACH_S).close()
    except OSError as exc:
        raise AccordsError(f"{address}: no Ray cluster answers there ({exc.strerror or exc})") from None


def _start(ray: ModuleType, cluster: Cluster) -> None:
    """Join the cluster at `address`, or start a fresh Ray here (never one left running by others)."""
    # Ray's own warnings at start-up (its token authentication, say) are not the user's business.
    options: dict[str, Any] = {"logging_level": logging.ERROR, "configure_logging": True}
    if cluster.address:
        _check_reachable(cluster.address)
        try:
            ray.init(address=cluster.address, **options)
        except ConnectionError as exc:
            raise AccordsError(f"{cluster.address}: cannot join the Ray cluster ({exc})") from None
    else:
        ray.init(
            address="local",
            num_cpus=cluster.cpus or os.cpu_count() or 1,
            object_store_memory=cluster.object_store_mb * 2**20 if cluster.object_store_mb else None,
            include_dashboard=False,
            **options,
        )
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    # Ray Data logs a failing task's traceback before raising it, and warns that its bars are off;
    # run_batch turns the error into one line and shows its own progress.
    logging.getLogger("ray.data").setLevel(logging.CRITICAL)
    # Ray Data warns when a small input cannot keep every worker busy; for a batch that is expected.
    warnings.filterwarnings("ignore", message="The maximum number of concurrent tasks", category=UserWarning)


def _dataset(ray: ModuleType, source: Input) -> Any:
    """The input as a Ray dataset in blocks of BATCH_ROWS documents, read where the workers are."""
    data = ray.data
    if source.kind == FOLDER:
        blocks = max(1, math.ceil(len(source.paths) / BATCH_ROWS))
        # Workers read absolute paths (their working folder is not ours); failures keep the names given.
        rows = [{"path": os.path.abspath(p), "name": p} for p in source.paths]
        return data.from_items(rows, override_num_blocks=blocks)
    location = os.path.abspath(source.location)
    if source.kind == PARQUET:
        dataset = data.read_parquet(location, columns=list(source.columns))
    else:
        dataset = data.read_text(location)
    return dataset.repartition(target_num_rows_per_block=BATCH_ROWS)
