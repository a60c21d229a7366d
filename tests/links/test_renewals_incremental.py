"""Renewals made one document at a time, in any order, are those the rule gives when every
document of a pair is compared with every earlier one from its whole record.

Ingest compares a pair's distinct commitments once, follows the kinds a commitment makes to their
newest earlier document through an index, and gives a document stored late only the later
commitments it can take over; this checks that against the plain rule
(`same_commitment`, `likeness`, `renewal` on the records as loaded), on copies of the linked
statements and the gold records moved in time and between partners and stored shuffled.
"""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
from collections import defaultdict
from pathlib import Path

from store.store_fixtures import LINKING_TABLES, gold_records

from accords.links.renewals import likeness, renewal, same_commitment, signature
from accords.model import Record
from accords.store import connect, store_record
from accords.store.database import load_record
from accords.store.ingest import read_and_extract
from accords.store.labels import COMMITMENT_MODALITIES

DATA = Path(__file__).resolve().parents[1] / "data" / "links"
PARTNERS = ("NO", "KR", "JP")
_YEAR = re.compile(r'"(20\d\d)(?=[-"])')


def _copy(base: Record, i: int) -> Record:
    """Copy `i` of a record: another partner of VN, its years moved back by 0 to 4, a new id."""
    text = base.model_dump_json(by_alias=True)
    for code in base.parties:
        if code != "VN":
            text = text.replace(f'"{code}"', f'"{PARTNERS[i % len(PARTNERS)]}"')
    text = _YEAR.sub(lambda m: f'"{int(m.group(1)) - i % 5}', text)
    record = Record.model_validate_json(text)
    record.id = f"copy{i:04d}{base.id}"[:40]
    return record


def _by_rule(conn: sqlite3.Connection) -> set[tuple[int, int | None, str, str]]:
    """(provision, earlier provision, change, reasons) for every commitment of every pair's document
    that has an earlier one, by comparing whole records newest first."""
    pairs: dict[str, list[tuple[str, str, int | None]]] = defaultdict(list)
    for row in conn.execute(
        """SELECT d.id, d.date, d.event_id, (SELECT group_concat(country, ',') FROM (SELECT country
           FROM document_countries WHERE document_id = d.id AND role = 'party' ORDER BY country)) AS parties
           FROM documents d WHERE d.date IS NOT NULL ORDER BY d.date, d.rowid"""
    ):
        if row["parties"] and "," in row["parties"]:
            pairs[row["parties"]].append((row["id"], row["date"], row["event_id"]))
    commitments = {}
    for documents in pairs.values():
        for document_id, _, _ in documents:
            ids = [r[0] for r in conn.execute("SELECT id FROM provisions WHERE document_id = ? ORDER BY ordinal", (document_id,))]
            provisions = load_record(conn, document_id).provisions
            commitments[document_id] = [(pid, p) for pid, p in zip(ids, provisions, strict=True) if p.modality in COMMITMENT_MODALITIES]
    found = set()
    for documents in pairs.values():
        for index, (document_id, date, event_id) in enumerate(documents):
            earlier = [d for d in documents[:index] if d[1] < date and (event_id is None or d[2] != event_id)]
            if not earlier:
                continue
            for pid, provision in commitments[document_id]:
                link: tuple[int | None, str, str] = (None, "new", "")
                for other, _, _ in reversed(earlier):
                    matches = [
                        (likeness(signature(p), signature(provision)), -oid, oid, p)
                        for oid, p in commitments[other]
                        if same_commitment(p, provision)
                    ]
                    if matches:
                        _, _, oid, best = max(matches, key=lambda m: (m[0], m[1]))
                        change = renewal(best, provision)
                        link = (oid, change.change, "; ".join(change.reasons))
                        break
                found.add((pid, *link))
    return found


def test_renewals_stored_in_any_order_are_those_of_the_rule(tmp_path: Path) -> None:
    bases = [read_and_extract(str(path))[0] for path in sorted(DATA.glob("*.txt"))] + gold_records()
    copies = [_copy(bases[i % len(bases)], i) for i in range(90)]
    random.Random(5).shuffle(copies)
    conn = connect(tmp_path / "r.db", create=True)
    for record in copies:
        store_record(conn, record)
    stored = {tuple(r) for r in conn.execute("SELECT provision_id, earlier_id, change, reasons FROM renewals")}
    expected = _by_rule(conn)
    assert len(expected) > 300 and sum(1 for r in expected if r[1] is not None) > 100
    assert stored == expected
    conn.close()


def _linking(conn: sqlite3.Connection) -> dict[str, set[tuple[object, ...]]]:
    return {table: {tuple(r) for r in conn.execute(f"SELECT * FROM {table}")} for table in LINKING_TABLES}


def test_an_older_register_is_filed_for_linking_when_upgraded_and_links_on_alike(tmp_path: Path) -> None:
    """A register made before linking kept its own tables (schema 5) gets them filled when opened,
    as ingest would have filled them; documents stored afterwards link as in a register that had
    them all along."""
    bases = [read_and_extract(str(path))[0] for path in sorted(DATA.glob("*.txt"))] + gold_records()
    copies = [_copy(bases[i % len(bases)], i) for i in range(48)]
    random.Random(11).shuffle(copies)
    first, then = copies[:36], copies[36:]
    conn = connect(tmp_path / "r.db", create=True)
    for record in first:
        store_record(conn, record)
    expected = _linking(conn)
    conn.close()
    older = tmp_path / "older.db"
    shutil.copy(tmp_path / "r.db", older)
    raw = sqlite3.connect(older)
    for table in LINKING_TABLES:
        raw.execute(f"DROP TABLE {table}")
    raw.execute("PRAGMA user_version = 5")
    raw.commit()
    raw.close()
    upgraded, conn = connect(older), connect(tmp_path / "r.db")
    assert _linking(upgraded) == expected and len(expected["pair_commitments"]) > 100
    for record in then:
        store_record(upgraded, record)
        store_record(conn, record)
    renewals = "SELECT provision_id, earlier_id, change, reasons FROM renewals"
    assert set(upgraded.execute(renewals)) == set(conn.execute(renewals))
    assert _linking(upgraded) == _linking(conn)
    upgraded.close()
    conn.close()
