"""The HTML report: one self-contained page built from the store with Jinja2 templates.

The page must be safe to open on articles nobody vetted, so everything the store holds reaches
the page through Jinja's autoescaping, never through `Markup`; the only raw strings are the
package's own CSS and JavaScript, inlined so the page makes no network request at all.

The article text is marked from the claims' offsets. Marks nest and overlap (a figure inside a
flag inside a claim, two claims sharing one speaker mention), and HTML elements cannot overlap,
so the text is cut into segments at every mark boundary and each segment carries the classes of
all the marks covering it. Cutting keeps the page's text equal to the article's: every segment
holds exactly `text[start:end]`, and labels are drawn by CSS, not written into the text.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from claimtrack.conflicts import find_conflicts
from claimtrack.models import Claim, Figure, SourceDocument
from claimtrack.query import ClaimFilter, find_claims, source_ids
from claimtrack.store import Store
from claimtrack.summary import SpeakerSummary, summarize
from claimtrack.version import __version__

MARK_KINDS: tuple[str, ...] = ("claim", "speaker", "cue", "figure", "flag")
"""Every kind of mark, in the legend's order."""

MARK_DESCRIPTIONS: dict[str, str] = {
    "claim": "what was claimed",
    "speaker": "who said it",
    "cue": "the reporting verb",
    "figure": "a number",
    "flag": "a reporter's caveat",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One span of the article to mark: what it is, which claim it belongs to, where it leads."""

    start: int
    end: int
    kind: str
    claim_id: str
    label: str = ""
    """Drawn after the mark's last segment, displaCy style ("SPEAKER", "UNVERIFIED")."""
    title: str = ""
    href: str | None = None
    anchor: str | None = None
    """The id of an anchor placed where the mark starts (conflict tables link to figures)."""
    flag_kind: str | None = None


@dataclass(slots=True)
class Segment:
    """A run of text covered by one unchanging set of marks."""

    text: str
    start: int
    end: int
    marks: tuple[Mark, ...] = ()
    anchors: list[str] = field(default_factory=list)
    ending: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        kinds = {m.kind for m in self.marks}
        names = ["seg", *(f"m-{k}" for k in MARK_KINDS if k in kinds)]
        names += sorted({f"flag-{m.flag_kind}" for m in self.marks if m.flag_kind})
        return " ".join(names)

    @property
    def claims(self) -> str:
        return " ".join(dict.fromkeys(m.claim_id for m in self.marks))

    @property
    def href(self) -> str | None:
        return next((m.href for m in self.marks if m.kind == "speaker" and m.href), None)

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(m.title for m in self.marks if m.title))

    @property
    def label(self) -> str:
        """The labels of the marks that end here; a claim's end has its own link instead."""
        return " · ".join(
            dict.fromkeys(m.label for m in self.ending if m.label and m.kind != "claim")
        )

    @property
    def claims_ending(self) -> list[Mark]:
        return [m for m in self.ending if m.kind == "claim"]


def segment(text: str, marks: Iterable[Mark], breaks: Iterable[int] = ()) -> list[Segment]:
    """Cut `text` at every mark boundary (and at `breaks`); each piece carries the marks covering
    it, the anchors of the marks starting at it and the marks ending with it.

    Marks reaching outside the text are clipped and empty ones dropped, so a damaged store still
    renders. The pieces tile the text: joined, they give it back unchanged. The cost is a sort of
    the boundaries plus, per piece, the marks open there (a handful)."""
    n = len(text)
    kept: list[Mark] = []
    for mark in marks:
        start, end = max(0, mark.start), min(n, mark.end)
        if start < end:
            kept.append(mark if (start, end) == (mark.start, mark.end) else
                        replace(mark, start=start, end=end))  # fmt: skip
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, mark in enumerate(kept):
        starts.setdefault(mark.start, []).append(i)
        ends.setdefault(mark.end, []).append(i)
    bounds = sorted({0, n, *starts, *ends, *(b for b in breaks if 0 < b < n)})
    active: dict[int, None] = {}  # an ordered set of indexes into `kept`
    out: list[Segment] = []
    for left, right in itertools.pairwise(bounds):
        for i in ends.get(left, ()):
            active.pop(i, None)
        opening = starts.get(left, ())
        for i in opening:
            active[i] = None
        anchors = (kept[i].anchor for i in opening)
        out.append(
            Segment(
                text=text[left:right],
                start=left,
                end=right,
                marks=tuple(kept[i] for i in sorted(active)),
                anchors=[a for a in dict.fromkeys(anchors) if a],
                ending=[kept[i] for i in ends.get(right, ()) if i in active],
            )
        )
    return out


