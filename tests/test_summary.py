"""Speaker summaries: per source, then merged across sources."""

from __future__ import annotations

from claimtrack.summary import SpeakerSummary, merge


def test_summary_merge_sums_and_keeps_first_seen_order():
    merged = merge(
        [
            SpeakerSummary("Ann Lee", "person", None, ["Lee", "she"], 2, ["a.txt"]),
            SpeakerSummary("ann lee", "person", "mayor", ["she", "the mayor"], 1, ["b.txt"]),
            SpeakerSummary("Ann Lee", "organization", None, [], 5, ["c.txt"]),
            SpeakerSummary("Ann Lee", "person", "governor", ["Ann Lee"], 3, ["a.txt"]),
        ]
    )
    assert [(s.name, s.kind, s.claims) for s in merged] == [
        ("Ann Lee", "person", 6),
        ("Ann Lee", "organization", 5),
    ]
    person = merged[0]
    assert person.role == "mayor"  # the first role given
    assert person.aliases == ["Lee", "she", "the mayor"]  # no duplicates, not the name itself
    assert person.sources == ["a.txt", "b.txt"]


def test_summary_merge_scales_with_many_sources():
    rows = [SpeakerSummary("X", "person", None, [], 1, [f"{i}.txt"]) for i in range(50_000)]
    (merged,) = merge(rows + rows)
    assert merged.claims == 100_000 and len(merged.sources) == 50_000
