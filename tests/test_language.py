"""The language floor: CLDR calendar names, one number reader, places, offset-exact spans."""

from __future__ import annotations

import datetime as dt

import pytest

from language.calendar import (
    months_named,
    MONTHS,
    WEEKDAYS,
    calendar_names,
    calendar_word,
    describe_relative,
    find_anchor,
    find_years,
    format_day,
    format_month,
    resolve_times,
)
from language.lexicon import english_plural, question_kind
from language.names import named_persons
from language.normalize import fold_with_offsets, normalize_arabic, original_span
from language.numbers import find_duals, find_quantities, learn_proclitic_words, unit_key
from language.numerals import read_number
from language.places import compatible, find_places, place_label
from language.subdivisions import agrees, news_evidence
from vectorstore.metadata import resolve_metadata

D = dt.date


# ---------------------------------------------------------------- calendar names


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("يونيو", 6),
        ("حزيران", 6),
        ("جوان", 6),
        ("يونيه", 6),  # Egypt/Gulf, Levant, Maghreb (DZ/TN), Egyptian spelling
        ("كانون الثاني", 1),
        ("جانفي", 1),
        ("تموز", 7),
        ("يوليوز", 7),
        ("جويلية", 7),
        ("غشت", 8),
        ("أوت", 8),
        ("آب", 8),
        ("تشرين الأول", 10),
        ("دجنبر", 12),
        ("July", 7),
        ("december", 12),
    ],
)
def test_month_names_cover_every_arabic_locale(name, month):
    assert MONTHS[normalize_arabic(name)] == month


def test_weekdays_monday_first_in_both_languages():
    assert WEEKDAYS[normalize_arabic("الأربعاء")] == WEEKDAYS["wednesday"] == D(2020, 7, 8).weekday()
    assert WEEKDAYS[normalize_arabic("الإثنين")] == WEEKDAYS[normalize_arabic("الاثنين")] == 0


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("الخميس 24 جوان 2021", D(2021, 6, 24)),  # Algerian/Tunisian month
        ("24 يوليوز 2019", D(2019, 7, 24)),  # Moroccan
        ("3 كانون الثاني 2020", D(2020, 1, 3)),  # Levantine
        ("Jul. 6, 2020", D(2020, 7, 6)),
        ("Monday, July 6, 2020", D(2020, 7, 6)),
    ],
)
def test_dates_in_regional_spellings(text, day):
    (m,) = resolve_times(text, None)
    assert m.value_start == day and text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("قبل ثلاثة أيام", "2020-07-05"),  # number words come from the shared numeral reader
        ("قبل خمسة عشر يوما", "2020-06-23"),
        ("two days ago", "2020-07-06"),
        ("في 6 تموز (يوليو) 2020", "2020-07-06"),  # Levantine name with the Egyptian one in brackets
        ("حزيران (يونيو) الماضي", "2020-06"),
    ],
)
def test_counted_days_and_bracketed_double_months(text, normalized):
    (m,) = resolve_times(text, D(2020, 7, 8))
    assert m.normalized == normalized


def test_a_bare_year_after_since_is_not_a_count_of_days():
    assert resolve_times("منذ 2011", D(2020, 7, 8)) == []


def test_bare_english_abbreviation_is_not_a_month():
    assert resolve_times("you may go in march", D(2020, 7, 8)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DAMASCUS, July 6, 2020 (Reuters) — Iran's top general arrived on Monday", D(2020, 7, 6)),
        ("دمشق 8 يوليو 2020 (شينخوا) وقعت إيران وسوريا اليوم", D(2020, 7, 8)),
        ("BEIRUT, Lebanon — Tuesday 3 March 2020: no agency", D(2020, 3, 3)),
        ("no date here", None),
        # a wire dateline with no year takes the year of the text's own full date, nearest it
        ("DAMASCUS, July 10 (Reuters) - the deal was signed on Thursday, July 9, 2020", D(2020, 7, 10)),
        ("دمشق 10 تموز (رويترز) - وقعت إيران وسوريا في 9 تموز 2020", D(2020, 7, 10)),
        ("DAMASCUS, Jan 2 (Reuters) - talks began on December 30, 2019", D(2020, 1, 2)),
        ("DAMASCUS, July 10 (Reuters) - no full date anywhere", None),
        ("Talks began on July 9, 2020. July 10 was quiet.", None),  # a date the story tells dates no article
    ],
)
def test_datelines_in_both_languages(text, expected):
    assert find_anchor(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "outlet"),
    [
        ("Iran general in Syria\nDAMASCUS, July 6, 2020 (Reuters) — Iran's top general arrived on Monday.", "2020-07-06", "Reuters"),
        ("عنوان\nدمشق 8 يوليو 2020 (شينخوا) وقعت إيران وسوريا اليوم", "2020-07-08", "شينخوا"),
    ],
)
def test_metadata_reads_datelines_with_the_same_reader(text, published, outlet):
    fields, inferred = resolve_metadata(text, {})
    assert (fields["published"], fields["outlet"]) == (published, outlet) and "published" in inferred


