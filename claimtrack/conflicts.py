"""Conflicts: the figures that sources disagree on, and only those.

Every figure gets a quantity frame (README, "Conflicts"): what is measured (the counted noun
with its group modifiers, or for a sum or share the attribute it is the value of; a generic noun
only with its verb), whose (the holder, a name resolved across articles by `frames.Names`),
where (place), when (the period resolved to dates against the article's date by
`frames.resolve_period`), the verb class, and the unit family (counts; money converted to USD
with the dated table in lexicons/rates.json; ratios; pint's physical units; rates only meet
rates).

Groups are a partition. Figures are blocked by (what is measured, unit family) with a dict;
inside a block, by their (verb, holder, place, period) context with a dict. A figure whose
context leaves the verb, place or period out is placed through its context's generalisations (at
most 2^3 per distinct context, never all pairs): it joins the one group that fills them in (the
one whose period holds its article's date, else the only one) or stays apart. The holder is never
left out. So the cost is a dict insert per figure plus a constant per distinct context.

Decision, per group, linear in its size: a voice is a story (a source and its near-copies,
`frames.stories`); figures disagree when their intervals lie apart beyond rounding; `conflict`
when two stories disagree at one time with figures that fill the whole frame (and, where the
frame names neither holder nor date, their sentences share an uncommon name: one story);
`update` when they disagree only across times; `consistent`; `single`. Only the two highest
lower bounds and two lowest upper bounds of distinct voices can make the widest gap, and times
are compared in windows of days, so no step compares all pairs.
"""

from __future__ import annotations

import gc
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING, Any, NamedTuple

from claimtrack.errors import ClaimtrackError
from claimtrack.frames import (
    NamedDays,
    Names,
    article_date,
    frame_tables,
    period_key,
    sentence_key,
    stories,
    when_clause_time,
)
from claimtrack.lexicons import load
from claimtrack.models import Claim, Figure, SourceDocument
from claimtrack.units import units

if TYPE_CHECKING:
    from claimtrack.store import Store

INF = math.inf


# -- lexicons -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tables:
    counted: dict[str, str]
    predicates: dict[str, str]
    neutral: frozenset[str]
    groups: dict[str, str]
    complement_preps: frozenset[str]
    stopwords: frozenset[str]
    rates: dict[str, float]
    rates_as_of: str
    tolerance: float
    months_per_unit: dict[str, float]


def _classes(data: dict[str, list[str]]) -> dict[str, str]:
    return {word.lower(): name for name, words in data.items() for word in words}


@cache
def tables() -> Tables:
    synonyms = load("synonyms")
    rates = load("rates")
    return Tables(
        counted=_classes(synonyms["counted"]),
        predicates=_classes(synonyms["predicates"]),
        neutral=frozenset(synonyms["neutral_predicates"]),
        groups=_classes(synonyms["groups"]),
        complement_preps=frozenset(synonyms["complement_preps"]),
        stopwords=frozenset(synonyms["stopwords"]),
        rates={k.upper(): float(v) for k, v in rates["usd_per_unit"].items()},
        rates_as_of=rates["as_of"],
        tolerance=float(rates["tolerance"]),
        months_per_unit={k: float(v) for k, v in rates["months_per_unit"].items()},
    )


# -- what a figure is about -----------------------------------------------------------------------


class Counted(NamedTuple):
    head: str  # the synonym class of the head noun
    mods: tuple[str, ...]  # group modifiers, canonical, sorted
    phrase: str  # as written in `counted`
    written: tuple[str, ...] = ()  # the modifiers as written, in order ("Eritrean")


@cache
def parse_counted(counted: str | None) -> Counted | None:
    """ "American volunteer" -> head volunteer, mods (American,); "inquiry about volunteering"
    -> head request (its complement narrows but does not separate: see README)."""
    if not counted:
        return None
    t = tables()
    pre = counted.lower().split()
    if not pre:
        return None
    classes = t.counted
    if len(pre) == 1:  # most phrases: one noun
        return Counted(classes.get(pre[0], pre[0]), (), counted)
    preps = t.complement_preps
    if not preps.isdisjoint(pre):
        for i in range(1, len(pre)):
            if pre[i] in preps:
                del pre[i:]
                break
    whole = " ".join(pre)
    if whole in classes:  # "net worth" ~ "fortune": the phrase itself names the class
        return Counted(classes[whole], (), counted)
    head = classes.get(pre[-1], pre[-1])
    groups = t.groups
    written = counted.split()[: len(pre) - 1]
    mods = tuple(sorted({_group_word(w, groups) for w in written}))
    return Counted(head, mods, counted, tuple(written))


def _group_word(word: str, groups: Mapping[str, str]) -> str:
    """A modifier as compared: a known group's class ("U.S." = "American"); a place or people
    named with a capital by its stem, so the place and its people are one group ("refugees from
    Eritrea" were written "Eritrea refugee": "Eritrean refugees")."""
    low = word.lower()
    if low in groups:
        return groups[low]
    return low[:5] if word[:1].isupper() else low


@cache
def predicate_class(predicate: str | None) -> str | None:
    """None for a verb that only says the thing exists or was reported."""
    if not predicate:
        return None
    t = tables()
    p = " ".join(predicate.lower().split())
    if p in t.predicates:  # "are in play" is voting, though "be" alone says nothing
        return t.predicates[p]
    first = p.split(" ", 1)[0]
    if p in t.neutral or first in t.neutral:
        return None
    return t.predicates.get(p, p)


_PUNCT = re.compile(r"[\"“”‘’'`.,;:()\[\]]")


@cache
def normal_text(text: str | None) -> str | None:
    """Periods and places, as compared: lower case, no punctuation or leading article."""
    if not text:
        return None
    text = " ".join(_PUNCT.sub(" ", text.lower()).split())
    if text.startswith("the "):
        text = text[4:]
    return text or None


