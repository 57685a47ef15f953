"""Article metadata read off the text (``vectorstore.metadata``): wire datelines in the forms agencies file them."""

from __future__ import annotations

import pytest

from vectorstore.metadata import find_outlet, resolve_metadata


@pytest.mark.parametrize(
    "text,outlet",
    [
        # a dateline with neither city nor date: the agency, in brackets and followed by a dash, opens the first line
        ("Fourteen killed in Canada\n\n(AFP) - Fourteen people were killed", "AFP"),
        ("عنوان\n\n(أ ف ب) - قتل 14 شخصا", "أ ف ب"),
        ("(Interfax) - Nineteen people were killed", "Interfax"),  # any agency, not a list of known ones
        # not datelines: a caption's lower-case word, no dash after the brackets, a long bracketed phrase
        ("(left) - the minister at the signing", None),
        ("(AFP) Fourteen people were killed", None),
        ("(The New York Times Company Limited) - a note", None),
    ],
)
def test_a_bare_agency_opening_the_story_is_its_outlet(text, outlet):
    assert find_outlet(text) == outlet


def test_a_bare_agency_dateline_gives_no_date():
    """ "(AFP) -" names the outlet only: the article's date stays unknown rather than guessed."""
    fields, inferred = resolve_metadata("Title\n\n(AFP) - Fourteen people were killed on Friday.", {})
    assert fields["outlet"] == "AFP" and "outlet" in inferred
    assert "published" not in fields


@pytest.mark.parametrize(
    "text,outlet",
    [
        # a closing byline credits the agency of a story whose dateline names none
        (
            "Floods hit the north\n\nROME, May 4, 2019 — Heavy rain flooded towns.\nTwo rivers burst their banks.\n— Associated Press",
            "Associated Press",
        ),
        ("Storm\n\nText of the story.\n-- Reuters", "Reuters"),
        ("Storm\n\nText of the story.\n— reporting by our staff", None),  # not a name
        # a town with its country in brackets, then the outlet between dashes: the country is no agency
        ("عنوان\n\nتبوك (السعودية) - «الوطن» - هطلت أمطار غزيرة", "الوطن"),
        ("عنوان\n\nموسكو (روسيا) - «الحياة» - قال", "الحياة"),
        # a byline line of its own under the title: "city - outlet", the city one CLDR may not know
        ("عنوان الخبر\nالشارقة - الخليج\nنص الخبر", "الخليج"),
        ("عنوان\nنص أول\nنص ثان\nنص ثالث\nخاص الموقع - رياضة", None),  # page furniture further down
        # the agency after the date with no brackets: "... 1440 هـ الموافق 5 مايو 2019 م <agency>"
        ("عنوان\n\nالرياض 30 شعبان 1440 هـ الموافق 5 مايو 2019 م واس\nأعلنت الوزارة", "واس"),
        ("عنوان\n\nالقاهرة 5 مايو 2019 — أعلنت الوزارة.", None),  # the story itself opens after the date
        ("القاهرة.. وزراء الخارجية يجتمعون اليوم لبحث الأزمة", None),  # "اليوم" is no calendar day
    ],
)
def test_dateline_and_byline_forms(text, outlet):
    assert find_outlet(text) == outlet


@pytest.mark.parametrize(
    "text,outlet",
    [
        # a kashida between spaces is the dash of an Arabic dateline, inline or on a byline line of its own
        ("عنوان\n\nبيروت ـ «الوطن» ـ هطلت أمطار غزيرة", "الوطن"),
        ("عنوان الخبر\nجدة ـ سبق\nنص الخبر", "سبق"),
        # a paper's quoted name may hold a place; a bare name holding one is a reporter's ("city - name") or a city
        ("عنوان\n\nدمشق ـ «الرأي الأردني»: أعلنت الوزارة", "الرأي الأردني"),
        ("عنوان\n\nدمشق - سامي المصري - أعلنت الوزارة", None),
        ("عنوان\n\nدمشق-بغداد: خط جديد للنقل", None),
        # a spaced slash on a byline line of its own under the title
        ("عنوان الخبر\nحمص / سانا\nنص الخبر", "سانا"),
        ("عنوان الخبر\nحمص / بغداد\nنص الخبر", None),
        # a country whose capital bears its name heads a dateline under the title, not in the title itself
        ("عنوان\n\nالبحرين - بنا - أعلنت الوزارة", "بنا"),
        ("لبنان - وزير المالية: لا ضرائب جديدة\n\nقال الوزير", None),
    ],
)
def test_arabic_dateline_dashes_and_heads(text, outlet):
    assert find_outlet(text) == outlet


