"""Reading articles: finding the files, decoding their bytes, and the metadata a page carries.

Offsets everywhere in claimtrack refer to the text as decoded here (a byte-order mark is not part
of the text; CRLF line endings are kept as they are). HTML is reduced to its main text by
trafilatura, and then that text is what offsets refer to.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from claimtrack.errors import ArticleSkipped, InputError

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
STDIN = "-"
STDIN_PATH = "<stdin>"
"""The path stored for text read from stdin: it names no one article, so it supersedes none."""
MAX_BYTES_ENV = "CLAIMTRACK_MAX_ARTICLE_MB"
MAX_BYTES = 8 * 1024 * 1024
"""Far bigger than any news article. Memory and store size grow with an article's length (about
0.27 GB of peak memory and 21 bytes of document per byte of text: README, Reliability), so this
bounds what one article can cost; $CLAIMTRACK_MAX_ARTICLE_MB raises it."""


def max_bytes() -> int:
    try:
        return int(float(os.environ[MAX_BYTES_ENV]) * 1024 * 1024)
    except (KeyError, ValueError):
        return MAX_BYTES


@dataclass(slots=True)
class Article:
    path: str
    """As stored: relative to the working directory when the file is below it."""
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    notes: list[str] = field(default_factory=list)
    sha256: str = field(init=False)
    """Of the text, computed once: the id, the unchanged check and the document all need it."""

    def __post_init__(self) -> None:
        self.sha256 = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def source_id(self) -> str:
        return self.sha256[:16]


def discover(paths: Iterable[str]) -> list[str]:
    """The article files named by `paths` (files, folders searched recursively, or "-").
    A missing path, or nothing to read at all, is an InputError."""
    found: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        _check_readable(raw)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in ARTICLE_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                raise InputError(f"{raw}: no articles (.txt, .md, .html) in this folder")
        elif path.is_file():
            files = [path]
        elif path.exists():
            raise InputError(f"{raw}: not a file or folder")
        else:
            raise InputError(f"{raw}: no such file or folder")
        for file in files:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                found.append(str(file))
    if not found:
        raise InputError("no articles to read")
    return found


def _check_readable(raw: str) -> None:
    """The true reason a named path cannot be read: a loop of links, a link to nothing, a
    folder this user may not list (not "no such file" or "no articles in this folder")."""
    try:
        if os.path.isdir(raw):
            with os.scandir(raw):
                pass
        else:
            os.stat(raw)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(f"{raw}: a loop of symbolic links") from None
        if error.errno == errno.ENOENT:
            if os.path.lexists(raw):
                raise InputError(f"{raw}: a symbolic link to nothing") from None
            raise InputError(f"{raw}: no such file or folder") from None
        raise InputError(f"{raw}: cannot be read ({error.strerror})") from None


def display_path(path: str) -> str:
    """The path as stored: relative to the working directory when possible."""
    if path == STDIN:
        return STDIN_PATH
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    # Outside the working directory when it climbs out ("../x"), not when a name starts with
    # two dots ("..notes.txt").
    outside = relative == os.pardir or relative.startswith(os.pardir + os.sep)
    return storable_path(absolute if outside else relative)


def storable_path(path: str) -> str:
    """A file name's bytes that are not UTF-8 (held as surrogates by Python) cannot go into
    JSON: they are written as escapes ("bad\\xff.txt"), the same on every run."""
    if path.isascii():
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    limit = max_bytes()
    try:
        size = os.path.getsize(path)
        if size > limit:
            raise ArticleSkipped(
                f"{size / 2**20:.3g} MB is more than the {limit / 2**20:.3g} MB an article may be "
                f"(${MAX_BYTES_ENV} raises it)"
            )
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    except OSError as error:
        raise ArticleSkipped(f"cannot be read ({error.strerror})") from None


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text, and notes on how: UTF-8 (with or without BOM), UTF-16 with BOM, else
    Windows-1252 as a stated fallback. Binary data is skipped, never guessed at."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8"), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), ["decoded as UTF-16"]
    if b"\x00" in data:  # anywhere: where the first NUL falls must not decide
        if encoding := _utf16_without_bom(data):
            return _strict(data, encoding), [f"decoded as {encoding.upper()} (no byte-order mark)"]
        raise ArticleSkipped("binary file (contains NUL bytes)")
    notes: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleSkipped("not text: bytes are neither UTF-8 nor Windows-1252") from None
        notes.append("not UTF-8: decoded as Windows-1252")
    if _control_share(text) > 0.05:
        raise ArticleSkipped("binary file (mostly control characters)")
    return text, notes


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM: mostly Latin script, so nearly every other byte is NUL, on the
    same side; and it decodes."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for encoding, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.6 * half and others == 0:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ArticleSkipped(f"bytes are not valid {encoding.upper()} ({error.reason})") from None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    return controls / len(sample)


def read_article(path: str) -> Article:
    """One article, decoded, with what metadata its page gives; ArticleSkipped says why not."""
    data = read_bytes(path)
    if not data.strip():
        raise ArticleSkipped("empty file")
    text, notes = decode(data)
    stored_path = display_path(path)
    if Path(path).suffix.lower() in HTML_SUFFIXES or _looks_like_html(text):
        return _from_html(stored_path, text, notes)
    if not text.strip():
        raise ArticleSkipped("empty file (only white space)")
    return Article(
        path=stored_path, text=text, title=guess_title(text), date=guess_date(text), notes=notes
    )


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def _from_html(path: str, html: str, notes: list[str]) -> Article:
    import trafilatura  # slow to import: only when there is HTML to read

    text = trafilatura.extract(html, output_format="txt", include_comments=False)
    notes = [*notes, "main text extracted from HTML"]
    if not text or not text.strip():
        # lxml gives up on pages nested deeper than it parses (~250 levels); the standard
        # library's parser has no such limit, so the page's text is kept whole instead.
        text = _html_text(html)
        notes[-1] = "the HTML's main text could not be told apart: all its text kept"
    if not text or not text.strip():
        raise ArticleSkipped("no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    authors: list[str] = []
    title = date = None
    if meta is not None:
        title = meta.title
        date = meta.date
        if meta.author:
            authors = [a.strip() for a in re.split(r";|\band\b", meta.author) if a.strip()]
    return Article(
        path=path,
        text=text,
        title=title or guess_title(text),
        authors=authors,
        date=date or guess_date(text),
        notes=notes,
    )


def _html_text(html: str) -> str:
    """The text of a page, paragraph by paragraph, without scripts and styles."""
    from html.parser import HTMLParser

    hidden = {"script", "style", "noscript", "template", "head"}
    blocks = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in hidden:
                self.skip += 1
            elif tag in blocks:
                self.parts.append("\n\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in hidden:
                self.skip = max(0, self.skip - 1)
            elif tag in blocks:
                self.parts.append("\n\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


_LEADING_LINES = 6
_MONTH_DATE = re.compile(
    r"^\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r" \d{1,2},? \d{4})\s*$"
)
_ISO_DATE = re.compile(r"^\s*(?P<date>\d{4}-\d{2}-\d{2})\b")
_BYLINE = re.compile(r"^\s*by\s+[A-Z]", re.IGNORECASE)


def guess_title(text: str) -> str | None:
    """The first line that reads as a headline (short, no final full stop), skipping a leading
    date or byline line."""
    for line in text.splitlines()[:_LEADING_LINES]:
        line = line.strip()
        if not line or _MONTH_DATE.match(line) or _ISO_DATE.match(line) or _BYLINE.match(line):
            continue
        if len(line) <= 200 and not line.endswith((".", ":")):
            return _without_crumbs(line, text)
        return None
    return None


def _without_crumbs(title: str, text: str) -> str:
    """A web page's first line often is navigation crumbs run into the headline ("Home News
    <headline>"); when the headline is repeated alone on a later line, that is the title."""
    for line in text.splitlines()[1:_LEADING_LINES]:
        line = line.strip()
        if line and line != title and title.endswith(" " + line):
            return line
    return title


def guess_date(text: str) -> str | None:
    """A date standing alone on one of the first lines ("May 14, 2022"), as ISO 8601."""
    for line in text.splitlines()[:_LEADING_LINES]:
        if m := _ISO_DATE.match(line):
            return m["date"]
        if m := _MONTH_DATE.match(line):
            cleaned = re.sub(r"[.,]", "", m["date"]).replace("Sept", "Sep")
            for fmt in ("%b %d %Y", "%B %d %Y"):
                try:
                    return datetime.strptime(cleaned, fmt).date().isoformat()
                except ValueError:
                    continue
    return None


def iter_articles(paths: Iterable[str]) -> Iterator[tuple[str, Article | ArticleSkipped]]:
    for path in paths:
        try:
            yield path, read_article(path)
        except ArticleSkipped as skipped:
            yield path, skipped
