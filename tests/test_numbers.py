"""The number reader's learned tables and the figure a hedge is said of (language.numbers)."""

from __future__ import annotations

import pytest

from language.numbers import (
    contrasting_predicates,
    count_predicates,
    find_quantities,
    learn_count_contrasts,
    learn_people_deeds,
    numbered_noun,
    people_deeds,
    reads_as_age,
    same_deed,
    unit_key,
)
from language.numerals import read_number


def test_the_killed_and_the_injured_are_contrasting_counts():
    # Words or stems, any inflection or proclitic: the table holds light stems of count predicates.
    assert contrasting_predicates("قتل", "أصيب") and contrasting_predicates("بمقتل", "إصابة")
    assert contrasting_predicates("جرحى", "مقتل") and contrasting_predicates("لقوا", "أصيبوا")


def test_two_wordings_of_one_deed_do_not_contrast():
    assert not contrasting_predicates("قتل", "لقي")  # never two figures side by side in news text
    assert not contrasting_predicates("قتل", "مقتل") and not contrasting_predicates("أصيب", "أصيبوا")
    assert not contrasting_predicates("قتل", "شخصا")  # a counted noun states no deed


def test_contrasts_are_learned_from_two_figures_of_one_sentence():
    assert {"قتل", "اصب", "جرح"} <= count_predicates()
    texts = [
        "قتل 3 أشخاص وأصيب 12 آخرون في انفجار.",
        "وأسفر الحادث عن مقتل 7 وإصابة 40 بجروح.",
        "قتل 5 أشخاص وأصيب 5 آخرون.",  # one figure twice: proves nothing
        "سقط 2 قتلى و9 جرحى في القصف.",
    ]
    assert learn_count_contrasts(texts, min_count=1) == [["اصب", "قتل"], ["اصب", "مقتل"], ["جرح", "قتل"]]
    assert learn_count_contrasts(texts, min_count=2) == []


def test_a_hedge_keeps_the_figure_it_is_said_of():
    (more,) = find_quantities("قتل أكثر من 40 شخصا في الفيضانات.")
    (least,) = find_quantities("قتل 12 شخصا على الأقل في الفيضانات.")
    (plain,) = find_quantities("قتل 12 شخصا في الفيضانات.")
    assert (more.low, more.figure, more.bound) == (41, 40, "floor")
    assert (least.low, least.figure, least.bound) == (12, 12, "floor")
    assert plain.figure is None


def test_the_number_a_count_states_is_read_once():
    # ``Quantity.stated``: the number a hedge is said of, or a plain figure; no one number for a range or a vague word.
    def stated(text: str) -> float | None:
        (q,) = find_quantities(text)
        return q.stated

    assert stated("قتل نحو 300 شخص في الزلزال.") == 300 and stated("قتل أكثر من 100 شخص.") == 100
    assert stated("نجا 11 شخصا على الأقل.") == 11 and stated("Up to 50 people were hurt.") == 50
    assert stated("قتل 13 شخصا.") == 13 and stated("About 48 people were injured.") == 48
    assert stated("أصيب عشرات الأشخاص.") is None and stated("قتل ما بين 10 و15 شخصا.") is None
    assert stated("قتل نحو 10 إلى 15 شخصا.") is None  # a hedged range states no one figure either


def test_a_hedged_figure_after_a_definite_word_is_a_count_not_an_index():
    # "المركز 16" names a place in a ranking; a figure hedged after it ("البالغ 25 على الأقل") is counted.
    (toll,) = find_quantities("وارتفع عدد الجرحى البالغ 25 على الأقل خلال الليل.")
    assert (toll.low, toll.high, toll.bound) == (25, None, "floor")
    assert find_quantities("وحل الفريق في المركز 16.") == ()


def test_a_span_of_years_is_an_age_by_its_marker_or_beside_a_name():
    assert reads_as_age("توفي عن عمر ", "، بحسب أسرته")
    assert reads_as_age("توفيت الكاتبة عن ", ".")
    assert reads_as_age("الطالب يوسف (", ") بجروح")
    assert reads_as_age("وكان يوسف، ", "، يدرس")
    assert reads_as_age("He died aged ", ".") and reads_as_age("a ", "-year-old driver")
    assert reads_as_age("تزوج في سن ", " قبل") and reads_as_age("الطفلة البالغة ", " أمام")
    assert not reads_as_age("يحكم البلاد منذ ", " وقال")
    assert not reads_as_age("(", "، وقال")