@dataclass(frozen=True, slots=True)
class Measure:
    family: str  # "count", "money", "ratio", "money/month", "[length]", ...
    factor: float  # multiply a value by this to get the family's base unit
    base_unit: str  # what the base unit is called in the output ("USD", "fraction", ...)
    converted: str | None  # "UAH->USD @2022-03-01" when a currency was converted
    rate_free: bool = False  # a zero of pay: meets money in every currency and rate


@cache
def measure(unit: str | None, currency: str | None) -> Measure:
    t = tables()
    base, _, per = (unit or "").partition("/")
    base = base.strip()
    per_factor = 1.0
    suffix = ""
    if per:
        count, _, period = per.strip().lower().rpartition(" ")
        months = t.months_per_unit.get(period)
        if months and count:
            months *= float(count)  # "USD/3 month": a sum every three months
        per_factor = 1.0 / months if months else 1.0
        suffix = "/month" if months else f"/{per.strip()}"
    code = (currency or "").upper() or (base.upper() if base.upper() in t.rates else "")
    if code or base == "money":
        if not code:
            return Measure("money", 1.0, "USD", None, rate_free=not per)
        rate = t.rates.get(code)
        if rate is None:
            return Measure(f"money:{code}{suffix}", per_factor, code + suffix, None)
        converted = None if code == "USD" else f"{code}->USD @{t.rates_as_of}"
        return Measure(f"money{suffix}", rate * per_factor, "USD" + suffix, converted)
    low = base.lower()
    if low in {"", "count"}:
        return Measure(f"count{suffix}", per_factor, "count" + suffix, None)
    if low in {"percent", "%", "per cent", "pct"}:
        return Measure(f"ratio{suffix}", 0.01 * per_factor, "fraction" + suffix, None)
    if low == "fraction":
        return Measure(f"ratio{suffix}", per_factor, "fraction" + suffix, None)
    physical = _pint(base)
    if physical is not None:
        family, factor, name = physical
        return Measure(family + suffix, factor * per_factor, name + suffix, None)
    return Measure(f"unit:{low}{suffix}", per_factor, low + suffix, None)


@cache
def _pint(unit: str) -> tuple[str, float, str] | None:
    """(dimensionality, factor to SI base, base unit name), for a unit pint can read."""
    try:
        quantity = units().Quantity(1, unit)
        base = quantity.to_base_units()
    except Exception:
        # pint raises its own error classes (undefined unit, syntax); any of them means the
        # unit is not a physical one, and it is then compared only with the same spelling.
        return None
    return (str(quantity.dimensionality), float(base.magnitude), f"{base.units:~}")


# -- article dates -------------------------------------------------------------------------------


def source_dates(store: Store, *, skip_bad: bool = False) -> dict[str, date | None]:
    """Every stored source's article date: its metadata, else its path; the text's dateline is
    read only for a source that has neither."""
    dates: dict[str, date | None] = {}
    for info in store.sources(skip_bad=skip_bad):
        day = article_date(info.date, info.path)
        if day is None:
            try:
                day = article_date(text=store.source(info.id, skip_bad=skip_bad).text)
            except ClaimtrackError:
                day = None  # unreadable now: the figures are still compared, undated
        dates[info.id] = day
    return dates


# -- records ------------------------------------------------------------------------------------


@dataclass(slots=True)
class FigureRef:
    """One figure of one claim, as a conflict group shows it."""

    claim_id: str
    source_id: str
    source_path: str
    speaker: str | None
    claim_text: str
    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    qualifier: str
    unit: str | None
    currency: str | None
    counted: str | None
    predicate: str | None
    place: str | None
    period: str | None
    scope: str | None
    holder: str | None
    article_date: str | None
    story: str  # the source, or the first source of the story this one is a copy of
    joined: bool  # in the group by a frame that names less (no holder, no period, ...)
    flags: list[str]
    converted: str | None
    base_low: float | None
    base_high: float | None
    base_unit: str


Context = tuple[str | None, str | None, str | None, str | None]  # predicate, holder, place, period
HOLDER, PERIOD = 1, 3
_BARE: Context = (None, None, None, None)


@dataclass(slots=True)
class _Entry:
    """A comparable figure, with what blocking and the decision need; the FigureRef a reader
    sees is built only for the groups that are shown."""

    claim: Claim
    figure: Figure
    voice: str  # who stands behind the figure: its story (an article and its copies)
    story: str
    sentence: int  # the claim's words, hashed: the same sentence in two sources is one voice
    block: Block
    measure: Measure
    context: Context
    lo: float
    hi: float
    day: date | None  # the article's date
    running: bool | None  # moves from day to day (a tally, a toll); None: ask the claim's words
    joined: bool = False


Block = tuple[tuple[str, tuple[str, ...]], str]  # what is measured, and the unit family


@dataclass(slots=True)
class _Blocked:
    """The comparable figures, blocked as they are read: by what is measured and unit family,
    then by context, each list in the order the figures came (so no figure's key is hashed
    twice)."""

    blocks: dict[Block, dict[Context, list[_Entry]]] = field(default_factory=dict)
    rate_free: dict[tuple[str, tuple[str, ...]], list[_Entry]] = field(default_factory=dict)
    # every sentence with a comparable figure, with the stories that print it
    said: dict[str, set[str]] = field(default_factory=dict)

    def place(self, entry: _Entry, bucket: list[_Entry]) -> None:
        """Enter the first figure of a bucket: blocks and contexts keep first-seen order."""
        if entry.measure.rate_free:
            self.rate_free[entry.block[0]] = bucket
        else:
            self.blocks.setdefault(entry.block, {})[entry.context] = bucket
        bucket.append(entry)


def _speaker(claim: Claim) -> str | None:
    return claim.speaker.name or claim.speaker.mention


@dataclass(slots=True)
class _Corpus:
    """What the frame needs from all the claims at once: article dates, stories, names."""

    claims: list[tuple[Claim, int]]  # the claims with figures, with their sentence keys
    dates: dict[str, date | None]
    story: dict[str, str]
    names: Names
    days: NamedDays  # "Super Tuesday" is March 1 where the corpus says so


