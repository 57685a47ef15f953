"""Fusion and the LangChain Retriever view of hybrid search."""

from types import SimpleNamespace

import pytest

from bot.crosslingual import bridge_text
from bot.retrieval import HybridSearcher, fuse, in_language, rrf_fuse, sound_index, sound_matches, sound_words, standardised


def test_rrf_rewards_agreement_between_rankers():
    fused = dict(rrf_fuse([["a", "b", "c"], ["b", "d"]], k=60))
    assert max(fused, key=fused.get) == "b"  # second and first beats first and absent
    assert fused["b"] == 1 / 62 + 1 / 61
    assert set(fused) == {"a", "b", "c", "d"}


def test_rrf_is_deterministic_on_ties():
    assert [i for i, _ in rrf_fuse([["x"], ["y"]])] == ["x", "y"]
    assert rrf_fuse([]) == []


def test_langchain_retriever_returns_documents_with_exact_offsets(seeded_service, seed_texts):
    docs = seeded_service.retriever(k=3).invoke("متى وصل باقري إلى دمشق؟")
    assert 1 <= len(docs) <= 3
    for d in docs:
        original = seed_texts[d.metadata["doc_id"]]
        assert original[d.metadata["start"] : d.metadata["end"]] == d.page_content
        assert d.id == d.metadata["chunk_id"] and d.metadata["score"] > 0
    assert any("باقري" in d.page_content for d in docs)


def scored(*items: str) -> list[tuple[str, float]]:
    """A ranking with evenly falling scores (10, 9, ...)."""
    return [(item, 10.0 - n) for n, item in enumerate(items)]


def test_standardised_says_how_far_each_candidate_stands_from_its_sides_mean():
    assert standardised([("a", 9.0), ("b", 6.0), ("c", 3.0)]) == pytest.approx({"a": 1.5**0.5, "b": 0.0, "c": -(1.5**0.5)})
    assert standardised([("a", 7.0)]) == {"a": 1.0} and standardised([("a", 2.0), ("b", 2.0)]) == {"a": 1.0, "b": 1.0}
    assert standardised([]) == {}


def test_fuse_keeps_the_best_bridged_chunks_in_the_top_k():
    dense, keyword = scored("a", "b", "c", "d", "x", "y", "z"), scored("a", "b", "c", "d", "e")
    assert [i for i, _ in fuse(dense, keyword, [], k=3)] == ["a", "b", "c"]
    top = [i for i, _ in fuse(dense, keyword, scored("z", "y", "x"), k=4)]
    assert top[:2] == ["a", "b"] and set(top[2:]) == {"z", "y"}  # the two best-fused bridged chunks take the last places
    assert [i for i, _ in fuse(dense, keyword, scored("a"), k=2)] == ["a", "b"]  # already in: nothing displaced


def test_a_clear_first_of_one_side_beats_what_both_sides_found_halfway():
    """The loss at scale that replaced rank fusion: RRF (k=60) ranks "mid", 15th on both sides, above "gold",
    first by far on one side; standardised scores keep how far ahead it is."""
    dense = [("gold", 0.95), *[(f"d{i}", 0.80 - 0.001 * i) for i in range(14)], ("mid", 0.786), *[(f"d{i}", 0.78) for i in range(14, 28)]]
    keyword = [*[(f"k{i}", 9.0 - 0.1 * i) for i in range(14)], ("mid", 7.5), *[(f"k{i}", 7.0 - 0.1 * i) for i in range(14, 28)]]
    assert rrf_fuse([[c for c, _ in dense], [c for c, _ in keyword]])[0][0] == "mid"
    order = [c for c, _ in fuse(dense, keyword, [], k=len(dense) + len(keyword))]
    assert order.index("gold") < order.index("mid")


def test_bridge_ranks_only_the_other_language():
    assert in_language(["Iran's chief arrived", "وصل رئيس الأركان", "talks 2020"], "en") == [0, 2]


def test_a_name_no_dictionary_holds_is_matched_by_sound():
    index = sound_index(["انفجار في بيشاور وقال بشار", "زار الوزير بسوريا", "وصل إلى وبنغازي", "في فريدريكتون أو فردريكتون"])
    assert sound_matches(["Peshawar"], index) == ["بيشاور"]  # بشار, بسوريا share its skeleton "bsr" but spell less alike
    assert sound_matches(["Benghazi"], index) == ["وبنغازي"]  # behind a proclitic
    assert sound_matches(["Fredericton"], index) == ["فردريكتون", "فريدريكتون"]  # a long skeleton: every spelling
    assert sound_matches(["Osaka", "Nowhereville"], index) == []  # too short a skeleton; no such word


