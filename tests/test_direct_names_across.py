"""A person an English question names is the same person in an Arabic quote (``language.names.persons_asked_about``):
the direct line's chooser neither answers with it nor loses it as the question's anchor. Made-up stories."""

from __future__ import annotations

from bot.direct import question_stems, read_value
from language.names import persons_asked_about
from language.normalize import bm25_tokens

QUOTE = "والتقى وزير الخارجية نادر كريمي في العاصمة أمس رئيس الوزراء عثمان الجربوعي لبحث ملف المياه."


def test_a_question_names_the_quote_person_in_either_script_and_case() -> None:
    for question in ("Whom did Karimi meet in the capital?", "whom did karimi meet in the capital"):
        assert [m.family for m in persons_asked_about(question, QUOTE)] == ["كريمي"]


def test_a_common_word_whose_letters_spell_a_name_is_no_person_asked() -> None:
    """Only names the quote holds are matched: the question's "forces" is not the agency "فارس" of a quote."""
    assert persons_asked_about("What did the forces say?", "وقالت وكالة فارس إن الاجتماع انتهى.") == ()


def test_the_named_person_is_a_question_word_across_scripts() -> None:
    """Over an Arabic quote the English question's "Karimi" brings "كريمي" among the words it shares."""
    assert set(bm25_tokens("كريمي")) <= question_stems("Whom did Karimi meet in the capital?", QUOTE)
    assert not set(bm25_tokens("الجربوعي")) & question_stems("Whom did Karimi meet in the capital?", QUOTE)


def test_who_did_the_named_person_meet_is_the_other_person() -> None:
    """Both are named persons of the quote; the one the question names is what it asks about, not the answer."""
    value = read_value("person", "Whom did Karimi meet in the capital?", QUOTE, None, "en")
    assert value is not None and value.words == "عثمان الجربوعي"


RECEPTION = "واستقبل الرئيس اللبناني ميشال عون في قصر بعبدا وزير الدفاع السوري العماد علي أيوب، الثلاثاء."


def test_a_short_family_name_is_named_across_scripts_by_its_sound() -> None:
    """ "Aoun" and "عون", "Ayoub" and "أيوب" have one-consonant keys (so has "by"): the romanised name must sound like the
    question's word, and the question's named person is then not the answer."""
    assert [m.family for m in persons_asked_about("Who did Aoun receive at Baabda palace?", RECEPTION)] == ["عون"]
    assert [m.family for m in persons_asked_about("who met ayoub in baabda", RECEPTION)] == ["ايوب"]
    assert persons_asked_about("Who was received by the president?", RECEPTION) == ()
    for question, other in (("Whom did Aoun receive at Baabda palace?", "علي أيوب"), ("who welcomed ayoub on tuesday", "ميشال عون")):
        value = read_value("person", question, RECEPTION, None, "en")
        assert value is not None and value.words == other
