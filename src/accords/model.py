"""The extraction record of spec/SCHEMA.md, as pydantic types.

One record type runs from extraction through storage to the API: the store keeps the JSON of
`Record` and its rows are derived from it, the web app and the exports serialise it as it is.
Field names are the codebook's names, so `Record.model_dump()` is the JSON the scorer reads.
"""

from __future__ import annotations

import sys

from pydantic import BaseModel, Field

SCHEMA = "accords/1"

Span = tuple[int, int]


class Evidence(BaseModel):
    """Why a value was found: the field, the value, where and which words triggered it."""

    field: str
    value: str
    span: Span
    cue: str

    def __init__(self, **data: object) -> None:
        cue = data.get("cue")
        if isinstance(cue, str):
            data["cue"] = sys.intern(cue)  # a cue word repeats in hundreds of provisions
        super().__init__(**data)
        # Every field is required, so every instance has set them all: one set shared by all
        # instances, not a set each (a document of 20 MB has hundreds of thousands of them).
        object.__setattr__(self, "__pydantic_fields_set__", _EVIDENCE_FIELDS)


_EVIDENCE_FIELDS = set(Evidence.model_fields)


class Source(BaseModel):
    file: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None


class Person(BaseModel):
    name: str | None = None
    country: str | None = None


class Event(BaseModel):
    kind: str | None = None
    guest: Person | None = None
    host: Person | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Relationship(BaseModel):
    level: str | None = None
    upgraded: bool = False
    since: str | None = None
    diplomatic_relations_since: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Target(BaseModel):
    metric: str | None = None
    amount: float
    unit: str
    year: int | None = None


class Measurement(BaseModel):
    """A figure already reached ("two-way trade reached USD 86 billion in 2024"): never a target.

    Not in spec/SCHEMA.md's fields, which keep their meaning; an extra list per provision that
    the scorer does not read, so that progress toward a target can be followed.
    """

    metric: str
    amount: float
    unit: str
    year: int | None = None


class Entity(BaseModel):
    """An organisation or an instrument, resolved to a registry id where one is known."""

    id: str | None = None
    name: str
    year: int | None = None


class Provision(BaseModel):
    number: str | None = None
    section: str | None = None
    language: str | None = None
    span: Span
    text: str
    modality: str | None = None
    actors: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    measurements: list[Measurement] = Field(default_factory=list)
    instruments: list[Entity] = Field(default_factory=list)
    organizations: list[Entity] = Field(default_factory=list)
    mechanisms: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)

    def decided(self) -> None:
        """Extraction has decided every field: one set of the fields set, shared by all
        provisions, stands for a set each (700 bytes; a document of 20 MB has 75,000)."""
        object.__setattr__(self, "__pydantic_fields_set__", _PROVISION_FIELDS)


_PROVISION_FIELDS = set(Provision.model_fields)


class Record(BaseModel):
    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str
    source: Source
    languages: list[str] = Field(default_factory=list)
    doc_type: str | None = None
    parties: list[str] = Field(default_factory=list)
    countries_mentioned: list[str] = Field(default_factory=list)
    event: Event = Field(default_factory=Event)
    relationship: Relationship = Field(default_factory=Relationship)
    provisions: list[Provision] = Field(default_factory=list)

    model_config = {"populate_by_name": True}

    def to_json_dict(self) -> dict[str, object]:
        """The record as the JSON object of spec/SCHEMA.md."""
        return self.model_dump(by_alias=True, mode="json")
