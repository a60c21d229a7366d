"""Shared fixtures: where the seed documents, their gold and the scorer live (../shared)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
SAMPLES = REPO / "samples"
EN_DATA = REPO / "tests" / "data" / "en"


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """The project's scorer, ../shared/eval/score.py, imported as it is."""
    spec = importlib.util.spec_from_file_location("accords_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_gold(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
