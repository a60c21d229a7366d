"""Benchmark reading as a user runs it: whole `accords` processes over a folder of documents.

    python benchmarks/bench_extract.py [--copies 15] [--accords .venv/bin/accords] [--skip-ingest]

Copies every document it can find (the seeds in ../shared/seeds, `samples/`, `tests/data`, and the
development texts rebuilt under /tmp/accords-dev, read where they are and never kept here)
`--copies` times into a temporary folder, each copy with a changed first line so that it is a
new document to the register (unless that line is page debris: see ingest below), then times, each as one fresh process with its defaults:

- `accords extract FOLDER --format jsonl` with the default jobs (every core) and with `--jobs 1`;
- `accords ingest FOLDER` into a new register (the rate includes opening and migrating it), with
  what it says it stored: where a copy's changed first line is page debris, the copies are one
  text, which ingest extracts and stores once and extract reads for every file;
- `accords --help` and `accords extract` on one file (start-up), the first with an empty cache of
  compiled patterns (a fresh installation) and then with it filled, as every later run finds it;
  the first run over the folder, which fills the cache with every language's patterns, is
  reported apart from the runs after it.

It prints documents per second of wall time, documents per second of processor time (all the
run's processes together: what the rate would be per core on a machine nobody else uses) and
the peak resident memory of the largest single process of each run (the command or any of its
workers), which is what the issue's 400 MB bound is about.

A shared virtual machine's speed changes by a fifth from one minute to the next, so the runs over
the folder are made `--rounds` times (5 by default), one of each kind per round, and each is
reported by its median round and its best. Every round also times a fixed pure-Python workload
(`pace`): its time against the fastest round's says how slow the machine was in that round.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SOURCES = [
    REPO.parent / "shared" / "seeds",
    REPO / "samples",
    REPO / "tests" / "data",
    Path("/tmp/accords-dev/docs"),
    Path("/tmp/accords-dev/own/docs"),
]
SUFFIXES = {".txt", ".md", ".html"}

#: Runs one command and prints, as JSON, its wall time, the processor time of all its processes,
#: its exit status, the peak resident memory of its largest process and the last line it wrote
#: to stderr (ingest's count of what it stored): a fresh interpreter, so earlier runs' children
#: do not count.
_MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
said = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
print(json.dumps({"seconds": elapsed, "cpu": cpu, "code": done.returncode, "peak_mb": usage.ru_maxrss / 1024,
                  "said": said}))
"""


def documents(sources: list[Path]) -> Iterator[Path]:
    """The documents of each source folder that exists (gold records are not documents)."""
    for folder in sources:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix.lower() in SUFFIXES and "gold" not in path.parts:
                    yield path


def changed_copy(text: str, number: int) -> str:
    """The text with its first line changed, so that the copy is a new document."""
    first, newline, rest = text.partition("\n")
    if first.lstrip().lower().startswith("<!doctype") or first.lstrip().startswith("<html"):
        return f"{first}<!-- copy {number} -->{newline}{rest}"
    return f"{first} ({number}){newline}{rest}"


def build_corpus(folder: Path, copies: int, sources: list[Path]) -> int:
    count = 0
    for index, path in enumerate(documents(sources)):
        text = path.read_text(encoding="utf-8", errors="replace")
        for number in range(copies):
            target = folder / f"{index:03d}_{number:03d}_{path.name}"
            target.write_text(changed_copy(text, number), encoding="utf-8")
            count += 1
    return count


#: A fixed pure-Python workload, timed in a fresh interpreter each round: how fast the machine is now.
_PACE = """
import time
started = time.process_time()
table = {}
for i in range(1_500_000):
    table[i % 1000] = table.get(i % 1000, 0) + len(str(i))
print(time.process_time() - started)
"""


def pace() -> float:
    result = subprocess.run([sys.executable, "-c", _PACE], capture_output=True, text=True, check=True)
    return float(result.stdout)


def measure(command: list[str]) -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout))


