"""General news vocabulary: words that *frame* names, never the names themselves.

Why one place: finding a person or an outlet in a story nobody wrote rules for
rests on the words around it — a rank or office before a name ("اللواء",
"وزير", "Gen.", "Minister"), a verb of saying after a speaker, a kind of medium
before an outlet ("وكالة", "صحيفة", "agency"). Those words are general
knowledge of Arabic and English news prose, the same for every story, so they
are listed here once and used by ``language.names``, ``bot.attribution`` and
``bot.verify``. Nothing here names a person, a group, a place or an outlet.

Arabic entries are written folded (``language.normalize.normalize_arabic``:
ا for أ/إ/آ, ه for ة, ي for ى); English entries in lower case.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from language.normalize import normalize_arabic, under_proclitic, word_alternation

if TYPE_CHECKING:
    import inflect

#: Verbs of saying (folded Arabic; English), the one list: attribution opens a party's clause at
#: them, names take their subject as a speaker, and verify treats any of them as the same word.
REPORTING_VERBS_AR = (
    "قال قالت قالا قالوا يقول تقول اكد اكدت اكدا يؤكد تؤكد اضاف اضافت ذكر ذكرت نقل نقلت افاد افادت اشار اشارت "
    "اعلن اعلنت صرح صرحت اوضح اوضحت تابع تابعت اردف اردفت شدد شددت كشف كشفت زعم زعمت قايلا مضيفا"
).split()
REPORTING_VERBS_EN = "said says say told stated added reported claimed announced stressed insisted confirmed noted explained".split()

#: Ranks and honorifics written right before a personal name ("اللواء محمد ...", "الشيخ ...").
HONORIFICS_AR = frozenset(
    "اللواء العماد العميد العقيد المقدم الرائد النقيب الملازم الفريق المشير الجنرال الاميرال "
    "السيد السيده الشيخ الشيخه الدكتور الدكتوره المهندس الاستاذ الحاج الامير الاميره الملك الملكه "
    "الرئيس الرئيسه الوزير الوزيره النائب الزعيم القائد الامام المطران البابا الحاخام".split()
)
#: Offices that head a role phrase ("رئيس الأركان الإيراني", "وزير دفاع النظام السوري"); a name may follow it.
OFFICES_AR = frozenset(
    "رئيس رئيسه وزير وزيره نائب مدير مديره قائد سفير سفيره مستشار مستشاره متحدث متحدثه ناطق ناطقه "
    "امين مبعوث ممثل مندوب محافظ زعيم مراسل مراسله عضو قاضي مفتي".split()
)
#: Ministries' portfolios, written before "minister" or "secretary" ("the foreign minister", "Defence Secretary").
PORTFOLIOS_EN = frozenset("defence defense foreign interior finance health justice".split())
#: English titles before a capitalised name ("Gen. Mohammad ...", "Defence Minister ...", "President ..."), a
#: portfolio among them.
TITLES_EN = PORTFOLIOS_EN | frozenset(
    "gen general lt lieutenant col colonel maj major brig brigadier adm admiral capt captain sgt cmdr commander "
    "marshal chief mr mrs ms miss dr prof sheikh sheikha imam king queen prince princess emir sultan "
    "president vice prime premier minister secretary ambassador envoy spokesman spokeswoman spokesperson "
    "director governor senator rep representative deputy chairman chairwoman mayor judge pope ayatollah "
    "staff army navy armed forces state".split()
)
#: Words that make a capitalised English sequence an organisation or a thing, not a person.
ORGANISATION_WORDS_EN = frozenset(
    "agency news corps council ministry army forces party group organization organisation union nations committee "
    "court bank company times post press television tv radio network university guard guards movement front "
    "government state states republic kingdom act law treaty agreement department office house senate parliament "
    "assembly institute center centre foundation association federation league airlines airways".split()
)
#: Nouns that close the English name of a site or a building ("Meskel Square", "Heathrow Airport", "Santa Fe High
#: School", "Trafford Park"): generic features, no one's name. Not "hall", "field", "hill", "lake", "temple": family
#: names too ("Anita Hill"). Administrative kinds ("Idlib Governorate") come from ISO 3166-2 (``language.names``).
SITE_NOUNS_EN = frozenset(
    "square street road avenue boulevard highway bridge airport airbase port harbour harbor station university college "
    "school academy hospital clinic stadium arena mosque church cathedral palace hotel tower prison jail camp market mall "
    "museum park plaza valley river mountains island islands bay gulf sea strait canal dam desert crossing checkpoint".split()
)
#: Kinds of medium, by the words naming each in English and in folded Arabic: an outlet's name opens with one ("وكالة
#: ...", "صحيفة ...", "قناة ..."), and a question asking "which paper" asks for an outlet of that kind, not a channel.
MEDIUM_KINDS: dict[str, tuple[str, str]] = {
    "agency": ("agency", "وكاله وكالات الوكاله"),
    "paper": ("newspaper paper daily", "صحيفه جريده الصحيفه الجريده"),
    "broadcaster": ("channel network television tv broadcaster", "قناه شبكه تلفزيون فضاييه القناه الشبكه التلفزيون الفضاييه"),
    "magazine": ("magazine", "مجله المجله"),
    "radio": ("radio", "اذاعه الاذاعه"),
    "website": ("website", "موقع الموقع"),
}
#: Words of a medium of any kind ("which publication", "أي مطبوعة").
_ANY_MEDIUM = ("outlet publication", "مطبوعه")
OUTLET_WORDS_AR = frozenset(w for _, ar in (*MEDIUM_KINDS.values(), _ANY_MEDIUM) for w in ar.split())
OUTLET_WORDS_EN = frozenset(w for en, _ in (*MEDIUM_KINDS.values(), _ANY_MEDIUM) for w in en.split())


def medium_kind(word: str) -> str | None:
    """The kind of medium (``MEDIUM_KINDS``) a folded word names ("صحيفه", "newspapers" → "paper"), or None."""
    bare = word.removesuffix("s")
    return next((kind for kind, (en, ar) in MEDIUM_KINDS.items() if word in ar.split() or bare in en.split()), None)


#: The word a byline puts before its writer's name, folded ("By Jane Roe", "بقلم سمير حداد", "كتب: …").
BYLINE_WORDS = frozenset({"by", "بقلم", "كتب", "كتبت"})
#: The label a credit line puts before its outlet, folded ("Source: Mehr News Agency", "المصدر: وكالة الأناضول").
CREDIT_LABELS = frozenset({"source", "المصدر", "مصدر"})
#: Media staff: a journalist's job, kept with their outlet ("Al-X's bureau chief ...").
STAFF_ROLES = {"مدير مكتب": "bureau chief", "مراسل": "correspondent", "رئيس تحرير": "editor-in-chief"}

#: Arabic function words (folded) that never begin or continue a personal name. Not "علي": folded على is the name.
FUNCTION_WORDS_AR = frozenset(
    "في من الي عن مع ان انه انها بان لان كان كانت يكون تكون قد لقد بعد قبل خلال عند لدي منذ حتي ثم او "
    "ام كما هو هي هم هما نحن انا الذي التي الذين اللذين اللتين ما ماذا لا لم لن ليس ليست هذا هذه ذلك تلك "
    "هناك هنا بين حول ضد دون غير عبر نحو اي كل بعض جميع اثناء وسط امام وراء فوق تحت لدى اذا اذ بينما فيما "
    "لكن بل سوف باسم قوله قولها قولهم تاكيده تاكيدها عليه عليها اليه اليها منه منها له لها لهم به بها فيه فيها عنه عنها معه معها ايضا فقط "
    "يوم اليوم امس غدا الان مساء صباح ظهر ليله عام العام سنه شهر اسبوع".split()
)
#: English words that are capitalised at a sentence start but never a name.
FUNCTION_WORDS_EN = frozenset(
    "the a an and or but in on at of for to from by with as after before during while since until "
    "this that these those it its he she they we i his her their our there here what when where who why how "
    "if then than so not no yes also however meanwhile earlier later".split()
)
#: English auxiliaries ("have been killed"): grammar, not content; kept apart from the function words, which the
#: question readers match as written.
AUXILIARIES_EN = frozenset("be is are was were been being am have has had having do does did will would shall should can could".split())


# ---------------------------------------------------------------- what a question asks for

#: The kind of figure a question of measure asks for, by the words it asks with: a CLDR unit category (the prefix of
#: ``language.numbers.measure_units``' ids: "length" of "length-kilometer") or a kind of figure ("money", "percent").
#: English words of degree count only right after "how" ("how heavy", "how far"); the nouns ("weight", "وزن") only
#: among a question's first words (``MEASURE_WORDS_AT``), where it says what it asks ("ما وزن الحمولة"), not what it
#: is about ("… in the area of the dam"). Grammar of the question, like the lists above: no topic, no story.
ASKED_MEASURES_EN = {
    "length": ("far high tall deep wide", "distance height length depth width altitude"),
    "mass": ("heavy", "weight"),
    "speed": ("fast", "speed"),
    "area": ("", ""),  # "what area" asks for a region as often as for a measure: a unit named ("hectares") asks for it
    "duration": ("old long", "age duration"),  # "how long" asks how long something lasted far more often than a length
    "money": ("", "cost price fee fine worth budget salary value deficit surplus revenue revenues spending cash money debt loan"),
    # a turnout is said as a share of the voters, a rate (of a tax, of interest, of inflation) as a share
    "percent": ("", "percentage percent share proportion turnout rate"),
}
ASKED_MEASURES_AR = {
    "length": "مسافه طول ارتفاع عمق",  # not بعد ("after") nor عرض ("offer")
    "mass": "وزن",
    "speed": "سرعه",
    "area": "مساحه",
    "duration": "عمر سن مده",  # "في أي سن": at what age
    "money": "سعر ثمن تكلفه كلفه غرامه قيمه مبلغ راتب ميزانيه عجز فائض ايرادات انفاق مال دين ديون قرض",
    "percent": "نسبه",  # "نسبة المشاركة": the turnout
}
#: Nouns that name the kind of value asked for after "أي"/"ما هي ال..."/"which"/"what (is the)"
#: ("أي دولة", "ماهي الدولة التي", "which country", "what year"): folded Arabic; English.
ASKED_NOUNS_AR = {
    "date": "عام اعوام سنه سنوات تاريخ يوم ايام شهر قرن عقد موعد وقت فتره",  # not اشهر: also "most famous"
    "number": " ".join(["عدد مقدار كميه حصيله حجم معدل", *ASKED_MEASURES_AR.values()]),
    "place": "مدينه مدن دوله دول بلد بلدان بلاد مكان اماكن منطقه مناطق عاصمه قريه محافظه ولايه قاره",
}
ASKED_NOUNS_EN = {
    "date": "year years date day days weekday month century decade time period",
    "number": " ".join(
        ["number amount quantity toll population turnout total size rate temperature", *(n for _, n in ASKED_MEASURES_EN.values())]
    ),
    "place": (
        "city cities country countries nation place region regions town towns state capital province provinces village "
        "villages continent location areas district districts governorate governorates neighbourhood neighborhood"
    ),
}
#: English nouns that name the kind of value asked only after "which" or "in what" (a modifier between): "in which Syrian area"
#: asks for a region, "what area does the park cover" as often for a measure (``ASKED_MEASURES_EN``).
WHICH_NOUNS_EN = {"place": "area"}
#: Nouns of a place asked for ("مدينة", "city"), folded Arabic and English: the two "place" lists above as one set.
PLACE_NOUNS = frozenset(w for words in (ASKED_NOUNS_AR["place"], ASKED_NOUNS_EN["place"]) for w in words.split())
#: Nouns of a person ("ما اسم الرجل الذي", "which player", "the name of the pilot"), folded Arabic; English. With the offices
#: above they make "the name of X" a person question; "which" + one of them asks for a person too. Not the ranks less
#: their article: "فريق" is a rank and a team, "رائد" a major and a pioneer.
PERSON_NOUNS_AR = (
    "رجل امراه سيده فتاه فتي شاب شابه طفل طفله صبي شخص لاعب لاعبه مدرب مرشح مرشحه فائز فائزه طيار ربان كاتب كاتبه "
    "مولف شاعر فنان فنانه ممثله مغني مغنيه مخرج مهاجم حارس بطل بطله زوج زوجه ابن ابنه اب ام اخ اخت ضحيه مشتبه متهم "
    "ملك ملكه امير اميره شيخ صحفي صحفيه"
)
PERSON_NOUNS_EN = (
    "man woman person boy girl child player coach candidate winner pilot captain writer author poet artist actor actress singer "
    "striker goalkeeper champion husband wife son daughter father mother brother sister victim suspect leader president minister "
    "spokesman spokeswoman spokesperson ambassador envoy king queen prince princess commander chief mayor governor senator judge "
    "official officer diplomat politician lawmaker journalist reporter correspondent"
)


def _person_noun_pattern() -> re.Pattern[str]:
    """ "ما اسم الرجل", "أي لاعب", "what is the name of the (Iranian foreign) minister", "which (Iranian defence) minister",
    "which player": a person is asked for.

    Only after "name of" or "which": "what is the president's plan?" asks for a clause, not the president."""
    ar = "|".join(sorted({*PERSON_NOUNS_AR.split(), *(normalize_arabic(w) for w in OFFICES_AR)}))
    en = "|".join(PERSON_NOUNS_EN.split())
    return re.compile(
        rf"(?<!\w)[وفبل]?(?:اي|(?:ما|ماذا) ?(?:هو|هي)? ?اسم) (?:ال)?(?:{ar})\b"
        rf"|\bwhich (?:[\w'’-]+ ){{0,2}}(?:{en})\b|\bnames? of (?:the |a |an |this |that )?(?:[\w'’-]+ ){{0,2}}(?:{en})\b"
    )


def _holder_pattern() -> re.Pattern[str]:
    """ "who is the (Syrian army) chief of staff ...", "من هو وزير الخارجية ...": who holds an office or plays a part the
    question names. "who is Bagheri?" names none: it asks who he is, which a clause (his post) answers."""
    ar = "|".join(sorted({*PERSON_NOUNS_AR.split(), *(normalize_arabic(w) for w in OFFICES_AR)}))
    en = "|".join(PERSON_NOUNS_EN.split())
    return re.compile(rf"^[وف]?من (?:هو|هي) (?:ال)?(?:{ar})\b|^who (?:is|was) (?:the |a |an )?(?:[\w'’-]+ ){{0,3}}(?:{en})\b")


#: English words of degree after "how" that ask for a measure: "how many", "how large was the deficit", "how heavy a
#: payload", "how often". Grammar of the question, like the nouns above; "how did/is/can" asks for a manner (a clause).
DEGREE_WORDS_EN = "many much long old far large big heavy high tall fast deep wide often strong"
_DEGREE = "|".join(DEGREE_WORDS_EN.split())

#: How many of a question's first content words may name the measure it asks for ("What was the total weight …", "كم يبلغ وزن …").
MEASURE_WORDS_AT = 5


def asked_measures(question: str) -> frozenset[str]:
    """The kinds of figure a question of measure asks for (``ASKED_MEASURES_EN``/``_AR``): "How heavy a payload …"
    → {"mass"}, "ما سرعة الرياح" → {"speed"}, "How long …" → {"duration"}; empty for a count.

    Why: a figure's noun is its unit ("70 طنا", "500 يورو"), which no word of the question spells or translates to
    ("heavy", "fine"), so an outlet's statement of the measure asked ranked as any other figure of its article.
    The first noun of measure among the first content words (``MEASURE_WORDS_AT``) is the one asked: "How large was
    the trade deficit" asks money, "By what percentage did revenues rise" a share, not the revenues' sum."""
    words = _folded_words(question)
    degree = {w for i, w in enumerate(words[1:], 1) if words[i - 1] == "how"}
    if _asks_sum(question, words):
        return frozenset({"money"})
    by_degree = {kind for kind, (after_how, _) in ASKED_MEASURES_EN.items() if degree & set(after_how.split())}
    content = [w.removeprefix("ال") for w in words if w not in _NOT_CONTENT][:MEASURE_WORDS_AT]
    head = next((w for w in content if any(w in nouns for nouns in _MEASURE_NOUNS.values())), None)
    return frozenset(by_degree | {kind for kind, nouns in _MEASURE_NOUNS.items() if head in nouns})


