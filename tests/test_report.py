"""The HTML report: escaping, marks at their offsets, legend, filters, conflicts, no network."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.models import Claim, Cue, Figure, Flag, SourceDocument, Speaker
from claimtrack.query import ClaimFilter
from claimtrack.report import MARK_KINDS, build_report, segment
from claimtrack.report.render import Mark, paragraph_starts, paragraphs
from claimtrack.store import Store

from .test_store import make_document

runner = CliRunner()


class Page(HTMLParser):
    """What the tests look at in a page: elements with their attributes, the text of each marked
    segment, each article's text, and the raw contents of <style> and <script>."""

    VOID = frozenset({"meta", "link", "img", "br", "hr", "input", "source", "base", "col", "wbr"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.segments: list[tuple[dict[str, str], str]] = []
        self.article_text: dict[str, str] = {}
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._segment: list[str] | None = None
        self._article: str | None = None
        self._raw: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        classes = attributes.get("class", "").split()
        if tag in ("style", "script"):
            self._raw = []
        if "seg" in classes and self._article is not None:
            self._segment = []
        if tag == "div" and "text" in classes:
            self._article = attributes["data-source"]
            self.article_text[self._article] = ""
        if tag not in self.VOID:
            self._stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script") and self._raw is not None:
            (self.styles if tag == "style" else self.scripts).append("".join(self._raw))
            self._raw = None
        while self._stack:
            open_tag, attributes = self._stack.pop()
            if open_tag == tag:
                break
        if self._segment is not None and "seg" in attributes.get("class", "").split():
            self.segments.append((attributes, "".join(self._segment)))
            self._segment = None
        if tag == "div" and "text" in attributes.get("class", "").split():
            self._article = None

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self._raw.append(data)
        if self._segment is not None:
            self._segment.append(data)
        if self._article is not None:
            self.article_text[self._article] += data

    def with_class(self, name: str) -> list[dict[str, str]]:
        return [a for _, a in self.elements if name in a.get("class", "").split()]


def overlapping_document(source_id: str = "c" * 16) -> SourceDocument:
    """One claim whose speaker mention is shared by a second claim, a flag that overlaps a figure
    and runs past the claim's end, and a paragraph break inside a claim."""
    text = (
        "Mayor Ann Lee said about 40 bridges, reportedly, were shut.\n\n"
        "She added that 12 roads were open, a figure not verified by anyone."
    )

    def at(part: str, after: int = 0) -> tuple[int, int]:
        start = text.index(part, after)
        return start, start + len(part)

    s_start, s_end = at("Mayor Ann Lee")
    c1 = at("about 40 bridges, reportedly, were shut.\n\nShe")
    fig1 = at("about 40 bridges")
    flag1 = at("40 bridges, reportedly")
    c2 = at("12 roads were open")
    fig2 = at("12 roads")
    flag2 = at("not verified")
    she = at("She")

    def claim(n: int, span: tuple[int, int], figure: tuple[int, int], flag: tuple[int, int],
              mention: tuple[int, int], cue: str) -> Claim:  # fmt: skip
        cue_start = text.index(cue)
        return Claim(
            id=f"{source_id[:6]}{n:06d}",
            source_id=source_id,
            source_path="news/overlap.txt",
            text=text[span[0] : span[1]],
            start=span[0],
            end=span[1],
            speaker=Speaker(
                name="Ann Lee",
                mention=text[mention[0] : mention[1]],
                start=mention[0],
                end=mention[1],
                kind="person",
                role="Mayor",
                aliases=["Lee"],
            ),  # fmt: skip
            cue=Cue(text=cue, start=cue_start, end=cue_start + len(cue)),
            quote="indirect",
            quantities=[
                Figure(
                    text=text[figure[0] : figure[1]],
                    start=figure[0],
                    end=figure[1],
                    value=40.0,
                    low=40.0,
                    high=40.0,
                    counted="bridge",
                )
            ],  # fmt: skip
            flags=[
                Flag(kind="unverified", text=text[flag[0] : flag[1]], start=flag[0], end=flag[1])
            ],  # fmt: skip
        )

    claims = [
        claim(0, c1, fig1, flag1, (s_start, s_end), "said"),
        claim(1, c2, fig2, flag2, she, "added"),
        # A second claim on the same speaker mention: two marks with the same offsets.
        claim(2, at("40 bridges"), at("40"), flag1, (s_start, s_end), "said"),
    ]
    return SourceDocument(
        id=source_id, path="news/overlap.txt", title="Overlap", sha256="0" * 64, model="en_test-1",
        claimtrack_version="0", extracted_at="2026-01-01T00:00:00+00:00", text=text, claims=claims,
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "store")
    store.write(make_document("a" * 16, path="news/a.txt", n=2))
    other = make_document("b" * 16, path="news/b.txt", n=1)
    other.claims[0].speaker.name = other.claims[0].speaker.mention = "Sam Poe"
    other.claims[0].flags = []
    store.write(other)
    store.write(overlapping_document())
    return store


def test_report_escapes_article_text(tmp_path: Path):
    document = make_document("d" * 16, path="news/<b>x</b>.txt", n=1)
    hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)> & "quotes" '
    shift = len(hostile)
    document.text = hostile + document.text
    document.title = "<script>title()</script>"
    claim = document.claims[0]
    for span in (claim, claim.speaker, claim.cue, *claim.quantities, *claim.flags):
        span.start += shift  # type: ignore[operator]
        span.end += shift  # type: ignore[operator]
    claim.speaker.name = '<img src=y onerror="alert(2)">'
    Store(tmp_path).write(document)
    html = build_report(Store(tmp_path))
    page = Page(html)
    assert "<script>alert" not in html and "<script>title" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert [t for t, _ in page.elements].count("script") == 1  # the page's own, nothing else
    assert not [a for t, a in page.elements if t == "img"]
    assert not [a for _, a in page.elements if any(k.startswith("on") for k in a)]
    assert page.article_text[document.id] == document.text  # shown as text, unchanged


def test_report_marks_equal_the_source_text_at_their_offsets(store: Store):
    page = Page(build_report(store))
    documents = {d.id: d for d in store.documents()}
    assert len(page.segments) > 10
    for attributes, text in page.segments:
        start, end = int(attributes["data-s"]), int(attributes["data-e"])
        owners = attributes["data-claims"].split()
        source = next(d for d in documents.values() if any(c.id == owners[0] for c in d.claims))
        assert text == source.text[start:end], attributes
    for source_id, document in documents.items():
        assert page.article_text[source_id] == document.text  # nothing added, nothing lost


def test_report_marks_every_kind_where_the_claims_put_it(store: Store):
    page = Page(build_report(store))
    document = overlapping_document()
    covered: dict[str, set[int]] = {kind: set() for kind in MARK_KINDS}
    for attributes, _ in page.segments:
        if attributes["data-claims"].startswith(document.id[:6]):
            for kind in MARK_KINDS:
                if f"m-{kind}" in attributes["class"].split():
                    covered[kind].update(
                        range(int(attributes["data-s"]), int(attributes["data-e"]))
                    )
    for claim in document.claims:
        assert set(range(claim.start, claim.end)) <= covered["claim"]
        assert set(range(claim.speaker.start, claim.speaker.end)) <= covered["speaker"]
        assert claim.cue and set(range(claim.cue.start, claim.cue.end)) <= covered["cue"]
        for figure in claim.quantities:
            assert set(range(figure.start, figure.end)) <= covered["figure"]
        for flag in claim.flags:
            assert set(range(flag.start, flag.end)) <= covered["flag"]
    assert 0 not in covered["claim"]  # "Mayor" starts the text: a speaker, not a claim
    said = document.text.index("said")
    assert said in covered["cue"] and said not in covered["figure"]


def test_report_links_each_claim_to_its_speaker(store: Store):
    page = Page(build_report(store))
    ids = {a["id"] for _, a in page.elements if "id" in a}
    ends = page.with_class("claim-end")
    assert len(ends) == sum(len(d.claims) for d in store.documents())
    for end in ends:
        assert end["href"].startswith("#speaker-") and end["href"][1:] in ids
    lee = [a for a in ends if a["data-label"] == "Ann Lee"]
    assert len(lee) == 3 and len({a["href"] for a in lee}) == 1
    speaker_rows = page.with_class("speaker-row")
    assert {r["id"] for r in speaker_rows} >= {lee[0]["href"][1:]}
    mentions = [a for a in page.segments if "m-speaker" in a[0]["class"].split()]
    assert mentions and all(a["href"] == lee[0]["href"] for a, t in mentions if "Lee" in t)


def test_report_has_a_legend_with_every_kind_of_mark(store: Store):
    page = Page(build_report(store))
    (legend,) = [a for _, a in page.elements if a.get("id") == "legend"]
    swatches = page.with_class("swatch")
    assert [s["data-kind"] for s in swatches] == list(MARK_KINDS)
    for swatch in swatches:
        assert f"m-{swatch['data-kind']}" in swatch["class"].split()  # the marks' own classes
    css = "\n".join(page.styles)
    for kind in MARK_KINDS:
        assert re.search(rf"\.m-{kind}\s*{{[^}}]*background", css), kind


@pytest.mark.parametrize(
    ("where", "cards", "sources"),
    [
        (None, 6, {"a" * 16, "b" * 16, "c" * 16}),
        (ClaimFilter(speaker="sam poe"), 1, {"b" * 16}),
        (ClaimFilter(speaker="Lee"), 3, {"c" * 16}),
        (ClaimFilter(speaker="nobody at all"), 0, set()),
        (ClaimFilter(sources=["news/a.txt"]), 2, {"a" * 16}),
        (ClaimFilter(flags=["unverified"]), 5, {"a" * 16, "c" * 16}),
        (ClaimFilter(unflagged=True), 1, {"b" * 16}),
        (ClaimFilter(contains="roads"), 1, {"c" * 16}),
    ],
)
def test_report_applies_the_filters(store: Store, where, cards, sources):
    page = Page(build_report(store, where))
    assert len(page.with_class("claim-card")) == cards
    assert {a["data-source"] for t, a in page.elements if t == "article" and "article" in
            a.get("class", "")} == sources  # fmt: skip
    stat = re.search(r'stat-claims"[^>]*><b>(\d+)</b>', build_report(store, where))
    assert stat and int(stat.group(1)) == cards


def test_report_page_loads_nothing_from_outside(store: Store):
    document = make_document("e" * 16, path="https://example.com/news", n=1)
    document.text = document.text + " See https://evil.example/x.js and url(http://a.b/c)."
    store.write(document)
    html = build_report(store)
    page = Page(html)
    for tag, attributes in page.elements:
        for name in ("src", "srcset", "action", "data", "poster", "background"):
            assert name not in attributes, (tag, attributes)
        if "href" in attributes:
            assert attributes["href"].startswith("#"), (tag, attributes)
        assert tag not in ("link", "iframe", "object", "embed", "img", "base")
    code = "\n".join(page.styles + page.scripts)
    assert "@import" not in code and not re.search(r"url\(\s*['\"]?\s*(https?:)?//", code)
    assert not re.search(r"https?://", code)
    assert not re.search(r"\b(fetch|XMLHttpRequest|WebSocket|EventSource|import\()", code)
    assert "default-src 'none'" in html  # and the page forbids any load even if one slipped in


def test_report_shows_conflicts_first_linked_to_their_figures(tmp_path: Path):
    store = Store(tmp_path)
    for letter, value in (("f", 40.0), ("g", 4000.0)):
        document = make_document(letter * 16, path=f"news/{letter}.txt", n=1)
        figure = document.claims[0].quantities[0]
        figure.value = figure.low = figure.high = value
        figure.counted = "bridge"
        figure.predicate = "close"
        figure.holder = "Tamar Council"  # whose: without it, one story must be shown otherwise
        document.claims[0].speaker.name = f"Speaker {letter.upper()}"
        store.write(document)
    html = build_report(store)
    page = Page(html)
    assert html.index('id="conflicts"') < html.index('id="articles"') < html.index('id="speakers"')
    groups = page.with_class("status-conflict")
    assert len(groups) == 1
    ids = {a["id"] for _, a in page.elements if "id" in a}
    links = [
        a["href"] for t, a in page.elements if t == "a" and a.get("href", "").startswith("#fig-")
    ]
    assert len(links) >= 2 and all(link[1:] in ids for link in links)
    assert re.search(r'stat-conflicts"[^>]*><b>1</b>', html)


def test_report_of_an_empty_store_says_so(tmp_path: Path):
    page = Page(build_report(Store(tmp_path / "none")))
    assert not page.with_class("claim-card")
    assert page.with_class("empty")


@pytest.mark.parametrize(
    ("text", "marks", "pieces"),
    [
        ("abcdef", [], ["abcdef"]),
        ("", [(0, 3)], []),
        ("abcdef", [(1, 3)], ["a", "bc", "def"]),
        ("abcdef", [(1, 4), (2, 6)], ["a", "b", "cd", "ef"]),  # overlapping
        ("abcdef", [(0, 6), (2, 3), (2, 3)], ["ab", "c", "def"]),  # nested, and the same twice
        ("abc", [(-5, 2), (2, 99)], ["ab", "c"]),  # out of range: clipped
        ("abc", [(2, 1), (1, 1)], ["abc"]),  # empty or reversed: dropped
    ],
)
def test_report_segment_cuts_at_every_boundary(text, marks, pieces):
    out = segment(text, [Mark(s, e, "claim", "x") for s, e in marks])
    assert [p.text for p in out] == pieces


@given(
    st.text(alphabet="ab \n\u00e9\U0001f600", max_size=40),
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45), st.sampled_from(MARK_KINDS))),
)
def test_report_segments_tile_the_text_and_carry_their_covering_marks(text, raw):
    marks = [Mark(s, e, kind, f"c{i}") for i, (s, e, kind) in enumerate(raw)]
    breaks = paragraph_starts(text)
    pieces = segment(text, marks, breaks)
    assert "".join(p.text for p in pieces) == text
    assert "".join(p.text for para in paragraphs(pieces, breaks) for p in para) == text
    for piece in pieces:
        assert piece.text == text[piece.start : piece.end] and piece.start < piece.end
        covering = {m.claim_id for m in marks if m.start <= piece.start and piece.end <= m.end}
        assert {m.claim_id for m in piece.marks} == covering
        assert not any(m.start < piece.end and piece.start < m.end and m.claim_id not in covering
                       for m in marks if max(0, m.start) < min(len(text), m.end))  # fmt: skip


def test_report_cli_writes_the_page_and_names_it(store: Store, tmp_path: Path):
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    result = runner.invoke(app, ["report", "--store", str(store.root), "--out", str(out),
                                 "--speaker", "Lee"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == str(out)
    page = Page(out.read_text("utf-8"))
    assert {c["data-speaker"] for c in page.with_class("claim-card")} == {"speaker-ann-lee-person"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--flag", "made_up"], "unknown flag kind 'made_up'"),
        (["--source", "zzzz"], "no source 'zzzz'"),
    ],
)
def test_report_cli_bad_options_get_one_line(store: Store, tmp_path: Path, args, message):
    result = runner.invoke(app, ["report", "--store", str(store.root), "--out",
                                 str(tmp_path / "r.html"), *args])  # fmt: skip
    assert result.exit_code != 0
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


def test_report_cli_does_not_import_spacy(store: Store, tmp_path: Path):
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from claimtrack.cli import app\n"
        f"r = CliRunner().invoke(app, ['report', '--store', {str(store.root)!r}, "
        f"'--out', {str(tmp_path / 'r.html')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
        "assert 'claimtrack.nlp' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
