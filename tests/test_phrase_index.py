"""The index of phrase beginnings finds what a scan of the whole text finds, for every list of
every pack; and the caches of one document are emptied when the next begins."""

from __future__ import annotations

import pytest

from accords import lang
from accords.document_cache import new_document, per_document
from accords.lang import lowered, phrase_matches
from accords.registry import countries
from accords.registry.gazetteer import Gazetteer

#: Sentences of our own, long enough to be indexed, one per language.
TEXTS = {
    "en": ("The two sides agreed to upgrade their relations to a comprehensive strategic partnership and "
           "decided to explore cooperation in energy, agreeing to raise trade to USD 20 billion by 2030. "
           "The leaders welcomed the signing of the Agreement on Social Security and the joint committee."),
    "nb": ("Partene ble enige om å styrke samarbeidet innen energi og handel, og statsministeren ønsket "
           "avtalen om sosial trygd velkommen. De to sidene vil vurdere et strategisk partnerskap innen 2030."),
    "de": ("Beide Seiten vereinbarten, die strategische Partnerschaft zu vertiefen, und begrüßten das "
           "Abkommen über soziale Sicherheit. Der Handel soll bis 2030 auf 20 Milliarden Euro steigen."),
    "vi": ("Hai bên nhất trí nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện, thúc đẩy hợp tác năng lượng "
           "và thương mại, phấn đấu đưa kim ngạch thương mại song phương lên 20 tỷ USD vào năm 2030."),
    "fr": ("Les deux parties ont convenu de renforcer le partenariat stratégique et ont salué l'accord sur "
           "la sécurité sociale; elles s’engagent à porter les échanges à 20 milliards d'euros d'ici 2030."),
    "es": ("Ambas partes acordaron profundizar la asociación estratégica integral y celebraron el acuerdo "
           "sobre seguridad social, con el objetivo de alcanzar un comercio de 20 mil millones en 2030."),
    "ru": ("Стороны договорились укреплять всеобъемлющее стратегическое партнерство и приветствовали "
           "подписание соглашения о социальном обеспечении; товарооборот планируется довести до 20 млрд."),
}


def _lists(pack: lang.Pack) -> list[tuple[str, str]]:
    return [(section, key) for section, table in pack.data.items() if isinstance(table, dict)
            for key, value in table.items() if isinstance(value, list) and section not in ("dates", "debris")]


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_index_finds_what_a_whole_scan_finds(code: str) -> None:
    countries()  # the registry fills the packs' {country} slots
    text = TEXTS[code] + " " + TEXTS["en"]
    lower = lowered(text)
    assert lower is not None and len(lower) >= lang.INDEXED_CHARS
    pack = lang.load(code)
    found = 0
    for section, key in _lists(pack):
        whole = [m.span() for m in pack.phrase_regex(section, key, folded=True).finditer(lower)]
        assert [m.span() for m in phrase_matches(pack, section, (key,), text)] == whole, (section, key)
        found += len(whole)
    assert found > 5  # the sentences hold cues of the pack, so the comparison says something
    keys = tuple(k for k in pack.keys("domains") if isinstance(pack.get("domains", k), list))[:12]
    keyed = pack.keyed_regex("domains", keys, folded=True)
    assert [(m.span(), m.lastgroup) for m in phrase_matches(pack, "domains", keys, text)] == [
        (m.span(), m.lastgroup) for m in keyed.finditer(lower)
    ]


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_one_trie_for_several_lists_answers_as_the_lists_in_turn(code: str) -> None:
    """`holds_any` (one trie of every phrase of the lists) says a list's phrase stands in a text
    exactly where the keyed pattern (the lists tried one after another) finds one."""
    countries()
    pack = lang.load(code)
    keys = tuple(k for k in pack.keys("domains") if isinstance(pack.get("domains", k), list))
    held = 0
    for text in [*TEXTS.values(), *(sentence + "." for sentence in TEXTS[code].split(". "))]:
        lower = lowered(text)
        for chosen in (keys, keys[:1], keys[1::2]):
            expected = pack.keyed_regex("domains", chosen, folded=True).search(lower or "") is not None
            assert lang.holds_any(pack, "domains", chosen, text) is expected, (text, chosen)
            held += expected
    assert held and not all(lang.holds_any(pack, "domains", keys[:1], t) for t in TEXTS.values())


def test_a_word_beginning_is_no_stem() -> None:
    """A phrase of whole words ("agree to") is not looked for inside a longer word ("agreed")."""
    pack = lang.load("en")
    text = "They agreed; the agreement was agreeable to both, and they agree to go on. " * 3
    assert [m.group(0) for m in phrase_matches(pack, "modality", ("commit",), text)] == [
        m.group(0) for m in pack.phrase_regex("modality", "commit", folded=True).finditer(lowered(text) or "")
    ]


def test_acronyms_after_a_small_letter_or_alone() -> None:
    """Acronyms are found at a word start or glued after a small letter, never inside a capitalised word."""
    gazetteer = Gazetteer((), [("ASEAN", "asean"), ("EU", "eu")])
    hits = [(h.surface, h.start) for h in gazetteer.finditer("ASEAN and the EU; statsministerenEU, not NEUTRAL EUROPE.")]
    assert hits == [("ASEAN", 0), ("EU", 14), ("EU", 33)]


def test_caches_last_one_document() -> None:
    calls: list[str] = []

    @per_document
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("a") == shout("a") == "A"
    assert calls == ["a"]
    new_document()
    shout("a")
    assert calls == ["a", "a"]


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_amounts_in_lower_case_are_those_of_a_case_blind_scan(code: str) -> None:
    """The amount pattern run over the lower-cased text finds, span for span and group for
    group, what the case-insensitive pattern finds in the text as written."""
    from accords.extract.targets import _amount_exact_re, _amount_re

    pack = lang.load(code)
    text = (TEXTS[code] + " USD 3 Billion, EUR 40 MILLION, Ten Thousand Students, 25 Prozent. ").upper() + TEXTS[code]
    exact, lower = _amount_exact_re(pack), lang.lower_exactly(text)
    assert exact is not None and lower is not None
    expected = [(m.span(), m.groupdict()) for m in _amount_re(pack).finditer(text)]
    assert expected  # the text holds amounts, so the comparison says something
    assert [(m.span(), {k: v and text[m.start(k) : m.end(k)] for k, v in m.groupdict().items()})
            for m in exact.finditer(lower)] == expected


def test_letters_of_odd_case_keep_the_case_blind_scan() -> None:
    """A text with a letter that case-insensitive matching takes for another ("ſ" for "s") or
    whose lower case is longer ("İ") is not matched in lower case; a pattern with a capital
    or flags of its own is never."""
    assert lang.lower_exactly("Straße und Maß") == "straße und maß"
    assert lang.lower_exactly("Caſe") is None and lang.lower_exactly("İstanbul") is None
    assert lang.case_free(r"(?P<num>\d+)\W(?:bn|mrd)") and not lang.case_free("(?-i:[A-Z]+)")
    assert not lang.case_free("USD")


def test_apostrophes_made_plain_as_the_table_makes_them() -> None:
    text = "visite d’État, l‘accord, Hawaiʼi, `quoted' and plain – ÆØÅ ăđ"
    assert lang.plain_apostrophes(text) == text.translate(lang.APOSTROPHES) == (
        "visite d'État, l'accord, Hawai'i, 'quoted' and plain – ÆØÅ ăđ")
