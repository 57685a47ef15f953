"""Attribution on real seed sentences: each party keeps its own clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.attribution import extract_attributions, format_attribution, party_outlet
from language.names import romanise

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def seed_sentence(stem: str, start: str, end: str) -> str:
    """Verbatim sentence from a seed: from ``start`` through the first ``end`` after it."""
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    i = text.index(start)
    return text[i : text.index(end, i) + len(end)]


ARRIVAL_000 = seed_sentence("000_2330c4a5d8c05031", "وبينما ذكرت", "منذ أيام.")


def test_two_parties_two_clauses_in_seed_000():
    first, second = extract_attributions(ARRIVAL_000)
    assert first.party == 'قناة "العربية"' and first.party_en == "Al Arabiya" and first.verb == "ذكرت"
    assert ARRIVAL_000[first.claim_start : first.claim_end] == '"باقري" وصل إلى دمشق مساء الثلاثاء'
    assert second.party == 'مدير مكتب شبكة "الجزيرة" في إيران "عبدالقادر فايز"' and second.verb == "أكد"
    # the outlet found by its kind of medium, the journalist by the quotes; Arabic names romanised for English
    assert second.party_en == f"Al Jazeera's Iran bureau chief {romanise('عبدالقادر فايز')}"
    assert ARRIVAL_000[second.claim_start : second.claim_end] == "رئيس الأركان الإيراني متواجد بالعاصمة السورية منذ أيام"


@pytest.mark.parametrize(
    ("stem", "start", "end", "party_en", "claim_prefix"),
    [
        ("003_973aaadb01d70f69", 'وقالت وكالة "تسنيم"', "التعاون.", "تسنيم", "حاتمي وصل سورية"),
        ("003_973aaadb01d70f69", "وقالت الوكالة السورية للأنباء (سانا)", "البلدين.", "سانا", "أيوب ونظيره"),
        ("003_973aaadb01d70f69", "كما أشارت", "أيوب.", "إسنا", "حاتمي التقى"),
        ("001_b94b94cd0e2e6da0", "وقال باقري، للصحفيين", 'السورية".', "باقري", '"إيران من الآن'),
        ("004_992054940200dc08", "من جانبه، قال اللواء باقري", "المجالات.", "باقري", "نظام بلاده"),
        ("002_12e280588d4502f7", 'ونقلت وكالة "فارس"', "النظامين.", "فارس", "رئيس الأركان الإيراني اللواء"),
    ],
)
def test_single_party(stem, start, end, party_en, claim_prefix):
    """The party's name: the outlet after its kind of medium (or its short form in brackets), or the speaker."""
    sentence = seed_sentence(stem, start, end)
    (a,) = extract_attributions(sentence)
    spelled = {
        "إسنا": "ISNA",
        "فارس": "Fars",
        "سانا": "SANA",
        "تسنيم": "Tasnim",
        "شينخوا": "Xinhua",
    }  # agencies the gazetteer spells; other names romanised
    assert a.party_en == spelled.get(party_en, romanise(party_en))
    assert sentence[a.claim_start : a.claim_end].startswith(claim_prefix)


def test_relay_and_speaker():
    sentence = seed_sentence("002_12e280588d4502f7", 'نقلت "الوطن"', "في سوريا.")
    relay, speaker = extract_attributions(sentence)
    # a role names nobody in this sentence alone: the speaker keeps its own words
    assert (relay.party_en, speaker.party_en, speaker.via) == (romanise("الوطن"), None, romanise("الوطن"))
    assert sentence[speaker.claim_start : speaker.claim_end].startswith("النظام الإيراني سيقوم")
    # a description of common nouns is no name: an English reader gets its own words, in quotes, not a romanisation
    assert format_attribution("Syria TV", [relay, speaker]) == f"Syria TV, citing {romanise('الوطن')}, citing «رئيس الأركان الإيراني»"
    assert (
        format_attribution("سوريا تي في", [relay, speaker], "ar")
        == "سوريا تي في، نقلاً عن الوطن السورية الموالية للأسد، نقلاً عن رئيس الأركان الإيراني"
    )


