"""Speaker resolution: the mentions at attribution cues, resolved to one entry per real speaker.

A reader follows the article in order, so the resolver does too: every person the NER finds and
every speaker mention is met in text order, and each mention resolves against what came before.

- A name ("Claire Finkelstein", "Finkelstein", "Mr. Abboud") matches an earlier person whose name
  ends the same way; the longest form is the canonical name.
- "he"/"she" is the most recent person of a compatible gender (gender is learnt from honorifics
  and from the pronouns already resolved to a person); "who" is the noun its clause hangs on.
- "the general", "the attaché", "the commander" match the most recent person whose title or
  apposition carries that noun ("Maj. Gen. X, Ukraine's military attaché").
- Unnamed sources ("a top federal law enforcement officer", "sources") are anonymous speakers;
  a later definite one ("the official") is the most recent anonymous speaker.
- Organizations come from the NER or from organization nouns ("the State Department").

Small models label unfamiliar surnames as ORG or nothing, so names are also read from PROPN
sequences, and a name matching a known person is a person whatever its label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimtrack.lexicons import Overrides
from claimtrack.lexicons import load as load_lexicon
from claimtrack.nlp.annotations import ATTRIBUTIONS, SpeakerInfo, doc_text, register_extensions
from claimtrack.nlp.plural_antecedents import plural_antecedent
from claimtrack.nlp.speaker_context import (
    ArticlePeople,
    in_question,
    interviewee,
    is_given_name_pair,
    main_clause_subject,
    organization_names,
    reported_tokens,
    tokens_spelt,
)
from claimtrack.nlp.speaker_names import ORG_LABELS, NameReader
from claimtrack.nlp.syntax import noun_phrase

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PLURAL_PRONOUNS = {"they", "them", "their", "it", "its"}
RELATIVE = {"who", "which", "that", "whom"}


# The event of a subject that describes a person ("The president said"), read in text order.
DESCRIBED = -2
# A subject naming an organization ("The Trump campaign released ..."), known from then on.
NAMED_ORGANIZATION = -3

# "I" or "we" inside someone's quoted words is that someone.
FIRST_PERSON = {"i", "we", "me", "us"}
# "my father" in the author's voice is the author's relative, not the next person named.
FIRST_PERSON_POSSESSIVE = {"my", "our"}


@Language.factory(
    "claimtrack_speakers",
    assigns=["span._.claimtrack_attribution", "doc._.claimtrack_speakers"],
    requires=["doc.spans", "doc.ents", "token.dep", "token.pos", "token.lemma"],
    default_config={"lexicons": {}},
)
def make_speakers(nlp: Language, name: str, *, lexicons: dict[str, str]) -> SpeakerResolver:
    return SpeakerResolver(lexicons=lexicons)


@dataclass(slots=True, eq=False)
class Entity:
    info: SpeakerInfo
    words: tuple[str, ...] = ()  # lowercased name tokens, for surname matching
    roles: set[str] = field(default_factory=set)  # nouns a definite description may use
    gender: str | None = None
    spoke: bool = False
    subject_at: int = -1  # the last token where this entity was a grammatical subject
    head_word: str = ""  # for unnamed sources: the noun that named them
    order: int = 0  # when the article first named them
    mentions: int = 0  # how often the article has named or meant them so far
    kin: bool = False  # introduced by a family tie to someone ("his wife, Debbie Dunne")
    quoted_name: bool = False  # named so far only in someone's reported words


class SpeakerResolver:
    """Fills the speaker of every attribution the attribution component found, and the
    article's list of speakers (`doc._.claimtrack_speakers`)."""

    def __init__(self, *, lexicons: Overrides | None = None) -> None:
        register_extensions()
        lexicon = load_lexicon("speakers", lexicons)
        self.titles: dict[str, list[str]] = {k.lower(): v for k, v in lexicon["titles"].items()}
        self.title_words = frozenset(self.titles)
        self.role_nouns = frozenset(n for nouns in self.titles.values() for n in nouns)
        self.anonymous = frozenset(lexicon["anonymous"])
        self.organization = frozenset(lexicon["organization"])
        self.quantifiers = frozenset(lexicon.get("quantifiers", []))
        self.female = frozenset(lexicon["female"])
        self.male = frozenset(lexicon["male"])
        self.person_roles = frozenset(lexicon.get("person_roles", []))
        self.kin = frozenset(lexicon["kin"])
        self.female_names = frozenset(lexicon["female_first_names"])
        self.male_names = frozenset(lexicon["male_first_names"])
        self.given_names = self.female_names | self.male_names
        self.not_speakers = frozenset(lexicon["not_speakers"])
        self.names = NameReader(
            titles=self.titles,
            organization=self.organization,
            person_roles=self.person_roles,
            female=self.female,
            male=self.male,
            given=self.given_names,
        )
        self.documents = frozenset(lexicon.get("documents", []))
        self.outlets = frozenset(lexicon.get("outlets", []))
        self.epithets = frozenset(lexicon.get("epithets", []))
        self.group_of: dict[str, int] = {}
        for k, group in enumerate(lexicon.get("anonymous_groups", [])):
            for word in group:
                self.group_of[word] = k

    def __call__(self, doc: Doc) -> Doc:
        attributions = [span._.claimtrack_attribution for span in doc.spans.get(ATTRIBUTIONS, [])]
        contents = list(doc.spans.get(ATTRIBUTIONS, []))
        mentions = [_cue_subject(a.mention, a.cue) for a in attributions]
        speakers, infos = self.resolve(doc, mentions, contents)
        for i, attribution in enumerate(attributions):
            info = infos[i]
            mention = attribution.mention
            if mention is not None and mention.root.lower_ in FIRST_PERSON:
                outer = _enclosing(contents, mention, i)
                if outer is not None and infos[outer] is not None:
                    info = infos[outer]
                    infos[i] = info
            attribution.speaker = info
        doc._.claimtrack_speakers = speakers
        return doc

    def resolve(
        self, doc: Doc, mentions: list[Span | None], contents: list[Span] | None = None
    ) -> tuple[list[SpeakerInfo], list[SpeakerInfo | None]]:
        """The article's speakers, and the speaker of each mention (None for a None mention).
        `contents` are the attributions' contents: names in them are not antecedents."""
        text = doc_text(doc)
        state = _State(
            people=ArticlePeople(
                doc,
                female=self.female_names,
                male=self.male_names,
                titles=self.title_words,
                text=text,
            ),
            reported=reported_tokens(doc, contents or [], text),
            interviewee=interviewee(doc, text),
            organizations=organization_names(doc),
            text=text,
        )
        events: list[tuple[int, int, Span]] = []
        for ent in state.people.spans:
            events.append((ent.start, -1, _with_titles(ent, self.titles)))
        named = {ent.start for ent in state.people.spans}
        for ent in doc.ents:
            # An organization as a sentence's subject may be the next "it" or "they".
            if ent.label_ == "ORG" and ent.start not in named and main_clause_subject(ent):
                events.append((ent.start, -1, ent))
        starts = set()
        for k, mention in enumerate(mentions):
            if mention is not None:
                events.append((mention.start, k, mention))
                starts.add(mention.start)
        for span in self._described_subjects(doc, state.reported):
            if span.start not in starts:
                events.append((span.start, DESCRIBED, span))
        for span in _named_organization_subjects(doc, state.reported, self.organization):
            if span.start not in starts and span.start not in named:
                events.append((span.start, NAMED_ORGANIZATION, span))
        events.sort(key=lambda e: (e[0], e[1]))
        resolved: list[SpeakerInfo | None] = [None] * len(mentions)
        speakers: list[SpeakerInfo] = []
        for _, k, span in events:
            if k == NAMED_ORGANIZATION:
                entity = self._description(span, state)
                if entity is not None:
                    entity.subject_at = span.start
                continue
            if k == DESCRIBED:
                entity = self._subject_description(span, state)
                if entity is not None:
                    entity.subject_at = span.start
                continue
            if k < 0 and state.reported[span.start]:
                # A name in someone's words: known from now on, but not the next "he".
                with state.quietly():
                    self._resolve(span, state, as_speaker=False)
                continue
            entity = self._resolve(span, state, as_speaker=k >= 0)
            if entity is not None and (k >= 0 or main_clause_subject(span)):
                entity.subject_at = span.start
            if k < 0 or entity is None:
                continue
            alias = _alias(span)
            if alias and alias != entity.info.name and alias not in entity.info.aliases:
                entity.info.aliases.append(alias)
            if not entity.spoke:
                entity.spoke = True
                speakers.append(entity.info)
            resolved[k] = entity.info
        _delayed_names(text, mentions, resolved, speakers)
        return speakers, resolved

    def _described_subjects(self, doc: Doc, reported: list[bool]) -> Iterator[Span]:
        """Main-clause subjects that describe a person by title or epithet ("The president
        told reporters", "The Republican nominee continues to insist")."""
        for token in tokens_spelt(doc, self.epithets | self.role_nouns):
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and token.pos_ == "NOUN"
                and not reported[token.i]
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            ):
                span = noun_phrase(token)
                if main_clause_subject(span) and not any(t.pos_ == "PROPN" for t in span):
                    yield span

    # --- one mention ---------------------------------------------------------------------------

    def _resolve(self, span: Span, state: _State, *, as_speaker: bool) -> Entity | None:
        span = _without_dateline(span)
        if not len(span):
            return None
        root = span.root
        lower = root.lower_
        if root.pos_ == "PRON" or lower in PERSON_PRONOUNS or lower in RELATIVE:
            return self._pronoun(root, state) if as_speaker else None
        name = self.names.name(span)
        if name is None and len(span) == 1 and root.text.startswith("@") and len(root) > 1:
            name = span  # a handle signing a post ("— @annlee") is the name it goes by
        if name is None and root.i in state.people.bare:
            name = state.people.bare[root.i]  # a surname the NER missed ("Meadows said")
        elif (
            name is None
            and len(span) == 1
            and root.text[:1].isupper()
            and state.people.called(root.lower_) is not None
        ):
            name = span  # "Wines believes", tagged as a plural noun: Leslie Wimes
        if name is not None:
            return self._named(span, name, state)
        if not as_speaker:
            return None
        return self._description(span, state)

    def _pronoun(self, token: Token, state: _State) -> Entity | None:
        lower = token.lower_
        if lower in RELATIVE:
            # "X, who spoke to reporters, said": the relative clause's noun.
            verb = token.head
            noun = verb.head if verb.dep_ in ("relcl", "acl") else None
            if noun is None or noun is verb:
                return None
            return self._resolve(noun_phrase(noun), state, as_speaker=True)
        gender = PERSON_PRONOUNS.get(lower)
        if gender is not None:
            # The most recent person who was the subject of a sentence is the likeliest
            # antecedent; a person only mentioned in passing comes after.
            compatible = [e for e in state.persons if e.gender in (None, gender)]
            if not compatible:
                return None
            subjects = [e for e in compatible if e.subject_at >= 0]
            entity = max(subjects, key=lambda e: e.subject_at) if subjects else compatible[-1]
            entity.gender = gender
            state.touch(entity)
            return entity
        if lower in FIRST_PERSON and not state.reported[token.i]:
            # "I" answering in a Q&A is the interviewee; asking, the interviewer (the author).
            # Elsewhere "I" or "we" in no one's words is the article's own voice.
            if state.interviewee is not None and not in_question(token.doc, token.i):
                return self._resolve(state.interviewee, state, as_speaker=True)
            return state.author(token.doc)
        if lower == "they":
            group = _plural_group(self, token, state)
            if group is not None:
                return group
        if lower in PLURAL_PRONOUNS:
            # "they"/"it" is a group or an organization, not a person.
            return state.recent_speaker(exclude="person")
        if lower in self.quantifiers:
            # "some", "others", "many" that speak: part of an unnamed group of people.
            return self._description(token.doc[token.i : token.i + 1], state)
        return None

    def _named(self, span: Span, name: Span, state: _State) -> Entity:
        words = tuple(t.lower_ for t in name if not t.is_punct)
        text = name.text
        role, role_words, gender = self.names.role(span, name)
        kind = self.names.kind(span, name)
        if len(words) == 1 and not state.people.knows(words, fuller=True):
            # "Melania" alone, or "Wines" one letter off "Leslie Wimes": the person named so.
            other = state.people.called(words[0])
            if other is not None:
                words, text, kind = other.words, other.text, "person"
        if kind == "organization" and (
            state.people.knows(words)
            or is_given_name_pair(name, self.female_names | self.male_names)
        ):
            # A surname the NER took for an organization, of a person the article names.
            kind = "person"
        gender = gender or state.people.gender_of(words)
        if kind == "organization" and len(words) == 1 and _article_in_name(state.text, text):
            text = f"The {text}"  # "told The Hill": the article is part of the name
        entity = state.match_name(words, gender) if kind == "person" else state.match_org(words)
        if entity is None and kind != "person":
            entity = state.match_name(words, gender)
        if entity is None and kind == "organization":
            # "the Times" after "the Tampa Bay Times": the full name met last before it.
            fuller = [
                o
                for o in state.organizations
                if o.end <= span.start
                and len(o) > len(words)
                and _org_words(o)[-len(words) :] == words
            ]
            if fuller:
                words, text = _org_words(fuller[-1]), fuller[-1].text
                entity = state.match_org(words)
        if entity is None and kind == "person":
            # "Dunne" before or without "Mark Dunne": the person the article names in full.
            full = state.people.fullest(words, gender, at=span.start)
            if full is not None:
                entity = state.match_name(full.words, gender)
                if entity is None:
                    info = SpeakerInfo(name=full.text, kind=kind)
                    entity = Entity(info=info, words=full.words, gender=full.gender)
                    state.add(entity)
        if entity is None:
            info = SpeakerInfo(name=text, kind=kind)
            entity = Entity(info=info, words=words, gender=state.people.gender_of(words))
            entity.kin = _introduced_as_kin(name, self.kin)
            entity.quoted_name = state.quiet
            state.add(entity)
        elif (
            entity.info.kind == "person"
            and not state.quiet
            and (len(words) > len(entity.words) or (entity.quoted_name and len(words) > 1))
        ):
            # The fuller name becomes the canonical one, and the article's own form replaces
            # one met only in someone's words ("Crooked Anna Price" in a rival's tweet).
            entity.quoted_name = False
            if entity.info.name not in entity.info.aliases:
                entity.info.aliases.append(entity.info.name or "")
            entity.info.name = text
            entity.words = words
        if role and not entity.info.role:
            entity.info.role = role
        entity.roles |= role_words
        if gender and not entity.gender:
            entity.gender = gender
        state.touch(entity)
        return entity

    def _description(self, span: Span, state: _State) -> Entity | None:
        root = _group_head(span.root, self.quantifiers)
        head = root.lemma_.lower()
        word = root.lower_
        if head in self.documents or word in self.documents:
            # "Her submission to the court noted", "Price's brief said", "A Planet editorial
            # said": a document speaks for the one who issued it.
            issuer = _issuer(self, root, state)
            if issuer is not None:
                return issuer
        if head in self.not_speakers or word in self.not_speakers or _heading(span):
            # Page furniture ("Video") and headings ("THE BORROWING") never speak.
            return None
        if head in self.kin and any(
            c.dep_ == "poss" and c.lower_ not in FIRST_PERSON_POSSESSIVE for c in root.children
        ):
            # "His son said ... The son, Daniel Reyes, ...": the person named next.
            # Not a name in someone's words ("my father referred to Martin Luther King as").
            people = [p for p in state.people.spans if not state.reported[p.start]]
            next_named = _next_person(span, people)
            if next_named is not None:
                return self._resolve(next_named, state, as_speaker=True)
        definite = any(
            t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in root.children
        ) or _headline_title(span, root, self.titles)
        named = any(t.pos_ == "PROPN" for t in span)
        group = self.group_of.get(word, self.group_of.get(head))
        if definite and group is not None and not named:
            # "the official" after "a top federal law enforcement officer": the same source.
            for entity in reversed(state.entities):
                if entity.info.kind == "anonymous" and self.group_of.get(entity.head_word) == group:
                    state.touch(entity)
                    return entity
        if definite and not named and len(_strip_det(span)) == 1 and head in self.outlets:
            # "The newspaper has also detailed ...": the outlet the article just named.
            outlet = _last_named_organization(self, span, state)
            if outlet is not None:
                return outlet
        if definite and head not in self.organization:
            for entity in reversed(state.persons):
                if head in entity.roles or word in entity.roles:
                    state.touch(entity)
                    return entity
            # "the governor" before "Gov. Laura Finch" is named: the titled person after.
            titled = self._titled_later(span, {head, word}, state)
            if titled is not None:
                return titled
            if not named and head in self.epithets:
                described = self._described(root, state)
                if described is not None:
                    return described
        text = _strip_det(span).text
        if (
            word in self.anonymous
            or head in self.anonymous
            or word in self.quantifiers
            or word in self.person_roles
            or head in self.person_roles
            or _people_by_nation(span, root, self.organization)
        ):
            entity = Entity(info=SpeakerInfo(name=span.text, kind="anonymous"), head_word=word)
            state.add(entity)
            return entity
        if (
            word in self.organization
            or head in self.organization
            or any(t.ent_type_ in ORG_LABELS for t in span)
        ):
            words = tuple(t.lower_ for t in _strip_det(span))
            known = state.match_org(words)
            if known is not None:
                return known
            entity = Entity(info=SpeakerInfo(name=text, kind="organization"), words=words)
            state.add(entity)
            return entity
        if not named and root.pos_ != "PRON" and root.tag_ not in ("NNS", "NNPS"):
            # "The observatory's massive size shows ...": a thing, not a speaker to name. A
            # plural that speaks ("Rebels said", "residents told") is a group of people.
            entity = Entity(info=SpeakerInfo(name=None, kind="unknown"))
        else:
            entity = Entity(info=SpeakerInfo(name=span.text, kind="unknown"))
        state.add(entity)
        return entity

    def _described(self, root: Token, state: _State) -> Entity | None:
        """The person an epithet ("the Republican nominee", "the former first lady") stands
        for: the one the article has mentioned most so far, of the gender the noun gives."""
        word = root.lower_
        gender = "f" if word in ("lady", "actress") or word.endswith("woman") else None
        if gender is None and word.endswith("man"):
            gender = "m"
        people = [e for e in state.persons if gender is None or e.gender in (None, gender)]
        if not people:
            return None
        # Most recent last: max keeps the first of equals, so walk from the most recent.
        entity = max(reversed(people), key=lambda e: e.mentions)
        state.touch(entity)
        return entity

    def _subject_description(self, span: Span, state: _State) -> Entity | None:
        """A known person a sentence's subject describes ("The president said", "The
        Republican nominee continues"), which makes them the next "he"; never a new one."""
        root = span.root
        head, word = root.lemma_.lower(), root.lower_
        for entity in reversed(state.persons):
            if head in entity.roles or word in entity.roles:
                state.touch(entity)
                return entity
        if head in self.epithets:
            return self._described(root, state)
        return None

    def _titled_later(self, span: Span, nouns: set[str], state: _State) -> Entity | None:
        for ent in state.people.spans:
            if ent.start < span.end:
                continue
            titled = _with_titles(ent, self.titles)
            _, role_words, _ = self.names.role(titled, ent)
            if nouns & role_words:
                return self._resolve(titled, state, as_speaker=True)
        return None


