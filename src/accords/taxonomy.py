"""The labels of spec/taxonomy.json: document types, event kinds, levels, modalities, domains."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def taxonomy() -> dict[str, Any]:
    """spec/taxonomy.json as shipped with the package."""
    data: dict[str, Any] = json.loads(resources.files("accords").joinpath("taxonomy.json").read_text(encoding="utf-8"))
    return data


def labels(kind: str) -> tuple[str, ...]:
    """The labels of one kind ("domains", "modalities", "relationship_levels", ...), in order."""
    return tuple(taxonomy()[kind])


DOMAINS = labels("domains")
MODALITIES = tuple(taxonomy()["modality_order"])
