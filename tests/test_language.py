"""Paragraph languages from the packs' common words and letters, on sentences written for these tests."""

from __future__ import annotations

import pytest

from accords import language
from accords.segment import Paragraph, detect_languages

SENTENCES = {
    "en": "The two ministers agreed that the new programme will be reviewed by both sides every year.",
    "nb": "De to ministrene ble enige om at det nye programmet skal gjennomgås av begge parter hvert år.",
    "de": "Die beiden Minister vereinbarten, dass das neue Programm jedes Jahr von beiden Seiten geprüft wird.",
    "vi": "Hai bộ trưởng nhất trí rằng chương trình mới sẽ được hai bên xem xét lại hằng năm.",
    "fr": "Les deux ministres sont convenus que le nouveau programme sera examiné chaque année par les parties.",
    "es": "Los dos ministros acordaron que el nuevo programa será revisado cada año por ambas partes.",
    "ru": "Два министра договорились, что новая программа будет ежегодно рассматриваться обеими сторонами.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_each_language(code: str) -> None:
    assert language.detect(SENTENCES[code]) == code


def test_names_in_another_language_weigh_nothing() -> None:
    text = "Statsminister Phạm Minh Chính møtte president Luiz Inácio Lula da Silva i Brasília på mandag."
    assert language.detect(text) == "nb"
    assert language.detect("During the visit, the leaders met at the Palácio do Planalto in Brasília.") == "en"


def test_a_heading_in_capitals_is_read() -> None:
    assert language.detect("STYRKE DET POLITISKE SAMARBEIDET OG HANDELEN MELLOM LANDENE") == "nb"


def test_too_short_or_without_cues_is_unknown() -> None:
    assert language.detect("Joint Statement") is None
    assert language.detect("Xi Jinping, Olaf Scholz, Emmanuel Macron, Pedro Sánchez") is None


def test_a_long_paragraph_costs_its_opening_only() -> None:
    long = " ".join([SENTENCES["de"]] * 4 + [SENTENCES["fr"]] * 1000)
    assert language.detect(long) == "de"


def test_a_document_keeps_its_other_languages_and_unclear_paragraphs_inherit() -> None:
    texts = [SENTENCES["en"] * 3, SENTENCES["vi"], "Joint Statement", SENTENCES["en"]]
    paras = [Paragraph(0, len(t), t, "body") for t in texts]
    out, languages = detect_languages(paras)
    assert [p.language for p in out] == ["en", "vi", "en", "en"]
    assert languages == ["en", "vi"]
