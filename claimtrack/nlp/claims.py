"""Claim assembly: decide the claims of an article, and turn a finished Doc into `Claim` models.

A claim is an attributed statement (the attribution component's content spans), or a sentence in
the author's own voice that carries a figure or a verifiability flag. Figures inside a claim's
span belong to it; the next stage (`claimtrack.nlp.flag_attachment`) attaches the flags.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimtrack.models import Claim, Cue, Figure, Flag, Speaker
from claimtrack.nlp.annotations import (
    ATTRIBUTIONS,
    CLAIMS,
    FIGURES,
    FLAGS,
    FURNITURE,
    Attribution,
    SpeakerInfo,
    register_extensions,
)


@Language.factory(
    "claimtrack_claims",
    assigns=["doc.spans", "span._.claimtrack_attribution", "span._.claimtrack_figures"],
    requires=["doc.spans", "doc.sents", "span._.claimtrack_attribution"],
)
def make_claims_assembler(nlp: Language, name: str) -> ClaimsAssembler:
    return ClaimsAssembler()


class ClaimsAssembler:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        flags = list(doc.spans.get(FLAGS, []))
        figures = list(doc.spans.get(FIGURES, []))
        attributed = [
            s
            for s in sorted(doc.spans.get(ATTRIBUTIONS, []), key=lambda s: (s.start, s.end))
            if not _is_caveat_machinery(s, flags, figures)
        ]
        claims = list(attributed)
        claims.extend(self._author_statements(doc, attributed))
        claims.sort(key=lambda s: (s.start, s.end))
        figures = sorted(doc.spans.get(FIGURES, []), key=lambda s: s.start)
        for claim in claims:
            if claim._.claimtrack_attribution is None:
                claim._.claimtrack_attribution = Attribution(
                    speaker=_author(doc), mention=None, cue=None, quote="none"
                )
            claim._.claimtrack_figures = [
                f for f in figures if f.start >= claim.start and f.end <= claim.end
            ]
            claim._.claimtrack_flags = []
        doc.spans[CLAIMS] = claims
        return doc

    def _author_statements(self, doc: Doc, attributed: list[Span]) -> Iterable[Span]:
        """Sentences in the author's voice with a figure or a flag, outside any attribution and
        outside page furniture. A follow-up caveat ("X did not respond to a request for
        comment") does not make its own sentence a claim: the sentence it refers back to is one."""
        covered = _token_mask(doc, attributed)
        furniture = _token_mask(doc, doc.spans.get(FURNITURE, []))
        flags = list(doc.spans.get(FLAGS, []))
        follow_ups = [f for f in flags if f._.claimtrack_flag.refers_to is not None]
        own = [
            f
            for f in flags
            if f._.claimtrack_flag.refers_to is None and not _source_speaks_elsewhere(f, attributed)
        ]
        referred = [f._.claimtrack_flag.refers_to for f in follow_ups]
        marked = _token_mask(doc, list(doc.spans.get(FIGURES, [])) + own + referred)
        with_statement = sorted(
            (f for f in own if f._.claimtrack_flag.statement is not None),
            key=lambda f: (f._.claimtrack_flag.statement.start, -f._.claimtrack_flag.statement.end),
        )
        for sent in doc.sents:
            if any(furniture[sent.start : sent.end]):
                continue
            if any(covered[sent.start : sent.end]):
                # A caveat's clause that no one else's claim covers is the author's statement
                # ("Clinton seemed irritated: 'It's a public statement!'").
                yield from _uncovered(with_statement, sent, covered)
                continue
            if any(marked[sent.start : sent.end]):
                yield _trim(sent)


# Tags of a finite verb: what makes a span a statement rather than a phrase.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Caveats whose complement is not a statement ("claim [to be veterans]" is one).
_MACHINERY_KINDS = frozenset({"no_response", "undisclosed", "anonymous_source", "disputed"})


def _is_caveat_machinery(span: Span, flags: list[Span], figures: list[Span]) -> bool:
    """An attributed "statement" that is only the rest of a caveat ("declined [to comment]",
    "would not comment on [the merger]", "spoke on condition of anonymity [to discuss the
    talks]", "denied [the charges]"): it overlaps a caveat's cue or hangs on it as its cue, and
    says nothing of its own (no finite verb, no figure). The caveat goes on the claim it
    qualifies instead."""
    if any(t.tag_ in _FINITE for t in span):
        return False
    if any(f.start >= span.start and f.end <= span.end for f in figures):
        return False
    attribution = span._.claimtrack_attribution
    cue = getattr(attribution, "cue", None)
    for flag in flags:
        if flag._.claimtrack_flag.kind not in _MACHINERY_KINDS:
            continue
        # The span starts in the caveat's words ("declined [to comment]", "spoke [on the
        # condition of anonymity to discuss the talks]") or hangs on them as its cue ("denied
        # [the charges]"); a quote that merely contains a verdict ("Nice try, not true") stays.
        if flag.start - 2 <= span.start < flag.end:
            return True
        if cue is not None and _hangs_on(cue, flag):
            return True
    return False


def _hangs_on(cue: Span, flag: Span) -> bool:
    """Whether the attribution's verb is the caveat's own or depends on it ("on condition of
    anonymity [to discuss] the talks")."""
    verb = flag.root
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    token = cue.root
    for _ in range(3):
        if flag.start <= token.i < flag.end or (token.i == verb.i and token.i != cue.root.i):
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def _source_speaks_elsewhere(flag: Span, attributed: list[Span]) -> bool:
    """Whether an anonymity caveat's source has claims of its own ("The official spoke on
    condition of anonymity to discuss the talks." then "The talks have stalled, the official
    said."): the caveat goes on those, and its own sentence is no claim."""
    info = flag._.claimtrack_flag
    if info.scope != "speaker":
        return False
    for span in attributed:
        attribution = span._.claimtrack_attribution
        if info.speaker is not None and attribution.speaker is info.speaker:
            return True
        mention = attribution.mention
        if (
            info.mention is not None
            and mention is not None
            and mention.start < info.mention.end
            and info.mention.start < mention.end
        ):
            return True
    return False


def _uncovered(flags: list[Span], sent: Span, covered: list[bool]) -> Iterable[Span]:
    """The part of each caveat's clause that no one else's claim covers, around the caveat ("it
    appears that they helped bring on the inquiry by publicly denying [that she told the
    truth]"), when it says something beyond the caveat's own words."""
    last_end = -1
    for flag in flags:
        statement = flag._.claimtrack_flag.statement
        if statement.start < sent.start or statement.end > sent.end or flag.start < last_end:
            continue
        if any(covered[flag.start : flag.end]):
            continue
        start, end = flag.start, flag.end
        while start > statement.start and not covered[start - 1]:
            start -= 1
        while end < statement.end and not covered[end]:
            end += 1
        if end <= flag.end:
            continue
        last_end = end
        yield _trim(sent.doc[start:end])


def _token_mask(doc: Doc, spans: Iterable[Span]) -> list[bool]:
    mask = [False] * len(doc)
    for span in spans:
        for i in range(span.start, span.end):
            mask[i] = True
    return mask


def _trim(span: Span) -> Span:
    """The span without leading/trailing whitespace tokens."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def _author(doc: Doc) -> SpeakerInfo:
    authors = doc._.claimtrack_authors or []
    return SpeakerInfo(name=", ".join(authors) if authors else None, kind="author")


def claim_id(source_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{source_id}:{start}:{end}".encode()).hexdigest()[:12]


def doc_to_claims(doc: Doc, *, source_id: str, source_path: str, offset: int = 0) -> list[Claim]:
    """The finished Doc's claims as models. Offsets are into the source text: `doc.text` starts
    at `offset` in it (a long article is parsed in pieces)."""
    out: list[Claim] = []
    for span in doc.spans.get(CLAIMS, []):
        attribution: Attribution = span._.claimtrack_attribution
        start = span.start_char + offset
        end = span.end_char + offset
        out.append(
            Claim(
                id=claim_id(source_id, start, end),
                source_id=source_id,
                source_path=source_path,
                text=span.text,
                start=start,
                end=end,
                speaker=_speaker_model(attribution, offset),
                cue=_cue_model(attribution.cue, offset),
                quote=attribution.quote,  # type: ignore[arg-type]
                quantities=[_figure_model(f, offset) for f in span._.claimtrack_figures or []],
                flags=[_flag_model(f, offset) for f in span._.claimtrack_flags or []],
            )
        )
    return out


def _speaker_model(attribution: Attribution, offset: int) -> Speaker:
    info = attribution.speaker
    mention = attribution.mention
    return Speaker(
        name=info.name if info else None,
        mention=mention.text if mention is not None else None,
        start=mention.start_char + offset if mention is not None else None,
        end=mention.end_char + offset if mention is not None else None,
        kind=(info.kind if info else "unknown"),  # type: ignore[arg-type]
        role=info.role if info else None,
        aliases=list(info.aliases) if info else [],
    )


def _cue_model(cue: Span | None, offset: int) -> Cue | None:
    if cue is None:
        return None
    return Cue(text=cue.text, start=cue.start_char + offset, end=cue.end_char + offset)


def _figure_model(span: Span, offset: int) -> Figure:
    start, end = span.start_char + offset, span.end_char + offset
    return Figure(text=span.text, start=start, end=end, **span._.claimtrack_figure.as_dict())


def _flag_model(span: Span, offset: int) -> Flag:
    return Flag(
        kind=span._.claimtrack_flag.kind,
        text=span.text,
        start=span.start_char + offset,
        end=span.end_char + offset,
    )
