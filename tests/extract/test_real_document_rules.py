"""The reading rules added for real documents (issue 9), each on sentences of our own, in each
language the rule's pack data claims."""

import pytest

from accords.pipeline import process_text


def event_of(text: str) -> tuple[str | None, str | None, str | None]:
    event = process_text(text, "e.txt").event
    return event.kind, event.guest.country if event.guest else None, event.host.country if event.host else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("President Cyril Ramaphosa received President Bola Tinubu in Pretoria on 4 May 2024. "
         "The two presidents agreed to expand trade."), ("talks", "NG", "ZA")),
        (("Le président Alassane Ouattara a accueilli le président João Lourenço le 27 juin 2024. "
         "Les deux parties sont convenues de renforcer la coopération."), ("talks", "AO", "CI")),
        (("Bundespräsident Frank-Walter Steinmeier empfing den Präsidenten Emmanuel Macron am 2. Mai 2024. "
         "Beide Seiten vereinbarten, die Zusammenarbeit auszubauen."), ("talks", "FR", "DE")),
        (("Statsminister Jonas Gahr Støre tok imot president Alexander Stubb i Oslo 3. mai 2024. "
         "De to sidene ble enige om å styrke samarbeidet."), ("talks", "FI", "NO")),
        (("El presidente Gabriel Boric recibió al presidente Luiz Inácio Lula da Silva el 5 de agosto de 2024. "
         "Ambas partes acordaron ampliar el comercio."), ("talks", "BR", "CL")),
    ],
)
def test_the_subject_of_a_hosting_verb_is_the_host(text: str, expected: tuple[str, str, str]) -> None:
    assert event_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        ("Prime Minister Narendra Modi met President Prabowo Subianto on the sidelines of the G20 summit "
        "in Rio de Janeiro on 18 November 2024. They agreed to raise trade."),
        ("Le Premier ministre Narendra Modi a rencontré le président Prabowo Subianto en marge du sommet du G20. "
        "Ils sont convenus de renforcer le commerce."),
        ("Премьер-министр Нарендра Моди встретился с президентом Прабово Субианто на полях саммита G20. "
        "Стороны договорились расширить торговлю."),
    ],
)
def test_a_meeting_at_a_forum_is_talks_not_a_summit(text: str) -> None:
    assert event_of(text)[0] == "talks"


def test_two_leaders_named_together_without_travel_leave_guest_and_host_empty() -> None:
    kind, guest, host = event_of(
        "Prime Minister Keir Starmer and President William Ruto said in a joint statement:\n\n"
        "We agreed to deepen our partnership in trade and security.")
    assert (kind, guest, host) == ("talks", None, None)


def test_a_weekday_is_dated_by_the_page_and_the_date_tag_is_debris() -> None:
    record = process_text(
        " date 2025-02-14 President Donald Trump hosted Prime Minister Narendra Modi for an official "
        "working visit in Washington on Thursday. The two leaders agreed to expand trade.", "w.txt")
    assert record.source.published == "2025-02-14"
    assert record.event.kind == "working_visit"
    assert record.event.start == "2025-02-13"
    assert not record.provisions[0].text.startswith("date")


def test_a_russian_genitive_and_initials_name_the_leader() -> None:
    record = process_text(
        "Председатель КНР Си Цзиньпин по приглашению Президента Российской Федерации В.В.Путина "
        "посетил Российскую Федерацию с официальным визитом 7 мая 2025 г. Стороны договорились "
        "расширить торговлю.", "r.txt")
    assert record.event.host and record.event.host.name == "Vladimir Putin"


