"""The parts of a quantity frame that need more than one figure: when (a period resolved to dates
against the article's date), whose (a holder's name resolved across articles), and which sources
are copies of one story.

- Article date: the source's metadata, else a date in its path ("nyt_2016-02-04_..."), else a
  dateline at the head of its text ("WASHINGTON, Feb. 3, 2016 —"), read with dateparser.
- Period: the figure's time phrase ("on March 1", "in 2014", "last year") read with dateparser,
  relative to the article date, as the interval its granularity covers (a day, a month, a year).
  A phrase that is not a date ("since the war began") is kept as words.
- Holder: "Mr. Trump", "Donald J. Trump" and "Trump" are one holder when the corpus gives the
  surname one full name (`ambiguous_share` of its full-name mentions); "Clinton" alone stays
  "clinton" where the corpus names two Clintons often.
- Copies: sources that share most of their figure sentences word for word (wire copies, the
  same article stored twice) are one story, and so one voice.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from claimtrack.lexicons import load as load_lexicon


@dataclass(frozen=True, slots=True)
class FrameTables:
    generic_nouns: frozenset[str]
    running_nouns: frozenset[str]
    running_predicates: frozenset[str]
    running_cues: tuple[str, ...]
    same_time_days: int
    running_same_time_days: int
    article_day_days: int
    rounding: float
    name_titles: frozenset[str]
    period_lead_words: tuple[str, ...]
    copy_share: float
    copy_min: int
    copy_max_sources: int
    ambiguous_share: float
    definite_words: frozenset[str]
    name_stopwords: frozenset[str]
    common_name_share: float
    common_name_min: int
    not_day_names: frozenset[str]


@cache
def frame_tables() -> FrameTables:
    data: dict[str, Any] = load_lexicon("quantity_frame")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data[key])

    return FrameTables(
        generic_nouns=words("generic_nouns"),
        running_nouns=words("running_nouns"),
        running_predicates=words("running_predicates"),
        running_cues=tuple(sorted(w.lower() for w in data["running_cues"])),
        same_time_days=int(data["same_time_days"]),
        running_same_time_days=int(data["running_same_time_days"]),
        article_day_days=int(data["article_day_days"]),
        rounding=float(data["rounding"]),
        name_titles=words("name_titles"),
        # longest first, so "as of" is stripped before "of"
        period_lead_words=tuple(
            sorted((w.lower() for w in data["period_lead_words"]), key=len)[::-1]
        ),
        copy_share=float(data["copy_share"]),
        copy_min=int(data["copy_min"]),
        copy_max_sources=int(data["copy_max_sources"]),
        ambiguous_share=float(data["ambiguous_share"]),
        definite_words=words("definite_words"),
        name_stopwords=words("name_stopwords") | words("name_titles"),
        common_name_share=float(data["common_name_share"]),
        common_name_min=int(data["common_name_min"]),
        not_day_names=words("not_day_names") | words("name_stopwords"),
    )


# -- when ---------------------------------------------------------------------------------------

_PATH_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
# A phrase dateparser is asked about: it names a year, a month, a weekday or a relative unit.
_DATE_LIKE = re.compile(
    rf"\b(?:(?:19|20)\d\d|{_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"today|yesterday|tomorrow|year|month|week|day)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b",
    re.IGNORECASE,
)


def article_date(
    metadata: str | None = None, path: str | None = None, text: str | None = None
) -> date | None:
    """The article's date: metadata, else a date in its path, else a dateline in the first
    lines of its text."""
    for candidate in (metadata,):
        if candidate:
            parsed = _parse_date(candidate[:40])
            if parsed is not None:
                return parsed
    if path:
        found = _PATH_DATE.search(path)
        if found:
            try:
                return date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                pass
    if text:
        found = _DATELINE.search(text[:400])
        if found:
            return _parse_date(found[0])
    return None


@cache
def _parse_date(text: str) -> date | None:
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed is not None else None


Interval = tuple[date, date]


def resolve_period(text: str | None, base: date | None) -> Interval | None:
    """The dates a time phrase covers, relative to the article's date; None when the phrase is
    not a date ("since the war began") or there is no phrase."""
    if not text or not _date_like(text):
        return None
    phrase = _strip_lead(text.lower())
    found = _resolve(phrase, base)
    if found is None and "," in text:
        # "on March 1, known as Super Tuesday": the date before the aside
        found = _resolve(_strip_lead(text.lower().split(",", 1)[0]), base)
    return found


@cache
def _date_like(text: str) -> bool:
    return _DATE_LIKE.search(text) is not None


def _strip_lead(text: str) -> str:
    text = " ".join(text.split())
    for word in frame_tables().period_lead_words:
        if text.startswith(word + " "):
            return text[len(word) + 1 :]
    return text


@cache
def _resolve(text: str, base: date | None) -> Interval | None:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if data.period == "month":
        return day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1])
    if data.period == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    return day, day


# A day the news calls by a name: capitalised words ending in a weekday or "Day" ("Super
# Tuesday", "Election Day"); a bare weekday is dateparser's. Case matters here: "voters go to
# the polls on Tuesday" names no day.
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY_NAME = rf"(?:[A-Z][a-z]+\s+){{1,2}}(?:{_WEEKDAYS}|Day)\b"
_MONTH_CAPS = "|".join(m.capitalize() for m in _MONTHS.split("|"))
_MONTH_DAY = rf"\b(?:{_MONTH_CAPS})\.?\s+\d{{1,2}}\b(?:,?\s+(?:19|20)\d\d\b)?"
# "March 1, known as Super Tuesday", "Super Tuesday, March 1", "Super Tuesday (March 1)",
# "Super Tuesday on March 1": the name and its date side by side.
_NAMED_DAY = re.compile(
    rf"(?P<d1>{_MONTH_DAY}),?\s+(?:also\s+)?(?:known\s+as|called|dubbed)\s+(?:the\s+)?"
    rf"(?P<n1>{_DAY_NAME})|(?P<n2>{_DAY_NAME})(?:,\s+|\s+\(|\s+on\s+)(?P<d2>{_MONTH_DAY})"
)
# A clause that says when it happens by the time it hangs on: "on Super Tuesday, when 11 states
# vote", "on March 1, when 11 states vote" (up to the figure, no clause break in between).
_WHEN_CLAUSE = re.compile(
    rf"(?P<time>{_DAY_NAME}|{_MONTH_DAY}|\b(?:{_WEEKDAYS})\b),\s+when\s+[^,;:.!?\"“”()]*$"
)
# what every text that gives a name with its date holds (the two shapes of `_NAMED_DAY`)
_NAMED_DAY_MARKS = re.compile(r"[dD]ay(?:, | \(| on )|known as |called |dubbed ")
# how far from the article's date a named day may be and still be the one it means
_NAMED_DAY_REACH = 183


class NamedDays:
    """Days a corpus calls by a name, learned where a text gives the name and the date side by
    side, each date resolved against its article's date; "on Super Tuesday" is then the date
    the corpus gives the name nearest the article's own date (within half a year: the same
    name is another day in another year)."""

    def __init__(
        self, texts: Iterable[tuple[str, date | None]] | Callable[[], Iterable[Any]] = ()
    ) -> None:
        # learned on first need: most corpora never ask for a named day, and reading every
        # text costs more than the rest of a figure's frame
        self._texts = texts
        self._days: dict[str, Counter[date]] | None = None

    def _learn(self) -> dict[str, Counter[date]]:
        found: dict[str, Counter[date]] = defaultdict(Counter)
        texts = self._texts() if callable(self._texts) else self._texts
        for text, base in texts:
            # most texts give no name with a date: passed over at C speed
            if not ("day" in text or "Day" in text) or not _NAMED_DAY_MARKS.search(text):
                continue
            for match in _NAMED_DAY.finditer(text):
                name = _day_name(match["n1"] or match["n2"])
                span = _resolve(" ".join((match["d1"] or match["d2"]).lower().split()), base)
                if span is not None and span[0] == span[1] and name is not None:
                    found[name][span[0]] += 1
        return dict(found)

    def resolve(self, text: str | None, base: date | None) -> Interval | None:
        """The day a phrase that is only a known name ("on Super Tuesday") stands for."""
        if not text or base is None:
            return None
        phrase = _strip_lead(text.lower())
        if _day_name(phrase) != phrase:
            return None  # not a name ("last Tuesday"), or not the day itself ("before ...")
        if self._days is None:
            self._days = self._learn()
        days = self._days.get(phrase)
        if not days:
            return None
        near = [(n, -abs((d - base).days), d) for d, n in days.items()]
        near = [x for x in near if -x[1] <= _NAMED_DAY_REACH]
        if not near:
            return None
        day = max(near)[2]
        return day, day

    def period(self, text: str | None, base: date | None) -> Interval | None:
        """A period phrase as dates: a known name first, else `resolve_period`."""
        return self.resolve(text, base) or resolve_period(text, base)


def _day_name(text: str) -> str | None:
    """ "Super Tuesday" -> "super tuesday"; None for a weekday with only words that open a
    time phrase before it ("Last Tuesday", "On Election Day" is "election day")."""
    words = " ".join(text.split()).lower().split()
    skip = frame_tables().not_day_names
    while words and words[0] in skip:
        words = words[1:]
    if len(words) < 2 or not re.fullmatch(rf"{_WEEKDAYS.lower()}|day", words[-1]):
        return None
    return " ".join(words)


def when_clause_time(before: str) -> str | None:
    """The time a "when" clause hangs on, for a figure inside it: `before` is the text up to
    the figure ("... on Super Tuesday, when 11 states"); None when the figure is not in one."""
    found = _WHEN_CLAUSE.search(before[-200:])
    return " ".join(found["time"].split()) if found else None


def period_key(interval: Interval) -> str:
    start, end = interval
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


# -- whose ----------------------------------------------------------------------------------------

_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")


@cache
def name_parts(holder: str) -> tuple[str, ...]:
    """A holder's words as compared: lower case, no titles, no initials or punctuation."""
    titles = frame_tables().name_titles
    words = [_POSSESSIVE.sub("", w.lower()).strip("'’") for w in _NAME_WORD.findall(holder)]
    words = [w for w in words if w and w not in titles and w != "the"]
    # "Donald J. Trump": a single letter is an initial, never the part that identifies
    return tuple(w for w in words if len(w) > 1) or tuple(words)