def test_an_arabic_end_mark_is_no_byline():
    """ "- انتهى -" closes an Arabic wire story: it names no agency (Arabic stories name theirs in the dateline)."""
    assert find_outlet("عنوان\n\nنص الخبر الأول.\n- انتهى -") is None


@pytest.mark.parametrize(
    "given,published",
    [
        ("2019-05-04 10:00:00", "2019-05-04"),  # ISO stamp
        ("Sat, 04 May 2019 18:02:33 GMT", "2019-05-04"),  # a feed's RFC 2822 stamp
        ("4 مايو 2019", "2019-05-04"),  # prose: the calendar reader
        ("May 4, 2019", "2019-05-04"),
        ("sometime in spring", "sometime in spring"),  # unreadable: kept as given, never guessed
        ("2019-13-45", "2019-13-45"),
    ],
)
def test_a_given_date_is_normalised_to_iso(given, published):
    fields, inferred = resolve_metadata("Title\n\nText of the story.", {"published": given})
    assert fields["published"] == published and "published" not in inferred


@pytest.mark.parametrize(
    "text,outlet",
    [
        # a dateline head: a few words opening with a known city or ending with the day, whatever the town
        ("عنوان\n\nمراكش، 2 يونيو 2019 (و م ع) - افتتح المهرجان", "و م ع"),
        ("Title\n\nTRUJILLO, Peru, May 3, 2019 (EFE) - A bus crashed.", "EFE"),
        ("عنوان\n\nدمشق، سوريا (سانا) -- افتتح المعرض", "سانا"),
        ("Title\n\nlima (EFE) — A bus crashed on Monday.", "EFE"),  # a known city typed in lower case
        ("Title\n\nthe mayor (left) — said the bus crashed.", None),  # lower-case words naming no city
        # a sentence naming a town or a day before something in brackets names no outlet
        ("عنوان\n\nوقال إن أشد المناطق تضررا هي رفح (جنوب) ووسط القطاع", None),
        ("عنوان\n\nونشر الشاعر عام 1999 ديوانه الأول (الصمت) ضمن سلسلة", None),
        ("عنوان\n\nقالت وسائل الإعلام الرسمية في كوبا الأحد (بالتوقيت المحلي) إن", None),
    ],
)
def test_a_dateline_head_is_a_city_or_a_day_not_a_sentence(text, outlet):
    assert find_outlet(text) == outlet


@pytest.mark.parametrize(
    "text,outlet",
    [
        # slots parted by slashes: a place, a date or a reporter, then the agency last (read by position, any agency)
        ("عنوان\nأنقرة/ 4 شباط/ فبراير/ وكالة نون – أعلنت الوزارة", "وكالة نون"),
        ("عنوان\nالرباط/ سعيد كمال/ زاد\nأعلنت الوزارة", "زاد"),
        ("عنوان\nأنقرة/ 4 شباط/ فبراير/ 2019 – أعلنت الوزارة", None),  # the last slot is a year, no agency
        ("عنوان\nنص أول\nنص ثان\nالرباط/ سعيد كمال/ زاد", None),  # a byline line is under the title
        ("عنوان\n\nالرباط /سعيد كمال/ اندلعت اشتباكات عنيفة في المدينة", None),  # a reporter between slashes
        # an agency in brackets after the day, even one whose name is also a town's
        ("عنوان\n\nعمّان في 12/03/2019 (طرابلس) - أعلنت الوزارة", "طرابلس"),
        ("عنوان\n\nعمّان (طرابلس) - أعلنت الوزارة اليوم أن المعبر سيفتح أبوابه", None),  # after a town: its region
        ("عنوان\n\nحلب (شمال سوريا) - خالد يوسف - اندلعت اشتباكات عنيفة في المدينة", None),
        # an outlet naming itself, then its day, on a line of its own under the title
        ("Storm hits coast\nCoast Daily , Monday 4 Mar 2019\nA storm hit the coast.", "Coast Daily"),
        ("عاصفة\nالنهار - الاثنين 4 مارس 2019\nضربت عاصفة الساحل", "النهار"),
        ("Storm hits coast\nLisbon, Monday 4 Mar 2019\nA storm hit the coast.", None),  # a city, not an outlet
        ("Storm hits coast\nLast updated , Monday 4 Mar 2019\nA storm hit the coast.", None),  # page furniture
        # a clock time after the day is one more slot of the credit line (vectorstore.credits)
        ("Storm hits coast\nCoast Daily , Monday 4 Mar 2019, 10:30 GMT\nA storm hit.", "Coast Daily"),
    ],
)
def test_slashed_bracketed_and_named_datelines(text, outlet):
    assert find_outlet(text) == outlet