def test_honorifics_and_state_names_are_cut_from_a_name() -> None:
    event = process_text(
        "Son Excellence le Colonel Mamadi DOUMBOUYA, Président de la République, a accueilli à Conakry, "
        "le 23 juin 2023, dans le cadre d'une visite d'amitié et de travail, Son Excellence Monsieur "
        "Azali ASSOUMANI, Président de l'Union des Comores. Les deux Chefs d'Etat se sont engagés à "
        "renforcer la coopération.", "g.txt").event
    assert event.kind == "working_visit"
    assert event.host and event.host.name == "Mamadi Doumbouya"
    assert event.guest and event.guest.name == "Azali Assoumani"


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (("President Joko Widodo met Prime Minister Anthony Albanese in Bogor on 6 June 2022.\n\n"
         "“Our relationship is one of our most important,” Prime Minister Anthony Albanese said in Bogor."), ["AU"]),
        (("Statsminister Jonas Gahr Støre møtte Islands president Halla Tómasdóttir i Oslo.\n\n"
         "– Vi har tette bånd gjennom felles historie og kultur, sa statsminister Jonas Gahr Støre."), ["NO"]),
        (("Bundeskanzler Olaf Scholz traf den Bundespräsidenten Alexander Van der Bellen in Wien.\n\n"
         "„Unsere Beziehungen sind eng und freundschaftlich“, sagte Bundeskanzler Olaf Scholz."), ["DE"]),
        (("Le président Emmanuel Macron a rencontré le roi Mohammed VI à Rabat.\n\n"
         "« Nos relations sont excellentes et anciennes », a déclaré le président Emmanuel Macron."), ["FR"]),
        (("El presidente Pedro Sánchez se reunió con el presidente Andrés Manuel López Obrador.\n\n"
         "«Nuestras relaciones son excelentes y profundas», dijo el presidente Pedro Sánchez."), ["ES"]),
        (("Президент России Владимир Путин встретился с премьер-министром Индии Нарендрой Моди.\n\n"
         "«Наши отношения успешно развиваются», — заявил президент России Владимир Путин."), ["RU"]),
    ],
)
def test_a_party_s_reported_words_are_its_position(text: str, actors: list[str]) -> None:
    provision = process_text(text, "s.txt").provisions[-1]
    assert provision.modality == "position"
    assert provision.actors == actors


@pytest.mark.parametrize(
    "text",
    [
        ("Prime Minister Anthony Albanese met President Joko Widodo in Jakarta.\n\n"
        "Prime Minister Anthony Albanese pledged AUD 200 million for climate infrastructure in Indonesia."),
        ("Bundeskanzlerin Angela Merkel traf Premierminister Narendra Modi in Neu-Delhi.\n\n"
        "Die Bundeskanzlerin und der Premierminister sind übereingekommen, die Partnerschaft auszubauen."),
        ("El presidente Hu Jintao realizó una visita de Estado a España.\n\n"
        "Por ello, ambas Partes resuelven establecer una asociación estratégica integral entre los dos países."),
        ("Президент России Владимир Путин провёл переговоры с премьер-министром Индии Нарендрой Моди.\n\n"
        "Товарооборот двух стран планируется увеличить до 100 млрд долларов к 2030 году."),
    ],
)
def test_promises_in_other_words_are_commitments(text: str) -> None:
    assert process_text(text, "c.txt").provisions[-1].modality == "commit"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (("President Uhuru Kenyatta met Prime Minister Boris Johnson on 21 January 2020. They agreed to "
         "elevate this relationship to an even more ambitious Strategic Partnership."), "strategic_partnership"),
        (("King Salman received President Donald Trump in Riyadh on 20 May 2017. The two leaders agreed to a "
         "new strategic partnership for the 21st century."), "strategic_partnership"),
        (("Bundespräsident Alexander Van der Bellen besuchte China am 8. April 2018. Beide Seiten "
         "beschlossen, ihre Beziehungen auf die Ebene einer Strategischen Partnerschaft anzuheben."),
         "strategic_partnership"),
        (("El presidente Hu Jintao realizó una visita de Estado a España el 14 de noviembre de 2005. Ambas "
         "Partes resuelven establecer de común acuerdo una Relación de Asociación Estratégica Integral."),
         "comprehensive_strategic_partnership"),
        (("Le président Emmanuel Macron est en visite d'État au Maroc le 28 octobre 2024. Les deux chefs "
         "d'État donnent le coup d'envoi à un « Partenariat d'exception renforcé » et entendent agir comme "
         "partenaires stratégiques."), "partnership"),
    ],
)
def test_a_level_raised_established_or_new_is_upgraded_by_the_event(text: str, level: str) -> None:
    relationship = process_text(text, "u.txt").relationship
    assert (relationship.level, relationship.upgraded) == (level, True)