def _corpus(claims: Iterable[Claim], dates: Mapping[str, date | None] | None) -> _Corpus:
    """One pass over the claims (reading each claim once matters more at a million claims than
    any single step)."""
    known: dict[str, date | None] = dict(dates or {})
    sentences: dict[str, set[int]] = defaultdict(set)
    holders: set[str] = set()
    said: list[tuple[Claim, int]] = []
    source: str | None = None
    keys: set[int] = set()
    for claim in claims:
        quantities = claim.quantities
        if not quantities:
            continue
        key = sentence_key(claim.text)
        said.append((claim, key))
        if claim.source_id != source:  # a source's claims mostly come together
            source = claim.source_id
            if source not in known:
                known[source] = article_date(path=claim.source_path)
            keys = sentences[source]
        keys.add(key)
        for figure in quantities:
            holder = figure.holder
            if holder:
                holders.add(holder)
    days = NamedDays(lambda: ((c.text, known[c.source_id]) for c, _ in said))
    return _Corpus(said, known, stories(sentences), Names(holders), days)


def entries(claims: Iterable[Claim], dates: Mapping[str, date | None] | None = None) -> _Blocked:
    """The comparable figures of these claims (those with a frame and an interval), blocked."""
    corpus = _corpus(claims, dates)
    out = _Blocked()
    said = out.said
    tolerance = tables().tolerance
    definite = frame_tables().definite_words
    days, story_of, names = corpus.dates, corpus.story, corpus.names
    # Stories repeat the same few descriptions and sentences: derive key, measure and context
    # once for each description (with the list its figures go to), and read the words around a
    # figure once for each sentence.
    derived: dict[tuple[Any, ...], tuple[Any, ...] | None] = {}
    frames: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    buckets: dict[tuple[Any, ...], list[_Entry]] = {}
    picked: dict[tuple[str, int, int], bool] = {}
    source: str | None = None
    day: date | None = None
    story = ""
    for claim, sentence in corpus.claims:
        if claim.source_id != source:  # a source's claims come together
            source = claim.source_id
            day = days.get(source)
            story = story_of.get(source, source)
        text = claim.text
        when = ", when " in text
        took = False
        for figure in claim.quantities:
            period = figure.period or (_when_clause(claim, figure) if when else None)
            about = (
                figure.counted,
                figure.unit,
                figure.currency,
                figure.predicate,
                figure.place,
                period,
                figure.holder,
                day if period else None,
            )
            found = derived.get(about, _MISSING)
            if found is _MISSING:
                found = derived[about] = _derive(about, names, corpus.days, frames, buckets)
            if found is None:
                continue
            block, m, context, running, count, bucket = found
            if count:
                at = (text, figure.start - claim.start, len(figure.text))
                a_set = picked.get(at)
                if a_set is None:
                    a_set = picked[at] = _refers_to_a_set(text, *at[1:], definite)
                if a_set:
                    continue
            bounds = _bounds(figure, m, tolerance)
            if bounds is None:
                continue
            lo, hi = bounds
            entry = _Entry(
                claim, figure, story, story, sentence, block, m, context, lo, hi, day, running
            )
            if bucket:
                bucket.append(entry)
            else:
                out.place(entry, bucket)
            took = True
        if took:
            printed = said.get(text)
            if printed is None:
                said[text] = {story}
            else:
                printed.add(story)
    return out


_MISSING: Any = object()


def _refers_to_a_set(text: str, at: int, length: int, definite: frozenset[str]) -> bool:
    """ "the two states", "his three children", "two of the three contests": a number that
    picks out a known set or a part of one is not a claim about how many there are. `at` and
    `length` place the figure in the claim's text."""
    if at < 0 or at > len(text):
        return False
    before = text[max(0, at - 12) : at].lower().split()
    if before and before[-1] in definite:
        return True
    end = at + length
    after = text[end : end + 16].lower().split()
    return len(after) >= 2 and after[0] == "of" and after[1] in definite


def _bounds(figure: Figure, m: Measure, tolerance: float) -> tuple[float, float] | None:
    low = figure.low
    high = figure.high
    qualifier = figure.qualifier
    if low is None:
        low = None if qualifier in _UNBOUNDED_BELOW else figure.value
    if high is None:
        high = None if qualifier in _UNBOUNDED_ABOVE else figure.value
    if qualifier == "vague":
        high = None  # "millions" of deportations is "at least two million", not fewer than ten
    if low is None and high is None:
        return None
    factor = m.factor
    lo = low * factor if low is not None else -INF
    hi = high * factor if high is not None else INF
    if m.converted:
        return lo - abs(lo) * tolerance, hi + abs(hi) * tolerance
    return lo, hi


def _is_running(entry: _Entry) -> bool:
    """Asked only of groups whose figures are dated and differ, so the words are read rarely."""
    if entry.running is None:
        entry.running = _running_cue(entry.claim.text)
    return entry.running


def _running_cue(text: str) -> bool:
    low = f" {' '.join(_WORD_ANY.findall(text.lower()))} "
    return any(f" {cue} " in low for cue in frame_tables().running_cues)


_WORD_ANY = re.compile(r"[^\W_]+", re.UNICODE)


def _when_clause(claim: Claim, figure: Figure) -> str | None:
    """ "on Super Tuesday, when 11 states vote": a figure in a "when" clause is of the time the
    clause hangs on, when its own phrase names none."""
    if ", when " not in claim.text:
        return None  # most claims: no slicing, no regex
    at = figure.start - claim.start
    before = claim.text[max(0, at - 200) : at] if 0 < at <= len(claim.text) else ""
    return when_clause_time(before) if ", when " in before else None


