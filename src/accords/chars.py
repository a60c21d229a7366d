"""Letter classes shared by every pattern that looks for a capitalised word, in any script.

A capitalised-name pattern written as `[A-ZÀ-Ý]` never sees "Путин" or "Łukaszenka"; patterns
take their classes from here instead (as spaCy's `char_classes` does).
"""

from __future__ import annotations

#: Capital letters of the Latin (with the Vietnamese and Central European capitals), Greek
#: and Cyrillic scripts, as the body of a regex character class.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽƠƯẠ-ỸΑ-ΩА-ЯЁЇІЄЎ"
#: A capitalised word: a capital, then letters, apostrophes or hyphens.
CAPITALISED = rf"[{UPPER}][\w'’-]*"
