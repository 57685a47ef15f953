"""Find page furniture: the lines of a scraped page that are not article text.

Related-headline lists, keyword lines, print/share buttons, social handles,
"hot pictures", comment headers and date stamps are not evidence. Left in the
index, a related headline such as "مقتل 5 من ميليشيا إيران في سوريا" outranks
real sentences for many questions. We mark lines rather than delete them, so
the stored text stays the original and no body line can silently disappear.
"""

from __future__ import annotations

import re

#: Lines that are furniture wherever they stand.
_LINE_PATTERNS = [
    r"^\s*(اطبع|طباعة|شارك|مشاركة|أرسل|ارسل|print|share|tweet)\s*$",
    r"^\s*(صور ساخنة|أخبار ساخنة|اخبار ساخنة|روابط ذات العلاقة|الأخبار الأخيرة|الاخبار الاخيرة|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا)\s*$",
    r"^\s*(التعليقات|تعليقات|كلمات مفتاحية|الكلمات المفتاحية|وسوم|related|read more|tags|comments)\s*:?\s*$",
    r"^\s*[\w.\-]*@[\w.\-]+(\s+[\w.\-]*@[\w.\-]+)*\s*$",  # social handles
    r"^\s*(https?://\S+\s*)+$",
    r"^\s*(【\d+】)+\s*$",
    r"^\s*[×x✕|·•\-–—]+\s*$",
    r"^\s*/?\s*مصدر\s*:\s*[^/]+/.*$",  # "/مصدر: شينخوا/  2020:07:09.09:43"
    r"^\s*المصدر\s*\|.*$",  # "المصدر | الخليج الجديد + متابعات"
]
#: Date/time stamp lines ("الأربعاء 8 يوليو 2020 05:34 م", "人民网 2020:07:09.10:11:09").
_STAMP = re.compile(
    r"^\s*\S{0,12}\s*(\d{4}[:\-/.]\d{1,2}[:\-/.]\d{1,2}[\d:.\sTZ]*|[^\d\n]{0,12}\d{1,2}\s+\S+\s+\d{4}\s+\d{1,2}:\d{2}\s*\S{0,2})\s*$"
)
#: After one of these, the rest of the page is lists and links.
_TAIL_MARKER = re.compile(
    r"^\s*(كلمات مفتاحية|الكلمات المفتاحية|المصدر\s*\||صور ساخنة|أخبار ساخنة|روابط ذات العلاقة|اقرأ أيضا|التعليقات|related|tags)", re.I
)
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS), re.I)
_SENTENCE_END = re.compile(r"[.!?؟؛:]\s*[\"»”']?\s*$")


def _is_headline_like(line: str) -> bool:
    """Short, unpunctuated lines: what related-article lists and signatures look like."""
    return len(line.split()) <= 16 and not _SENTENCE_END.search(line)


def furniture_lines(lines: list[str]) -> set[int]:
    """Indices of lines that are not article body.

    Rules, in order: a line that matches a furniture pattern or a bare date stamp;
    after a tail marker (keywords, source line, "hot news"...), every short
    headline-like line; and a short signature line at the very end of the page
    ("إيران إنسايدر"). Long punctuated lines are never marked, so body text
    cannot be lost to these rules.
    """
    marked: set[int] = set()
    in_tail = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _FURNITURE.search(line) or _STAMP.match(line):
            marked.add(i)
        elif in_tail and _is_headline_like(line):
            marked.add(i)
        if _TAIL_MARKER.search(line):
            in_tail = True
    last = max((i for i, line in enumerate(lines) if line.strip()), default=None)
    if last is not None and len(lines[last].split()) <= 4 and not _SENTENCE_END.search(lines[last]):
        marked.add(last)
    return marked