def _derive(
    about: tuple[Any, ...],
    names: Names,
    days: NamedDays,
    frames: dict[tuple[Any, ...], tuple[Any, ...]],
    buckets: dict[tuple[Any, ...], list[_Entry]],
) -> tuple[Any, ...] | None:
    """What is measured, in which unit family, and the context, with the list its figures go
    to (a zero of pay: by what is measured alone, see `group_entries`), from a figure's
    description as `entries` reads it. The part that does not depend on the counted noun is
    shared through `frames`: a corpus says "people" in many ways but with few units, verbs,
    holders, places and periods."""
    counted, unit, currency, predicate_text, place, period_text, holder_text, day = about
    frame = frames.get(about[1:])
    if frame is None:
        m = measure(unit, currency)
        predicate = predicate_class(predicate_text)
        holder = names.canonical(holder_text)
        interval = days.period(period_text, day)
        period = period_key(interval) if interval is not None else normal_text(period_text)
        context = (predicate, holder, normal_text(place), period)
        running_verb = predicate is not None and (
            predicate.split(" ")[0] in frame_tables().running_predicates
        )
        frame = frames[about[1:]] = (m, predicate, holder, context, running_verb)
    m, predicate, holder, context, running_verb = frame
    key = _key(counted, m, predicate, holder)
    if key is None:
        return None
    running = running_verb or key[0].split("/")[0] in frame_tables().running_nouns
    block = (key, m.family)
    bucket = buckets.setdefault(("rate free", key) if m.rate_free else (block, context), [])
    return block, m, context, running or None, m.family == "count", bucket


def _ref(entry: _Entry) -> FigureRef:
    # Positional, in the order of FigureRef's fields: a call with 30 keywords takes half as
    # long again (1.6 against 1.0 µs), and --all builds half a million at 1M claims.
    claim, figure, m = entry.claim, entry.figure, entry.measure
    return FigureRef(
        claim.id,
        claim.source_id,
        claim.source_path,
        _speaker(claim),
        claim.text,
        figure.text,
        figure.start,
        figure.end,
        figure.value,
        figure.low,
        figure.high,
        figure.low_inclusive,
        figure.high_inclusive,
        figure.qualifier,
        figure.unit,
        figure.currency,
        figure.counted,
        figure.predicate,
        figure.place,
        figure.period,
        figure.scope,
        figure.holder,
        entry.day.isoformat() if entry.day is not None else None,  # article_date
        entry.story,
        entry.joined,
        sorted({f.kind for f in claim.flags}) if claim.flags else [],
        m.converted,
        None if entry.lo == -INF else entry.lo,  # base_low
        None if entry.hi == INF else entry.hi,  # base_high
        m.base_unit,
    )


_UNBOUNDED_BELOW = frozenset({"at_most", "less_than", "up_to"})
_UNBOUNDED_ABOVE = frozenset({"at_least", "more_than"})


def _key(
    counted_text: str | None, m: Measure, predicate: str | None, holder: str | None
) -> tuple[str, tuple[str, ...]] | None:
    """What is measured. A generic noun ("states", "people") is a quantity only with the verb
    that says what they did ("states hold primaries"); a sum with no attribute only with its
    verb and its holder ("Roe raised"); a share with no attribute never."""
    counted = parse_counted(counted_text)
    if counted is not None and m.family.startswith("ratio") and predicate is None and not holder:
        # "31 percent of Republican voters": a share of a group says nothing until it says
        # doing what, or whose
        return None
    if counted is not None:
        if counted.head in frame_tables().generic_nouns and not counted.mods:
            if predicate is None:
                return None
            return (f"{counted.head}/{predicate}", counted.mods)
        return (counted.head, counted.mods)
    # A rate ("money/month") or a zero of pay says what it is with its verb ("pays 100,000
    # hryvnias a month", "without pay"); a one-off sum with only a verb does not ("raise
    # $5,000" on Kickstarter, "raise $1.1 trillion" in taxes; "earned" and "paid").
    if m.family.startswith("money") and predicate is not None and (m.rate_free or "/" in m.family):
        return (predicate, ())
    return None


# -- groups -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Gap:
    """The distance between the nearest bounds of the two figures furthest apart."""

    lower_figure: int  # index in the group's figures
    upper_figure: int
    lower_bound: float  # the upper bound of the lower figure, in base units
    upper_bound: float  # the lower bound of the upper figure
    ratio: float | None  # upper_bound / lower_bound; None when the lower bound is 0
    difference: float
    unit: str


@dataclass(slots=True)
class Why:
    counted: str
    terms: list[str]  # the `counted` phrases (or predicates) as the texts wrote them
    unit_family: str
    predicate: str | None
    holder: str | None
    place: str | None
    period: str | None  # the period's dates ("2016-03-01", "2014-01-01..2014-12-31") or words
    dates: list[str]  # the first and last article date of the group's figures
    stories: int  # distinct stories (copies of one story count once)
    voices: int
    scopes: list[str]
    converted: list[str]
    gap: Gap | None
    confidence: float  # how sure the frame match is, 0..1: see `_confidence`
    summary: str


@dataclass(slots=True)
class Group:
    status: str  # conflict | update | consistent | single
    key: str
    why: Why
    figures: list[FigureRef] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


STATUSES = ("conflict", "update", "consistent", "single")


def find_conflicts(
    claims: Iterable[Claim],
    *,
    statuses: Sequence[str] = ("conflict", "update", "consistent"),
    dates: Mapping[str, date | None] | None = None,
) -> list[Group]:
    """Every group of figures of one quantity, the conflicts most worth a look first, then
    updates, consistent groups and (when asked) single voices. `dates` gives article dates by
    source id; a source not in it is dated from its path."""
    with _collector_paused():
        return group_entries(entries(claims, dates), statuses=statuses)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the groups are built. They are hundreds of
    thousands of small long-lived objects without cycles; every generation-0 collection would
    rescan them, which costs more than the work itself (measured: 3.5 s -> 1.4 s at 100k
    claims). Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def select(
    groups: Iterable[Group],
    *,
    statuses: Sequence[str] = ("conflict",),
    sources: Sequence[str] = (),
    speaker: str | None = None,
) -> list[Group]:
    """The groups of these statuses that involve one of `sources` (ids) and a speaker whose
    name contains `speaker` (case-insensitive); the other side of a group is always kept."""
    wanted = set(sources)
    needle = speaker.lower() if speaker else None
    out = []
    for group in groups:
        if group.status not in statuses:
            continue
        if wanted and not any(f.source_id in wanted for f in group.figures):
            continue
        if needle and not any(needle in (f.speaker or "").lower() for f in group.figures):
            continue
        out.append(group)
    return out


