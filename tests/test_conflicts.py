"""Conflicts: which figures are compared, how they are decided, and how a group explains itself.

Two layers: the rules on hand-built Figure models (independent of the figure finder), then short
articles written for these tests, run through the real pipeline.
"""

from __future__ import annotations

import json
import random
from datetime import date
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.conflicts import diff, find_conflicts, measure, select
from claimtrack.models import Claim, Figure, Speaker

STATUSES = ("conflict", "update", "consistent", "single")

# -- building claims by hand --------------------------------------------------------------------


def fig(text: str, value: float | None, low=..., high=..., **kw) -> Figure:
    # A noun alone ("12 ships") is no quantity: these figures are all about one town unless a
    # test says otherwise (test_conflicts_frame_bare_noun_is_no_quantity).
    kw.setdefault("place", "Springfield")
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
        # one story: the sentences name the same town (see test_conflicts_unpinned_...)
        text=text or "In Springfield " + " ".join(f.text for f in figures),
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
        "period: a figure with no window does not dispute one with a window (it may be another)",
        fig("a dozen", 12, counted="attack"),
        fig("52", 52, counted="incident", period="since the war began"),
        None,
    ),
    (
        "currency: 100,000 UAH is about $3,400 (converted, within tolerance)",
        fig(
            "100,000 hryvnias",
            100000,
            unit="UAH/month",
            currency="UAH",
            predicate="pay",
        ),
        fig(
            "about $3,300",
            3300,
            2970,
            3630,
            qualifier="approx",
            unit="USD/month",
            currency="USD",
            predicate="pay",
        ),
        "consistent",
    ),
    (
        "currency: 100,000 UAH is not $10,000",
        fig(
            "100,000 hryvnias",
            100000,
            unit="UAH/month",
            currency="UAH",
            predicate="pay",
        ),
        fig("$10,000", 10000, unit="USD/month", currency="USD", predicate="pay"),
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
        "qualifiers: more than 6,000 meets a round 6,000 (touching bounds agree)",
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
        "consistent",
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
            predicate="win",
        ),
        fig("12%", 12, unit="percent", counted="chance", predicate="win"),
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
        fig("$500 a month", 500, unit="USD/month", currency="USD", predicate="pay"),
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


def test_conflicts_voices_one_story_never_conflicts_with_itself():
    """A voice is a story: two speakers of one article are reported by one outlet, and on real
    news their different figures are nearly always two quantities the article tells apart."""
    same = [
        claim("A", "Ann Lee", fig("12", 12, counted="ship")),
        claim("A", "Bo Diaz", fig("40", 40, counted="ship")),
    ]
    assert find_conflicts(same) == []
    two_stories = [
        claim("A", "Ann Lee", fig("12", 12, counted="ship")),
        claim("B", "Ann Lee", fig("40", 40, counted="ship")),
    ]
    assert [g.status for g in find_conflicts(two_stories)] == ["conflict"]


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
def test_conflicts_partition_agrees_with_the_definition(rows):
    """Blocking and partitioning must give exactly the groups the definition gives, checked by
    brute force: figures of one key and one period are one group; a figure with no period joins
    the only period of its key, if there is exactly one, and stays only if it agrees with the
    figures that name the period; a group is a conflict when two sources' figures that name its
    whole frame lie apart beyond rounding, an update when only a joined one does."""
    claims = [
        claim(
            source,
            f"speaker {source}",
            fig(f"f{i}", None, lo, lo + width, qualifier="range", counted=key, period=period),
            text=f"In Springfield, claim {i}",
        )
        for i, (key, period, source, lo, width) in enumerate(rows)
    ]
    canon = {"inquiry": "request"}
    periods: dict[str, set] = {}
    for key, period, *_ in rows:
        periods.setdefault(canon.get(key, key), set()).add(period)

    def apart(a: Figure, b: Figure) -> bool:
        low, high = (a, b) if a.high <= b.high else (b, a)
        return high.low > low.high and not (low.high > 0 and high.low <= low.high * 1.05)

    groups: dict[tuple, list] = {}
    for c in claims:
        f = c.quantities[0]
        key = canon.get(f.counted, f.counted)
        specific = periods[key] - {None}
        joined = f.period is None and len(specific) == 1
        period = next(iter(specific)) if joined else f.period
        groups.setdefault((key, period), []).append((c, joined))
    want = set()
    for members in groups.values():
        firm = [c for c, joined in members if not joined]
        kept = firm + [
            c
            for c, joined in members
            if joined and not any(apart(c.quantities[0], f.quantities[0]) for f in firm)
        ]
        if len({c.source_id for c in kept}) < 2:
            continue

        def disagree(pool: list) -> bool:
            return any(
                a.source_id != b.source_id and apart(a.quantities[0], b.quantities[0])
                for a, b in combinations(pool, 2)
            )

        status = "conflict" if disagree(firm) else "update" if disagree(kept) else "consistent"
        want.add((status, frozenset(c.quantities[0].text for c in kept)))
    got = {(g.status, frozenset(f.text for f in g.figures)) for g in find_conflicts(claims)}
    assert got == want
    shown = [f.text for g in find_conflicts(claims, statuses=STATUSES) for f in g.figures]
    assert len(shown) == len(set(shown))  # a partition: each figure in one group at most


