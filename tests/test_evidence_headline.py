"""A sentence that is its article's title is marked as the headline (``bot.evidence.is_headline``), for the
answerability gate, which will not let a headline stand in for a detail of its story. Made-up titles."""

from bot.evidence import is_headline


def test_a_sentence_is_the_headline_when_its_words_are_the_titles():
    assert is_headline("شركتان توقعان اتفاقا لبناء جسر", "شركتان توقعان اتفاقاً لبناء جسر")  # folded: the tanwin
    assert is_headline("Two firms sign a bridge deal.", "Two firms sign a bridge deal")  # the closing stop aside
    assert not is_headline("The two firms signed the deal on Monday.", "Two firms sign a bridge deal")
    assert not is_headline("Two firms sign a bridge deal", None)  # an article with no title
    assert not is_headline("Two firms sign a bridge deal", "")
    lead = "The two firms signed a deal on Monday to build a bridge."
    assert not is_headline(lead, lead)  # a first paragraph taken for the title at ingest
