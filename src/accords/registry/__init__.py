"""Registries: states (CLDR through Babel, pycountry, aliases), organisations, instruments, leaders."""

from accords import lang
from accords.registry.entities import instruments, organizations
from accords.registry.people import leaders
from accords.registry.states import countries, english_name, slot_names

lang.set_slot_source(slot_names)

__all__ = ["countries", "english_name", "instruments", "leaders", "organizations"]