class Names:
    """Holders resolved across a corpus: a surname alone becomes the full name the corpus gives
    it, unless the corpus names two people by it often (then it stays the surname)."""

    def __init__(self, holders: Iterable[str]) -> None:
        full: dict[str, Counter[str]] = defaultdict(Counter)
        for holder in holders:
            parts = name_parts(holder)
            if len(parts) >= 2:
                full[parts[-1]][" ".join(parts)] += 1
        share = frame_tables().ambiguous_share
        self._surname: dict[str, str] = {}
        for surname, names in full.items():
            name, count = names.most_common(1)[0]
            if count >= share * sum(names.values()):
                self._surname[surname] = name

    @cache  # noqa: B019 - one Names per corpus, few distinct holders
    def canonical(self, holder: str | None) -> str | None:
        if not holder:
            return None
        parts = name_parts(holder)
        if not parts:
            return None
        if len(parts) == 1:
            return self._surname.get(parts[0], parts[0])
        # "Hillary Rodham Clinton" -> the full name the corpus uses most for the surname
        known = self._surname.get(parts[-1])
        if known is not None and known.split()[0] == parts[0]:
            return known
        return " ".join(parts)


# -- copies of one story ------------------------------------------------------------------------


def sentence_key(text: str) -> int:
    """A claim's text, for finding the same sentence in two sources (within one process): wire
    copies print it byte for byte."""
    return hash(text)


def stories(sentences: Mapping[str, set[int]]) -> dict[str, str]:
    """source id -> story id: sources sharing most of their figure sentences word for word are
    one story. Candidates come from an index of sentences (boilerplate printed in many sources
    is skipped), so the work is linear in the sentences, not quadratic in the sources."""
    t = frame_tables()
    index: dict[int, list[str]] = defaultdict(list)
    for source, keys in sentences.items():
        for key in keys:
            index[key].append(source)
    shared: Counter[tuple[str, str]] = Counter()
    for sources in index.values():
        if 1 < len(sources) <= t.copy_max_sources:
            ordered = sorted(sources)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    shared[(a, b)] += 1
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for (a, b), count in shared.items():
        smaller = min(len(sentences[a]), len(sentences[b]))
        if count >= t.copy_min and count >= t.copy_share * smaller:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent.setdefault(min(ra, rb), min(ra, rb))
                parent[max(ra, rb)] = min(ra, rb)
    return {source: find(source) for source in list(parent)}