def test_a_feminine_dual_of_a_common_noun_counts_two():
    """ "سيارتان" (two cars), "وشرطيتين" (and two policewomen): the singular with ة is a learned common noun. Time units
    are ``find_duals``'s ("سنتين"); a definite dual ("الدولتين") refers back and is left alone."""
    from language.numbers import find_noun_duals

    assert [(q.text, q.low) for q in find_noun_duals("احترقت سيارتان قرب الجسر")] == [("سيارتان", 2)]
    assert [(q.text, q.low) for q in find_noun_duals("قتل طالبا وشرطيتين")] == [("شرطيتين", 2)]
    assert find_noun_duals("منذ سنتين بين الدولتين") == []


def test_the_noun_after_a_noun_of_a_figure_is_what_is_counted():
    (q,) = find_quantities("وبذلك يرتفع إلى 14 عدد القتلى في الفيضانات.")
    assert (q.unit_key, q.low) == ("قتل", 14)
    (plain,) = find_quantities("ووقع 14 عددا من الحوادث.")  # no definite noun after it: "عدد" is its own noun
    assert plain.unit_key != "قتل"


def test_two_wordings_of_one_deed_state_it():
    # Learned: each stands beside the injured (or the killed) as another figure, never beside the other.
    assert same_deed("لقوا", "مقتل") and same_deed("قتل", "لاقوا") and same_deed("أصيب", "جرح")
    assert not same_deed("قتل", "أصيب") and not same_deed("لقي", "جرحى") and not same_deed("قتل", "شخصا")


def test_number_words_that_make_no_compound_are_no_number():
    assert read_number("سبعه وعشرين") == 27 and read_number("ثلاثمايه وسته وعشرين") == 326 and read_number("مايه واربعه") == 104
    assert read_number("forty-two") == 42 and read_number("two hundred and six") == 206
    assert read_number("سبعه وعشره") is None and read_number("three and five") is None and read_number("سته وسبعه") is None


def test_a_range_in_words_is_a_range_not_their_sum():
    for text, unit in (
        ("أصيب مابين ستة وتسعة أشخاص في الحادث.", "اشخاص"),
        ("أصيب ما بين ستة وتسعة أشخاص في الحادث.", "اشخاص"),
        ("Between six and nine people were hurt in the crash.", "people"),
    ):
        (q,) = find_quantities(text)
        assert (q.low, q.high, q.unit) == (6, 9, unit), text
    (q,) = find_quantities("نزح بين خمسة وعشرين وثلاثين ألف شخص.")
    assert (q.low, q.high) == (25000, 30000)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("نزح نحو 4 آلاف و200 شخص من القرية.", 3780, 4620, "شخص"),  # the margin of "about" grows with the figure
        ("بلغت الصادرات 7 مليارات و305 ملايين دولار العام الماضي.", 7_305_000_000, 7_305_000_000, "دولار"),
        ("وصل عدد المشاركين إلى أكثر من ألف و300 طالب.", 1301, None, "طالب"),
        ("يسكن المدينة 1.2 مليون و400 ألف نسمة.", 1_600_000, 1_600_000, "نسمه"),
    ],
)
def test_digits_and_a_scale_then_a_smaller_figure_are_one_number(text, low, high, unit):
    """ "4 آلاف و200 شخص" is 4,200 persons: read apart, one sentence gave two figures (4,000 with no noun, and 200
    persons), so two sources' "4 آلاف و200" and "4200" disagreed."""
    (q,) = find_quantities(text)
    assert (round(q.low), None if q.high is None else round(q.high), q.unit) == (low, high, unit)


def test_a_figure_with_its_own_noun_or_a_range_is_no_compound():
    soldiers, civilians = find_quantities("قُتل 6 آلاف جندي و400 مدني في المعارك.")
    assert (soldiers.low, civilians.low) == (6000, 400)
    (estimate,) = find_quantities("تراوحت التقديرات بين 3 آلاف و9 آلاف دولار.")
    assert (estimate.low, estimate.high) == (3000, 9000)


