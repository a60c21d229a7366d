import pytest

from accords import lang
from accords.extract.domains import domains_of


def _domains(code: str, text: str, section: str | None = None) -> list[str]:
    domains, _ = domains_of(lang.load(code), text, 0, section)
    return domains


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The two presidents praised the close relationship between their nations."),
    ("nb", "Statsministrene framhevet det nære forholdet og den gjensidige tilliten."),
    ("de", "Die Präsidenten würdigten die engen Beziehungen und das gewachsene Vertrauen."),
    ("fr", "Les deux présidents ont salué l'excellence des relations entre leurs pays."),
    ("es", "Los presidentes destacaron la solidez de la relación entre sus naciones."),
    ("ru", "Президенты высоко оценили уровень отношений между странами."),
    ("vi", "Hai nhà lãnh đạo đánh giá cao mối quan hệ tốt đẹp giữa hai nước."),
])
def test_a_provision_about_the_relationship_itself_is_politics(code: str, text: str) -> None:
    assert _domains(code, text) == ["politics"]


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "The bilateral relations grew, with trade rising fast.", ["trade"]),
    ("nb", "Det bilaterale forholdet er godt, og handelen vokser.", ["trade"]),
    ("de", "Die bilateralen Beziehungen sind gut, und der Handel wächst.", ["trade"]),
    ("fr", "Les relations bilatérales sont bonnes et le commerce progresse.", ["trade"]),
    ("es", "Las relaciones bilaterales son buenas y el comercio crece.", ["trade"]),
    ("ru", "Двусторонние отношения развиваются, растет торговля.", ["trade"]),
    ("vi", "Quan hệ song phương phát triển tốt, thương mại tăng nhanh.", ["trade"]),
])
def test_the_relationship_named_beside_a_field_is_in_passing(code: str, text: str, expected: list[str]) -> None:
    assert _domains(code, text) == expected


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Their ties have grown in the political, economic and cultural fields."),
    ("en", "The two nations are bound by shared history, culture and language."),
    ("nb", "Landene har nære bånd innen politikk, økonomi og kultur."),
    ("nb", "Landene deler historie, kultur og verdier."),
    ("de", "Die Zusammenarbeit in Politik, Wirtschaft und Kultur ist eng."),
    ("fr", "Ce lien reflète la richesse historique et culturelle de la relation."),
    ("es", "Los vínculos abarcan lo político, lo económico y lo cultural."),
    ("ru", "Связи охватывают политическую, экономическую и культурную сферы."),
    ("vi", "Hai nước hợp tác trên các lĩnh vực chính trị, kinh tế, văn hóa."),
])
def test_a_list_that_surveys_the_relationship_names_no_field(code: str, text: str) -> None:
    assert _domains(code, text) == ["politics"]


def test_a_broad_word_qualifying_an_item_is_no_survey() -> None:
    text = "They will share experience in economic management, economic reform and exports."
    assert _domains("en", text) == ["trade"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "They will step up cooperation in defence and security."),
    ("nb", "De vil styrke samarbeidet innen forsvar og sikkerhet."),
    ("de", "Sie werden die Zusammenarbeit bei Verteidigung und Sicherheit vertiefen."),
    ("fr", "Ils renforceront la coopération en matière de défense et de sécurité."),
    ("es", "Fortalecerán la cooperación en defensa y seguridad."),
    ("ru", "Стороны расширят сотрудничество в сфере обороны и безопасности."),
    ("vi", "Hai bên tăng cường hợp tác quốc phòng và an ninh."),
])
def test_a_bare_field_word_counts_in_a_list_of_fields(code: str, text: str) -> None:
    assert _domains(code, text) == ["defense", "security"]


def test_a_bare_field_word_alone_names_nothing() -> None:
    assert _domains("en", "They said peace and security are shared goals.") == []
    assert _domains("en", "Cooperation will cover infrastructure, trade and health.") == ["trade", "transport", "health"]


def test_a_heading_about_the_relationship_labels_only_provisions_without_a_field() -> None:
    heading = "Bilateral relations"
    assert _domains("en", "The sides will expand rice exports.", heading) == ["trade", "agriculture"]
    assert _domains("en", "The sides will meet often.", heading) == ["politics"]


