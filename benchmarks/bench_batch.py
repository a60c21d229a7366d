"""Benchmark `accords batch`: documents per second on a local Ray with 1 and 2 workers, and the
number of 8-core nodes that would read a day of news (700,000 articles) in under an hour.

    python benchmarks/bench_batch.py [--copies 12] [--seeds ../shared/seeds] [--cpus 2]

The collection is the bundled samples (news-length reports, 1,500-3,300 characters) and the
seed documents (joint statements, 5,000-34,000 characters), copied `--copies` times. It is first
extracted in this process, on one core and without Ray: the pipeline's own cost per document. Then
`run_batch` runs with 1 and 2 workers, each over the originals and over all the copies; the
difference of the two runs is the rate, without what every run pays once (starting Ray, each
worker loading the language packs), which is reported apart. The estimate takes the CPU time of a
document in this process, times Ray's share (the 1-worker run against this process, at least 1), so
that other work on the machine does not count; and, as an upper bound, the dearest wall-clock cost
of the Ray runs in core-seconds (workers / rate).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import tempfile
import time
from pathlib import Path

from accords.batch.cluster import Cluster, run_batch
from accords.pipeline import expand, process_raw
from accords.read import read_source

REPO = Path(__file__).resolve().parents[1]
DAY = 700_000
NODE_CORES = 8
HOUR_S = 3600.0
# Part of the hour kept for starting the cluster, loading every worker and the last stragglers.
HEADROOM = 0.8


def _collection(where: Path, seeds: Path, copies: int) -> list[str]:
    originals = sorted(p for p in [*(REPO / "samples").iterdir(), *seeds.glob("*.txt")] if p.is_file())
    for copy in range(copies):
        for path in originals:
            shutil.copy(path, where / f"{copy}_{path.name}")
    return list(expand([str(where)]))


def _one_core(paths: list[str]) -> dict[str, float]:
    """Seconds per document in this process after a warm-up, wall-clock and CPU: all, news-length."""
    docs = [read_source(p) for p in paths]
    for raw in {raw.text: raw for raw in docs}.values():  # every language's pack loaded before timing
        process_raw(raw)
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for raw in docs:
        started, used = time.perf_counter(), time.process_time()
        process_raw(raw)
        wall[raw.name], cpu[raw.name] = time.perf_counter() - started, time.process_time() - used
    news = [name for name in wall if (REPO / "samples" / name.split("_", 1)[1]).exists()]
    return {
        "wall": sum(wall.values()) / len(wall),
        "cpu": sum(cpu.values()) / len(cpu),
        "cpu_news": sum(cpu[name] for name in news) / len(news),
    }


def _ray(folder: Path, workers: int, cpus: int) -> tuple[float, int]:
    """Seconds `run_batch` takes over the folder, start-up included, and the documents done."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        progress = run_batch(
            str(folder), str(Path(out) / "out"), Cluster(cpus=cpus, workers=workers, object_store_mb=512)
        )
    return time.perf_counter() - started, progress.done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--cpus", type=int, default=2, help="Cores of the local Ray.")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start")
    with tempfile.TemporaryDirectory() as small, tempfile.TemporaryDirectory() as large:
        _collection(Path(small), args.seeds, 1)
        paths = _collection(Path(large), args.seeds, args.copies)
        chars = sum(len(read_source(p).text) for p in paths) / len(paths)
        print(f"{len(paths)} documents, {chars / 1000:.1f} k characters each on average")
        one_core = _one_core(paths)
        print(f"one core, no Ray: {1 / one_core['wall']:6.1f} docs/s, {one_core['wall'] * 1000:.0f} ms a document "
              f"({one_core['cpu'] * 1000:.0f} ms of CPU; {one_core['cpu_news'] * 1000:.0f} ms for the news-length samples)")
        wall_costs = []
        for workers in (1, 2):
            small_s, small_n = _ray(Path(small), workers, args.cpus)
            large_s, large_n = _ray(Path(large), workers, args.cpus)
            # The difference of two runs cancels what every run pays once: Ray's start-up and stop,
            # and each worker loading the packs.
            rate = (large_n - small_n) / (large_s - small_s)
            wall_costs.append(workers / rate)
            print(f"Ray, {workers} worker(s): {rate:6.1f} docs/s ({large_n} documents in {large_s:.1f} s, "
                  f"{small_n} in {small_s:.1f} s; start-up {small_s - small_n / rate:.1f} s), "
                  f"{workers / rate * 1000:.0f} core-ms a document")
    # Ray's share: one worker against this process alone, both one process under the same load.
    overhead = max(1.0, wall_costs[0] / one_core["wall"])
    _estimate("CPU time a document, with Ray's share", one_core["cpu"] * overhead)
    _estimate("the same, were every article as short as the samples", one_core["cpu_news"] * overhead)
    # On a machine shared with other work, wall-clock costs count the waiting for a core too.
    _estimate("the dearest wall-clock cost of the Ray runs", max(wall_costs))


def _estimate(basis: str, cost: float) -> None:
    nodes = math.ceil(DAY * cost / (NODE_CORES * HOUR_S * HEADROOM))
    print(f"{DAY:,} documents at {cost * 1000:.0f} core-ms ({basis}) = {DAY * cost / 3600:.1f} core-hours: "
          f"{nodes} node{'s' if nodes > 1 else ''} of {NODE_CORES} cores, {DAY * cost / (nodes * NODE_CORES) / 60:.0f} min "
          f"(sized to {HEADROOM:.0%} of an hour)")


if __name__ == "__main__":
    main()