def test_a_partnership_launched_years_ago_is_not_upgraded() -> None:
    relationship = process_text(
        "Chancellor Olaf Scholz met Prime Minister Narendra Modi in Berlin on 2 May 2022. They welcomed the "
        "strategic partnership, established in 2000, and agreed to deepen it.", "n.txt").relationship
    assert (relationship.upgraded, relationship.since) == (False, "2000")


@pytest.mark.parametrize(
    "caption",
    [
        "Statsminister Jonas Gahr Støre i Berlin. Foto: Marte Lerberg/Statsministerens kontor",
        "South Korean President Yoon Suk Yeol (L) and Polish President Andrzej Duda shake hands in Warsaw",
        "Tổng thống Mỹ Joe Biden (phải) và Thủ tướng Nhật Bản Kishida Fumio tại Nhà Trắng",
        "(ATTN: UPDATES with Polish president's remarks; ADDS photo)",
        "Release Date:",
    ],
)
def test_captions_notes_and_labels_are_not_provisions(caption: str) -> None:
    text = ("President Yoon Suk Yeol met President Andrzej Duda in Warsaw on 13 July 2023.\n\n" + caption +
            "\n\nThe two presidents agreed to expand cooperation in nuclear energy.")
    provisions = process_text(text, "c.txt").provisions
    assert [p.text for p in provisions if caption in p.text] == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (("OTTAWA, le 11 avril 2024 /CNW/ - Le premier ministre Justin Trudeau et le premier ministre Gabriel "
         "Attal se sont rencontrés hier pour approfondir les relations."), "2024-04-10"),
        ("Riyadh, May 22, 2017, SPA -- King Salman received President Donald Trump on Saturday.",
         "2017-05-20"),
        (("Hanoi (VNA) - Vietnam and Australia on August 23 issued a joint statement on the official visit "
         "by Prime Minister Scott Morrison from 22 to 24 August 2019."), "2019-08-22"),
        ("Президент Беларуси Александр Лукашенко провел встречу с премьер-министром Мьянмы27 июня 2025.",
         "2025-06-27"),
    ],
)
def test_datelines_relative_days_ranges_and_glued_dates(text: str, start: str) -> None:
    assert process_text(text, "d.txt").event.start == start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("At the invitation of the State of Japan, President Vo Van Thuong paid an official visit to Japan "
         "from 27 to 30 November 2023 and held talks with Prime Minister Fumio Kishida."), ("JP", "VN")),
        (("El Presidente Andrés Manuel López Obrador recibió en visita oficial al Presidente del Gobierno de "
         "España, Pedro Sánchez, el 30 de enero de 2019. Fue la primera visita oficial recibida por el nuevo "
         "Gobierno, tras el viaje del rey Felipe VI."), ("MX", "ES")),
        (("Tổng thống Nga Vladimir Putin và Chủ tịch Trung Quốc Tập Cận Bình đã hội đàm ngày 2/9/2025 nhân "
         "chuyến thăm của nhà lãnh đạo Nga tới Trung Quốc."), ("CN", "RU")),
    ],
)
def test_the_first_phrase_saying_who_hosts_decides(text: str, expected: tuple[str, str]) -> None:
    event = process_text(text, "h.txt").event
    assert (event.host and event.host.country, event.guest and event.guest.country) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two leaders stressed the need to promote trade and investment.", "position"),
        ("The two leaders reaffirmed that they stand ready to support each other.", "support"),
        ("Norge og Island har tette bånd. Vi samarbeider tett i Norden.", "narrative"),
        ("Les deux pays coopèrent dans de nombreux domaines.", "narrative"),
    ],
)
def test_views_govern_support_words_and_describing_is_not_supporting(text: str, expected: str) -> None:
    assert process_text(text, "v.txt").provisions[-1].modality == expected


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (("Statsminister Jonas Gahr Støre møtte Storbritannias statsminister Keir Starmer i Oslo.\n\n"
         "– Nå styrker vi båndene ytterligere med Storbritannia, sier Jonas Gahr Støre."), ["NO"]),
        (("President Cyril Ramaphosa received President Muhammadu Buhari in Pretoria.\n\n"
         "“We will strengthen the bonds between our nations,” Cyril Ramaphosa said."), ["ZA"]),
        (("El presidente de México, Andrés Manuel López Obrador, y el presidente de Guatemala, Alejandro "
         "Giammattei, acordaron ampliar el comercio."), ["GT", "MX"]),
        (("Президент Беларуси Александр Лукашенко встретился с президентом Вьетнама Чан Дай Куангом.\n\n"
         "Решено, что во Вьетнам будут поставлены новые тракторы."), ["BY", "VN"]),
    ],
)
def test_who_acts_in_quotes_appositions_and_destinations(text: str, actors: list[str]) -> None:
    assert process_text(text, "a.txt").provisions[-1].actors == actors