#: Each kind of measure's nouns, English and folded Arabic (``ASKED_MEASURES_EN``, ``ASKED_MEASURES_AR``).
_MEASURE_NOUNS = {
    kind: frozenset(nouns.split()) | frozenset(ASKED_MEASURES_AR[kind].split()) for kind, (_, nouns) in ASKED_MEASURES_EN.items()
}
#: Grammar that does not say what a question measures: "How large was the trade deficit" asks a deficit's size.
_NOT_CONTENT = FUNCTION_WORDS_AR | FUNCTION_WORDS_EN | AUXILIARIES_EN


#: Words after "how much" that end the interrogative (an auxiliary, a preposition): no noun says what is measured.
_AFTER_MUCH = frozenset("did does do is was were are has have had will would could can in of for".split())


#: "بكم" and a verb at the head of a question ("بكم بيعت", "بكم غرم"): "for how much", a price. Before a noun it is
#: "with / by how many" ("بكم صوتا", "بكم تهمة", "بكم سنة"): the noun, as written, ends in tanween alif or taa marbuta,
#: which no past verb does.
_FOR_HOW_MUCH = re.compile(r"^\W*[وف]?بكم\s+(?!\w*(?:ة|ا|اً|ًا)(?!\w))\w")


def _asks_sum(question: str, words: list[str]) -> bool:
    """Does a question ask "how much" of nothing named ("How much did X pay", "How much is the fine", "for how much
    did X sell") or "بكم" before a verb? English counts a head count with "how many" and measures with a noun
    ("how much land"), so a bare "how much" asks a sum; "بكم بيعت" is a price."""
    if _names_change(words):  # "by how much did the lira fall": a share, a sum or a count, as the quote says it
        return False
    bare_much = any(a == "how" and b == "much" and c in _AFTER_MUCH for a, b, c in zip(words, words[1:], words[2:]))
    return bare_much or bool(_FOR_HOW_MUCH.match(question))


