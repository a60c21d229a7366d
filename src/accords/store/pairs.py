"""The pairs of states in the register, summed up at ingest: what partners, compare and the heat map read.

Every pair of a document's parties gets one row in `pairs` (its codes in order) and a count of its
provisions by domain and modality in `pair_cells`, and each provision is filed under its pair,
domain and modality in `pair_provisions`, newest first. `add_document` folds one stored document
into them, in its own transaction, so the summary is never behind the rows it sums; each value is
one a document can only raise or lower in one direction (a count, the earliest date, the latest
document stating a level), so adding a document is a few row updates, however large the pair.
Commitments an earlier report of the same event made (`repeats`) are left out of every count.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from itertools import combinations

NOT_REPEATED = "NOT EXISTS (SELECT 1 FROM repeats r WHERE r.provision_id = p.id)"
"""A provision `p` that no earlier report of its event stated: the one counted."""

_ADD_PAIR = """
INSERT INTO pairs (a, b, level, level_date, level_document, upgraded, relations_since, documents,
                   commitments, first, last)
VALUES (:a, :b, :level, :key_date, :id, :upgraded, :relations_since, 1, :commitments, :date, :date)
ON CONFLICT (a, b) DO UPDATE SET
    documents = documents + 1,
    commitments = commitments + excluded.commitments,
    first = COALESCE(min(first, excluded.first), first, excluded.first),
    last = COALESCE(max(last, excluded.last), last, excluded.last),
    upgraded = COALESCE(max(upgraded, excluded.upgraded), upgraded, excluded.upgraded),
    relations_since = COALESCE(min(relations_since, excluded.relations_since), relations_since,
                               excluded.relations_since),
    level = CASE WHEN :newer THEN excluded.level ELSE level END,
    level_date = CASE WHEN :newer THEN excluded.level_date ELSE level_date END,
    level_document = CASE WHEN :newer THEN excluded.level_document ELSE level_document END
""".replace(
    # `:newer` stands for this condition; SQLite's parameters cannot hold an expression.
    ":newer",
    "(excluded.level IS NOT NULL AND (level IS NULL"
    " OR (excluded.level_date, excluded.level_document) > (level_date, level_document)))",
)

_ADD_LEVEL = """
INSERT INTO pair_levels (pair_id, level, since, date, document_id) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (pair_id, level) DO UPDATE SET
    since = excluded.since, date = excluded.date, document_id = excluded.document_id
WHERE (excluded.date, excluded.document_id) > (pair_levels.date, pair_levels.document_id)
"""


def add_document(conn: sqlite3.Connection, document_id: str) -> None:
    """Fold one stored document (its rows and repeats already written) into its pairs' summaries."""
    doc = conn.execute(
        """SELECT id, date, level, level_since, upgraded, event_start, relations_since, commitment_count
           FROM documents WHERE id = ?""",
        (document_id,),
    ).fetchone()
    parties = sorted(
        r[0]
        for r in conn.execute(
            "SELECT country FROM document_countries WHERE document_id = ? AND role = 'party'", (document_id,)
        )
    )
    if len(parties) < 2:
        return
    repeated = conn.execute(
        "SELECT COUNT(*) FROM repeats r JOIN provisions p ON p.id = r.provision_id WHERE p.document_id = ?",
        (document_id,),
    ).fetchone()[0]
    filed = conn.execute(
        f"""SELECT pd.domain, p.modality, p.id FROM provisions p
            JOIN provision_domains pd ON pd.provision_id = p.id
            WHERE p.document_id = ? AND p.modality IS NOT NULL AND {NOT_REPEATED}""",
        (document_id,),
    ).fetchall()
    cells = Counter((r[0], r[1]) for r in filed)
    level = doc["level"] if doc["level"] not in (None, "none") else None
    key_date = doc["date"] or ""
    values = {
        "id": doc["id"],
        "level": level,
        "key_date": key_date,
        "upgraded": (doc["event_start"] or doc["date"]) if doc["upgraded"] else None,
        "relations_since": doc["relations_since"],
        "commitments": doc["commitment_count"] - repeated,
        "date": doc["date"],
    }
    for a, b in combinations(parties, 2):
        conn.execute(_ADD_PAIR, {**values, "a": a, "b": b})
        # Asked for after the upsert, not with RETURNING: its first use in a transaction costs
        # ten times the upsert itself.
        pair_id = conn.execute("SELECT id FROM pairs WHERE a = ? AND b = ?", (a, b)).fetchone()[0]
        if doc["level"] is not None and doc["level_since"] is not None:
            conn.execute(_ADD_LEVEL, (pair_id, doc["level"], doc["level_since"], key_date, doc["id"]))
        conn.executemany(
            """INSERT INTO pair_cells (pair_id, domain, modality, n) VALUES (?, ?, ?, ?)
               ON CONFLICT (pair_id, domain, modality) DO UPDATE SET n = n + excluded.n""",
            [(pair_id, domain, modality, n) for (domain, modality), n in cells.items()],
        )
        conn.executemany(
            "INSERT INTO pair_provisions (pair_id, domain, modality, date, provision_id) VALUES (?, ?, ?, ?, ?)",
            [(pair_id, r[0], r[1], key_date, r[2]) for r in filed],
        )
