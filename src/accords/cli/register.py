"""The register's commands: ingest documents, ask questions of them, track commitments, export.

Every command works on one SQLite file: `--db`, else `$ACCORDS_DB`, else `./accords.db`. Answers
are tables for reading and, with `--format json` or `csv`, data for pandas, R or a spreadsheet.
A user's mistake (an unknown country, a bad search, a locked or foreign file) is one line and
exit status 1; a usage error is exit status 2.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass, replace
from functools import partial
from itertools import chain
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from accords.batch.stored import count_records, record_files, stored_records
from accords.cli.extract import report_skipped
from accords.cli.options import jobs_option, max_size_option, verbose_option
from accords.errors import AccordsError, StoreError
from accords.model import Record
from accords.parallel import AHEAD_PER_JOB, ordered_map, worker_context
from accords.read import walk
from accords.store import DEFAULT_PATH, connect, in_flight, query
from accords.store.database import check as integrity
from accords.store.database import has_document, store_error
from accords.store.in_flight import InFlight
from accords.store.ingest import Outcome, failed, read_and_extract, shown, store
from accords.store.query import Filters, Window
from accords.store.query.tables import write_csv

_FORMATS = click.Choice(["table", "json", "csv"])
_out = Console(soft_wrap=False)
_err = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


def register_option(help_text: str = "The register file.") -> Callable[[F], F]:
    """`--db FILE` (or ACCORDS_DB): the register every command and the web app read."""
    return click.option(
        "--db",
        "db",
        envvar="ACCORDS_DB",
        default=DEFAULT_PATH,
        show_default=True,
        show_envvar=True,
        type=click.Path(dir_okay=False),
        help=help_text,
    )


db_option = register_option()
format_option = click.option(
    "--format", "fmt", type=_FORMATS, default="table", show_default=True, help="A table to read, or data."
)
of_option = click.option(
    "--home",
    "--of",
    "of",
    envvar="ACCORDS_HOME",
    show_envvar=True,
    default=None,
    metavar="COUNTRY",
    help="The home side, whose partners to show (default: none, every pair of states).",
)


@contextmanager
def _register(db: str, *, create: bool = False) -> Iterator[sqlite3.Connection]:
    """An open register; any AccordsError inside becomes one line and exit status 1."""
    try:
        conn = connect(db, create=create)
    except AccordsError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        yield conn
    except AccordsError as exc:
        raise click.ClickException(str(exc)) from None
    except sqlite3.Error as exc:
        raise click.ClickException(str(store_error(db, exc))) from None
    finally:
        conn.close()


# --- output -------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def _emit(items: Sequence[Any], fmt: str, table: Callable[[], Table]) -> None:
    """Print dataclasses as a rich table, a JSON array, or CSV (see `tables.csv_cell`)."""
    if fmt == "json":
        click.echo(json.dumps([_plain(item) for item in items], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        write_csv((_plain(item) for item in items), sys.stdout)
    else:
        _out.print(table())


def _table(title: str | None, columns: Sequence[str], wide: Sequence[str], *, lines: bool = False) -> Table:
    """A table whose `wide` columns share the room left and whose other columns stay on one line."""
    out = Table(title=title, show_lines=lines)
    for name in columns:
        if name in wide:
            out.add_column(name, ratio=1, overflow="fold")
        else:
            out.add_column(name, no_wrap=True)
    return out


def _doc(document_id: str) -> str:
    """A document's short id, enough for `accords show`."""
    return document_id[:8]


def _amount(amount: float, unit: str) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= size:
            return f"{amount / size:g} {word} {unit}"
    return f"{amount:,.0f} {unit}" if amount == int(amount) else f"{amount:g} {unit}"


def _label(value: str | None) -> str:
    return (value or "").replace("_", " ")


def _parties(codes: list[str]) -> str:
    return "–".join(codes)


