"""The user's search text as an FTS5 expression: words as words, syntax only where written."""

from __future__ import annotations

import pytest

from accords.errors import QueryError
from accords.store.query.words import MAX_TERMS, expression, uses_syntax


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.", '"U.S."'),
        ("Viet Nam's", '"Viet" "Nam"'),
        ("ASEAN-Japan", '"ASEAN-Japan"'),
        ("nuclear power (NPP)", '"nuclear" "power" "(NPP)"'),
        ("10%", '"10%"'),
        ("energy or oil", '"energy" "or" "oil"'),
        ("Đà Nẵng", '"Dà" "Nẵng"'),
    ],
)
def test_plain_text_becomes_quoted_words(text: str, expected: str) -> None:
    assert not uses_syntax(text)
    assert expression(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"joint committee"', '"joint committee"'),
        ("energy OR oil", '"energy" OR "oil"'),
        ("nucl*", '"nucl"*'),
        ("(trade OR energy) NOT visa", '( "trade" OR "energy" ) NOT "visa"'),
        ('NEAR("trade" "energy", 5)', 'NEAR ( "trade" "energy" , 5 )'),
        ("facets : cvn OR x", '"facets" "cvn" OR "x"'),
    ],
)
def test_written_syntax_is_kept_with_every_bare_word_quoted(text: str, expected: str) -> None:
    assert uses_syntax(text)
    assert expression(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("trade) OR (trade", "closed that was not opened"),
        ("(trade OR visa", "not closed"),
        ('"unclosed OR x', "double quote"),
        ("  ...  ", "empty search"),
        (" OR ".join(f"w{i}" for i in range(MAX_TERMS + 1)), "at most"),
    ],
)
def test_unbalanced_or_empty_or_long_text_is_one_clear_error(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        expression(text)