def group_entries(
    blocked: _Blocked, *, statuses: Sequence[str] = ("conflict", "update", "consistent")
) -> list[Group]:
    """Partition each block by frame, decide; only groups of `statuses` are built for
    output."""
    wanted = frozenset(statuses)
    blocks = blocked.blocks
    # A zero of pay meets every money block of its key (any currency, any rate); where there
    # are several, the first (the sorted order) takes it, so a figure sits in one group only.
    money_blocks: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = defaultdict(list)
    for block_key in blocks:
        if block_key[1].startswith("money"):
            money_blocks[block_key[0]].append(block_key)
    for key, zeros in blocked.rate_free.items():
        money = sorted(money_blocks.get(key, []), key=str)
        by_context = blocks.setdefault(money[0] if money else (key, "money"), {})
        for zero in zeros:
            by_context.setdefault(zero.context, []).append(zero)
    common = _CommonNames(blocked.said)
    single = "single" in wanted
    groups: list[Group] = []
    for (key, family), by_context in blocks.items():
        if len(by_context) == 1:  # most blocks: one context, nothing to place
            if not single and len(next(iter(by_context.values()))) == 1:
                continue  # one figure is one voice
            parts: Iterable[tuple[Context, list[_Entry]]] = by_context.items()
        else:
            parts = partition(by_context)
        for context, members in parts:
            if context == _BARE:
                continue  # "delegates", "crystal chandeliers": nothing says whose, when, doing what
            if not single and _one_voice(members):
                continue
            group = _decide(key, family, context, members, wanted, common)
            if group is not None:
                groups.append(group)
    groups.sort(key=_rank)
    return groups


def _shown(head: str, mods: tuple[str, ...], members: list[_Entry]) -> str:
    """What is measured, as a reader sees it: the modifiers as one figure wrote them ("Eritrean
    refugee", not the stems they are compared by)."""
    for entry in members if mods else ():
        counted = parse_counted(entry.figure.counted)
        if counted is not None and counted.mods == mods:
            return " ".join([*counted.written, head])
    return " ".join([*mods, head])


_ORDER = {"conflict": 0, "update": 1, "consistent": 2, "single": 3}


def _rank(group: Group) -> tuple[int, float, float, str]:
    order = _ORDER[group.status]
    gap = group.why.gap
    size = -min(gap.ratio or 1e9, 1e9) if gap is not None else 0.0
    return (order, -group.why.confidence, size, group.key)


def partition(
    by_context: dict[Context, list[_Entry]],
) -> Iterator[tuple[Context, list[_Entry]]]:
    """Each figure in one group. Figures whose frames give the same predicate, holder, place
    and period form a group; a figure whose frame leaves some of these out joins the one group
    that fills them in, when exactly one does, and otherwise stays apart (it could be any of
    them). Contexts are compared through their generalisations (at most 2^4 each), so the work
    is linear in the block."""
    if len(by_context) == 1:
        yield next(iter(by_context.items()))  # most blocks: one context, nothing to place
        return
    specialised: dict[Context, list[Context]] = defaultdict(list)
    for context in by_context:
        for general in _generalisations(context):
            if general in by_context:
                specialised[general].append(context)
    groups: dict[Context, list[_Entry]] = {}
    for context, members in by_context.items():
        if context not in specialised:
            groups.setdefault(context, []).extend(members)
    for context, members in by_context.items():
        if context in groups:
            continue
        maximal = [c for c in specialised[context] if c not in specialised]
        for entry in members:
            on_the_day = _on_the_day(maximal, entry.day)
            if len(on_the_day) == 1:
                groups[on_the_day[0]].append(entry)  # dated by its article: a full match
            elif len(maximal) == 1:
                entry.joined = True
                groups[maximal[0]].append(entry)
            else:
                groups.setdefault(context, []).append(entry)
    yield from groups.items()


def _on_the_day(contexts: list[Context], day: date | None) -> list[Context]:
    """The contexts whose period is a date range holding the article's day: "a dozen states
    held contests" in an article of March 1 is about the contests of March 1; a long period
    ("next year") holds too many events to say so."""
    if day is None:
        return []
    longest = frame_tables().article_day_days
    return [
        c
        for c in contexts
        if (span := _dates(c[3])) is not None
        and span[0] <= day <= span[1]
        and (span[1] - span[0]).days < longest
    ]


@cache
def _dates(period: str | None) -> tuple[date, date] | None:
    if not period or not period[:4].isdigit():
        return None
    try:
        start, _, end = period.partition("..")
        return date.fromisoformat(start), date.fromisoformat(end or start)
    except ValueError:
        return None


def _one_voice(members: list[_Entry]) -> bool:
    first = members[0].voice
    return all(e.voice == first for e in members)


@cache
def _generalisations(context: Context) -> tuple[Context, ...]:
    """The contexts that leave out some of this one's predicate, place and period. The holder
    is never left out: a figure that names no holder is not about one that does. Cached: a
    corpus has far fewer contexts than blocks."""
    given = [i for i, v in enumerate(context) if v is not None and i != HOLDER]
    return tuple(
        tuple(None if i in drop else v for i, v in enumerate(context))  # type: ignore[misc]
        for r in range(1, len(given) + 1)
        for drop in combinations(given, r)
    )