# --- ingest -------------------------------------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@max_size_option
@jobs_option("read")
@verbose_option
def ingest(paths: tuple[str, ...], db: str, max_size: int, jobs: int, verbose: bool) -> None:
    """Read documents (files, folders, - for stdin) into the register, one transaction each.

    Worker processes read and extract; this process alone writes, a document at a time.

    The records of `accords batch` (its OUTPUT folder, or Parquet files of records) are stored as
    they are, without extracting them again. The same text ingested again changes nothing, and a
    text several files hold is extracted once and stored under the first of them; the same event
    reported by several documents is linked. Failures are listed at the end; the exit
    status is 1 if any document did not go in. Ctrl-C stops after rolling back the document in
    progress.
    """
    datasets = {path: record_files(path) for path in paths}
    parquet = [file for records in datasets.values() for file in records or ()]
    found = walk(path for path, records in datasets.items() if records is None)
    files = found.files
    # The workers read the register too: a text already in it is not extracted again. They share
    # the ids of the texts being read, so that a text several files hold is extracted once.
    work = partial(read_and_extract, max_bytes=max_size, register=db)
    jobs = min(jobs, len(files))
    reading = InFlight(2 * jobs * AHEAD_PER_JOB, worker_context()) if jobs > 1 else None  # one reads all in this process
    documents: Iterator[tuple[str, Made]] = chain(
        (
            (path, _made(result))
            for path, result in ordered_map(work, files, jobs, partial(in_flight.use, reading))
        ),
        stored_records(parquet),
    )
    total = len(files) + count_records(parquet)
    stored = unchanged = 0
    stopped = False
    failures: list[str] = []
    started = time.perf_counter()
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=_err,
        transient=False,
    )
    with _register(db, create=True) as conn:
        try:
            with progress:
                task = progress.add_task("ingest", total=total, rate=0.0, failed=0)
                for path, load in documents:
                    try:
                        made = load()
                        if isinstance(made, Outcome) and made.status == "copy":
                            made = _copy(conn, made, partial(work, path))
                        outcome = made if isinstance(made, Outcome) else _store(conn, reading, *made)
                    except StoreError as exc:
                        # The register itself failed (full, read-only, damaged): the rest would too.
                        failures.append(failed(path, exc).error or "")
                        stopped = True
                        break
                    except AccordsError as exc:
                        failures.append(failed(path, exc).error or "")
                    else:
                        if outcome.status == "stored":
                            stored += 1
                        else:
                            unchanged += 1
                    done = stored + unchanged
                    progress.update(
                        task,
                        advance=1,
                        failed=len(failures),
                        rate=done / max(time.perf_counter() - started, 1e-9),
                    )
        except KeyboardInterrupt:
            _err.print(
                f"interrupted: {stored} documents stored whole; the one in progress was not stored",
                highlight=False,
                soft_wrap=True,
            )
            raise SystemExit(130) from None
    _err.print(
        f"{stored} stored, {unchanged} already in {shown(db)}, {len(failures)} failed"
        + (f"; stopped, {total - stored - unchanged - len(failures)} not tried" if stopped else ""),
        highlight=False,
        soft_wrap=True,
    )
    for failure in failures:
        _err.print(f"  {failure}", markup=False, highlight=False, soft_wrap=True)
    report_skipped(_err, found, verbose)
    if failures:
        raise SystemExit(1)


#: What a worker made of a file (a record and its text, or the outcome of a text already stored),
#: as a loader like a stored record's.
Made = Callable[[], tuple[Record, str | None] | Outcome]


def _made(result: tuple[Record, str | None] | Outcome | Exception) -> Made:
    """What a worker made of a file, as a loader like a stored record's: it raises what the
    worker raised, so that both fail alike."""

    def load() -> tuple[Record, str | None] | Outcome:
        if isinstance(result, Exception):
            raise result
        return result

    return load


