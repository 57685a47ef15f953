"""Reading files and inferring metadata: every bad input gets its own clear reason."""

import gzip
import json
import tracemalloc
from datetime import date

import pytest

from language.calendar import find_anchor
from vectorstore.ingestion import MAX_REPORTED_PROBLEMS, IngestReport
from vectorstore.loaders import Article, LoadError, ReadLimits, iter_files, load_path
from vectorstore.metadata import find_outlet, resolve_metadata


def _load(path):
    return list(load_path(path))


def test_txt_with_sidecar(tmp_path):
    (tmp_path / "a1.txt").write_text("عنوان\n\nوقال المتحدث إن الاجتماع انتهى.", encoding="utf-8")
    (tmp_path / "a1.meta.json").write_text(json.dumps({"outlet": "سانا", "published": "2020-07-08"}), encoding="utf-8")
    [article] = _load(tmp_path / "a1.txt")
    assert isinstance(article, Article)
    assert article.doc_id == "a1" and article.given == {"outlet": "سانا", "published": "2020-07-08"}


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"  \n", "empty file"),
        ("bin.txt", b"\x89PNG\r\n\x00\x00\x00IHDR", "binary"),
        ("cp1256.txt", "قال الوزير إن الاتفاق شامل وسيوقع غدا في العاصمة".encode("cp1256"), "not UTF-8"),
        ("doc.pdf", b"%PDF-1.4", "unsupported file type"),
        ("page.html", b"<html><head><title>t</title></head><body><script>var a=1;</script></body></html>", "no article text"),
        (".txt", "قال المتحدث إن الاجتماع انتهى.".encode(), "empty document id"),
        (" padded .md", "قال المتحدث إن الاجتماع انتهى.".encode(), "white space"),
        ("x" * 201 + ".txt", "قال المتحدث إن الاجتماع انتهى.".encode(), "longer than 200"),
    ],
)
def test_bad_files_get_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    [error] = _load(path)
    assert isinstance(error, LoadError) and reason in error.reason, error


@pytest.mark.parametrize("sidecar", ["[1, 2]", '"outlet"', "{not json"])
def test_sidecar_that_is_not_an_object_is_a_load_error(tmp_path, sidecar):
    (tmp_path / "a1.txt").write_text("وقال المتحدث إن الاجتماع انتهى.", encoding="utf-8")
    (tmp_path / "a1.meta.json").write_text(sidecar, encoding="utf-8")
    [error] = _load(tmp_path / "a1.txt")
    assert isinstance(error, LoadError) and "a1" in error.source


def test_html_boilerplate_is_stripped(tmp_path):
    body = " ".join(["وقال وزير الدفاع إن التعاون العسكري بين البلدين سيستمر ويتوسع في المرحلة المقبلة."] * 4)
    html = f"""<html><head><title>خبر</title></head><body>
    <nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
    <article><h1>اتفاق عسكري</h1><p>{body}</p><p>{body}</p></article>
    <footer>جميع الحقوق محفوظة</footer></body></html>"""
    (tmp_path / "story.html").write_text(html, encoding="utf-8")
    [article] = _load(tmp_path / "story.html")
    assert isinstance(article, Article) and article.doc_id == "story"
    assert "وقال وزير الدفاع" in article.text
    assert "جميع الحقوق محفوظة" not in article.text and "الرئيسية" not in article.text


def test_jsonl_gz_records_and_bad_lines(tmp_path):
    path = tmp_path / "ant.jsonl.gz"
    lines = [
        json.dumps(
            {"docno": "ANT1", "text": "نص الخبر الأول.", "title": "الأول", "url": "http://x/1", "time": "2018-04-12 10:00:00", "src": "BBC"}
        ),
        "{not json",
        json.dumps({"text": "نص بلا رقم.", "url": "http://x/2"}),
        json.dumps({"docno": "ANT3", "text": ""}),
        json.dumps(["a list"]),
        json.dumps({"docno": "  ", "text": "نص."}),
        '{"docno": "ANT7", "text": "\\ud800 نص"}',
    ]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    items = _load(path)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, LoadError)]
    assert [a.doc_id for a in articles][0] == "ANT1"
    assert articles[1].doc_id.startswith("url_")
    assert articles[0].given["published"] == "2018-04-12 10:00:00" and articles[0].given["outlet"] == "BBC"
    assert [e.source.rsplit(":", 1)[1] for e in errors] == ["2", "4", "5", "6", "7"]
    assert "empty document id" in errors[3].reason and "surrogate" in errors[4].reason


def _gzip_of_zeros(path, megabytes: int) -> None:
    """A gzip bomb: ``megabytes`` MB of NUL bytes, no newline, compressing ~1000:1."""
    block = b"\x00" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for _ in range(megabytes):
            fh.write(block)


