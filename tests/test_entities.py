"""Name variants meet on one canonical id; counts become intervals."""

from __future__ import annotations

import pytest

from bot.entities import canonical, find_entities, gazetteer, known_outlets, outlet_id, place_compatible
from language.names import demonym_country, find_persons, learn, person_key, romanise, speaker_name
from language.numbers import find_quantities


@pytest.mark.parametrize(
    "variants",
    [
        # seed names and names no rule was written for: one key per person, whatever the title or the script
        ["محمد باقري", "محمد حسين باقري", "اللواء محمد باقري", "باقري", "Bagheri", "Mohammad Bagheri"],
        ["علي أيوب", "علي عبد الله أيوب", "العماد علي أيوب", "Ali Ayoub"],
        ["ناصر بوريطة", "بوريطة", "Nasser Bourita", "Bourita"],
        ["جون سميث", "الجنرال جون سميث", "John Smith", "Gen. John Smith"],
        ["عبد الإله بنكيران", "بنكيران", "Benkirane", "Abdelilah Benkirane"],
        ["قاسم سليماني", "سليماني", "Qassem Soleimani", "Soleimani"],
    ],
)
def test_name_variants_share_one_key_across_scripts(variants):
    assert len({person_key(v) for v in variants}) == 1, {v: person_key(v) for v in variants}


def test_different_people_keep_different_keys():
    assert len({person_key(n) for n in ("باقري", "أيوب", "حاتمي", "بوريطة", "سميث", "Macron", "Erdogan")}) == 7


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            'وقع رئيس الأركان الإيراني "محمد باقري"، الأربعاء، اتفاقية مع وزير دفاع النظام السوري "علي أيوب"، في دمشق',
            ["محمد باقري", "علي أيوب"],
        ),
        ("وقال وزير الخارجية المغربي ناصر بوريطة إن المملكة ترحب بالاتفاق", ["ناصر بوريطة"]),  # office + demonym + name
        ("أعلن العقيد أحمد المسماري، المتحدث باسم الجيش، أن", ["أحمد المسماري"]),  # rank + name
        ("وأضاف الحمادي، خلال المؤتمر، أن الوضع مستقر", ["الحمادي"]),  # subject of a verb of saying
        ("Defence Minister Ali Ayoub met Gen. Mark Thompson in Damascus on Tuesday.", ["Ali Ayoub", "Mark Thompson"]),
        ("The talks will resume, said Thompson.", ["Thompson"]),
        ("وحث رئيس الأركان الإيراني تركيا على التفاوض مع دمشق", []),  # a role, a country: nobody named
        # a word news text writes often and never as a family name ends the name: the clause goes on
        ("اجتمع وزير الدفاع السوري علي أيوب لتعزيز التعاون", ["علي أيوب"]),
        ("وقال الرئيس الجزائري عبد العزيز بوتفليقة لدى استقباله الوفد", ["عبد العزيز بوتفليقة"]),  # a name opening with ب
        ("وكان رئيس البرلمان علي لاريجاني قد أعلن", ["علي لاريجاني"]),  # a family name opening with ل
        ("Iranian state television said the agreement was signed.", []),
        # quotes around a phrase the outlet keeps at arm's length: a noun with "its"/"their" is no name word
        ('ودعت الحكومة الطرفين إلى "حل مشاكلهما" بالحوار', []),
        ('وطالبت الحكومة الشركة بـ"تحمل مسؤولياتها" كاملة', []),
        ('وقال إن المتهم قدم "اعترافه" أمام القاضي', []),
        ('والتقى الوفد "نبيه بري" في بيروت', ["نبيه بري"]),  # a first name in ه on a noun ("نبي") is still a name
        ('ووقع الكتاب "جميلة بوحيرد" في الجزائر', ["جميلة بوحيرد"]),  # ة is no pronoun ("جميل" is a noun)
    ],
)
def test_persons_found_from_the_words_around_them(text, names):
    found = [m for m in find_persons(text) if m.via != "role"]
    assert [m.text for m in found] == names
    assert all(text[m.start : m.end] == m.text for m in found)


def test_role_names_a_person_only_where_the_texts_say_who_holds_it():
    role_only = "أكد المسؤول أن رئيس الأركان الإيراني متواجد بالعاصمة السورية منذ أيام"
    assert not any(m.via == "role" for m in find_persons(role_only))
    book = learn(["وقع رئيس الأركان الإيراني محمد باقري اتفاقية في دمشق"])
    (role,) = [m for m in find_persons(role_only, book) if m.via == "role"]
    assert role.key == person_key("باقري") and role.text == "رئيس الأركان الإيراني"
    other = learn(["قال رئيس الأركان الإيراني يحيى رحيم صفوي إن"])
    assert [m.key for m in find_persons(role_only, other) if m.via == "role"] == [person_key("صفوي")]


def test_family_name_alone_is_known_once_named_in_full():
    book = learn(["أعلن وزير الخارجية المغربي ناصر بوريطة أن"])
    assert [m.key for m in find_persons("ووصل بوريطة إلى الرباط", book)] == [person_key("ناصر بوريطة")]
    assert find_persons("ووصل بوريطة إلى الرباط") == []  # one bare word, no frame, nothing learned


