"""End to end: extract the seed documents and our own English test documents, and score them
against their gold records with ../shared/eval/score.py."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from corpus import EN_DATA, GOLD, SEEDS, load_gold

from accords.pipeline import process


def _score(scorer: ModuleType, folder: Path, gold: Path) -> dict[str, Any]:
    preds = [process(str(p)).to_json_dict() for p in sorted(folder.glob("*.txt"))]
    result, _ = scorer.score(preds, load_gold(gold))
    return dict(result)


@pytest.fixture(scope="module")
def seeds(scorer: ModuleType) -> dict[str, Any]:
    return _score(scorer, SEEDS, GOLD)


@pytest.fixture(scope="module")
def english(scorer: ModuleType) -> dict[str, Any]:
    return _score(scorer, EN_DATA, EN_DATA / "gold")


def test_seed_segmentation(seeds: dict[str, Any]) -> None:
    assert seeds["provisions"]["f1"] >= 0.95
    for field in ("language", "doc_type", "source_url"):
        assert seeds[field]["acc"] == 1.0, field


def test_seed_extraction(seeds: dict[str, Any]) -> None:
    assert seeds["overall"] >= 0.85
    assert seeds["domains"]["f1"] >= 0.75
    assert seeds["modality"]["acc"] >= 0.8
    assert seeds["organizations"]["f1"] >= 0.8
    assert seeds["instruments"]["f1"] >= 0.8
    assert seeds["targets"]["f1"] == 1.0


def test_seed_event_and_relationship(seeds: dict[str, Any]) -> None:
    fields = ("event_kind", "guest_name", "guest_country", "host_name", "host_country", "event_start",
              "event_end", "rel_level", "rel_upgraded", "rel_since", "diplomatic_relations_since")
    for field in fields:
        assert seeds[field]["acc"] >= 0.8, field


def test_english_documents_of_our_own(english: dict[str, Any]) -> None:
    assert english["provisions"]["f1"] >= 0.95
    assert english["overall"] >= 0.8
    assert english["modality"]["acc"] >= 0.75
    assert english["targets"]["f1"] >= 0.8
