"""The words shown for a provision: the sentence around a match or an evidence cue."""

from __future__ import annotations

from accords.store import excerpts
from accords.store.folding import fold, plain_letters


def test_numbered_items_and_dates_do_not_end_a_sentence() -> None:
    text = "4. De to sidene ble enige 10. august 2025 om handel. Neste setning her."
    assert excerpts.sentence_around(text, 0) == "4. De to sidene ble enige 10. august 2025 om handel."
    assert excerpts.sentence_around(text, text.index("Neste")) == "Neste setning her."


def test_a_long_sentence_is_cut_between_words_around_the_place() -> None:
    text = "word " * 200 + "TARGET here " + "more " * 200
    cut = excerpts.sentence_around(text, text.index("TARGET"), limit=60)
    assert "TARGET here" in cut and cut.startswith("…word ") and cut.endswith("more…")
    assert len(cut) <= 62


def test_the_match_excerpt_finds_words_without_their_accents() -> None:
    text = "Hai bên nhất trí. Tổng thống Liên bang Nga cảm ơn lời mời."
    assert excerpts.matched_excerpt(text, "lien bang") == "Tổng thống Liên bang Nga cảm ơn lời mời."
    assert excerpts.matched_excerpt(text, '"hai ben" OR nothing') == "Hai bên nhất trí."


def test_the_cue_excerpt_prefers_the_cue_nearest_its_span() -> None:
    text = "Sidene vil samarbeide om energi. Sidene vil også samarbeide om kjernekraft."
    assert excerpts.cue_excerpt(text, 40, "vil") == "Sidene vil også samarbeide om kjernekraft."
    assert excerpts.cue_excerpt(text, None, "kjernekraft") == "Sidene vil også samarbeide om kjernekraft."
    assert excerpts.cue_excerpt(text, None, None) == "Sidene vil samarbeide om energi."


def test_folding_keeps_length_and_makes_special_letters_plain() -> None:
    text = "Liên bang Nga, Đông Nam Á, Sør-Korea, Łódź, Straße AND"
    assert fold(text) == "Lien bang Nga, Dong Nam A, Sor-Korea, Lodz, Strase AND"
    assert plain_letters(text) == "Liên bang Nga, Dông Nam Á, Sor-Korea, Lódź, Strase AND"
    assert len(fold(text)) == len(plain_letters(text)) == len(text)
