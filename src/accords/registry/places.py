"""Cities where leaders meet: capitals and other venues, with their names in our languages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from accords.registry.data import load
from accords.registry.gazetteer import Gazetteer


@dataclass(frozen=True)
class City:
    name: str
    country: str
    start: int
    end: int


class Cities:
    def __init__(self) -> None:
        self.country: dict[str, str] = {}
        pairs: list[tuple[str, str]] = []
        for row in load("cities").get("city", []):
            self.country[row["name"]] = row["country"]
            pairs.append((row["name"], row["name"]))
            pairs.extend((n, row["name"]) for n in row.get("other", []))
        # City names are proper names: matched with their capital letter.
        self.gazetteer = Gazetteer((), pairs)

    def find(self, text: str) -> list[City]:
        return [City(h.key, self.country[h.key], h.start, h.end) for h in self.gazetteer.finditer(text)]


@cache
def cities() -> Cities:
    return Cities()