def test_words_in_passing() -> None:
    assert _domains("en", "They will make their economies more innovative.") == []
    assert _domains("en", "They will strengthen the bonds between them.") == ["politics"]
    assert _domains("nb", "– Avtalen er viktig, sa hun til pressen.") == []


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The leaders called for lasting peace and security in West Africa."),
    ("nb", "Lederne vil arbeide for fred og sikkerhet i Europa."),
    ("de", "Beide Seiten setzen sich für Frieden und Sicherheit in Europa ein."),
    ("fr", "Les deux chefs d'Etat œuvrent pour la paix et la sécurité en Afrique centrale."),
    ("es", "Ambos líderes abogaron por la paz y la seguridad en la región andina."),
    ("ru", "Стороны выступают за укрепление мира и безопасности в Центральной Азии."),
    ("vi", "Hai bên cùng đóng góp vào hòa bình và an ninh ở châu Phi."),
])
def test_peace_and_security_in_a_region_is_international_security(code: str, text: str) -> None:
    assert _domains(code, text) == ["international_security"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "As allies in NATO, the two countries will coordinate closely."),
    ("nb", "De to landene er nære allierte i NATO."),
    ("de", "Beide Länder werden sich in der EU weiter abstimmen."),
    ("fr", "Les deux pays coopèrent étroitement au sein de l'OTAN."),
    ("es", "Ambos países coordinarán posiciones en la OTAN."),
    ("ru", "Стороны отметили роль НАТО в регионе."),
    ("vi", "Hai nước là đồng minh trong khối NATO."),
])
def test_nato_and_the_eu_are_multilateral(code: str, text: str) -> None:
    assert "multilateral" in _domains(code, text)


def test_mutual_trust_and_party_channels_are_politics_beside_a_field() -> None:
    assert _domains("en", "Built on mutual trust, the partnership will raise trade.") == ["politics", "trade"]
    assert _domains("vi", "Hai bên thắt chặt tình đoàn kết giữa hai Đảng và thúc đẩy thương mại.") == ["politics", "trade"]


def test_a_bilateral_commission_is_politics_only_without_a_field() -> None:
    assert _domains("fr", "Ils tiendront la première session de la commission mixte.") == ["politics"]
    text = "Ils renforceront le commerce dans le cadre de la commission mixte."
    assert _domains("fr", text) == ["trade"]


def test_a_heading_labels_only_provisions_that_name_no_field() -> None:
    heading = "INTERNATIONAL AND REGIONAL FORA"
    assert _domains("en", "The two sides will coordinate their positions.", heading) == ["multilateral"]
    assert _domains("en", "They upheld freedom of navigation in the East Sea.", heading) == ["maritime"]


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "They pledged to work together in the hydrocarbons sector.", ["energy"]),
    ("nb", "De vil samarbeide om hydrokarboner.", ["energy"]),
    ("de", "Sie wollen bei Kohlenwasserstoffen zusammenarbeiten.", ["energy"]),
    ("fr", "Ils coopéreront dans le secteur des hydrocarbures.", ["energy"]),
    ("es", "Cooperarán en el sector de los hidrocarburos.", ["energy"]),
    ("ru", "Стороны будут сотрудничать в добыче углеводородов.", ["energy"]),
    ("vi", "Hai bên hợp tác khai thác hydrocarbon.", ["energy"]),
    ("en", "A new climate partnership will be launched.", ["environment"]),
    ("fr", "Ils ont lancé un partenariat pour le climat.", ["environment"]),
    ("es", "Lanzaron una alianza por el clima.", ["environment"]),
    ("ru", "Стороны обсудили сохранение климата.", ["environment"]),
    ("en", "The leaders backed closer regional economic integration.", ["trade"]),
    ("de", "Sie unterstützen eine engere wirtschaftliche Integration.", ["trade"]),
    ("vi", "Hai bên ủng hộ hội nhập kinh tế khu vực.", ["trade"]),
])
def test_field_words(code: str, text: str, expected: list[str]) -> None:
    assert _domains(code, text) == expected