# ---------------------------------------------------------------- figures of reference

#: Words before a figure that make it a point of reference for another figure rather than a value stated of its own
#: (folded Arabic; English): the level it is compared with ("مقارنة بـ5.6 مليار", "up from 3%") and the size of a
#: change ("بلغ 3.3 مليون بانخفاض 282 ألفا", "a drop of 2%"). Grammar of comparison, no topic.
_COMPARED = word_alternation(
    "مقارنه ب|مقارنه مع|بالمقارنه مع|بالمقارنه ب|قياسا ب|compared with|compared to|up from|down from|"
    "بانخفاض|بزياده|بارتفاع|بتراجع|a drop of|a rise of|an increase of|a decrease of|a fall of|a decline of".split("|")
)
#: ... and the other side of a tally, right after a figure ("بـ59 مقابل 42 صوتا", "25 votes against 20"): "مقابل"
#: after anything else is a price ("انضم مقابل 31 مليون يورو").
VERSUS_WORDS = frozenset(("مقابل", "against", "versus", "vs"))
_REFERENCE = re.compile(
    rf"(?:(?<!\w)(?:{_COMPARED})|\d\S*(?:\s+[^\W\d]+)?\s+(?:{word_alternation(VERSUS_WORDS)}))\s*(?:(?:نحو|حوالي)\s*)?ب?\s*$"
)
#: Stems of the words a question asks a change or the other side of a tally with ("by how much did exports rise",
#: "how many voted against"): there the figures of reference are the answer.
_CHANGE_STEMS = (
    "ارتفع ارتفاع انخفض انخفاض تراجع زاد زياده نما نمو هبط ضد عارض مقارن مقابل "
    "rise rose risen increas fall fell drop declin decreas grow grew growth against oppos compar versus"
).split()


