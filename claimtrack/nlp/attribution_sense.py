"""The sense a cue verb is used in: whether the words it governs were stated by anyone.

A cue word matches in senses that report no statement. Each rule here is a reading of English
syntax that tells such a use apart, with its words in `cues.json`:

- the object is the listener, the occasion or a document, not what was said ("addressed a
  convention of nurses", "called a hearing for May", "released their medical records"):
  `occasions`, by verb;
- the cue is in the imperative or hortative mood, or under one ("Friends, tell me ...",
  "Let's say you believe ..."): the writer addresses the reader, nobody has said anything;
- the cue is under a supposition or a wish ("Suppose ...", "We might wish that they would
  admit ..."), or in a sentence that opens with a bare "Say" or "Imagine": `hypotheticals`,
  `suppositions`;
- the cue is what a rule obliges someone to do ("the statute requires lobbyists to report their
  clients"): `obligations`, unless the content is a clause the obliging text states ("the forms
  require volunteers to acknowledge that ...");
- the cue is an act still to come ("her deputy will push for a higher wage"): an advocacy
  or announcement not yet made states nothing;
- the cue is in an open question or a condition ("unclear whether the judge would rule that
  ...", "if the mayor says the bridge is safe, ..."): `open_questions`, the conjunctions;
- a verb of evidence whose subject is neither a record nor a speaker ("His popularity shows how
  ...", "the attacks highlight the threat"): the writer's own inference; or, with a speaker as
  subject and no clause, a quality shown or a thing found ("he showed flashes of compassion",
  "she found a new sponsor"): `evidence`, with the speaker nouns of `speakers.json`;
- a vote cast, or to be cast under a rule ("the senator voted against the bill", "delegates
  must vote for the winner"): an act; only an intention ("would vote for", "plans to vote
  for") states a preference: `ballots`;
- a verb of being told ("fans learned that the team would move"): its subject heard the
  words and said nothing: `receptions`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

# Dependencies through which a verb governs the clause of a cue it dominates.
GOVERNED = ("ccomp", "xcomp", "conj", "advcl")
FUTURE = {"will", "'ll", "shall", "wo"}
PERSONAL = {"i", "we", "you", "us", "'s"}


@dataclass(frozen=True, slots=True)
class Senses:
    """The words of the senses in which a cue reports no statement."""

    occasions: Mapping[str, frozenset[str]]
    hypotheticals: frozenset[str]
    suppositions: frozenset[str]
    obligations: frozenset[str]
    open_questions: frozenset[str]
    evidence: frozenset[str] = frozenset()
    displays: frozenset[str] = frozenset()
    # Head nouns of records and of speakers: what may show something.
    records: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    ballots: frozenset[str] = frozenset()
    receptions: frozenset[str] = frozenset()
    intentions: frozenset[str] = frozenset()

    @classmethod
    def of(cls, lexicon: Mapping[str, Any], speakers: Mapping[str, Any] | None = None) -> Senses:
        evidence = lexicon["evidence"]
        speakers = speakers or {}
        speaking = [
            word
            for key in ("anonymous", "person_roles", "organization", "documents")
            for word in speakers.get(key, [])
        ]
        return cls(
            occasions={k: frozenset(v) for k, v in lexicon["occasions"].items()},
            hypotheticals=frozenset(lexicon["hypotheticals"]),
            suppositions=frozenset(lexicon["suppositions"]),
            obligations=frozenset(lexicon["obligations"]),
            open_questions=frozenset(lexicon["open_questions"]),
            evidence=frozenset(evidence["verbs"]),
            displays=frozenset(evidence["displays"]),
            records=frozenset(evidence["records"]),
            speakers=frozenset(speaking),
            quantifiers=frozenset(speakers.get("quantifiers", [])),
            ballots=frozenset(lexicon["ballots"]["verbs"]),
            receptions=frozenset(lexicon["receptions"]),
            intentions=frozenset(lexicon["ballots"]["intentions"]),
        )


def states_nothing(
    verb: Token,
    content: Span,
    senses: Senses,
    quote_of: Sequence[int],
    mention: Span | None = None,
) -> bool:
    """Whether a cue verb, read with this content and speaker `mention`, reports no statement.
    `quote_of` gives each token's quotation (-1 outside any): an imperative or a supposition
    inside a quotation is the quoted speaker's, and leaves a cue outside it alone."""
    chain = _governors(verb)
    governors = [v for v in chain if quote_of[v.i] < 0]
    return (
        _object_not_content(verb, content, senses)
        or any(_imperative(v) for v in governors)
        or _hypothetical(governors[1:], senses)
        or _supposed(verb, content, senses, chain[-1])
        or (
            _obliged(verb, content, senses)
            and all(q < 0 for q in quote_of[content.start : content.end])
        )
        or _act_to_come(verb, content)
        or _in_question(verb, senses)
        or (mention is not None and _no_evidence(verb, content, mention, senses))
        or _ballot_cast(verb, senses)
        or verb.lemma_.lower() in senses.receptions
    )


def _governors(verb: Token) -> list[Token]:
    """The cue verb and the verbs whose clause it is part of, nearest first."""
    chain = [verb]
    while chain[-1].dep_ in GOVERNED and chain[-1].head is not chain[-1] and len(chain) < 6:
        chain.append(chain[-1].head)
    return chain