@pytest.mark.parametrize(("code", "alone", "in_a_field"), [
    ("en", "The sides will increase the exchange of delegations.",
     "The sides will increase the exchange of delegations between their armed forces."),
    ("fr", "Les deux parties renforceront les échanges de délégations.",
     "Les deux parties renforceront les échanges de délégations entre leurs armées."),
    ("vi", "Hai bên tăng cường trao đổi đoàn các cấp.",
     "Hai bên tăng cường trao đổi đoàn các cấp giữa quân đội hai nước."),
])
def test_delegation_exchanges_are_politics_only_outside_a_field(code: str, alone: str, in_a_field: str) -> None:
    assert _domains(code, alone) == ["politics"]
    assert _domains(code, in_a_field) == ["defense"]


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "France offered support after the recent typhoon.", ["environment"]),
    ("nb", "Norge ga støtte etter tyfonen.", ["environment"]),
    ("de", "Deutschland sagte nach dem Taifun Hilfe zu.", ["environment"]),
    ("fr", "La France a promis son soutien après le typhon.", ["environment"]),
    ("es", "España ofreció apoyo tras el tifón.", ["environment"]),
    ("ru", "Россия направит помощь после тайфуна.", ["environment"]),
    ("vi", "Pháp hỗ trợ khắc phục hậu quả cơn bão.", ["environment"]),
    ("en", "They called for indivisible security in the region.", ["international_security"]),
    ("nb", "De ønsker udelelig sikkerhet i regionen.", ["international_security"]),
    ("de", "Sie treten für unteilbare Sicherheit ein.", ["international_security"]),
    ("fr", "Ils plaident pour une sécurité indivisible.", ["international_security"]),
    ("es", "Abogan por una seguridad indivisible.", ["international_security"]),
    ("ru", "Стороны выступают за принцип неделимости безопасности.", ["international_security"]),
    ("vi", "Hai bên ủng hộ an ninh không thể chia cắt.", ["international_security"]),
])
def test_disasters_and_indivisible_security(code: str, text: str, expected: list[str]) -> None:
    assert _domains(code, text) == expected


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The leaders condemned attacks on migrants."),
    ("nb", "De drøftet migrasjon mellom landene."),
    ("de", "Sie sprachen über Migration."),
    ("fr", "Ils ont salué leur collaboration sur les migrations."),
    ("es", "Hablaron de la migración entre ambos países."),
    ("ru", "Стороны обсудили вопросы миграции."),
    ("vi", "Hai bên thảo luận vấn đề di cư."),
])
def test_migration_is_people(code: str, text: str) -> None:
    assert _domains(code, text) == ["people"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The sides will improve the legal framework of their cooperation."),
    ("nb", "Partene vil forbedre det juridiske rammeverket for samarbeidet."),
    ("de", "Beide Seiten wollen den Rechtsrahmen der Zusammenarbeit ausbauen."),
    ("fr", "Les parties mettront en place un cadre juridique de coopération."),
    ("es", "Las partes reforzarán el marco jurídico de su cooperación."),
    ("ru", "Стороны укрепят договорно-правовую базу сотрудничества."),
    ("vi", "Hai bên hoàn thiện khuôn khổ pháp lý cho hợp tác."),
])
def test_the_legal_framework_of_the_relationship_is_politics_not_justice(code: str, text: str) -> None:
    assert _domains(code, text) == ["politics"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "They will tackle global challenges such as climate change, epidemics, terrorism and food security."),
    ("nb", "De vil møte globale utfordringer som klimaendringer, epidemier, terrorisme og matsikkerhet."),
    ("de", "Sie begegnen Herausforderungen wie Klimawandel, Epidemien, Terrorismus und Ernährungssicherheit."),
    ("fr", "Ils feront face aux défis tels que le changement climatique, les épidémies, le terrorisme."),
    ("es", "Enfrentarán desafíos como el cambio climático, las epidemias y el terrorismo."),
    ("ru", "Стороны противостоят угрозам, включая изменение климата, эпидемии и терроризм."),
    ("vi", "Hai bên ứng phó các thách thức như biến đổi khí hậu, dịch bệnh và khủng bố."),
])
def test_a_list_of_challenges_names_threats_not_fields(code: str, text: str) -> None:
    assert _domains(code, text) == ["security"]