def refers_to_another(before: str) -> bool:
    """Do the words before a figure (``before``, as written) make it a point of reference (``_REFERENCE``): a level
    compared with, a change's size, a tally's other side? Why: "عدد العاطلين بلغ 3.309 مليون بانخفاض 282 ألفا" was
    answered 282 thousand unemployed, "بغالبية 25 صوتا مقابل 20" 20 votes."""
    return bool(_REFERENCE.search(normalize_arabic(before).lower()))


def asks_change(question: str) -> bool:
    """Does a question ask how much something changed, or the other side of a tally (``_CHANGE_STEMS``)?"""
    return _names_change(_folded_words(question))


#: Words that ask a person's age, folded: "what age", "كم عمره", "في أي سن" ("how old" is read apart: "old" alone is no age).
_AGE_WORDS = frozenset("age aged عمر عمره عمرها عمرهم سن".split())


def asks_age(question: str) -> bool:
    """Does a question ask a person's age ("How old is …", "At what age …", "كم عمر …", "في أي سن …")? Such a question
    is answered by a span of years told as an age, not by any span of years its quotes give (a term in office, a time
    ago): see ``language.numbers.reads_as_age``."""
    words = _folded_words(question)
    return bool(_AGE_WORDS & {w.removeprefix("ال") for w in words}) or any(
        w == "old" and words[i - 1] == "how" for i, w in enumerate(words) if i
    )