def _apart(low: _Entry, high: _Entry, rounding: float) -> bool:
    """`high` lies above `low` beyond rounding: the figures cannot both be true."""
    if low.hi >= high.lo or _same(low.hi, high.lo):
        # touching bounds ("more than one million" and "one million") agree: the round
        # figure may itself be rounded
        return False
    # "30,000" and "31,000" are the same figure rounded
    return not (low.hi > 0 and high.lo <= low.hi * (1 + rounding))


def _same(x: float, y: float) -> bool:
    return x == y or (math.isfinite(x) and math.isfinite(y) and math.isclose(x, y, rel_tol=1e-9))


def _widest_gap(members: list[_Entry], rounding: float) -> tuple[_Entry, _Entry] | None:
    """The pair from different voices whose nearest bounds are furthest apart, if any two of
    different voices lie apart. Only the two highest lower bounds and the two lowest upper
    bounds of distinct voices can form it, so this is linear in the group's size."""
    top_lo: dict[str, _Entry] = {}
    top_hi: dict[str, _Entry] = {}
    for entry in members:
        voice = entry.voice
        if voice not in top_lo or entry.lo > top_lo[voice].lo:
            top_lo[voice] = entry
        if voice not in top_hi or entry.hi < top_hi[voice].hi:
            top_hi[voice] = entry
    if len(top_lo) < 2:
        return None
    highs = _two(top_lo.values(), lambda e: -e.lo)
    lows = _two(top_hi.values(), lambda e: e.hi)
    best: tuple[_Entry, _Entry] | None = None
    best_size = -INF
    for upper in highs:
        for lower in lows:
            if upper.voice == lower.voice or not _apart(lower, upper, rounding):
                continue
            size = upper.lo / lower.hi if lower.hi > 0 else INF
            if size > best_size:
                best, best_size = (lower, upper), size
    return best


def _two(entries: Iterable[_Entry], key: Callable[[_Entry], float]) -> list[_Entry]:
    """The two smallest by `key`, the earlier first on a tie (as a stable sort would give),
    without sorting."""
    first: _Entry | None = None
    second: _Entry | None = None
    first_key = second_key = INF
    for entry in entries:
        k = key(entry)
        if first is None or k < first_key:
            first, second, first_key, second_key = entry, first, k, first_key
        elif second is None or k < second_key:
            second, second_key = entry, k
    return [e for e in (first, second) if e is not None]


def _conflicting_pair(
    key: tuple[str, tuple[str, ...]],
    family: str,
    context: Context,
    members: list[_Entry],
    common: frozenset[str],
) -> tuple[_Entry, _Entry] | None:
    """The widest gap that makes a conflict: between figures of two stories that both fill the
    group's whole frame (not joined by leaving something out), speak of one moment, and, where
    the frame names neither whose figure it is nor a date, whose sentences name the same
    person, place or thing (two articles on one story)."""
    rounding = frame_tables().rounding
    firm = [e for e in members if not e.joined]
    if len({e.voice for e in firm}) < 2:
        return None
    timed = _dates(context[PERIOD]) is not None
    # A date pins a quantity only when the noun says which one: "states holding primaries on
    # March 1" or "31 percent in 2012" could be anywhere.
    pinned = context[HOLDER] is not None or (timed and "/" not in key[0] and family == "count")
    if not pinned:
        pools: dict[str, list[_Entry]] = defaultdict(list)
        for entry in firm:
            for name in _names(entry.claim.text) - common:
                pools[name].append(entry)
        candidates = [p for p in pools.values() if len({e.voice for e in p}) > 1]
    else:
        candidates = [firm]
    best: tuple[_Entry, _Entry] | None = None
    best_size = -INF
    for pool in candidates:
        if timed or _one_moment(pool):
            pair = _widest_gap(pool, rounding)
        else:
            pair = _same_time_gap(pool, rounding)
        if pair is None:
            continue
        lower, upper = pair
        size = upper.lo / lower.hi if lower.hi > 0 else INF
        if size > best_size:
            best, best_size = pair, size
    return best


class _CommonNames:
    """The names too common in this corpus to say two articles are on one story ("Trump" in a
    year of campaign news): those in more than `common_name_share` of its stories. Counted on
    first use only, since most groups never ask."""

    def __init__(self, said: dict[str, set[str]]) -> None:
        self.said = said  # every sentence with a comparable figure: the stories that print it
        self.found: frozenset[str] | None = None

    def __call__(self) -> frozenset[str]:
        if self.found is None:
            # each sentence's names once, with every story that prints it
            by_text = self.said
            stories_n = len(set().union(*by_text.values())) if by_text else 0
            share = frame_tables().common_name_share
            limit = max(share * stories_n, frame_tables().common_name_min)
            seen: dict[str, set[str]] = defaultdict(set)
            found: set[str] = set()
            for text, in_stories in by_text.items():
                for name in _names(text):
                    if name in found:
                        continue  # already common: its stories need no more counting
                    in_name = seen[name]
                    in_name |= in_stories
                    if len(in_name) > limit:
                        found.add(name)
            self.found = frozenset(found)
        return self.found


_NAME = re.compile(r"(?<![\w'’])[A-Z][\w'’-]+")


@cache
def _names(text: str) -> frozenset[str]:
    """The names a sentence mentions, as stems ("Ukraine" and "Ukrainian" share "ukrai"): the
    capitalised words that are not a function word, a title, a month or a day."""
    stop = frame_tables().name_stopwords
    words = _NAME.findall(text)
    return frozenset(
        w.lower()[:5] for w in words if w.lower().strip("'’") not in stop and len(w) > 1
    )


def _one_moment(members: list[_Entry]) -> bool:
    """All the figures' articles are of one day, or undated."""
    days = {e.day for e in members} - {None}
    return len(days) <= 1


