"""Fuzzing the whole extraction: hostile text never raises, and every offset in the output is
exact (`text[start:end]` is the span's text, inside the text) whatever the components decide.

These are invariants, not expected claims: they hold for any correct pipeline output.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimtrack import extract_texts
from claimtrack.cli import app
from claimtrack.errors import ArticleSkipped
from claimtrack.models import SourceDocument
from claimtrack.store import Store

from .reliability import assert_document_consistent

EXAMPLES = 500  # hypothesis examples per run (README: Reliability)


def extract_one(nlp, text: str) -> SourceDocument:
    (document,) = extract_texts([text], nlp=nlp)
    assert document.text == text
    assert_document_consistent(document)
    return document


QUOTES = list("\"“”‘’«»„‚'`‹›「」『』") + ["''", "``", "—", "--"]
RTL = ["قال الوزير إن ٤٠ شخصا", "אמר השר כי 40 איש", "\u200f", "\u202e", "\u2067"]
CONTROLS = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"]
EMOJI = ["😀", "👩‍👩‍👧", "🇺🇦", "👍🏽", "\ufe0f", "\u200d"]
WORDS = [
    "said",
    "says",
    "told",
    "according to",
    "the mayor",
    "Ana López",
    "she",
    "police",
    "about",
    "at least",
    "more than",
    "percent",
    "%",
    "$",
    "€",
    "million",
    "unconfirmed",
    "could not be verified",
    "declined to comment",
    "allegedly",
    "reportedly",
    "did not respond to a request for comment",
    "who spoke on condition of anonymity",
    "it could not be independently confirmed",
    "Mr.",
    "Dr.",
    "U.S.",
    "e.g.",
    "1,000",
    "3.5",
    "-7",
    "1e400",
    "½",
    "٣",
    "²",
    "2022",
    "May 14,",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "...",
    "…",
    ":",
    ";",
    "(",
    ")",
    ".",
    ",",
    "!",
    "?",
]

atoms = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(QUOTES),
    st.sampled_from(RTL),
    st.sampled_from(CONTROLS),
    st.sampled_from(EMOJI),
    st.text(max_size=12),  # any Unicode, combining marks included
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
sentence = st.lists(atoms, max_size=30).map(" ".join)
punctuation_line = st.text(alphabet="\"“”‘’«»„‚'`.,;:!?-—()[]*#…", min_size=1, max_size=80)
numbers_only = st.lists(st.integers(0, 10**12).map(str), min_size=1, max_size=40).map(" ".join)
long_sentence = st.tuples(st.sampled_from(WORDS[:8]), st.integers(200, 1500)).map(
    lambda t: "The mayor said that " + " and ".join([t[0]] * t[1]) + "."
)
speaker = st.sampled_from(["The mayor", "Ana López", "she", "Police", "A spokesman", "they", ""])
cue = st.sampled_from(["said", "told reporters", "added", "according to", "claimed", ""])
attributed = st.tuples(
    speaker, cue, st.sampled_from(QUOTES), sentence, st.sampled_from(QUOTES), st.booleans()
).map(
    lambda t: f"{t[2]}{t[3]}{t[4]} {t[0]} {t[1]}." if t[5] else f"{t[0]} {t[1]} {t[2]}{t[3]}{t[4]}"
)
paragraph = st.one_of(sentence, attributed, attributed, punctuation_line, numbers_only)
articles = st.one_of(
    st.lists(paragraph, min_size=1, max_size=12).map("\n\n".join),
    st.lists(paragraph, min_size=1, max_size=6).map("\n".join),
    long_sentence,
    numbers_only,
    st.text(max_size=400),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=articles)
def test_fuzz_any_text_extracts_with_exact_offsets(nlp, text):
    document = extract_one(nlp, text)
    # What the examples exercised (pytest --hypothesis-show-statistics).
    event("with claims" if document.claims else "no claims")
    if any(c.quantities for c in document.claims):
        event("with figures")
    if any(c.flags for c in document.claims):
        event("with flags")
    if any(c.speaker.mention for c in document.claims):
        event("with speaker mentions")


NASTY = {
    "empty": "",
    "whitespace": " \n\t\r\n \u00a0\u2003",
    "only-quote": "“",
    "unbalanced-open": 'The mayor said "we will win and then left. Police said 40 people came.',
    "unbalanced-close": 'we will win," the mayor said.” Police said” 40.',
    "nested-every-style": "She said “he told me ‘they said «it is „fine‚ really» no’ ok” done.",
    "quote-storm": "\"“”‘’«»„‚'`" * 50,
    "quotes-around-nothing": 'He said "" and “” and ‘’ and « ».',
    "apostrophes": "The mayors' office said it's 'fine', O'Brien's team didn't.",
    "backticks": "The minister said ``this is true'' and `maybe'.",
    "dash-dialogue": "— We will win, said the mayor.\n— No, said Ana López.",
    "rtl-mixed": "قال الوزير “40 شخصا” said the mayor, אמר השר 12%.",
    "bidi-override": "The mayor \u202esaid 40\u202c people came.",
    "controls": "The mayor\x00 said\x07 \x1b[31m40 people\x0b came.\x7f",
    "nul-only": "\x00" * 100,
    "emoji": "👩‍👩‍👧 said “🇺🇦 40 👍🏽” — 😀 police said 12 😀.",
    "numbers-only": "1 2 3 4.5 6,000 7e10 -8 9% 10\n\n11 12",
    "punctuation-lines": '...\n!!!\n"""\n“”“”\n---\n***\n',
    "long-sentence": "The mayor said that " + ", and ".join(["40 people came"] * 3000) + ".",
    "long-word": "x" * 20000 + ' said "yes".',
    "crlf": 'The mayor said "40 people came."\r\n\r\nPolice said 12 were hurt.\r\n',
    "lone-cr": 'The mayor said "40 people came."\rPolice said 12.\r',
    "combining": "The ma\u0301yor\u0300 said 4\u03010 pe\u0308ople.",
    "surrogate-free-astral": "𝐓𝐡𝐞 𝐦𝐚𝐲𝐨𝐫 said 𝟒𝟎 people came.",
    "html-ish": "<p>The mayor said <b>“40</b> people”</p> &amp; &#8220;",
    "huge-number": "Officials said 9" * 5 + "9" * 400 + " people came.",
    "line-separators": "The mayor said\u2028“40 people”\u2029came.",
    "float-max": "Officials said 1.7976931348623157e+308 people came.",
}


