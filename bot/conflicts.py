"""Find claims that cannot all be true, and say so in one answer sentence.

Compatibility rule (why "arrived Tuesday evening" and "had been in the capital
for days" conflict): every date claim is an interval of days in which the event
happened. "مساء الثلاثاء" in an article dated Wednesday 8 July is [7 Jul, 7 Jul]
(evening). "متواجد ... منذ أيام" (present for days) bounds the *arrival* to at
least two days before the anchor: [28 Jun, 6 Jul] (``timeexpr.DAYS_AGO_RANGE``).
Two claims about the same single-occurrence event are compatible when their
intervals overlap and, on the same day, their parts of day agree (or one is
unspecified). Disjoint intervals cannot both be true. So "24 يونيو/حزيران
الماضي" and "الرابع والعشرين من الشهر الماضي" (both 24 June 2020) agree, and
"Tuesday" agrees with "Tuesday evening".

Not conflicts: claims by the same source only; name variants (claims are keyed
on canonical ids); different episodes of one event type: a signing in 2018 by
Hatami is not the 2020 signing by Bagheri. Episodes split when both claims
know the year and the years differ, or when each side names a signer the
other does not. Those splits become notes, not conflicts.

Counts conflict when their intervals (``entities.Quantity``) cannot overlap
and units agree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from bot import schema
from bot.claims import Claim
from bot.entities import gazetteer, label, place_compatible
from bot.timeexpr import DAYS_AGO_RANGE, WEEKDAYS_EN, resolve_times

#: Character-shingle Jaccard at or above which two sentences are one wire copy.
NEAR_DUPLICATE_JACCARD = 0.6
_SHINGLE = 5


# ------------------------------------------------------------------ episodes


def _same_episode(a: Claim, b: Claim) -> bool:
    """Could these two claims be about the same occurrence of their event type?"""
    if a.event != b.event and not (a.event.startswith("arrival:") and _arrival_match(a, b)):
        return False
    if a.year and b.year and a.year != b.year:
        return False
    people_a, people_b = set(a.actors), set(b.actors)
    if people_a and people_b and (people_a - people_b) and (people_b - people_a):
        return False
    return True


def _arrival_match(a: Claim, b: Claim) -> bool:
    """Arrival keys differ only by place granularity: Damascus vs Syria is one arrival."""
    pa, pb = a.event.split(":"), b.event.split(":")
    return pb[0] == "arrival" and pa[1] == pb[1] and (pa[2] == pb[2] or place_compatible(pa[2], pb[2]))


def _episodes(claims: list[Claim]) -> list[list[Claim]]:
    """Greedy grouping: best-described claims seed episodes, the rest join the first fitting one."""
    ordered = sorted(claims, key=lambda c: (-(bool(c.year) + bool(c.actors)), c.evidence_n))
    return _greedy_groups(ordered, _same_episode)


# ------------------------------------------------------------------ values


def _compatible_dates(a: Claim, b: Claim) -> bool:
    if not (a.value_start and a.value_end and b.value_start and b.value_end):
        return True  # unresolved: no evidence of disagreement
    if a.value_end < b.value_start or b.value_end < a.value_start:
        return False
    same_day = a.value_start == a.value_end == b.value_start == b.value_end
    return not (same_day and a.part_of_day and b.part_of_day and a.part_of_day != b.part_of_day)


def _compatible_numbers(a: Claim, b: Claim) -> bool:
    def unit(u: str | None) -> str | None:
        return u[2:] if u and u.startswith("ال") else u

    if a.low is None or b.low is None or (a.unit and b.unit and unit(a.unit) != unit(b.unit)):
        return True  # different things counted (or unknown): no evidence of disagreement
    hi_a = float("inf") if a.high is None else a.high
    hi_b = float("inf") if b.high is None else b.high
    return a.low <= hi_b and b.low <= hi_a


def _clusters(claims: list[Claim], compatible) -> list[list[Claim]]:
    """Mutually compatible groups, narrowest values first so they anchor the groups."""
    width = lambda c: (c.value_end - c.value_start).days if c.value_start and c.value_end else 10**6  # noqa: E731
    return _greedy_groups(sorted(claims, key=lambda c: (width(c), c.part_of_day is None, c.evidence_n)), compatible)


def _greedy_groups(ordered: list[Claim], fits) -> list[list[Claim]]:
    """Each claim joins the first group all of whose members it ``fits`` with, else starts one.

    Order matters (earlier claims seed the groups), which is why callers sort first.
    """
    groups: list[list[Claim]] = []
    for c in ordered:
        group = next((g for g in groups if all(fits(c, o) for o in g)), None)
        if group is None:
            groups.append([c])
        else:
            group.append(c)
    return groups


def _position(group: list[Claim]) -> schema.Position:
    values = list(dict.fromkeys(c.value for c in group))
    sources = list(dict.fromkeys(c.attributed_to for c in group))
    return schema.Position(
        value=" / ".join(values),
        normalized=group[0].normalized,  # the narrowest (see _clusters)
        attributed_to="; ".join(sources),
        citations=sorted({c.evidence_n for c in group}),
        independent_sources=independent_sources(group),
    )


def find_conflicts(claims: list[Claim]) -> tuple[list[schema.Conflict], list[str]]:
    """Conflicts among claims on one event+slot by different sources, plus notes on distinct events."""
    conflicts: list[schema.Conflict] = []
    notes: list[str] = []
    by_type: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        # arrivals group per person (Damascus and Syria may be one arrival); other keys as they are
        by_type[":".join(c.event.split(":")[:2]) if c.event.startswith("arrival:") else c.event].append(c)
    for group in by_type.values():
        episodes = _episodes(group)
        if len(episodes) > 1 and any(c.single for c in group):
            notes.extend(_episode_notes(episodes))
        for episode in episodes:
            for slot, kind, compatible in (("date", "date", _compatible_dates), ("number", "number", _compatible_numbers)):
                slot_claims = [c for c in episode if c.slot == slot and (c.single or slot == "number")]
                if len(slot_claims) < 2:
                    continue
                sides = _clusters(slot_claims, compatible)
                origins = [{c.origin for c in side} for side in sides]
                if len(sides) > 1 and len(set().union(*origins)) > 1:
                    conflicts.append(schema.Conflict(
                        topic=_topic_key(episode), kind=kind, positions=[_position(s) for s in sides]))
    return conflicts, notes


def _topic_key(episode: list[Claim]) -> str:
    """The most specific event key in the episode (a place-qualified arrival over 'unknown')."""
    keys = [c.event for c in episode]
    return max(keys, key=lambda k: (k.count("unknown") * -1, keys.count(k)))


def _episode_notes(episodes: list[list[Claim]]) -> list[str]:
    main = max(episodes, key=lambda g: (len({c.evidence_n for c in g}), -min(c.evidence_n for c in g)))
    notes = []
    for other in episodes:
        if other is main:
            continue
        docs = ", ".join(sorted({c.doc_id for c in other}))
        cites = "".join(f"[{n}]" for n in sorted({c.evidence_n for c in other}))
        notes.append(f"{docs} {cites} describe{'s' if len({c.doc_id for c in other}) == 1 else ''} a different event: "
                     f"{_episode_phrase(other)}, not {_episode_phrase(main)}.")
    return notes


def _episode_phrase(episode: list[Claim]) -> str:
    kind = episode[0].event.split(":")[0]
    noun = {"signing": "the agreement", "arrival": "the arrival", "strike": "the strike", "meeting": "the meeting"}.get(kind, f"the {kind}")
    people = sorted({a for c in episode for a in c.actors if gazetteer()[a].type == "person"},
                    key=lambda a: -sum(a in c.actors for c in episode))
    dated = [c for c in episode if c.slot == "date" and c.value_start]
    when = _pretty_when(min(dated, key=lambda c: (c.value_end - c.value_start).days), "en") if dated else None
    verb = {"signing": "signed by", "arrival": "of", "meeting": "with"}.get(kind, "involving")
    parts = [noun]
    if when:
        parts.append(f"of {when}" if kind == "signing" else when)
    if people:
        parts.append(f"{verb} {' and '.join(label(p) for p in people[:2])}")
    return " ".join(parts)


# ------------------------------------------------------------------ independence


def _shingles(text: str) -> set[str]:
    t = re.sub(r"\W+", " ", text).strip()
    return {t[i:i + _SHINGLE] for i in range(max(1, len(t) - _SHINGLE + 1))}


def jaccard(a: str, b: str) -> float:
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


def independent_sources(claims: list[Claim]) -> int:
    """How many independent sources back these claims.

    Two claims count once when they share a first-hand origin (both cite Al
    Arabiya) or their sentences are near-duplicates (character 5-gram Jaccard
    ≥ ``NEAR_DUPLICATE_JACCARD``: one wire story republished).
    """
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(claims):
        for j in range(i):
            b = claims[j]
            if a.origin == b.origin or jaccard(a.sentence or a.value, b.sentence or b.value) >= NEAR_DUPLICATE_JACCARD:
                parent[find(i)] = find(j)
    return len({find(i) for i in range(len(claims))})


# ------------------------------------------------------------------ wording

_MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
_WEEKDAYS_AR = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
_PARTS_AR = {"morning": "صباح", "evening": "مساء", "night": "ليلة", "noon": "ظهر", "afternoon": "عصر", "dawn": "فجر"}


def _pretty_day(d: dt.date, lang: str, part: str | None = None, weekday: bool = True) -> str:
    if lang == "ar":
        day = f"{d.day} {_MONTHS_AR[d.month - 1]} {d.year}"
        wd = f"{_PARTS_AR.get(part, '') + ' ' if part else ''}{_WEEKDAYS_AR[d.weekday()]} " if weekday else ""
        return f"{wd}{day}"
    day = f"{d.day} {d.strftime('%B')} {d.year}"
    if not weekday:
        return day
    return f"{WEEKDAYS_EN[d.weekday()]}{' ' + part if part else ''}, {day}"


def _pretty_when(c: Claim, lang: str) -> str:
    s, e = c.value_start, c.value_end
    if s == e:
        return _pretty_day(s, lang, c.part_of_day)
    if s.day == 1 and e.month == s.month and e.year == s.year:
        return f"{_MONTHS_AR[s.month - 1]} {s.year}" if lang == "ar" else s.strftime("%B %Y")
    if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
        return str(s.year)
    if (s.month, e.month) == (6, 8) and s.year == e.year:
        return f"صيف {s.year}" if lang == "ar" else f"summer {s.year}"
    if lang == "ar":
        return f"بين {_pretty_day(s, lang, weekday=False)} و{_pretty_day(e, lang, weekday=False)}"
    return f"between {_pretty_day(s, lang, weekday=False)} and {_pretty_day(e, lang, weekday=False)}"


def _position_phrase(p: schema.Position, kind: str, lang: str) -> str:
    """What one side says, e.g. 'Tuesday evening, 7 July 2020' or 'he had been there for days'."""
    if kind != "date":
        return p.value
    first_value = p.value.split(" / ")[0]
    rel = resolve_times(first_value, None)
    m = re.match(r"(\d{4}-\d\d-\d\d)(?:\.\.(\d{4}-\d\d-\d\d))?(?: (\w+))?$", p.normalized)
    if not m:
        return p.normalized
    start = dt.date.fromisoformat(m.group(1))
    end = dt.date.fromisoformat(m.group(2)) if m.group(2) else start
    if rel and rel[0].relative == "days-before-anchor":
        anchor = end + dt.timedelta(days=DAYS_AGO_RANGE[1])
        if lang == "ar":
            return f"أنه كان هناك منذ أيام قبل {_pretty_day(anchor, lang, weekday=False)}"
        return f"he had already been there for days before {_pretty_day(anchor, lang, weekday=False)}"
    fake = Claim(event="", slot="date", value="", normalized="", attributed_to="", evidence_n=0, doc_id="",
                 value_start=start, value_end=end, part_of_day=m.group(3))
    return _pretty_when(fake, lang)


_STAFF = re.compile(r"^(?P<outlet>.+?)'s (?:(?P<place>.+?) )?bureau chief (?P<person>.+)$")


def _to_arabic(name: str) -> str:
    """English gazetteer label back to Arabic for Arabic answers; unknown names stay as they are."""
    by_en = {e.en: e.ar for e in gazetteer().values()}
    if name in by_en:
        return by_en[name]
    if m := _STAFF.match(name):
        where = f" في {by_en.get(m['place'], m['place'])}" if m["place"] else ""
        return f"{by_en.get(m['person'], m['person'])}، مدير مكتب {by_en.get(m['outlet'], m['outlet'])}{where}"
    return name


def _who(attributed: str, lang: str) -> str:
    """'Al-Khaleej Al-Jadeed, citing Al Arabiya' → 'Al Arabiya (via Al-Khaleej Al-Jadeed)'."""
    out = []
    for one in attributed.split("; "):
        chain = [_to_arabic(x) for x in one.split(", citing ")] if lang == "ar" else one.split(", citing ")
        if len(chain) == 1:
            out.append(chain[0])
        else:
            via = "عبر" if lang == "ar" else "via"
            out.append(f"{chain[-1]} ({via} {', '.join(reversed(chain[:-1]))})")
    return (" و" if lang == "ar" else ", ").join(out)


def topic_phrase(topic: str, lang: str) -> str:
    parts = topic.split(":")
    name = lambda i: label(i, lang) if i in gazetteer() else i  # noqa: E731
    if parts[0] == "arrival" and len(parts) == 3:
        return f"موعد وصول {name(parts[1])} إلى {name(parts[2])}" if lang == "ar" else f"when {name(parts[1])} arrived in {name(parts[2])}"
    table = {
        "signing": ("موعد توقيع الاتفاقية", "when the agreement was signed"),
        "strike": ("موعد الضربة الإسرائيلية الأخيرة", "when the last Israeli strike happened"),
        "in-force": ("موعد دخوله حيز التنفيذ", "when it came into force"),
        "casualties": ("عدد القتلى", "the death toll"),
    }
    ar, en = table.get(parts[0], (topic, topic))
    return ar if lang == "ar" else en


def describe_conflict(conflict: schema.Conflict, lang: str = "en") -> str:
    """One answer sentence naming each side, what it says, and its citations."""
    sides = []
    for p in conflict.positions:
        cites = "".join(f"[{n}]" for n in p.citations)
        who = _who(p.attributed_to, lang)
        what = _position_phrase(p, conflict.kind, lang)
        if lang == "ar":
            sides.append(f"{who}: {what} {cites}")
        else:
            plural = "; " in p.attributed_to
            sides.append(f"{who} say{'' if plural else 's'} {what} {cites}")
    if lang == "ar":
        return f"تختلف المصادر حول {topic_phrase(conflict.topic, lang)}: " + "؛ ".join(sides) + "."
    return f"Sources disagree on {topic_phrase(conflict.topic, lang)}: " + "; ".join(sides) + "."