@pytest.mark.parametrize(
    "text,outlet",
    [
        # a byline under the title names a reporter in the agency's place: a name a learned first name opens
        ("عنوان\nالرياض - خالد سعيد\nنص الخبر", None),
        ("عنوان\nجدة ـ عبد الله منصور\nنص الخبر", None),
        ("عنوان\nالرياض - واس\nنص الخبر", "واس"),
        # a town of two words that is a known place, or a town with its country in brackets, heads a byline too
        ("عنوان\nرام الله - وكالات\nنص الخبر", "وكالات"),
        ("عنوان\nبلدة صغيرة (كندا) - وكالات\nنص الخبر", "وكالات"),
        ("عنوان\nسارة علي - لندن\nنص الخبر", None),  # a reporter's name heads, a city follows
    ],
)
def test_a_byline_names_its_agency_not_its_reporter(text, outlet):
    assert find_outlet(text) == outlet


@pytest.mark.parametrize(
    "text,outlet",
    [
        # a dateline's day in figures and no year after its place, then the agency in brackets
        ("عنوان\n\nالرباط - 3 - 9 (لاماب) -- أعلنت الوزارة اليوم", "لاماب"),
        ("Title\n\nDOHA, 3/9 (QNA) - The ministry said", "QNA"),
        ("عنوان\n\nوانتهت المباراة 3 - 1 (الشوط الأول) - لصالح الفريق", None),  # a score, no place before it
        # a paper's bureau line: a known place, a colon, the paper's name in quotes
        ("عنوان\nباريس: «النهار»\nأعلنت الوزارة", "النهار"),
        ("عنوان\nباريس: سارة علي\nأعلنت الوزارة", None),  # a reporter, unquoted
        ("عنوان\nالوزير: «سنرد بقوة»\nأعلن الوزير", None),  # a subtitle quoting a person
        # a byline line parted by a bar: a known place, then the agency
        ("عنوان\nحمص | سانا\nأعلنت المحافظة", "سانا"),
        ("عنوان\nالرئيسية | أخبار\nأعلنت المحافظة", None),  # a site's breadcrumbs
        # a publisher crediting agencies it does not name: the publisher is the outlet
        ("عنوان\nالنبأ.نت - وكالات\nأعلنت الوزارة", "النبأ.نت"),
        ("عنوان\nزمردة - وكالات\nأعلنت الوزارة", "وكالات"),  # a town CLDR does not know: no site, words kept
        ("عنوان\nخالد سعيد - وكالات\nأعلنت الوزارة", None),  # a reporter
        # the byline's own word opens a writer's name, not an outlet's
        ("Storm hits coast\nBy Jane Roe, Monday 4 Mar 2019\nA storm hit the coast.", None),
        ("عاصفة\nبقلم: سمير حداد - الاثنين 4 مارس 2019\nضربت عاصفة الساحل", None),
        ("عاصفة\nبيروت - كتب سمير حداد\nضربت عاصفة الساحل", None),
    ],
)
def test_numeric_day_bureau_bar_and_publisher_bylines(text, outlet):
    assert find_outlet(text) == outlet