@dataclass(slots=True)
class _State:
    people: ArticlePeople
    reported: list[bool]
    interviewee: Span | None = None
    entities: list[Entity] = field(default_factory=list)
    persons: list[Entity] = field(default_factory=list)  # most recent last
    recent: list[Entity] = field(default_factory=list)
    quiet: bool = False  # reading names in someone's reported words
    text: str = ""  # the article's text
    organizations: list[Span] = field(default_factory=list)  # full names, in text order

    def author(self, doc: Doc) -> Entity:
        """The article's own voice, named from the byline when there is one."""
        for entity in self.entities:
            if entity.info.kind == "author":
                return entity
        authors = doc._.claimtrack_authors or []
        entity = Entity(info=SpeakerInfo(name=", ".join(authors) or None, kind="author"))
        self.add(entity)
        return entity

    def add(self, entity: Entity) -> None:
        entity.order = len(self.entities)
        self.entities.append(entity)
        self.touch(entity)

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Entities met inside come to know, but not to be the most recent: after it the
        order of recency is as before, with newcomers at its far end."""
        persons, recent = list(self.persons), len(self.recent)
        self.quiet = True
        try:
            yield
        finally:
            self.quiet = False
        newcomers = [e for e in self.persons if e not in persons]
        self.persons = newcomers + persons
        del self.recent[recent:]

    def touch(self, entity: Entity) -> None:
        entity.mentions += 1
        if entity.info.kind == "person":
            if entity in self.persons:
                self.persons.remove(entity)
            self.persons.append(entity)
        self.recent.append(entity)

    def recent_speaker(self, exclude: str | None = None) -> Entity | None:
        """The most recent entity that spoke or was a sentence's subject ("PolitiFact did a
        fact-check ... they published"); not the article's own voice, nor a thing that speaks
        for someone ("The Security Council issued a statement. The statement noted ...,"
        they said": the council)."""
        for entity in reversed(self.recent):
            kind = entity.info.kind
            if kind == exclude or kind == "author" or (kind == "unknown" and not entity.info.name):
                continue
            if entity.spoke or entity.subject_at >= 0:
                return entity
        return None

    def match_name(self, words: tuple[str, ...], gender: str | None = None) -> Entity | None:
        """The person a name means. When several share it ("Johnson" with Gary and Jeh
        Johnson), the same full name wins, then the honorific's gender, then one not
        introduced as someone's relative ("his wife, Debbie Dunne": a relative is named in
        full each time), then the one met most recently."""
        if not words:
            return None
        candidates = [e for e in self.persons if _same_name(words, e.words)]
        if gender is not None:
            # "Michelle Obama" is not the "Mr. Obama" met before her.
            candidates = [e for e in candidates if e.gender in (None, gender)]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        exact = [e for e in candidates if e.words == words]
        if exact:
            return exact[-1]
        principal = [e for e in candidates if not e.kin]
        return (principal or candidates)[-1]

    def match_org(self, words: tuple[str, ...]) -> Entity | None:
        """The organization of that name; for a bare head noun ("the campaign"), the most
        recent organization whose name ends with it ("Trump campaign")."""
        for entity in reversed(self.entities):
            if entity.info.kind == "organization" and entity.words == words:
                return entity
        if len(words) == 1:
            for entity in reversed(self.entities):
                if entity.info.kind == "organization" and entity.words[-1:] == words:
                    return entity
        return None


def _named_organization_subjects(
    doc: Doc, reported: list[bool], organization: frozenset[str]
) -> Iterator[Span]:
    """Main-clause subjects that name an organization by a name and an organization noun
    ("The Trump campaign released a new ad"), which the NER may not call ORG: "the
    campaign" after it is that campaign, whether or not it spoke."""
    for token in doc:
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.pos_ == "NOUN"
            and token.lemma_.lower() in organization
            and not reported[token.i]
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
        ):
            span = noun_phrase(token)
            if main_clause_subject(span):
                yield span


