"""Benchmark the web app: requests per second and latency of the main pages over 20,000 documents.

    python benchmarks/bench_web.py [--documents 20000] [--requests 200] [--concurrency 4] [--db PATH]

The seed and sample documents are read through the pipeline and varied up to `--documents` as in
bench_store.py (new id and file, another partner state, years moved back), each stored with the
text it was read as, so document pages are highlighted as for real. A register given with `--db`
that already holds documents is used as it is. Then `accords serve` runs on a free loopback port
in its own process, and `--concurrency` client threads send `--requests` requests to each page
(random documents, partners, searches; "search, first runs" makes each search new with a start
month, so that its counts are never kept from an earlier request), one page after the other. For each page it prints
requests per second, and p50, p95 and worst latency in milliseconds. Every request goes to
127.0.0.1 only, and the run stops by itself.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from bench_store import PARTNERS, SEARCHES, size_report, vary

from accords.errors import AccordsError
from accords.model import Record
from accords.pipeline import process_raw
from accords.read import read_source
from accords.store import connect, store_record

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DOMAINS = ["energy", "trade", "education", "defense", "investment", "science_tech"]


def build(path: Path, documents: int) -> None:
    """A register of `documents` varied copies of the seeds and samples, each with its text."""
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        p for p in (REPO / "samples").glob("*") if p.suffix in (".txt", ".html")
    )
    bases: list[tuple[Record, str]] = []
    for file in files:
        raw = read_source(str(file))
        try:
            bases.append((process_raw(raw), raw.text))
        except AccordsError as exc:
            print(f"  skipped {exc}")
    conn = connect(path, create=True)
    started = time.perf_counter()
    for i in range(documents):
        record, text = bases[i % len(bases)]
        store_record(conn, vary(record, i), text)
    conn.close()
    print(f"built {documents} documents in {time.perf_counter() - started:.0f} s: {path}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(path: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "accords.cli", "serve", "--db", str(path), "--port", str(port)],
        env={**os.environ, "ACCORDS_TOKEN": ""},
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/partners", timeout=30)
            return process
        except httpx.TransportError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)


def _measure(
    base: str, label: str, paths: Callable[[random.Random], str], requests: int, concurrency: int, seed: int
) -> None:
    rng = random.Random(seed)
    chosen = [paths(rng) for _ in range(requests)]
    latencies: list[float] = []
    failures = 0

    def work(batch: list[str]) -> None:
        nonlocal failures
        with httpx.Client(base_url=base, timeout=60) as http:
            for path in batch:
                started = time.perf_counter()
                answer = http.get(path)
                latencies.append((time.perf_counter() - started) * 1000)
                failures += answer.status_code != 200

    batches = [chosen[i::concurrency] for i in range(concurrency)]
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(work, batches))
    wall = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(
        f"{label:30} {requests / wall:7.1f} req/s  p50 {statistics.median(latencies):7.1f} ms"
        f"  p95 {p95:7.1f} ms  max {latencies[-1]:7.1f} ms" + (f"  ({failures} not 200)" if failures else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=200, help="Requests per page.")
    parser.add_argument("--concurrency", type=int, default=4, help="Client threads.")
    parser.add_argument(
        "--db", type=Path, default=None, help="Register to use or build (default: a temporary one)."
    )
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"
    if not path.exists():
        build(path, args.documents)
    conn = connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
    commitments = [r[0] for r in conn.execute("SELECT id FROM commitments LIMIT 5000")]
    partners = [
        r[0] for r in conn.execute("SELECT DISTINCT country FROM document_countries WHERE role = 'party'")
    ]
    print(f"register: {len(ids)} documents, {path.stat().st_size / 1e6:.0f} MB")
    print(size_report(conn, path))
    conn.close()
    port = _free_port()
    server = _serve(path, port)
    base = f"http://127.0.0.1:{port}"
    pages: list[tuple[str, Callable[[random.Random], str]]] = [
        ("home", lambda r: "/"),
        ("search", lambda r: f"/search?q={r.choice(SEARCHES)}"),
        ("search, filtered", lambda r: f"/search?q={r.choice(SEARCHES)}&partner={r.choice(PARTNERS[:8])}"),
        (  # a month to start from makes almost every search new: counted on its first run, never kept
            "search, first runs",
            lambda r: f"/search?q={r.choice(SEARCHES)}&since={r.randint(2000, 2024)}-{r.randint(1, 12):02d}",
        ),
        ("document", lambda r: f"/documents/{r.choice(ids)}"),
        ("partner", lambda r: f"/partners/{r.choice([p for p in PARTNERS[:12] if p in partners])}"),
        ("compare (heat map)", lambda r: "/compare"),
        (
            "compare, side by side",
            lambda r: (
                "/compare?"
                + "&".join(f"partner={p}" for p in r.sample(PARTNERS[:8], 3))
                + f"&domain={r.choice(DOMAINS)}"
            ),
        ),
        ("commitments", lambda r: f"/commitments?page={r.randint(1, 20)}"),
        (
            "commitments, filtered",
            lambda r: f"/commitments?partner={r.choice(PARTNERS[:8])}&domain={r.choice(DOMAINS)}",
        ),
        ("commitment", lambda r: f"/commitments/{r.choice(commitments)}"),
        ("api: search", lambda r: f"/api/search?q={r.choice(SEARCHES)}"),
        ("api: document", lambda r: f"/api/documents/{r.choice(ids)}"),
    ]
    try:
        for seed, (label, paths) in enumerate(pages):
            _measure(base, label, paths, args.requests, args.concurrency, seed)
    finally:
        server.terminate()
        server.wait(timeout=30)
        folder.cleanup()


if __name__ == "__main__":
    main()
