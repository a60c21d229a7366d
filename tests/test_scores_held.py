"""The figures extraction has reached, held: a change made for speed (or anything else) may not
lower the score of any field, or the overall one, of the seeds or of a development set.

The development sets (../shared/dev and our devset/) are scored only where their texts are
rebuilt on this machine in /tmp/accords-dev (third-party pages, never in the repository; see devset/README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from corpus import GOLD, REPO, SEEDS, SHARED, load_gold

from accords.pipeline import process

DEV_DOCS = Path("/tmp/accords-dev/docs")
DEV_GOLD = SHARED / "dev" / "gold"
OWN_DOCS = Path("/tmp/accords-dev/own/docs")
OWN_GOLD = REPO / "devset" / "gold"

#: The score of each field on the seeds (accuracy, or F1 for the fields scored as sets).
SEED_FLOORS = {
    "overall": 0.975, "doc_type": 1.0, "language": 1.0, "parties": 1.0, "source_url": 1.0,
    "event_kind": 1.0, "guest_name": 1.0, "guest_country": 1.0, "host_name": 1.0, "host_country": 1.0,
    "event_start": 1.0, "event_end": 1.0, "rel_level": 1.0, "rel_upgraded": 1.0, "rel_since": 1.0,
    "diplomatic_relations_since": 1.0, "modality": 0.928, "actors": 0.959, "provisions": 0.996,
    "domains": 0.855, "countries_mentioned": 1.0, "organizations": 0.949, "instruments": 0.941, "targets": 1.0,
}
#: The same on ../shared/dev (12 documents).
DEV_FLOORS = {
    "overall": 0.932, "doc_type": 0.917, "language": 1.0, "parties": 1.0, "source_url": 1.0,
    "event_kind": 1.0, "guest_name": 0.917, "guest_country": 0.917, "host_name": 0.917,
    "host_country": 0.917, "event_start": 0.917, "event_end": 0.917, "rel_level": 1.0, "rel_upgraded": 1.0,
    "rel_since": 0.917, "diplomatic_relations_since": 1.0, "modality": 0.907, "actors": 0.905,
    "provisions": 0.956, "domains": 0.75, "countries_mentioned": 0.98, "organizations": 0.933,
    "instruments": 0.833, "targets": 1.0,
}
#: The same on our own development set (40 documents, devset/).
OWN_FLOORS = {
    "overall": 0.896, "doc_type": 0.95, "language": 1.0, "parties": 1.0, "source_url": 1.0,
    "event_kind": 0.875, "guest_name": 0.875, "guest_country": 0.925, "host_name": 0.9,
    "host_country": 0.925, "event_start": 0.825, "event_end": 0.8, "rel_level": 0.975, "rel_upgraded": 0.975,
    "rel_since": 0.95, "diplomatic_relations_since": 0.95, "modality": 0.835, "actors": 0.8,
    "provisions": 0.944, "domains": 0.768, "countries_mentioned": 0.977, "organizations": 1.0,
    "instruments": 0.816, "targets": 0.857,
}


def _figure(value: Any) -> float:
    """A field's one figure as the scorer prints it: F1 for sets, else accuracy."""
    if isinstance(value, dict):
        return float(value["f1"] if "f1" in value else value["acc"])
    return float(value)


def _below(result: dict[str, Any], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    """The fields scored below their floor (rounded as the scorer prints, to three places)."""
    return {f: (round(_figure(result[f]), 3), floor) for f, floor in floors.items() if round(_figure(result[f]), 3) < floor}


def test_seed_scores_hold(scorer: ModuleType) -> None:
    preds = [process(str(p)).to_json_dict() for p in sorted(SEEDS.glob("*.txt"))]
    result, _ = scorer.score(preds, load_gold(GOLD))
    assert _below(dict(result), SEED_FLOORS) == {}


@pytest.mark.parametrize(
    ("docs", "gold", "floors"), [(DEV_DOCS, DEV_GOLD, DEV_FLOORS), (OWN_DOCS, OWN_GOLD, OWN_FLOORS)], ids=["shared", "own"]
)
def test_development_scores_hold(
    scorer: ModuleType, tmp_path: Path, docs: Path, gold: Path, floors: dict[str, float]
) -> None:
    golds = sorted(gold.glob("*.json"))
    files = [json.loads(g.read_text(encoding="utf-8"))["source"]["file"] for g in golds]
    if not golds or not all((docs / f).exists() for f in files):
        pytest.skip(f"the development texts are not rebuilt in {docs} (see devset/README.md)")
    # The gold carries anchors, not texts: the scorer's own tool fills them from the documents.
    subprocess.run([sys.executable, str(SHARED / "eval" / "fill.py"), str(docs), str(gold), str(tmp_path)],
                   check=True, capture_output=True)
    preds = [process(str(docs / f)).to_json_dict() for f in files]
    result, _ = scorer.score(preds, load_gold(tmp_path))
    assert _below(dict(result), floors) == {}