def test_source_after_clause():
    sentence = seed_sentence("004_992054940200dc08", "ووقع النظامان", "الإيراني.")
    (a,) = extract_attributions(sentence)
    assert a.party_en == "«التلفزيون الرسمي الإيراني»" and a.verb == "وفق ما أفاد"  # a medium described, not named
    assert (
        sentence[a.claim_start : a.claim_end]
        == "ووقع النظامان السوري والإيراني، يوم الأربعاء، اتفاقا عسكريا لمساعدة الأسد في تعزيز دفاعاته الجوية"
    )


def test_pronoun_source_and_nested_speech_are_ignored():
    sentence = seed_sentence("003_973aaadb01d70f69", "من جهتها قالت", "المبادئ.")
    (a,) = extract_attributions(sentence)  # "حاتمي أكد" is nested; "وفق هذه المبادئ" is not a source
    assert a.party_en == "SANA"


def test_relative_clause_stays_with_narrator():
    sentence = seed_sentence("002_12e280588d4502f7", "وأكد رئيس الأركان الإيراني الذي", "الجوي.")
    (a,) = extract_attributions(sentence)
    assert a.party == "رئيس الأركان الإيراني"
    assert "وصل" not in sentence[a.claim_start : a.claim_end]


def test_implicit_speaker():
    (a,) = extract_attributions("وأضاف أن محور المقاومة قام بردود فعل قوية.")
    assert a.party is None and a.verb == "أضاف"


def test_english_reporting():
    (a,) = extract_attributions("Al Arabiya reported that Bagheri arrived in Damascus on Tuesday evening.")
    assert a.party_en == "Al Arabiya"
    (b,) = extract_attributions("Bagheri arrived on Tuesday, according to Xinhua.")
    assert b.party_en == "Xinhua"


def test_format_attribution():
    """Outlets render as the article gives them; in English an Arabic name is romanised; wire agencies
    (names the gazetteer spells) take their spelling in the reader's language."""
    first, second = extract_attributions(ARRIVAL_000)
    assert format_attribution("الخليج الجديد", [first]) == f"{romanise('الخليج الجديد')}, citing Al Arabiya"
    assert format_attribution("الخليج الجديد", [first], "ar") == "الخليج الجديد، نقلاً عن قناة العربية"
    assert format_attribution("人民网", []) == "RenMinWang"
    assert format_attribution("Some Local Paper", []) == "Some Local Paper"
    assert format_attribution("رويترز", []) == "Reuters" and format_attribution("Reuters", [], "ar") == "رويترز"
    assert format_attribution(None, [second]) == f"Al Jazeera's Iran bureau chief {romanise('عبدالقادر فايز')}"


@pytest.mark.parametrize(
    ("party", "outlet"),
    [
        ('صحيفة "الصباح" المغربية', "الصباح"),  # unseen outlets: found by the kind of medium, not by a list
        ("وكالة المغرب العربي للأنباء (ومع)", "ومع"),
        ("Moroccan state television", "Moroccan state television"),
        ("الناطق باسم الحكومة مصطفى بايتاس", None),  # a person, not an outlet
    ],
)
def test_outlets_found_by_structure(party, outlet):
    assert party_outlet(party) == outlet


def test_unseen_speaker_romanised():
    (a,) = extract_attributions("وقال وزير الخارجية المغربي ناصر بوريطة إن المملكة ترحب بالاتفاق.")
    assert a.party_en == romanise("ناصر بوريطة")
    (b,) = extract_attributions("The talks will resume next week, Gen. Mark Thompson told reporters.")
    assert b.party_en == "Mark Thompson"


def test_independent_parties_join_with_and_in_both_languages():
    parties = extract_attributions(ARRIVAL_000)
    assert format_attribution("الخليج الجديد", parties) == (
        f"{romanise('الخليج الجديد')}, citing Al Arabiya and Al Jazeera's Iran bureau chief {romanise('عبدالقادر فايز')}"
    )
    arabic = format_attribution("الخليج الجديد", parties, lang="ar")
    assert arabic.startswith("الخليج الجديد، نقلاً عن قناة العربية و")
    assert "عبدالقادر فايز" in arabic
    assert format_attribution(None, [], lang="ar") == "مصدر غير معروف"