#: Words that set aside what follows them as told ("besides X, what else", "apart from X", "غير X، ماذا", "إلى جانب
#: X"), in lower case, unfolded (the words set aside are stemmed as written): the question asks for the rest of a list.
SETTING_ASIDE = re.compile(
    r"(?:^|(?<=\s))(?:besides|apart from|aside from|other than|in addition to|"
    r"و?(?:غير|عدا|سو[ىي]|بخلاف|[إا]ل[ىي] جانب|بال[إا]ضاف[ةه] [إا]ل[ىي]|فضلا عن))\s+([^،,;؛?؟]+)"
)

#: The words that open a period at its start, folded ("since 2011", "منذ بدء الحرب"): a question asking with one asks
#: when the period began, and a quote answers with the date after one.
SINCE_WORDS = frozenset({"since", "منذ"})
#: What asks "since when" after a start word: "when", "what" ("since what year"), "which", "متى", "أي" (folded).
_SINCE_ASKED = frozenset("when what which متي اي".split())
#: Spoken Arabic asks "since when" with "من" before "متى" ("من إمتى", "من متى").
_SPOKEN_WHEN = frozenset({"متي", "امتي"})


def asks_since(question: str) -> bool:
    """Does a question ask when a period began ("since when …", "since what year …", "منذ متى …", "من إمتى …")? Such a
    question is answered by the date a quote tells as a start ("منذ بدء الحرب في مارس 2011"), not by a stretch of it
    ("in recent months")."""
    words = _folded_words(question)
    return any((w in SINCE_WORDS and nxt in _SINCE_ASKED) or (w == "من" and nxt in _SPOKEN_WHEN) for w, nxt in zip(words, words[1:]))