def test_an_arabic_name_is_matched_by_sound_to_the_latin_names_of_english_text():
    """The other direction: an Arabic word no dictionary knows meets an English article's capitalised spelling of it."""
    texts = ["Minister Zarqawi met Sheikh Sarek at home.", "The band Zigra played.", "الزرقاوي في عمان"]
    index = sound_index(texts, latin=True)
    assert sound_matches(["الزرقاوي"], index) == ["Zarqawi"]  # Sarek shares "srk" but spells less alike; never Arabic
    assert sound_matches(["وزرقاوي"], index) == ["Zarqawi"]  # behind a proclitic
    assert sound_matches(["Zarqawi"], index) == ["الزرقاوي"]  # an English name still meets only Arabic words
    assert "Zarqawi" not in sound_index(texts)  # without ``latin`` the index holds Arabic words only (the gate's use)
    assert {"Minister", "Zarqawi", "Sheikh", "Sarek", "Zigra", "The"} <= sound_words(texts[0] + " " + texts[1])


def test_arabic_question_reaches_an_english_article_through_a_persons_name(seeded_service, tmp_path):
    """A person's name is the only word tying the Arabic question to the English article: matched by sound, it
    puts that article, and only it, in the bridge's keyword ranking over the English reports of the same kind."""
    (tmp_path / "kovalenko.txt").write_text(
        "Coach resigns\n\nThe coach Andriy Kovalenko resigned on Friday after the club lost its fifth match.\n", encoding="utf-8"
    )
    for n, who in enumerate(["Maria Lopez", "John Smith", "Ahmed Karimi"]):
        (tmp_path / f"other{n}.txt").write_text(f"Coach resigns\n\nThe coach {who} resigned after a loss.\n", encoding="utf-8")
    seeded_service.ingest_paths([tmp_path], collection="names")
    question = "لماذا استقال كوفالينكو؟"
    *_, bridged = seeded_service.searcher("names").rankings(question, 10, bridge_text(question))
    assert [c.doc_id for c, _ in bridged] == ["kovalenko"]  # the name alone; the other reports share no word


def test_english_question_reaches_an_arabic_article_through_a_town_name(seeded_service, tmp_path):
    """The town is the only word tying the question to its article: matched by sound, it ranks that article first."""
    (tmp_path / "sarmada.txt").write_text("حادث في سرمدا\n\nلقي 12 مدنيا حتفهم في بلدة سرمدا صباح اليوم.\n", encoding="utf-8")
    for n, town in enumerate(["مدينة ساحلية", "العاصمة", "قرية جبلية"]):
        (tmp_path / f"other{n}.txt").write_text(f"قتل أشخاص\n\nقتل {n + 3} أشخاص في انفجار في {town}.\n", encoding="utf-8")
    seeded_service.ingest_paths([tmp_path], collection="sounds")
    question = "How many people were killed in Sarmada?"
    hits = seeded_service.searcher("sounds").search(question, 2, bridge_text(question))
    assert hits[0].chunk.doc_id == "sarmada"


def test_sound_index_follows_the_keyword_corpus():
    """Words the keyword corpus adds extend the index; a new corpus (a compaction) rebuilds it."""
    searcher = HybridSearcher(store=None, embeddings=None)
    corpus = SimpleNamespace(words=sorted(sound_words("انفجار في بيشاور")))
    first = searcher.sounds(corpus)
    corpus.words.extend(sorted(sound_words("إطلاق نار في فريدريكتون")))
    assert sound_matches(["Peshawar", "Fredericton"], searcher.sounds(corpus)) == ["بيشاور", "فريدريكتون"]
    assert sound_matches(["Fredericton"], first) == []  # the index a reader held is not changed under it
    assert sound_matches(["Peshawar"], searcher.sounds(SimpleNamespace(words=corpus.words[2:]))) == []


def test_the_keyword_corpus_collects_the_words_of_its_chunks(seeded_service):
    """The searcher's keyword index gathers each chunk's ``sound_words`` once: the sound index needs no chunk text."""
    _, corpus = seeded_service.searcher().keyword.current()
    texts = [c.text for c in seeded_service.store.all_chunks()]
    assert sorted(corpus.words) == sorted({w for text in texts for w in sound_words(text)})
    assert sound_index(corpus.words) == sound_index(texts)


def test_warm_builds_what_the_first_question_would_wait_for(seeded_service, tmp_path, monkeypatch):
    """``isnad serve`` warms the searcher before it answers: the first question then builds no index."""
    import bot.retrieval

    (tmp_path / "sarmada.txt").write_text("حادث في سرمدا\n\nلقي 12 مدنيا حتفهم في بلدة سرمدا صباح اليوم.\n", encoding="utf-8")
    seeded_service.ingest_paths([tmp_path], collection="warm")
    searcher = seeded_service.searcher("warm")
    assert searcher.warm() == searcher.store.count() > 0
    builds = searcher.keyword.stats["builds"]
    built = []
    monkeypatch.setattr(bot.retrieval, "sound_index", lambda texts: built.append(texts) or {})
    question = "How many people were killed in Sarmada?"
    assert searcher.search(question, 1, bridge_text(question))[0].chunk.doc_id == "sarmada"
    assert searcher.keyword.stats["builds"] == builds and built == []