def report(label: str, docs: int, run: dict[str, Any]) -> None:
    print(
        f"{label:28} {docs:6d} docs {run['seconds']:8.2f} s {docs / run['seconds']:8.1f} docs/s"
        f" {docs / max(run['cpu'], 1e-9):8.1f} docs/CPU-s  peak {run['peak_mb']:5.0f} MB/process"
        f"  exit {int(run['code'])}",
        flush=True,
    )


def summary(label: str, docs: int, runs: list[dict[str, Any]]) -> None:
    """A kind of run over its rounds: the median round and the best, by wall time."""
    ordered = sorted(runs, key=lambda run: run["seconds"])
    report(f"{label}, median", docs, ordered[len(ordered) // 2])
    if len(ordered) > 1:
        report(f"{label}, best", docs, ordered[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=15, help="Copies of each document.")
    parser.add_argument("--accords", default=shutil.which("accords") or str(Path(sys.executable).parent / "accords"),
                        help="The command to time, split like a shell line (another checkout's, say).")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--rounds", type=int, default=5, help="Runs of each kind over the folder.")
    args = parser.parse_args()
    accords = shlex.split(args.accords)
    with tempfile.TemporaryDirectory(prefix="accords-bench-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        count = build_corpus(folder, args.copies, SOURCES)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"{count} documents ({size / count / 1000:.1f} KB each on average) on {os.cpu_count()} cores")
        one = next(documents(SOURCES[:1]), None) or next(documents(SOURCES))
        out = str(Path(tmp) / "out.jsonl")
        whole = [*accords, "extract", str(folder), "--format", "jsonl", "--out", out]
        # The runs share a cache of compiled patterns (accords.disk_cache) that starts empty, as on
        # a fresh installation: the first runs fill it, and a user's every later run finds it full.
        os.environ["ACCORDS_CACHE"] = str(Path(tmp) / "cache")
        report("start-up: accords --help", 1, measure([*accords, "--help"]))
        report("start-up: one file, no cache", 1, measure([*accords, "extract", str(one)]))
        report("start-up: extract one file", 1, measure([*accords, "extract", str(one)]))
        report("extract, cache filling", count, measure(whole))
        kinds: dict[str, list[str]] = {"extract (default jobs)": whole, "extract --jobs 1": [*whole, "--jobs", "1"]}
        runs: dict[str, list[dict[str, Any]]] = {label: [] for label in kinds}
        if not args.skip_ingest:
            runs["ingest (default jobs)"] = []
        paces = []
        for number in range(args.rounds):
            paces.append(pace())
            for label, command in kinds.items():
                runs[label].append(measure(command))
                report(f"round {number + 1}: {label}", count, runs[label][-1])
            if not args.skip_ingest:
                db = Path(tmp) / f"bench-{number}.db"  # a new register each round
                runs["ingest (default jobs)"].append(measure([*accords, "ingest", str(folder), "--db", str(db)]))
                report(f"round {number + 1}: ingest (default jobs)", count, runs["ingest (default jobs)"][-1])
                if number == 0:
                    # Files whose text another file holds (their changed first line was page
                    # debris) are `already` there: ingest extracts each such text once.
                    print(f"  ingest said: {runs['ingest (default jobs)'][-1]['said']}")
                db.unlink()
        fastest = min(paces)
        print("machine pace by round (1.00 = the fastest round; 1.20 is a fifth slower): "
              + ", ".join(f"{p / fastest:.2f}" for p in paces))
        for label, made in runs.items():
            summary(label, count, made)
        if not args.skip_ingest:
            shares = [i["seconds"] and e["seconds"] / i["seconds"] for e, i in zip(runs["extract (default jobs)"],
                                                                                 runs["ingest (default jobs)"])]
            medians = [sorted(run["seconds"] for run in runs[label])[len(shares) // 2]
                       for label in ("extract (default jobs)", "ingest (default jobs)")]
            print("ingest's rate as a share of extract's, by round: " + ", ".join(f"{s:.0%}" for s in shares)
                  + f"; of the medians: {medians[0] / medians[1]:.0%}")


if __name__ == "__main__":
    main()
