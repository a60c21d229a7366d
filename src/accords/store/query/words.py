"""A user's search text as an FTS5 match expression: plain words as words, syntax only where written.

People paste what they read: `U.S.`, `Viet Nam's`, `ASEAN-Japan`, `nuclear power (NPP)`, `10%`,
`EU/ASEAN`. Given to FTS5 as they are, the punctuation is syntax ("no such column: Japan"). So
each whitespace-separated piece becomes a quoted string, which FTS5 splits into the words it
indexed and matches as a phrase ("ASEAN-Japan" finds "ASEAN Japan" and "ASEAN-Japan"); an
English possessive is dropped ("Viet Nam's" finds "Viet Nam").

Only text that clearly uses the syntax keeps it: double quotes around a phrase, the operators OR,
AND, NOT and NEAR in capitals, or a prefix like `nucl*`. Even then each bare word is quoted, the
parentheses and quotes must balance, and the whole is later put inside one group that the filters
are AND-ed with, so no text can reach past the group to undo a filter.
"""

from __future__ import annotations

import re

from accords.errors import QueryError
from accords.store.folding import plain_letters

MAX_TERMS = 32
OPERATORS = ("OR", "AND", "NOT")
_SYNTAX = re.compile(r'"|(?<!\S)(?:OR|AND|NOT)(?!\S)|\bNEAR\s*\(|\w\*(?!\S)')
_PIECE = re.compile(r'"[^"]*"\*?|\(|\)|,|NEAR(?=\s*\()|[^\s(),"]+')
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
HELP = 'put phrases in "double quotes"; OR, AND, NOT need words on both sides'


def uses_syntax(text: str) -> bool:
    """Whether the text clearly uses FTS5 syntax (a quote, an operator in capitals, NEAR(, a prefix*)."""
    return _SYNTAX.search(text) is not None


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _has_word(piece: str) -> bool:
    return any(ch.isalnum() for ch in piece)


def expression(text: str) -> str:
    """The FTS5 expression for a user's search text; a QueryError says what is wrong with it."""
    text = plain_letters(text.strip())
    if not uses_syntax(text):
        # "Viet Nam's" is about Viet Nam: the possessive would be a word of the phrase.
        words = [_POSSESSIVE.sub("", piece) for piece in text.split() if _has_word(piece)]
        if not words:
            raise QueryError("empty search: give some words to look for")
        _count(len(words))
        return " ".join(_quoted(word) for word in words)
    if text.count('"') % 2:
        raise QueryError(f"bad search: a double quote is not closed ({HELP})")
    out: list[str] = []
    depth, terms, near = 0, 0, False
    for piece in _PIECE.findall(text):
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth -= 1
            near = False
            if depth < 0:
                raise QueryError(f"bad search: a parenthesis is closed that was not opened ({HELP})")
        elif piece == "NEAR":
            near = True
        elif piece in OPERATORS or piece == ",":
            pass
        elif piece.startswith('"'):
            terms += 1
        elif near and out and out[-1] == "," and piece.isdigit():
            pass  # NEAR's distance: NEAR("a" "b", 5)
        elif not _has_word(piece):
            continue
        else:
            terms += 1
            piece = _quoted(piece[:-1]) + "*" if piece.endswith("*") else _quoted(piece)
        out.append(piece)
    if depth:
        raise QueryError(f"bad search: a parenthesis is not closed ({HELP})")
    if not terms:
        raise QueryError("empty search: give some words to look for")
    _count(terms)
    return " ".join(out)


def _count(terms: int) -> None:
    if terms > MAX_TERMS:
        raise QueryError(f"search too long ({terms} words or phrases, at most {MAX_TERMS})")
