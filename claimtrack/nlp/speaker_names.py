"""How a mention names a person: the proper name inside it, whether that name is a person's or
an organization's, and the role and gender its titles and appositions give
(`claimtrack.nlp.speakers` resolves the names to speakers)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.nlp.speaker_context import opening_gerund

ORG_LABELS = {"ORG", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"}


class NameReader:
    """Reads names off mentions with the speakers lexicon's titles, honorifics and nouns."""

    def __init__(
        self,
        *,
        titles: dict[str, list[str]],
        organization: frozenset[str],
        person_roles: frozenset[str],
        female: frozenset[str],
        male: frozenset[str],
        given: frozenset[str] = frozenset(),
    ) -> None:
        self.titles = titles
        self.organization = organization
        self.person_roles = person_roles
        self.female = female
        self.male = male
        self.given = given

    def name(self, span: Span) -> Span | None:
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
                if root.tag_ == "NNS" and any(
                    c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in root.children
                ):
                    # "McConnell aides", "Trump supporters": people around the person.
                    return None
                for t in span:
                    # Not a possessor: "Putin's war" is not Putin; nor the object of a
                    # preposition other than the maker's "by": "advisers to Mr. Obama" are not
                    # Obama, "a post by Kravets" is Kravets.
                    if (
                        t.ent_type_ == "PERSON"
                        and "poss" not in (t.dep_, t.head.dep_)
                        and not _after_preposition(t, root)
                    ):
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
                and root.ent_type_ != "PERSON"
            ):
                # "the Committee for a Responsible Federal Budget": an article may come between.
                step = 2 if doc[end + 1].lower_ in ("a", "an", "the") else 1
                if end + step >= span.end or doc[end + step].pos_ != "PROPN":
                    break
                end += step + 1
                while end < span.end and doc[end].pos_ == "PROPN":
                    end += 1
            name = doc[start:end]
        while len(name) > 1 and name[0].lower_ in self.titles:
            name = name[1:]
        if len(name) > 1 and opening_gerund(name[0], self.given):
            name = name[1:]
        while len(name) > 1 and (name[-1].is_punct or name[-1].lower_ in ("'s", "’s")):
            name = name[:-1]
        if name[0].lower_ in self.titles and len(name) == 1:
            return None
        return name

    def kind(self, span: Span, name: Span) -> str:
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

    def role(self, span: Span, name: Span) -> tuple[str | None, set[str], str | None]:
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


def _trim_punct(span: Span) -> Span:
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) > 1 and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    return span


def _last_named(span: Span, root: Token) -> Token:
    """In "the real Dred Scott, Chief Justice Roberts said" the parser makes one noun phrase of
    two names; the one after the comma, next to the cue, is the speaker."""
    if len(span) < 4:
        return root  # two names and a comma take four tokens at least
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


def _after_preposition(token: Token, root: Token) -> bool:
    """Whether a token hangs on the root through a preposition other than "by"."""
    for _ in range(8):
        if token.i == root.i or token.head.i == token.i:
            return False
        if token.dep_ == "prep" and token.lower_ != "by":
            return True
        token = token.head
    return False