def test_an_article_without_an_outlet_is_named_by_its_title():
    from bot.attribution import unnamed_source

    assert unnamed_source("اتفاقية  عسكرية\nبين دمشق وطهران", "ar") == "مصدر غير مسمى («اتفاقية عسكرية بين دمشق وطهران»)"
    assert unnamed_source("Iran's military chief visits Syria", "en") == "an unnamed source (“Iran's military chief visits Syria”)"
    assert unnamed_source(None, "en") == "unknown source" and unnamed_source("  ", "ar") == "مصدر غير معروف"


@pytest.mark.parametrize(
    ("sentence", "party", "claim"),
    [
        (
            "The agreement will strengthen Syria's air defences, Bagheri said.",
            "Bagheri",
            "The agreement will strengthen Syria's air defences",
        ),
        (
            "The agreement will strengthen Syria's air defences, said Bagheri, the chief of staff.",
            "Bagheri",
            "The agreement will strengthen Syria's air defences",
        ),
        (
            "Iran and Syria signed a military agreement in Tehran on Wednesday, Iranian state television said.",
            "Iranian state television",
            "Iran and Syria signed a military agreement in Tehran on Wednesday",
        ),
        ("Bagheri said the agreement would strengthen air defences.", "Bagheri", "the agreement would strengthen air defences"),
        ("باقري قال إن الاتفاقية ستعزز الدفاعات الجوية.", "باقري", "الاتفاقية ستعزز الدفاعات الجوية"),
    ],
)
def test_speaker_before_or_after_the_verb(sentence, party, claim):
    """The speaker stands before the verb (or after it, "said X"), and the claim is only what they say."""
    (a,) = extract_attributions(sentence)
    assert a.party == party
    assert sentence[a.claim_start : a.claim_end] == claim


def test_reporting_verbs_are_one_list_used_by_verify():
    from bot import attribution
    from bot.verify import frame

    assert frame._REPORTING_EN == frozenset(attribution.REPORTING_VERBS_EN)
    assert set(frame._REPORTING_AR.split()) == set(attribution.REPORTING_VERBS_AR)


def test_a_feeds_handle_is_named_as_the_outlet_in_the_readers_language():
    """Corpora name sources by handles (no spaces, own transliteration): an Arabic answer still names them in Arabic."""
    from bot.attribution import handle_outlet_id, outlet_label

    assert outlet_label("skynews", "ar") == "سكاي نيوز عربية" and outlet_label("skynews", "en") == "Sky News Arabia"
    assert outlet_label("alarabia", "ar") == "العربية" and outlet_label("france24", "ar") == "فرانس 24"
    assert outlet_label("BBC", "ar") == "بي بي سي"
    assert handle_outlet_id("news") is None and handle_outlet_id("Iran Insider") is None  # too short / no such outlet
    assert outlet_label("Iran Insider", "en") == "Iran Insider"  # unknown names keep their own words


def test_a_country_opening_the_party_is_the_whole_party():
    # "الحداد الوطني" is what was announced, not part of who announced it; a two-word CLDR name stays whole.
    (a,) = extract_attributions("أعلنت كوبا الحداد الوطني ليومين اعتبارا من السبت، غداة حادث تحطم طائرة.")
    assert a.party == "كوبا"
    (b,) = extract_attributions("أعلنت كوريا الشمالية الاثنين أنها ستعلق التجارب.")
    assert b.party == "كوريا الشمالية"


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ('وكانت "روسكومنادزور" أعلنت في بيان، الأسبوع الماضي، أنها قدمت شكوى أمام محكمة', "روسكومنادزور"),
        ("وكانت الوزارة أعلنت، يوم الاثنين، أنها ستفتح تحقيقا", "الوزارة"),
        ("وقال، أمس الثلاثاء، إن الاتفاق تم", None),
        ("قال الاثنين وزير الخارجية إن الاتفاق تم", "وزير الخارجية"),  # a time before the party still opens it
        ("وكان الوزير قال إن الاتفاق تم", "الوزير"),
    ],
)
def test_a_time_between_commas_is_not_the_party_and_an_auxiliary_is_not_the_speaker(sentence, party):
    """In "X أعلنت، الأسبوع الماضي، أنها" the speaker is X, not "last week"; "وكانت" before X is the verb "had"."""
    assert [a.party for a in extract_attributions(sentence)] == [party]


