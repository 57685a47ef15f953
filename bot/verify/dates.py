"""The date slot: the claim's dates against those a sentence gives in a clause about the claim, read against the source's
own date; a wire's dateline dates the report, not the event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from bot.claims import Evidence
from bot.entities import place_compatible
from bot.verify.frame import _PREFIX, _WORD, ClaimFrame, _clauses, _present, _reporting_keys, sentence_keys
from bot.verify.parties import _entities_of
from bot.verify.places import _slot_places
from bot.verify.reasons import Check, _lang, _say
from language.calendar import DATELINE_REACH, WEEKDAYS_EN, TimeMention, format_day, resolve_times
from language.lexicon import FUNCTION_WORDS_AR, FUNCTION_WORDS_EN
from language.normalize import detect_language, normalize_arabic

#: Two day-dates further apart than this are two events, not a clash ("the 2018 agreement").
SAME_EVENT_DAYS = 31


def _day_values(times: Sequence[TimeMention]) -> tuple[list[tuple[dt.date, dt.date]], set[str]]:
    """Resolved intervals, and the weekday names unresolved mentions state (``TimeMention.weekday``: "الثلاثاء",
    and "أمس الثلاثاء" in an undated article, which is on no calendar but still names its day of the week)."""
    intervals, weekdays = [], set()
    for t in times:
        if t.resolved and t.value_start and t.value_end:
            intervals.append((t.value_start, t.value_end))
        elif t.weekday is not None:
            weekdays.add(WEEKDAYS_EN[t.weekday])
    return intervals, weekdays


#: Claim dates that name a calendar day or month but no year ("on Monday", "أمس الاثنين", "on 24 June", "في حزيران"):
#: a source reads them against its own date, and so does verify. A bare "yesterday" in a claim has no such name.
_NAMED_NO_YEAR = ("date-without-year:", "month-without-year:")


def _claim_days(frame: ClaimFrame, anchor: dt.date | None) -> tuple[list[tuple[dt.date, dt.date]], set[str]]:
    """The claim's dates; a weekday, or a day or month with no year, read against the source's own date, as the
    source would read it ("24 June" in an article of 8 July 2020 is 24 June 2020)."""
    if anchor is None:
        return _day_values(frame.times)
    read = {t.start: t for t in resolve_times(frame.text, anchor, frame.lang)}
    named = [read.get(t.start, t) if t.weekday is not None or (t.relative or "").startswith(_NAMED_NO_YEAR) else t for t in frame.times]
    return _day_values(named)


def _in_claim_years(day_month: tuple[int, int], claim_iv: Sequence[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """A day a sentence names without its year, in an article with no date of its own ("MOSCOW. April 13 (Interfax) -
    … at 11:30 p.m. on April 12"), read in the years of the claim's dates: its month and day are what it states, and
    they match or clash with "12 April 2018" as a reader takes them. A day the year lacks (29 February) is no date."""
    month, day = day_month
    days = []
    for year in sorted({d.year for iv in claim_iv for d in iv}):
        try:
            named = dt.date(year, month, day)
        except ValueError:
            continue
        days.append((named, named))
    return days


def _speaks_to_claim(frame: ClaimFrame, clause: str, stretch: bool = False) -> bool:
    """Does a clause speak to the claim: a word of its deed (else, for a claim of names only, a name; never a verb of
    saying), or, for a stretch of days (``stretch``: "متواجد بالعاصمة السورية منذ أيام"), the place it locates the event in?

    "بعد توقيعهما على الاتفاقية صباح الأربعاء" dates the signing, not the visitor's
    arrival; "الذي وصل إلى دمشق مساء أمس الثلاثاء" dates the arrival, not the signing; "ووصل باقري إلى دمشق أمس
    الثلاثاء" dates another deed of Bagheri's than "التقى الأسد باقري في دمشق يوم الخميس".
    """
    keys, ids = sentence_keys(clause), _entities_of(clause, frame.book)
    english = detect_language(clause) == "en"
    usable = [g for g in frame.groups if g.keys != _reporting_keys() and g.matchable_in(english)]
    deed = [g for g in usable if not g.entity]
    if any(_present(g, keys, ids) for g in deed or usable):
        return True
    persons = frame.persons()
    if len(persons) >= 2 and persons <= ids:
        return True  # the claim's persons together in one clause: their encounter, in whatever verb ("استقبل" for "التقى")
    if not stretch and deed:
        return False
    named = set(_slot_places(clause)) | {i for i in ids if i.startswith("capital:")}
    return bool(
        named & frame.places
        or any(p in ids for p in frame.places)
        or any(place_compatible(c, p) for c in frame.places for p in named if p.startswith("capital:"))
    )


def _content_words(text: str) -> list[str]:
    """The words of ``text`` that are not function words (Arabic or English)."""
    words = [_PREFIX.sub("", w) for w in _WORD.findall(normalize_arabic(text).lower())]
    return [w for w in words if len(w) > 2 and w not in FUNCTION_WORDS_AR | FUNCTION_WORDS_EN]


def _time_words(t: TimeMention, frame: ClaimFrame) -> str:
    """A date as the reason shows it: the source's own words in the reader's language, else the day they resolve to
    (an Arabic reader sees "6 يوليو 2020", not "July 6, 2020")."""
    if detect_language(t.text) == _lang(frame) or not (t.resolved and t.value_start and t.value_start == t.value_end):
        return t.text
    return format_day(t.value_start, _lang(frame), t.part_of_day)


#: What closes a wire story's dateline after its date: the agency in brackets and a dash ("VIENNA, March 12, 2018 (APA) -",
#: "أنقرة - 30 آذار/مارس 2018 (أ ف ب) -").
_DATELINE_CLOSE = re.compile(r"\s*(?:[(（][^()（）\n]{1,30}[)）])?\s*[-–—ـ]")


def _dateline_date(text: str, t: TimeMention) -> bool:
    """Is ``t`` the date of a dateline opening the sentence? It dates the report, not the event: "VIENNA, March 12,
    2018 (APA) - A man … was shot dead late on Sunday" tells a Sunday attack, filed on Monday (``_date_checks`` judges
    it only where the story gives no date of its own)."""
    return t.start <= DATELINE_REACH and bool(_DATELINE_CLOSE.match(text, t.end))


def _date_checks(frame: ClaimFrame, ev: Evidence) -> list[Check]:
    """The claim's date against each date the sentence gives in a clause about the claim's persons or places.

    A named day matches or clashes; a stretch of days ("منذ أيام", resolved from the
    article's date) only clashes, when the claimed day falls outside it: it never
    states the claimed day. One sentence can do both ("Al Arabiya said Tuesday
    evening, Al Jazeera's bureau chief said for days").
    """
    if not frame.times:
        return []
    claim_iv, claim_wd = _claim_days(frame, ev.anchor)
    if not claim_iv and not claim_wd:
        return []
    # A month or a year states the claim's date when the claim gives one of that grain ("منذ عام 2012" for "since
    # 2012"); against a claimed day it is only a bound, like a stretch of days.
    grains = {"day"} | {t.granularity for t in frame.times}
    times = resolve_times(ev.text, ev.anchor, detect_language(ev.text))
    mentions = [t for t in times if t.granularity in grains or t.granularity == "days-range"]
    clauses = _clauses(ev.text)
    checks = []
    # A dateline's date dates the report: where the story gives the event's own date, that one is judged.
    story = [t for t in mentions if not _dateline_date(ev.text, t)]
    for t in story or mentions:
        i = next((i for i, c in enumerate(clauses) if t.text in c), None)
        clause = ev.text if i is None else clauses[i]
        if i and not _content_words(clause.replace(t.text, " ")):
            clause = clauses[i - 1] + clause  # a clause that is only the date ("، في 24 يونيو،") dates the clause before it
        vague = t.granularity not in grains
        if not _speaks_to_claim(frame, clause, vague):
            continue
        ev_iv, ev_wd = _day_values([t])
        if not ev_iv and t.day_month and claim_iv:
            ev_iv = _in_claim_years(t.day_month, claim_iv)
        ev_wd |= {WEEKDAYS_EN[s.weekday()] for s, e in ev_iv if s == e}
        if claim_iv and ev_iv:
            if any(cs <= ee and es <= ce for cs, ce in claim_iv for es, ee in ev_iv):
                if not vague:
                    checks.append(Check("date", "match", _say(frame, "date_match", _time_words(t, frame)), (t.text,)))
                continue
            gap = min(min(abs((es - ce).days), abs((cs - ee).days)) for cs, ce in claim_iv for es, ee in ev_iv)
            if gap <= SAME_EVENT_DAYS:
                checks.append(Check("date", "clash", _say(frame, "date_clash", _time_words(t, frame)), (t.text,)))
            continue
        wanted = claim_wd | {WEEKDAYS_EN[s.weekday()] for s, e in claim_iv if s == e}
        if wanted and ev_wd and not vague:
            kind = "match" if wanted & ev_wd else "clash"
            checks.append(Check("date", kind, _say(frame, f"date_{kind}", _time_words(t, frame)), (t.text,)))
    return checks
