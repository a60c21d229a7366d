"""Renewals of commitments, found at ingest and kept in `renewals`.

When a document between a pair of states is stored, each of its commitments is linked to the
newest earlier document of the same pair (by date, then as stored; not a report of the same event,
which states it once between them) that makes it, and to the commitment there that it is most like
(see `accords.links.renewals`). A commitment with no match, in a pair that met before, is `new`.
A document stored late (an older statement found afterwards) becomes the earlier mention of the
later commitments it makes whose present one is not newer than it.

The work does not grow with the pair. The pair's distinct commitments are kept once each
(`commitment_kinds`, by `digest`), under the keys two matching commitments share (`match_keys`);
a kind new to the pair is compared only with the kinds it shares a key with, once, and the kinds
it makes again are kept (`kind_matches`). A commitment's kinds are then followed to their newest
earlier document, or to the later commitments it takes over, through `pair_commitments`, which
files each commitment under its kind and date with the date of its present earlier mention.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable

from accords.links.renewals import Signature, change, digest, likeness, match_keys, same
from accords.model import Record
from accords.store.commitments import IN_COMMITMENTS, commitments_of, signatures_of
from accords.store.labels import COMMITMENT_MODALITIES

REMEMBERED = 20_000
"""How many kinds' signatures one process keeps in memory, by digest (then it starts afresh)."""

_signatures: dict[bytes, Signature] = {}

_NOT_SAME_EVENT = "(:event IS NULL OR event_id IS NULL OR event_id <> :event)"


def link_renewals(
    conn: sqlite3.Connection, record: Record, rowid: int, event_id: int | None, own: list[tuple[int, Signature]]
) -> None:
    """File a just-stored record's commitments (`own`: provision id, signature) under its pair,
    link them to their earlier mentions, and make them the earlier mention of the pair's later
    commitments where they are the newest."""
    date = record.event.start or record.source.published
    if len(set(record.parties)) < 2 or date is None:
        return
    where: dict[str, object] = {
        "pair": ",".join(sorted(set(record.parties))),
        "date": date,
        "event": event_id,
        "rowid": rowid,
    }
    kinds = [_kind(conn, str(where["pair"]), pid, s) for pid, s in own]
    matching = {pid: found for (pid, _), (_, found) in zip(own, kinds, strict=True)}
    mentions: dict[int, str] = {}
    # A record naming a party twice was never matched with its pair (its key is not the pair's).
    if len(set(record.parties)) == len(record.parties):
        if own and _has_earlier(conn, where):
            mentions = _link_earlier(conn, where, own, matching)
        _relink_later(conn, where, own, matching)
    _file(conn, where, [(pid, kind_id) for (pid, _), (kind_id, _) in zip(own, kinds, strict=True)], mentions)


def file_stored(conn: sqlite3.Connection) -> None:
    """File the commitments of every stored document as linking finds them, with the links they
    have: what a register that predates the filing needs before its next document is linked."""
    rows = conn.execute(
        """SELECT d.id, d.rowid, d.date, d.event_id, (SELECT group_concat(country, ',') FROM (SELECT country
           FROM document_countries WHERE document_id = d.id AND role = 'party' ORDER BY country)) AS pair
           FROM documents d WHERE d.date IS NOT NULL ORDER BY d.rowid"""
    ).fetchall()
    for document_id, rowid, date, event_id, pair in rows:
        if pair is None or "," not in pair:
            continue
        own = [(pid, _kind(conn, pair, pid, s)[0]) for pid, s in commitments_of(conn, [document_id])[document_id]]
        mentions = {
            r[0]: r[1]
            for r in conn.execute(
                f"""SELECT r.provision_id, COALESCE(ed.date, '') FROM provisions p
                    JOIN renewals r ON r.provision_id = p.id LEFT JOIN provisions e ON e.id = r.earlier_id
                    LEFT JOIN documents ed ON ed.id = e.document_id WHERE p.document_id = ? AND {IN_COMMITMENTS}""",
                (document_id, *COMMITMENT_MODALITIES),
            )
        }
        _file(conn, {"pair": pair, "date": date, "event": event_id, "rowid": rowid}, own, mentions)


