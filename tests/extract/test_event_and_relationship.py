import pytest

from accords.pipeline import process_text

UPGRADE = (
    "At the invitation of President Kassym-Jomart Tokayev, President Lula da Silva paid a state visit to "
    "Kazakhstan from 3 to 5 June 2025.\n"
    "The two presidents decided to elevate relations to a Strategic Partnership.\n"
    "They noted that 2027 will mark the 35th anniversary of the establishment of diplomatic relations in 2027.\n"
)

DATED = (
    "Prime Minister Pham Minh Chinh paid an official visit to Japan from 1 to 3 March 2025.\n"
    "The two sides reviewed the Comprehensive Strategic Partnership, upgraded in 2023, and agreed to deepen it.\n"
)


def test_invitation_names_the_host_and_the_visitor_is_the_guest() -> None:
    event = process_text(UPGRADE, "u.txt").event
    assert (event.kind, event.guest and event.guest.country, event.host and event.host.country) == (
        "state_visit", "BR", "KZ")
    assert event.host and event.host.name == "Kassym-Jomart Tokayev"
    assert (event.start, event.end) == ("2025-06-03", "2025-06-05")


def test_an_upgrade_by_this_event_and_an_anniversary_worked_back() -> None:
    relationship = process_text(UPGRADE, "u.txt").relationship
    assert relationship.level == "strategic_partnership"
    assert relationship.upgraded and relationship.since == "2025"
    assert relationship.diplomatic_relations_since == "1992"


def test_a_dated_upgrade_is_not_this_event() -> None:
    record = process_text(DATED, "d.txt")
    assert record.event.host and record.event.host.country == "JP"
    assert record.relationship.level == "comprehensive_strategic_partnership"
    assert not record.relationship.upgraded and record.relationship.since == "2023"


def level_of(text: str) -> str:
    return process_text(text, "l.txt").relationship.level


def test_of_two_overlapping_level_names_the_higher_is_named() -> None:
    assert level_of(
        "Hai bên nhất trí tiếp tục nâng tầm quan hệ Đối tác hợp tác Chiến lược Toàn diện giữa hai nước.\n"
        ) == "comprehensive_strategic_partnership"
    assert level_of(
        "The two leaders agreed to build a strategic partnership for the 21st century between their countries.\n"
        ) == "strategic_partnership"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Die beiden Präsidenten wollen die strategische kooperative Partnerschaft weiter vertiefen.\n",
         "strategic_partnership"),
        ("Hai nhà lãnh đạo khẳng định quan hệ láng giềng và hợp tác chiến lược toàn diện giữa hai nước.\n",
         "comprehensive_strategic_partnership"),
        ("The two presidents praised the fraternal ties between Ghana and Togo.\n", "traditional_friendship"),
        ("Les deux chefs d'État ont salué les liens fraternels entre le Sénégal et la Gambie.\n",
         "traditional_friendship"),
        ("Los presidentes celebraron los lazos fraternales entre Bolivia y Paraguay.\n", "traditional_friendship"),
        ("Президенты отметили братские отношения между Арменией и Беларусью.\n", "traditional_friendship"),
        ("Президенты подписали Декларацию о союзнических отношениях между двумя государствами.\n", "partnership"),
    ],
)
def test_named_relations_map_to_the_nearest_level(text: str, level: str) -> None:
    assert level_of(text) == level


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed on a roadmap to elevate relations to a strategic partnership at an appropriate time.\n",
        ("Ambas partes acordaron una hoja de ruta para elevar las relaciones a una asociación estratégica en el "
         "momento oportuno.\n"),
        ("Les deux parties ont convenu d'une feuille de route pour porter les relations à un partenariat "
         "stratégique au moment opportun.\n"),
        "Beide Seiten wollen die Beziehungen auf eine strategische Partnerschaft zu gegebener Zeit heben.\n",
        "Стороны договорились вывести отношения на уровень стратегического партнерства в надлежащее время.\n",
        "Hai bên nhất trí nâng cấp quan hệ lên Đối tác chiến lược vào thời điểm phù hợp.\n",
        "Partene ble enige om å løfte forholdet til et strategisk partnerskap på et passende tidspunkt.\n",
    ],
)
def test_a_level_for_a_time_to_come_is_not_in_force(text: str) -> None:
    assert level_of(text) == "none"


