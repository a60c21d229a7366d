"""Benchmark the register: ingest documents per second, and query latency over 20,000 documents.

    python benchmarks/bench_store.py [--documents 20000] [--partners 40] [--runs 200] [--db /tmp/bench.db [--reuse]]

The seed and sample documents are read through the pipeline (and the gold records added), then
varied and repeated up to `--documents`: each copy gets a new id and file name, another partner
state in place of the original one (one of the first `--partners` of 40; 1 puts every copy in one
pair), and its years moved back by 0 to 9. It prints

- extraction alone, store alone and ingest (extraction + store, one transaction per document) in
  documents per second, on one core;
- the register's size: per document, as a multiple of the provisions' text, and its largest tables;
- p50, p95 and worst latency in milliseconds of search, compare and show (and of partners,
  timeline and targets) over the full register, with random filters; compare is timed for one
  domain, as in `accords compare KR RU KZ --domain energy --home VN`, and apart for all domains
  at once; partners for one home side and for every pair.

With `--reuse`, a register already built at `--db` is queried as it is (its size reported first).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from accords.errors import AccordsError
from accords.model import Record
from accords.pipeline import process_raw
from accords.read import RawDocument, read_source
from accords.store import connect, query, store_record
from accords.store.query import Filters, Window

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PARTNERS = [
    "KR",
    "RU",
    "KZ",
    "KP",
    "JP",
    "CN",
    "IN",
    "ID",
    "TH",
    "LA",
    "KH",
    "SG",
    "MY",
    "PH",
    "AU",
    "US",
    "FR",
    "DE",
    "GB",
    "IT",
    "NO",
    "SE",
    "BR",
    "ZA",
    "EG",
    "TR",
    "AE",
    "SA",
    "NZ",
    "CA",
    "MX",
    "AR",
    "CL",
    "PL",
    "HU",
    "CZ",
    "UZ",
    "MN",
    "BD",
    "PK",
]
SEARCHES = [
    "nuclear power",
    "kjernekraft",
    "lien bang nga",
    "handel",
    "energi",
    '"150 milliarder"',
    "investering*",
    "Zusammenarbeit",
    "hợp tác",
    "forsvar OR sikkerhet",
    "utdanning studenter",
]
DOMAINS = [None, "energy", "trade", "education", "defense", "investment"]
_YEAR = re.compile(r'"(20\d\d)(?=[-"])')


def _raw_documents() -> list[RawDocument]:
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        p for p in (REPO / "samples").glob("*") if p.suffix in (".txt", ".html")
    )
    return [read_source(str(p)) for p in files]


def _base_records(raws: list[RawDocument]) -> list[Record]:
    """The documents' records (the first also loads packs and registries) and the gold records."""
    records = []
    for raw in raws:
        try:
            records.append(process_raw(raw))
        except AccordsError as exc:
            print(f"  skipped {exc}")
    for path in sorted((SHARED / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["id"] = "gold" + path.stem
        records.append(Record.model_validate(data))
    return records


def vary(base: Record, i: int, partners: int = len(PARTNERS)) -> Record:
    """Copy `i` of a record: new id and file, another partner (of the first `partners`), years moved
    back by i % 10."""
    text = base.model_dump_json(by_alias=True)
    old = next((code for code in base.parties if code != "VN"), None)
    if old:
        text = text.replace(f'"{old}"', f'"{PARTNERS[i % partners]}"')
    shift = i % 10
    text = _YEAR.sub(lambda m: f'"{int(m.group(1)) - shift}', text)
    record = Record.model_validate_json(text)
    record.id = hashlib.sha256(f"{i}:{base.id}".encode()).hexdigest()[:16]
    record.source.file = f"{i:05d}_{base.source.file}"
    return record


def size_report(conn: sqlite3.Connection, path: Path) -> str:
    """The register's size per document, and as a multiple of the provisions' text it holds."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] or 1
    text = conn.execute("SELECT COALESCE(SUM(length(CAST(text AS BLOB))), 0) FROM provisions").fetchone()[0]
    size = path.stat().st_size
    tables = conn.execute(
        "SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 6"
    ).fetchall()
    largest = ", ".join(f"{r[0]} {r[1] / 1e6:.0f} MB" for r in tables)
    return (
        f"size: {size / 1e6:.0f} MB, {size / documents / 1e3:.1f} KB per document,"
        f" {size / max(text, 1):.1f}x the provisions' text ({text / 1e6:.0f} MB); largest: {largest}"
    )


def _rate(label: str, count: int, seconds: float) -> None:
    print(f"{label:28} {count:7d} docs {seconds:8.2f} s {count / seconds:9.1f} docs/s")


def _latency(label: str, runs: int, work: Callable[[random.Random], object], rng: random.Random) -> None:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work(rng)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    print(
        f"{label:21} {runs:5d} runs  p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms"
        f"  max {times[-1]:7.1f} ms"
    )


def build(path: Path, documents: int, partners: int = len(PARTNERS)) -> list[str]:
    """Ingest the documents (timed), then store `documents` varied records; their ids."""
    raws = _raw_documents()
    bases = _base_records(raws)
    conn = connect(path, create=True)
    extracting = storing = 0.0
    for i, raw in enumerate(raws * 4):  # made distinct by an opening paragraph, so each is stored
        opening = f"De to sidene ble enige om å holde møte nummer {i} om samarbeid innen kultur i Hanoi."
        varied = RawDocument(raw.name, f"{opening}\n\n{raw.text}", raw.kind)
        started = time.perf_counter()
        try:
            record = process_raw(varied)
        except AccordsError:
            continue
        extracted = time.perf_counter()
        store_record(conn, record, varied.text)
        extracting, storing = extracting + extracted - started, storing + time.perf_counter() - extracted
    count = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    _rate("extraction alone", count, extracting)
    _rate("store alone (those)", count, storing)
    _rate("ingest (extract + store)", count, extracting + storing)

    records = [vary(bases[i % len(bases)], i, partners) for i in range(documents)]
    started = time.perf_counter()
    for record in records:
        store_record(conn, record)
    _rate(f"store alone ({len(bases)} varied)", len(records), time.perf_counter() - started)
    stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    provisions = conn.execute("SELECT COUNT(*) FROM provisions").fetchone()[0]
    print(
        f"register: {stored} documents, {provisions} provisions, {path.stat().st_size / 1e6:.0f} MB"
        f" (+ WAL {Path(f'{path}-wal').stat().st_size / 1e6 if Path(f'{path}-wal').exists() else 0:.0f} MB)"
    )
    print(size_report(conn, path))
    conn.close()
    return [record.id for record in records]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument(
        "--partners", type=int, choices=range(1, len(PARTNERS) + 1), default=len(PARTNERS), metavar="1..40",
        help="Partner states the copies are spread over (1: every copy in one pair).",
    )
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument(
        "--db", type=Path, default=None, help="Register file to build (default: a temporary one)."
    )
    parser.add_argument(
        "--reuse", action="store_true", help="Time the queries on the register at --db as it is, without building it."
    )
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"
    if args.reuse and path.exists():
        conn = connect(path)
        ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
        print(f"register: {len(ids)} documents, as it is")
        print(size_report(conn, path))
    else:
        path.unlink(missing_ok=True)
        ids = build(path, args.documents, args.partners)
        conn = connect(path)
    rng = random.Random(7)
    _latency(
        "search",
        args.runs,
        lambda r: query.search.search(
            conn,
            Filters(
                text=r.choice(SEARCHES),
                parties=tuple(p for p in [r.choice([None, *PARTNERS[:8]])] if p),
                domain=r.choice(DOMAINS),
                modality=r.choice([None, "commit", "support"]),
                since=r.choice([None, "2020", "2024"]),
            ),
            Window(20),
            count=False,
        ),
        rng,
    )
    _latency(
        "compare",
        args.runs,
        lambda r: query.compare.compare(conn, r.sample(PARTNERS, 3), domain=r.choice(DOMAINS[1:]), of="VN"),
        rng,
    )
    _latency(
        "compare, all domains", 20, lambda r: query.compare.compare(conn, r.sample(PARTNERS, 3), of="VN"), rng
    )
    _latency("show", args.runs, lambda r: query.documents.show(conn, r.choice(ids)), rng)
    _latency("partners of VN", 20, lambda r: query.partners.partners(conn, of="VN"), rng)
    _latency("partners, all pairs", 20, lambda r: query.partners.partners(conn), rng)
    _latency("timeline", args.runs, lambda r: query.timeline.timeline(conn, r.choice(PARTNERS), of="VN"), rng)
    _latency(
        "targets", 20, lambda r: query.targets.targets(conn, Filters(parties=(r.choice(PARTNERS),)), due_before="2031"), rng
    )
    conn.close()
    folder.cleanup()


if __name__ == "__main__":
    main()