def test_a_statement_paragraph_without_a_verb_of_its_own_speaks_for_both() -> None:
    provision = process_text(
        "Joint Statement\n\nAs Commonwealth nations, Kenya and the United Kingdom enjoy a deep and historic "
        "relationship.", "j.txt").provisions[-1]
    assert (provision.modality, provision.actors) == ("position", ["GB", "KE"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Presidenten berømte Norge for et pilotprosjekt som skal sikre fornybar energi.", "position"),
        ("The President praised Norway for a pilot project which will ensure renewable energy.", "position"),
        ("Der Präsident lobte Deutschland für ein Projekt, das die Versorgung sichern wird.", "position"),
        ("The two sides will expand the pilot project.", "commit"),
    ],
)
def test_a_future_in_a_relative_clause_is_no_undertaking(text: str, expected: str) -> None:
    assert process_text(text, "r.txt").provisions[-1].modality == expected


@pytest.mark.parametrize(
    ("text", "guest", "host"),
    [
        (("A l'invitation du président Abdelaziz Bouteflika, le président de la République islamique de "
         "Mauritanie, Mohamed Ould Abdelaziz, a effectué du 10 au 13 décembre 2011 une visite d'Etat en "
         "Algérie."), "Mohamed Ould Abdelaziz", "Abdelaziz Bouteflika"),
        (("Ciudad de México, 4 may (EFE).- El presidente de México, Andrés Manuel López Obrador, recibió a "
         "su homólogo de Guatemala, Alejandro Giammattei, en el Palacio Nacional."), "Alejandro Giammattei",
         "Andres Manuel Lopez Obrador"),
        (("Президент России Владимир Путин и премьер-министр Индии Нарендра Моди провели переговоры по "
         "итогам визита российского президента в Индию. Визит Владимира Путина к Нарендре Моди был "
         "двухдневным."), "Vladimir Putin", "Narendra Modi"),
    ],
)
def test_names_after_a_state_a_counterpart_or_in_another_case(text: str, guest: str, host: str) -> None:
    event = process_text(text, "n.txt").event
    assert (event.guest and event.guest.name, event.host and event.host.name) == (guest, host)


def test_talks_while_attending_a_summit_are_talks() -> None:
    event = process_text(
        "Sáng 16/4/2025, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone "
        "nhân chuyến sang Việt Nam tham dự Hội nghị thượng đỉnh P4G.", "p.txt").event
    assert event.kind == "talks"


@pytest.mark.parametrize(
    "text",
    [
        "Joint declaration between Prime Minister Keir Starmer and Chancellor Olaf Scholz on deepening relations.",
        "Việt Nam - Trung Quốc ra tuyên bố chung về tăng cường hơn nữa quan hệ hai nước.",
    ],
)
def test_an_action_named_as_a_topic_is_no_support(text: str) -> None:
    assert process_text(text, "t.txt").provisions[-1].modality != "support"