def _is_clause(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def _object_not_content(verb: Token, content: Span, senses: Senses) -> bool:
    """'addressed a convention of nurses', 'called a hearing for May', 'disclosed their
    medical records': the object names whom the cue was addressed to, what was organised or
    which document was made public. What the cue's object is "called" ("called the meeting a
    sham") is a statement, and so is a clause."""
    nouns = senses.occasions.get(verb.lemma_.lower())
    if not nouns or not any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children):
        return False
    root = content.root
    return not (_is_clause(root) or root.dep_ == "oprd")


def _imperative(verb: Token) -> bool:
    """A verb in the imperative or hortative mood ("Friends, tell me what you believe", "Let's
    say you believe ..."): a bare verb heading its sentence, with no modal and no subject but
    a vocative that opens the sentence ("Friends,") or the "us" of "let's"."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            after = child.right_edge.i + 1
            vocative = (
                child.left_edge.i == verb.left_edge.i
                and after + 1 == verb.i
                and verb.doc[after].text == ","
            )
            if not vocative and not (verb.lemma_.lower() == "let" and child.lower_ in PERSONAL):
                return False
    return True


def _hypothetical(governors: list[Token], senses: Senses) -> bool:
    """A cue under a supposition or a wish ("Suppose you believe ...", "We might wish that the
    rivals would admit ...", "Analysts wish the rivals would admit ..."): what is only
    supposed or wished for was not said, by whoever supposes it."""
    return any(g.lemma_.lower() in senses.hypotheticals for g in governors)


def _supposed(verb: Token, content: Span, senses: Senses, top: Token) -> bool:
    """'Say the city refused that ...', 'Imagine they claimed ...': a sentence opening with a
    bare verb of supposing (which the tagger may not read as a verb) supposes everything in
    it. And a verb of supposing with no clause ("hard to imagine a quieter town") states nothing."""
    if verb.lemma_.lower() in senses.hypotheticals and not _is_clause(content.root):
        return True
    if top.dep_ != "ROOT":
        return False
    first = top.left_edge
    # The tagger reads an opening "Say" as anything from a verb to a name ("Say Mexico").
    return (
        first.i != verb.i
        and first.lower_ in senses.suppositions
        and first.dep_ not in ("nsubj", "nsubjpass")
    )


def _obliged(verb: Token, content: Span, senses: Senses) -> bool:
    """'The statute requires lobbyists to report their clients', 'members are obliged to report
    any gift': what someone must do, not what anyone said. A clause the obliging text makes
    someone state ("the forms require volunteers to acknowledge that ...") is kept, and so is
    a quotation of it."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in senses.obligations:
        return False
    return not _is_clause(content.root)


def _act_to_come(verb: Token, content: Span) -> bool:
    """'Her deputy will push for a higher wage': an act of advocacy still to come, whose
    object is no statement yet. A clause ("will argue that ...") is a statement announced."""
    if not any(c.lower_ in FUTURE and c.dep_ == "aux" for c in verb.lefts):
        return False
    root = content.root
    return not (_is_clause(root) or root.dep_ == "oprd")


def _in_question(verb: Token, senses: Senses) -> bool:
    """'It was unclear whether the judges would rule that ...', 'if she says so': a cue in a
    clause that asks whether, or supposes that, something is said reports no statement."""
    return any(c.dep_ == "mark" and c.lower_ in senses.open_questions for c in verb.children)


def _no_evidence(verb: Token, content: Span, mention: Span, senses: Senses) -> bool:
    """'His popularity shows how deeply the party misjudged', 'the attacks highlight the threat':
    a thing that is neither a record nor a speaker shows only what the writer infers from it.
    'He showed flashes of compassion', 'she found a new sponsor': a speaker who shows or finds
    something with no clause displays a quality or locates a thing, and says nothing. A record
    ('the poll shows Trump leading', 'records show he sold it') or a speaker with a clause
    ('the senator found that ...') reports what it found."""
    lemma = verb.lemma_.lower()
    if lemma not in senses.evidence:
        return False
    head = _subject_head(verb, mention, senses)
    if head.pos_ == "NOUN" and not _witness(head, senses):
        return True
    if lemma not in senses.displays or _is_clause(content.root):
        return False
    return not _named_by(head, senses.records)


def _subject_head(verb: Token, mention: Span, senses: Senses) -> Token:
    """The noun a subject stands for: a relative pronoun's antecedent ('messages that showed')."""
    head = mention.root
    if head.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        head = verb.head
    # "none of the videos", "some of the polls": the noun after "of" is what shows.
    for of in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        if head.lower_ in senses.quantifiers:
            return next((o for o in of.children if o.dep_ == "pobj"), head)
    return head


def _witness(head: Token, senses: Senses) -> bool:
    return _named_by(head, senses.records) or _named_by(head, senses.speakers)


def _named_by(head: Token, nouns: frozenset[str]) -> bool:
    """Whether a noun, or a compound before it ('exit polling'), is one of `nouns`."""
    words = {head.lower_, head.lemma_.lower()}
    words |= {c.lower_ for c in head.children if c.dep_ == "compound"}
    return bool(words & nouns)


def _ballot_cast(verb: Token, senses: Senses) -> bool:
    """'The senator voted against the bill', 'delegates must vote for the winner': a ballot
    cast, or owed, is an act on the record, not a statement. A preference told to a pollster
    or announced ('56 percent would vote for her', 'plans to vote for him') is kept."""
    if verb.lemma_.lower() not in senses.ballots:
        return False
    if verb.dep_ == "xcomp":
        return False
    return not any(c.dep_ == "aux" and c.lower_ in senses.intentions for c in verb.children)