def _copy(conn: sqlite3.Connection, copy: Outcome, read: Made) -> tuple[Record, str | None] | Outcome:
    """A file whose text another worker was reading, once every file before it is stored: the
    text is there already when one of them had it; else the file that has it comes later, or
    failed, and this one is read here, so that the first file of a text is always the one stored
    and a file fails for its own reason."""
    if has_document(conn, copy.document_id or ""):
        return replace(copy, status="already")
    return read()


def _store(conn: sqlite3.Connection, reading: InFlight | None, record: Record, text: str | None) -> Outcome:
    """Store a record, then free its text's id for the workers: a later copy finds it stored."""
    try:
        return store(conn, record, text)
    finally:
        if reading is not None:
            reading.give_back(record.id)


# --- questions ----------------------------------------------------------------------------------


@click.command()
@click.argument("words", metavar="QUERY")
@click.option("--country", help="Documents with this party (ISO code).")
@click.option("--domain", help="Provisions in this domain.")
@click.option("--modality", help="commit, support, explore, position or narrative.")
@click.option("--language", help="Provisions in this language (ISO code).")
@click.option("--status", help="Commitments with this current status.")
@click.option("--since", help="Documents dated on or after this year, month or date.")
@click.option("--until", help="Documents dated up to this year, month or date.")
@click.option("--limit", default=20, show_default=True)
@format_option
@db_option
def search(
    words: str,
    country: str | None,
    domain: str | None,
    modality: str | None,
    language: str | None,
    status: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    fmt: str,
    db: str,
) -> None:
    """Full-text search over provisions, accents ignored: accords search "nuclear power" --country RU.

    Words are searched as words ("U.S.", "ASEAN-Japan" as they are written); "phrases in quotes",
    OR, AND, NOT, NEAR(...) and prefix* work when written so.
    """
    filters = Filters(
        parties=(country,) if country else (),
        domain=domain,
        modality=modality,
        language=language,
        status=status,
        since=since,
        until=until,
        text=words,
    )
    with _register(db) as conn:
        hits = query.search.search(conn, filters, Window(limit), count=False).hits.items

    def table() -> Table:
        out = _table(
            f"{len(hits)} provisions matching {words!r}",
            ("id", "document", "modality", "words"),
            ("words",),
            lines=True,
        )
        for h in hits:
            out.add_row(
                str(h.provision_id),
                f"{_doc(h.document_id)}\n{_parties(h.parties)}\n{h.date or ''}",
                f"{h.modality or ''}\nno. {h.number}" if h.number else h.modality or "",
                h.excerpt,
            )
        return out

    _emit(hits, fmt, table)


