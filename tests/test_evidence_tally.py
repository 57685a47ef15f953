"""A figure written with one noun tallies another ("ارتفع عدد المفقودين إلى 30 شخصا": the missing, counted in
persons): ``bot.evidence._figure_rank`` reads the noun after a word of tally as counted too. Made-up sentences."""

from bot.evidence import _figure_rank, _tallied, asked_nouns
from language.numbers import unit_key


def test_the_noun_after_a_word_of_tally_is_counted():
    assert _tallied("ارتفع عدد المفقودين في العاصفة إلى 30 شخصا") == _tallied("بلغت حصيلة المفقودين 30 شخصا") == {unit_key("المفقودين")}
    assert _tallied("The number of passengers rose to 40.") == {unit_key("passengers")}


def test_no_figure_no_tally():
    assert _tallied("عدد المفقودين كبير") == set()  # no figure stated
    assert _tallied("The number of passengers is unknown.") == set()


def test_the_tallied_noun_outranks_a_figure_of_another_noun_the_question_names():
    """ "How many went missing": the sentence tallying the missing ranks with the one counting them in their own noun."""
    asked = asked_nouns("ما حصيلة المفقودين في العاصفة؟")
    tallied = "وارتفع عدد المفقودين في العاصفة إلى 30 شخصا بحسب الدفاع المدني."
    other = "وقال الدفاع المدني إن 12 فرقة تبحث في العاصفة."
    assert _figure_rank(tallied, "number", asked, set()) == 0
    assert _figure_rank(other, "number", asked, set()) > 0


def test_a_tally_of_coordinated_nouns_is_their_sum():
    assert _tallied("بلغ عدد المفقودين والمصابين 30 شخصا") == set()
    assert _tallied("The number of passengers and crew rose to 40.") == set()


def test_a_figure_before_the_tally_is_another_count():
    assert _tallied("وصل 40 شخصا أمس، وتضاعف عدد المفقودين منذ ذلك الحين.") == set()