def test_a_french_raise_to_the_partnership_with_au_is_this_event_s() -> None:
    relationship = process_text(
        "Le président Emmanuel Macron a reçu le président Ferdinand Marcos à Paris le 3 mai 2025.\n"
        "Les deux présidents ont annoncé l'élévation des relations au partenariat stratégique global.\n",
        "f.txt").relationship
    assert relationship.level == "comprehensive_strategic_partnership"
    assert relationship.upgraded and relationship.since == "2025"


@pytest.mark.parametrize(
    "text",
    [
        ("President Ana Ruiz paid a state visit to Ruritania on 3 May 2005.\n"
         "The two sides noted that in the 32 years since the establishment of diplomatic relations ties have grown.\n"),
        ("La presidenta Ana Ruiz realizó una visita de Estado a Ruritania el 3 de mayo de 2005.\n"
         "Las Partes señalan que en los 32 años transcurridos desde el establecimiento de relaciones diplomáticas "
         "los lazos han crecido.\n"),
        ("La présidente Ana Ruiz a effectué une visite d'État en Ruritanie le 3 mai 2005.\n"
         "Les deux parties ont noté qu'en 32 ans depuis l'établissement des relations diplomatiques les liens "
         "se sont renforcés.\n"),
        ("Präsidentin Ana Ruiz war am 3. Mai 2005 zu einem Staatsbesuch in Ruritanien.\n"
         "Beide Seiten stellten fest, dass sich in den 32 Jahren seit der Aufnahme diplomatischer Beziehungen "
         "die Bande vertieft haben.\n"),
        ("Президент Ана Руис 3 мая 2005 года совершила государственный визит в Руританию.\n"
         "Стороны отметили, что за 32 года с момента установления дипломатических отношений связи окрепли.\n"),
        ("President Ana Ruiz var på statsbesøk i Ruritania 3. mai 2005.\n"
         "Partene merket seg at i de 32 årene siden etableringen av diplomatiske forbindelser har båndene vokst.\n"),
        ("Tổng thống Ana Ruiz thăm cấp nhà nước Ruritania ngày 3/5/2005.\n"
         "Hai bên ghi nhận rằng trong 32 năm kể từ khi thiết lập quan hệ ngoại giao, quan hệ đã phát triển.\n"),
    ],
)
def test_years_counted_since_relations_began_date_them(text: str) -> None:
    assert process_text(text, "y.txt").relationship.diplomatic_relations_since == "1973"


def test_an_upgrade_in_an_undated_report_is_of_the_year_it_came_out() -> None:
    relationship = process_text(
        " date 2024-12 Statsminister Jonas Gahr Støre og Storbritannias statsminister Keir Starmer "
        "undertegnet en avtale.\n\nLandene hever forholdet til et strategisk partnerskap.\n", "p.txt").relationship
    assert relationship.level == "strategic_partnership"
    assert relationship.upgraded and relationship.since == "2024"


@pytest.mark.parametrize(
    "text",
    [
        ("President Ana Ruiz paid a state visit to Ruritania on 3 May 2025.\n"
         "The two presidents raised bilateral relations to a strategic partnership.\n"),
        ("Tổng thống Ana Ruiz thăm cấp nhà nước Ruritania ngày 3/5/2025.\n"
         "Hai bên nâng quan hệ song phương lên Đối tác chiến lược.\n"),
        ("President Ana Ruiz var på statsbesøk i Ruritania 3. mai 2025.\n"
         "Landene hever forholdet til et strategisk partnerskap.\n"),
    ],
)
def test_a_raise_whose_cue_holds_the_to_is_this_event_s(text: str) -> None:
    relationship = process_text(text, "r.txt").relationship
    assert relationship.level == "strategic_partnership"
    assert relationship.upgraded and relationship.since == "2025"
