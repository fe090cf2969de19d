"""Reading articles: encodings, bad files, HTML, and what metadata a page gives."""

from __future__ import annotations

import codecs

import pytest

from claimtrack.errors import ArticleSkipped, InputError
from claimtrack.ingest import decode, discover, guess_date, guess_title, read_article

TEXT = "Ana Díaz said “hello” — 5 € today.\r\nSecond line.\r\n"


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), None),
        (TEXT.encode("utf-16"), "UTF-16"),
        (TEXT.encode("cp1252"), "Windows-1252"),
    ],
)
def test_ingest_decodes_every_supported_encoding(data, note):
    text, notes = decode(data)
    assert text == TEXT  # BOM gone, CRLF kept: offsets refer to this text
    assert (note is None and notes == []) or any(note in n for n in notes)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe bad", "not valid UTF-8"),
        (b"caf\xc3 \x81\x8d", "neither UTF-8 nor Windows-1252"),
    ],
    ids=["nul", "controls", "bad-utf8-after-bom", "undecodable"],
)
def test_ingest_refuses_what_is_not_text(data, reason):
    with pytest.raises(ArticleSkipped, match=reason):
        decode(data)


@pytest.mark.parametrize(("content", "reason"), [(b"", "empty"), (b" \n\t\n", "empty")])
def test_ingest_empty_files_are_skipped(tmp_path, content, reason):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleSkipped, match=reason):
        read_article(str(path))


def test_ingest_discover_recurses_and_keeps_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.md").write_text("x")
    (tmp_path / "1.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "3.txt").write_text("x")
    found = discover([str(tmp_path)])
    assert [p.rsplit("/", 1)[-1] for p in found] == ["1.txt", "2.md"]
    assert discover([str(tmp_path), str(tmp_path / "1.txt")]) == found  # no duplicates


def test_ingest_discover_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        discover([str(tmp_path / "missing")])
    (tmp_path / "only.png").write_bytes(b"x")
    with pytest.raises(InputError, match="no articles"):
        discover([str(tmp_path)])


def test_ingest_html_main_text_and_metadata(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Mayor wins vote</title>"
        '<meta name="author" content="Jo Smith"><meta name="date" content="2024-03-05"></head>'
        "<body><nav>Home | News | Sport</nav><article><h1>Mayor wins vote</h1>"
        "<p>The mayor said on Tuesday that 1,200 residents had signed the petition, "
        "more than the council expected.</p><p>Officials said the count was final and "
        "that no further signatures would be accepted this year.</p></article>"
        "<script>var x = '<b>';</script></body></html>",
        encoding="utf-8",
    )
    article = read_article(str(page))
    assert "1,200 residents" in article.text
    assert "Home | News" not in article.text and "var x" not in article.text
    assert article.title == "Mayor wins vote"
    assert article.authors == ["Jo Smith"]
    assert article.date == "2024-03-05"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Home News Big Storm Hits Coast\n\nBig Storm Hits Coast\nThe storm...",
            "Big Storm Hits Coast",
        ),
        ("May 14, 2022\nA short headline\nBody.", "A short headline"),
        ("By Jane Doe\nHeadline Here\nBody text.", "Headline Here"),
        ("This is a first paragraph that ends with a full stop.\nMore.", None),
    ],
)
def test_ingest_guess_title(text, title):
    assert guess_title(text) == title


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("May 14, 2022\nBody", "2022-05-14"),
        ("Headline\nSept. 3, 2021\nBody", "2021-09-03"),
        ("2020-01-31 Headline", "2020-01-31"),
        ("He said on May 14, 2022 that...\n", None),
    ],
)
def test_ingest_guess_date(text, date):
    assert guess_date(text) == date


@pytest.mark.parametrize(
    ("byline", "page", "authors"),
    [
        ("Staff and News Service Reports", "", ["Staff and News Service Reports"]),
        ("Jo Smith and Al Roe", "", ["Jo Smith", "Al Roe"]),
        ("Jo Smith; Al Roe", "", ["Jo Smith", "Al Roe"]),
        # trafilatura's own cut, undone where the page wrote one name with an "and" in it
        (
            "Staff; News Service Reports",
            "By Staff and News Service Reports",
            ["Staff and News Service Reports"],
        ),
        ("Jo Smith; Al Roe", "By Jo Smith and Al Roe", ["Jo Smith", "Al Roe"]),
        ("Reuters and Associated Press", "", ["Reuters and Associated Press"]),
        (["Ann Lee", "Bo Park"], "", ["Ann Lee", "Bo Park"]),
        (None, "", []),
    ],
)
def test_ingest_split_authors(byline, page, authors):
    from claimtrack.ingest import split_authors

    assert split_authors(byline, page) == authors


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2022-03-05", "2022-03-05"),
        ("2022-03-05T23:30:00Z", "2022-03-05"),
        ("March 3, 2022", "2022-03-03"),
        ("3 March 2022 10:03 GMT", "2022-03-03"),
        (1651363200, "2022-05-01"),
        (1651363200000, "2022-05-01"),  # milliseconds
        ("yesterday-ish", None),
        ("", None),
        (None, None),
    ],
)
def test_ingest_normal_date(value, iso):
    from claimtrack.ingest import normal_date

    assert normal_date(value) == iso


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Published: 14 May 2022 10:03 BST\nBody", "2022-05-14"),
        ("Updated on March 3, 2022\nBody", "2022-03-03"),
        ("12 bridges closed\nBody", None),
    ],
)
def test_ingest_guess_date_with_labels(text, date):
    assert guess_date(text) == date


def test_ingest_html_declared_charset_wins(tmp_path):
    from claimtrack.ingest import decode_html

    html = '<html><head><meta charset="koi8-r"></head><body>Москва</body></html>'
    text, notes = decode_html(html.encode("koi8-r"))
    assert "Москва" in text and notes == []
    text, _ = decode_html("<p>Αθήνα</p>".encode("iso-8859-7"), "iso-8859-7")
    assert "Αθήνα" in text
