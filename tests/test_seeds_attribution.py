"""Acceptance checks on the four seed articles: every quote goes to the right person,
organization or anonymous source. The rules are tested on sentences of their own elsewhere;
these only check that they add up on real news."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.nlp.annotations import ATTRIBUTIONS, FURNITURE

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed(parse):
    cache: dict[str, object] = {}

    def _seed(prefix: str):
        if prefix not in cache:
            path = next(SEEDS.glob(f"{prefix}_*.txt"))
            cache[prefix] = parse(path.read_text(encoding="utf-8"))
        return cache[prefix]

    return _seed


def attribution(doc, words):
    """The attribution whose content holds `words`."""
    for span in doc.spans[ATTRIBUTIONS]:
        if words in span.text:
            return span._.claimtrack_attribution
    raise AssertionError(f"no attribution holds {words!r}")


@pytest.mark.parametrize(
    ("prefix", "words", "name", "kind"),
    [
        # 001: Claire Finkelstein, named once, then "she" and "Finkelstein".
        ("001", "will fall into the category of civilians", "Claire Finkelstein", "person"),
        ("001", "They're not going to get any breaks", "Claire Finkelstein", "person"),
        (
            "001",
            "they will be unlikely to be treated with full POW status",
            "Claire Finkelstein",
            "person",
        ),
        ("001", "The United States is in a poor position", "Claire Finkelstein", "person"),
        ("001", "It's really important that those who fight", "Claire Finkelstein", "person"),
        ("001", "If Ukraine were really smart", "Claire Finkelstein", "person"),
        ("001", "There's no legal repercussions", "Claire Finkelstein", "person"),
        ("001", '"thousands" of requests', "Hanna Maliar", "person"),
        ("001", "will pay its soldiers 100,000 hryvnias", "Hanna Maliar", "person"),
        ("001", '"mercenaries."', "the Ukrainian Embassy spokesman", "anonymous"),
        # 002: Maj. Gen. Borys Kremenetskyi, then "the general", "the attaché", "he".
        ("002", "They genuinely feel like this conflict is unjust", "Borys Kremenetskyi", "person"),
        (
            "002",
            "These are not mercenaries looking for a quick buck",
            "Borys Kremenetskyi",
            "person",
        ),
        ("002", "“great majority”", "Borys Kremenetskyi", "person"),
        (
            "002",
            "half of the potential volunteers were promptly rejected",
            "Borys Kremenetskyi",
            "person",
        ),
        ("002", "Only strong fists and weapons will stop Russians", "Borys Kremenetskyi", "person"),
        ("002", "They include combat veterans", "Borys Kremenetskyi", "person"),
        (
            "002",
            "any captured foreigners may be utilized for propaganda",
            "Borys Kremenetskyi",
            "person",
        ),
        ("002", "We’re battling for our lives", "Borys Kremenetskyi", "person"),
        ("002", "About 1,000 Canadians have sought to fight", "Borys Wrzesnewskyj", "person"),
        (
            "002",
            "A substantial percentage of the volunteers are ex-military",
            "Borys Wrzesnewskyj",
            "person",
        ),
        ("002", "we’ve been quite vocal for some time", "Antony Blinken", "person"),
        (
            "002",
            "the number of people who have entered Ukraine",
            "State Department",
            "organization",
        ),
        ("002", "Approximately 20,000 foreigners", "Ukrainian authorities", "organization"),
        ("002", "These are individuals who seek adventure", "Anne Speckhard", "person"),
        # 003: organizations and groups.
        ("003", "fighting extraordinarily well", "Ukrainians", "organization"),
        # 004: Pavel Filatyev's journal and his interview; organizations reporting.
        ("004", "I will not participate in this madness", "Pavel Filatyev", "person"),
        ("004", "I am not afraid to fight in war", "Pavel Filatyev", "person"),
        (
            "004",
            "a dozen attacks occurred in the early weeks of the war",
            "Newsweek",
            "organization",
        ),
        ("004", "a combat refusal in July by 78 soldiers", "Radio Free Europe", "organization"),
        ("004", "anger and panic among recruits", "Washington Post", "organization"),
    ],
)
def test_seeds_attribution_speaker(seed, prefix, words, name, kind):
    speaker = attribution(seed(prefix), words).speaker
    assert (speaker.name, speaker.kind) == (name, kind)


def test_seeds_attribution_mentions_keep_the_words_of_the_text(seed):
    doc = seed("002")
    mentions = {
        attribution(doc, words).mention.text
        for words in (
            "half of the potential volunteers",
            "They include combat veterans",
            "any captured foreigners may be utilized",
            "We’re battling for our lives",
        )
    }
    assert mentions == {"the general", "the attaché", "The commander", "he"}
    added = attribution(seed("001"), "They're not going to get any breaks").mention
    assert added.text == "she"
    assert doc.text[added.start_char : added.end_char] != ""  # offsets into the text


def test_seeds_attribution_roles(seed):
    finkelstein = attribution(seed("001"), "If Ukraine were really smart").speaker
    assert finkelstein.role == (
        "the founder and academic director of the Center for Ethics and the Rule of Law"
    )
    assert {"she", "Finkelstein"} <= set(finkelstein.aliases)
    doc = seed("002")
    assert attribution(doc, "we’ve been quite vocal").speaker.role == "Secretary of State"
    kremenetskyi = attribution(doc, "They genuinely feel").speaker
    assert kremenetskyi.role == "Ukraine’s military attaché"
    assert {"the general", "the attaché", "The commander", "he"} <= set(kremenetskyi.aliases)


def test_seeds_attribution_anonymous_official_is_the_officer(seed):
    doc = seed("002")
    officer = attribution(doc, "participating in a foreign war might result").speaker
    official = attribution(doc, "legal concerns are only one of many").speaker
    assert officer.kind == "anonymous"
    assert official is officer


def test_seeds_attribution_one_speaker_entry_per_real_speaker(seed):
    names = [s.name for s in seed("002")._.claimtrack_speakers if s.kind == "person"]
    assert len(names) == len(set(names))
    assert "Borys Kremenetskyi" in names and "Kremenetskyi" not in names


@pytest.mark.parametrize(
    ("prefix", "line"),
    [
        ("001", "Read Next: Captured Russian Troops Call Home"),
        ("001", "Story Continues"),
        ("001", "(AP Photo/Efrem Lukatsky)"),
        ("001", "-- Steve Beynon can be reached at"),
        ("001", "Related: Russia Pummels Ukraine's No. 2 City"),
        ("002", "Home News US Citizens Flock"),
        ("002", "Source: FP"),
        ("004", "By David Cortright"),
    ],
)
def test_seeds_attribution_furniture_lines(seed, prefix, line):
    assert any(line in span.text for span in seed(prefix).spans[FURNITURE])


def test_seeds_attribution_bylines_give_authors(seed):
    assert seed("001")._.claimtrack_authors == ["Steve Beynon", "Konstantin Toropin"]
    assert seed("004")._.claimtrack_authors == ["David Cortright"]
    assert seed("002")._.claimtrack_authors is None
