"""Run one pure function over many paths on every core: results in input order, memory bounded.

Reading a document is pure Python, so threads would share one core: the work runs in worker
processes. The language packs and registries are loaded once, before the
workers are forked (or by each worker as it starts, where processes cannot be forked), and each
worker handles a path at a time; the caller gets `(path, result)` pairs in the
order the paths came, where a result is the function's value or the exception it raised, so a
batch reports a bad file in its place and goes on. At most a few paths per worker are in
flight, so memory stays flat however many paths there are, and one process (the caller) still
writes everything out.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import multiprocessing.util
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from accords.read import STDIN

T = TypeVar("T")

#: Paths handed to the pool ahead of the one being written, per worker: enough to keep every
#: worker busy while the caller writes, few enough that results never pile up.
AHEAD_PER_JOB = 4


def default_jobs() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


#: How often a worker checks that the process it works for is still there, in seconds.
ORPHAN_CHECK = 0.5


def _exit_with(parent: int) -> None:
    """End this worker once `parent` is gone: a caller killed outright (SIGKILL, a crash) cannot
    shut its pool down, and its workers would otherwise wait for work for ever."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os._exit(1)


def load() -> None:
    """Load what documents need (packs, registries, compiled patterns) by reading each pack's
    `sample` statement, so that a process pays for it once, before its first path: patterns are
    compiled lazily, by language and by what a text holds, and a worker forked before they are
    compiled would compile them again, once per worker. Compiled once, they are kept on disk
    (`disk_cache`), and a later process loads them in a fraction of the time."""
    from accords import disk_cache
    from accords.lang import packs
    from accords.pipeline import process_text

    for pack in packs():
        if sample := pack.get("sample"):
            process_text(sample, f"{pack.code}-sample.txt")
    disk_cache.save()  # now, not at exit: a run stopped early has filled the cache all the same


def warm(setup: Callable[[], None] | None = None) -> None:
    """Start a worker: leave Ctrl-C to the caller (which stops the batch and keeps what is
    whole), end with the caller, load what every document needs (nothing more to load for a
    worker forked from a caller that has loaded it), run the caller's `setup` and, as it ends,
    keep what it compiled."""
    from accords import disk_cache

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    load()
    if setup is not None:
        setup()
    # What this worker's documents needed beyond `load` (a worker ends by os._exit, which runs
    # no atexit hook, but it runs multiprocessing's finalizers): the next run finds it compiled.
    multiprocessing.util.Finalize(None, disk_cache.save, exitpriority=0)


def worker_context() -> multiprocessing.context.BaseContext:
    """How workers start: forked where the system allows it (they share what the caller has
    loaded), else spawned. What they share beyond their paths (`ordered_map`'s `setup`) is made
    in the same way."""
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def _attempt(work: Callable[[str], T], path: str) -> T | Exception:
    try:
        return work(path)
    except Exception as exc:  # noqa: BLE001 - handed to the caller, who decides what stops a batch
        return exc


def _next(queue: deque[tuple[str, Future[T]]]) -> tuple[str, T | Exception]:
    """The oldest path handed out, with its result once it is there."""
    path, future = queue.popleft()
    try:
        return path, future.result()
    except Exception as exc:  # noqa: BLE001 - the worker's traceback is kept as its __cause__
        return path, exc


def ordered_map(
    work: Callable[[str], T], paths: Iterable[str], jobs: int, setup: Callable[[], None] | None = None
) -> Iterator[tuple[str, T | Exception]]:
    """`(path, work(path) or the exception it raised)` for each path, in the order given.

    `work` must be a module-level function (or a partial of one) so that it can be sent to a
    worker. `setup` runs once in each worker as it starts, before its first path: it hands the
    workers what they share and cannot be sent with each path (shared memory, a lock). With
    one job, or one path, everything runs in this process, as it would without a pool, and
    without `setup`. Standard input is always read here: it belongs to this process alone.
    """
    pending = iter(paths)
    first = [path for _, path in zip(range(2), pending)]
    if jobs <= 1 or len(first) <= 1:
        for path in itertools.chain(first, pending):
            yield path, _attempt(work, path)
        return
    starting = worker_context()
    if starting.get_start_method() == "fork":
        # Loaded once here, the workers share it from their first instant instead of each
        # spending seconds of processor time loading the same thing; frozen, it is left out of
        # the workers' garbage collections, which would otherwise copy every page of it.
        load()
        gc.freeze()
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=starting, initializer=warm, initargs=(setup,)
    )
    queue: deque[tuple[str, Future[T]]] = deque()

    def submit(path: str) -> None:
        if path == STDIN:
            here: Future[T] = Future()
            try:
                here.set_result(work(path))
            except Exception as exc:  # noqa: BLE001 - as a worker's would be
                here.set_exception(exc)
            queue.append((path, here))
        else:
            queue.append((path, pool.submit(work, path)))

    waiting = itertools.chain(first, pending)
    try:
        while True:
            while len(queue) < jobs * AHEAD_PER_JOB and (queued := next(waiting, None)) is not None:
                submit(queued)
            if not queue:
                return
            done = _next(queue)
            yield done
    finally:
        # A caller that stops early (Ctrl-C, a crash) leaves nothing running behind it.
        pool.shutdown(wait=True, cancel_futures=True)