def test_entities_spans_ids_and_roles():
    text = 'وقع رئيس الأركان الإيراني "محمد باقري"، الأربعاء، اتفاقية مع وزير دفاع النظام السوري "علي أيوب"، في دمشق'
    found = find_entities(text)
    assert [(m.type, m.via_role) for m in found] == [
        ("person", True),
        ("person", False),
        ("person", True),
        ("person", False),
        ("place", False),
    ]
    assert found[0].id == found[1].id == person_key("Bagheri") and found[2].id == found[3].id == person_key("Ayoub")
    assert found[4].id == canonical("Damascus") == "Asia/Damascus"
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("surface", "entity"),
    [
        ("سوريا", "SY"),
        ("سورية", "SY"),
        ("Syria", "SY"),
        ("دمشق", "Asia/Damascus"),
        ("بالعاصمة السورية", "capital:SY"),
        ("العاصمة المغربية", "capital:MA"),
        ("طهران", "Asia/Tehran"),
        ("رويترز", "reuters"),
        ("وكالة الصحافة الفرنسية", "afp"),
    ],
)
def test_places_from_cldr_and_agency_spellings(surface, entity):
    assert canonical(surface) == entity


def test_outlets_are_not_matched_in_running_text():
    assert find_entities("دفاعا عن الوطن") == []


def test_places_contain():
    assert place_compatible("Asia/Damascus", "SY") and not place_compatible("Asia/Damascus", "Asia/Tehran")
    assert place_compatible("capital:SY", "Asia/Damascus") and not place_compatible("capital:IR", "Asia/Damascus")


def test_gazetteer_holds_only_outlet_spellings():
    """No person, group, place or event: only the two spellings of widely known outlets, general knowledge."""
    assert {e.type for e in gazetteer().values()} == {"outlet"}
    assert {"reuters", "afp", "ap"} <= set(gazetteer())
    assert all(e.en and e.ar for e in gazetteer().values())


def test_common_words_name_an_outlet_only_as_a_whole_name():
    """ "العربية" is Al Arabiya only where the attribution's structure made it an outlet, never in running text."""
    assert known_outlets("وقالت الجامعة العربية إن شبه الجزيرة العربية آمنة") == []
    assert outlet_id("العربية") == "al-arabiya" and outlet_id('قناة "الجزيرة"') == "al-jazeera"
    assert outlet_id("الخليج الجديد") is None


def test_romanised_names_for_english_readers():
    assert romanise("باقري") == "Baqri" and romanise("الأسد") == "Al-Asd"
    assert speaker_name("مراسل قناة الغد في الرباط سعيد الإدريسي").text == "سعيد الإدريسي"


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("مقتل أكثر من ألف إيراني في سورية منذ عام 2012", 1001, None, "ايراني"),
        ("مقتل 5 من ميليشيا إيران", 5, 5, "ميليشيا"),
        ("سقط عشرات القتلى", 20, 99, "القتلي"),
        ("أصيب مئات المدنيين", 200, 999, "المدنيين"),
        ("نحو 300 جندي", 270, 330, "جندي"),
        ("more than 1,000 Iranians", 1001, None, "iranians"),
        ("٢٤ قتيلا", 24, 24, "قتيلا"),
    ],
)
def test_quantities(text, low, high, unit):
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.unit) == pytest.approx((low, high, unit)) if high else (q.low, q.high, q.unit) == (low, high, unit)


def test_years_and_dates_are_not_quantities():
    assert find_quantities("في 24 يونيو/حزيران الماضي ومنذ عام 2011") == ()


def test_number_words_take_proclitics():
    (q,) = find_quantities("وعشرات الجرحى")
    assert (q.low, q.high) == (20, 99)


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Syrian", "SY"),
        ("Iraqi", "IQ"),
        ("Austrian", "AT"),
        ("Australian", "AU"),
        ("Moroccan", "MA"),
        ("Bourita", None),
        # irregular: countryinfo's demonyms, not an ending
        ("French", "FR"),
        ("Dutch", "NL"),
        ("Swiss", "CH"),
        ("Emirati", "AE"),
        ("Norwegian", "NO"),
        # shared: the most populous by a wide margin (the United States, not American Samoa), else none
        ("American", "US"),
        ("Dominican", "DO"),
        ("Christmas", None),
    ],
)
def test_an_english_demonym_names_its_cldr_country(word, country):
    """The countryinfo demonyms first, then an ending read back to a CLDR name ("Austrian" is not Australia's)."""
    assert demonym_country(word) == country


def test_english_names_cldr_replaced_are_still_places():
    """CLDR now writes "Türkiye" and "Czechia"; the tz database's country table keeps the names the news writes.
    A head two countries share ("Korea") names neither, and a lowercase word ("turkey") is no place."""
    from language.places import find_places

    found = find_places("Turkey and the Czech Republic met Britain's envoy in East Timor")
    assert [m.id for m in found] == ["TR", "CZ", "GB", "TL"]
    assert find_places("Korea") == [] and find_places("a roast turkey") == []


def test_a_common_word_opening_a_sentence_is_no_person_entity():
    """ "Students marched …": a capitalised first word that the learned lexicon translates to an Arabic common noun."""
    assert not [m for m in find_entities("Students marched through the old town on Sunday.") if m.type == "person"]
    assert [m.text for m in find_entities("Karim Velasco marched through the old town.") if m.type == "person"] == ["Karim Velasco"]