def test_an_english_party_in_an_arabic_answer_is_no_bare_english_fragment():
    """An English wire story's "police said" quoted in an Arabic answer: a known outlet or place in its Arabic name,
    a description in its own words in quotes (as an English reader sees an Arabic one); Arabic parties unchanged."""
    from bot.attribution import Attribution, format_attribution

    def said(party: str) -> Attribution:
        return Attribution(party, None, "said", 0, 1)

    assert format_attribution("Reuters", [said("police")], "ar") == "رويترز، نقلاً عن «police»"
    assert format_attribution("Reuters", [said("Xinhua")], "ar") == "رويترز، نقلاً عن شينخوا"
    assert format_attribution("Reuters", [said("Syria")], "ar") == "رويترز، نقلاً عن سوريا"
    assert format_attribution("العربية", [said("الشرطة")], "ar") == "العربية، نقلاً عن الشرطة"
    assert format_attribution("Reuters", [said("police")], "en") == "Reuters, citing police"


@pytest.mark.parametrize(
    ("sentence", "party", "claim"),
    [
        (
            "The toll from the flood has risen to 31, the civil defence said Monday, as divers searched the river.",
            "the civil defence",
            "The toll from the flood has risen to 31",
        ),
        (
            "Two ferries collapsed at the pier, the port authority said, while others were towed away.",
            "the port authority",
            "Two ferries collapsed at the pier",
        ),
    ],
)
def test_a_clause_after_the_verbs_comma_is_circumstance_not_the_claim(sentence, party, claim):
    """ "X, police said Tuesday, as rescuers searched ...": the speaker's claim is what stands before the verb, however
    long the circumstance after its comma."""
    (a,) = extract_attributions(sentence)
    assert a.party == party
    assert sentence[a.claim_start : a.claim_end] == claim


def test_a_reporting_verb_after_a_figure_is_a_participle():
    """ "raising its estimate from the 45 reported a day earlier": no one is the party of "reported" there; the
    sentence's speaker is the one before "said"."""
    sentence = "At least 60 people are missing after the boat sank, the coast guard said on Friday, raising its estimate from the 45 reported a day earlier."
    (a,) = extract_attributions(sentence)
    assert a.party == "the coast guard"
    assert sentence[a.claim_start : a.claim_end] == "At least 60 people are missing after the boat sank"


def _said(sentence: str) -> list[tuple[str | None, str, str | None]]:
    return [(a.party, sentence[a.claim_start : a.claim_end], a.via) for a in extract_attributions(sentence)]


def test_a_relay_after_the_carrier_stays_a_chain():
    """ "ذكرت X نقلا عن Y أن …" and "…, X reported, citing Y": Y speaks X's clause through X (a chain), and X's party
    stops before the relay form."""
    arabic = "وقالت الإذاعة الحكومية نقلا عن مسؤول في الشرطة إن 7 أشخاص أصيبوا في الانفجار."
    assert _said(arabic) == [
        ("الإذاعة الحكومية", "7 أشخاص أصيبوا في الانفجار", None),
        ("مسؤول في الشرطة", "7 أشخاص أصيبوا في الانفجار", "«الإذاعة الحكومية»"),
    ]
    english = "Seven people were hurt in the blast, the state radio reported, citing a police official."
    assert _said(english) == [
        ("the state radio", "Seven people were hurt in the blast", None),
        ("a police official", "Seven people were hurt in the blast", "the state radio"),
    ]
    assert format_attribution("BBC", extract_attributions(english), "en") == "BBC, citing the state radio, citing a police official"