def test_given_dates_are_normalised_by_the_same_reader():
    assert resolve_metadata("x", {"published": "July 6, 2020"})[0]["published"] == "2020-07-06"
    assert resolve_metadata("x", {"published": "8 يوليو 2020"})[0]["published"] == "2020-07-08"


def test_format_day_per_language():
    assert format_day(D(2020, 7, 7), "en", "evening") == "Tuesday evening, 7 July 2020"
    assert format_day(D(2020, 7, 7), "ar", "evening") == "مساء الثلاثاء 7 يوليو 2020"
    assert format_day(D(2020, 7, 7), "en", weekday=False) == "7 July 2020"
    assert format_month(2020, 6, "ar") == "يونيو 2020"


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("خمسة وعشرين", 25),
        ("ثلاثة آلاف", 3000),
        ("مئتي ألف", 200_000),
        ("ألفين", 2000),
        ("ألف وخمسمائة", 1500),
        ("ثلاث مئة", 300),
        ("اثني عشر", 12),
        ("إحدى عشرة", 11),
        ("1.5 مليون", 1_500_000),
        ("٢٤", 24),
        ("twenty-four", 24),
        ("thirty-one", 31),  # bare "one" is no atom ("one of them"), its compounds are
        ("sixty one", 61),
        ("one hundred and five", 105),
        ("three thousand", 3000),
        ("ثمان عشرة", 18),  # the indefinite ثمانٍ
        ("45,44", 45.44),  # a decimal comma; "1,000" stays a thousand
        ("1,000", 1000),
    ],
)
def test_number_words(phrase, value):
    assert read_number(normalize_arabic(phrase)) == value


@pytest.mark.parametrize(
    ("text", "low", "high", "kind", "key"),
    [
        ("بين 10 و15 قتيلا", 10, 15, "count", "قتل"),
        ("من 10 إلى 15 جريحا", 10, 15, "count", "جرح"),
        ("10-15 people", 10, 15, "count", "peopl"),
        ("between 10 and 15 people", 10, 15, "count", "peopl"),
        ("ما لا يقل عن 50 شخصا", 50, None, "count", "شخص"),
        ("at least 12 people", 12, None, "count", "peopl"),
        ("up to 40 missiles", 0, 40, "count", "missil"),
        ("عشرات الآلاف من المتظاهرين", 20_000, 99_999, "count", "متظهر"),
        ("dozens of people", 24, 99, "count", "peopl"),
        ("خمسة وعشرين شخصا", 25, 25, "count", "شخص"),
        ("٣٬٠٠٠ جندي", 3000, 3000, "count", "جند"),
        ("أكثر من 20 مليون دولار", 20_000_001, None, "money", "USD"),
        ("$5 million", 5e6, 5e6, "money", "USD"),
        ("5 ملايين ليرة سورية", 5e6, 5e6, "money", "SYP"),
        ("2.5 مليار يورو", 2.5e9, 2.5e9, "money", "EUR"),
        ("a million dollars", 1e6, 1e6, "money", "USD"),
        ("a thousand people", 1000, 1000, "count", "peopl"),
        ("15 في المئة", 15, 15, "percent", "%"),
        ("5%", 5, 5, "percent", "%"),
        ("45,44%", 45.44, 45.44, "percent", "%"),
        ("ما بين 50 و85 مليون قتيل", 50e6, 85e6, "count", "قتل"),  # the scale word serves both ends
        ("between 10 and 15 million people", 10e6, 15e6, "count", "peopl"),
        ("بين 100 و200 شخص", 100, 200, "count", "شخص"),
        ("قتل 25 شخصا على الأقل", 25, None, "count", "شخص"),  # "at least" after the noun
        ("ارتفعت الحصيلة إلى 25 على الأقل", 25, None, "count", None),  # ... or right after the number: "على" is no noun
        ("12 people at least", 12, None, "count", "peopl"),
        ("أسقطت الدفاعات خمسا منها", 5, 5, "count", None),  # an accusative number word; "منها" (of them) is no noun
        ("قتل 7 بينهم أطفال", 7, 7, "count", None),
    ],
)
def test_quantities(text, low, high, kind, key):
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.kind, q.unit_key) == (low, high, kind, key)
    assert text[q.start : q.end] == q.text


