"""Which claims each verifiability flag qualifies: the stage after claim assembly.

The flags component found the caveats and what each is about (its sentence, a topic, or a
speaker); the claims component decided the claims. This stage sets each claim's
`span._.claimtrack_flags`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimtrack.nlp.annotations import CLAIMS, FLAGS, FlagInfo, SpeakerInfo, register_extensions

# Words of these parts of speech make a claim's topic (what an article-scoped flag matches on).
_TOPIC_POS = frozenset({"NOUN", "ADJ", "VERB"})


@Language.factory(
    "claimtrack_flag_attachment",
    assigns=["span._.claimtrack_flags"],
    requires=["doc.spans", "token.lemma", "token.pos"],
)
def make_flag_attachment(nlp: Language, name: str) -> FlagAttachment:
    return FlagAttachment()


class FlagAttachment:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        attach_flags(doc, list(doc.spans.get(CLAIMS, [])))
        return doc


def _claim_lemmas(claim: Span) -> frozenset[str]:
    """The common words a claim is about; words of names and titles ("Soldiers in Revolt", "the
    Unrest Project") are not its topic."""
    return frozenset(t.lemma_.lower() for t in claim if t.pos_ in _TOPIC_POS and not t.ent_type_)


def _speaker_of(claim: Span) -> SpeakerInfo | None:
    attribution = claim._.claimtrack_attribution
    return getattr(attribution, "speaker", None)


def _flag_sentence(flag: Span) -> tuple[int, int]:
    try:
        sent = flag.sent
    except ValueError:  # a Doc without sentence boundaries
        return flag.start, flag.end
    return sent.start, sent.end


def _is_author(claim: Span) -> bool:
    speaker = _speaker_of(claim)
    return speaker is None or speaker.kind == "author"


def _previous_sentence(doc: Doc, sent: tuple[int, int]) -> tuple[int, int] | None:
    i = sent[0] - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return None
    try:
        before = doc[i].sent
    except ValueError:
        return None
    return before.start, before.end


def _unnamed(speaker: SpeakerInfo) -> bool:
    return speaker.kind in ("anonymous", "unknown") or not speaker.name


def _speaker_claims(info: FlagInfo, claims: Sequence[Span], sent: tuple[int, int]) -> set[int]:
    """The claims of the source a speaker-scoped flag is about.

    The claims introduced by the source's own words ("according to the official, who spoke on
    condition of anonymity") always; then every claim of the same speaker (the flag's resolved
    speaker, or the speaker of those claims), but only while that speaker has no name: a source
    the article names is not anonymous, so a speaker resolved to a named person is a resolution
    to distrust, and the flag then stays on the claims its words introduce. If the source's words
    introduce no claim, the speakers mentioned in the flag's sentence stand in for it.
    """
    mentioned: list[tuple[int, Span, SpeakerInfo]] = []
    for i, claim in enumerate(claims):
        mention = getattr(claim._.claimtrack_attribution, "mention", None)
        speaker = _speaker_of(claim)
        if mention is not None and speaker is not None and speaker.kind != "author":
            mentioned.append((i, mention, speaker))
    source = info.mention
    direct: set[int] = set()
    if source is not None:
        direct = {i for i, m, _ in mentioned if m.start < source.end and source.start < m.end}
    if not direct and info.speaker is None:
        direct = {i for i, m, _ in mentioned if m.start >= sent[0] and m.end <= sent[1]}
    speakers = [info.speaker] if info.speaker is not None else []
    speakers += [s for i, _, s in mentioned if i in direct]
    found = set(direct)
    if not info.spreads:
        return found
    for speaker in speakers:
        if _unnamed(speaker):
            found |= {i for i, claim in enumerate(claims) if _speaker_of(claim) is speaker}
    return found


def _same_flag(a: Span, b: Span) -> bool:
    return (a.start, a.end, a._.claimtrack_flag.kind) == (b.start, b.end, b._.claimtrack_flag.kind)


# Caveats that modify the statement they stand in ("he reportedly met them", "falsely").
_IN_CLAIM_KINDS = frozenset({"hedged", "disputed"})


def _own_targets(flag: Span, claims: Sequence[Span], in_sentence: set[int]) -> set[int]:
    """The claims of its own sentence a caveat qualifies: for a hedge or a dispute word, the claim
    it stands in ("he reportedly met them", "Carson falsely said"); else the claims of the clause
    it scopes over ("Clinton seemed irritated: '...'", "there is no evidence the links were
    used"); else every claim of its sentence ("..., though none of their stories could be
    verified": their stories are the sentence's claims)."""
    info: FlagInfo = flag._.claimtrack_flag
    if info.kind in _IN_CLAIM_KINDS:
        inside = {
            i for i in in_sentence if claims[i].start <= flag.start and flag.end <= claims[i].end
        }
        if inside:
            return inside
    if info.mention is not None and info.scope != "speaker":
        # "..., said Jo Lee, who declined to give a price": what that speaker said.
        said = {
            i
            for i in in_sentence
            if (m := getattr(claims[i]._.claimtrack_attribution, "mention", None)) is not None
            and m.start < info.mention.end
            and info.mention.start < m.end
        }
        if said:
            return said
    statement = info.statement
    # A caveat that is itself the reporting verb qualifies what it reports and the sentence's
    # other claims ("most claim to be veterans, some saying..."), but not a claim around or
    # inside what it reports ("it appears that they helped bring on the inquiry by denying
    # [that she told the truth]"; "[he did not recall [whether they stayed there]]").
    reported = {
        i
        for i in in_sentence
        if (cue := getattr(claims[i]._.claimtrack_attribution, "cue", None)) is not None
        and cue.start < flag.end
        and flag.start < cue.end
    }
    if reported:
        return reported | {
            i
            for i in in_sentence
            if not any(
                claims[i].start < claims[j].end and claims[j].start < claims[i].end
                for j in reported
            )
        }
    if statement is not None and not info.anaphoric:
        scoped = {
            i
            for i in in_sentence
            if claims[i].start < statement.end and statement.start < claims[i].end
        }
        if scoped:
            return _outermost(claims, scoped)
    return in_sentence


def _outermost(claims: Sequence[Span], found: set[int]) -> set[int]:
    """A clause's caveat is about the clause, not a claim embedded in it ("it appears that they
    helped bring on the inquiry by denying [that she told the truth]")."""
    return {
        i
        for i in found
        if not any(
            j != i and claims[j].start <= claims[i].start and claims[i].end <= claims[j].end
            for j in found
        )
    }


def _referred_claims(info: FlagInfo, claims: Sequence[Span]) -> set[int]:
    """The claims of the sentence a follow-up caveat refers back to; those naming its party when
    the sentence holds several."""
    target = info.refers_to
    assert target is not None
    found = {i for i, c in enumerate(claims) if c.start < target.end and target.start < c.end}
    if len(found) > 1 and info.party:
        named = {i for i in found if any(t.lower_ in info.party for t in claims[i])}
        found = named or found
    return found


def attach_flags(doc: Doc, claims: Sequence[Span]) -> None:
    """Set each claim's `span._.claimtrack_flags` to the flag spans that qualify it, in text
    order and without duplicates:

    - a caveat in a claim qualifies that claim ("he reportedly met them"), else the claims of its
      own sentence ("..., though none of their stories could be verified"); a refusal in a
      relative clause on a speaker qualifies what that speaker said ("..., said Lee, who
      declined to give a price");
    - a follow-up caveat ("X did not respond to a request for comment", "The figure could not be
      verified") qualifies the claims of the sentence it refers back to, never its own sentence;
    - an article-scoped flag also qualifies every claim on its topic ("it's impossible to verify
      all the claims of military unrest" -> claims about desertion, mutiny, sabotage...);
    - an anonymous-source flag qualifies every claim of that source, wherever it is, instead of
      the claims of its sentence (a sentence can hold a named speaker's claim too).
    """
    flags = sorted(doc.spans.get(FLAGS, []), key=lambda s: (s.start, s.end))
    attached: list[list[Span]] = [[] for _ in claims]
    lemmas: list[frozenset[str]] | None = None
    for flag in flags:
        info: FlagInfo | None = flag._.claimtrack_flag
        if info is None:
            continue
        sent = _flag_sentence(flag)
        in_sentence = {i for i, c in enumerate(claims) if c.start < sent[1] and c.end > sent[0]}
        targets = _own_targets(flag, claims, in_sentence)
        if info.refers_to is not None:
            targets = _referred_claims(info, claims) or targets
        elif info.anaphoric and all(_is_author(claims[i]) for i in in_sentence):
            # "Rebels said 40 died. The figure could not be verified.": the caveat's own
            # sentence holds no one's claim but the author's, so it is about the one before.
            before = _previous_sentence(doc, sent)
            if before is not None:
                targets = targets | {
                    i for i, c in enumerate(claims) if c.start < before[1] and c.end > before[0]
                }
        if info.scope == "speaker":
            targets = _speaker_claims(info, claims, sent) or targets
        elif info.scope == "article" and info.focus:
            if lemmas is None:
                lemmas = [_claim_lemmas(c) for c in claims]
            targets = targets | {i for i, ls in enumerate(lemmas) if ls & info.focus}
        for i in targets:
            if not any(_same_flag(f, flag) for f in attached[i]):
                attached[i].append(flag)
    for claim, found in zip(claims, attached, strict=True):
        claim._.claimtrack_flags = found
