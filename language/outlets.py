"""Outlet names learned from a corpus: which names news copy calls a news agency.

A credit line names its outlet in endless shapes and names ("(واج)", "- سونا -", "(المصدر: قنا)"); a hand list of
names trails every new source, and Arabic has no capitals to tell a name from other words. Copy itself says which names
are news agencies when it cites them: "وكالة الأنباء السورية (سانا)", "وكالة أنباء فارس", "وكالة الأناضول للأنباء".
Learned from ANT's 31k articles (../shared/data); rebuild with ``python -m language.outlets [corpus.jsonl.gz]``, which
writes ``language/outlets.json``.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from language.calendar import calendar_word
from language.normalize import normalize_arabic

DATA = Path(__file__).with_name("outlets.json")
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz"
#: A name is kept when this many articles call it a news agency: a misspelling or a one-off phrase is rarer.
MIN_ARTICLES = 4
#: The most words a name has.
NAME_WORDS = 3
#: "News" ("أنباء"): an agency of another kind ("وكالة الفضاء الأمريكية (ناسا)", "وكالة المخابرات") is not called so.
_NEWS = r"(?:ال)?[أا]نباء"
_AGENCY = r"(?:[ولب])?(?:ال)?وكال[ةه]"
_WORD = r"[^\s()\[\]«»\"،,.:؛!?\d]+"
#: How copy calls a name a news agency: "وكالة الأنباء السورية (سانا)", "وكالة أنباء فارس", "وكالة الأناضول للأنباء".
_CALLED = (
    re.compile(rf"{_AGENCY}\s+{_NEWS}(?:\s+{_WORD}){{0,4}}?\s*[(（](?P<o>[^()（）\d\n]{{2,20}})[)）]"),
    re.compile(rf"{_AGENCY}\s+[أا]نباء\s+(?P<o>(?!ال){_WORD})"),
    re.compile(rf"{_AGENCY}\s+(?P<o>{_WORD}(?:\s+{_WORD})?)\s+لل[أا]نباء"),
)
#: A closing adjective of origin or standing ("مهر الإيرانية", "تاس الروسية", "الرسمية"), folded: no part of the name.
_NISBA = re.compile(r"(?:\s+ال\w+يه)+$")
#: The kind words that head or close an outlet's name, dropped to compare it: "وكالة الأناضول" is "الأناضول".
_KIND = re.compile(r"^(?:[ولب]?(?:ال)?وكاله\s+(?:(?:ال)?انباء\s+)?)|\s+للانباء$")


def fold(name: str) -> str:
    """The key a name is compared by: Arabic letter variants, Latin case and kind words folded ("وكالة الأناضول
    للأنباء" → "الاناضول")."""
    name = " ".join(normalize_arabic(name.strip(" \"'«»“”.").lower()).split())
    name = _KIND.sub("", name).strip()
    return _NISBA.sub("", name) if " " in name else name


def _called_news_agency(text: str) -> set[str]:
    """The names ``text`` calls a news agency, folded."""
    keys = {fold(m["o"]) for pattern in _CALLED for m in pattern.finditer(text)}
    return {key for key in keys if key and len(key.split()) <= NAME_WORDS and not _NISBA.fullmatch(" " + key)}


def learn(corpus: Path = CORPUS) -> dict[str, int]:
    """Each name the corpus calls a news agency and how many articles do, kept when ``MIN_ARTICLES`` do and it is
    neither a calendar word nor a place ("وكالة أنباء السودان" names the country, not its agency)."""
    from language.places import is_place

    counts: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            counts.update(_called_news_agency(f"{record.get('title') or ''}\n{record.get('text') or ''}"))
    return {name: n for name, n in counts.most_common() if n >= MIN_ARTICLES and not calendar_word(name) and not is_place(name)}


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(json.loads(DATA.read_text(encoding="utf-8"))["counts"])


def is_known_outlet(name: str) -> bool:
    """Is ``name`` one the corpus calls a news agency ("سانا", "وكالة الأناضول", "واس")?"""
    return fold(name) in _known()


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    learned = learn(source)
    about = f"python -m language.outlets {source.name}: names called a news agency in >= {MIN_ARTICLES} articles"
    DATA.write_text(json.dumps({"about": about, "counts": learned}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(len(learned), "outlets")