def _plural_group(resolver: SpeakerResolver, token: Token, state: _State) -> Entity | None:
    """The group a speaking "they" refers to (`plural_antecedent`): several people named
    together are one speaker named by their names ("Obama and Clinton")."""
    antecedent = plural_antecedent(token, state.reported)
    if antecedent is None:
        return None
    root = antecedent.root
    members = [root, *(c for c in root.subtree if c.dep_ == "conj" and c.head.i >= root.i)]
    if len(members) == 1:
        if root.tag_ == "NNS":
            # "McConnell aides ... they emphasized": the aides, not McConnell.
            return resolver._description(antecedent, state)
        return resolver._resolve(antecedent, state, as_speaker=True)
    names = []
    with state.quietly():
        for member in members:
            entity = resolver._resolve(noun_phrase(member), state, as_speaker=False)
            if entity is None or entity.info.kind != "person" or not entity.info.name:
                return None
            names.append(entity.info.name)
    name = " and ".join(names)
    for entity in state.entities:
        if entity.info.name == name:
            state.touch(entity)
            return entity
    entity = Entity(info=SpeakerInfo(name=name, kind="anonymous"))
    state.add(entity)
    return entity


def _last_named_organization(resolver: SpeakerResolver, span: Span, state: _State) -> Entity | None:
    """The organization or publication named last before a mention in its paragraph,
    outside anyone's words ("... reported by The Riverside Ledger. The newspaper has also
    said ..."), or None."""
    doc = span.doc
    start = state.text.rfind("\n", 0, span.start_char)
    for ent in reversed(doc.ents):
        if ent.end > span.start:
            continue
        if ent.start_char < start:
            break
        if ent.label_ in ("ORG", "WORK_OF_ART") and not state.reported[ent.start]:
            return resolver._resolve(ent, state, as_speaker=True)
    return None