def test_a_count_after_the_verb_is_what_is_said_not_who_says_it():
    """ "The ministry, quoted by the radio, said 7 people were hurt": the words after "said" are the claim; reading
    them as a speaker after the verb ("…, said the mayor") made the claim its own party."""
    sentence = "The ministry, quoted by the state radio, said 7 people were hurt in the blast."
    assert all(a.party != "7 people were hurt in the blast" for a in extract_attributions(sentence))
    assert _said('"Seven people were hurt," said the mayor.')[0][0] == "the mayor"


@pytest.mark.parametrize(
    ("sentence", "party", "claim"),
    [
        # the speaker, then what it announced as a verbal noun, with no complementiser
        ("أعلنت وزارة الزراعة نفوق 40 رأسا من الماشية في الفيضان.", "وزارة الزراعة", "نفوق 40 رأسا من الماشية في الفيضان"),
        ("وأعلن الدفاع المدني انتشال 9 جثث من تحت الأنقاض.", "الدفاع المدني", "انتشال 9 جثث من تحت الأنقاض"),
        ("وأفادت مصادر محلية بمقتل 6 صيادين.", "مصادر محلية", "بمقتل 6 صيادين"),
        # a derived verbal noun (افتعال) with no count
        ("وأعلن الجيش اعتراض طائرة مسيرة فوق الميناء.", "الجيش", "اعتراض طائرة مسيرة فوق الميناء"),
        ("وأكدت البلدية سقوط جرحى في الحادث.", "البلدية", "سقوط جرحى في الحادث"),
        ("أعلن متحدث باسم الإطفاء في المدينة وفاة 3 عمال.", "متحدث باسم الإطفاء في المدينة", "وفاة 3 عمال"),
        # a time after the speaker belongs to what it said, not to the speaker
        ("أعلنت الشرطة المحلية، صباح الأحد، إصابة 11 شخصا بجروح.", "الشرطة المحلية", "صباح الأحد، إصابة 11 شخصا بجروح"),
        # speech in quotes after whom the speaker told
        ('وقال قائد الشرطة للصحفيين "عثرنا على 5 جثث"، مضيفا أن البحث مستمر.', "قائد الشرطة", 'للصحفيين "عثرنا على 5 جثث"'),
    ],
)
def test_an_announced_verbal_noun_is_the_claim_and_the_noun_phrase_before_it_the_speaker(sentence, party, claim):
    """ "أعلنت وزارة الصحة مقتل 12": no أن/إن introduces the claim, so the speaker's noun phrase ends where the object
    begins (a bare noun after an articled one, "ب" on a noun, the deed before a count, a quote); before, the party was
    None or ran into the object, and the claim was only the words after the sentence's last comma."""
    first = extract_attributions(sentence)[0]
    assert (first.party, sentence[first.claim_start : first.claim_end]) == (party, claim)


def test_a_name_or_a_prepositions_noun_stays_in_the_speaker():
    """A given name ("إيمان" is also a noun) and the noun after a preposition ("في ولاية") do not open the object."""
    assert _said('وقالت إحدى المسعفات وتدعى إيمان "لم نتوقع هذا العدد".')[0][0] == "إحدى المسعفات وتدعى إيمان"
    assert _said("وأعلن مسؤول في ولاية الشمال إصابة 8 أشخاص.")[0][:2] == ("مسؤول في ولاية الشمال", "إصابة 8 أشخاص")


def test_transport_and_a_verb_with_no_object_keep_their_old_reading():
    """ "نقل" without "عن" carries people, not words; a bare object right after the verb has no speaker."""
    assert all(a.party is None for a in extract_attributions("نقلت الحافلات 300 طالب إلى المدارس."))
    assert _said("وأكد وقوع أضرار كبيرة في المباني.")[0][0] is None


