"""Attribution on real seed sentences: each party keeps its own clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.attribution import extract_attributions, format_attribution

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def seed_sentence(stem: str, start: str, end: str) -> str:
    """Verbatim sentence from a seed: from ``start`` through the first ``end`` after it."""
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    i = text.index(start)
    return text[i:text.index(end, i) + len(end)]


ARRIVAL_000 = seed_sentence("000_2330c4a5d8c05031", "وبينما ذكرت", "منذ أيام.")


def test_two_parties_two_clauses_in_seed_000():
    first, second = extract_attributions(ARRIVAL_000)
    assert first.party == 'قناة "العربية"' and first.party_en == "Al Arabiya" and first.verb == "ذكرت"
    assert ARRIVAL_000[first.claim_start:first.claim_end] == '"باقري" وصل إلى دمشق مساء الثلاثاء'
    assert second.party == 'مدير مكتب شبكة "الجزيرة" في إيران "عبدالقادر فايز"' and second.verb == "أكد"
    assert second.party_en == "Al Jazeera's Iran bureau chief Abdelkader Fayez"
    assert ARRIVAL_000[second.claim_start:second.claim_end] == "رئيس الأركان الإيراني متواجد بالعاصمة السورية منذ أيام"


@pytest.mark.parametrize(
    ("stem", "start", "end", "party_en", "claim_prefix"),
    [
        ("003_973aaadb01d70f69", 'وقالت وكالة "تسنيم"', "التعاون.", "Tasnim", "حاتمي وصل سورية"),
        ("003_973aaadb01d70f69", "وقالت الوكالة السورية للأنباء (سانا)", "البلدين.", "SANA", "أيوب ونظيره"),
        ("003_973aaadb01d70f69", "كما أشارت", "أيوب.", "ISNA", "حاتمي التقى"),
        ("001_b94b94cd0e2e6da0", "وقال باقري، للصحفيين", "السورية\".", "Bagheri", '"إيران من الآن'),
        ("004_992054940200dc08", "من جانبه، قال اللواء باقري", "المجالات.", "Bagheri", "نظام بلاده"),
        ("002_12e280588d4502f7", 'ونقلت وكالة "فارس"', "النظامين.", "Fars", "رئيس الأركان الإيراني اللواء"),
    ],
)
def test_single_party(stem, start, end, party_en, claim_prefix):
    sentence = seed_sentence(stem, start, end)
    (a,) = extract_attributions(sentence)
    assert a.party_en == party_en
    assert sentence[a.claim_start:a.claim_end].startswith(claim_prefix)


def test_relay_and_speaker():
    sentence = seed_sentence("002_12e280588d4502f7", 'نقلت "الوطن"', "في سوريا.")
    relay, speaker = extract_attributions(sentence)
    assert (relay.party_en, speaker.party_en, speaker.via) == ("Al-Watan", "Bagheri", "Al-Watan")
    assert sentence[speaker.claim_start:speaker.claim_end].startswith("النظام الإيراني سيقوم")
    assert format_attribution("سوريا تي في", [relay, speaker]) == "سوريا تي في, citing Al-Watan, citing Bagheri"


def test_source_after_clause():
    sentence = seed_sentence("004_992054940200dc08", "ووقع النظامان", "الإيراني.")
    (a,) = extract_attributions(sentence)
    assert a.party_en == "Iranian state TV" and a.verb == "وفق ما أفاد"
    assert sentence[a.claim_start:a.claim_end] == "ووقع النظامان السوري والإيراني، يوم الأربعاء، اتفاقا عسكريا لمساعدة الأسد في تعزيز دفاعاته الجوية"


def test_pronoun_source_and_nested_speech_are_ignored():
    sentence = seed_sentence("003_973aaadb01d70f69", "من جهتها قالت", "المبادئ.")
    (a,) = extract_attributions(sentence)  # "حاتمي أكد" is nested; "وفق هذه المبادئ" is not a source
    assert a.party_en == "SANA"


def test_relative_clause_stays_with_narrator():
    sentence = seed_sentence("002_12e280588d4502f7", "وأكد رئيس الأركان الإيراني الذي", "الجوي.")
    (a,) = extract_attributions(sentence)
    assert a.party == "رئيس الأركان الإيراني"
    assert "وصل" not in sentence[a.claim_start:a.claim_end]


def test_implicit_speaker():
    (a,) = extract_attributions("وأضاف أن محور المقاومة قام بردود فعل قوية.")
    assert a.party is None and a.verb == "أضاف"


def test_english_reporting():
    (a,) = extract_attributions("Al Arabiya reported that Bagheri arrived in Damascus on Tuesday evening.")
    assert a.party_en == "Al Arabiya"
    (b,) = extract_attributions("Bagheri arrived on Tuesday, according to Xinhua.")
    assert b.party_en == "Xinhua"


def test_format_attribution():
    first, second = extract_attributions(ARRIVAL_000)
    assert format_attribution("الخليج الجديد", [first]) == "Al-Khaleej Al-Jadeed, citing Al Arabiya"
    assert format_attribution("人民网", []) == "People's Daily Online"
    assert format_attribution("شينخوا", []) == "Xinhua"
    assert format_attribution("Some Local Paper", []) == "Some Local Paper"
    assert format_attribution(None, [second]) == "Al Jazeera's Iran bureau chief Abdelkader Fayez"


def test_independent_parties_join_with_and_in_both_languages():
    parties = extract_attributions(ARRIVAL_000)
    assert format_attribution("الخليج الجديد", parties) == (
        "Al-Khaleej Al-Jadeed, citing Al Arabiya and Al Jazeera's Iran bureau chief Abdelkader Fayez"
    )
    arabic = format_attribution("الخليج الجديد", parties, lang="ar")
    assert arabic.startswith("الخليج الجديد، نقلاً عن قناة العربية و")
    assert "عبدالقادر فايز" in arabic
    assert format_attribution(None, [], lang="ar") == "مصدر غير معروف"


@pytest.mark.parametrize(
    ("sentence", "party", "claim"),
    [
        ("The agreement will strengthen Syria's air defences, Bagheri said.", "Bagheri", "The agreement will strengthen Syria's air defences"),
        ("The agreement will strengthen Syria's air defences, said Bagheri, the chief of staff.", "Bagheri",
         "The agreement will strengthen Syria's air defences"),
        ("Iran and Syria signed a military agreement in Tehran on Wednesday, Iranian state television said.",
         "Iranian state television", "Iran and Syria signed a military agreement in Tehran on Wednesday"),
        ("Bagheri said the agreement would strengthen air defences.", "Bagheri", "the agreement would strengthen air defences"),
        ("باقري قال إن الاتفاقية ستعزز الدفاعات الجوية.", "باقري", "الاتفاقية ستعزز الدفاعات الجوية"),
    ],
)
def test_speaker_before_or_after_the_verb(sentence, party, claim):
    """The speaker stands before the verb (or after it, "said X"), and the claim is only what they say."""
    (a,) = extract_attributions(sentence)
    assert a.party == party
    assert sentence[a.claim_start:a.claim_end] == claim


def test_reporting_verbs_are_one_list_used_by_verify():
    from bot import attribution, verify

    assert verify._REPORTING_EN == frozenset(attribution.REPORTING_VERBS_EN)
    assert set(verify._REPORTING_AR.split()) == set(attribution.REPORTING_VERBS_AR)