_PARAGRAPH_END = re.compile(r"\n\s*")


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph after the first begins: after every run of line breaks."""
    return [m.end() for m in _PARAGRAPH_END.finditer(text) if m.end() < len(text)]


def paragraphs(segments: Sequence[Segment], starts: Iterable[int]) -> list[list[Segment]]:
    """Segments grouped into paragraphs; `segment` must have been given `starts` as breaks.
    Each paragraph keeps its trailing line breaks, so the page's text is still the article's."""
    begins = set(starts)
    out: list[list[Segment]] = []
    for piece in segments:
        if not out or piece.start in begins:
            out.append([])
        out[-1].append(piece)
    return out


# -- what the page shows ------------------------------------------------------------------------


@dataclass(slots=True)
class FigureView:
    text: str
    interval: str
    unit: str
    qualifier: str
    counted: str | None
    anchor: str


@dataclass(slots=True)
class ClaimView:
    id: str
    number: int
    source_id: str
    text: str
    quote: str
    speaker_name: str
    speaker_kind: str
    speaker_anchor: str
    mention: str | None
    role: str | None
    cue: str | None
    figures: list[FigureView]
    flags: list[tuple[str, str]]

    @property
    def flag_kinds(self) -> str:
        return " ".join(sorted({kind for kind, _ in self.flags}))


@dataclass(slots=True)
class ArticleView:
    id: str
    path: str
    title: str | None
    authors: list[str]
    date: str | None
    paragraphs: list[list[Segment]]
    claims: list[ClaimView]
    notes: list[str]


@dataclass(slots=True)
class SpeakerView:
    anchor: str
    summary: SpeakerSummary
    sources: list[tuple[str, str]]
    """(element id of the article, its title) for each source the speaker is quoted in."""


def build_report(
    store: Store,
    where: ClaimFilter | None = None,
    *,
    skip_bad: bool = False,
    title: str = "claimtrack report",
) -> str:
    """The report for the claims of `store` that `where` keeps (all of them for None), as one
    self-contained HTML page.

    With a filter, the page shows the sources that have a kept claim (and any source the filter
    names), and the conflict groups that involve a kept claim, all their figures shown."""
    documents = list(store.documents(skip_bad=skip_bad))
    if where is None:
        kept_ids = {c.id for d in documents for c in d.claims}
        named: set[str] = set()
    else:
        kept_ids = {c.id for c in find_claims(store, where, skip_bad=skip_bad)}
        named = source_ids(store, where.sources, skip_bad=skip_bad) if where.sources else set()
    shown = (
        documents
        if where is None
        else [d for d in documents if d.id in named or any(c.id in kept_ids for c in d.claims)]
    )
    kept = [c for d in shown for c in d.claims if c.id in kept_ids]

    people = summarize(kept)
    anchors = _speaker_anchors(people)
    articles_by_path = {
        d.path: (f"source-{d.id}", d.title or d.path.rsplit("/", 1)[-1]) for d in shown
    }
    speaker_views = [
        SpeakerView(anchors[s.key], s, [articles_by_path.get(p, ("", p)) for p in s.sources])
        for s in people
    ]

    groups = [
        g.to_json()
        for g in find_conflicts(c for d in documents for c in d.claims)
        if any(f.claim_id in kept_ids for f in g.figures)
    ]
    rendered_claims = {c.id for c in kept}
    for group in groups:
        for figure in group["figures"]:
            figure["anchor"] = (
                _figure_anchor(figure["source_id"], figure["start"], figure["end"])
                if figure["claim_id"] in rendered_claims
                else None
            )
            figure["interval"] = interval(
                figure["low"], figure["high"], figure["low_inclusive"], figure["high_inclusive"]
            )

    articles = [_article(d, [c for c in d.claims if c.id in kept_ids], anchors) for d in shown]
    flag_counts = Counter(f.kind for c in kept for f in c.flags)
    counts = {
        "sources": len(shown),
        "claims": len(kept),
        "speakers": len(people),
        "figures": sum(len(c.quantities) for c in kept),
        "flags": sum(flag_counts.values()),
        "conflicts": sum(1 for g in groups if g["status"] == "conflict"),
    }
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            version=__version__,
            counts=counts,
            flag_counts=sorted(flag_counts.items()),
            conflicts=[g for g in groups if g["status"] == "conflict"],
            consistent=[g for g in groups if g["status"] != "conflict"],
            articles=articles,
            speakers=speaker_views,
            mark_kinds=MARK_KINDS,
            mark_descriptions=MARK_DESCRIPTIONS,
            filtered=_describe(where),
            css=_static("report.css"),
            js=_static("report.js"),
        )
    )


def claim_marks(claim: Claim, speaker_href: str | None = None) -> list[Mark]:
    """The marks of one claim: its span, its speaker's mention, its cue, figures and flags."""
    speaker = claim.speaker
    who = speaker.name or speaker.mention or f"[{speaker.kind}]"
    marks = [
        Mark(
            claim.start,
            claim.end,
            "claim",
            claim.id,
            label=who,
            title=f"claim {claim.id} by {who}",
            href=speaker_href,
            anchor=f"claim-{claim.id}",
        )
    ]
    if speaker.start is not None and speaker.end is not None:
        role = f", {speaker.role}" if speaker.role else ""
        title = f"speaker: {who}{role} ({speaker.kind})"
        marks.append(
            Mark(speaker.start, speaker.end, "speaker", claim.id, "SPEAKER", title, speaker_href)
        )
    if claim.cue is not None:
        title = f"cue: {claim.cue.text} ({claim.quote} quote)"
        marks.append(Mark(claim.cue.start, claim.cue.end, "cue", claim.id, "CUE", title))
    for figure in claim.quantities:
        marks.append(
            Mark(
                figure.start,
                figure.end,
                "figure",
                claim.id,
                label="FIGURE",
                title=f"figure: {describe_figure(figure)}",
                anchor=_figure_anchor(claim.source_id, figure.start, figure.end),
            )
        )
    for flag in claim.flags:
        label = flag.kind.upper().replace("_", " ")
        marks.append(
            Mark(flag.start, flag.end, "flag", claim.id, label, f"flag: {flag.kind}",
                 flag_kind=flag.kind)
        )  # fmt: skip
    return marks