def _kind(conn: sqlite3.Connection, pair: str, pid: int, commitment: Signature) -> tuple[int, dict[int, Signature]]:
    """The id of the pair's kind of this commitment, and the kinds it makes again (by id, with
    their signatures). A kind the pair lacked is added, compared once with the kinds it shares a
    key with, and its matches kept both ways in `kind_matches`."""
    key = digest(commitment)
    row = conn.execute("SELECT id FROM commitment_kinds WHERE pair = ? AND digest = ?", (pair, key)).fetchone()
    if row is not None:
        return row[0], _signatures_of(
            conn,
            conn.execute(
                """SELECT c.id, c.digest, c.provision_id FROM kind_matches m
                   JOIN commitment_kinds c ON c.id = m.match_id WHERE m.kind_id = ?""",
                (row[0],),
            ).fetchall(),
        )
    keys = _hashed(pair, match_keys(commitment))
    candidates = conn.execute(
        f"""SELECT DISTINCT c.id, c.digest, c.provision_id FROM kind_keys k
            CROSS JOIN commitment_kinds c ON c.id = k.kind_id WHERE k.key IN ({",".join("?" * len(keys))})
            AND c.pair = ?""",
        (*keys, pair),
    ).fetchall()
    found = {kind_id: s for kind_id, s in _signatures_of(conn, candidates).items() if same(s, commitment)}
    kind_id = int(
        conn.execute(
            "INSERT INTO commitment_kinds (pair, digest, provision_id) VALUES (?, ?, ?)", (pair, key, pid)
        ).lastrowid
        or 0
    )
    _signatures.setdefault(key, commitment)
    if same(commitment, commitment):
        found[kind_id] = commitment
    conn.executemany("INSERT INTO kind_keys (key, kind_id) VALUES (?, ?)", [(k, kind_id) for k in keys])
    conn.executemany(
        "INSERT OR IGNORE INTO kind_matches (kind_id, match_id) VALUES (?, ?)",
        [(a, b) for other in found for a, b in ((kind_id, other), (other, kind_id))],
    )
    return kind_id, found


def _hashed(pair: str, keys: Iterable[str]) -> list[int]:
    """The keys of a pair's commitment as kept in `kind_keys`: 64-bit hashes. Two keys that hash
    alike only add a candidate, which the rule then compares."""
    return sorted(
        int.from_bytes(hashlib.blake2b(f"{pair}\n{key}".encode(), digest_size=8).digest(), "big", signed=True)
        for key in keys
    )


def _signatures_of(conn: sqlite3.Connection, kinds: list[tuple[int, bytes, int]]) -> dict[int, Signature]:
    """The signatures of these kinds (id, digest, a provision of the kind), by kind id: remembered
    by digest, else read from the provision's rows."""
    missing = {provision: key for _, key, provision in kinds if key not in _signatures}
    read = signatures_of(conn, list(missing)) if missing else {}
    if len(_signatures) + len(read) > REMEMBERED:
        _signatures.clear()
    for provision, commitment in read.items():
        _signatures[missing[provision]] = commitment
    return {kind_id: _signatures.get(key) or read[provision] for kind_id, key, provision in kinds}


def _has_earlier(conn: sqlite3.Connection, where: dict[str, object]) -> bool:
    """Whether the pair has a document before this one's date that does not report its event."""
    return (
        conn.execute(
            f"SELECT 1 FROM pair_documents WHERE pair = :pair AND date < :date AND {_NOT_SAME_EVENT} LIMIT 1",
            where,
        ).fetchone()
        is not None
    )


def _link_earlier(
    conn: sqlite3.Connection, where: dict[str, object], own: list[tuple[int, Signature]], matching: dict[int, dict[int, Signature]]
) -> dict[int, str]:
    """Write each commitment's earlier mention: in the newest earlier document with a kind it
    makes, the commitment there it is most like; `new` where there is none. Answers each
    commitment's mention date ('' for new)."""
    newest: dict[int, tuple[str, int] | None] = {}
    for kind_id in {k for kinds in matching.values() for k in kinds}:
        row = conn.execute(
            f"""SELECT date, provision_id FROM pair_commitments
                WHERE kind_id = :kind AND date < :date AND {_NOT_SAME_EVENT}
                ORDER BY date DESC, provision_id DESC LIMIT 1""",
            {**where, "kind": kind_id},
        ).fetchone()
        newest[kind_id] = None if row is None else (row[0], row[1])
    chosen = {pid: max((n for k in kinds if (n := newest[k]) is not None), default=None) for pid, kinds in matching.items()}
    documents = {
        provision: conn.execute("SELECT document_id FROM provisions WHERE id = ?", (provision,)).fetchone()[0]
        for provision in {c[1] for c in chosen.values() if c is not None}
    }
    read = commitments_of(conn, sorted(set(documents.values())))
    rows: list[tuple[int, int | None, str, str]] = []
    mentions = {}
    for pid, commitment in own:
        at = chosen[pid]
        best = _best(read[documents[at[1]]], commitment) if at is not None else None
        if at is None or best is None:
            rows.append((pid, None, "new", ""))
            mentions[pid] = ""
        else:
            rows.append((pid, *_mention(best[0], best[1], commitment)))
            mentions[pid] = at[0]
    conn.executemany("INSERT INTO renewals (provision_id, earlier_id, change, reasons) VALUES (?, ?, ?, ?)", rows)
    return mentions