#: Words a question asks with what a party said or how it answered (folded Arabic, lower-case English): the verbs of
#: saying, and those of replying ("كيف ردت موسكو", "ما موقف", "How did Ankara react", "the ministry's response").
#: Not "describe"/"وصف": a description is often told with no verb of saying ("واصفا إياها بأنها ...").
SAID_ASKED = frozenset(
    {*REPORTING_VERBS_AR, *REPORTING_VERBS_EN, *"رد ردت ردوا علق علقت موقف تعليق".split()}
    | set("tell respond responded react reacted reply replied comment commented reaction response stance".split())
)


#: The Arabic verbs of saying, which a proclitic may be written onto ("فقال"); not those of replying: "فرد" is "one person".
_SAYING_AR = frozenset(REPORTING_VERBS_AR)


def asks_said(question: str) -> bool:
    """Does a question ask what a party said or how it answered ("What did Assad tell the envoy about X?", "كيف ردت
    الخارجية على ...")? Its answer is a party's words, which a quote tells by a verb of saying."""
    return any(w in SAID_ASKED or under_proclitic(w, _SAYING_AR) for w in _folded_words(question))


def _folded_words(text: str) -> list[str]:
    """``text``'s words, folded and lower-cased (digits and underscores apart)."""
    return re.findall(r"[^\W\d_]+", normalize_arabic(text).lower())


def _names_change(words: list[str]) -> bool:
    """Does a question's folded words (``_folded_words``) hold a word of change or of a tally's other side?"""
    return any(w.removeprefix("ال").startswith(stem) or (w[0] in "وفب" and w[1:].startswith(stem)) for w in words for stem in _CHANGE_STEMS)


#: Interrogatives that are the whole question word ("متى", "how many", "where", "who"), folded; checked after the nouns.
#: "بكم" is "for how much" (a price), said at the head of the question: elsewhere it is also "with you".
_WH_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?<!\w)[وف]?متي\b|\bwhen\b", "date"),
    (rf"\bكم\b|^[وف]?بكم\b|\bhow (?:{_DEGREE})\b", "number"),
    (r"^(?:و|ف)?(?:اين|الي اين|من اين)\b|\bwhere\b", "place"),
    (r"^(?:و|ف)?من\b(?! (?:كم|اي|بين)\b)|\bمن (?:هو|هي|هم|الذي|التي)\b|\bwho(?:m|se)?\b", "person"),  # not "من كم": "of how many"
)


#: A word that may stand between "what is the" (or "what was Egypt's") and the noun naming the value asked: no function
#: word or auxiliary, so "what is the civilian death toll" and "what was Sudan's inflation rate" ask for a figure, while
#: "what is the reason the city fell" names no value (the noun lies past "the").
_MODIFIER = rf"(?!(?:{'|'.join(sorted(FUNCTION_WORDS_EN | AUXILIARIES_EN))})\b)[\w'’-]+"


