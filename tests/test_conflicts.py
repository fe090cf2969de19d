"""Conflicts: which figures are compared, how they are decided, and how a group explains itself.

Two layers: the rules on hand-built Figure models (independent of the figure finder), then short
articles written for these tests, run through the real pipeline.
"""

from __future__ import annotations

import json
import random
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.conflicts import diff, find_conflicts, measure, select
from claimtrack.models import Claim, Figure, Speaker

STATUSES = ("conflict", "consistent", "single")

# -- building claims by hand --------------------------------------------------------------------


def fig(text: str, value: float | None, low=..., high=..., **kw) -> Figure:
    return Figure(
        text=text,
        start=kw.pop("start", 0),
        end=kw.pop("end", len(text)),
        value=value,
        low=value if low is ... else low,
        high=value if high is ... else high,
        **kw,
    )


_ids = iter(range(10**9))


def claim(source: str, speaker: str | None, *figures: Figure, text: str = "") -> Claim:
    return Claim(
        id=f"{source}-{next(_ids)}",
        source_id=source,
        source_path=f"articles/{source}.txt",
        text=text or " ".join(f.text for f in figures),
        start=0,
        end=10,
        speaker=Speaker(name=speaker, kind="person" if speaker else "unknown"),
        quantities=list(figures),
    )


def statuses(claims: list[Claim]) -> list[tuple[str, list[str]]]:
    """(status, sorted figure texts) of every group of two or more voices."""
    return sorted((g.status, sorted(f.text for f in g.figures)) for g in find_conflicts(claims))


# -- the rules, one table per rule --------------------------------------------------------------

