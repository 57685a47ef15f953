"""Cited parties as the reader sees them: only the party's own words, and a name only where there is one."""

from __future__ import annotations

import pytest

from bot.attribution import extract_attributions, format_attribution, party_label
from bot.entities import display
from language.names import describes, learn_common_nouns, named_persons, romanise


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        # a time word (CLDR weekday or month, a part of the day) ends a party and never opens one
        ("وأعلنت السلطات اليابانية الاثنين أن ثلاثة أشخاص قتلوا.", "السلطات اليابانية"),
        ("وقال الرئيس الروسي فلاديمير بوتين في كانون الأول/ديسمبر إن القوات ستنسحب.", "الرئيس الروسي فلاديمير بوتين"),
        ("وقال متحدث باسم الحكومة صباح الخميس إن 20 شخصا قتلوا.", "متحدث باسم الحكومة"),
        ("وقالت الاثنين وزارة الصحة إن 20 شخصا قتلوا.", "وزارة الصحة"),
        ("Police on Monday said that three people died.", "Police"),
        # whom the party told is not the party; an open quote begins the speech
        ('وقال محافظ المنطقة محمد جيلان لشبكة "سي إن إن" إن القطار انقلب.', "محافظ المنطقة محمد جيلان"),
        ("وقال المتحدث باسم الشركة للتلفزيون الرسمي، إن الطائرة سقطت.", "المتحدث باسم الشركة"),
        ('وقال محمد الطبطبائي "بعد عمليات بحث، لم نعثر على ناجين".', "محمد الطبطبائي"),
        ('وقالت شرطة المدينة على "تويتر" إن رجلا اعتقل.', "شرطة المدينة"),  # where it was said
        ("وقال علي أيوب إن الاتفاق وقع.", "علي أيوب"),  # folded على is also the name علي
        # "بحسب ما أعلنته X", "أعلنت X عن Y": the verb and its object are not the party
        ("وقتل خمسة أشخاص بحسب ما أعلنته الشرطة البريطانية.", "الشرطة البريطانية"),
        ("وأعلنت السلطات الباكستانية، عن مقتل 11 شخصا في التفجير.", "السلطات الباكستانية"),
        ("وأعلنت الشرطة الباكستانية مقتل 12 شخصا، بينهم مسؤول محلي.", "الشرطة الباكستانية"),  # the object, with no "أن"
        ("ووقع البلدان اتفاقية، بحسب وسائل إعلام محلية لم تكشف تفاصيلها.", "وسائل إعلام محلية"),  # a verb begins what they did
        ("وقالت قناة فرانس 24، إن الطائرة سقطت.", "قناة فرانس 24"),  # an outlet's digits are its name
        # after a dateline the verb opens the clause; "طائرة نقل" (a transport plane) is no "نقل" (relayed)
        ("القاهرة (CNN)— أعلنت وزارة الدفاع، الأحد، عن تحطم طائرة نقل خلال هبوطها، الأمر الذي أدى إلى مقتل 32 شخصا.", "وزارة الدفاع"),
    ],
)
def test_a_party_holds_no_time_addressee_or_speech(sentence, party):
    parties = [a.party for a in extract_attributions(sentence) if a.party]
    assert parties == [party]


@pytest.mark.parametrize(
    ("words", "description"),
    [
        ("شرطة هاكني", True),  # the police of a place: a noun that takes the article ("الشرطة")
        ("الناطق باسم وزارة الصحة الفلسطينية", True),
        ("جهاز الإطفاء في لندن", True),
        ("مصادر رسمية ليبية", True),
        ("وسائل الإعلام التركية", True),  # a construct whose head never takes the article, then a common noun
        ("التلفزيون الكوبي", True),
        ("لكنها", True),  # a frequent word that is never a name
        ("ناصر بوريطة", False),
        ("أشرف القدرة", False),  # a first name, then a family name that is also a word
        ("عبدالقادر فايز", False),
        ("تركي المالكي", False),  # a first name that is also a demonym
        ("باقري", False),
        ("المالكي", False),  # one article word that is a family name (a nisba)
        ("Iranian state television", False),  # no Arabic words: nothing to tell
    ],
)
def test_a_description_is_told_from_a_name_by_how_news_text_uses_its_words(words, description):
    assert describes(words) is description