@pytest.mark.parametrize(
    "text",
    [
        ("President Cyril Ramaphosa met President Bola Tinubu on the sidelines of the AU summit in Addis Ababa "
         "on 10 February 2024. Their last talks were in Abuja, when Ramaphosa paid an official visit to Nigeria."),
        ("Le président Macky Sall a rencontré le président Paul Kagame en marge du sommet de l'UA le 10 février "
         "2024. Auparavant, Paul Kagame avait effectué une visite officielle au Sénégal."),
        ("El presidente Gustavo Petro se reunió con el presidente Daniel Noboa al margen de la cumbre de la CELAC "
         "el 1 de marzo de 2024. Antes, Noboa había realizado una visita oficial a Colombia."),
        ("Президент Касым-Жомарт Токаев встретился с президентом Шавкатом Мирзиёевым на полях саммита ШОС "
         "4 июля 2024 года. В марте Мирзиёев находился в Казахстане с официальным визитом."),
    ],
)
def test_a_meeting_at_a_forum_before_an_earlier_visit_is_talks(text: str) -> None:
    assert event_of(text)[0] == "talks"


@pytest.mark.parametrize(
    "text",
    [
        ("President Alexander Stubb is on an official visit to Oslo from 2 to 4 May 2024.\n\n"
         "The state visit gives the two countries a chance to deepen their cooperation."),
        ("Finlands president Alexander Stubb er på offisielt besøk i Oslo.\n\n"
         "Statsbesøket gir anledning til å styrke samarbeidet mellom landene."),
        ("Bundespräsident Frank-Walter Steinmeier ist zu einem offiziellen Besuch in Oslo.\n\n"
         "Der Staatsbesuch bietet Gelegenheit, die Zusammenarbeit zu vertiefen."),
        ("Le président Emmanuel Macron effectue une visite officielle à Oslo.\n\n"
         "Cette visite d'État permet d'approfondir la coopération entre les deux pays."),
    ],
)
def test_an_official_visit_also_called_a_state_visit_is_a_state_visit(text: str) -> None:
    assert event_of(text)[0] == "state_visit"


@pytest.mark.parametrize(
    ("text", "guest", "host"),
    [
        (("Prime Minister Abe paid an official visit to Australia on 14 January 2017. Prime Minister Turnbull "
         "welcomed him in Sydney."), "Shinzo Abe", "Malcolm Turnbull"),
        (("Statsminister MV Mishustin var på offisielt besøk i Vietnam 14. januar 2025 etter invitasjon fra "
         "statsminister Pham Minh Chinh."), "Mikhail Mishustin", "Pham Minh Chinh"),
        ("Le Premier ministre M. Mishustin a effectué une visite officielle au Vietnam le 14 janvier 2025.",
         "Mikhail Mishustin", None),
    ],
)
def test_a_title_and_a_known_surname_name_the_leader(text: str, guest: str, host: str | None) -> None:
    event = process_text(text, "n.txt").event
    assert event.guest and event.guest.name == guest
    assert (event.host.name if event.host else None) == host


@pytest.mark.parametrize(
    "text",
    [
        ("On 16 May 2025, in Hanoi, Prime Minister Pham Minh Chinh held talks with Prime Minister Hun Manet, "
         "who is in Vietnam to attend the ASEAN summit from 14 to 17 May 2025."),
        ("Sáng 16/5/2025, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Hun Manet nhân dịp "
         "sang Việt Nam dự hội nghị từ ngày 14 đến 17/5/2025."),
        ("Le 16 mai 2025, à Hanoï, le Premier ministre Pham Minh Chinh s'est entretenu avec le Premier ministre "
         "Hun Manet, venu au Vietnam pour participer au sommet du 14 au 17 mai 2025."),
        ("16 мая 2025 года в Ханое премьер-министр Фам Минь Тинь провел переговоры с премьер-министром "
         "Хун Манетом, прибывшим во Вьетнам для участия в саммите с 14 по 17 мая 2025 года."),
    ],
)
def test_talks_take_their_own_day_not_the_range_of_the_forum(text: str) -> None:
    event = process_text(text, "t.txt").event
    assert event.kind == "talks"
    assert (event.start, event.end) == ("2025-05-16", "2025-05-16")


@pytest.mark.parametrize(
    "text",
    [
        ("President Joe Biden held talks with Prime Minister Kishida Fumio at the White House on 10 April 2024, "
         "and both hoped for a summit with North Korea."),
        ("Tổng thống Joe Biden hội đàm với Thủ tướng Kishida Fumio tại Nhà Trắng ngày 10/4/2024, hai bên mong "
         "muốn tổ chức hội nghị thượng đỉnh với Triều Tiên."),
        ("Le président Joe Biden s'est entretenu avec le Premier ministre Kishida Fumio le 10 avril 2024 ; "
         "tous deux espèrent un sommet avec la Corée du Nord."),
        ("Президент Джо Байден провел переговоры с премьер-министром Кисидой Фумио 10 апреля 2024 года; "
         "стороны надеются на саммит с КНДР."),
    ],
)
def test_talks_outrank_a_summit_named_beside_them(text: str) -> None:
    assert event_of(text)[0] == "talks"