PAIRS = [
    # (what the pair shows, figure A, figure B, expected status or None when not compared)
    (
        "synonyms: requests ~ inquiries, vague 'thousands' meets 'at least 6,000'",
        fig(
            "thousands", None, 2000, 9999, qualifier="vague", counted="request", predicate="receive"
        ),
        fig(
            "at least 6,000",
            6000,
            6000,
            None,
            qualifier="at_least",
            counted="inquiry about volunteering",
            predicate="receive",
        ),
        "consistent",
    ),
    (
        "synonyms: applications vs offers, disjoint",
        fig("200", 200, counted="application", predicate="receive"),
        fig("hundreds", None, 300, 999, qualifier="vague", counted="offer", predicate="get"),
        "conflict",
    ),
    (
        "different things counted are never compared",
        fig("200", 200, counted="application"),
        fig("900", 900, counted="visa"),
        None,
    ),
    (
        "predicate class: joined is not applied",
        fig("300", 300, counted="volunteer", predicate="join"),
        fig("5,000", 5000, counted="volunteer", predicate="apply"),
        None,
    ),
    (
        "predicate class: made the cut is not inquired",
        fig(
            "About 100", 100, 90, 110, qualifier="approx", counted="American", predicate="make cut"
        ),
        fig("6,000", 6000, counted="American", predicate="inquire"),
        None,
    ),
    (
        "neutral verbs (be, occur) meet any predicate",
        fig("12", 12, counted="attack", predicate="occur"),
        fig("30", 30, counted="attack", predicate="be"),
        "conflict",
    ),
    (
        "group modifiers: American volunteers vs volunteers",
        fig("3,000", 3000, counted="American volunteer", predicate="join"),
        fig("20,000", 20000, counted="volunteer", predicate="join"),
        None,
    ),
    (
        "group modifiers: U.S. and American are the same group",
        fig("3,000", 3000, counted="American volunteer", predicate="join"),
        fig("9,000", 9000, counted="US volunteer", predicate="join"),
        "conflict",
    ),
    (
        "place: different places are different quantities",
        fig("100,000", 100000, counted="Russian", predicate="enter", place="Kazakhstan"),
        fig("50,000", 50000, counted="Russian", predicate="cross", place="Finland"),
        None,
    ),
    (
        "place: same place, spelled with an article",
        fig("100,000", 100000, counted="Russian", predicate="enter", place="Kazakhstan"),
        fig("40,000", 40000, counted="Russian", predicate="cross", place="the Kazakhstan"),
        "conflict",
    ),
    (
        "period: two different windows never meet",
        fig("a dozen", 12, counted="attack", period="in the early weeks of the war"),
        fig("52", 52, counted="incident", period="since the war began"),
        None,
    ),
    (
        "period: a figure with no window meets one with a window",
        fig("a dozen", 12, counted="attack"),
        fig("52", 52, counted="incident", period="since the war began"),
        "conflict",
    ),
    (
        "currency: 100,000 UAH is about $3,400 (converted, within tolerance)",
        fig("100,000 hryvnias", 100000, unit="UAH", currency="UAH", predicate="pay"),
        fig(
            "about $3,300",
            3300,
            2970,
            3630,
            qualifier="approx",
            unit="USD",
            currency="USD",
            predicate="pay",
        ),
        "consistent",
    ),
    (
        "currency: 100,000 UAH is not $10,000",
        fig("100,000 hryvnias", 100000, unit="UAH", currency="UAH", predicate="pay"),
        fig("$10,000", 10000, unit="USD", currency="USD", predicate="pay"),
        "conflict",
    ),
    (
        "rates: per month and per year meet after conversion",
        fig("$1,000 a month", 1000, unit="USD/month", currency="USD", predicate="pay"),
        fig("$12,000 a year", 12000, unit="USD/year", currency="USD", predicate="pay"),
        "consistent",
    ),
    (
        "rates: a monthly sum is not a one-off sum",
        fig("$1,000 a month", 1000, unit="USD/month", currency="USD", predicate="pay"),
        fig("$10,000", 10000, unit="USD", currency="USD", predicate="pay"),
        None,
    ),
    (
        "percent vs fraction: 25% is one-quarter",
        fig("25%", 25, unit="percent", counted="voter", predicate="abstain"),
        fig("one-quarter", 0.25, unit="fraction", counted="voter", predicate="abstain"),
        "consistent",
    ),
    (
        "percent vs fraction: 10% is not half",
        fig("10%", 10, unit="percent", counted="voter", predicate="abstain"),
        fig("half", 0.5, unit="fraction", counted="voter", predicate="abstain"),
        "conflict",
    ),
    (
        "physical units: 4-5 km vs 4,500 m",
        fig("4-5 km", None, 4, 5, qualifier="range", unit="km", counted="gap"),
        fig("4,500 m", 4500, unit="m", counted="gap"),
        "consistent",
    ),
    (
        "physical units: 4-5 km vs 10 miles",
        fig("4-5 km", None, 4, 5, qualifier="range", unit="km", counted="gap"),
        fig("10 miles", 10, unit="mile", counted="gap"),
        "conflict",
    ),
    (
        "unit families: a count never meets a length",
        fig("5", 5, counted="gap"),
        fig("5 km", 5, unit="km", counted="gap"),
        None,
    ),
    (
        "qualifiers: more than 6,000 excludes exactly 6,000",
        fig(
            "more than 6,000",
            6000,
            6000,
            None,
            qualifier="more_than",
            low_inclusive=False,
            counted="request",
        ),
        fig("6,000", 6000, counted="request"),
        "conflict",
    ),
    (
        "qualifiers: at least 6,000 includes exactly 6,000",
        fig("at least 6,000", 6000, 6000, None, qualifier="at_least", counted="request"),
        fig("6,000", 6000, counted="request"),
        "consistent",
    ),
    (
        "qualifiers: nearly 100,000 vs 95,000",
        fig(
            "nearly 100,000",
            100000,
            90000,
            100000,
            qualifier="approx",
            high_inclusive=False,
            counted="refugee",
        ),
        fig("95,000", 95000, counted="refugee"),
        "consistent",
    ),
    (
        "qualifiers: less than 10% vs 12%",
        fig(
            "less than 10%",
            10,
            None,
            10,
            qualifier="less_than",
            high_inclusive=False,
            unit="percent",
            counted="chance",
        ),
        fig("12%", 12, unit="percent", counted="chance"),
        "conflict",
    ),
    (
        "zero statement: pays its soldiers vs volunteers not paid",
        fig(
            "100,000 hryvnias",
            100000,
            unit="UAH/month",
            currency="UAH",
            predicate="pay",
            scope="soldier",
        ),
        fig(
            "would not be paid a salary",
            0,
            unit="money",
            counted="salary",
            predicate="pay",
            scope="volunteer",
        ),
        "conflict",
    ),
    (
        "zero statement: without pay vs a one-off sum of pay",
        fig("without pay", 0, unit="money", counted="pay", predicate="pay"),
        fig("$500", 500, unit="USD", currency="USD", predicate="pay"),
        "conflict",
    ),
    (
        "zero statement: no pay vs no salary agree",
        fig("without pay", 0, unit="money", counted="pay", predicate="pay"),
        fig("unpaid", 0, unit="money", predicate="pay"),
        "consistent",
    ),
    (
        "a figure with nothing to key it on is never compared",
        fig("50,000", 50000, predicate="cross"),
        fig("10,000", 10000, predicate="cross"),
        None,
    ),
]