def test_counted_nouns_meet_across_inflections():
    assert unit_key("أشخاص") == unit_key("شخصا") == unit_key("شخص")
    assert unit_key("قتيلا") == unit_key("قتلى") == unit_key("القتلى")
    assert unit_key("صواريخ") != unit_key("قتلى")
    (a,) = find_quantities("105 أشخاص")
    (b,) = find_quantities("164 شخصا")
    assert a.same_unit(b) and not a.overlaps(b)


def test_times_and_dates_are_not_counts():
    assert find_quantities("الساعة 10:30 يوم 24 يونيو 2020") == ()
    assert find_quantities("one of the victims") == ()
    assert find_quantities("وفي 2017 قاعدة جديدة") == find_quantities("04.00 بتوقيت غرينتش") == ()
    assert find_quantities("(2) صور") == ()  # a photo index, not a count


def test_a_year_shaped_number_can_still_count():
    assert [(q.low, q.unit_key) for q in find_quantities("قتل 2000 شخص")] == [(2000, "شخص")]
    assert [q.low for q in find_quantities("أكثر من 2000 شخص")] == [2001]


def test_neighbouring_quantities_keep_their_hedges():
    found = find_quantities("ارتفع 3 بالمائة وأكثر من 5 أشخاص، 5 ثم ما يصل إلى 7 صواريخ")
    assert [(q.low, q.high, q.kind) for q in found] == [(3, 3, "percent"), (6, None, "count"), (5, 5, "count"), (0, 7, "count")]


def test_an_unopened_range_keeps_both_numbers():
    assert [(q.low, q.unit_key) for q in find_quantities("مقتل 10 و15 جريحا")] == [(10, None), (15, "جرح")]


def test_an_arabic_dual_counts_two_of_a_cldr_unit():
    text = "في زيارة تستمر ليومين، وبعد ساعتين من وصوله"
    days, hours = find_duals(text)
    assert (days.text, days.low, days.high, days.measure) == ("يومين", 2, 2, "duration-day")  # the proclitic ل stays out
    assert text[days.start : days.end] == "يومين" and days.unit == normalize_arabic("يومان")
    assert (hours.text, hours.measure) == ("ساعتين", "duration-hour")
    assert find_duals("يومان")[0].unit == days.unit  # nominative and oblique compare equal
    assert find_duals("وصل يوم الأحد بعد أيام") == []  # singular and plural are not duals


def test_bare_years_are_read_with_their_offsets():
    text = "نشر الكتاب سنة ١٥٢٠ وفي 2011 قتل 2.5% و12345 شخصا"
    years = find_years(text)
    assert [(y.text, y.normalized, y.granularity) for y in years] == [("١٥٢٠", "1520", "year"), ("2011", "2011", "year")]
    assert all(text[y.start : y.end] == y.text for y in years)


