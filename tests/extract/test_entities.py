"""Instrument names read from their shape, in every pack (sentences written for these tests)."""

import pytest

from accords import lang
from accords.extract.entities import entities_of
from accords.registry.entities import dashes


def names(code: str, text: str) -> list[str]:
    instruments, *_ = entities_of(lang.load(code), text, 0)
    return [i.name for i in instruments]


def ids(code: str, text: str) -> list[str | None]:
    instruments, *_ = entities_of(lang.load(code), text, 0)
    return [i.id for i in instruments]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "The ministers praised the joint statement and all agreements and treaties in force."),
        ("en", "Both sides will carry out the bilateral agreements."),
        ("nb", "Den nye avtalen gir retning for arbeidet."),
        ("de", "Gemeinsame Erklärung anlässlich des Besuchs des Präsidenten."),
        ("de", "In der Erklärung sprachen sich beide Seiten für mehr Handel aus."),
        ("de", "Die Agentur veröffentlicht den Text der gemeinsamen Erklärung."),
        ("fr", "Ladite Déclaration ouvre une nouvelle étape."),
        ("es", "La declaración conjunta fue leída ante la prensa."),
        ("ru", "Совместное заявление было опубликовано вечером."),
        ("vi", "Hai bên ra tuyên bố chung sau hội đàm."),
        ("vi", "Ông Biden tuyên bố Washington sẵn sàng hợp tác."),
    ],
)
def test_a_head_with_only_articles_and_modifiers_names_nothing(code: str, text: str) -> None:
    assert names(code, text) == []


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("en", "They signed a memorandum of understanding on cooperation in higher education.",
         "memorandum of understanding on cooperation in higher education"),
        ("nb", "Partene fornyet avtalen om forsvarssamarbeid i fjor.", "avtalen om forsvarssamarbeid i fjor"),
        ("de", "Sie schlossen ein Abkommen über die Zusammenarbeit im Gesundheitswesen.",
         "Abkommen über die Zusammenarbeit im Gesundheitswesen"),
        ("fr", "Ils ont signé un mémorandum d'entente sur l'enseignement supérieur.",
         "mémorandum d'entente sur l'enseignement supérieur"),
        ("es", "Firmaron un memorando de entendimiento sobre educación superior.",
         "memorando de entendimiento sobre educación superior"),
        ("ru", "Стороны подписали соглашение о сотрудничестве в области высшего образования.",
         "соглашение о сотрудничестве в области высшего образования"),
        ("ru", "Подписаны соглашения в таможенной сфере, а также протоколы.", "соглашения в таможенной сфере"),
        ("vi", "Hai bên ký bản ghi nhớ về giáo dục đại học.", "bản ghi nhớ về giáo dục đại học"),
    ],
)
def test_an_agreement_named_by_its_subject(code: str, text: str, name: str) -> None:
    assert names(code, text) == [name]


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("en", "The sides adopted the Action Programme 2026–2030.", "Action Programme 2026–2030"),
        ("de", "Beide Seiten billigten den Aktionsplan 2025–2028.", "Aktionsplan 2025–2028"),
        ("fr", "Les deux pays ont adopté le plan d'action 2025-2028.", "plan d'action 2025-2028"),
        ("es", "Aprobaron el programa de acción 2025-2028.", "programa de acción 2025-2028"),
        ("nb", "De vedtok handlingsprogrammet 2025–2028.", "handlingsprogrammet 2025–2028"),
        ("ru", "Стороны выполнят программу развития торговли до 2030 года.", "программу развития торговли до 2030 года"),
        ("vi", "Hai bên thông qua Chương trình hành động giai đoạn 2026-2030.", "Chương trình hành động giai đoạn 2026-2030"),
    ],
)
def test_a_plan_is_named_by_its_period(code: str, text: str, name: str) -> None:
    assert names(code, text) == [name]


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("en", "They recalled the Treaty of Korsvik.", "Treaty of Korsvik"),
        ("en", "The Harbour Access agreement will enter into force.", "Harbour Access agreement"),
        ("ru", "Стороны вспомнили Корсвикский договор.", "Корсвикский договор"),
        ("de", "Beide würdigten das Kensington-Abkommen.", "Kensington-Abkommen"),
        ("nb", "Begge roste Bergen-erklæringen.", "Bergen-erklæringen"),
        ("vi", "Hai bên thúc đẩy Hiệp định Hợp tác Văn hóa.", "Hiệp định Hợp tác Văn hóa"),
    ],
)
def test_a_name_in_capitals_in_any_script(code: str, text: str, name: str) -> None:
    assert names(code, text) == [name]


def test_a_name_in_capitals_ends_at_its_head_and_a_date_is_no_complement() -> None:
    assert names("en", "They signed the Harbour Pilot Agreement to further support shipping.") == ["Harbour Pilot Agreement"]
    assert names("en", "They signed the Harbour Pilot Agreement on 15 January 2017.") == ["Harbour Pilot Agreement"]