def _relink_later(
    conn: sqlite3.Connection, where: dict[str, object], own: list[tuple[int, Signature]], matching: dict[int, dict[int, Signature]]
) -> None:
    """Make the stored document the earlier mention of the pair's later commitments (not of its
    event) that it makes and whose present earlier mention is not newer (an earlier date; on the
    same date, the document stored last is the newer). A later document that had no earlier one
    gets a row for each of its commitments, `new` where the stored document does not make it."""
    kinds: dict[int, Signature] = {}
    for found in matching.values():
        kinds.update(found)
    rows: dict[int, tuple[int, int | None, str, str]] = {}
    taken = []
    for kind_id, commitment in kinds.items():
        later = conn.execute(
            f"""SELECT date, provision_id, mention FROM pair_commitments WHERE kind_id = :kind AND date > :date
                AND mention <= :date AND {_NOT_SAME_EVENT}""",
            {**where, "kind": kind_id},
        ).fetchall()
        if not later:
            continue
        best = _best([(pid, s) for pid, s in own if kind_id in matching[pid]], commitment)
        assert best is not None  # the kind matches one of them
        mention = _mention(best[0], best[1], commitment)
        for date, pid, present in later:
            rows[pid] = (pid, *mention)
            if present != where["date"]:
                taken.append((where["date"], kind_id, date, pid))
    opened = conn.execute(
        f"""SELECT date, document_rowid FROM pair_documents
            WHERE pair = :pair AND open = 1 AND date > :date AND {_NOT_SAME_EVENT}""",
        where,
    ).fetchall()
    for pid in _commitments_in(conn, [r[1] for r in opened]):
        rows.setdefault(pid, (pid, None, "new", ""))
    conn.executemany(
        "INSERT OR REPLACE INTO renewals (provision_id, earlier_id, change, reasons) VALUES (?, ?, ?, ?)",
        rows.values(),
    )
    conn.executemany(
        "UPDATE pair_commitments SET mention = ? WHERE kind_id = ? AND date = ? AND provision_id = ?", taken
    )
    conn.executemany(
        "UPDATE pair_documents SET open = 0 WHERE pair = ? AND date = ? AND document_rowid = ?",
        [(where["pair"], *r) for r in opened],
    )


def _commitments_in(conn: sqlite3.Connection, rowids: list[int]) -> list[int]:
    """The provision ids of the commitments of the documents with these rowids."""
    if not rowids:
        return []
    return [
        r[0]
        for r in conn.execute(
            f"""SELECT p.id FROM documents d JOIN provisions p ON p.document_id = d.id
                WHERE d.rowid IN ({",".join("?" * len(rowids))}) AND {IN_COMMITMENTS}""",
            (*rowids, *COMMITMENT_MODALITIES),
        )
    ]


def _file(
    conn: sqlite3.Connection, where: dict[str, object], own: list[tuple[int, int]], mentions: dict[int, str]
) -> None:
    """File a stored document under its pair (open when it has commitments but no renewals) and its
    commitments (provision id, kind id) under their kinds."""
    conn.execute(
        """INSERT INTO pair_documents (pair, date, document_rowid, event_id, open)
           VALUES (:pair, :date, :rowid, :event, :open)""",
        {**where, "open": int(bool(own) and not mentions)},
    )
    conn.executemany(
        "INSERT INTO pair_commitments (kind_id, date, provision_id, event_id, mention) VALUES (?, ?, ?, ?, ?)",
        [(kind_id, where["date"], pid, where["event"], mentions.get(pid, "")) for pid, kind_id in own],
    )


def _best(matches: Iterable[tuple[int, Signature]], commitment: Signature) -> tuple[int, Signature] | None:
    """Of one document's commitments, the one that `commitment` makes again and is most like it."""
    found = [(likeness(s, commitment), -pid, pid, s) for pid, s in matches if same(s, commitment)]
    if not found:
        return None
    _, _, pid, best = max(found, key=lambda m: (m[0], m[1]))
    return pid, best


def _mention(pid: int, earlier: Signature, later: Signature) -> tuple[int, str, str]:
    found = change(earlier, later)
    return pid, found.change, "; ".join(found.reasons)
