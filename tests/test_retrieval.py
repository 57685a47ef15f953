"""Fusion and the LangChain Retriever view of hybrid search."""

from bot.retrieval import fuse, in_language, rrf_fuse


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


def test_fuse_keeps_the_best_bridged_chunks_in_the_top_k():
    dense, keyword = ["a", "b", "c", "d", "x", "y", "z"], ["a", "b", "c", "d"]
    assert [i for i, _ in fuse(dense, keyword, [], k=3)] == ["a", "b", "c"]
    top = [i for i, _ in fuse(dense, keyword, ["z", "y", "x"], k=4)]
    assert top[:2] == ["a", "b"] and set(top[2:]) == {"x", "y"}  # the two best-fused bridged chunks take the last places
    assert [i for i, _ in fuse(dense, keyword, ["a"], k=2)] == ["a", "b"]  # already in: nothing displaced


def test_bridge_ranks_only_the_other_language():
    assert in_language(["Iran's chief arrived", "وصل رئيس الأركان", "talks 2020"], "en") == [0, 2]