# -- diff -----------------------------------------------------------------------------------------


def test_conflicts_diff_matches_claims_and_lists_the_rest():
    a = [
        claim(
            "A", "Ann Lee", fig("12", 12, counted="ship"), text="Lee said 12 ships sank off Malta."
        ),
        claim("A", "Ann Lee", text="Ann Lee said the harbour will reopen on Monday after repairs."),
        claim("A", None, text="The weather was calm all week."),
    ]
    b = [
        claim("B", "Bo Diaz", fig("40", 40, counted="ship"), text="Forty ships sank off Malta."),
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
    """No holder, no date: the three articles are one story because they name one country
    (see test_conflicts_frame_unpinned_figures_conflict_only_on_one_story)."""
    claims = extract(
        minister="The interior minister said on Tuesday that the state will pay its firefighters "
        "1,500 euros a month from Ruritania's budget.",
        spokesman="A ministry spokesman told reporters that the volunteer firefighters would not "
        "be paid a salary in Ruritania.",
        army="The Ruritanian reservists will serve without pay, the army said.",
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
        "the Brennan strike.",
        "police": "Police said there were 14 attacks in the days after the curfew was announced.",
        "union": "The union said 40 attacks have been recorded since the strike began.",
    }
    assert _summary(extract(**articles)) == []  # three windows, three quantities
    articles["mayor"] = (
        "The mayor said 30 attacks occurred in the first month of the Brennan strike."
    )
    assert _summary(extract(**articles)) == [("conflict", [("mayor", "30"), ("paper", "nine")])]


def test_conflicts_articles_requests_vague_and_synonyms(extract):
    articles = {
        "director": "The Ostrava agency has received thousands of requests from students, its director "
        "said.",
        "spokeswoman": "Since January the Ostrava agency has received at least 5,000 applications, a "
        "spokeswoman said.",
    }
    assert _summary(extract(**articles)) == [
        ("consistent", [("director", "thousands"), ("spokeswoman", "at least 5,000")])
    ]
    articles["blog"] = (
        "Since January the Ostrava agency has received about 900 applications, a blogger said."
    )
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
        mayor="The mayor said the city will spend $2 million on the new Tamar bridge.",
        engineer="The city will spend about 1.8 million euros on the new Tamar bridge, an engineer "
        "said.",
    )
    [group] = find_conflicts(claims)
    assert group.status == "consistent"
    assert group.why.converted == ["EUR->USD @2022-03-01"]
    claims += extract(
        council="The city will spend 10 million euros on the new Tamar bridge, the council said."
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
            claim("aaa111", "Ann Lee", fig("5 planes", 5, counted="plane"), text="Five planes."),
        ],
        "bbb222": [
            claim("bbb222", "Bo Diaz", fig("40 ships", 40, counted="ship")),
            claim("bbb222", "Bo Diaz", fig("5 planes", 5, counted="plane"), text="5 planes."),
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


# -- the quantity frame: whose, when, what -------------------------------------------------------

D = date.fromisoformat
FRAMES = [
    # (what the pair shows, figure A, figure B, article dates of A and B, expected status)
    (
        "one holder however named: Mr. Roe's fortune is Jane Q. Roe's net worth",
        fig("$3 billion", 3e9, unit="USD", currency="USD", counted="fortune", holder="Mr. Roe"),
        fig(
            "$1.2 billion",
            1.2e9,
            unit="USD",
            currency="USD",
            counted="net worth",
            holder="Jane Q. Roe",
        ),
        ("2020-05-01", "2020-05-20"),
        "conflict",
    ),
    (
        "two holders are two quantities",
        fig("$3 billion", 3e9, unit="USD", currency="USD", counted="worth", holder="Jane Roe"),
        fig("$1.2 billion", 1.2e9, unit="USD", currency="USD", counted="worth", holder="Ann Lee"),
        ("2020-05-01", "2020-05-01"),
        None,
    ),
    (
        "a generic noun alone is no quantity",
        fig("15", 15, counted="people"),
        fig("40", 40, counted="people"),
        ("2020-05-01", "2020-05-01"),
        None,
    ),
    (
        "a generic noun with what they did is one",
        fig("15", 15, counted="state", predicate="hold", period="on March 3"),
        fig("11", 11, counted="state", predicate="hold", period="March 3"),
        ("2020-02-01", "2020-02-20"),
        "conflict",
    ),
    (
        "a sum with only a verb is no quantity (raise $5,000 vs raise $15 trillion)",
        fig("$5,000", 5000, unit="USD", currency="USD", predicate="raise"),
        fig("$15 trillion", 15e12, unit="USD", currency="USD", predicate="raise"),
        ("2020-05-01", "2020-05-01"),
        None,
    ),
    (
        "a running tally on different days is an update",
        fig("221", 221, counted="delegate", predicate="have", holder="Jane Roe"),
        fig("739", 739, counted="delegate", predicate="have", holder="Roe"),
        ("2020-03-01", "2020-03-24"),
        "update",
    ),
    (
        "a running tally on the same day is a conflict",
        fig("221", 221, counted="delegate", predicate="have", holder="Jane Roe"),
        fig("739", 739, counted="delegate", predicate="have", holder="Roe"),
        ("2020-03-01", "2020-03-01"),
        "conflict",
    ),
    (
        "an estimate a year apart is an update",
        fig("$3 billion", 3e9, unit="USD", currency="USD", counted="worth", holder="Jane Roe"),
        fig("$1.2 billion", 1.2e9, unit="USD", currency="USD", counted="worth", holder="Jane Roe"),
        ("2019-01-10", "2020-03-01"),
        "update",
    ),
    (
        "one period named by both: articles a year apart still disagree",
        fig("31,000", 31000, counted="email", predicate="delete", period="in 2014"),
        fig("34,000", 34000, counted="email", predicate="destroy", period="in 2014"),
        ("2015-06-01", "2016-07-06"),
        "conflict",
    ),
    (
        "a relative period resolves against its article: 'last year' in 2015 is 2014",
        fig("31,000", 31000, counted="email", predicate="delete", period="last year"),
        fig("34,000", 34000, counted="email", predicate="delete", period="in 2014"),
        ("2015-06-01", "2016-07-06"),
        "conflict",
    ),
    (
        "different years are different quantities",
        fig("31,000", 31000, counted="email", predicate="delete", period="in 2013"),
        fig("34,000", 34000, counted="email", predicate="delete", period="in 2014"),
        ("2015-06-01", "2016-07-06"),
        None,
    ),
    (
        "a place and its people are one group: refugees from Eritrea are Eritrean refugees",
        fig("3,000", 3000, counted="Eritrea refugee", predicate="admit", holder="Jane Roe"),
        fig("800", 800, counted="Eritrean refugee", predicate="accept", holder="Roe"),
        ("2020-05-01", "2020-05-20"),
        "conflict",
    ),
    (
        "another people is another group",
        fig("3,000", 3000, counted="Eritrean refugee", predicate="admit", holder="Jane Roe"),
        fig("800", 800, counted="Somali refugee", predicate="accept", holder="Roe"),
        ("2020-05-01", "2020-05-20"),
        None,
    ),
    (
        "states in play on a voting day are the states voting",
        fig("15", 15, counted="state", predicate="hold contest", period="on March 3"),
        fig("11", 11, counted="state", predicate="be in play", period="March 3"),
        ("2020-02-01", "2020-02-20"),
        "conflict",
    ),
    (
        "rounding: 30,000 and 31,000 agree",
        fig("30,000", 30000, counted="email", predicate="delete"),
        fig("31,000", 31000, counted="email", predicate="delete"),
        ("2016-07-01", "2016-07-06"),
        "consistent",
    ),
]


@pytest.mark.parametrize(
    ("label", "a", "b", "days", "expected"), FRAMES, ids=[f[0] for f in FRAMES]
)
def test_conflicts_frame_rules(label, a, b, days, expected):
    claims = [claim("A", "Ann Lee", a, text="In Ohio, a"), claim("B", "Bo Diaz", b, text="Ohio: b")]
    groups = find_conflicts(claims, dates={"A": D(days[0]), "B": D(days[1])})
    if expected is None:
        assert groups == []
    else:
        assert [g.status for g in groups] == [expected]
        assert {f.text for f in groups[0].figures} == {a.text, b.text}


def test_conflicts_frame_holder_is_never_left_out_but_a_verb_may_be():
    roe = claim(
        "A", "Ann Lee", fig("120", 120, counted="delegate", holder="Jane Roe", predicate="win")
    )
    bare = claim("C", "Cy Moe", fig("125", 125, counted="delegate"))
    assert sorted(len(g.figures) for g in find_conflicts([roe, bare], statuses=STATUSES)) == [1, 1]
    no_verb = claim("B", "Bo Diaz", fig("125", 125, counted="delegate", holder="Roe"))
    [group] = find_conflicts([roe, no_verb])
    assert group.status == "consistent" and [f.joined for f in group.figures] == [False, True]
    lee = claim("D", "Di Wu", fig("80", 80, counted="delegate", holder="Roe", predicate="lose"))
    # two verbs it could belong to: "125" joins neither
    groups = find_conflicts([roe, lee, no_verb], statuses=STATUSES)
    assert sorted(len(g.figures) for g in groups) == [1, 1, 1]


def test_conflicts_frame_a_joined_figure_that_disagrees_is_not_a_conflict():
    firm = claim("A", "Ann Lee", fig("52", 52, counted="attack", predicate="repel"))
    loose = claim("B", "Bo Diaz", fig("12", 12, counted="attack"))
    assert find_conflicts([firm, loose]) == []


def test_conflicts_frame_unpinned_figures_conflict_only_on_one_story():
    """No holder and no date: two articles must name the same person, place or thing."""
    a = claim("A", "Ann Lee", fig("12", 12, counted="ship", place=None), text="In Malta 12 sank.")
    b = claim("B", "Bo Diaz", fig("40", 40, counted="ship", place=None), text="40 sank, in Peru.")
    c = claim("C", "Cy Moe", fig("40", 40, counted="ship", place=None), text="Off Malta, 40 sank.")
    pa, pb, pc = (
        claim(
            x.source_id, None, x.quantities[0].model_copy(update={"predicate": "sink"}), text=x.text
        )
        for x in (a, b, c)
    )
    assert [g.status for g in find_conflicts([pa, pb])] == ["update"]
    assert [g.status for g in find_conflicts([pa, pc])] == ["conflict"]


def test_conflicts_frame_bare_noun_is_no_quantity():
    a = claim("A", "Ann Lee", fig("12", 12, counted="ship", place=None))
    b = claim("B", "Bo Diaz", fig("40", 40, counted="ship", place=None))
    assert find_conflicts([a, b], statuses=STATUSES) == []


def test_conflicts_copies_of_one_story_are_one_voice():
    def article(source: str, speaker: str, value: float, words: str) -> list[Claim]:
        return [
            claim(source, speaker, fig("n", value, counted="ship"), text=f"{words} sank at Malta."),
            claim(source, speaker, fig("m", 3, counted="harbour"), text=f"{words} shut in Malta."),
        ]

    wire = article("wire", "Ann Lee", 12, "Twelve") + article("paper", "Ann Lee", 12, "Twelve")
    assert [g.status for g in find_conflicts(wire, statuses=STATUSES)] == ["single", "single"]
    groups = find_conflicts(wire + article("rival", "Bo Diaz", 40, "Forty"))
    ships = next(g for g in groups if g.why.counted == "ship")
    assert ships.status == "conflict" and ships.why.stories == 2 and ships.why.voices == 2


def test_conflicts_frame_explains_itself():
    claims = [
        claim(
            "A", "Ann Lee", fig("15", 15, counted="state", predicate="hold", period="on March 3")
        ),
        claim("B", "Bo Diaz", fig("11", 11, counted="state", predicate="hold", period="March 3")),
    ]
    [group] = find_conflicts(claims, dates={"A": D("2020-02-01"), "B": D("2020-02-20")})
    assert group.why.period == "2020-03-03"
    assert group.why.dates == ["2020-02-01", "2020-02-20"]
    assert 0 < group.why.confidence < 1
    assert "period 2020-03-03" in group.why.summary and "confidence" in group.why.summary
    data = json.loads(json.dumps(group.to_json()))
    assert {"claim_id", "start", "end", "holder", "article_date", "joined"} <= set(
        data["figures"][0]
    )


def test_conflicts_articles_net_worth_by_holder(extract):
    claims = extract(
        profile="Jane Roe, the developer, says she is worth $3 billion.",
        magazine="While one magazine lists Ms. Roe's fortune at $1.2 billion, another says it is "
        "$1.1 billion.",
        other="Ann Lee, a rival developer, has said her net worth is $3 billion.",
    )
    [group] = find_conflicts(claims)
    assert group.status == "conflict"
    assert group.why.holder == "jane roe" and group.why.counted == "worth"
    assert {f.source_id for f in group.figures} == {"profile", "magazine"}


def test_conflicts_frame_an_undated_figure_is_of_its_article_day_not_its_year():
    """A figure with no period of its own is of the group's day when its article is of that
    day; a year holds too many events for an article in it to say which."""
    day = fig("15", 15, counted="state", predicate="hold contest", period="on March 3")
    undated = fig("11", 11, counted="state", predicate="hold contest")
    dates = {"A": D("2020-02-01"), "B": D("2020-03-03")}
    claims = [
        claim("A", "Ann Lee", day, text="In Ohio, a"),
        claim("B", "Bo Diaz", undated, text="Ohio: b"),
    ]
    [group] = find_conflicts(claims, dates=dates)
    assert group.status == "conflict" and not any(f.joined for f in group.figures)
    year = fig(
        "$40 million",
        4e7,
        unit="USD",
        currency="USD",
        counted="ad",
        predicate="buy",
        period="next year",
    )
    undated = fig("$90,000", 9e4, unit="USD", currency="USD", counted="ad", predicate="buy")
    dates = {"A": D("2019-12-01"), "B": D("2020-04-18")}
    claims = [
        claim("A", "Ann Lee", year, text="In Ohio, a"),
        claim("B", "Bo Diaz", undated, text="Ohio: b"),
    ]
    assert [g.status for g in find_conflicts(claims, dates=dates)] != ["conflict"]


def test_conflicts_articles_a_valued_person_is_their_worth(extract):
    claims = extract(
        profile="Jane Roe, the developer, says she is worth $3 billion.",
        magazine="Jane Roe owns twelve towers. A business magazine pegged her at $1.2 billion.",
        aide="Jane Roe opened a tower. An aide said an individual worth $3 billion owes no one.",
    )
    [group] = find_conflicts(claims)
    assert group.status == "conflict"
    assert group.why.holder == "jane roe" and group.why.counted == "worth"
    assert {f.source_id for f in group.figures} == {"profile", "magazine", "aide"}


def test_conflicts_frame_when_clause_and_named_day_give_the_time():
    """ "on Primary Tuesday, when voters in 12 states cast ballots": the figure is of the day
    its clause hangs on, and the corpus says which day that is ("May 3, known as Primary
    Tuesday"), so it meets the figure dated May 3 as a full frame, not a joined one."""
    dated = "Nine states vote on May 3, known as Primary Tuesday."
    named = "Turnout matters on Primary Tuesday, when voters in 12 states cast ballots."
    a = fig(
        "Nine",
        9,
        counted="state",
        predicate="vote",
        place=None,
        period="on May 3, known as Primary Tuesday",
    )
    b = fig("12", 12, counted="state", predicate="cast", place=None, start=named.index("12"))
    claims = [claim("A", "Ann Lee", a, text=dated), claim("B", "Bo Diaz", b, text=named)]
    dates = {"A": date(2021, 4, 2), "B": date(2021, 4, 20)}
    [group] = find_conflicts(claims, dates=dates)
    assert group.status == "conflict"
    assert group.why.period == "2021-05-03" and not any(f.joined for f in group.figures)
    # without the clause, nothing says the 12 states are those of May 3
    plain = "Turnout matters, and voters in 12 states cast ballots."
    b2 = fig("12", 12, counted="state", predicate="cast", place=None, start=plain.index("12"))
    claims = [claim("A", "Ann Lee", a, text=dated), claim("B", "Bo Diaz", b2, text=plain)]
    assert [g.status for g in find_conflicts(claims, dates=dates)] != ["conflict"]


def test_conflicts_articles_a_denied_figure_is_not_a_stated_one(extract):
    # "is not taking in 40,000" denies the figure: it is not a second value of the intake
    stated = dict(
        ministry="The ministry said Norway will take in 3,000 Eritrean refugees this year.",
        agency="The agency said Norway will take in about 3,000 Eritrean refugees this year.",
    )
    denied = "A spokesman said Norway is not taking in 40,000 Eritrean refugees this year."
    with_denial = find_conflicts(extract(**stated, rebuttal=denied))
    assert not any(g.status == "conflict" for g in with_denial)
    stated_again = "A spokesman said Norway will take in 40,000 Eritrean refugees this year."
    [group] = [g for g in find_conflicts(extract(**stated, rival=stated_again))]
    assert group.status == "conflict"