def _asked_noun_pattern() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for kind in ASKED_NOUNS_AR:
        ar = "|".join(ASKED_NOUNS_AR[kind].split())
        en = "|".join(ASKED_NOUNS_EN[kind].split())
        which = "|".join(WHICH_NOUNS_EN.get(kind, "").split()) or "(?!)"
        out.append(
            (
                re.compile(
                    rf"(?<!\w)[وفبل]?(?:اي|(?:ما|ماذا) ?(?:هو|هي|هما|هم)?(?: اسم)?) (?:ال)?(?:{ar})\b|\b(?:{ar}) كم\b"
                    rf"|^[وف]?من (?:(?:هو|هي|هما|هم) )?ال(?:{ar})\b"
                    rf"|\b(?:what|which)(?: (?:is|was|are|were))?(?: the(?: \w+)?)?(?: name of the)? (?:{en})\b|\b(?:which|what) \w+ (?:{en})\b"
                    rf"|\b(?:what|which) (?:is|was|are|were) (?:the|\w+['’]s)(?: {_MODIFIER}){{1,3}} (?:{en})\b"
                    rf"|\b(?:which|in what) (?:\w+ )?(?:{which})\b"
                ),
                kind,
            )
        )
    return tuple(out)


#: Interrogatives whose answer is a clause (what, why, how): first in a question, they ask for no value, whatever
#: "when"/"كم" a subordinate clause holds later ("What did he hope for when he visited?").
_CLAUSE_WH = re.compile(rf"\b(?:what|why|how)\b(?! (?:{_DEGREE})\b)|^[وف]?(?:ماذا|لماذا|كيف|ما)\b")
_NOUN_PATTERNS = (*_asked_noun_pattern(), (_person_noun_pattern(), "person"))
_CONTRACTED_IS = re.compile(r"\b(what|who|where|which)['’]s\b")
#: Questions asking for a person by the noun of who it is: "which Iranian commander", "ما اسم الطيار", "who is the chief of staff".
_NAME_ASKED = (_person_noun_pattern(), _holder_pattern())
_WH = tuple((re.compile(p), k) for p, k in _WH_PATTERNS)


def question_kind(question: str) -> str | None:
    """The kind of value a question asks for: "date" (when), "number" (how many), "place" (where),
    "person" (who), or None (what/why/how: the answer is a clause).

    A noun after "which"/"أي"/"ما هي ال..."/an opening "من هي ال..." decides first ("ماهي الدولة التي...", "من هي
    الدولة التي...", "which country" ask for a place, "في أي عام" for a date; "ما اسم الرجل", "the name of the pilot" for a person: a name
    question of no such noun, "ما اسم العملية", stays a clause), then the first interrogative. Function words of the two
    languages, like a stop-word list: no topic, no story. Used by the answer-sentence ranker
    (``bot.ranker``) and the direct line's value chooser (``bot.direct``) alike.
    """
    folded = _folded(question)
    if kind := next((kind for pattern, kind in _NOUN_PATTERNS if pattern.search(folded)), None):
        return kind
    found = [(m.start(), kind) for pattern, kind in ((_CLAUSE_WH, None), *_WH) if (m := pattern.search(folded))]
    return min(found, key=lambda f: f[0])[1] if found else keyword_kind(folded)


def _folded(question: str) -> str:
    """A question as its patterns read it: folded, lower-cased, one space between words, "who's" as "who is"."""
    return _CONTRACTED_IS.sub(r"\1 is", re.sub(r"\s+", " ", normalize_arabic(question)).strip(" ¿?؟").lower())


def asked_office(question: str) -> str | None:
    """The office a question asking for a name asks by (``asks_name``: "Who is Iran's ambassador ...?" ->
    "ambassador", "من هو وزير الخارجية ...؟" -> "وزير"), folded; None when it asks for no name, or by a noun that no
    title states ("which official", "ما اسم الطيار"): only an office a name's title writes (``TITLES_EN``,
    ``OFFICES_AR``) can be matched with a title."""
    folded = _folded(question)
    offices = TITLES_EN | {normalize_arabic(w) for w in OFFICES_AR}
    for pattern in _NAME_ASKED:
        if m := pattern.search(folded):
            noun = m.group(0).split()[-1]
            noun = noun[2:] if noun.startswith("ال") else noun
            return noun if noun in offices else None
    return None


#: The particle that opens an Arabic yes/no question ("هل تنوي…"; the dialects' "واش" is standardised to it).
_WHETHER_AR = "هل"
#: The words offering alternatives ("هل تتزايد … أم تتراجع", "state-run or independent"): such a question asks which.
_ALTERNATIVES = frozenset({"ام", "او", "or"})


