"""Benchmark how extraction time and memory grow with the size of one document.

    python benchmarks/bench_scaling.py [--sizes 10000,100000,1000000,5000000] [--memory 20000000]
                                       [--shapes paragraph,ordinary,numbered]
                                       [--memory-shapes paragraph,ordinary] [--timeout 600]

Three shapes of input, each written to a file of the given sizes (in bytes):
- `paragraph`: the bundled English samples run together as one paragraph, without a newline;
- `ordinary`: the bundled samples (every language) one after another, as they are written;
- `numbered`: the line "1. a" again and again, a provision a line.
Each file is read in a process of its own, which loads the pipeline first: the seconds are
those of reading the document and writing its JSON record as `accords extract` does (a provision
at a time), the peak memory that of the whole process (Python, the packs and the registries
included, about 80 MB before any document). For
each shape it prints seconds per MB at each size, constant when extraction grows linearly, and
the growth from the smallest to the largest size. `--memory` adds one run at that size (the
default size limit) of the `--memory-shapes`, to check its peak memory.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def _fill(unit: str, size: int) -> str:
    """`unit` repeated and cut to `size` UTF-8 bytes (at a character boundary)."""
    data = (unit * (size // max(len(unit.encode()), 1) + 1)).encode()[:size]
    return data.decode("utf-8", errors="ignore")


def paragraph(size: int) -> str:
    english = " ".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("en_*.txt")))
    return _fill(re.sub(r"\s+", " ", english).strip() + " ", size)


def ordinary(size: int) -> str:
    return _fill("\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))) + "\n\n", size)


def numbered(size: int) -> str:
    return _fill("1. a\n", size)


SHAPES: dict[str, Callable[[int], str]] = {"paragraph": paragraph, "ordinary": ordinary, "numbered": numbered}


def run(path: Path, timeout: float) -> tuple[float, float, str]:
    """Seconds of reading `path`, the peak resident MB of its process, and how it ended.

    The process loads the pipeline and reads a sentence first, so the seconds are those of the
    document alone; the peak memory is that of the whole process, models included.
    """
    proc = subprocess.Popen([sys.executable, __file__, "--one", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.perf_counter() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return float("inf"), usage.ru_maxrss / 1024, "timed out"
        time.sleep(0.05)
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0 or not out.strip():
        return float("nan"), usage.ru_maxrss / 1024, (err.strip().splitlines() or ["failed"])[-1][:120]
    seconds, provisions = out.split()
    return float(seconds), usage.ru_maxrss / 1024, f"{provisions} provisions"


def one(path: str) -> None:
    """In the measured process: warm up, then read `path` and write its JSON record, timed."""
    from accords.cli.extract import write_record
    from accords.pipeline import process, process_text

    process_text("The two sides agreed to raise bilateral trade to USD 1 billion by 2030.\n", "warm.txt")
    started = time.perf_counter()
    record = process(path)
    with open(os.devnull, "w", encoding="utf-8") as out:
        write_record(out, record, None)
    print(f"{time.perf_counter() - started:.3f} {len(record.provisions)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000,5000000")
    parser.add_argument("--memory", type=int, default=20_000_000, help="one more run at this size (0: none)")
    parser.add_argument("--memory-shapes", default="paragraph,ordinary",
                        help="the shapes run at --memory (numbered lines at 20 MB: four million provisions)")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'shape':10} {'bytes':>10} {'seconds':>8} {'s/MB':>7} {'peak MB':>8}  outcome", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes.split(","):
            timed: list[tuple[int, float]] = []
            extra = [args.memory] if args.memory and shape in args.memory_shapes.split(",") else []
            for size in [*sizes, *extra]:
                path = Path(tmp) / f"{shape}-{size}.txt"
                path.write_text(SHAPES[shape](size), encoding="utf-8")
                seconds, peak, outcome = run(path, args.timeout)
                print(f"{shape:10} {size:10d} {seconds:8.2f} {seconds / (size / 1e6):7.2f} {peak:8.0f}  {outcome}",
                      flush=True)
                if size in sizes:
                    timed.append((size, seconds))
                if size in extra:
                    print(f"{shape:10} peak memory reading {size / 1e6:.0f} MB: {peak:.0f} MB", flush=True)
                path.unlink()
            (small, t_small), (large, t_large) = timed[0], timed[-1]
            print(f"{shape:10} {large / small:.0f}x the size took {t_large / t_small:.0f}x the time", flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        one(sys.argv[2])
    else:
        main()