def test_a_name_ends_where_something_is_said_of_it() -> None:
    assert names("en", "The agreement on fisheries will enter into force soon.") == ["agreement on fisheries"]
    assert names("de", "Der Vertrag über die Fischerei wird bald gelten.") == ["Vertrag über die Fischerei"]


def test_the_parties_give_way_to_the_subject_and_cooperation_alone_names_nothing() -> None:
    text = "They issued a joint declaration between Prime Minister Aster and Chancellor Bode on deepening relations."
    assert names("en", text) == ["joint declaration on deepening relations"]
    assert names("en", "They reviewed the programme of cooperation between Ruritania and Freedonia.") == []
    assert names("ru", "Компания подписала меморандум о сотрудничестве с городом.") == []


def test_an_acronym_of_the_head_is_no_name_and_plurals_name_nothing_by_a_complement() -> None:
    assert names("en", "They signed a Memorandum of Understanding (MOU) yesterday.") == []
    assert names("en", "They will negotiate agreements on trade and investment.") == []
    assert names("nb", "De vil forhandle samarbeidsavtaler innen sikkerhet.") == []
    assert names("es", "Los acuerdos de la visita fueron firmados.") == []


def test_a_title_in_quotes_after_the_head() -> None:
    assert names("fr", "Ils ont adopté la Déclaration « Pour un partenariat renouvelé ».") == [
        "Déclaration « Pour un partenariat renouvelé »"
    ]


def test_registry_names_with_a_dash_of_any_kind() -> None:
    assert dashes("EU-Mercosur Agreement")[:2] == ["EU-Mercosur Agreement", "EU–Mercosur Agreement"]
    assert ids("en", "Both welcomed the EU–Mercosur Agreement.") == ["EU-Mercosur Agreement"]


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("nb", "Landene fornyet fiskerisamarbeidsavtalen.", "fiskerisamarbeidsavtalen"),
        ("de", "Beide Staaten unterzeichneten ein Migrationsabkommen.", "Migrationsabkommen"),
    ],
)
def test_an_agreement_named_by_its_subject_in_one_word(code: str, text: str, name: str) -> None:
    assert names(code, text) == [name]


def test_a_compound_of_a_generic_kind_names_nothing() -> None:
    assert names("nb", "Samarbeidsavtalen og rammeavtalen ble signert.") == []
    assert names("de", "Ein Rahmenabkommen wurde besprochen.") == []


def test_each_complement_of_a_list_is_an_instrument() -> None:
    assert names("en", "They signed the agreement on customs, on fisheries and on tourism.") == [
        "agreement on customs", "agreement on fisheries", "agreement on tourism"]
    assert names("ru", "Подписаны, в том числе, соглашения в таможенной сфере, в области рыболовства.") == [
        "соглашения в таможенной сфере", "соглашения в области рыболовства"]


def test_a_purpose_after_a_comma_is_no_item_of_a_list() -> None:
    text = "De vedtok hovedplanen for utvikling av fiske, for å styrke handelen."
    assert names("nb", text) == ["hovedplanen for utvikling av fiske"]


def test_a_title_in_quotes_after_the_link_and_two_compounds_joined() -> None:
    assert names("nb", "De hilste kjøps- og salgsavtalen for «NORDLYS AIR» velkommen.") == ["kjøps- og salgsavtalen for «NORDLYS AIR»"]


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("en", "They will sign the agreement on fisheries in the coming months.", "agreement on fisheries"),
        ("nb", "De skal signere avtalen om fiskeri i den kommende tiden.", "avtalen om fiskeri"),
        ("ru", "Будет подписано соглашение о рыболовстве в ближайшее время.", "соглашение о рыболовстве"),
    ],
)
def test_a_name_ends_before_a_time_to_come(code: str, text: str, name: str) -> None:
    assert names(code, text) == [name]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "Both leaders honoured the Treaty of Aachen."),
        ("de", "Beide erinnerten an den Aachener Vertrag."),
        ("fr", "Ils ont salué le Traité d'Aix-la-Chapelle."),
        ("es", "Recordaron el Tratado de Aquisgrán."),
        ("ru", "Стороны напомнили об Ахенском договоре и Ахенского договора."),
        ("nb", "De minnet om Aachen-traktaten."),
        ("vi", "Hai bên nhắc lại Hiệp ước Aachen."),
    ],
)
def test_a_treaty_named_by_its_place_in_every_language(code: str, text: str) -> None:
    assert "Treaty of Aachen" in ids(code, text)