# ---------------------------------------------------------------- question kinds


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was the treaty signed?", "date"),
        ("In what year did the war end?", "date"),
        ("متى انتهت الحرب؟", "date"),
        ("في أي عام تأسست الجامعة؟", "date"),
        ("ما هو تاريخ افتتاح المتحف؟", "date"),
        ("How many people live in the city?", "number"),
        ("كم عدد سكان المدينة؟", "number"),
        ("كم عاما استمرت الحرب؟", "number"),  # "how many years" counts, it does not date
        ("ماهي نسبة المشاركة؟", "number"),
        ("Who founded the company?", "person"),
        ("من هو مؤسس الشركة؟", "person"),
        ("Where is the museum?", "place"),
        ("أين يقع المتحف؟", "place"),
        ("من أين جاء الوفد؟", "place"),
        ("ماهي الدولة التي استضافت البطولة؟", "place"),
        ("وما هي المدينة التي ولد فيها؟", "place"),
        ("Which country hosted the games?", "place"),
        ("In which city was he born?", "place"),
        ("What did the minister announce?", None),
        ("ماذا أعلن الوزير؟", None),
        ("لماذا رفضت الدولة العرض؟", None),  # a place noun without "which" asks for no place
        ("What did the minister hope for when he visited?", None),  # the first interrogative decides, not "when"
        ("How old was the pilot when he retired?", "number"),
        ("Who led the army when the war began?", "person"),
        ("من كم محافظة تتكون الدولة؟", "number"),  # "من كم": of how many, not "who"
        ("ما اسم الرجل الذي نجا من الحادث؟", "person"),  # "the name of" a person noun asks for a person
        ("ما هو اسم وزير الخارجية؟", "person"),  # an office is a person
        ("What is the name of the man who survived?", "person"),
        ("What's the name of the Iranian pilot?", "person"),  # "what's": "what is"; one adjective before the noun
        ("Which player scored the goal?", "person"),
        ("What's the name of the city?", "place"),
        ("ما اسم العملية العسكرية؟", None),  # the name of a thing: a clause, not a person
        ("What is the name of the company?", None),
        ("What is the president's plan?", None),  # a person noun not after "name of" / "which" asks for no person
        ("What is the name of the new foreign minister who resigned?", "person"),  # two words before the noun
        ("What is the name of the operation that the president launched?", None),  # the noun named is the operation
        ("Which senior official resigned after the vote?", "person"),  # an official is a person
        ("Which areas did the floods reach?", "place"),
        ("In which northern area did the troops gather?", "place"),  # "which area" is a region
        ("What area does the new park cover?", None),  # "what area" as often asks for a measure
    ],
)
def test_question_kind(question, kind):
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("الرابع والعشرين من الشهر الماضي", "the 24th of last month"),
        ("مساء الثلاثاء", "Tuesday evening"),
        ("أمس الثلاثاء", "yesterday (Tuesday)"),
        ("الأسبوع الماضي", "last week"),
        ("منذ أيام", "a few days earlier"),
        ("24 يونيو", "24 June"),
    ],
)
def test_unresolved_times_are_said_in_english(text, english):
    (mention,) = resolve_times(text, None)  # no anchor: kept relative
    assert not mention.resolved and describe_relative(mention.relative, mention.part_of_day) == english


def test_calendar_names_by_language():
    assert calendar_word(normalize_arabic("تموز")) == calendar_word("july") == ("month", 7)
    assert calendar_word("monday") == ("weekday", 0) and calendar_word("كتاب") is None
    arabic = calendar_names("month", 7, "ar")
    assert {"يوليو", "تموز", "جويليه"} <= set(arabic) and "july" not in arabic
    assert calendar_names("weekday", 2, "en") == ["wednesday"]


# ---------------------------------------------------------------- places


def test_places_meet_across_languages_and_spellings():
    ar = find_places("وصل إلى دمشق قادما من سورية")
    en = find_places("arrived in Damascus, Syria")
    assert [m.id for m in ar] == [m.id for m in en] == ["Asia/Damascus", "SY"]
    assert [m.id for m in find_places("سوريا")] == ["SY"]
    assert all(t[m.start : m.end] == m.text for t, ms in (("وصل إلى دمشق قادما من سورية", ar),) for m in ms)


def test_city_is_inside_its_country():
    assert compatible("Asia/Damascus", "SY") and compatible("SY", "Asia/Damascus")
    assert not compatible("Asia/Damascus", "IR") and not compatible("Asia/Damascus", "Asia/Tehran")


