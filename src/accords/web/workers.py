"""Uploads are extracted in worker processes, each under a time and a memory limit.

Extraction is CPU work: in the server's own process it would hold the interpreter for as long
as a document takes, and nothing could stop it. Each upload is read by a process forked from a
fork server that has loaded the pipeline, its packs and its registries once (so a worker
starts at once and shares them), with its address space capped at what it had on starting plus
`Limits.memory`. A worker still running after `Limits.seconds` is killed, and so is every worker
when the server is told to stop, and the worker of a request whose client has left
(`while_connected`).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import resource
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, TypeVar

from accords.errors import AccordsError, ReadError
from accords.model import Record
from accords.read import RawDocument
from accords.web.errors import BadRequest, ServerStopping, TooCostly

if TYPE_CHECKING:
    from starlette.requests import Request

T = TypeVar("T")
_POLL_SECONDS = 0.2
#: The request a thread is reading uploads for: whether its client has left (`while_connected`).
_client = threading.local()


class Abandoned(AccordsError):
    """An upload whose client left before it was read: its worker was killed, nothing stored."""


@dataclass(frozen=True)
class Limits:
    """What one upload's extraction may take."""

    seconds: float = 300.0
    memory: int = 2_000_000_000
    """bytes of address space beyond what a worker holds on starting (the loaded pipeline)"""


@dataclass
class Workers:
    """The running workers, so that a stopping server can end them."""

    limits: Limits = field(default_factory=Limits)
    _running: set[BaseProcess] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stopping: threading.Event = field(default_factory=threading.Event)

    def extract(self, raw: RawDocument) -> Record:
        """The record of `raw`, read in a worker; TooCostly past the limits."""
        if self._stopping.is_set():
            raise ServerStopping("the server is stopping: send the document again later")
        gone: threading.Event | None = getattr(_client, "gone", None)
        if gone is not None and gone.is_set():
            raise Abandoned(f"{raw.name}: not read, the client has left")
        context = _context()
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(raw, self.limits.memory, sending), daemon=True)
        with self._lock:
            self._running.add(process)
        try:
            process.start()
            sending.close()
            outcome = _wait(receiving, process, self.limits, self._stopping, gone)
            return _answer(raw.name, outcome, self.limits)
        finally:
            with self._lock:
                self._running.discard(process)
            if process.is_alive():
                process.kill()
            process.join()
            receiving.close()

    def warm(self) -> None:
        """Start the fork server now, in the background, so the first upload need not wait for it."""
        threading.Thread(target=lambda: _context().Process(target=_idle).start(), daemon=True).start()

    def stop(self) -> None:
        """Kill every worker; uploads waiting on them answer 503."""
        self._stopping.set()
        with self._lock:
            for process in self._running:
                if process.is_alive():
                    process.kill()


workers = Workers()
"""The server's workers: `create_app` sets their limits, `accords serve` stops them."""


def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["accords.web.preload"])
    return context


async def while_connected(request: Request, work: Callable[[], T]) -> T:
    """`work`, which reads uploads, in a thread of the pool; should the client leave before it
    ends, the worker reading its upload is killed (the rest raise Abandoned at once): no core
    goes on reading for an answer that nobody waits for.

    Once the body is read, the next message a request receives is the client's leaving; it is
    awaited beside the work (`request.is_disconnected()` never sees it behind an http middleware).
    """
    from starlette.concurrency import run_in_threadpool

    gone = threading.Event()

    def run() -> T:
        _client.gone = gone
        try:
            return work()
        finally:
            _client.gone = None

    async def watch() -> None:
        while (await request.receive())["type"] != "http.disconnect":
            continue
        gone.set()

    watcher = asyncio.ensure_future(watch())
    try:
        return await run_in_threadpool(run)
    finally:
        watcher.cancel()


def _wait(
    receiving: Connection, process: BaseProcess, limits: Limits, stopping: threading.Event,
    gone: threading.Event | None = None,
) -> object:
    waited = 0.0
    while waited < limits.seconds:
        ready = receiving.poll(_POLL_SECONDS)
        if stopping.is_set():  # the worker was killed for it, whatever the pipe says
            raise ServerStopping("the server is stopping: send the document again later")
        if gone is not None and gone.is_set():  # killed on leaving extract
            raise Abandoned("not read, the client has left")
        if ready:
            try:
                return receiving.recv()
            except EOFError:
                return ("died", process.exitcode)
        waited += _POLL_SECONDS
        if not process.is_alive() and not receiving.poll(0):
            return ("died", process.exitcode)
    return ("slow", None)


def _answer(name: str, outcome: object, limits: Limits) -> Record:
    kind, value = outcome if isinstance(outcome, tuple) else ("died", None)
    if kind == "record" and isinstance(value, Record):
        return value
    if kind == "refused" and isinstance(value, tuple):
        raise ReadError(*value)
    if kind == "slow":
        raise TooCostly(f"{name}: reading it took longer than the limit of {limits.seconds:g} s")
    if kind in ("memory", "died"):
        raise TooCostly(f"{name}: reading it needed more than the limit of {limits.memory / 1e6:.0f} MB")
    raise BadRequest(f"{name}: extraction failed ({value})")


def _work(raw: RawDocument, memory: int, sending: Connection) -> None:
    """In the worker: cap the address space, extract, and send back the record or the reason."""
    from accords.pipeline import process_raw

    try:
        size = _address_space()
        if size is not None:
            resource.setrlimit(resource.RLIMIT_AS, (size + memory, size + memory))
        sending.send(("record", process_raw(raw)))
    except ReadError as exc:
        sending.send(("refused", (exc.name, exc.problem)))
    except AccordsError as exc:
        sending.send(("failed", str(exc)))
    except MemoryError:
        sending.send(("memory", None))
    except Exception as exc:  # noqa: BLE001 - an extraction bug is that upload's failure
        sending.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        sending.close()


def _address_space() -> int | None:
    """This process's virtual memory size in bytes (Linux), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _idle() -> None:
    """A worker with nothing to do: starting it starts the fork server."""