@pytest.mark.parametrize(("label", "a", "b", "expected"), PAIRS, ids=[p[0] for p in PAIRS])
def test_conflicts_pair_rules(label, a, b, expected):
    groups = find_conflicts([claim("A", "Ann Lee", a), claim("B", "Bo Diaz", b)])
    if expected is None:
        assert groups == []
    else:
        assert [g.status for g in groups] == [expected]
        assert {f.text for f in groups[0].figures} == {a.text, b.text}


def test_conflicts_attack_windows_triple():
    """Twelve attacks early on, 18 after the call-up, 52 since the start: three windows, no
    conflict; a fourth source giving 30 for the early weeks conflicts with the twelve."""
    claims = [
        claim(
            "A",
            "Ivan Reed",
            fig(
                "a dozen",
                12,
                counted="attack",
                predicate="occur",
                period="in the early weeks of the war",
            ),
        ),
        claim(
            "B",
            "Ola Berg",
            fig(
                "18",
                18,
                counted="attack",
                predicate="be",
                period="in the days after the mobilization was announced",
            ),
        ),
        claim("B", "Ola Berg", fig("52", 52, counted="incident", period="since the war began")),
    ]
    assert find_conflicts(claims) == []
    singles = find_conflicts(claims, statuses=STATUSES)
    assert sorted(len(g.figures) for g in singles) == [1, 1, 1]
    claims.append(
        claim(
            "C", "Tom Ng", fig("30", 30, counted="attack", period="In the early weeks of the war.")
        )
    )
    assert statuses(claims) == [("conflict", ["30", "a dozen"])]


def test_conflicts_requests_triple_consistent():
    claims = [
        claim(
            "A",
            "Hana Mali",
            fig(
                "thousands",
                None,
                2000,
                9999,
                qualifier="vague",
                counted="request",
                predicate="receive",
            ),
        ),
        claim(
            "B",
            None,
            fig(
                "Thousands", None, 2000, 9999, qualifier="vague", counted="offer", predicate="field"
            ),
        ),
        claim(
            "B",
            "Bo Krem",
            fig(
                "at least 6,000",
                6000,
                6000,
                None,
                qualifier="at_least",
                counted="inquiry about volunteering",
                predicate="receive",
                period="since the invasion",
            ),
        ),
    ]
    [group] = find_conflicts(claims)
    assert group.status == "consistent"
    assert group.why.counted == "request"
    assert set(group.why.terms) == {"request", "offer", "inquiry about volunteering"}
    assert group.why.predicate == "receive"
    assert group.why.gap is None


def test_conflicts_pay_group_shows_scope_and_conversion():
    claims = [
        claim(
            "A",
            "Mara Lis",
            fig(
                "100,000 hryvnias",
                100000,
                unit="UAH/month",
                currency="UAH",
                predicate="pay",
                scope="soldier",
            ),
        ),
        claim(
            "A",
            "Mara Lis",
            fig(
                "about $3,300",
                3300,
                2970,
                3630,
                qualifier="approx",
                unit="USD/month",
                currency="USD",
                predicate="pay",
                scope="soldier",
            ),
        ),
        claim(
            "B",
            "Embassy spokesman",
            fig(
                "not be paid a salary",
                0,
                unit="money",
                counted="salary",
                predicate="pay",
                scope="volunteer",
            ),
        ),
    ]
    [group] = find_conflicts(claims)
    assert group.status == "conflict"
    assert group.why.scopes == ["soldier", "volunteer"]
    assert "scope differs: soldier vs volunteer" in group.why.summary
    assert group.why.converted == ["UAH->USD @2022-03-01"]
    hryvnias = next(f for f in group.figures if f.currency == "UAH")
    assert hryvnias.converted and hryvnias.base_unit == "USD/month"
    assert 3000 < hryvnias.base_low < 3419 < hryvnias.base_high < 3700
    gap = group.why.gap
    assert gap is not None and gap.lower_bound == 0 and gap.ratio is None
    assert group.figures[gap.lower_figure].text == "not be paid a salary"


