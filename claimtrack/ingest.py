"""Reading articles: finding the files, decoding their bytes, and the metadata a page carries.

Offsets everywhere in claimtrack refer to the text as decoded here (a byte-order mark is not part
of the text; CRLF line endings are kept as they are). HTML is reduced to its main text by
trafilatura, and then that text is what offsets refer to.

Articles come as plain text or HTML files, as pages fetched from URLs (claimtrack.fetch), or as
rows of the files news datasets ship: JSON Lines, CSV, or JSON (one object, or an array of them),
each row one article with a text field and optional url, title, date, authors and outlet fields
(`Fields` names them).
"""

from __future__ import annotations

import codecs
import csv
import errno
import functools
import hashlib
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimtrack.errors import ArticleSkipped, InputError

HTML_SUFFIXES = frozenset({".html", ".htm"})
ROW_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".json"})
"""Files whose rows (or objects) are articles, one source each."""
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", *HTML_SUFFIXES, *ROW_SUFFIXES})
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
    url: str | None = None
    outlet: str | None = None
    sha256: str = field(init=False)
    """Of the text, computed once: the id, the unchanged check and the document all need it."""

    def __post_init__(self) -> None:
        self.sha256 = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def source_id(self) -> str:
        return self.sha256[:16]


@dataclass(frozen=True, slots=True)
class Fields:
    """The names of an article file's fields (JSON keys or CSV columns)."""

    text: str = "text"
    url: str = "url"
    title: str = "title"
    date: str = "date"
    authors: str = "authors"
    outlet: str = "outlet"

    @classmethod
    def parse(cls, specs: Iterable[str]) -> Fields:
        """From "KEY=NAME" settings ("text=body", "date=published_at")."""
        known = [f.name for f in fields(cls)]
        chosen: dict[str, str] = {}
        for spec in specs:
            key, sep, name = spec.partition("=")
            key, name = key.strip(), name.strip()
            if not sep or not name or key not in known:
                raise InputError(
                    f"--field {spec!r}: expected KEY=NAME with KEY one of {', '.join(known)}"
                )
            chosen[key] = name
        return cls(**chosen)


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def read_url_list(path: str) -> list[str]:
    """The URLs of a file with one a line (blank lines and # comments skipped)."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the list of URLs ({error})") from None
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    for n, url in enumerate(urls, 1):
        if not is_url(url):
            raise InputError(f"{path}: {url!r} is not an http(s) URL (entry {n})")
    if not urls:
        raise InputError(f"{path}: no URLs in it")
    return urls


def discover(paths: Iterable[str], *, exclude: Iterable[Path | str] = ()) -> list[str]:
    """The article files named by `paths` (files, folders searched recursively, URLs, or "-").
    Folders under `exclude` (the store being written) are never read as articles. A missing
    path, or nothing to read at all, is an InputError."""
    found: list[str] = []
    seen: set[str] = set()
    skip = [os.path.realpath(p) for p in exclude]

    def excluded(file: Path) -> bool:
        real = os.path.realpath(file)
        return any(real == s or real.startswith(s + os.sep) for s in skip)

    for raw in paths:
        if raw == STDIN or is_url(raw):
            if raw not in seen:
                seen.add(raw)
                found.append(raw)
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
                and not excluded(p)
            )
            if not files:
                raise InputError(
                    f"{raw}: no articles (.txt, .md, .html, .jsonl, .csv, .json) in this folder"
                )
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


def source_name(path: str) -> str:
    """The short name of a stored path: "seeds/001.txt" -> "001.txt", "a.jsonl#3" stays,
    "https://x.com/news/story/" -> "story"."""
    if "://" in path:
        rest = path.split("://", 1)[1].split("?", 1)[0].split("#", 1)[0]
        parts = [p for p in rest.split("/") if p]
        return parts[-1] if len(parts) > 1 else (parts[0] if parts else path)
    return path.rsplit("/", 1)[-1]


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


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """An HTML page's bytes to text: a byte-order mark first, then the charset the server
    declared, then the one the page declares in its <meta>, then what `decode` does."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    for charset in (declared, _meta_charset(data)):
        encoding = _codec(charset)
        if encoding is None:
            continue
        try:
            return data.decode(encoding), []
        except UnicodeDecodeError:
            text, notes = decode(data)
            return text, [*notes, f"not valid {charset} as the page declares"]
    return decode(data)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# As browsers do (WHATWG Encoding): pages that say Latin-1 or ASCII are read as Windows-1252.