@pytest.mark.parametrize(
    "text",
    [
        ("President Moon Jae-in and President Tran Dai Quang adopted a joint statement in Hanoi on 23 March 2018.\n\n"
         "Moon invited the Vietnamese president to pay a visit to South Korea, which he accepted."),
        ("Präsident Moon Jae-in und Präsident Tran Dai Quang nahmen am 23. März 2018 in Hanoi eine gemeinsame Erklärung an.\n\n"
         "Moon lud den vietnamesischen Präsidenten zu einem Besuch nach Südkorea ein."),
        ("Le président Moon Jae-in et le président Tran Dai Quang ont adopté une déclaration commune à Hanoï le 23 mars 2018.\n\n"
         "Moon a invité le président vietnamien à effectuer une visite en Corée du Sud."),
        ("El presidente Moon Jae-in y el presidente Tran Dai Quang adoptaron una declaración conjunta en Hanói el 23 "
         "de marzo de 2018.\n\nMoon invitó al presidente vietnamita a realizar una visita a Corea del Sur."),
        ("Президент Мун Чжэ Ин и президент Чан Дай Куанг приняли совместное заявление в Ханое 23 марта 2018 года.\n\n"
         "Мун пригласил вьетнамского президента посетить с визитом Южную Корею."),
        ("Tổng thống Moon Jae-in và Chủ tịch nước Trần Đại Quang ra tuyên bố chung tại Hà Nội ngày 23/3/2018.\n\n"
         "Tổng thống Moon mời Chủ tịch nước sang thăm Hàn Quốc."),
        ("President Moon Jae-in og president Tran Dai Quang vedtok en felles erklæring i Hanoi 23. mars 2018.\n\n"
         "Moon inviterte den vietnamesiske presidenten til et besøk i Sør-Korea."),
    ],
)
def test_a_visit_someone_is_invited_to_is_not_this_event(text: str) -> None:
    assert event_of(text) == ("talks", "KR", "VN")


@pytest.mark.parametrize(
    ("text", "host"),
    [
        (("Son Excellence Monsieur Macky SALL, Président de la République, Chef de l'Etat, Chef Suprême des "
          "Armées, a reçu à Dakar le 5 mars 2023 Son Excellence Monsieur Umaro Sissoco EMBALO, Président de "
          "la République de Guinée-Bissau."), "Macky Sall"),
        (("His Excellency Cyril Ramaphosa, President of the Republic, Head of State, Commander in Chief of the "
          "Armed Forces, received President Bola Tinubu in Pretoria on 4 May 2024."), "Cyril Ramaphosa"),
        (("El señor Gustavo Petro, Presidente de la República, Jefe de Estado, Jefe Supremo de las Fuerzas "
          "Armadas, recibió en Bogotá el 5 de marzo de 2024 al presidente Daniel Noboa."), "Gustavo Petro"),
    ],
)
def test_a_title_after_a_title_is_not_a_name(text: str, host: str) -> None:
    event = process_text(text, "h.txt").event
    assert event.host and event.host.name == host


def test_a_surname_that_begins_a_title_is_still_a_name() -> None:
    event = process_text(
        "Thủ tướng Hoàng Minh Sơn tiếp Tổng thống Joko Widodo tại Hà Nội ngày 5/3/2024. Hai bên nhất trí "
        "tăng cường hợp tác.", "v.txt").event
    assert event.host and event.host.name == "Hoang Minh Son"


