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

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimtrack.lexicons import Overrides
from claimtrack.lexicons import load as load_lexicon
from claimtrack.nlp.annotations import ATTRIBUTIONS, SpeakerInfo, register_extensions
from claimtrack.nlp.speaker_context import (
    ArticlePeople,
    in_question,
    interviewee,
    is_given_name_pair,
    main_clause_subject,
    reported_tokens,
)
from claimtrack.nlp.syntax import noun_phrase

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PLURAL_PRONOUNS = {"they", "them", "their", "it", "its"}
RELATIVE = {"who", "which", "that", "whom"}
ORG_LABELS = {"ORG", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"}


# "I" or "we" inside someone's quoted words is that someone.
FIRST_PERSON = {"i", "we", "me", "us"}


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


class SpeakerResolver:
    """Fills the speaker of every attribution the attribution component found, and the
    article's list of speakers (`doc._.claimtrack_speakers`)."""

    def __init__(self, *, lexicons: Overrides | None = None) -> None:
        register_extensions()
        lexicon = load_lexicon("speakers", lexicons)
        self.titles: dict[str, list[str]] = {k.lower(): v for k, v in lexicon["titles"].items()}
        self.title_words = frozenset(self.titles)
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
        self.group_of: dict[str, int] = {}
        for k, group in enumerate(lexicon.get("anonymous_groups", [])):
            for word in group:
                self.group_of[word] = k

    def __call__(self, doc: Doc) -> Doc:
        attributions = [span._.claimtrack_attribution for span in doc.spans.get(ATTRIBUTIONS, [])]
        contents = list(doc.spans.get(ATTRIBUTIONS, []))
        speakers, infos = self.resolve(doc, [a.mention for a in attributions], contents)
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
        text = doc.text  # spaCy joins it token by token on each call: once is enough
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
        )
        events: list[tuple[int, int, Span]] = []
        for ent in state.people.spans:
            events.append((ent.start, -1, _with_titles(ent, self.titles)))
        named = {ent.start for ent in state.people.spans}
        for ent in doc.ents:
            # An organization as a sentence's subject may be the next "it" or "they".
            if ent.label_ == "ORG" and ent.start not in named and main_clause_subject(ent):
                events.append((ent.start, -1, ent))
        for k, mention in enumerate(mentions):
            if mention is not None:
                events.append((mention.start, k, mention))
        events.sort(key=lambda e: (e[0], e[1]))
        resolved: list[SpeakerInfo | None] = [None] * len(mentions)
        speakers: list[SpeakerInfo] = []
        for _, k, span in events:
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
            text = _alias(span)
            if text and text != entity.info.name and text not in entity.info.aliases:
                entity.info.aliases.append(text)
            if not entity.spoke:
                entity.spoke = True
                speakers.append(entity.info)
            resolved[k] = entity.info
        return speakers, resolved

    # --- one mention ---------------------------------------------------------------------------

    def _resolve(self, span: Span, state: _State, *, as_speaker: bool) -> Entity | None:
        if not len(span):
            return None
        root = span.root
        lower = root.lower_
        if root.pos_ == "PRON" or lower in PERSON_PRONOUNS or lower in RELATIVE:
            return self._pronoun(root, state) if as_speaker else None
        name = self._name(span)
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
        if lower in FIRST_PERSON and state.interviewee is not None:
            # "I" answering in a Q&A is the interviewee; asking, the interviewer (the author).
            doc = token.doc
            if not state.reported[token.i] and not in_question(doc, token.i):
                return self._resolve(state.interviewee, state, as_speaker=True)
            return None
        if lower in PLURAL_PRONOUNS:
            # "they"/"it" is a group or an organization, not a person.
            return state.recent_speaker(exclude="person")
        if lower in self.quantifiers:
            # "some", "others", "many" that speak: part of an unnamed group of people.
            return self._description(token.doc[token.i : token.i + 1], state)
        return None

    def _named(self, span: Span, name: Span, state: _State) -> Entity:
        words = tuple(t.lower_ for t in name if not t.is_punct)
        role, role_words, gender = self._role(span, name)
        kind = self._name_kind(span, name)
        if kind == "organization" and (
            state.people.knows(words)
            or is_given_name_pair(name, self.female_names | self.male_names)
        ):
            # A surname the NER took for an organization, of a person the article names.
            kind = "person"
        gender = gender or state.people.gender_of(words)
        entity = state.match_name(words, gender) if kind == "person" else state.match_org(words)
        if entity is None and kind != "person":
            entity = state.match_name(words, gender)
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
            info = SpeakerInfo(name=name.text, kind=kind)
            entity = Entity(info=info, words=words, gender=state.people.gender_of(words))
            state.add(entity)
        elif len(words) > len(entity.words) and entity.info.kind == "person":
            if entity.info.name not in entity.info.aliases:
                entity.info.aliases.append(entity.info.name or "")
            entity.info.name = name.text
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
        if head in self.not_speakers or word in self.not_speakers or _heading(span):
            # Page furniture ("Video") and headings ("THE BORROWING") never speak.
            return None
        if head in self.kin and any(c.dep_ == "poss" for c in root.children):
            # "His son said ... The son, Daniel Reyes, ...": the person named next.
            next_named = _next_person(span, state.people.spans)
            if next_named is not None:
                return self._resolve(next_named, state, as_speaker=True)
        definite = any(
            t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in root.children
        )
        named = any(t.pos_ == "PROPN" for t in span)
        group = self.group_of.get(word, self.group_of.get(head))
        if definite and group is not None and not named:
            # "the official" after "a top federal law enforcement officer": the same source.
            for entity in reversed(state.entities):
                if entity.info.kind == "anonymous" and self.group_of.get(entity.head_word) == group:
                    state.touch(entity)
                    return entity
        if definite and head not in self.organization:
            for entity in reversed(state.persons):
                if head in entity.roles or word in entity.roles:
                    state.touch(entity)
                    return entity
            # "the governor" before "Gov. Laura Finch" is named: the titled person after.
            titled = self._titled_later(span, {head, word}, state)
            if titled is not None:
                return titled
        text = _strip_det(span).text
        if (
            word in self.anonymous
            or head in self.anonymous
            or word in self.quantifiers
            or word in self.person_roles
            or head in self.person_roles
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

    def _titled_later(self, span: Span, nouns: set[str], state: _State) -> Entity | None:
        for ent in state.people.spans:
            if ent.start < span.end:
                continue
            titled = _with_titles(ent, self.titles)
            _, role_words, _ = self._role(titled, ent)
            if nouns & role_words:
                return self._resolve(titled, state, as_speaker=True)
        return None

    # --- names ---------------------------------------------------------------------------------

    def _name(self, span: Span) -> Span | None:
        """The proper name inside a mention, without titles: a PERSON entity when the NER has
        one, else the run of proper nouns ending at the mention's head (or its apposition)."""
        root = span.root
        if root.pos_ == "NOUN" and root.lemma_.lower() in self.organization:
            # "the Clinton campaign" is the campaign, not Clinton.
            return None
        if root.pos_ != "PROPN":
            for child in root.children:
                if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i < span.end:
                    root = child
                    break
            else:
                for t in span:
                    # Not a possessor: "Putin's war" is not Putin.
                    if t.ent_type_ == "PERSON" and "poss" not in (t.dep_, t.head.dep_):
                        root = t
                        break
                else:
                    return None
        root = _last_named(span, root)
        if root.ent_type_ == "PERSON":
            doc = span.doc
            start = root.i
            while (
                start > span.start
                and doc[start - 1].ent_type_ == "PERSON"
                and doc[start - 1].ent_iob_ != "O"
            ):
                if doc[start].ent_iob_ == "B":
                    break
                start -= 1
            end = root.i + 1
            while end < span.end and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I":
                end += 1
            name = doc[start:end]
        else:
            doc = span.doc
            start = root.i
            while (
                start > span.start
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].lower_ not in self.titles
            ):
                start -= 1
            end = root.i + 1
            # "the Association of Flight Attendants": a name runs on over "of" and proper nouns.
            while (
                end + 1 < span.end
                and doc[end].lower_ in ("of", "for")
                and doc[end + 1].pos_ == "PROPN"
                and root.ent_type_ != "PERSON"
            ):
                end += 2
                while end < span.end and doc[end].pos_ == "PROPN":
                    end += 1
            name = doc[start:end]
        while len(name) > 1 and name[0].lower_ in self.titles:
            name = name[1:]
        while len(name) > 1 and (name[-1].is_punct or name[-1].lower_ in ("'s", "’s")):
            name = name[:-1]
        if name[0].lower_ in self.titles and len(name) == 1:
            return None
        return name

    def _name_kind(self, span: Span, name: Span) -> str:
        words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
        if any(t.ent_type_ == "PERSON" for t in name):
            return "person"
        if (
            name.root.ent_type_ == "NORP"
            and name.root.tag_ in ("NNS", "NNPS")
            and not any(c.dep_ == "det" and c.lower_ == "the" for c in name.root.children)
        ):
            # "About 1,000 Canadians": people named by their nationality, not a body; "the
            # Ukrainians" is the nation, its side in a conflict (an organization).
            return "anonymous"
        # "Hanna Maliar, Ukraine's deputy minister" / "paratrooper X": a role makes a person,
        # whatever label the NER gave the name.
        appositions = [c for c in name.root.children if c.dep_ == "appos"]
        if span.root is not name.root:
            appositions.append(span.root)
        if any(a.lemma_.lower() in self.person_roles for a in appositions):
            return "person"
        if any(t.lower_ in self.person_roles for t in span if t.i < name.start):
            return "person"
        if any(t.lower_ in self.titles for t in span if t.i < name.start):
            return "person"
        if words & self.organization or any(t.ent_type_ in ORG_LABELS for t in name):
            return "organization"
        if any(t.dep_ == "det" and t.lower_ == "the" for t in span.root.children):
            return "organization"
        return "person"

    def _role(self, span: Span, name: Span) -> tuple[str | None, set[str], str | None]:
        """A person's role from an apposition or from the title words before the name; the
        nouns a later "the <noun>" may use for them; the gender an honorific gives."""
        role: str | None = None
        nouns: set[str] = set()
        gender: str | None = None
        doc = span.doc
        name_root = name.root
        for child in name_root.children:
            if child.dep_ == "appos" and child.i > name.end - 1:
                end = child.right_edge.i + 1
                for grandchild in child.rights:
                    if grandchild.dep_ in ("relcl", "acl"):
                        end = min(end, grandchild.left_edge.i)
                appos = doc[child.left_edge.i : end]
                role = _trim_punct(appos).text
                nouns.add(child.lemma_.lower())
                nouns.add(child.lower_)
        # The mention's head is a role noun with the name in apposition ("Ukraine's deputy
        # minister, Hanna Maliar").
        if span.root is not name_root and span.root.i < name.start:
            head = span.root
            role = role or _trim_punct(doc[span.start : head.i + 1]).text
            nouns.add(head.lemma_.lower())
        before = [t for t in doc[span.start : name.start] if not t.is_punct and t.dep_ != "det"]
        for t in before:
            low = t.lower_
            nouns.update(self.titles.get(low, []))
            nouns.add(t.lemma_.lower())
            if low in self.female:
                gender = "f"
            elif low in self.male:
                gender = "m"
        titled = [t for t in before if t.lower_ not in self.female | self.male]
        if titled and role is None:
            role = doc[titled[0].i : name.start].text.strip()
        return role, nouns, gender