def test_gzip_bomb_stops_at_the_decompressed_limit_in_bounded_memory(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    _gzip_of_zeros(path, 50)
    assert path.stat().st_size < 1_000_000
    limits = ReadLimits(max_bytes=20_000_000, max_records=1000, max_record_bytes=1_000_000)
    tracemalloc.start()
    try:
        items = list(load_path(path, limits))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert all(isinstance(i, LoadError) for i in items)
    assert "decompresses to more than 20,000,000 bytes" in items[-1].reason
    assert peak < 8 * limits.max_record_bytes, f"peak {peak:,} bytes while reading a 50 MB bomb"


def test_over_long_line_is_one_error_and_reading_goes_on(tmp_path):
    path = tmp_path / "long.jsonl"
    good = json.dumps({"docno": "ok1", "text": "نص الخبر."})
    path.write_text(json.dumps({"docno": "big", "text": "x" * 5000}) + "\n" + good + "\n", encoding="utf-8")
    first, second = load_path(path, ReadLimits(max_record_bytes=1000))
    assert isinstance(first, LoadError) and "longer than 1,000 bytes" in first.reason and first.source.endswith(":1")
    assert isinstance(second, Article) and second.doc_id == "ok1"


def test_many_empty_records_stop_at_the_record_limit(tmp_path):
    path = tmp_path / "empty.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b"{}\n" * 300_000)
    items = list(load_path(path, ReadLimits(max_records=1000)))
    assert len(items) == 1001 and all(isinstance(i, LoadError) for i in items)
    assert "more than 1,000 records" in items[-1].reason


def test_ingest_report_keeps_counts_and_only_the_first_problems():
    report = IngestReport()
    for n in range(MAX_REPORTED_PROBLEMS * 3):
        report.skip(f"f.jsonl:{n}", "record has no 'text'")
    assert report.skipped_count == MAX_REPORTED_PROBLEMS * 3 and len(report.skipped) == MAX_REPORTED_PROBLEMS
    assert not report.ok and report.summary().endswith(f"{MAX_REPORTED_PROBLEMS * 3} skipped")


def test_iter_files_walks_folders_and_skips_sidecars(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ["b.txt", "a.md", "sub/c.html", "a.meta.json", "notes.bin"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.name for p in iter_files([tmp_path, tmp_path / "missing.txt"]) if not isinstance(p, LoadError)]
    assert found == ["a.md", "b.txt", "c.html"]
    assert isinstance(list(iter_files([tmp_path / "missing.txt"]))[0], LoadError)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("عنوان\n\nالأربعاء 8 يوليو 2020 05:34 م\n\nنص", date(2020, 7, 8)),
        ("人民网 2020:07:09.10:11:09\nالأخبار", date(2020, 7, 9)),
        ("عنوان\nدمشق 8 يوليو 2020 (شينخوا) وقعت إيران وسوريا اليوم", date(2020, 7, 8)),
        ("بلا تاريخ هنا", None),
        ("Title\n\nDamascus, 08.07.2020 (SANA) - President", date(2020, 7, 8)),
    ],
)
def test_stated_dates(head, expected):
    assert find_anchor(head) == expected


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("نص\nالمصدر | الخليج الجديد + متابعات\n", "الخليج الجديد"),
        ("/مصدر: شينخوا/  2020:07:09.09:43\n", "شينخوا"),
        ("دمشق 8 يوليو 2020 (شينخوا) وقعت", "شينخوا"),
        ("لا مصدر", None),
        # wire datelines with no date, or no year: a city or a capitalised head, then the agency
        ("Title\n\nBEIRUT (Reuters) - Iran's deputy armed forces chief signed", "Reuters"),
        ("Title\n\nLONDON, Aug 28 (Reuters) - About 600 Iranians", "Reuters"),
        ("Title\nWASHINGTON (AP) — The", "AP"),
        ("عنوان\n\nطهران في 8-7-2020 (إرنا) - وقع", "إرنا"),
        ("عنوان\nالرياض (رويترز) - قال", "رويترز"),
        ("Title\n\nDAMASCUS, 8 July 2020 /Xinhua/ -- Iran and Syria", "Xinhua"),
        ("عنوان\n\nالقاهرة - أ ش أ - أكد", "أ ش أ"),
        ("عنوان\n\nبيروت - «الحياة» - 8 تموز 2020\nوقع", "الحياة"),
        ("عنوان\n\nدمشق-سانا\nأكد الرئيس", "سانا"),
        # not datelines: a body line naming an agency, a month in brackets, a caption
        ("وقالت الوكالة السورية للأنباء (سانا) إن حاتمي أكد", None),
        ("عنوان\n\nدمشق - 8 تموز (يوليو) 2020 - وقع", None),
        ("The minister (left) - shown here", None),
        ("عنوان\n\nدمشق-طهران: اتفاق عسكري", None),  # two cities, no agency
    ],
)
def test_outlets(text, outlet):
    assert find_outlet(text) == outlet


def test_given_beats_inferred_and_provenance_is_kept(seed_texts):
    fields, inferred = resolve_metadata(seed_texts["000_2330c4a5d8c05031"], {"outlet": "Al-Khaleej Al-Jadeed"})
    assert fields["outlet"] == "Al-Khaleej Al-Jadeed" and "outlet" not in inferred
    assert fields["published"] == "2020-07-08" and "published" in inferred
    assert fields["title"].startswith("طهران ودمشق توقعان") and fields["language"] == "ar"
    fields, _ = resolve_metadata("x", {"published": "2018-04-12 10:00:00"})
    assert fields["published"] == "2018-04-12"