def test_a_single_challenge_is_the_point() -> None:
    assert _domains("en", "They addressed the urgent challenge of climate change.") == ["environment"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The leaders agreed to upgrade relations to a strategic partnership and to expand trade."),
    ("nb", "Lederne ble enige om å oppgradere forbindelsene til et strategisk partnerskap og øke handelen."),
    ("de", "Sie beschlossen, die Partnerschaft beider Länder aufzuwerten und den Handel zu steigern."),
    ("fr", "Ils ont décidé d'élever leurs relations au rang de partenariat stratégique et d'accroître le commerce."),
    ("es", "Acordaron elevar sus relaciones a una asociación estratégica y ampliar el comercio."),
    ("ru", "Стороны решили вывести отношения на уровень стратегического партнерства и нарастить торговлю."),
    ("vi", "Hai bên nhất trí nâng cấp quan hệ lên Đối tác chiến lược và thúc đẩy thương mại."),
])
def test_raising_the_relationship_is_politics_beside_a_field(code: str, text: str) -> None:
    assert _domains(code, text) == ["politics", "trade"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The sides will hold regular consultations on fisheries."),
    ("nb", "Partene vil holde regelmessige konsultasjoner om fiskeri."),
    ("de", "Beide Seiten vereinbarten regelmäßige Konsultationen zur Fischerei."),
    ("fr", "La prochaine session de la commission mixte portera sur la pêche."),
    ("es", "La próxima reunión de la comisión mixta tratará la pesca."),
    ("ru", "Стороны проведут заседание межправительственной комиссии и обсудят рыболовство."),
    ("vi", "Kỳ họp lần thứ 5 Ủy ban liên Chính phủ sẽ bàn về thủy sản."),
])
def test_consultations_and_a_commission_in_session_are_politics_beside_a_field(code: str, text: str) -> None:
    assert _domains(code, text) == ["politics", "agriculture"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The sides discussed human rights and democracy."),
    ("nb", "Partene drøftet menneskerettigheter og demokrati."),
    ("de", "Beide Seiten sprachen über Menschenrechte und Demokratie."),
    ("fr", "Les deux parties ont évoqué les droits de l'homme et la démocratie."),
    ("es", "Ambas partes abordaron los derechos humanos y la democracia."),
    ("ru", "Стороны обсудили права человека и развитие демократии."),
    ("vi", "Hai bên trao đổi về vấn đề nhân quyền."),
])
def test_human_rights_and_democracy_are_politics(code: str, text: str) -> None:
    assert _domains(code, text) == ["politics"]


def test_a_democratic_republic_is_no_point_on_democracy() -> None:
    assert _domains("vi", "Hai bên thúc đẩy thương mại với Cộng hòa Dân chủ Nhân dân Lào.") == ["trade"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "They praised the Intergovernmental Committee on Trade and Scientific Cooperation."),
    ("nb", "De roste den mellomstatlige komiteen for handel og vitenskapelig samarbeid."),
    ("de", "Sie würdigten die Regierungskommission für Handel und wissenschaftliche Zusammenarbeit."),
    ("fr", "Ils ont salué la commission mixte de coopération commerciale et scientifique."),
    ("es", "Elogiaron la comisión mixta de cooperación comercial y científica."),
    ("ru", "Стороны отметили работу Межправительственной комиссии по торговому и научному сотрудничеству."),
    ("vi", "Hai bên đánh giá cao Ủy ban liên Chính phủ về hợp tác thương mại và khoa học."),
])
def test_the_fields_in_a_bilateral_body_s_name_are_in_passing(code: str, text: str) -> None:
    assert _domains(code, text) == ["politics"]


def test_a_field_after_a_body_s_name_still_counts() -> None:
    text = "Through the Joint Committee on Trade, they will raise rice exports."
    assert _domains("en", text) == ["trade", "agriculture"]