@dataclass(slots=True)
class _State:
    people: ArticlePeople
    reported: list[bool]
    interviewee: Span | None = None
    entities: list[Entity] = field(default_factory=list)
    persons: list[Entity] = field(default_factory=list)  # most recent last
    recent: list[Entity] = field(default_factory=list)

    def add(self, entity: Entity) -> None:
        entity.order = len(self.entities)
        self.entities.append(entity)
        self.touch(entity)

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Entities met inside come to know, but not to be the most recent: after it the
        order of recency is as before, with newcomers at its far end."""
        persons, recent = list(self.persons), len(self.recent)
        yield
        newcomers = [e for e in self.persons if e not in persons]
        self.persons = newcomers + persons
        del self.recent[recent:]

    def touch(self, entity: Entity) -> None:
        if entity.info.kind == "person":
            if entity in self.persons:
                self.persons.remove(entity)
            self.persons.append(entity)
        self.recent.append(entity)

    def recent_speaker(self, exclude: str | None = None) -> Entity | None:
        """The most recent entity that spoke or was a sentence's subject ("PolitiFact did a
        fact-check ... they published")."""
        for entity in reversed(self.recent):
            if (entity.spoke or entity.subject_at >= 0) and entity.info.kind != exclude:
                return entity
        return None

    def match_name(self, words: tuple[str, ...], gender: str | None = None) -> Entity | None:
        """The person a name means. When several share it ("Dunne" with Mark and Debbie
        Dunne), the same full name wins, then the honorific's gender, then the one the
        article introduced first: a second family member is named in full each time."""
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
        return min(candidates, key=lambda e: e.order)

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


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two person names match when one ends the other ("finkelstein" / "claire finkelstein")."""
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[-len(short) :] == short


def _strip_det(span: Span) -> Span:
    while len(span) > 1 and span[0].dep_ == "det":
        span = span[1:]
    return span


def _trim_punct(span: Span) -> Span:
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) > 1 and (span[0].is_punct or span[0].is_space):
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


def _last_named(span: Span, root: Token) -> Token:
    """In "the real Dred Scott, Chief Justice Roberts said" the parser makes one noun phrase of
    two names; the one after the comma, next to the cue, is the speaker."""
    doc = span.doc
    people = []  # the PERSON entities inside the span, read off its tokens (not all doc.ents)
    for token in span:
        if token.ent_iob_ == "B" and token.ent_type_ == "PERSON":
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= span.end:
                people.append(doc[token.i : end])
    if len(people) < 2:
        return root
    last = people[-1]
    if last.end == span.end and last.start > root.i and "," in doc[root.i : last.start].text:
        return last.root
    return root


def _heading(span: Span) -> bool:
    """A mention in capitals ("THE BORROWING") is a section heading the parser joined on."""
    letters = [t for t in span if t.is_alpha]
    return len(letters) >= 2 and all(t.is_upper for t in letters)


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
