"""Each clause rule of extract.modality, on a sentence of its own, in the languages it claims."""

import pytest

from accords import lang
from accords.extract import modality


def level(code: str, text: str, numbered: bool = False) -> str:
    found = modality.cues(lang.load(code), text, 0, [(0, len(text))])
    return modality.strongest(found, numbered_statement=numbered)[0]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "The two sides agreed to open a consulate in Da Nang.", "commit"),
        ("en", "Both sides will hold annual consultations.", "commit"),
        ("en", "The leaders support closer cooperation between their universities.", "support"),
        ("en", "The two sides reaffirmed their commitment to international law.", "position"),
            ("en", "The two sides reaffirmed the importance of international law.", "position"),
        ("en", "The President paid a courtesy call on the Speaker of Parliament.", "narrative"),
        ("nb", "De to sidene ble enige om å åpne et konsulat.", "commit"),
        ("nb", "De to sidene bekreftet på nytt sin forpliktelse til folkeretten.", "position"),
        ("de", "Beide Seiten vereinbarten, die Zusammenarbeit auszubauen.", "commit"),
        ("vi", "Hai bên nhất trí mở tổng lãnh sự quán.", "commit"),
    ],
)
def test_cue_levels(code: str, text: str, expected: str) -> None:
    assert level(code, text) == expected


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "The two sides agreed to study the possibility of a free trade agreement."),
        ("nb", "De to sidene ble enige om å studere muligheten for et frihandelsavtale."),
        ("de", "Beide Seiten vereinbarten, die Möglichkeit eines Abkommens zu prüfen."),
    ],
)
def test_look_only_empties_an_agreement(code: str, text: str) -> None:
    assert level(code, text) == "explore"


def test_verbs_listed_after_a_look_stay_commitments() -> None:
    text = "The two sides agreed to study a defence agreement, promote joint training and expand exchanges."
    assert level("en", text) == "commit"


def test_a_wish_to_act_is_explore() -> None:
    assert level("en", "The Korean side expressed the wish to promote investment in ports.") == "explore"
    assert level("nb", "De to sidene uttrykte ønske om å fremme handelen og styrke samarbeidet.") == "explore"


def test_a_purpose_is_not_an_action() -> None:
    assert level("en", "The leaders welcomed the efforts made in order to strengthen trade.") == "position"
    assert level("nb", "Lederne satte stor pris på innsatsen for å styrke handelen.") == "position"


def test_a_belief_governs_its_that_clause() -> None:
    assert level("en", "The leaders believed that the two countries will become close partners.") == "position"


def test_an_affirmation_keeps_the_undertaking() -> None:
    assert level("en", "Viet Nam affirmed that it will continue to simplify procedures.") == "commit"


def test_agreed_that_with_a_judgement_is_a_position() -> None:
    assert level("en", "The two sides agreed that the visit was a great success.") == "position"


def test_a_passive_describes() -> None:
    assert level("en", "The President was welcomed at the airport by the Foreign Minister.") == "narrative"


def test_negation_cancels_a_cue() -> None:
    assert level("en", "The parties did not agree to the proposal.") != "commit"


def test_a_numbered_item_without_cue_is_the_parties_view() -> None:
    assert level("en", "3. Relations between the two countries have grown steadily.", numbered=True) == "position"