@click.command()
@click.argument("document")
@click.option(
    "--format",
    "fmt",
    type=_FORMATS,
    default="table",
    show_default=True,
    help="A reading, the record as JSON, or the provisions as CSV.",
)
@db_option
def show(document: str, fmt: str, db: str) -> None:
    """A document's reading: event, relationship, provisions with their labels (by id or file name)."""
    with _register(db) as conn:
        view = query.documents.show(conn, document)
    record = view.record
    if fmt == "json":
        data = {
            "record": record.to_json_dict(),
            "event_id": view.event_id,
            "ingested_at": view.ingested_at,
            "linked": [asdict(doc) for doc in view.linked],
            "provisions": [{"id": p.id, "status": p.status} for p in view.provisions],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    rows: list[dict[str, Any]] = [
        {
            "id": p.id,
            "number": p.provision.number,
            "modality": p.provision.modality,
            "status": p.status,
            "actors": p.provision.actors,
            "domains": p.provision.domains,
            "targets": [
                _amount(t.amount, t.unit) + (f" by {t.year}" if t.year else "") for t in p.provision.targets
            ],
            "text": p.provision.text,
        }
        for p in view.provisions
    ]
    if fmt == "csv":
        write_csv(rows, sys.stdout)
        return
    event, rel, src = record.event, record.relationship, record.source
    guest = f"{event.guest.name} ({event.guest.country})" if event.guest else "?"
    host = f"{event.host.name} ({event.host.country})" if event.host else "?"
    _out.print(f"[bold]{src.title or src.file or record.id}[/bold]  {record.id}")
    _out.print(
        f"{_label(record.doc_type)} · {', '.join(record.languages)} · parties {_parties(record.parties)}"
        + (f" · {src.url}" if src.url else ""),
        highlight=False,
        soft_wrap=True,
    )
    _out.print(
        f"event: {_label(event.kind) or '?'}, {guest} hosted by {host}, {event.start or '?'}"
        + (f" to {event.end}" if event.end and event.end != event.start else "")
        + (f", {event.place}" if event.place else ""),
        highlight=False,
        soft_wrap=True,
    )
    _out.print(
        f"relationship: {_label(rel.level) or '?'}"
        + (" (upgraded by this event)" if rel.upgraded else "")
        + (f", since {rel.since}" if rel.since else "")
        + (
            f"; diplomatic relations since {rel.diplomatic_relations_since}"
            if rel.diplomatic_relations_since
            else ""
        ),
        highlight=False,
        soft_wrap=True,
    )
    if view.linked:
        _out.print(
            "same event reported by: "
            + ", ".join(f"{d.file or d.id} ({_label(d.doc_type)})" for d in view.linked),
            highlight=False,
            soft_wrap=True,
        )
    out = _table(None, ("id", "no.", "reading", "text"), ("reading", "text"), lines=True)
    for row in rows:
        reading = [
            row["modality"] or "",
            row["status"] or "",
            _parties(row["actors"]),
            ", ".join(row["domains"]),
            *row["targets"],
        ]
        out.add_row(
            str(row["id"]),
            row["number"] or "",
            "\n".join(part for part in reading if part),
            row["text"] if len(row["text"]) < 400 else row["text"][:400] + "…",
        )
    _out.print(out)


@click.command()
@of_option
@format_option
@db_option
def partners(of: str | None, fmt: str, db: str) -> None:
    """Every pair of states (or the home side's partners): level, since when, last upgrade, documents, commitments."""
    with _register(db) as conn:
        found = query.partners.partners(conn, of=of).items

    def table() -> Table:
        out = _table(
            f"Partners of {of.upper()}" if of else "Pairs of states",
            ("pair", "level", "since", "upgraded", "documents", "commitments"),
            ("level",),
        )
        for p in found:
            out.add_row(
                _parties([p.of, p.country]),
                _label(p.level),
                p.since or "",
                p.upgraded or "",
                str(p.documents),
                str(p.commitments),
            )
        return out

    _emit(found, fmt, table)


@click.command()
@click.argument("countries", nargs=-1, required=True)
@click.option("--domain", help="Only this domain.")
@click.option("--modality", help="Only this modality (default: all but narrative).")
@click.option("--limit", default=5, show_default=True, help="Provisions listed per cell, latest first.")
@of_option
@format_option
@db_option
def compare(
    countries: tuple[str, ...],
    domain: str | None,
    modality: str | None,
    limit: int,
    of: str | None,
    fmt: str,
    db: str,
) -> None:
    """Partners side by side: what was agreed with each, by domain and modality, with the words."""
    with _register(db) as conn:
        result = query.compare.compare(
            conn, list(countries), domain=domain, modality=modality, of=of, per_cell=limit
        )

    def table() -> Table:
        out = _table(
            f"Agreed by {result.of} with {', '.join(result.countries)}",
            ("domain", "modality", *result.countries),
            result.countries,
            lines=True,
        )
        for row in result.rows:
            cells = [_cell(row.cells[code]) for code in result.countries]
            out.add_row(_label(row.domain), row.modality, *cells)
        return out

    _emit(result.agreed(), fmt, table)


@click.command()
@click.argument("country")
@of_option
@format_option
@db_option
def timeline(country: str, of: str | None, fmt: str, db: str) -> None:
    """A relationship in date order: relations, levels, visits, upgrades, statements."""
    with _register(db) as conn:
        entries = query.timeline.timeline(conn, country, of=of).items

    def table() -> Table:
        out = _table(f"Timeline with {country.upper()}", ("date", "what", "", "documents"), ("",))
        for e in entries:
            out.add_row(e.date or "?", e.kind, e.summary, "\n".join(_doc(d) for d in e.documents))
        return out

    _emit(entries, fmt, table)


@click.command()
@click.option("--due-before", help="Targets due before this year or date (2031: due by the end of 2030).")
@click.option("--country", help="Documents with this party.")
@click.option("--domain", help="Provisions in this domain.")
@click.option("--since", help="Documents dated on or after this year, month or date.")
@click.option("--until", help="Documents dated up to this year, month or date.")
@format_option
@db_option
def targets(
    due_before: str | None,
    country: str | None,
    domain: str | None,
    since: str | None,
    until: str | None,
    fmt: str,
    db: str,
) -> None:
    """Quantified targets (trade, loans, students ...) by deadline."""
    filters = Filters(parties=(country,) if country else (), domain=domain, since=since, until=until)
    with _register(db) as conn:
        found = query.targets.targets(conn, filters, due_before=due_before).items
        progress = {t.id: query.progress.progress(conn, t) for t in found}

    def table() -> Table:
        out = _table(
            "Targets" + (f" due before {due_before}" if due_before else ""),
            ("due", "parties", "target", "metric", "reached", "on track", "status", "document"),
            ("metric", "reached"),
        )
        for t in found:
            out.add_row(
                str(t.year or "?"),
                _parties(t.parties),
                _amount(t.amount, t.unit),
                t.metric or "",
                _reached(progress[t.id], t.unit),
                {True: "yes", False: "no", None: ""}[progress[t.id].on_track],
                t.status or t.modality or "",
                _doc(t.document_id) + (f" no. {t.number}" if t.number else ""),
            )
        return out

    _emit([{**asdict(t), "progress": asdict(progress[t.id])} for t in found], fmt, table)


def _reached(progress: query.progress.Progress, unit: str) -> str:
    """The figures reached so far, latest last, and the share of the target the latest is."""
    if not progress.readings:
        return ""
    figures = ", ".join(f"{_amount(r.amount, unit)} ({r.year})" for r in progress.readings[-3:])
    return figures + (f": {progress.share:.0%}" if progress.share is not None else "")



@click.command()
@click.option("--country", help="Documents with this party.")
@click.option("--domain", help="Provisions in this domain.")
@click.option("--status", help="open, in_progress, fulfilled, lapsed or dropped.")
@click.option("--modality", help="commit, support or explore.")
@click.option("--since", help="Documents dated on or after this year, month or date.")
@click.option("--until", help="Documents dated up to this year, month or date.")
@click.option("--limit", type=int, default=None, help="At most this many.")
@format_option
@db_option
def commitments(
    country: str | None,
    domain: str | None,
    status: str | None,
    modality: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    fmt: str,
    db: str,
) -> None:
    """Commitments (commit, support, explore provisions) with their current status."""
    filters = Filters(
        parties=(country,) if country else (),
        domain=domain,
        status=status,
        modality=modality,
        since=since,
        until=until,
    )
    with _register(db) as conn:
        found = query.commitments.commitments(conn, filters, Window(limit)).items

    def table() -> Table:
        out = _table(
            f"{len(found)} commitments", ("id", "status", "reading", "text"), ("reading", "text"), lines=True
        )
        for c in found:
            reading = f"{c.modality}\n{_parties(c.parties)}\n{', '.join(c.domains)}\n{_doc(c.document_id)} no. {c.number or '-'}"
            out.add_row(str(c.id), c.status, reading, c.text if len(c.text) < 240 else c.text[:240] + "…")
        return out

    _emit(found, fmt, table)


@click.command()
@click.argument("commitment", type=int)
@click.argument("new_status", required=False, metavar="[STATUS]")
@click.option("--note", help="What happened.")
@click.option("--evidence", help="A URL that shows it.")
@click.option("--date", "on", help="When (ISO date; default today).")
@format_option
@db_option
def status(
    commitment: int,
    new_status: str | None,
    note: str | None,
    evidence: str | None,
    on: str | None,
    fmt: str,
    db: str,
) -> None:
    """Record what became of a commitment (open, in_progress, fulfilled, lapsed, dropped), or show its history."""
    with _register(db) as conn:
        if new_status is not None:
            query.commitments.set_status(
                conn, commitment, new_status, note=note, evidence_url=evidence, on=on
            )
        elif note or evidence or on:
            raise click.UsageError("--note, --evidence and --date go with a new STATUS")
        found = query.commitments.commitment(conn, commitment)

    def table() -> Table:
        title = (
            f"Commitment {found.id}: {found.status} ({found.modality}, {_parties(found.parties)},"
            f" {_doc(found.document_id)} no. {found.number or '-'})"
        )
        out = _table(title, ("date", "status", "note", "evidence"), ("note", "evidence"))
        for change in found.history:
            out.add_row(change.date, change.status, change.note or "", change.evidence_url or "")
        if not found.history:
            out.add_row("", "open", "no change recorded yet", "")
        return out

    _emit([found], fmt, table)


@click.command()
@click.argument("commitment", type=int)
@format_option
@db_option
def history(commitment: int, fmt: str, db: str) -> None:
    """A commitment's line from first mention to last: each later document that made it again, and how it changed."""
    with _register(db) as conn:
        found = query.renewals.line(conn, commitment)

    def table() -> Table:
        out = _table(f"Commitment {commitment}: {len(found)} mention(s)", ("id", "date", "document", "change", "text"), ("change", "text"), lines=True)
        for m in found:
            change = (m.change or "first") + (f" ({m.reasons})" if m.reasons else "")
            out.add_row(str(m.id), m.date or "", f"{_doc(m.document_id)} no. {m.number or '-'}", change, m.text)
        return out

    _emit(found, fmt, table)


@click.command("diff")
@click.argument("first")
@click.argument("second")
@format_option
@db_option
def diff_command(first: str, second: str, fmt: str, db: str) -> None:
    """Two language versions of one text, provision by provision: where they disagree on a place, a treaty
    or organisation, a number or the modality."""
    with _register(db) as conn:
        found = query.versions.diff(conn, first, second)

    def table() -> Table:
        a, b = found.first, found.second
        out = _table(
            f"{a.file or _doc(a.document_id)} ({a.language}) against {b.file or _doc(b.document_id)} ({b.language}):"
            f" {found.disagreements} disagreement(s)",
            ("no.", "kind", a.language or "first", b.language or "second", "text"),
            ("text",),
            lines=True,
        )
        for row in found.rows:
            for d in row.disagreements:
                out.add_row(row.number or "", d.kind, d.first, d.second, f"{row.first}\n{row.second}")
        return out

    _emit([found], fmt, table)


def _cell(agreed: list[query.compare.Agreed]) -> str:
    if not agreed:
        return "—"
    more = agreed[0].cell_size - len(agreed)
    return "\n".join(f"• [{a.provision_id}] {a.words}" for a in agreed) + (
        f"\n(+{more} more)" if more else ""
    )


@click.command("check")
@db_option
def check_command(db: str) -> None:
    """Check the register for damage (SQLite's integrity check) and say what to do."""
    with _register(db) as conn:
        problems = integrity(conn)
    if not problems:
        click.echo(f"{db}: ok")
        return
    for problem in problems:
        _err.print(f"  {problem}", markup=False, highlight=False, soft_wrap=True)
    raise click.ClickException(
        f"{db}: damaged ({len(problems)} problems above). Export what still reads (`accords export`),"
        f" or restore a copy, then ingest the documents again into a new register"
    )