_WHATWG = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
           "us-ascii": "cp1252", "iso8859-1": "cp1252"}  # fmt: skip


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    name = _WHATWG.get(charset.strip().lower(), charset.strip())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


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
    stored_path = display_path(path)
    if Path(path).suffix.lower() in HTML_SUFFIXES:
        text, notes = decode_html(data)
        return from_html(stored_path, text, notes)
    text, notes = decode(data)
    if _looks_like_html(text):
        text, notes = decode_html(data)
        return from_html(stored_path, text, notes)
    return from_text(stored_path, text, notes)


def from_text(path: str, text: str, notes: list[str], **meta: Any) -> Article:
    if not text.strip():
        raise ArticleSkipped("empty file (only white space)")
    return Article(
        path=path,
        text=text,
        title=meta.pop("title", None) or guess_title(text),
        date=meta.pop("date", None) or guess_date(text),
        notes=notes,
        **meta,
    )


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def from_html(
    path: str, html: str, notes: list[str], *, url: str | None = None, **given: Any
) -> Article:
    """The main text of a page and its metadata, from one trafilatura pass (which keeps the
    URL and the site's name); what `given` says (a dataset's own columns) comes first."""
    import trafilatura  # slow to import: only when there is HTML to read

    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    page = found.as_dict() if found is not None and not isinstance(found, dict) else found
    text = page.get("text") if isinstance(page, dict) else None
    notes = [*notes, "main text extracted from HTML"]
    if not text or not text.strip():
        # lxml gives up on pages nested deeper than it parses (~250 levels); the standard
        # library's parser has no such limit, so the page's text is kept whole instead.
        text = _html_text(html)
        notes[-1] = "the HTML's main text could not be told apart: all its text kept"
    if not text or not text.strip():
        raise ArticleSkipped("no article text found in the HTML")
    if not isinstance(page, dict):
        page = {}  # no metadata either: the text was read without trafilatura
    page_url = url or page.get("url")
    outlet = page.get("sitename") or outlet_of(page_url) or page.get("hostname")
    return Article(
        path=path,
        text=text,
        title=given.get("title") or page.get("title") or guess_title(text),
        authors=given.get("authors") or split_authors(page.get("author"), html),
        date=given.get("date") or normal_date(page.get("date")) or guess_date(text),
        url=page_url,
        outlet=given.get("outlet") or outlet,
        notes=notes,
    )