def test_demonyms_and_ambiguity_are_reported():
    (m,) = find_places("بالعاصمة السورية")
    assert (m.id, m.via) == ("SY", "demonym")
    assert find_places("بالعاصمة السورية", demonyms=False) == []
    (amman,) = find_places("في عمان")
    assert {amman.id, *amman.alternatives} == {"OM", "Asia/Amman"}


def test_iso_short_names_count_beside_cldr_names():
    """CLDR says "المملكة العربية السعودية" and "Palestinian Territories"; news says "السعودية" and "Palestine"."""
    assert [(m.id, m.text, m.via) for m in find_places("زار السعودية ثم فلسطين")] == [("SA", "السعودية", "name"), ("PS", "فلسطين", "name")]
    assert [m.id for m in find_places("Palestine and Iran")] == ["PS", "IR"]
    assert [(m.id, m.via) for m in find_places("المواطنين السعوديين")] == [("SA", "demonym")]


def test_a_name_after_the_preposition_lam_reads_though_its_alif_is_dropped():
    """ "للأردن" is ل + الأردن written without the article's alif; the span starts at the letter shared by both."""
    text = "عبرت الحدود المحاذية للأردن ثم وللكويت، لا لله ولا للتو"
    found = find_places(text)
    assert [(m.id, m.via) for m in found] == [("JO", "name"), ("KW", "name")]
    assert [text[m.start : m.end] for m in found] == [m.text for m in found] == ["لأردن", "لكويت"]
    assert find_places("للمدنيين وللعاملين") == []
    assert [m.id for m in find_places("ملياران لليبيا ومثلها للبنان")] == ["LY", "LB"]  # names that begin with ل


def test_short_town_names_that_are_common_words_are_not_places():
    """ "ترك" (left) is CLDR's Arabic for Chuuk and "نوم" (sleep) for Nome; Gaza and Dubai stay."""
    assert find_places("ترك الرجل المدينة بعد نوم قصير") == []
    assert [m.id for m in find_places("من غزة إلى دبي")] == ["Asia/Gaza", "Asia/Dubai"]


def test_lowercase_english_word_is_not_a_place():
    assert find_places("the jordan river in Jordan")[0].text == "Jordan"
    assert len(find_places("the jordan river in Jordan")) == 1


def test_provinces_are_places_inside_their_country():
    """CLDR knows one city per time zone; a province the news names ("إدلب", "Deir ez-Zor") is a place of its own."""
    found = find_places("قصف في ريف إدلب وفي دير الزور")
    assert [(m.id, m.country, m.kind) for m in found] == [("SY-ID", "SY", "city"), ("SY-DY", "SY", "city")]
    assert [m.id for m in find_places("clashes in Deir ez-Zor and Hama")] == ["SY-DY", "SY-HM"]
    assert [m.id for m in find_places("في محافظة الأنبار")] == ["IQ-AN"]
    assert compatible("SY", "SY-ID") and not compatible("SY-ID", "SY-HM") and not compatible("SY-ID", "IQ")
    assert place_label("SY-HM", "ar") == "حماة" and place_label("SY-HM", "en") == "Hama"


def test_a_province_named_by_a_common_word_is_no_place():
    """Kuwait's "العاصمة", Egypt's "الشرقية", Lebanon's "شمال": the news rarely names the country beside them."""
    assert find_places("وصل إلى العاصمة بعد قصف الغوطة الشرقية في شمال البلاد") == []


def test_a_subdivision_name_agrees_with_its_latin_spelling_by_skeleton():
    assert agrees("دير الزور", ["Dayr az Zawr"]) and agrees("بابل", ["Babylon", "Babil"]) and agrees("حماة", ["Hama", "Hamah"])
    assert not agrees("الحبار", ["Akkar"])  # a mistranscribed native name is not read


def test_news_evidence_counts_the_articles_that_name_the_country_beside_a_name():
    rows = [{"id": "XX-1", "country": "SY", "ar": "حمص", "en": ["Homs"]}, {"id": "XX-2", "country": "EG", "ar": "الشرقية", "en": []}]
    texts = ["اشتباكات في حمص وسط سوريا", "قتلى في حمص", "الغوطة الشرقية قرب دمشق", "لا شيء هنا"]
    assert news_evidence(rows, texts) == {"XX-1": (2, 1), "XX-2": (1, 0)}