@pytest.mark.parametrize("dual", ["مئتي", "مائتي", "مئتا", "مائتا", "مئتين", "مائتين"])
def test_two_hundred_is_read_in_either_spelling_of_the_hundred(dual):
    """Arabic writes the hundred مئة or مائة, and its dual likewise: "مائتي مليون" was read as "مليون"."""
    (quantity,) = find_quantities(f"رصدت الحكومة {dual} مليون يورو لإعادة الإعمار")
    assert (quantity.low, quantity.high) == (200_000_000, 200_000_000)


@pytest.mark.parametrize(
    ("text", "value"),
    [("وفي وصفه للثماني عشرة تهمة التي يواجهها", 18), ("اعتقل الأربعة عشر شخصا", 14), ("صوتت الإحدى عشرة دولة", 11)],
)
def test_a_teen_with_the_article_is_read_whole(text, value):
    """The article goes on the first word of 11-19 only: "للثماني عشرة تهمة" was read as "عشرة تهمة", ten charges,
    which then clashed with another outlet's "18 تهمة"."""
    (quantity,) = find_quantities(text)
    assert (quantity.low, quantity.high) == (value, value)


def test_sunday_before_ten_is_no_eleven():
    assert [q.low for q in find_quantities("وصل يوم الأحد عشرة أشخاص")] == [10]


@pytest.mark.parametrize("text", ["التزمت بهدنة من 15 إلى 17 حزيران/يونيو", "a truce from 15 to 17 June", "بين 10 و15 مايو"])
def test_a_span_of_days_of_a_month_is_no_count(text):
    """The second end falls on a date the calendar reads ("17 حزيران"): the range is days, not "about 16" of anything."""
    assert find_quantities(text) == ()


def test_a_range_of_a_noun_beside_a_date_is_still_a_count():
    (q,) = find_quantities("قتل بين 10 و15 شخصا في 3 مايو")
    assert (q.low, q.high) == (10, 15)


@pytest.mark.parametrize(
    "text", ["في النصف الأول من 2018 رغم تطبيق الهدنة", "في الربع الأخير من 2017 مقابل العام السابق", "ومنذ بدء التصعيد في18 شباط/فبراير"]
)
def test_a_year_after_from_and_a_day_glued_to_its_preposition_are_dates(text):
    """ "من" opens a range only with its second end; alone it is "from" before a year ("2018 رغم" was 2018 of
    "despite"). A month is never a counted noun ("في18 شباط", which the calendar does not read glued)."""
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("قتل جندي وأصيب 6 آخرون قرب الحدود", [("جندي", 1), ("6 آخرون", 6)]),  # the subject of a deed: one
        ("أسفرت الغارة عن مقتل مدني", [("مدني", 1)]),  # a deed's verbal noun before it
        ("خلف الانفجار قتيلا", [("قتيلا", 1)]),  # a deed noun itself, accusative
        ("أصيب صحفيان برصاص قناص", [("صحفيان", 2)]),  # the nominative dual: two
    ],
)
def test_a_bare_noun_after_a_deed_states_its_count(text, counts):
    assert [(q.text, q.low) for q in find_quantities(text)] == counts


@pytest.mark.parametrize(
    "text",
    ["قال الجندي إن الوضع هادئ", "قتل جنود في الكمين", "وصل وزير الخارجية إلى العاصمة", "كانت الحافلة تقل فريق الكرة", "مقتل فريق كرة"],
)
def test_a_definite_plural_or_deedless_noun_states_no_count(text):
    # The article refers back, a broken plural counts no one figure, and a singular with no deed names, not counts:
    # "فريق" shares the stem of a deed ("فرق") but heads the noun after it.
    assert find_quantities(text) == ()


def test_a_numeral_and_its_singular_noun_stay_one_count():
    assert [(q.text, q.low) for q in find_quantities("سقط 15 قتيلا")] == [("15 قتيلا", 15)]


