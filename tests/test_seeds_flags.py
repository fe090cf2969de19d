"""Acceptance: every reporter's caveat in the four seed articles is found, and lands on the claims
it qualifies. The seeds are real news; these checks are not rules, only their outcome."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc, Span

from claimtrack.nlp.annotations import CLAIMS, FLAGS

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# (kind, flag text, words of its sentence): every caveat of each seed, and nothing else.
SEED_CUES = {
    "001_771ea05e6dff55f1.txt": [
        ("hedged", "claim to be", "U.S. veterans"),
        ("unverified", "could be verified", "none of their stories"),
        ("hedged", "may be", "gearing up"),
        ("no_response", "did not immediately respond", "number of applications"),
        ("unclear", "It's not clear", "would take to treating"),
    ],
    "002_4ee475e9f836b0b6.txt": [
        ("undisclosed", "were not disclosed", "The procedures utilized"),
        ("unclear", "It’s unclear", "have really made it to Ukraine"),
        ("unclear", "is unknown", "the number of people who have entered Ukraine"),
        ("anonymous_source", "condition of anonymity", "according to the official"),
        ("hedged", "may be", "white supremacists"),
        ("hedged", "may be", "avoiding some possible legal concerns"),
    ],
    "003_d47691caa979939c.txt": [
        ("confirmed", "confirmed", "at least one confirmed instance"),
        ("hedged", "probably", "less than 10% chance"),
        ("hedged", "my understanding that", "anti-war activities"),
        ("hedged", "claim", "Both legions"),
    ],
    "004_e318a092e0696a8f.txt": [
        ("hedged", "claimed", "18 attacks"),
        ("unverified", "impossible to verify", "military unrest and disaffection"),
        ("hedged", "likely", "Low morale and discontent"),
    ],
}


@pytest.fixture(scope="module")
def seed_docs(parse) -> dict[str, Doc]:
    return {name: parse((SEEDS / name).read_text(encoding="utf-8")) for name in SEED_CUES}


def kinds_on(span: Span) -> set[str]:
    return {f._.claimtrack_flag.kind for f in span._.claimtrack_flags or []}


def claims_with(doc: Doc, words: str) -> list[Span]:
    return [c for c in doc.spans[CLAIMS] if words in c.text]


def flag(doc: Doc, kind: str, text: str, sentence_words: str) -> Span:
    for f in doc.spans[FLAGS]:
        if (f._.claimtrack_flag.kind, f.text) == (kind, text) and sentence_words in f.sent.text:
            return f
    raise AssertionError(f"no {kind} flag {text!r} in the sentence with {sentence_words!r}")


@pytest.mark.parametrize("name", sorted(SEED_CUES))
def test_seeds_flags_every_cue_found_and_nothing_else(seed_docs, name):
    doc = seed_docs[name]
    for kind, text, words in SEED_CUES[name]:
        flag(doc, kind, text, words)
    found = sorted((f._.claimtrack_flag.kind, f.text) for f in doc.spans[FLAGS])
    assert found == sorted((kind, text) for kind, text, _ in SEED_CUES[name])


@pytest.mark.parametrize(
    ("name", "kind", "text", "words"),
    [(name, *cue) for name, cues in SEED_CUES.items() for cue in cues],
)
def test_seeds_flags_land_on_the_claims_of_their_sentence(seed_docs, name, kind, text, words):
    doc = seed_docs[name]
    found = flag(doc, kind, text, words)
    sent = found.sent
    in_sentence = [c for c in doc.spans[CLAIMS] if c.start < sent.end and c.end > sent.start]
    assert in_sentence, f"no claim in the sentence of {text!r}"
    if kind == "anonymous_source":
        # Qualifies the source's claims, not a named speaker's claim in the same sentence.
        assert any(found in c._.claimtrack_flags for c in in_sentence)
    else:
        for c in in_sentence:
            assert found in c._.claimtrack_flags, c.text


def test_seeds_flags_interviewees_claims_are_hedged_and_unverified(seed_docs):
    doc = seed_docs["001_771ea05e6dff55f1.txt"]
    [en_route] = claims_with(doc, "en route to Poland")
    assert {"hedged", "unverified"} <= kinds_on(en_route)
    # Their own claim ("to be U.S. veterans") is hedged by "claim to be" and unverified too.
    veterans = claims_with(doc, "U.S. veterans")
    assert veterans, "the interviewees' claim to be veterans is not a claim"
    assert all({"hedged", "unverified"} <= kinds_on(c) for c in veterans)
    assert not any(kinds_on(c) for c in claims_with(doc, "they plan to go"))


def test_seeds_flags_anonymous_official_qualifies_all_his_claims(seed_docs):
    doc = seed_docs["002_4ee475e9f836b0b6.txt"]
    assert "anonymous_source" in kinds_on(claims_with(doc, "legal concerns are only one")[0])
    # "According to a top federal law enforcement officer, ..." is the same anonymous source.
    [fines] = claims_with(doc, "criminal fines")
    assert "anonymous_source" in kinds_on(fines)
    for name in ("Blinken", "Kremenetskyi", "Speckhard", "Wrzesnewskyj"):
        for c in doc.spans[CLAIMS]:
            speaker = c._.claimtrack_attribution.speaker
            if speaker is not None and speaker.name and name in speaker.name:
                named_elsewhere = c.sent.text.find("condition of anonymity") == -1
                if named_elsewhere:
                    assert "anonymous_source" not in kinds_on(c), c.text


def test_seeds_flags_article_caveat_reaches_the_unrest_claims(seed_docs):
    doc = seed_docs["004_e318a092e0696a8f.txt"]
    caveat = flag(doc, "unverified", "impossible to verify", "military unrest")
    assert caveat._.claimtrack_flag.scope == "article"
    on_topic = ["Low morale and discontent", "arson attacks", "combat refusal", "dissension"]
    for words in on_topic:
        claims = claims_with(doc, words)
        assert claims, f"no claim with {words!r}"
        assert all(caveat in c._.claimtrack_flags for c in claims), words
    off_topic = ["Kazakhstan", "Finland", "refused the draft", "Professor Emeritus"]
    for words in off_topic:
        for c in claims_with(doc, words):
            assert caveat not in c._.claimtrack_flags, c.text


def test_seeds_flags_negatives_stay_unflagged(seed_docs):
    doc_003 = seed_docs["003_d47691caa979939c.txt"]
    doc_004 = seed_docs["004_e318a092e0696a8f.txt"]
    doc_002 = seed_docs["002_4ee475e9f836b0b6.txt"]
    texts = {f.sent.text for d in (doc_002, doc_003, doc_004) for f in d.spans[FLAGS]}
    for words in (
        "undeniable",
        "just as likely to shoot",
        "might cause some sleepless nights",
        "way before it was clear",
        "were promptly rejected",
        "may be utilized",
        "who may have been residents",
    ):
        assert not any(words in t for t in texts), words
