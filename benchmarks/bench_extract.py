"""Benchmark reading: documents per second and peak memory, segmenting alone and extracting.

    python benchmarks/bench_extract.py [--repeat 200] [--seeds ../shared/seeds]

Runs the seed documents (and the bundled samples) `--repeat` times through `clean + segment`
and through the whole pipeline, on one core, and prints docs/s and the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from pathlib import Path

from accords.clean import clean
from accords.pipeline import process_raw
from accords.read import RawDocument, read_source
from accords.segment import segment

REPO = Path(__file__).resolve().parents[1]


def _segment_only(raw: RawDocument) -> object:
    return segment(raw.text, clean(raw.text))


def _run(label: str, docs: list[RawDocument], repeat: int, work: Callable[[RawDocument], object]) -> None:
    for raw in docs:  # load packs, registries and models before timing
        work(raw)
    started = time.perf_counter()
    for _ in range(repeat):
        for raw in docs:
            work(raw)
    elapsed = time.perf_counter() - started
    count = repeat * len(docs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:10} {count:7d} docs  {elapsed:7.2f} s  {count / elapsed:8.1f} docs/s/core  peak RSS {peak_mb:6.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    args = parser.parse_args()
    docs = [read_source(str(p)) for p in sorted(args.seeds.glob("*.txt"))]
    kb = sum(len(d.text) for d in docs) / len(docs) / 1000
    print(f"{len(docs)} documents, {kb:.1f} k characters each on average, x{args.repeat}")
    _run("segment", docs, args.repeat, _segment_only)
    _run("extract", docs, args.repeat, process_raw)


if __name__ == "__main__":
    main()