def test_singular_nouns_are_learned_from_the_numbers_they_follow():
    from language.numbers import learn_singular_nouns

    texts = ["أصيب 12 حارسا و14 حارسا و25 حارسا", "الحارس حارس الحارس حارس حارس", "5 حراس", "قبل 20 عندما"] * 2
    assert learn_singular_nouns(texts, min_count=3) == ["حارس"]  # "عندم" is never written alone


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وبلغ عدد الزوار القادمين من الخارج 64.318 زائرا حتى مساء الثلاثاء.", 64318),  # points group thousands
        ("وصل إلى المطار 2.406118 مسافرا منذ بداية الموسم.", 2406118),  # one point lost: still whole travellers
        ("وقطعت القافلة 2.500 كيلومتر في أسبوع.", 2.5),  # a unit of measure may be fractional
        ("وبلغت الكلفة 1.500 دولار للشخص.", 1.5),  # so may money
    ],
)
def test_a_count_of_wholes_written_with_a_point_is_grouped_in_thousands(text: str, value: float) -> None:
    (q,) = find_quantities(text)
    assert q.low == q.high == value


def test_a_bare_number_after_an_age_word_is_years():
    (age,) = find_quantities("تزوجت في سن الـ14 ثم عادت إلى المدرسة")
    assert (age.low, age.unit_key) == (14.0, unit_key("عاما"))
    assert find_quantities("افتتحت الدورة الـ14 للمهرجان") == ()  # a rank, no count


@pytest.mark.parametrize(
    ("text", "figure", "words"),
    [
        ("قضت المحكمة بسجنه تسع سنوات ونصف السنة بتهمة الفساد", 9.5, "تسع سنوات ونصف السنة"),
        ("he was sentenced to nine and a half years in prison", 9.5, "nine and a half years"),
        ("أمضى في المنصب 12 عاما ونصف قبل أن يستقيل", 12.5, "12 عاما ونصف"),
        ("يبلغ عدد سكان المدينة ثلاثة ملايين ونصف نسمة", 3_500_000, "ثلاثة ملايين ونصف نسمة"),
        ("قضت المحكمة بسجنه سبع سنوات ونصف بتهمة الفساد", 7.5, "سبع سنوات ونصف"),  # a half with no noun after it
        ("وقدرت الخسائر بمليونين ونصف دولار", 2_500_000, "مليونين ونصف دولار"),  # half the scale, in the dual
    ],
)
def test_a_half_after_a_figure_or_its_noun_is_part_of_the_figure(text, figure, words):
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.stated, q.text) == (figure, figure, figure, words)


def test_half_of_another_noun_adds_nothing_to_the_figure_before_it():
    (q,) = find_quantities("قتل 20 شخصا ونصف الضحايا من الأطفال")
    assert (q.low, q.text) == (20, "20 شخصا")


def test_a_total_reached_is_the_number_of_the_noun_its_clause_names():
    assert numbered_noun("قال المتحدث إن عدد الطلاب الذين نقلوا إلى المستشفى ارتفع إلى ") == "الطلاب"
    assert numbered_noun("raising the number of migrants rescued off the coast to ") == "migrants"
    assert numbered_noun("ارتفع العدد الرسمي للقتلى إلى ") is None  # an adjective follows the definite "العدد"
    assert numbered_noun("بلغ عدد الطلاب 30 بعد أن ارتفع إلى ") is None  # another figure stands between


@pytest.mark.parametrize("text", ["The death toll has risen to three after an injured guard died", "Police said 3 had died by Monday"])
def test_a_function_word_after_a_figure_is_no_noun_of_it(text):
    (q,) = find_quantities(text)
    assert (q.text, q.unit) == (q.text.split()[0] if q.text[0].isdigit() else "three", None)


def test_an_age_told_by_its_ordinal_is_years():
    (age,) = find_quantities("زوجها والدها وهي في الرابعة عشرة من عمرها")
    assert (age.low, age.unit_key, age.text) == (14.0, unit_key("عاما"), "الرابعة عشرة")
    assert reads_as_age("زوجها والدها وهي في ", " من عمرها")
    (older,) = find_quantities("رحل الفنان في الثالث والسبعين من عمره")
    assert older.low == 73.0
    assert find_quantities("سجل الهدف في الدقيقة الثانية عشرة من المباراة") == ()  # a rank, neither ten nor twelve


def test_deeds_that_befall_people_are_learned_from_the_nouns_they_count():
    texts = ["أعلنت الشرطة اعتقال 6 أشخاص في المدينة."] * 8 + ["وتضم 40 منظمة حقوقية."] * 30 + ["وفد تضم 12 شخصا"] * 8
    assert learn_people_deeds(texts) == [unit_key("اعتقال")]  # "تضم" counts organisations far more often than people
    assert {unit_key("اعتقال"), unit_key("مقتل")} <= people_deeds()