def test_a_relay_with_an_announced_verbal_noun_stays_a_chain():
    assert _said("ونقلت صحيفة محلية عن الهلال الأحمر إجلاء 70 عائلة.") == [
        ("صحيفة محلية", "إجلاء 70 عائلة", None),
        ("الهلال الأحمر", "إجلاء 70 عائلة", "«صحيفة محلية»"),
    ]


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("عمان - 4 نيسان (بترا) - قالت مديرية الأمن العام إن 3 أشخاص أصيبوا.", "مديرية الأمن العام"),
        ("الرباط 2 يناير 2019 /ومع/ أعلنت السلطات المحلية وفاة شخصين.", "السلطات المحلية"),
        ("LAGOS (AFP) - Nigeria's emergency agency said 20 people died.", "Nigeria's emergency agency"),
        # an articled adjective after an articled noun is the speaker's ("العام" alone dangles)
        ("وقال النائب العام إن التحقيق بدأ.", "النائب العام"),
        # where it was said ("على إنستغرام") is not who said it; a place that is articled ("على الحدود") may be
        ("وقالت فرقة الإطفاء على إنستغرام إن الحريق أُخمد.", "فرقة الإطفاء"),
        ("وقال مسؤول على الحدود إن المعبر أغلق.", "مسؤول على الحدود"),
    ],
)
def test_a_dateline_ends_before_the_speaker(sentence, party):
    """The dateline's dash (or slashes) opens the clause: the verb after it starts an attribution, and its speaker does
    not take in the dateline ("…(AFP) - X said" read AFP as the speaker); nor does the speaker take in what qualifies
    it or where it spoke."""
    assert extract_attributions(sentence)[0].party == party


def test_english_relays_by_aside_quote_and_citing_stay_chains():
    """ "X, quoted by Y, said", "Y quoted X as saying", "X said …, citing Y" (however far back X stands), and a
    speaker after a closing quote."""
    assert _said("The fire service, quoted by local radio, said 4 homes burned down.") == [
        ("local radio", "4 homes burned down", None),
        ("The fire service", "4 homes burned down", "local radio"),
    ]
    assert _said("The broadcaster quoted a hospital director as saying 9 patients were evacuated.") == [
        ("The broadcaster", "9 patients were evacuated", None),
        ("a hospital director", "9 patients were evacuated", "The broadcaster"),
    ]
    cited = _said("The Red Cross said about 40 families were displaced by the floods, citing village elders.")
    assert cited[-1][:2] == ("village elders", "about 40 families were displaced by the floods")
    assert cited[-1][2] and cited[-1][2].endswith("Red Cross")
    assert _said('"Nobody was hurt," the fire chief told reporters.')[0][0] == "the fire chief"


def test_a_rank_an_aside_or_a_short_quoted_name_stays_in_the_speaker():
    """A rank ("جنرال"), a bracketed aside and a quoted name of one or two words ('"النسور"') do not open the object:
    they are still the speaker's noun phrase."""
    assert _said('وقال قائد القوات الميجور جنرال سام بيل "بدأنا الانسحاب من المواقع".')[0][0] == "قائد القوات الميجور جنرال سام بيل"
    assert _said("أعلنت هيئة الطيران المدني (هطم) إلغاء 12 رحلة.")[0][:2] == ("هيئة الطيران المدني (هطم)", "إلغاء 12 رحلة")
    assert _said('أعلن النادي الملكي "النسور" ضم 3 لاعبين.')[0][0] == 'النادي الملكي "النسور"'


def test_speech_right_after_the_verb_has_no_speaker_there():
    """'وقالت "..."': the quote is all the claim, not a speaker's name followed by an object inside the quote."""
    assert _said('وقالت "كان الانفجار قويا جدا في الحي".') == [(None, '"كان الانفجار قويا جدا في الحي"', None)]


def test_a_dotted_abbreviation_neither_ends_the_party_nor_holds_a_complementiser():
    """ "(سي.إن ترك)": the dot inside a name is no full stop, and the "إن" after it no complementiser."""
    sentence = "وقالت قناة (إي.إن تي) المحلية إن 6 أشخاص أصيبوا."
    assert _said(sentence)[0][:2] == ("قناة (إي.إن تي) المحلية", "6 أشخاص أصيبوا")
