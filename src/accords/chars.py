"""Letter classes shared by every pattern that looks for a capitalised word, in any script.

A capitalised-name pattern written as `[A-ZÀ-Ý]` never sees "Путин" or "Łukaszenka"; patterns
take their classes from here instead (as spaCy's `char_classes` does).
"""

from __future__ import annotations

#: Capital letters of the Latin (with the Vietnamese and Central European capitals), Greek
#: and Cyrillic scripts, as the body of a regex character class.
#: The Vietnamese block (U+1EA0-U+1EF9) alternates capital and small letters, so its capitals
#: are listed one by one rather than as a range.
_VIETNAMESE = "".join(chr(c) for c in range(0x1EA0, 0x1EFA, 2))
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽƠƯΑ-ΩА-ЯЁЇІЄЎ" + _VIETNAMESE
#: A capitalised word: a capital, then letters, apostrophes or hyphens.
CAPITALISED = rf"[{UPPER}][\w'’-]*"