@pytest.mark.parametrize(("code", "compound", "alone"), [
    ("nb", "De vil løse tvister i tråd med prinsippene i FN-pakten.", "De vil samarbeide tett i FN."),
    ("de", "Sie bekennen sich zu den Grundsätzen in der UN-Charta.", "Sie stimmen sich in der UN eng ab."),
])
def test_a_keyword_joined_by_a_hyphen_qualifies_the_next_word(code: str, compound: str, alone: str) -> None:
    assert "multilateral" not in _domains(code, compound)
    assert _domains(code, alone) == ["multilateral"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Vietnam pursues a foreign policy of multilateralisation and diversification."),
    ("nb", "Vietnam fører en politikk for multilateralisering og diversifisering av forbindelsene."),
    ("de", "Vietnam verfolgt eine Politik der Multilateralisierung und Diversifizierung."),
    ("fr", "Le Vietnam mène une politique de multilatéralisation et de diversification."),
    ("es", "Vietnam sigue una política de multilateralización y diversificación."),
    ("ru", "Вьетнам проводит многовекторную внешнюю политику."),
    ("vi", "Việt Nam thực hiện đường lối đối ngoại đa phương hóa, đa dạng hóa."),
])
def test_a_foreign_policy_of_multilateralisation_is_politics(code: str, text: str) -> None:
    assert _domains(code, text) == ["politics"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "They will share research on rice farming."),
    ("nb", "De vil dele forskning om risdyrking i landbruket."),
    ("de", "Sie tauschen Forschung zur Landwirtschaft aus."),
    ("ru", "Стороны обменяются исследованиями в сельском хозяйстве."),
])
def test_research_on_a_field_is_a_point_in_that_field(code: str, text: str) -> None:
    assert _domains(code, text) == ["agriculture"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The new trade deal will create jobs in both countries."),
    ("nb", "Den nye handelsavtalen skal skape arbeidsplasser i begge land."),
    ("de", "Das neue Handelsabkommen soll Arbeitsplätze in beiden Ländern schaffen."),
    ("fr", "Le nouvel accord commercial créera des emplois dans les deux pays."),
    ("es", "El nuevo acuerdo comercial generará empleos en ambos países."),
    ("ru", "Новое торговое соглашение создаст рабочие места в обеих странах."),
    ("vi", "Hiệp định thương mại mới sẽ tạo việc làm ở cả hai nước."),
])
def test_jobs_a_field_creates_are_no_labour_point(code: str, text: str) -> None:
    assert _domains(code, text) == ["trade"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "A state company will build the new wind power plant."),
    ("nb", "Et statlig selskap skal bygge vindkraftverket."),
    ("de", "Die Firmen beider Länder bauen gemeinsam Solarparks."),
    ("fr", "Une entreprise publique construira la centrale solaire."),
    ("es", "Una empresa del Estado construirá la central solar."),
    ("ru", "Компания построит новую солнечную электростанцию."),
    ("vi", "Một công ty nhà nước sẽ xây dựng nhà máy điện mặt trời."),
])
def test_a_company_doing_the_work_of_a_field_is_no_investment_point(code: str, text: str) -> None:
    assert _domains(code, text) == ["energy"]


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "They will step up cooperation in defence and\nsecurity.", ["defense", "security"]),
    ("de", "Die Zusammenarbeit in Politik, Wirtschaft und\nKultur wurde ausgebaut.", ["politics"]),
])
def test_a_line_break_inside_a_sentence_does_not_end_a_list(code: str, text: str, expected: list[str]) -> None:
    assert _domains(code, text) == expected


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The sides will work together on emergency preparedness."),
    ("nb", "Regjeringene vil arbeide for sivil beredskap i nord."),
    ("de", "Beide Seiten vertiefen die Zusammenarbeit im Zivilschutz."),
    ("fr", "Les deux pays coopéreront en matière de protection civile."),
    ("es", "Ambos países cooperarán en protección civil."),
    ("ru", "Стороны расширят сотрудничество в области гражданской обороны."),
    ("vi", "Hai bên hợp tác trong lĩnh vực phòng thủ dân sự."),
])
def test_civil_protection_and_preparedness_are_security(code: str, text: str) -> None:
    assert _domains(code, text) == ["security"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Exchanges between the legislative body of each country will grow."),
    ("de", "Der Austausch zwischen dem gesetzgebenden Organ beider Länder wird ausgebaut."),
    ("fr", "Les échanges entre les canaux du gouvernement et de l'organe législatif seront renforcés."),
    ("es", "Se reforzarán los intercambios con el órgano legislativo de cada país."),
])
def test_a_legislature_is_politics_not_justice(code: str, text: str) -> None:
    assert _domains(code, text) == ["politics"]