def _issuer(resolver: SpeakerResolver, root: Token, state: _State) -> Entity | None:
    """Who issued a document: its possessor, the maker after "by", or the proper name
    before it."""
    doc = root.doc
    for child in root.children:
        if child.dep_ == "poss":
            if child.pos_ == "PRON":
                return resolver._pronoun(child, state)
            end = child.i + 1
            return resolver._resolve(doc[child.left_edge.i : end], state, as_speaker=True)
        if child.dep_ == "prep" and child.lower_ == "by":
            makers = [c for c in child.children if c.dep_ == "pobj"]
            if makers:
                return resolver._resolve(noun_phrase(makers[0]), state, as_speaker=True)
    names = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        span = doc[names[0].left_edge.i : names[-1].i + 1]
        words = tuple(t.lower_ for t in span)
        known = state.match_org(words) or state.match_name(words)
        if known is not None:
            state.touch(known)
            return known
    return None


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two person names match when one ends the other ("finkelstein" / "claire finkelstein")."""
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[-len(short) :] == short


def _article_in_name(text: str, name: str) -> bool:
    """Whether the article writes "The" capitalised before a one-word name in mid-sentence
    ("told The Hill", "according to The Atlantic"): then the article is part of the name,
    as in the titles of publications, and "Hill" alone would name someone else."""
    return re.search(rf"[a-z0-9,;:][ \t]+The[ \t]+{re.escape(name)}\b", text) is not None


def _strip_det(span: Span) -> Span:
    while len(span) > 1 and span[0].dep_ == "det":
        span = span[1:]
    return span


def _alias(span: Span) -> str:
    """How a mention names its speaker, without an apposition or relative clause after a
    comma ("Claire Finkelstein, the founder of ..." -> "Claire Finkelstein"), and a name without
    what follows it ("Maliar on social media" -> "Maliar")."""
    root = span.root
    if root.pos_ == "PROPN" and root.i + 1 < span.end:
        return span.doc[span.start : root.i + 1].text.strip()
    for token in span:
        if token.text == "," and token.i > span.start:
            return span.doc[span.start : token.i].text.strip()
    return span.text.strip()


def _with_titles(ent: Span, titles: dict[str, list[str]]) -> Span:
    """A person's name with the title words before it on its line ("Gov. Laura Finch",
    "Ohio Governor John Kasich"), so the roles they give are learnt."""
    doc = ent.doc
    start = ent.start
    while start > 0:
        prev = doc[start - 1]
        if "\n" in prev.text_with_ws or not (
            prev.lower_ in titles or (prev.dep_ == "compound" and prev.head.i >= ent.start)
        ):
            break
        start -= 1
    return doc[start : ent.end]


def _group_head(root: Token, quantifiers: frozenset[str]) -> Token:
    """The noun that says who a part of a group is ("many of the men" -> men): a
    quantifier's kind is its "of" object's."""
    for _ in range(2):
        if root.lower_ not in quantifiers:
            break
        objects = [
            o
            for c in root.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        if not objects:
            break
        root = objects[0]
    return root


def _people_by_nation(span: Span, root: Token, organization: frozenset[str]) -> bool:
    """People named by what they do ("Two Democratic speechwriters", "Syrian refugees"), with
    a party or a nation before them, are a group of people, not an organization."""
    if (
        root.tag_ != "NNS"
        or root.lemma_.lower() in organization
        or root.lower_ in organization
        or root.ent_type_
    ):
        return False
    labelled = [t for t in span if t.ent_type_ in ORG_LABELS]
    return bool(labelled) and all(t.ent_type_ in ("NORP", "GPE") for t in labelled)


def _heading(span: Span) -> bool:
    """A mention in capitals ("THE BORROWING") is a section heading the parser joined on."""
    letters = [t for t in span if t.is_alpha]
    return len(letters) >= 2 and all(t.is_upper for t in letters)


def _delayed_names(
    text: str,
    mentions: list[Span | None],
    resolved: list[SpeakerInfo | None],
    speakers: list[SpeakerInfo],
) -> None:
    """A lede that names its speaker only by a description ("A former party chairman says
    ...") names them in the next paragraph ('"...," said Don Fowler'): the news convention
    of delayed identification. Only in the headline and the lede."""
    for lede, mention in enumerate(mentions):
        info = resolved[lede]
        if mention is None:
            continue
        paragraph = text.count("\n\n", 0, mention.start_char)
        if paragraph > 1:
            return
        root = mention.root
        if info is None or info.kind != "anonymous" or root.tag_ != "NN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children):
            continue
        end = text.find("\n\n", mention.end_char)
        limit = text.find("\n\n", end + 2) if end >= 0 else -1
        for k in range(lede + 1, len(mentions)):
            later, named = mentions[k], resolved[k]
            if later is None or (limit >= 0 and later.start_char > limit):
                break
            if named is not None and named.kind == "person" and named.name:
                named.aliases.append(_alias(mention))
                resolved[lede] = named
                if info in speakers and info not in resolved:
                    speakers.remove(info)
                break


def _introduced_as_kin(name: Span, kin: frozenset[str]) -> bool:
    """Whether a name is introduced by a family tie ("his wife, Debbie Dunne", "Debbie
    Dunne, his wife")."""
    root = name.root
    ties = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        ties.append(root.head)
    return any(t.lemma_.lower() in kin or t.lower_ in kin for t in ties)


def _org_words(span: Span) -> tuple[str, ...]:
    return tuple(t.lower_ for t in span if not t.is_punct)


def _cue_subject(mention: Span | None, cue: Span | None) -> Span | None:
    """The words that name the speaker: "the system, which advocates say disadvantages
    schools" is said by the advocates, not by the system the "which" stands for."""
    if mention is None or cue is None or mention.root.lower_ not in RELATIVE:
        return mention
    subjects = [c for c in cue.root.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    if subjects and not (mention.start <= subjects[0].i < mention.end):
        return noun_phrase(subjects[0])
    return mention


def _without_dateline(span: Span) -> Span:
    """A mention without the dateline the parser joined to it ("WASHINGTON -- President
    Obama" is President Obama)."""
    if len(span) < 3 or not span[0].is_upper:
        return span
    for token in span[:4]:
        if token.is_punct and token.text in ("--", "—", "–", "-") and token.i > span.start:
            before = span.doc[span.start : token.i]
            if all(t.is_upper or t.is_punct for t in before if not t.is_space):
                return span.doc[token.i + 1 : span.end]
            break
    return span


def _headline_title(span: Span, root: Token, titles: dict[str, list[str]]) -> bool:
    """A title with no article that opens a headline's line ("Senator from Texas says"):
    headlines drop "the"."""
    doc = span.doc
    starts_line = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    no_det = not any(t.dep_ == "det" for t in root.children)
    return starts_line and no_det and root.text[:1].isupper() and root.lower_ in titles


def _next_person(mention: Span, people: list[Span]) -> Span | None:
    """The first person named after a mention, in its sentence or the next one."""
    doc = mention.doc
    sent = mention.sent
    limit = sent.end
    if limit < len(doc):
        limit = doc[limit].sent.end
    for ent in people:
        if mention.end <= ent.start < limit:
            return ent
    return None


def _enclosing(contents: list[Span], mention: Span, i: int) -> int | None:
    """The earlier attribution whose content holds attribution i's mention."""
    for j in range(i - 1, -1, -1):
        content = contents[j]
        if content.start <= mention.start and mention.end <= content.end:
            return j
    return None