def test_conflicts_gap_is_ratio_of_nearest_bounds():
    claims = [
        claim("A", "Ann Lee", fig("about 100", 100, 90, 110, qualifier="approx", counted="ship")),
        claim(
            "B",
            "Bo Diaz",
            fig("at least 330", 330, 330, None, qualifier="at_least", counted="ship"),
        ),
    ]
    [group] = find_conflicts(claims)
    assert group.why.gap.lower_bound == 110
    assert group.why.gap.upper_bound == 330
    assert group.why.gap.ratio == 3.0
    assert "(3x)" in group.why.summary


def test_conflicts_voices_one_speaker_never_conflicts_with_itself():
    same = [
        claim("A", "Ann Lee", fig("12", 12, counted="ship")),
        claim("A", "Ann Lee", fig("40", 40, counted="ship")),
    ]
    assert find_conflicts(same) == []
    two_speakers = [
        claim("A", "Ann Lee", fig("12", 12, counted="ship")),
        claim("A", "Bo Diaz", fig("40", 40, counted="ship")),
    ]
    assert [g.status for g in find_conflicts(two_speakers)] == ["conflict"]


def test_conflicts_json_shape_has_offsets_in_source():
    claims = [
        claim("A", "Ann Lee", fig("12 ships", 12, counted="ship", start=140, end=148)),
        claim("B", "Bo Diaz", fig("40 ships", 40, counted="ship", start=9, end=17)),
    ]
    [group] = find_conflicts(claims)
    data = json.loads(json.dumps(group.to_json()))
    assert set(data) == {"status", "key", "why", "figures"}
    assert data["status"] == "conflict" and data["key"].startswith("ship | count")
    by_text = {f["text"]: f for f in data["figures"]}
    assert (by_text["12 ships"]["start"], by_text["12 ships"]["end"]) == (140, 148)
    for needed in (
        "claim_id",
        "source_id",
        "source_path",
        "speaker",
        "value",
        "low",
        "high",
        "unit",
        "currency",
        "converted",
    ):
        assert needed in by_text["40 ships"]


def test_conflicts_select_filters_keep_the_other_side():
    claims = [
        claim("A", "Ann Lee", fig("12", 12, counted="ship")),
        claim("B", "Bo Diaz", fig("40", 40, counted="ship")),
        claim("C", "Cy Moe", fig("7", 7, counted="plane")),
        claim("D", "Di Wu", fig("8", 8, counted="plane")),
    ]
    groups = find_conflicts(claims)
    assert len(groups) == 2
    [ships] = select(groups, sources=["A"])
    assert {f.source_id for f in ships.figures} == {"A", "B"}
    assert select(groups, speaker="di w")[0].why.counted == "plane"
    assert select(groups, statuses=("consistent",)) == []


def test_conflicts_measure_families():
    assert measure("percent", None).family == measure("fraction", None).family == "ratio"
    assert measure(None, "EUR").family == measure("USD", None).family == "money"
    assert measure("UAH/week", "UAH").family == "money/month"
    assert measure("km", None).family == measure("mile", None).family
    assert measure("widgets", None).family == "unit:widgets"
    assert measure("money", None).rate_free


# -- agreement with the definition, on random sets ---------------------------------------------

KEYS = ["ship", "plane", "request", "inquiry"]
PERIODS = [None, "in may", "since the war began"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(KEYS),
            st.sampled_from(PERIODS),
            st.sampled_from("ABCD"),
            st.integers(0, 50),
            st.integers(0, 20),
        ),
        max_size=25,
    )
)
def test_conflicts_blocking_agrees_with_all_pairs(rows):
    """Blocking must find exactly the conflicting pairs the definition gives, checked by
    brute force over all pairs."""
    claims = [
        claim(
            source,
            f"speaker {source}",
            fig(f"f{i}", None, lo, lo + width, qualifier="range", counted=key, period=period),
        )
        for i, (key, period, source, lo, width) in enumerate(rows)
    ]
    canon = {"inquiry": "request"}

    def meets(a: Figure, b: Figure) -> bool:
        same_key = canon.get(a.counted, a.counted) == canon.get(b.counted, b.counted)
        periods = a.period is None or b.period is None or a.period == b.period
        return same_key and periods

    expected = set()
    for (ca, a), (cb, b) in combinations([(c, c.quantities[0]) for c in claims], 2):
        if ca.source_id != cb.source_id and meets(a, b) and (a.high < b.low or b.high < a.low):
            expected.add(frozenset({a.text, b.text}))
    found = set()
    for group in find_conflicts(claims):
        for a, b in combinations(group.figures, 2):
            if a.source_id != b.source_id and (a.high < b.low or b.high < a.low):
                found.add(frozenset({a.text, b.text}))
    # every conflicting pair of the definition is shown in some group, and nothing else
    assert expected == found


