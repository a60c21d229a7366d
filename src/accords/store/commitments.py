"""The commitments of stored documents as the linking rule compares them, read from their rows.

Renewals and repeats compare a new document's commitments with those of earlier ones; reading the
earlier records whole (decompressing and validating their JSON) made that cost grow with every
document of a pair. Each commitment's `Signature` is read instead from the rows that already hold
its parts: its text, language and modality in `provisions`, and its domains, treaties and
organisations, mechanisms and targets in their tables, a handful of indexed reads for any number
of documents.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence

from accords.links.renewals import Signature, names
from accords.model import Target
from accords.store.labels import COMMITMENT_MODALITIES

Commitments = dict[str, list[tuple[int, Signature]]]
"""Document id -> its commitments (provision id, signature) in reading order."""

IN_COMMITMENTS = f"p.modality IN ({','.join('?' * len(COMMITMENT_MODALITIES))})"
"""The SQL condition that a provision `p` is a commitment, with COMMITMENT_MODALITIES as values."""


def commitments_of(conn: sqlite3.Connection, document_ids: Sequence[str]) -> Commitments:
    """The commitments of these documents (each has an entry, perhaps empty)."""
    found: Commitments = {document_id: [] for document_id in document_ids}
    for pid, document_id, commitment in _read(conn, "p.document_id", document_ids):
        found[document_id].append((pid, commitment))
    return found


def signatures_of(conn: sqlite3.Connection, provision_ids: Sequence[int]) -> dict[int, Signature]:
    """The signatures of these provisions that are commitments, by provision id."""
    return {pid: commitment for pid, _, commitment in _read(conn, "p.id", provision_ids)}


def _read(
    conn: sqlite3.Connection, column: str, keys: Sequence[str] | Sequence[int]
) -> list[tuple[int, str, Signature]]:
    """(provision id, document id, signature) of the commitments whose `column` is one of `keys`,
    by provision id."""
    if not keys:
        return []
    where = f"{column} IN ({','.join('?' * len(keys))}) AND {IN_COMMITMENTS}"
    values = (*keys, *COMMITMENT_MODALITIES)
    domains: dict[int, set[str]] = defaultdict(set)
    for pid, domain in conn.execute(
        f"SELECT d.provision_id, d.domain FROM provisions p JOIN provision_domains d ON d.provision_id = p.id WHERE {where}",
        values,
    ):
        domains[pid].add(domain)
    entities: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    for pid, entity_id, name in conn.execute(
        f"SELECT e.provision_id, e.entity_id, e.name FROM provisions p JOIN entities e ON e.provision_id = p.id WHERE {where}",
        values,
    ):
        entities[pid].append((entity_id, name))
    mechanisms: dict[int, list[str]] = defaultdict(list)
    for pid, name in conn.execute(
        f"SELECT m.provision_id, m.name FROM provisions p JOIN mechanisms m ON m.provision_id = p.id WHERE {where}",
        values,
    ):
        mechanisms[pid].append(name)
    targets: dict[int, list[Target]] = defaultdict(list)
    for pid, metric, amount, unit, year in conn.execute(
        f"""SELECT t.provision_id, t.metric, t.amount, t.unit, t.year FROM provisions p
            JOIN targets t ON t.provision_id = p.id WHERE {where} ORDER BY t.id""",
        values,
    ):
        targets[pid].append(Target(metric=metric, amount=amount, unit=unit, year=year))
    return [
        (
            pid,
            document_id,
            Signature(
                domains=frozenset(domains.get(pid, ())),
                names=names(entities.get(pid, []), mechanisms.get(pid, [])),
                metrics=frozenset(t.metric for t in targets.get(pid, []) if t.metric),
                language=language,
                modality=modality,
                targets=tuple(targets.get(pid, [])),
                text=text,
            ),
        )
        for pid, document_id, language, modality, text in conn.execute(
            f"SELECT p.id, p.document_id, p.language, p.modality, p.text FROM provisions p WHERE {where} ORDER BY p.id",
            values,
        )
    ]