def outlet_of(url: str | None) -> str | None:
    """A URL's domain, as an outlet's name when the page gives none ("www." dropped)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


@functools.cache
def _organisation_words() -> frozenset[str]:
    """Words of a byline naming a desk or a wire rather than people (lexicons/bylines.json)."""
    data = json.loads(
        (Path(__file__).parent / "lexicons" / "bylines.json").read_text(encoding="utf-8")
    )
    return frozenset(w.lower() for w in data["organisation_words"])


def split_authors(raw: str | list[str] | None, page: str = "") -> list[str]:
    """Authors from a byline: cut at ";" and "|" (and trafilatura's "; "), then join back two
    neighbours that the page wrote as "X and Y" when they are not both personal names
    ("Staff and News Service Reports" is one author; "Jo Smith and Al Roe" are two)."""
    if not raw:
        return []
    parts = raw if isinstance(raw, list) else re.split(r"[;|]", raw)
    names = [" ".join(str(p).split()) for p in parts if str(p).strip()]
    lowered = " ".join(page.split()).lower()
    out: list[str] = []
    for name in names:
        joined = f"{out[-1]} and {name}" if out else ""
        if (
            joined
            and joined.lower() in lowered
            and not (_personal_name(out[-1]) and _personal_name(name))
        ):
            out[-1] = joined
            continue
        out.append(name)
    # A byline that is one string with an "and" in it: cut only between two personal names.
    final: list[str] = []
    for name in out:
        halves = re.split(r"\s+(?:and|&)\s+", name)
        if len(halves) > 1 and all(_personal_name(h) for h in halves):
            final.extend(halves)
        else:
            final.append(name)
    return final


def _personal_name(text: str) -> bool:
    """Two to four capitalised words, none a word for a desk or an agency."""
    words = text.replace(".", ". ").split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower().strip(".,") in _organisation_words() for w in words)
    )


def normal_date(value: Any) -> str | None:
    """A date as ISO 8601 (YYYY-MM-DD), from what pages and datasets give: ISO strings,
    "May 14, 2022", "14/05/2022 10:03", Unix timestamps. None when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value  # milliseconds, as JavaScript writes
        try:
            return datetime.fromtimestamp(seconds, UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text or len(text) > 60:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    import dateparser  # slow to import: only for dates that are not ISO

    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date().isoformat() if parsed else None


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
_BYLINE = re.compile(r"^\s*by\s+[A-Z]", re.IGNORECASE)
_DATE_LABELS = ("published", "updated", "posted", "last updated", "first published")


def guess_title(text: str) -> str | None:
    """The first line that reads as a headline (short, no final full stop), skipping a leading
    date or byline line."""
    for line in text.splitlines()[:_LEADING_LINES]:
        line = line.strip()
        if not line or _BYLINE.match(line) or _line_date(line):
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
    """A date standing alone on one of the first lines ("May 14, 2022", "Published: 14 May
    2022 10:03 BST"), or an ISO date opening one, as ISO 8601."""
    for line in text.splitlines()[:_LEADING_LINES]:
        if found := _line_date(line):
            return found
    return None


def _line_date(line: str) -> str | None:
    line = line.strip()
    if not line or len(line) > 48 or not any(c.isdigit() for c in line):
        return None
    first = line.split()[0]
    if len(first) >= 10 and first[:4].isdigit() and first[4] == "-":
        try:
            return datetime.fromisoformat(first.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
    head, colon, rest = line.partition(":")
    label = head.strip().lower()
    if label in _DATE_LABELS or (not colon and label.split(" ", 1)[0] in _DATE_LABELS):
        line = rest if colon else line.split(" ", 1)[-1]
        line = line.strip().removeprefix("on ").strip()
    import dateparser  # slow to import: only for lines that could be a date

    parsed = dateparser.parse(line, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


def iter_articles(
    paths: Iterable[str], *, names: Fields | None = None
) -> Iterator[tuple[str, Article | ArticleSkipped]]:
    """Each article of `paths` (files, "-") or why it was skipped, with where it came from: a
    file of rows yields one article per row ("file.jsonl#3" when the row gives no URL). URLs
    are `claimtrack.fetch.iter_sources`'s."""
    names = names or Fields()
    for path in paths:
        if is_url(path):
            yield path, ArticleSkipped(f"{path}: a URL (fetched by claimtrack.fetch)")
            continue
        if path != STDIN and Path(path).suffix.lower() in ROW_SUFFIXES:
            yield from _row_articles(path, names)
            continue
        try:
            yield path, read_article(path)
        except ArticleSkipped as skipped:
            yield path, skipped


def _row_articles(path: str, names: Fields) -> Iterator[tuple[str, Article | ArticleSkipped]]:
    shown = display_path(path)
    try:
        data = read_bytes(path)
        if not data.strip():
            raise ArticleSkipped("empty file")
        text, notes = decode(data)
        rows = list(_rows(Path(path).suffix.lower(), text))
    except ArticleSkipped as skipped:
        yield path, skipped
        return
    if not rows:
        yield path, ArticleSkipped("no rows")
        return
    single = len(rows) == 1 and rows[0][0] == 0
    for n, row in rows:
        where = shown if single else f"{shown}#{n}"
        try:
            yield where, from_row(where, row, names, notes)
        except ArticleSkipped as skipped:
            yield where, skipped


def _rows(suffix: str, text: str) -> Iterator[tuple[int, Any]]:
    """(row number, row) of a file of articles: JSON Lines count lines, CSV data rows, a JSON
    array its items; a lone JSON object is row 0."""
    if suffix == ".csv":
        csv.field_size_limit(MAX_BYTES)
        try:
            reader = csv.DictReader(io.StringIO(text, newline=""))
            yield from enumerate(reader, 1)
        except csv.Error as error:
            raise ArticleSkipped(f"not valid CSV ({error})") from None
        return
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ArticleSkipped(f"not valid JSON ({error})") from None
        if isinstance(data, list):
            yield from enumerate(data, 1)
        else:
            yield 0, data
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as error:
            yield n, ArticleSkipped(f"not valid JSON ({error.msg})")


def from_row(path: str, row: Any, names: Fields, notes: list[str] | None = None) -> Article:
    """One dataset row as an article: its text (plain, or HTML to extract) and what metadata
    it gives; the URL stands for the article when there is one."""
    if isinstance(row, ArticleSkipped):
        raise row
    if not isinstance(row, dict):
        raise ArticleSkipped("not an object with a text field")
    text = row.get(names.text)
    if not isinstance(text, str) or not text.strip():
        keys = ", ".join(list(map(str, row))[:8])
        raise ArticleSkipped(
            f"no {names.text!r} field with text (fields: {keys}); --field text=NAME names it"
        )
    url = _string(row.get(names.url))
    given: dict[str, Any] = {
        "title": _string(row.get(names.title)),
        "date": normal_date(row.get(names.date)),
        "authors": split_authors(row.get(names.authors)) if row.get(names.authors) else [],
        "outlet": _string(row.get(names.outlet)),
    }
    where = url or path
    if _looks_like_html(text):
        return from_html(where, text, list(notes or []), url=url, **given)
    given["outlet"] = given["outlet"] or outlet_of(url)
    return from_text(where, text, list(notes or []), url=url, **given)


def _string(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