def test_english_readers_get_names_romanised_and_descriptions_in_their_own_words():
    """Romanising a common noun ("Sharta Hakni") tells an English reader nothing: a description keeps its
    Arabic words, in quotes; a person's name is romanised; a place has its CLDR English name."""
    (police,) = extract_attributions("وقالت شرطة هاكني إن رجلا اعتقل.")
    (minister,) = extract_attributions("وقال ناصر بوريطة إن الاتفاق وقع.")
    (spokesman,) = extract_attributions("وقال الناطق باسم وزارة الصحة الفلسطينية إن 20 شخصا قتلوا.")
    assert police.party_en is None and format_attribution("BBC", [police]) == "BBC, citing «شرطة هاكني»"
    assert format_attribution("BBC", [minister]) == f"BBC, citing {romanise('ناصر بوريطة')}"
    assert format_attribution(None, [spokesman]) == "«الناطق باسم وزارة الصحة الفلسطينية»"
    assert display("روسيا", "en") == "Russia"
    # an Arabic reader gets the party's own words, always
    assert format_attribution("بي بي سي", [police], "ar") == "بي بي سي، نقلاً عن شرطة هاكني"
    assert display("شرطة هاكني", "ar") == "شرطة هاكني"
    # words known to be a name (an outlet's, from metadata) are romanised whatever they mean
    assert display("الخليج الجديد", "en", name=True) == romanise("الخليج الجديد")


def test_common_nouns_and_first_names_are_learned_from_usage():
    """A noun takes the article or a possessive ("الشرطة", "شرطتها"); a name never does; a word a rank heads
    is a first name; a frequent word that is neither is a particle, verb or adverb."""
    texts = ["قالت الشرطة إن شرطتها وصلت وإن شرطة المدينة حضرت"] * 10 + ["قال اللواء محمد باقري ثم وصل"] * 10
    texts += ["ثم ذهب"] * 300
    nouns, given, other = learn_common_nouns(texts)
    assert "شرطه" in nouns and "محمد" not in nouns and "باقري" not in nouns
    assert given == ["محمد"]
    assert "ذهب" in other and "باقري" not in other


def test_the_conjunction_on_a_possessed_noun_after_a_rank_is_no_first_name():
    """ "الوزير الفرنسي ونظيره الألماني": the word after the rank's adjectives is "and his counterpart", a noun the
    corpus writes with the article ("النظير"), not a first name; "وليد" after a rank stays one."""
    texts = ["التقى الوزير الفرنسي ونظيره الألماني أمس"] * 10 + ["قال الوزير الفرنسي وليد سمير أمس"] * 10
    texts += ["وصف النظير موقفه"] * 25
    _, given, _ = learn_common_nouns(texts)
    assert "ونظيره" not in given and "وليد" in given
    # and so, with the corpus's learned names, the counterpart is no person
    assert [m.text for m in named_persons("وعقد الوزير السوري سمير داود ونظيره الإيراني جلسة مباحثات.")] == ["سمير داود"]


def test_a_body_is_labelled_in_its_own_words_and_a_role_is_left_to_its_holder():
    """A body's English label is its Arabic words quoted, so no word of it ("لجنة") is taken for a person whose name
    the texts give; a role ("رئيس الأركان الإيراني", "الناطق باسم ...") has no label here: its holder may be named."""
    assert party_label("لجنة التحقيق البرلمانية") == "«لجنة التحقيق البرلمانية»"
    assert party_label("وسائل إعلام محلية") == "«وسائل إعلام محلية»"
    assert party_label("رئيس الأركان الإيراني") is None
    assert party_label("الناطق باسم الدفاع المدني") is None
    assert party_label("سعيد كمال وهو متحدث باسم الشرطة") is None