def _same_time_gap(members: list[_Entry], rounding: float) -> tuple[_Entry, _Entry] | None:
    """The widest gap between figures whose articles are close enough in date to speak of one
    moment: a day for a running tally, `same_time_days` for the rest. Members are cut into
    windows of that many days and their neighbours, so the work stays linear."""
    t = frame_tables()
    running = any(_is_running(e) for e in members)
    days = t.running_same_time_days if running else t.same_time_days
    dated = [e for e in members if e.day is not None]
    undated = [e for e in members if e.day is None]
    if not dated:
        return _widest_gap(members, rounding)
    windows: dict[int, list[_Entry]] = defaultdict(list)
    width = max(days, 1)
    for entry in dated:
        windows[entry.day.toordinal() // width].append(entry)  # type: ignore[union-attr]
    best: tuple[_Entry, _Entry] | None = None
    best_size = -INF
    for index, window in windows.items():
        for pool in (window + undated, window + windows.get(index + 1, [])):
            pair = _widest_gap(pool, rounding)
            if pair is None or not _close(pair, days):
                continue
            lower, upper = pair
            size = upper.lo / lower.hi if lower.hi > 0 else INF
            if size > best_size:
                best, best_size = pair, size
    return best


def _close(pair: tuple[_Entry, _Entry], days: int) -> bool:
    a, b = pair
    if a.day is None or b.day is None:
        return True
    return abs(a.day.toordinal() - b.day.toordinal()) <= days


def _decide(
    key: tuple[str, tuple[str, ...]],
    family: str,
    context: Context,
    members: list[_Entry],
    wanted: frozenset[str],
    common: Callable[[], frozenset[str]],
) -> Group | None:
    rounding = frame_tables().rounding
    _merge_copied_voices(members)
    members = _drop_disagreeing_joiners(members, rounding)
    voices = {e.voice for e in members}
    status, pair = "single", None
    if len(voices) > 1:
        pair = _widest_gap(members, rounding)
        if pair is None:
            status = "consistent"
        else:
            at_once = _conflicting_pair(key, family, context, members, common())
            status = "conflict" if at_once is not None else "update"
            pair = at_once or pair
    if status not in wanted:
        return None
    members.sort(key=lambda e: (e.lo, e.hi, e.claim.source_id, e.figure.start))
    refs = [_ref(e) for e in members]
    gap = _gap(members, pair) if pair is not None else None
    head, mods = key
    counted = _shown(head, mods, members)
    predicate, holder, place, period = context
    days = [e.day for e in members if e.day is not None]
    stories = len({e.story for e in members})
    # positional, in the order of Why's fields (keywords cost more, once per group)
    why = Why(
        counted,
        sorted({r.counted or r.predicate or "" for r in refs} - {""}),  # terms
        family,
        predicate,
        holder,
        place,
        period,
        [min(days).isoformat(), max(days).isoformat()] if days else [],  # dates
        stories,
        len(voices),
        sorted({r.scope for r in refs if r.scope}),  # scopes
        sorted({r.converted for r in refs if r.converted}),  # converted
        gap,
        _confidence(head, context, members, stories),
        "",  # summary, from the rest
    )
    why.summary = _summary(why, status)
    parts = (counted, family, predicate, holder, place, period)
    return Group(status, " | ".join([p for p in parts if p]), why, refs)


def _drop_disagreeing_joiners(members: list[_Entry], rounding: float) -> list[_Entry]:
    """A figure that joined by leaving part of the frame out ("a dozen attacks", no period)
    stays only if it agrees with the figures that fill the frame: it might be about another
    window, so its disagreement is no evidence of a conflict, and it is not shown as one."""
    firm = [e for e in members if not e.joined]
    if len(firm) == len(members) or not firm:
        return members
    top = max(firm, key=lambda e: e.lo)
    bottom = min(firm, key=lambda e: e.hi)
    return [
        e
        for e in members
        if not e.joined or not (_apart(e, top, rounding) or _apart(bottom, e, rounding))
    ]


def _merge_copied_voices(members: list[_Entry]) -> None:
    """The same sentence printed by two sources is one voice, even where the rest of the two
    articles differ (a wire paragraph pasted into a longer story)."""
    first: dict[tuple[int, float, float], str] = {}
    for entry in members:
        entry.voice = first.setdefault((entry.sentence, entry.lo, entry.hi), entry.voice)


def _gap(members: list[_Entry], pair: tuple[_Entry, _Entry]) -> Gap:
    lower, upper = pair
    ratio = upper.lo / lower.hi if lower.hi > 0 else None
    return Gap(
        lower_figure=next(i for i, e in enumerate(members) if e is lower),
        upper_figure=next(i for i, e in enumerate(members) if e is upper),
        lower_bound=lower.hi,
        upper_bound=upper.lo,
        ratio=round(ratio, 3) if ratio is not None else None,
        difference=upper.lo - lower.hi,
        unit=upper.measure.base_unit,
    )


def _confidence(head: str, context: Context, members: list[_Entry], stories: int) -> float:
    """How sure it is that the group's figures are one quantity: a frame that names whose
    figure it is, with a specific verb, and a period counts most; figures that joined by a
    frame naming less, and a generic noun made specific only by its verb, count against it."""
    predicate, holder, place, period = context
    score = 0.4
    score += 0.25 if holder is not None else 0.0
    score += 0.1 if predicate is not None else 0.0
    score += 0.1 if period is not None else 0.0
    score += 0.05 if place is not None else 0.0
    score += 0.1 if stories >= 3 else 0.0
    joined = sum(e.joined for e in members) / len(members)
    score -= 0.3 * joined
    if "/" in head:
        score -= 0.1
    return round(min(max(score, 0.0), 1.0), 2)


def _summary(why: Why, status: str) -> str:
    shared = f"'{why.counted}'"
    if len(why.terms) > 1:
        shared += f" ({' ~ '.join(why.terms)})"
    shared += f", {why.unit_family}"
    for label, value in (
        ("verb", why.predicate),
        ("of", why.holder),
        ("in", why.place),
        ("period", why.period),
    ):
        if value:
            shared += f", {label} {value}"
    text = f"{why.stories} stor{'ies' if why.stories != 1 else 'y'}"
    if why.voices != why.stories:
        text += f" ({why.voices} voices)"
    text += f" on {shared}"
    if why.gap is not None:
        gap = why.gap
        ratio = f"{gap.ratio:g}x" if gap.ratio is not None else "none vs some"
        apart = "at one time" if status == "conflict" else "at different times"
        text += (
            f"; intervals do not overlap {apart}: nearest bounds {_num(gap.lower_bound)} and "
            f"{_num(gap.upper_bound)} {gap.unit} ({ratio})"
        )
    elif status == "consistent":
        text += "; intervals overlap"
    if len(why.dates) == 2 and why.dates[0] != why.dates[1]:
        text += f"; articles {why.dates[0]} to {why.dates[1]}"
    if len(why.scopes) > 1:
        text += f"; scope differs: {' vs '.join(why.scopes)}"
    elif why.scopes and status != "single":
        text += f"; scope: {why.scopes[0]}"
    if why.converted:
        text += f"; converted {', '.join(why.converted)}"
    text += f"; confidence {why.confidence:.2f}"
    return text


def _num(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.4g}"


# -- diff ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class ClaimMatch:
    a: str  # claim ids
    b: str
    reason: str  # "same quantity" | "same speaker, similar text" | "similar text"
    score: float


@dataclass(slots=True)
class ClaimRef:
    claim_id: str
    source_id: str
    speaker: str | None
    text: str
    start: int
    end: int


@dataclass(slots=True)
class SourceDiff:
    source_a: str
    source_b: str
    figures: list[Group]  # groups with figures from both sources: conflict, update, consistent
    matched: list[ClaimMatch]
    only_a: list[ClaimRef]
    only_b: list[ClaimRef]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


_WORD = re.compile(r"[^\W_]{3,}", re.UNICODE)
SAME_SPEAKER_MIN = 0.25
ANY_SPEAKER_MIN = 0.5


def diff(
    source_a: SourceDocument | Sequence[Claim], source_b: SourceDocument | Sequence[Claim]
) -> SourceDiff:
    """What two sources share and where they differ. Claims are matched one to one: first
    claims that carry figures of the same quantity, then claims of the same speaker whose words
    overlap (Jaccard >= 0.25), then any claims whose words overlap a lot (>= 0.5); the best
    scores are matched first. Candidates come from an index of words, not from all pairs."""
    claims_a = list(source_a.claims if isinstance(source_a, SourceDocument) else source_a)
    claims_b = list(source_b.claims if isinstance(source_b, SourceDocument) else source_b)
    id_a = _source_id(source_a, claims_a)
    id_b = _source_id(source_b, claims_b)
    dates = {
        source.id: article_date(source.date, source.path, source.text)
        for source in (source_a, source_b)
        if isinstance(source, SourceDocument)
    }
    groups = [
        g
        for g in find_conflicts(
            [*claims_a, *claims_b], statuses=("conflict", "update", "consistent"), dates=dates
        )
        if {f.source_id for f in g.figures} >= {id_a, id_b}
    ]
    matched: list[ClaimMatch] = []
    used_a: set[str] = set()
    used_b: set[str] = set()
    for group in groups:
        a_ids = [f.claim_id for f in group.figures if f.source_id == id_a]
        b_ids = [f.claim_id for f in group.figures if f.source_id == id_b]
        for a in a_ids:
            for b in b_ids:
                if a not in used_a and b not in used_b:
                    matched.append(ClaimMatch(a, b, "same quantity", 1.0))
                    used_a.add(a)
                    used_b.add(b)
    stop = tables().stopwords
    words_b = {c.id: _words(c.text, stop) for c in claims_b}
    index: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims_b:
        for word in words_b[claim.id]:
            index[word].append(claim)
    candidates: list[tuple[float, str, str, str]] = []
    for claim in claims_a:
        if claim.id in used_a:
            continue
        mine = _words(claim.text, stop)
        seen: set[str] = set()
        for word in mine:
            for other in index.get(word, ()):
                if other.id in seen or other.id in used_b:
                    continue
                seen.add(other.id)
                theirs = words_b[other.id]
                score = len(mine & theirs) / len(mine | theirs)
                same = _same_speaker(claim, other)
                if (same and score >= SAME_SPEAKER_MIN) or score >= ANY_SPEAKER_MIN:
                    reason = "same speaker, similar text" if same else "similar text"
                    candidates.append((score, claim.id, other.id, reason))
    for score, a, b, reason in sorted(candidates, reverse=True):
        if a in used_a or b in used_b:
            continue
        matched.append(ClaimMatch(a, b, reason, round(score, 3)))
        used_a.add(a)
        used_b.add(b)
    return SourceDiff(
        source_a=id_a,
        source_b=id_b,
        figures=[g for g in groups if g.status != "single"],
        matched=matched,
        only_a=[_claim_ref(c) for c in claims_a if c.id not in used_a],
        only_b=[_claim_ref(c) for c in claims_b if c.id not in used_b],
    )


def _source_id(source: SourceDocument | Sequence[Claim], claims: list[Claim]) -> str:
    if isinstance(source, SourceDocument):
        return source.id
    return claims[0].source_id if claims else ""


def _words(text: str, stop: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in stop)


def _same_speaker(a: Claim, b: Claim) -> bool:
    """Same speaker: the same surname (last word of the canonical name); authors never match."""
    if a.speaker.kind == "author" or b.speaker.kind == "author":
        return False
    na, nb = a.speaker.name, b.speaker.name
    if not na or not nb:
        return False
    return na.split()[-1].lower() == nb.split()[-1].lower()


def _claim_ref(claim: Claim) -> ClaimRef:
    return ClaimRef(claim.id, claim.source_id, _speaker(claim), claim.text, claim.start, claim.end)