@pytest.mark.parametrize("text", list(NASTY.values()), ids=list(NASTY))
def test_fuzz_nasty_texts_extract_with_exact_offsets(nlp, text):
    extract_one(nlp, text)


def test_fuzz_many_texts_in_one_stream_keep_their_order(nlp):
    """Batched together (as `extract` runs them), each nasty text still gets its own document."""
    texts = list(NASTY.values())
    documents = list(extract_texts(texts, nlp=nlp))
    assert [d.text for d in documents] == texts
    for document in documents:
        assert_document_consistent(document)


def test_fuzz_lone_surrogates_are_refused_with_a_reason(nlp):
    """A str can hold what no file decodes to (lone surrogates): the library refuses that text
    by name instead of letting the tokenizer's UnicodeEncodeError out."""
    with pytest.raises(ArticleSkipped, match="<text 1>: not valid Unicode"):
        list(extract_texts(["The mayor said so.", 'She said "\ud800 40".'], nlp=nlp))


def test_fuzz_nasty_texts_through_every_command(tmp_path):
    """What extract stores from hostile text, every read command shows without failing."""
    runner = CliRunner()
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, text in NASTY.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    store = str(tmp_path / "store")
    result = runner.invoke(app, ["extract", str(corpus), "--store", store])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    claims = list(Store(store).claims())
    assert claims
    commands = [
        ["list"],
        ["list", "--json"],
        ["list", "--csv"],
        ["sources"],
        ["speakers"],
        ["export", "--format", "csv"],
        ["conflicts"],
        ["report", "--out", str(tmp_path / "report.html")],
        *(["show", claim.id] for claim in claims),
    ]
    for command in commands:
        result = runner.invoke(app, [*command, "--store", store])
        assert result.exit_code == 0, (command, result.output)
        assert "Traceback" not in result.output
