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


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "Chile proposed that the two sides expand port links, study a shared fund and strengthen rail ties."),
        ("nb", "Chile foreslo at de to sidene skulle utvide havnesamarbeidet, vurdere et fond og styrke jernbanen."),
        ("fr", "Le Chili a proposé que les deux parties étudient un fonds commun et renforcent le rail."),
    ],
)
def test_support_verbs_listed_in_a_proposal_stay_inside_it(code: str, text: str) -> None:
    assert level(code, text) == "explore"


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("nb", "Lederne ble enige om å studere et fond for havner, fremme jernbanesamarbeid og utvide fergelinjer."),
        ("es", "Las partes acordaron estudiar un fondo portuario, fortalecer el ferrocarril y ampliar las rutas."),
    ],
)
def test_verbs_listed_after_a_look_cue_that_is_also_explore_stay_commitments(code: str, text: str) -> None:
    assert level(code, text) == "commit"


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "The Prime Minister invited the King to visit Oslo, and the King accepted the invitation.", "commit"),
        ("nb", "Kongen inviterte presidenten til Oslo, og presidenten aksepterte invitasjonen med glede.", "commit"),
        ("de", "Die Kanzlerin lud den König nach Bonn ein, dieser nahm die Einladung gern an.", "commit"),
        ("vi", "Thủ tướng mời Nhà vua thăm Hà Nội, Nhà vua vui vẻ nhận lời.", "commit"),
        ("fr", "Le roi a invité le président à Rabat ; celui-ci a accepté l'invitation avec plaisir.", "commit"),
        ("es", "El rey invitó al presidente a Madrid y este aceptó la invitación.", "commit"),
        ("ru", "Король пригласил президента в Осло, и тот принял приглашение.", "commit"),
        ("en", "The President wished Chile every success in hosting the forum.", "position"),
        ("nb", "Kongen ønsket Chile suksess med å arrangere forumet.", "position"),
        ("de", "Die Kanzlerin wünschte Chile viel Erfolg bei dem Forum.", "position"),
        ("vi", "Thủ tướng chúc Chile tổ chức thành công diễn đàn.", "position"),
        ("fr", "Le président a souhaité plein succès au Chili pour le forum.", "position"),
        ("es", "El rey deseó mucho éxito a Chile en el foro.", "position"),
        ("ru", "Президент пожелал Чили успехов в проведении форума.", "position"),
        ("ru", "Президенты договорились об открытии новых рейсов.", "commit"),
    ],
)
def test_accepting_an_invitation_and_wishing_success(code: str, text: str, expected: str) -> None:
    assert level(code, text) == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "The leaders stressed the need to explore new markets.", "position"),
        ("es", "Los presidentes subrayaron la necesidad de explorar nuevos mercados.", "position"),
        ("nb", "Statsministeren møter næringslivet for å diskutere grønn skipsfart.", "narrative"),
        ("vi", "Thủ tướng gặp doanh nghiệp nhằm tìm kiếm giải pháp cho vận tải biển.", "narrative"),
        # An agreement to look stays a look.
        ("nb", "De to sidene ble enige om å studere et felles fond.", "explore"),
        ("en", "The two sides agreed to explore a joint fund.", "explore"),
    ],
)
def test_a_look_that_is_a_purpose_or_object_is_not_the_parties_own(code: str, text: str, expected: str) -> None:
    assert level(code, text) == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "The two presidents reaffirmed their commitment to deepen relations and strengthen friendship.", "position"),
        ("es", "Los dos presidentes reafirmaron su compromiso con profundizar las relaciones y estrechar la amistad.", "position"),
        ("fr", "Les deux présidents ont réaffirmé leur engagement à approfondir les relations et à renforcer l'amitié.", "position"),
        ("nb", "De to presidentene bekreftet på nytt sin forpliktelse til å utdype forbindelsene og styrke vennskapet.", "position"),
        ("ru", "Президенты подтвердили приверженность углублению отношений и укреплению дружбы.", "position"),
        # An affirmation keeps what its that-clause says.
        ("en", "Viet Nam affirmed that it is ready to support the new fund.", "support"),
        ("nb", "Vietnam bekreftet at landet er villig til å støtte det nye fondet.", "support"),
    ],
)
def test_reaffirming_a_commitment_is_a_view(code: str, text: str, expected: str) -> None:
    assert level(code, text) == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("nb", "Den chilenske siden erklærte seg villig til å fremme samarbeid om fiske.", "support"),
        ("en", "The leaders recalled the first trade mission of 1990.", "position"),
        ("en", "The two leaders are delighted to mark ten years of the fisheries pact.", "position"),
        ("en", "The ministers observed that ferry traffic had doubled.", "position"),
        ("nb", "Presidenten mintes sitt første besøk i Santiago.", "position"),
        ("nb", "Chile tar klart avstand fra bruk av tvangsarbeid.", "position"),
        ("de", "Der Präsident räumte jedoch ein, dass die Verfahren zu langsam seien.", "position"),
        ("de", "Die Kanzlerin erinnerte an den ersten Handelsbesuch 1990.", "position"),
        ("fr", "Le président a rappelé la première mission commerciale de 1990.", "position"),
        ("es", "Los presidentes recordaron la primera misión comercial de 1990.", "position"),
        ("ru", "Страны высоко ценят совместную работу по охране рек.", "position"),
        ("vi", "Thủ tướng nhớ lại chuyến thăm đầu tiên tới Santiago.", "position"),
        ("fr", "Le président a présenté ses condoléances, promettant l'aide du Chili.", "commit"),
    ],
)
def test_views_and_promises_told_in_passing(code: str, text: str, expected: str) -> None:
    assert level(code, text) == expected


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "I would like to reaffirm the Chilean government's determination to build the bridge."),
        ("fr", "Je voudrais réaffirmer la détermination du Chili à construire le pont."),
        ("es", "Quisiera reafirmar la determinación de Chile de construir el puente."),
    ],
)
def test_a_courtesy_before_an_affirmed_determination_is_no_wish(code: str, text: str) -> None:
    assert level(code, text) == "commit"
