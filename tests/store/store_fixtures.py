"""Paths to the shared seeds and gold, and the gold records as the store's test input."""

from __future__ import annotations

import json
from pathlib import Path

from accords.model import Record

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"


def gold_records() -> list[Record]:
    """The gold records, each with the id of its seed file (gold leaves `id` empty)."""
    records = []
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["id"] = data["id"] or path.stem.split("_", 1)[1]
        records.append(Record.model_validate(data))
    return records


LINKING_TABLES = ("pair_documents", "commitment_kinds", "kind_keys", "kind_matches", "pair_commitments", "event_sources")
"""The tables linking reads (schema migration 6), which an older register lacks."""
