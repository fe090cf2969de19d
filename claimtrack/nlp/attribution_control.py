"""Who does the action of a non-finite cue, and which cues say nothing of their own.

English leaves the subject of an infinitive or a gerund unsaid; the verb it hangs on says who
it is. After an object ("urged the board to vote", "called on Reed to apologize", "thanked the
governor for backing the bill") the object does it: the board votes, Reed apologizes, the
governor backs the bill. Without one ("vowed to fight", "apologized for saying") the subject of
the verb does. The attribution component asks `object_controller` before it climbs to the
subject.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Prepositions whose object a to-infinitive after them is said of ("called on X to resign",
# "prevailed upon X to stay"); "went to Washington to testify" has its own subject.
CONTROLLING_PREPOSITIONS = frozenset({"on", "upon"})
# Objects that name no one who could act ("made it clear to", "has this to say").
NOT_AGENTS = frozenset({"it", "this", "that", "what", "which"})


def object_controller(clause: Token) -> Token | None:
    """The object that is the understood subject of a to-infinitive complement or of a gerund
    after "for" (see the module's doc), or None when the subject of the verb above is."""
    if clause.dep_ == "xcomp" and clause.tag_ == "VB":
        return _object_before(clause.head, clause.i, prepositions=CONTROLLING_PREPOSITIONS)
    if (
        clause.dep_ == "pcomp"
        and clause.tag_ == "VBG"
        and clause.head.lower_ == "for"
        and clause.head.dep_ == "prep"
    ):
        return _object_before(clause.head.head, clause.head.i, prepositions=frozenset())
    return None


def _object_before(verb: Token, limit: int, *, prepositions: frozenset[str]) -> Token | None:
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.i >= limit:
            break
        if child.dep_ == "dobj" and _agent_like(child):
            return child
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for obj in child.children:
                if obj.dep_ == "pobj" and _agent_like(obj):
                    return obj
    return None


def _agent_like(token: Token) -> bool:
    return (
        token.pos_ in ("PROPN", "PRON", "NOUN")
        and token.lower_ not in NOT_AGENTS
        and token.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL")
    )


def nested_act(cue: Span, contents: list[tuple[int, int, int]], saying: frozenset[str]) -> bool:
    """Whether a cue that is no verb of saying or believing ("defend", "endorse"), or is a
    to-infinitive ("to release"), sits inside what another cue reports: in "Ortiz said Reed
    cannot defend his record" or "the council plans to release its budget" the defending and
    the releasing are part of Ortiz's words and of the plan, not a second statement.
    `contents` are the (start, end, cue token) of the attributions found."""
    root = cue.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    if root.lemma_.lower() in saying and not _infinitive(root):
        # "said the mayor told them to leave": a report inside a report is its own.
        return False
    return any(start <= root.i < end and own != root.i for start, end, own in contents)


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i for c in verb.children
    )