def test_registry_trade_agreements_and_bare_schengen() -> None:
    assert ids("fr", "Ils ont réaffirmé leur engagement envers l'Accord économique et commercial global.") == ["CETA"]
    assert ids("nb", "Landene samarbeider gjennom EØS og Schengen.") == ["EEA Agreement", "Schengen Agreement"]
    assert ids("en", "Both praised the JAEPA and the Agenda 2063.") == ["JAEPA", "Agenda 2063"]


def test_organisations_in_other_forms_and_inside_an_instrument() -> None:
    def orgs(code: str, text: str) -> list[str | None]:
        _, found, *_ = entities_of(lang.load(code), text, 0)
        return [o.id for o in found]

    assert orgs("en", "As Commonwealth nations, they share values.") == ["Commonwealth"]
    assert orgs("fr", "Ils coopèrent au sein des instances onusiennes.") == ["UN"]
    assert orgs("nb", "De er begge medlemmer av Frankofonien.") == ["OIF"]
    assert orgs("nb", "De feiret frihandelsavtalen mellom Vietnam og Den eurasiske økonomiske union.") == ["EAEU"]


def test_registry_agreements_of_many_pairs_and_regions() -> None:
    assert ids("en", "They will deepen cooperation under the Status of Forces Agreement.") == ["SOFA"]
    assert ids("es", "Celebraron la entrada en vigor del Acuerdo de Escazú.") == ["Escazú Agreement"]
    assert ids("de", "Beide erinnerten an den Élysée-Vertrag.") == ["Élysée Treaty"]
    assert names("de", "Beide würdigten den Freundschaftsvertrag.") == ["Freundschaftsvertrag"]


def test_regional_organisations_of_africa_and_the_americas() -> None:
    _, found, *_ = entities_of(lang.load("fr"), "Les Comores et Maurice sont membres de la Commission de l'océan Indien.", 0)
    assert [o.id for o in found] == ["Indian Ocean Commission"]
    _, found, *_ = entities_of(lang.load("es"), "Guatemala participa en el Sistema de la Integración Centroamericana.", 0)
    assert [o.id for o in found] == ["SICA"]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "They issued a joint statement between Ruritania and Freedonia, charting a path.", []),
        ("en", "They issued a joint statement between Ruritania and Freedonia on fisheries.", ["joint statement on fisheries"]),
        ("fr", "Ils ont publié la Déclaration conjointe entre la Ruritanie et la Freedonie sur la pêche.",
         ["Déclaration conjointe sur la pêche"]),
        ("ru", "Стороны приняли совместное заявление между Руританией и Фридонией.", []),
    ],
)
def test_a_joint_statement_between_the_parties_alone_is_no_named_instrument(code: str, text: str, expected: list[str]) -> None:
    assert names(code, text) == expected


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("ru", "Стороны утвердили Программу стратегического сотрудничества до 2030 года.",
         "Программу стратегического сотрудничества до 2030 года"),
        ("en", "They adopted a Programme for Strategic Cooperation until 2030.", "Programme for Strategic Cooperation until 2030"),
        ("de", "Sie verabschiedeten ein Programm zur Förderung des Handels bis 2030.", "Programm zur Förderung des Handels bis 2030"),
    ],
)
def test_a_plan_named_up_to_its_period(code: str, text: str, name: str) -> None:
    assert names(code, text) == [name]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "They signed a Memorandum of Cooperation (MoC) on disaster management.", ["Memorandum of Cooperation on disaster management"]),
        ("en", "They signed a Memorandum of Cooperation.", []),
        ("fr", "Ils ont signé un accord de coopération dans le domaine de la santé.", ["accord de coopération dans le domaine de la santé"]),
        ("fr", "Un accord de coopération a été signé.", []),
        ("es", "Firmaron un convenio de cooperación en materia de salud.", ["convenio de cooperación en materia de salud"]),
        ("ru", "Подписано соглашение о сотрудничестве.", []),
    ],
)
def test_a_cooperation_agreement_is_named_by_its_field(code: str, text: str, expected: list[str]) -> None:
    assert names(code, text) == expected


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("fr", "Ils ont salué l'accord Ruritanie-Freedonie sur le commerce.", "accord Ruritanie-Freedonie"),
        ("es", "Celebraron el acuerdo Ruritania-Freedonia.", "acuerdo Ruritania-Freedonia"),
        ("de", "Das Abkommen Ruritanien-Freedonien wurde gelobt.", "Abkommen Ruritanien-Freedonien"),
    ],
)
def test_a_pair_of_names_after_the_head(code: str, text: str, name: str) -> None:
    assert names(code, text) == [name]


def test_a_vietnamese_programme_named_by_what_it_implements() -> None:
    text = "Hai bên nhất trí thực hiện Chương trình hành động triển khai quan hệ Đối tác chiến lược toàn diện."
    assert names("vi", text) == ["Chương trình hành động triển khai quan hệ Đối tác chiến lược toàn diện"]
    assert names("vi", "Hai bên sẽ thực hiện hiệp định này.") == []