@pytest.mark.parametrize(
    "text",
    [
        (" date 2024-04-11 Prime Minister Ana Ruiz and Prime Minister Ivo Tal met yesterday and today in Ottawa. "
         "They agreed to deepen trade."),
        (" date 2024-04-11 La Première ministre Ana Ruiz et le Premier ministre Ivo Tal se sont rencontrés hier et "
         "aujourd'hui à Ottawa. Ils sont convenus d'approfondir le commerce."),
        (" date 2024-04-11 La primera ministra Ana Ruiz y el primer ministro Ivo Tal se reunieron ayer y hoy en "
         "Ottawa. Acordaron profundizar el comercio."),
        (" date 2024-04-11 Premierministerin Ana Ruiz und Premierminister Ivo Tal trafen sich gestern und heute in "
         "Ottawa. Sie vereinbarten, den Handel zu vertiefen."),
        (" date 2024-04-11 Премьер-министр Ана Руис и премьер-министр Иво Тал встречались вчера и сегодня в Оттаве. "
         "Стороны договорились углублять торговлю."),
    ],
)
def test_two_named_days_joined_are_the_event_s_span(text: str) -> None:
    event = process_text(text, "j.txt").event
    assert (event.start, event.end) == ("2024-04-10", "2024-04-11")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("Joint Statement\n\nThe Prime Ministers of Laos and Vietnam said in a joint statement:\n\n"
         "1. The two sides will open a new border gate."), "narrative"),
        (("Tuyên bố chung\n\nViệt Nam và Lào ra tuyên bố chung về hợp tác biên giới.\n\n"
         "1. Hai bên sẽ mở cửa khẩu mới."), "narrative"),
        (("Declaración conjunta\n\nLos presidentes de Chile y Perú emitieron la siguiente declaración conjunta:\n\n"
         "1. Ambas partes abrirán un nuevo paso fronterizo."), "narrative"),
        (("Joint Statement\n\nChile and Peru held talks in Lima. In this regard the following decisions were taken:\n\n"
         "1. To open a new border crossing."), "commit"),
    ],
)
def test_a_line_leading_into_the_statement_is_not_its_text(text: str, expected: str) -> None:
    assert process_text(text, "l.txt").provisions[-2].modality == expected


@pytest.mark.parametrize(
    "text",
    [
        ("President Joe Biden met President Luiz Inácio Lula da Silva in Washington on 2 May 2024. "
         "The two sides agreed to implement the Agreement on Defence Cooperation signed in 2015."),
        ("Statsminister Jonas Gahr Støre møtte president Alexander Stubb i Oslo 3. mai 2024. "
         "De to sidene ble enige om å fornye avtalen om forsvarssamarbeid."),
        ("Le président Emmanuel Macron a reçu le président Lula le 2 mai 2024 à Paris. Les deux parties "
         "sont convenues de mettre en œuvre l'accord de coopération en matière de défense."),
        ("Президент Владимир Путин встретился с президентом Лулой 5 августа 2024 года. "
         "Стороны договорились выполнять Соглашение о военном сотрудничестве."),
        ("Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Lula ngày 5/8/2024. "
         "Hai bên nhất trí triển khai Hiệp định hợp tác quốc phòng."),
    ],
)
def test_an_agreement_named_by_its_field_gives_that_domain(text: str) -> None:
    provisions = process_text(text, "e.txt").provisions
    assert provisions[-1].instruments
    assert provisions[-1].domains == ["defense"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru agreed to raise trade to 5 billion US dollars by 2030.",
        "Chile und Peru vereinbarten, den Handel bis 2030 auf 5 Milliarden US-Dollar zu steigern.",
        "Chile og Peru ble enige om å øke handelen til 5 milliarder US-dollar innen 2030.",
        "Chile và Peru nhất trí nâng kim ngạch thương mại lên 5 tỷ đô la Mỹ vào năm 2030.",
        "Чили и Перу договорились довести товарооборот до 5 млрд долларов США к 2030 году.",
        "Le Chili et le Pérou sont convenus de porter le commerce à 5 milliards de dollars des États-Unis d'ici 2030.",
        "Chile y Perú acordaron elevar el comercio a 5.000 millones de dólares de Estados Unidos para 2030.",
    ],
)
def test_a_currency_s_name_names_no_state(text: str) -> None:
    record = process_text(text, "c.txt")
    assert record.parties == ["CL", "PE"]
    assert record.provisions[0].actors == ["CL", "PE"]
