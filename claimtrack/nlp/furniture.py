"""Page furniture: lines of a web page that are not the article.

Extracted web pages keep bits of the page around the story: "Read Next:" and "Related:" links,
"Story Continues", photo captions and credits, navigation crumbs ("Home News ..."), contact lines
("-- X can be reached at ..."), the headline repeated, "Source: FP" labels, and the byline. None
of them is a statement of the article, so claims never start inside one.

The rules are about lines, since that is how a page's furniture survives extraction: a line is
furniture by its opening words, by its markers (photo credits, contact phrases), by repeating an
earlier line, or by being a caption that the next line repeats and extends. The byline's names go
to `doc._.claimtrack_authors` unless the ingest layer already set them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimtrack.lexicons import Overrides
from claimtrack.lexicons import load as load_lexicon
from claimtrack.nlp.annotations import FURNITURE, doc_text, register_extensions

# A person's name as bylines write it: two or more capitalized words (particles allowed).
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:de|van|von|da|del|bin|al|la|le))*(?:\s+[A-Z][\w'’.-]*)+"
BYLINE = re.compile(
    rf"^\s*(?i:by|written by|story by|words by)\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)"
    # What may follow the names: a separator and a desk or outlet ("| Reuters", ", Staff").
    r"\s*(?:[|–—-].{0,40}|,\s*[A-Z][\w .]{0,40})?$"
)
CONTACT = re.compile(rf"^\s*(?:--|—|–|-)?\s*(?P<name>{NAME})\s+(?:can be reached|can be contacted)")
# The longest a line can be and still be a label, a crumb or a byline.
SHORT = 120
MAX_REPEAT = 300


@Language.factory(
    "claimtrack_furniture",
    assigns=["doc.spans", "doc._.claimtrack_authors"],
    default_config={"lexicons": {}},
)
def make_furniture(nlp: Language, name: str, *, lexicons: dict[str, str]) -> FurnitureFinder:
    return FurnitureFinder(lexicons=lexicons)


class FurnitureFinder:
    def __init__(self, *, lexicons: Overrides | None = None) -> None:
        register_extensions()
        lexicon = load_lexicon("furniture", lexicons)
        self.prefixes = tuple(p.lower() for p in lexicon["prefixes"])
        self.whole_lines = frozenset(w.lower() for w in lexicon["whole_lines"])
        self.credit_markers = tuple(m.lower() for m in lexicon["credit_markers"])
        self.contact_markers = tuple(m.lower() for m in lexicon["contact_markers"])
        labels = "|".join(re.escape(label) for label in lexicon["label_prefixes"])
        self.label = re.compile(rf"^(?:{labels})\s*:\s*\S.{{0,40}}$", re.IGNORECASE)
        sections = "|".join(re.escape(s) for s in lexicon["nav_sections"])
        self.crumb = re.compile(rf"^home(?:\s*[>»/|›:]\s*|\s+)(?:{sections})\b", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        authors: list[str] = []
        for start, end, reason, names in self.furniture_lines(doc_text(doc)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
            if reason == "byline":
                authors.extend(n for n in names if n not in authors)
        doc.spans[FURNITURE] = spans
        if doc._.claimtrack_authors is None and authors:
            doc._.claimtrack_authors = authors
        return doc

    def furniture_lines(self, text: str) -> Iterator[tuple[int, int, str, list[str]]]:
        """(start, end, reason, author names) of every furniture line, in order."""
        lines = list(_lines(text))
        seen: set[str] = set()
        for k, (start, end, line) in enumerate(lines):
            key = _normal(line)
            reason, names = self.classify(line)
            if reason is None and key in seen and len(line) <= MAX_REPEAT:
                reason = "repeat"
            if reason is None and k + 1 < len(lines):
                following = lines[k + 1][2]
                if _is_caption_head(line, following, self.credit_markers):
                    reason = "caption"
            if reason is None:
                for prev in seen:
                    # A crumb line followed by the headline: "Home News <headline>".
                    if key and len(key) > 20 and prev.endswith(" " + key):
                        reason = "repeat"
                        break
            seen.add(key)
            if reason is not None:
                yield start, end, reason, names

    def classify(self, line: str) -> tuple[str | None, list[str]]:
        """Why one line is furniture (None when it is not), and the author names it gives."""
        lower = line.lower().strip()
        if not lower:
            return None, []
        if (m := BYLINE.match(line)) and len(line) <= SHORT:
            return "byline", _split_names(m.group("names"))
        if m := CONTACT.match(line):
            return "byline", [m.group("name").strip()]
        if lower in self.whole_lines or lower.rstrip(".:") in self.whole_lines:
            return "link", []
        if lower.startswith(self.prefixes):
            return "link", []
        if any(marker in lower for marker in self.contact_markers):
            return "contact", []
        if any(marker in lower for marker in self.credit_markers):
            return "caption", []
        if len(line) <= SHORT and self.label.match(lower):
            return "label", []
        if self.crumb.match(lower):
            return "crumb", []
        return None, []


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Each non-blank line with its stripped character extent."""
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            yield start, start + len(stripped), stripped
        pos += len(raw) + 1


def _normal(line: str) -> str:
    return " ".join(line.lower().split())


def _is_caption_head(line: str, following: str, credit_markers: tuple[str, ...]) -> bool:
    """A short line that the next line repeats and extends with a credit is a photo caption."""
    if len(line) < 20 or not following.startswith(line):
        return False
    return any(marker in following.lower() for marker in credit_markers)


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", names)
    return [p.strip() for p in parts if p.strip()]