def test_place_labels():
    assert place_label("SY", "en") == "Syria" and place_label("Asia/Damascus", "ar") == "دمشق"


# ---------------------------------------------------------------- folding


def test_fold_keeps_offsets():
    text = "مساءَ أمسِ ٢٤ Türkiye"
    folded, origin = fold_with_offsets(text)
    assert folded == "مساء امس 24 turkiye"
    start = folded.index("24")
    assert text[slice(*original_span(origin, start, start + 2))] == "٢٤"


# ---------------------------------------------------------------- quantities: the article, proclitics, model numbers


def test_a_scale_word_with_the_article_counts_before_its_noun():
    (q,) = find_quantities("ما يقارب المائة رجل إطفاء")
    assert (q.low, q.high, q.approx, q.unit_key) == (90, pytest.approx(110), True, unit_key("رجل"))
    assert [(q.low, q.unit_key) for q in find_quantities("زهاء الألف مقاتل")] == [(900, unit_key("مقاتل"))]
    assert [(q.low, q.kind) for q in find_quantities("ارتفع 15 في المائة")] == [(15, "percent")]
    # without a counted noun right after it: a percent, an ordinal, the noun of a vague plural
    assert find_quantities("في المائة من السكان") == find_quantities("الذكرى المئة الأولى") == find_quantities("بالمائة رجل") == ()


def test_a_word_with_a_proclitic_is_not_the_counted_noun():
    assert [(q.text, q.unit) for q in find_quantities("قتل 200 وإصابة 50")] == [("200", None), ("50", None)]
    assert [q.unit for q in find_quantities("قتل 200 واصابة 50")] == [None, None]  # no hamza written: a count follows
    assert [q.unit for q in find_quantities("قتل 10 بالرصاص و7 للشخص")] == [None, None]
    assert [q.unit for q in find_quantities("18 عاما فأكثر")] == ["عاما"]
    # counted nouns that begin with the same letters keep their number
    assert [q.unit_key for q in find_quantities("200 وفاة و3 بنادق و5 كيلومترات")] == [
        unit_key("وفاة"),
        unit_key("بنادق"),
        unit_key("كيلومترات"),
    ]


def test_a_number_after_a_capitalised_name_is_a_model_not_a_count():
    assert find_quantities("A Boeing 737 crashed near the city") == ()
    assert find_quantities("the council passed Resolution 2254 on Friday") == ()
    assert [q.low for q in find_quantities("On Sunday 250 people died, in June 300 people")] == [250, 300]
    assert [q.low for q in find_quantities("the Airbus carried 150 passengers")] == [150]


def test_a_number_after_a_definite_noun_names_a_thing_not_a_count():
    assert find_quantities("بموجب القرار 2254 الصادر عن المجلس") == ()
    assert find_quantities("سجل الهدف في الدقيقة 66.") == find_quantities("في دور الـ 16 للبطولة") == ()
    # a count follows a verb or a preposition (إلى, also written without its hamza), or keeps its noun
    assert [q.low for q in find_quantities("يرفع عدد الضحايا إلى 110 منذ الأربعاء")] == [110]
    assert [q.low for q in find_quantities("يرفع عدد الضحايا الى 110 منذ الأربعاء")] == [110]
    assert [(q.low, q.unit_key) for q in find_quantities("بلغ عدد المصابين 4 أشخاص")] == [(4, "شخص")]


def test_a_word_with_the_article_is_not_a_numerals_counted_noun():
    assert [(q.text, q.unit) for q in find_quantities("أصدر 2254 الصادر")] == [("2254", None)]
    # the hamza is written: "ألقاب" has no article; vague plurals and "من" take a definite noun
    assert [q.unit_key for q in find_quantities("فاز بـ4 ألقاب")] == [unit_key("ألقاب")]
    assert [q.unit_key for q in find_quantities("سقط عشرات القتلى")] == [unit_key("قتلى")]
    assert [q.unit_key for q in find_quantities("مقتل 5 من الجنود")] == [unit_key("جنود")]


