"""Article metadata: what the user gave, else what the text itself states.

A fact-checker must know whether "published 8 July 2020" came from the
publisher's sidecar or was read off a date stamp in the scraped page, so every
field records its provenance (`inferred` lists the fields read from the text).
Dates are read by ``language.calendar`` (the same reader claims use), so a
dateline ("DAMASCUS, July 6, 2020 (Reuters) —", "دمشق 8 يوليو 2020 (شينخوا)")
is the publication date the text states.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime
from collections.abc import Callable

from language.calendar import STATED_HEAD_WORDS, calendar_word, find_anchor, resolve_times
from language.lexicon import BYLINE_WORDS, CREDIT_LABELS, OUTLET_WORDS_AR
from language.normalize import detect_language, normalize_arabic
from language.names import given_names, named_persons
from language.outlets import is_known_outlet
from language.places import find_places, is_place
from vectorstore.credits import credit_line_outlet
from vectorstore.furniture import furniture_lines

FIELDS = ("title", "outlet", "published", "url", "language")

_OUTLET_PATTERNS = [
    re.compile(r"^\s*المصدر\s*\|\s*(?P<o>[^+\n|]+?)\s*(?:\+.*)?$", re.M),  # المصدر | الخليج الجديد + متابعات
    re.compile(r"^\s*/?\s*مصدر\s*:\s*(?P<o>[^/\n]+?)\s*/", re.M),  # /مصدر: شينخوا/
]
#: A wire dateline: a short line head, then the agency in brackets or slashes ("BEIRUT (Reuters) -", "LONDON, Aug 28
#: (Reuters)", "دمشق 8 يوليو 2020 (شينخوا)", "DAMASCUS, 8 July 2020 /Xinhua/ --"). It counts only where the head names a
#: city (CLDR) or a date, or is a few words with a dash after the agency; so a body line ("وقالت الوكالة السورية للأنباء
#: (سانا) إن") or a month in brackets ("8 تموز (يوليو)") is no outlet.
_AGENCY = re.compile(r"[(（/](?P<o>[^()（）/\n\d]{2,25})[)）/](?P<dash>\s*[-–—])?")
#: The Arabic form with dashes and no brackets: "القاهرة - أ ش أ -", "بيروت - «الحياة» -", "دمشق-سانا", a town with its
#: country in brackets ("كيميروفو (روسيا) - «الحياة» -"), a paper's bureau line, a colon before its quoted name
#: ("بيروت: «الحياة»"), and a byline line of its own ("أبوظبي - سكاي نيوز عربية", "بغداد / الأناضول", "حمص | سانا": a
#: spaced slash or bar is that line's dash too).
_CITY_DASH = re.compile(
    r"^\s*(?P<head>[^\s\d\-–()/]+(?:\s[^\s\d\-–()/]+)?)(?:\s*\((?P<where>[^()\n\d]{2,25})\))?"
    r"(?:\s*(?:[\-–]|(?P<colon>:)(?=\s*[«\"]))\s*(?P<q>[«\"])?(?P<o>[^\-–«»\"\n\d:/|]{2,25}?)[»\"]?\s*(?:[\-–:]|(?P<alone>$))"
    r"|\s+(?P<bar>[/|])\s+(?P<s>[^\-–«»\"\n\d:/|]{2,25}?)\s*(?P<alone_s>$)|-(?P<w>[^\s\d\-–]{2,25})(?=\s|$))"
)
#: A kashida standing alone between spaces is an Arabic paper's dash ("بيروت ـ «القدس العربي»:").
_KASHIDA_DASH = re.compile(r"(?<=\s)ـ(?=\s)")
#: A story's closing byline naming its agency: "— Agence France-Presse", "-- (Reuters)".
_BYLINE = re.compile(r"^\s*(?:[-–—]{1,2})\s*\(?(?P<o>[^\W\d_][^\d()\n.;:,]{1,40}?)\)?\s*$")
#: Words an agency's name may have in a byline or at a dateline's end ("… 18 فبراير 2018 م واس").
_TRAILING_AGENCY_WORDS = 4
#: Lines (title first) in which a dateline may end with its agency unbracketed: its own line, under the title.
_TRAILING_AGENCY_LINES = 2
#: Words a dateline head may have before its agency when it names neither a known city nor a date ("WASHINGTON (AP) —").
_DATELINE_HEAD_WORDS = 4
#: Words an agency's name may have where it opens a line with no head at all ("(AFP) -", "(أ ف ب) -").
_AGENCY_WORDS = 3
#: Words a dateline head naming its city or day may have: the city, its region or country, the date's month.
_PLACED_HEAD_WORDS = 6
_DATELINE_HEAD_CHARS = 60
#: Slots a slashed dateline has at least: a place, a date or a reporter, the agency (two are "city / agency",
#: ``_CITY_DASH``'s).
_SLASHED_SLOTS = 3
#: A slashed dateline's head: slots with a slash between, then a dash and the story, or the line's end.
_SLASHED = re.compile(r"^\s*(?P<head>[^\n\-–—()/]+(?:/[^\n\-–—()/]+){2,})\s*(?:(?P<rest>[-–—ـ]\s*\S)|$)")
#: A line naming its outlet, then its day: "Ahram Online , Thursday 12 Jul 2018".
_NAME_THEN_DATE = re.compile(r"^\s*(?P<o>[^\W\d_][^\d,،\-–—|/()\n]{1,30}?)\s*[,،\-–—|]\s*")
_DATELINE_LINES = 15
#: A web site's name: a dot inside a word ("العربية.نت", "example.com").
_SITE_NAME = re.compile(r"[^\W\d_]\.[^\W\d_]")
#: A dateline's day in figures after its place, no year ("الكويت - 1 - 4 (كونا) --"): no calendar date to end the head.
_NUMERIC_DAY = re.compile(r"[\s,،\-–]*\d{1,2}\s*[\-–/.]\s*\d{1,2}\s*$")


def _dateline_outlet(text: str) -> str | None:
    """The agency a wire dateline names in the article's first lines: an uploaded wire story states its outlet only
    there, and without it an answer credits "an unnamed source"."""
    for i, line in enumerate([line for line in text.split("\n") if line.strip()][:_DATELINE_LINES]):
        if name := _slashed_agency(line, i):
            return name
        if m := _agency_dateline(line):
            return m["o"].strip(" \"'«»")
        m = _CITY_DASH.match(_KASHIDA_DASH.sub("-", line))
        name = m and (m["o"] or m["s"] or m["w"] or "").strip(' «»"')
        alone = bool(m) and (m["alone"] is not None or m["alone_s"] is not None)
        if name and alone and not m["where"] and _publisher_credits_agencies(m["head"], name, i):
            return m["head"]
        # "دمشق-طهران" is two cities, not a city and its agency, and "دبي - وحيد رزق المصري" a reporter (a place in
        # it); a paper's name in quotes may name a place ("بيروت - «القدس العربي»").
        if name and not calendar_word(normalize_arabic(name)) and not (is_place(name) if m["q"] else find_places(name)):
            if not _reporter(name) and (_byline_under_title(m, i) if alone else _city_head(m["head"], m["where"], i)):
                return name
        if i < _TRAILING_AGENCY_LINES and (name := _agency_after_date(line) or _outlet_before_date(line, i)):
            return name
    return None


def _agency_dateline(line: str) -> re.Match[str] | None:
    """The bracketed agency of a wire dateline opening ``line`` ("DAMASCUS, July 8, 2020 (Reuters) —", "(AFP) -")."""
    for m in _AGENCY.finditer(line[: _DATELINE_HEAD_CHARS + 30]):
        name, head = m["o"].strip(" \"'«»"), line[: m.start()].strip()
        if not name or len(head) > _DATELINE_HEAD_CHARS or calendar_word(normalize_arabic(name)) or _reporter(name):
            continue
        # "كيميروفو (روسيا) -", "كان (جنوب فرنسا) - <reporter>": a town's country or region in brackets is no agency;
        # after the day it is, whatever else the name means ("باريس في 25/06/2018 (قنا) -": قنا is also a town).
        if find_places(name) and not _ends_with_day(head):
            continue
        if not head:
            # A dateline with neither city nor date: "(AFP) -", "(رويترز) -" opens the story's first line.
            if m["dash"] and len(name.split()) <= _AGENCY_WORDS and (name[0].isupper() or not name.isascii()):
                return m
            continue
        placed = _dateline_head(head)
        # A Latin wire head opens in capitals ("WASHINGTON (AP) —"), a caption does not ("The minister (left) -").
        bare = m["dash"] and len(head.split()) <= _DATELINE_HEAD_WORDS and (head.split()[0].isupper() or not head.isascii())
        if placed or bare:
            return m
    return None


def _dateline_head(head: str) -> bool:
    """Is ``head`` a dateline's: a few words that open with a known city ("دبي، الإمارات العربية المتحدة") or end with
    the day ("FREDERICTON, New Brunswick, Aug 10", "أنقرة - 30 آذار/مارس 2018": CLDR does not know every town)? A
    sentence naming a town or a day before something in brackets ("ذكرت وكالة أنباء الصين الجديدة (شينخوا)", "في تعز
    (جنوب غرب البلاد)") names no outlet of its own article: taken for datelines, such heads gave 139 false outlets
    on ANT's 31k articles (جنوب, شرق صنعاء, …)."""
    if len(re.findall(r"[^\W\d_]+", head)) > _PLACED_HEAD_WORDS:
        return False
    if (day := _NUMERIC_DAY.search(head)) and is_place(head[: day.start()]):  # "الكويت - 1 - 4"
        return True
    # a dateline typed in lower case ("amman (AFP) —") names its city all the same; CLDR's names are capitalised
    cased = head.title() if head.isascii() and head.islower() else head
    return any(p.kind == "city" and p.start == 0 for p in find_places(cased)) or _ends_with_day(head)


def _ends_with_day(head: str) -> bool:
    """Does ``head`` end with a day ("TRIPOLI, Libya, 16-08-2018", "طهران/ 10 آذار/ مارس", "Thursday 12 Jul 2018")?"""
    return any(t.granularity == "day" and not head[t.end :].strip(" ,،/") for t in resolve_times(head, None))


def dateline_end(sentence: str) -> int:
    """Where the wire dateline opening ``sentence`` ends ("TORONTO (Reuters) - Ten people were killed" → at "Ten"),
    0 if none. The dateline is the page's furniture: the first claim of the sentence starts after it."""
    m = _agency_dateline(sentence)
    return m.end() + len(re.match(r"[\s\-–—]*", sentence[m.end() :]).group(0)) if m else 0


def _byline_under_title(m: re.Match[str], i: int) -> bool:
    """Is a "city - outlet" line a byline of its own under the title ("أبوظبي - سكاي نيوز عربية")? Its one-word head
    may be a city CLDR does not know; a line further down ("خاص العربية.نت - رياضة") is a page's furniture."""
    if not 0 < i < _TRAILING_AGENCY_LINES + 1:
        return False
    if m["bar"] == "|" or m["colon"]:
        # a bar parts a site's breadcrumbs too ("الرئيسية | أخبار"), a colon a subtitle's quote ("الوزير: «سنرد»"): the
        # head of a bureau line must be a known place
        return is_place(m["head"])
    if m["where"]:  # "سانتا مونيكا (الولايات المتحدة) - فرانس برس": a town CLDR may not know, its country in brackets
        return bool(find_places(m["where"]))
    # a head of two words is a known place ("لوس أنجلوس - فرانس برس"), not a reporter's name ("منى الشقاقي - كامبريدج")
    return m["head"].isalpha() or is_place(m["head"])


def _publisher_credits_agencies(head: str, name: str, i: int) -> bool:
    """Is a byline line under the title "<site> - <a kind of medium>" ("العربية.نت - وكالات"): a web site crediting
    agencies it does not name? The site is the outlet. Its name has a dot inside it: any other head ("بكين - وكالات",
    CLDR knowing no بكين) may be a town, and keeps its words."""
    site = _SITE_NAME.search(head) and _names_outlet(head)
    return bool(site) and 0 < i <= _TRAILING_AGENCY_LINES and normalize_arabic(name) in OUTLET_WORDS_AR


def _city_head(head: str, where: str | None, i: int) -> bool:
    """Does a dateline's head name its city: a known city ("دمشق"), a town with its country or city in brackets
    ("كيميروفو (روسيا)"), as datelines give a town the reader may not know, or under the title a country whose capital
    bears its name ("الكويت", "الجزائر", "تونس": CLDR lists them as countries; a title "مصر - وزير الصحة: …" is no
    dateline)?"""
    if where:
        return bool(find_places(where))
    kinds = ("city", "country") if i > 0 else ("city",)
    return any(p.kind in kinds and p.start == 0 and p.end == len(head) for p in find_places(head))


def _agency_after_date(line: str) -> str | None:
    """The agency a dateline line names after its date with no brackets ("طهران 02 جمادى الآخرة 1439 هـ الموافق 18 فبراير
    2018 م واس"): the line opens with a city, states a date, and ends a few words after it, era letters ("هـ", "م")
    aside."""
    if not any(p.kind == "city" and p.start == 0 for p in find_places(line)):
        return None
    dates = [t for t in resolve_times(line, None) if t.granularity == "day" and t.resolved]  # a calendar day, not "اليوم"
    if not dates:
        return None
    tail = line[max(t.end for t in dates) :]
    words = [w for w in tail.split() if len(normalize_arabic(w)) > 1]  # not the era letters
    # Only words: a dash or a full stop after the date opens the story ("MOSCOW, March 6, 2018 — A plane crashed.",
    # "دمشق - 8 تموز 2020 - وقع …").
    if any(c in tail for c in "-–—.:"):
        return None
    if 0 < len(words) <= _TRAILING_AGENCY_WORDS and all(w.isalpha() for w in words):
        return " ".join(words)
    return None


def _slashed_agency(line: str, i: int) -> str | None:
    """The agency closing a dateline or byline whose slots slashes part ("طهران/ 10 آذار/ مارس/ إرنا – احتج",
    "مقديشو/ عبد الرحمن محمد/ الأناضول"): a place, then a date or a reporter, then the agency, last. The line goes on
    after a dash, or is a byline of its own under the title. A slash inside a date ("آذار/ مارس") parts no slots."""
    m = _SLASHED.match(line)
    if not m or (m["rest"] is None and not 0 < i <= _TRAILING_AGENCY_LINES):
        return None
    head = m["head"]
    dates = [(t.start, t.end) for t in resolve_times(head, None) if t.granularity == "day"]
    cuts = [j for j, c in enumerate(head) if c == "/" and not any(s <= j < e for s, e in dates)]
    slots = [head[a + 1 : b].strip() for a, b in zip([-1, *cuts], [*cuts, len(head)], strict=True)]
    if len(slots) < _SLASHED_SLOTS or any(len(s.split()) > _DATELINE_HEAD_WORDS or not s for s in slots):
        return None
    name, first = slots[-1], slots[0]
    if re.search(r"\d", first + name) or len(name.split()) > _AGENCY_WORDS or not _names_outlet(name):
        return None
    return name


def _names_outlet(name: str) -> bool:
    """Can ``name`` be an outlet: no month or weekday, no place, no reporter ("عبد الرحمن محمد")?"""
    return not calendar_word(normalize_arabic(name)) and not find_places(name) and not _reporter(name)


def _reporter(name: str) -> bool:
    """Does a byline slot name a person: one the byline's own word opens ("By Jane Roe", "بقلم: سمير حداد"), or in
    Arabic a name a learned first name opens (``language.names``: "القاهرة - أحمد الريدي", "مقديشو/ عبد الرحمن محمد/
    الأناضول")? A byline names its reporter in the place of an agency; read as the outlet, ANT's 31k bylines gave over
    600 reporters. English capitals tell no person from an agency ("Reuters")."""
    if not (words := name.split()):
        return False
    if normalize_arabic(words[0].rstrip(":").lower()) in BYLINE_WORDS:
        return True
    if name.isascii():
        return False
    first = normalize_arabic(words[0])
    return first in given_names() or (first.startswith(("عبد", "ابو")) and len(first) > 4) or any(p.start == 0 for p in named_persons(name))


def _outlet_before_date(line: str, i: int) -> str | None:
    """The outlet a line of its own under the title names before its day ("Ahram Online , Thursday 12 Jul 2018",
    "الأهرام - الخميس 12 يوليو 2018"): a short name, a comma or dash, the date, and nothing after."""
    m = _NAME_THEN_DATE.match(line)
    if not (m and i > 0):  # the title's own line is no byline
        return None
    name, rest = m["o"].strip(), line[m.end() :]
    days = [t for t in resolve_times(rest, None) if t.granularity == "day" and t.resolved and t.start == 0]
    # a Latin outlet's name is capitalised word by word ("Ahram Online"), page furniture is not ("Last updated")
    if not days or rest[days[0].end :].strip() or (name.isascii() and not all(w[0].isupper() for w in name.split())):
        return None
    return name if _names_outlet(name) else None


def _byline_outlet(text: str) -> str | None:
    """The agency an English story's closing byline names: its last line, a dash and a short name ("— Agence
    France-Presse"), where a story with a plain dateline ("MOSCOW, March 6, 2018 —") credits its agency."""
    lines = [line for line in text.split("\n") if line.strip()]
    m = _BYLINE.match(lines[-1]) if len(lines) > 1 else None
    if not m:
        return None
    name = m["o"].strip()
    words = name.split()
    # Latin names only: an Arabic story's last line after a dash is its end mark ("- انتهى -"), the agency is up top.
    if len(words) > _TRAILING_AGENCY_WORDS or not name.isascii() or not all(w[0].isupper() for w in words):
        return None
    return name


def find_outlet(text: str) -> str | None:
    for pattern in _OUTLET_PATTERNS:
        if m := pattern.search(text):
            return m["o"].strip(" \"'«»")
    return _dateline_outlet(text) or _byline_outlet(text) or credit_line_outlet(text) or _edge_credit(text)


#: A credit's slot in an edge line: a name in brackets or slashes, a label before it allowed ("(واج)", "/Kyodo/",
#: "(المصدر: قنا)"), or between dashes or after the last ("- سونا -").
_CREDIT_SLOT = re.compile(
    r"[(（/\[][^\S\n]*(?:(?P<label>[^\W\d_]{2,12})[^\S\n]*:[^\S\n]*)?(?P<b>[^()（）/\[\]\n\d:]{2,30}?)[^\S\n]*[)）/\]]"
    r"|(?<=[-–—])[^\S\n]*(?P<d>[^\-–—()（）/\n\d:،,.]{2,30}?)[^\S\n]*(?=[-–—]|$)"
)
#: What may close a story line before its credit: a sentence's end, a dash ("… وظيفة. - (واج)", "… towns. /Kyodo/").
_SENTENCE_END = re.compile(r"(?:^|[.!?؟…][\"'”»]?|[-–—])[^\S\n]*$")
#: Edge lines where such a credit stands: under the title, and at the end.
_EDGE_HEAD, _EDGE_TAIL = 3, 3


def _edge_credit(text: str) -> str | None:
    """The outlet a credit slot at the article's edge names, whatever the line's form: the story's first lines or its
    last, a short name in brackets, slashes or between dashes, where the line's words before it are a dateline's head
    (a place, a date) or, closing the story, a sentence's end. The name is one the corpus calls a news agency
    (``language.outlets``), or labelled as the source, or in brackets after a dash closing the story ("- (واج)") or
    before the story's dash under a dated head. A writer ("By …", "كتب") and a name the story cites ("told Reuters")
    are no such slot."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for i, line in enumerate(lines):
        top, bottom = 0 < i <= _EDGE_HEAD, i > 0 and i >= len(lines) - _EDGE_TAIL
        for m in _CREDIT_SLOT.finditer(line) if top or bottom else ():
            name = (m["b"] or m["d"] or "").strip(" \"'«»“”.")
            if not name or len(name.split()) > _AGENCY_WORDS or calendar_word(normalize_arabic(name.lower())):
                continue
            if m["label"]:
                if normalize_arabic(m["label"].lower()) in CREDIT_LABELS and not _reporter(name):
                    return name
                continue
            known = is_known_outlet(name)
            if _reporter(name) or not (_names_outlet(name) or known):
                continue
            before, after = line[: m.start()], line[m.end() :].strip()
            bracketed = m["b"] is not None
            # a Latin name is capitalised word by word; an Arabic one has no capitals: it is known or bracketed
            shaped = bracketed and (not name.isascii() or all(w[0].isupper() for w in name.split()))
            if top and _head_before(before) and (known or (shaped and after[:1] in "-–—")):
                return name
            closing = not after.strip(".") and _SENTENCE_END.search(before)
            if bottom and closing and (known or (shaped and (name.isascii() or before.rstrip()[-1:] in "-–—"))):
                return name
    return None


def _head_before(before: str) -> bool:
    """Are the words before a credit a dateline's head: a few words once its dates are set aside ("المنامة في 10 رجب
    1440 هـ الموافق 17 مارس 2019 م", "الخرطوم، 5 مايو 2019 -")? A sentence ("told", "قالت") is longer or has none."""
    dates = [(t.start, t.end) for t in resolve_times(before, None) if t.granularity == "day"]
    if not dates:
        return not before.strip(" -–—,،")  # nothing before it: the line opens with the credit
    rest = "".join(c for j, c in enumerate(before) if not any(s <= j < e for s, e in dates))
    return len([w for w in re.findall(r"[^\W\d_]+", rest) if len(normalize_arabic(w)) > 1]) <= STATED_HEAD_WORDS


def find_title(text: str) -> str | None:
    lines = text.split("\n")
    skip = furniture_lines(lines)
    return next((line.strip() for i, line in enumerate(lines) if line.strip() and i not in skip), None)


def resolve_metadata(text: str, given: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Merge given metadata with what the text states; returns (fields, inferred field names).

    A field is read off the text only when it was not given: reading the date was a
    quarter of ingest's non-embedding time (profiled), and news feeds give it.
    """
    readers: dict[str, Callable[[], str | None]] = {
        "title": lambda: find_title(text),
        "outlet": lambda: find_outlet(text),
        "published": lambda: d.isoformat() if (d := find_anchor(text)) else None,
        "language": lambda: detect_language(text[:2000]),
    }
    fields: dict[str, str] = {}
    inferred: list[str] = []
    for name in FIELDS:
        if given.get(name):
            fields[name] = given[name]
        elif name in readers and (value := readers[name]()):
            fields[name] = value
            inferred.append(name)
    if "published" in fields:
        fields["published"] = _iso_date(fields["published"])
    return fields, inferred


def _iso_date(value: str) -> str:
    """Normalise a given date ("2018-04-12 10:00:00", "8 يوليو 2020", "July 6, 2020") to ISO; keep it if unparseable.

    Machine stamps (ISO, a feed's RFC 2822 "Fri, 12 Oct 2018 18:02:33 GMT") are read by the standard library first:
    on a bulk ingest nearly every date is such a stamp, and the calendar reader takes 20 times as long (0.07 ms).
    """
    stamp = machine_date(value)
    if stamp:
        return stamp.isoformat()
    day = next((t.value_start for t in resolve_times(value, None) if t.resolved and t.granularity == "day"), None)
    return day.isoformat() if day else value


def machine_date(value: str) -> date | None:
    """The day of an ISO or RFC 2822 timestamp, else None (prose dates go to the calendar reader)."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