def asks_whether(question: str) -> bool:
    """Is it a yes/no question: opening on "هل" or an English auxiliary ("Does Tehran plan…", "Has the army
    withdrawn?"), offering no alternatives (``_ALTERNATIVES``: "… or independent" asks which, its answer the alternative
    a quote states)? Its answer is the clause stating the asked predicate, affirmed or negated ("…لا تنوي الانسحاب"),
    not a clause of new words after the topic, which is where a what/how question's answer is."""
    words = _folded(question).split()
    return bool(words) and (words[0] == _WHETHER_AR or words[0] in AUXILIARIES_EN) and not _ALTERNATIVES & set(words)


def asks_name(question: str) -> bool:
    """Does the question ask for a person by the noun of who it is (``_NAME_ASKED``: "Which Iranian commander went
    with him?", "من هو رئيس الأركان السوري؟")? Its answer is a name: a clause standing in for one ("he arrived at the
    head of a delegation") tells of the event, not who."""
    folded = _folded(question)
    return any(p.search(folded) for p in _NAME_ASKED)


#: The English nouns that name the kind of value asked (``ASKED_NOUNS_EN``, and the persons' ``PERSON_NOUNS_EN``), by noun.
_KIND_OF_NOUN_EN = {w: kind for kind, nouns in (*ASKED_NOUNS_EN.items(), ("person", PERSON_NOUNS_EN)) for w in nouns.split()}
#: The English interrogatives: a question with none is a search query (``keyword_kind``).
INTERROGATIVES_EN = frozenset("what which who whom whose when where why how".split())


def keyword_kind(folded: str) -> str | None:
    """The kind of value an English query typed as keywords asks for: with no interrogative and no auxiliary opening a
    yes/no question, the first noun naming a kind of value among its first words (``MEASURE_WORDS_AT``: "date tehran
    and damascus signed the pact", "arrival day syria", "number of engineers sent", "defence minister full name"; not
    "workers hurt, and the number of them"). Why: a search-box query names what it wants by a noun alone; read as
    asking for a clause, its date or figure was answered by a whole sentence, and a count no quote states was not
    declined. A sentence with an interrogative or an Arabic query is left to the patterns above."""
    words = re.findall(r"[a-z]+", folded)
    if not words or INTERROGATIVES_EN & set(words) or words[0] in AUXILIARIES_EN or re.search(r"[^\W\d_a-z]", folded):
        return None
    return next((_KIND_OF_NOUN_EN[w] for w in words[:MEASURE_WORDS_AT] if w in _KIND_OF_NOUN_EN), None)


@lru_cache(maxsize=1)
def _inflector() -> inflect.engine:
    """inflect's engine, imported on first use: importing inflect takes ~1.3 s (typeguard), which every process
    reading this module would pay at start-up, and only English answers over Arabic quotes need it."""
    import inflect

    return inflect.engine()


def english_plural(word: str) -> str:
    """The plural an English reader expects of a counted noun ("woman" → "women", "person" → "people"); a word that
    is plural already ("women", "news") or a participle ("killed") stays as it is. Why a library: adding "s" wrote
    "womens" and "persons" for the learned bridge's words."""
    engine = _inflector()
    if not word or word.endswith("ed") or _plural_already(engine, word):
        return word
    return engine.plural_noun(word)


def _plural_already(engine: inflect.engine, word: str) -> bool:
    """Is ``word`` a plural? inflect strips any final s ("bus" → "bu", "crisis" → "crisi"), so a word in s is plural
    only where its own plural does not lead back to it ("goals" → "goalss", but "buses" → "bus"); an irregular
    plural ("women", "children") has a singular and no s."""
    if not engine.singular_noun(word):
        return False
    return not word.endswith("s") or engine.singular_noun(engine.plural_noun(word)) != word


#: A sentence opening with the past of "to be" before its verb (folded: "وكان التنظيم قد ادعى", "وكانت السلطات
#: اعلنت", "كانوا"): news Arabic's pluperfect, which recalls what was told or done before the day's news.
_PLUPERFECT_OPENING = re.compile(r"^\W*[وف]?كان(?:ت|وا)?(?!\w)")


def recalls_earlier(sentence: str) -> bool:
    """Does a sentence open in the pluperfect ("وكان التنظيم قد ادعى الشهر الماضي ..."), telling an earlier report or
    event, dated or not? Its counts are of that past, whatever period its own clause names."""
    return bool(_PLUPERFECT_OPENING.match(normalize_arabic(sentence)))