def _article(
    document: SourceDocument, claims: Sequence[Claim], anchors: dict[tuple[str, str], str]
) -> ArticleView:
    marks: list[Mark] = []
    views: list[ClaimView] = []
    for number, claim in enumerate(sorted(claims, key=lambda c: (c.start, c.end)), 1):
        key = _speaker_key(claim)
        anchor = anchors.get(key, "") if key else ""
        marks += claim_marks(claim, f"#{anchor}" if anchor else None)
        figures = [
            FigureView(
                figure.text,
                interval(figure.low, figure.high, figure.low_inclusive, figure.high_inclusive),
                figure.currency or figure.unit or "",
                figure.qualifier,
                figure.counted,
                _figure_anchor(claim.source_id, figure.start, figure.end),
            )
            for figure in claim.quantities
        ]
        speaker = claim.speaker
        views.append(
            ClaimView(
                id=claim.id,
                number=number,
                source_id=claim.source_id,
                text=claim.text,
                quote=claim.quote,
                speaker_name=speaker.name or speaker.mention or "",
                speaker_kind=speaker.kind,
                speaker_anchor=anchor,
                mention=speaker.mention,
                role=speaker.role,
                cue=claim.cue.text if claim.cue else None,
                figures=figures,
                flags=[(f.kind, f.text) for f in claim.flags],
            )
        )
    breaks = paragraph_starts(document.text)
    return ArticleView(
        id=document.id,
        path=document.path,
        title=document.title,
        authors=document.authors,
        date=document.date,
        paragraphs=paragraphs(segment(document.text, marks, breaks), breaks),
        claims=views,
        notes=document.notes,
    )


