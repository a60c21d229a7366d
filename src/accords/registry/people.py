"""Leaders and their offices since 2020, with their names as the four languages write them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from accords.registry.data import load
from accords.registry.gazetteer import Gazetteer, Hit


@dataclass(frozen=True)
class Leader:
    name: str
    country: str
    office: str
    start: str
    end: str


class Leaders:
    """Find known leaders by any of their names; the canonical name is the record's name."""

    def __init__(self) -> None:
        self.by_name: dict[str, Leader] = {}
        pairs: list[tuple[str, str]] = []
        for row in load("leaders").get("leader", []):
            leader = Leader(row["name"], row["country"], row.get("office", ""), row.get("start", ""), row.get("end", ""))
            self.by_name.setdefault(leader.name, leader)
            for name in [leader.name, *row.get("aliases", [])]:
                pairs.append((name, leader.name))
        self.gazetteer = Gazetteer((), pairs)

    def find(self, text: str) -> list[tuple[Hit, Leader]]:
        return [(hit, self.by_name[hit.key]) for hit in self.gazetteer.finditer(text)]


@cache
def leaders() -> Leaders:
    return Leaders()
