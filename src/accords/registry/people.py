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


#: Russian endings of a man's first name in -а in the other cases ("Нарендра" → "Нарендры
#: Моди"); endings added to a whole name ("Путина") the gazetteer reads itself.
_CASES_OF_A = ("ы", "е", "у", "ой")


def _declined(name: str) -> list[str]:
    """A name and, for a Cyrillic first name in -а, its forms in the other cases."""
    first, _, rest = name.partition(" ")
    if not rest or not first.endswith("а") or not "\u0400" <= first[0] <= "\u04ff":
        return [name]
    return [name] + [f"{first[:-1]}{ending} {rest}" for ending in _CASES_OF_A]


class Leaders:
    """Find known leaders by any of their names; the canonical name is the record's name."""

    def __init__(self) -> None:
        self.by_name: dict[str, Leader] = {}
        pairs: list[tuple[str, str]] = []
        for row in load("leaders").get("leader", []):
            leader = Leader(row["name"], row["country"], row.get("office", ""), row.get("start", ""), row.get("end", ""))
            self.by_name.setdefault(leader.name, leader)
            for name in [leader.name, *row.get("aliases", [])]:
                pairs += [(form, leader.name) for form in _declined(name)]
        self.gazetteer = Gazetteer((), pairs)

    def find(self, text: str) -> list[tuple[Hit, Leader]]:
        return [(hit, self.by_name[hit.key]) for hit in self.gazetteer.finditer(text)]


@cache
def leaders() -> Leaders:
    return Leaders()