def _speaker_key(claim: Claim) -> tuple[str, str] | None:
    """The key `summary.summarize` groups a claim's speaker under (None: nobody named)."""
    name = claim.speaker.name or claim.speaker.mention
    return (name.lower(), claim.speaker.kind) if name else None


def _speaker_anchors(people: Iterable[SpeakerSummary]) -> dict[tuple[str, str], str]:
    """A readable, unique element id per speaker: `speaker-claire-finkelstein-person`."""
    out: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    for person in people:
        base = "speaker-" + (_slug(person.name) or "x") + "-" + person.kind
        anchor, n = base, 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        out[person.key] = anchor
    return out


_NOT_SLUG = re.compile(r"[^0-9a-z]+")


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")[:60]


def _figure_anchor(source_id: str, start: int, end: int) -> str:
    return f"fig-{source_id}-{start}-{end}"


def interval(
    low: float | None, high: float | None, low_inclusive: bool = True, high_inclusive: bool = True
) -> str:
    """A figure's interval in the usual notation: [6000, ∞), (3000, ∞), [90, 110]."""
    left = "[" if low_inclusive and low is not None else "("
    right = "]" if high_inclusive and high is not None else ")"
    return f"{left}{number(low, '−∞')}, {number(high, '∞')}{right}"


def number(value: float | None, infinite: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isinf(value)):
        return infinite
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}"


def describe_figure(figure: Figure) -> str:
    bits = [
        figure.text,
        figure.qualifier,
        interval(figure.low, figure.high, figure.low_inclusive, figure.high_inclusive),
    ]
    if figure.currency or figure.unit:
        bits.append(figure.currency or figure.unit or "")
    if figure.counted:
        bits.append(f"({figure.counted})")
    return " ".join(bits)


def _describe(where: ClaimFilter | None) -> list[str]:
    """The filter the page was built with, as `name value` lines for its header."""
    if where is None:
        return []
    out = []
    for name, value in (
        ("speaker", where.speaker),
        ("source", ", ".join(where.sources)),
        ("flag", ", ".join(where.flags)),
        ("unflagged", "yes" if where.unflagged else ""),
        ("unit", where.unit),
        ("min", number(where.minimum) if where.minimum is not None else ""),
        ("max", number(where.maximum) if where.maximum is not None else ""),
        ("contains", where.contains),
        ("quote", where.quote),
    ):
        if value:
            out.append(f"{name}: {value}")
    return out


# -- templates ----------------------------------------------------------------------------------


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("claimtrack.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["number"] = number
    env.filters["basename"] = lambda path: str(path).rsplit("/", 1)[-1]
    return env


@cache
def _static(name: str) -> Markup:
    """A file of report/static, inlined raw: it is the package's own code, not input."""
    text = (resources.files("claimtrack.report") / "static" / name).read_text(encoding="utf-8")
    if "</" + "style" in text.lower() or "</" + "script" in text.lower():
        raise ValueError(f"report/static/{name} must not close its own element")
    return Markup(text)  # noqa: S704