def test_a_proclitic_is_read_off_only_where_the_corpus_reads_it():
    # "بنيران" is ب + "نيران" (ANT writes "النيران", never "البنيران"): the next phrase, not the counted noun
    assert [(q.text, q.unit) for q in find_quantities("قتل ثلاثمئة بنيران القوات")] == [("ثلاثمئة", None)]
    assert [q.unit for q in find_quantities("أصيب 1400 بجروح")] == [None]
    # nouns whose first letter is ب ك ل و ف keep it in their key
    assert unit_key("كيلومترات") == unit_key("كيلومتر") != unit_key("يلومتر")
    assert unit_key("بنادق") == unit_key("بندقية") and unit_key("لاجئين") == unit_key("لاجئا")
    assert unit_key("بصواريخ") == unit_key("صواريخ") and unit_key("وقتلى") == unit_key("قتلى")
    assert [q.unit_key for q in find_quantities("8 فئات وأربع ولايات")] == [unit_key("فئات"), unit_key("ولايات")]


def test_proclitic_words_are_learned_from_how_the_rest_takes_the_article():
    texts = ["النيران النيران النيران بنيران بنيران", "البنادق البنادق البنادق بنادق بنادق", "الآليات الآليات الآليات فئات فئات"]
    assert learn_proclitic_words(texts) == ["بنيران"]  # "فئات" is not ف + "آليات": the hamza is counted as written


def test_currency_names_do_not_take_common_nouns():
    # CLDR's Arabic name of the withdrawn ECU opens with "وحدة" (unit); only currencies in use give a bare head word
    assert [(q.kind, q.unit_key) for q in find_quantities("تضم 15 وحدة سكنية")] == [("count", unit_key("وحدة"))]
    assert [(q.kind, q.unit_key) for q in find_quantities("دفع 50 دينارا")] == [("money", "money:دينار")]


def test_quantities_are_cached_and_immutable():
    text = "قتل 5 أشخاص"
    assert find_quantities(text) is find_quantities(text)
    assert isinstance(find_quantities(text), tuple)


def test_a_name_after_a_demonym_is_a_person_and_a_preposition_on_a_noun_is_no_name():
    """News introduces a foreigner by nationality ("الرومانية سيمونا هاليب"), a first name no rank taught; "بلقب"
    (ب + the noun لقب) is the clause going on, though ranks heading it taught it as a first name."""
    text = "فازت المصنفة أولى في العالم الرومانية سيمونا هاليب بلقب فردي السيدات في البطولة"
    assert [m.text for m in named_persons(text)] == ["سيمونا هاليب"]
    assert [m.text for m in named_persons("فاز الإسباني رفايل نادال المصنف أول عالميا")] == ["رفايل نادال"]  # not "... المصنف"
    assert named_persons("وقالت الحكومة السورية في بيان إن القوات الروسية شنت غارات على مواقع") == []  # no name after them
    assert named_persons("توجت اللاعبة بلقب فردي السيدات") == []
    assert [m.text for m in named_persons("ولد أحمد شوقي في القاهرة")] == ["أحمد شوقي"]  # a learned first name still opens one


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("woman", "women"),  # irregular: adding "s" wrote "womens"
        ("women", "women"),  # plural already
        ("person", "people"),
        ("boss", "bosses"),  # adding "s" wrote "boss"
        ("news", "news"),
        ("wounded", "wounded"),  # a participle
        ("tanker", "tankers"),
        ("bus", "buses"),  # a singular in s: inflect read "bus" as the plural of "bu"
        ("crisis", "crises"),
        ("votes", "votes"),
        ("series", "series"),
    ],
)
def test_english_plural_of_a_counted_noun(word, plural):
    assert english_plural(word) == plural


def test_months_named_reads_either_language_and_either_arabic_name():
    assert months_named("How many boats were seized in March?") == {3}
    assert months_named("ضبطت السلطات في آذار/مارس 12 قاربا") == {3}
    assert months_named("في أيلول وفي يوليو") == {9, 7}
    assert months_named("How many boats were seized last week?") == frozenset()
    assert months_named("How many boats may have sunk as migrants march on?") == frozenset()  # a verb, not May
