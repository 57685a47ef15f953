"""Two outlets' counts of one thing in two languages: an English wire story beside an Arabic one.

Sentences are made up (no bench article, no story word in the code); the pairing goes through the packaged
multilingual sentence model and the learned lexicon (``bot/models/lexicon.json``) as the service's does.
"""

from __future__ import annotations

import datetime as dt

from bot.claims import Evidence, extract_claims
from bot.conflicts import find_conflicts
from vectorstore.metadata import dateline_end

DAY = dt.date(2019, 3, 12)


def numbers(*evidence: Evidence):
    return [c for e in evidence for c in extract_claims(e) if c.slot == "number"]


def test_a_wire_dateline_ends_before_the_story():
    for text, first in (
        ("LIMA, March 12 (Reuters) - Twelve miners died", "Twelve"),
        ("OSLO, Norway, 12 March 2019 (AFP) — A storm", "A storm"),
        ("(AFP) - Three boats sank", "Three"),
        ("عمان 12 مارس 2019 (بترا) - قال الوزير", "قال"),
    ):
        assert text[dateline_end(text) :].lstrip().startswith(first), text
    for text in ("The minister (left) - who spoke first", "قالت الوكالة (سانا) إن 5 أشخاص"):
        assert dateline_end(text) == 0


def test_the_dateline_is_no_part_of_a_counts_frame():
    (count,) = numbers(Evidence(1, "a", "LIMA, March 12 (Reuters) - Twelve miners were killed in a blast.", "Reuters", DAY))
    assert "Reuters" not in count.frame and count.frame.startswith("#")


def test_an_english_count_carries_the_arabic_predicate_of_its_deed():
    (count,) = numbers(Evidence(1, "a", "A blast in the mine killed 12 workers on Tuesday.", "Wire", DAY))
    assert {"kill", "قتل"} <= count.cues


def test_a_verb_after_and_opens_the_next_clause_not_a_further_noun():
    killed, injured = numbers(Evidence(1, "a", "The blast killed 12 workers and injuring 30 others.", "Wire", DAY))
    assert not killed.partial
    (crew,) = numbers(Evidence(2, "b", "The ship carried 40 sailors and crew.", "Wire", DAY))
    assert crew.partial


def test_a_model_name_joined_by_a_hyphen_counts_nothing():
    assert [c.value for c in numbers(Evidence(1, "a", "An Mi-8 helicopter crashed, killing 9 people.", "Wire", DAY))] == ["9 people"]


def test_an_arabic_and_an_english_toll_of_one_day_conflict_and_the_injured_stay_apart():
    arabic = Evidence(1, "a", "وقتل 12 عاملا وأصيب 30 آخرون في انفجار داخل منجم للفحم.", "صحيفة أ", DAY)
    english = Evidence(
        2, "b", "LIMA, March 12 (Reuters) - Fifteen workers were killed and 30 injured in a coal mine blast.", "Reuters", DAY
    )
    conflicts, _ = find_conflicts(numbers(arabic, english))
    assert [(c.kind, c.relation) for c in conflicts] == [("number", "conflict")]
    assert sorted(p.value for p in conflicts[0].positions) == ["12 عاملا", "Fifteen workers"]


def test_two_counts_joined_under_one_predicate_are_parts_of_the_toll():
    text = "The bus left the road, killing all 11 people on board and three farmers in a field, police said."
    whole = Evidence(2, "b", "قتل 14 شخصا في حادث سقوط حافلة عن الطريق.", "صحيفة أ", DAY)
    parts = numbers(Evidence(1, "a", text, "Wire", DAY))
    assert [c.partial for c in parts] == [True, True]
    assert find_conflicts(parts + numbers(whole))[0] == []
    # two deeds, or a verb between the counts, are two claims, not parts of one
    killed, injured = numbers(Evidence(3, "c", "Five people were killed and 12 injured.", "Wire", DAY))
    assert not killed.partial and not injured.partial


def test_tolls_of_fires_in_two_countries_are_not_one_claim():
    arabic = Evidence(1, "a", "قتل 21 شخصا في حريق داخل فندق بمدينة ليون الفرنسية.", "صحيفة أ", None)
    english = Evidence(2, "b", "(AFP) - Thirty people were killed in a hotel fire in Lagos, Nigeria.", "AFP", None)
    assert find_conflicts(numbers(arabic, english))[0] == []
    same = Evidence(3, "c", "(AFP) - Thirty people were killed in a hotel fire in Lyon, France.", "AFP", None)
    assert [c.relation for c in find_conflicts(numbers(arabic, same))[0]] == ["conflict"]


GROWTH_AR = Evidence(2, "b", "قال البنك المركزي إن اقتصاد بيرو نما بنسبة 3.9% في الربع الأول.", "صحيفة أ", DAY)


def test_a_share_in_two_languages_is_judged_by_its_frames_not_by_its_measure_word():
    # "first" and "ربع" are the words after each figure: stems of two languages never meet, so they said nothing.
    english = Evidence(1, "a", "Peru's economy grew 4.1 percent in the first quarter, the central bank said.", "Wire", DAY)
    conflicts, _ = find_conflicts(numbers(english, GROWTH_AR))
    assert [(c.relation, sorted(p.value for p in c.positions)) for c in conflicts] == [("conflict", ["3.9%", "4.1 percent"])]


def test_a_wire_sentence_with_typographic_dashes_and_quotes_is_english():
    # "—" and "’" made the sentence non-ASCII, so it was compared word by word with the Arabic one as one language.
    english = Evidence(1, "a", "LIMA — Peru’s economy grew 4.1 percent in the first quarter, the central bank said.", "Wire", DAY)
    (conflict,), _ = find_conflicts(numbers(english, GROWTH_AR))
    assert conflict.relation == "conflict"


def test_pct_is_a_percent():
    english = Evidence(1, "a", "Peru's economy grew 4.1 pct in the first quarter, the central bank said.", "Wire", DAY)
    assert [(c.kind, c.unit) for c in numbers(english)] == [("percent", "%")]
    assert [c.relation for c in find_conflicts(numbers(english, GROWTH_AR))[0]] == ["conflict"]