# -- diff -----------------------------------------------------------------------------------------


def test_conflicts_diff_matches_claims_and_lists_the_rest():
    a = [
        claim("A", "Ann Lee", fig("12", 12, counted="ship"), text="Ann Lee said 12 ships sank."),
        claim("A", "Ann Lee", text="Ann Lee said the harbour will reopen on Monday after repairs."),
        claim("A", None, text="The weather was calm all week."),
    ]
    b = [
        claim("B", "Bo Diaz", fig("40", 40, counted="ship"), text="Forty ships sank, Diaz said."),
        claim(
            "B", "Ann Lee", text="The harbour will reopen on Monday, Lee said, once repairs end."
        ),
        claim("B", "Bo Diaz", text="Insurers expect claims to rise sharply."),
    ]
    result = diff(a, b)
    assert [g.status for g in result.figures] == ["conflict"]
    reasons = {(m.a, m.b): m.reason for m in result.matched}
    assert reasons[(a[0].id, b[0].id)] == "same quantity"
    assert reasons[(a[1].id, b[1].id)] == "same speaker, similar text"
    assert [c.claim_id for c in result.only_a] == [a[2].id]
    assert [c.claim_id for c in result.only_b] == [b[2].id]
    assert json.loads(json.dumps(result.to_json()))["source_a"] == "A"


def test_conflicts_empty_inputs():
    assert find_conflicts([]) == []
    result = diff([], [])
    assert result.figures == [] and result.only_a == [] and result.only_b == []


def test_conflicts_scale_is_not_quadratic():
    """10x the figures must cost far less than 100x the time (a smoke test; the real numbers
    are in benchmarks/conflicts_scale.py)."""
    import time

    rng = random.Random(7)

    def run(n: int) -> float:
        claims = [
            claim(
                f"S{rng.randrange(50)}",
                "X",
                fig("n", float(rng.randrange(1000)), counted=f"thing{rng.randrange(n // 20 + 1)}"),
            )
            for _ in range(n)
        ]
        start = time.perf_counter()
        find_conflicts(claims, statuses=STATUSES)
        return time.perf_counter() - start

    small, large = run(2000), run(20000)
    assert large < small * 40


# -- short articles through the real pipeline ---------------------------------------------------


@pytest.fixture(scope="module")
def extract(parse):
    from claimtrack.nlp.claims import doc_to_claims

    def _extract(**articles: str) -> list[Claim]:
        claims: list[Claim] = []
        for source, text in articles.items():
            claims += doc_to_claims(parse(text), source_id=source, source_path=f"{source}.txt")
        return claims

    return _extract


def _summary(claims: list[Claim]) -> list[tuple[str, list[tuple[str, str]]]]:
    return sorted(
        (g.status, sorted((f.source_id, f.text) for f in g.figures)) for g in find_conflicts(claims)
    )


def test_conflicts_articles_pay_against_zero_statements(extract):
    claims = extract(
        minister="The interior minister said on Tuesday that the state will pay its firefighters "
        "1,500 euros a month.",
        spokesman="A ministry spokesman told reporters that the volunteer firefighters would not "
        "be paid a salary.",
        army="The reservists will serve without pay, the army said.",
    )
    [group] = find_conflicts(claims)
    assert group.status == "conflict"
    assert {f.source_id for f in group.figures} == {"minister", "spokesman", "army"}
    assert "firefighter" in group.why.scopes and "volunteer firefighter" in group.why.scopes
    assert "scope differs" in group.why.summary
    euros = next(f for f in group.figures if f.currency == "EUR")
    assert euros.converted and euros.unit == "EUR/month"
    text = "The interior minister said on Tuesday that the state will pay its firefighters "
    assert (euros.start, euros.end) == (len(text), len(text) + len("1,500 euros a month"))


def test_conflicts_articles_attack_windows(extract):
    articles = {
        "paper": "A regional paper reported that nine attacks occurred in the first month of "
        "the strike.",
        "police": "Police said there were 14 attacks in the days after the curfew was announced.",
        "union": "The union said 40 attacks have been recorded since the strike began.",
    }
    assert _summary(extract(**articles)) == []  # three windows, three quantities
    articles["mayor"] = "The mayor said 30 attacks occurred in the first month of the strike."
    assert _summary(extract(**articles)) == [("conflict", [("mayor", "30"), ("paper", "nine")])]


def test_conflicts_articles_requests_vague_and_synonyms(extract):
    articles = {
        "director": "The agency has received thousands of requests from students, its director "
        "said.",
        "spokeswoman": "Since January the agency has received at least 5,000 applications, a "
        "spokeswoman said.",
    }
    assert _summary(extract(**articles)) == [
        ("consistent", [("director", "thousands"), ("spokeswoman", "at least 5,000")])
    ]
    articles["blog"] = "The agency has received about 900 applications, a blogger said."
    [(status, figures)] = _summary(extract(**articles))
    assert status == "conflict" and ("blog", "about 900") in figures


def test_conflicts_articles_groups_are_not_compared(extract):
    claims = extract(
        history="More than 2,000 Irish volunteers joined the brigade in 1937, historians say.",
        embassy="About 150 Irish volunteers have been accepted by the embassy this year, "
        "officials said.",
    )
    assert any(c.quantities for c in claims)
    assert find_conflicts(claims) == []


def test_conflicts_articles_currency_conversion(extract):
    claims = extract(
        mayor="The mayor said the city will spend $2 million on the new bridge.",
        engineer="The city will spend about 1.8 million euros on the new bridge, an engineer said.",
    )
    [group] = find_conflicts(claims)
    assert group.status == "consistent"
    assert group.why.converted == ["EUR->USD @2022-03-01"]
    claims += extract(
        council="The city will spend 10 million euros on the new bridge, the council said."
    )
    [group] = find_conflicts(claims)
    assert group.status == "conflict"
    assert group.why.gap is not None and group.why.gap.ratio > 4


# -- the commands ------------------------------------------------------------------------------


@pytest.fixture
def conflict_store(tmp_path):
    from claimtrack.models import SourceDocument
    from claimtrack.store import Store

    store = Store(tmp_path / "store")
    sources = {
        "aaa111": [
            claim("aaa111", "Ann Lee", fig("12 ships", 12, counted="ship", start=30, end=38)),
            claim("aaa111", "Ann Lee", fig("5 planes", 5, counted="plane")),
        ],
        "bbb222": [
            claim("bbb222", "Bo Diaz", fig("40 ships", 40, counted="ship")),
            claim("bbb222", "Bo Diaz", fig("5 planes", 5, counted="plane")),
        ],
    }
    for source_id, claims in sources.items():
        store.write(
            SourceDocument(
                id=source_id,
                path=f"articles/{source_id}.txt",
                sha256="0" * 64,
                model="test",
                claimtrack_version="0",
                extracted_at="2024-01-01T00:00:00Z",
                text="x" * 100,
                claims=claims,
            )
        )
    return store.root


def test_conflicts_cli_json_and_all(conflict_store):
    from typer.testing import CliRunner

    from claimtrack.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["conflicts", "--store", str(conflict_store), "--json"])
    assert result.exit_code == 0, result.output
    [group] = json.loads(result.stdout)
    assert group["status"] == "conflict" and group["why"]["counted"] == "ship"
    assert {(f["text"], f["start"], f["end"]) for f in group["figures"]} >= {("12 ships", 30, 38)}
    result = runner.invoke(app, ["conflicts", "--store", str(conflict_store), "--json", "--all"])
    assert sorted(g["status"] for g in json.loads(result.stdout)) == ["conflict", "consistent"]
    result = runner.invoke(
        app, ["conflicts", "--store", str(conflict_store), "--json", "--speaker", "nobody"]
    )
    assert json.loads(result.stdout) == []
    result = runner.invoke(app, ["conflicts", "--store", str(conflict_store)])
    assert result.exit_code == 0 and "CONFLICT" in result.stdout and "12 ships" in result.stdout


def test_conflicts_cli_diff_and_bad_source(conflict_store):
    from typer.testing import CliRunner

    from claimtrack.cli import app

    runner = CliRunner()
    result = runner.invoke(
        app, ["diff", "aaa", "articles/bbb222.txt", "--store", str(conflict_store), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["source_a"], data["source_b"]) == ("aaa111", "bbb222")
    assert sorted(g["status"] for g in data["figures"]) == ["conflict", "consistent"]
    assert data["only_a"] == [] and data["only_b"] == []
    result = runner.invoke(app, ["diff", "zzz", "aaa", "--store", str(conflict_store)])
    assert result.exit_code != 0
    assert "zzz" in result.stderr and len(result.stderr.strip().splitlines()) == 1
