"""Extraction: articles in, source documents with their claims out.

`extract_texts` is the library entry point (no store, no CLI); `run` is what `claimtrack extract`
does: read the files, skip the unchanged ones, run the pipeline (in this process, streaming in
batches, or in a pool of worker processes that each load the model once) and write each source
to the store as soon as it is done, so memory stays flat and an interrupted run keeps what it
finished.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack.errors import ArticleSkipped, ClaimtrackError, StoreError
from claimtrack.fetch import Fetcher, iter_sources
from claimtrack.ingest import ROW_SUFFIXES, STDIN_PATH, Article, Fields, discover
from claimtrack.modelinfo import installed_model_id
from claimtrack.models import SCHEMA_VERSION, Claim, SourceDocument
from claimtrack.store import Store
from claimtrack.version import __version__

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(slots=True)
class Summary:
    articles: int = 0
    unchanged: int = 0
    claims: int = 0
    figures: int = 0
    flags: int = 0
    replaced: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def add(self, document: SourceDocument) -> None:
        self.articles += 1
        self.claims += len(document.claims)
        self.figures += sum(len(c.quantities) for c in document.claims)
        self.flags += sum(len(c.flags) for c in document.claims)
        self.notes.extend((document.path, note) for note in document.notes)

    def line(self) -> str:
        parts = [
            f"{self.articles} articles extracted",
            f"{self.claims} claims",
            f"{self.figures} figures",
            f"{self.flags} flags",
        ]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        skipped = f"{len(self.skipped)} skipped"
        if self.skipped:
            reasons = Counter(reason for _, reason in self.skipped)
            skipped += " (" + "; ".join(f"{n} {r}" for r, n in reasons.most_common()) + ")"
        parts.append(skipped)
        return ", ".join(parts)


class Extractor:
    """The loaded pipeline and what turns its Docs into source documents."""

    def __init__(self, model: str | None = None, nlp: Language | None = None) -> None:
        from claimtrack.nlp import pipeline

        self.nlp = nlp if nlp is not None else pipeline.load(model)
        self.model = pipeline.model_id(self.nlp)
        # A bug in one of our components costs that article, not the run: spaCy hands the error
        # here and drops the Doc. (Language.set_error_handler fails on the Cython parser.)
        self._errors: list[str] = []
        self.nlp.default_error_handler = self._on_error

    def _on_error(self, name: str, component: Any, docs: list[Doc], error: Exception) -> None:
        self._errors.append(f"internal error in {name}: {type(error).__name__}: {error}")

    def documents(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, SourceDocument | ArticleSkipped]]:
        """Each article with its document, or with why it could not be extracted, in order."""
        from claimtrack.nlp import pipeline
        from claimtrack.nlp.claims import doc_to_claims

        fed: deque[tuple[int, Article]] = deque()
        claims: list[Claim] = []
        authors: list[str] = []
        pieces_seen = 0
        errors = self._errors
        errors.clear()

        def items() -> Iterator[tuple[str, int]]:
            for n, article in enumerate(articles):
                fed.append((n, article))
                yield article.text, n

        def failed() -> tuple[Article, ArticleSkipped]:
            return fed.popleft()[1], ArticleSkipped(errors.pop(0) if errors else "internal error")

        for doc, n, offset, count in pipeline.parse_pieces(self.nlp, items()):
            while fed[0][0] < n:  # a component failed on a piece of these: spaCy dropped it
                claims, authors, pieces_seen = [], [], 0
                yield failed()
            article = fed[0][1]
            if pieces_seen == 0:
                authors = list(doc._.claimtrack_authors or [])
            claims.extend(
                doc_to_claims(
                    doc, source_id=article.source_id, source_path=article.path, offset=offset
                )
            )
            pieces_seen += 1
            if pieces_seen == count:
                fed.popleft()
                yield article, self._document(article, claims, authors, count)
                claims, authors, pieces_seen = [], [], 0
        while fed:
            yield failed()

    def _document(
        self, article: Article, claims: list[Claim], authors: list[str], pieces: int
    ) -> SourceDocument:
        notes = list(article.notes)
        if pieces > 1:
            notes.append(
                f"too long to parse at once: parsed in {pieces} pieces cut at paragraph breaks"
            )
        return SourceDocument(
            id=article.source_id,
            path=article.path,
            title=article.title,
            authors=article.authors or authors,
            date=article.date,
            url=article.url,
            outlet=article.outlet,
            sha256=article.sha256,
            model=self.model,
            claimtrack_version=__version__,
            extracted_at=datetime.now(UTC).isoformat(timespec="seconds"),
            text=article.text,
            claims=claims,
            notes=notes,
        )


def extract_texts(
    texts: Iterable[str | Article], *, model: str | None = None, nlp: Language | None = None
) -> Iterator[SourceDocument]:
    """Source documents for texts (plain strings or `Article`s), in order, without a store.

    A text that cannot be extracted raises ArticleSkipped; nothing is written anywhere.
    """
    extractor = Extractor(model, nlp)

    def articles() -> Iterator[Article]:
        for n, text in enumerate(texts):
            article = text if isinstance(text, Article) else Article(f"<text {n}>", text)
            # A Python str may hold lone surrogates (text decoded with "surrogateescape"); the
            # tokenizer cannot hash them and they cannot be stored as JSON. Files never do:
            # ingest decodes strictly.
            if not article.text.isascii() and _LONE_SURROGATE.search(article.text):
                raise ArticleSkipped(f"{article.path}: not valid Unicode (lone surrogates)")
            yield article

    for _, result in extractor.documents(articles()):
        if isinstance(result, ArticleSkipped):
            raise result
        yield result


def extract_files(
    paths: Iterable[str],
    *,
    names: Fields | None = None,
    model: str | None = None,
    nlp: Language | None = None,
    on_skip: Callable[[str, str], None] | None = None,
) -> Iterator[SourceDocument]:
    """Source documents for files, folders, URLs and article files of rows (.jsonl, .csv,
    .json), in order, without a store. An article that cannot be read or extracted goes to
    `on_skip(path, reason)`, or raises ArticleSkipped naming it when there is no `on_skip`."""

    def skipped(path: str, reason: str) -> None:
        if on_skip is None:
            raise ArticleSkipped(f"{path}: {reason}")
        on_skip(path, reason)

    def articles() -> Iterator[Article]:
        for path, article in iter_sources(discover(paths), names=names):
            if isinstance(article, ArticleSkipped):
                skipped(path, str(article))
            else:
                yield article

    extractor = Extractor(model, nlp)
    for article, result in extractor.documents(articles()):
        if isinstance(result, ArticleSkipped):
            skipped(article.path, str(result))
        else:
            yield result


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

Progress = Callable[[int], None]


def run(
    paths: Iterable[str],
    store: Store,
    *,
    model: str | None = None,
    force: bool = False,
    workers: int = 1,
    names: Fields | None = None,
    fetcher: Fetcher | None = None,
    on_total: Callable[[int | None], None] | None = None,
    on_progress: Progress | None = None,
) -> Summary:
    """`claimtrack extract`: extract the articles under `paths` (files, folders, URLs, "-")
    into `store`. `names` names the fields of JSONL/CSV/JSON article files; `fetcher` fetches
    URLs (a polite default one when None). `on_total` gets the number of articles, or None
    when files of rows make it unknown until they are read."""
    files = discover(paths, exclude=[store.root])
    store.check_writable()  # a store that is a file fails now, not after the extraction
    if on_total:
        rows = any(Path(f).suffix.lower() in ROW_SUFFIXES for f in files)
        on_total(None if rows else len(files))
    summary = Summary()
    tick = on_progress or (lambda n: None)
    articles = iter_sources(files, names=names, fetcher=fetcher)
    todo = _to_extract(articles, store, model, force, summary, tick)
    if workers == 0:
        workers = os.cpu_count() or 1
    results = _in_pool(todo, model, workers) if workers > 1 else _in_process(todo, model)
    try:
        for article, result in results:
            if isinstance(result, ArticleSkipped):
                summary.skipped.append((article.path, str(result)))
            else:
                try:
                    # Texts piped in one after another all stay: stdin supersedes nothing.
                    _, removed = store.put(result, supersede=result.path != STDIN_PATH)
                except StoreError as error:
                    summary.skipped.append((article.path, f"not stored: {error}"))
                else:
                    summary.add(result)
                    summary.replaced += len(removed)
            tick(1)
    finally:
        store.close()
    return summary


def _to_extract(
    articles: Iterator[tuple[str, Article | ArticleSkipped]],
    store: Store,
    model: str | None,
    force: bool,
    summary: Summary,
    tick: Progress,
) -> Iterator[Article]:
    """The articles that need NLP work; the rest are counted in the summary as they pass."""
    model_id = None if force else installed_model_id(model)
    seen: dict[str, str] = {}
    for path, article in articles:
        if isinstance(article, ArticleSkipped):
            summary.skipped.append((path, str(article)))
            tick(1)
            continue
        source_id = article.source_id
        if source_id in seen:
            summary.skipped.append((article.path, f"same text as {seen[source_id]}"))
            tick(1)
            continue
        seen[source_id] = article.path
        if not force and _unchanged(store, article, model_id):
            summary.unchanged += 1
            tick(1)
            continue
        yield article


def _unchanged(store: Store, article: Article, model_id: str | None) -> bool:
    try:
        stored = store.stored(article.source_id)
    except StoreError:
        return False  # the write will report the bad file
    return (
        stored is not None
        and stored.sha256 == article.sha256
        and stored.claimtrack_version == __version__
        and stored.schema_version == SCHEMA_VERSION
        and (model_id is None or stored.model == model_id)
    )


def _in_process(
    articles: Iterator[Article], model: str | None
) -> Iterator[tuple[Article, SourceDocument | ArticleSkipped]]:
    first = next(articles, None)
    if first is None:
        return  # nothing to do: do not even load the model
    yield from Extractor(model).documents(chain([first], articles))


_worker: Extractor | ClaimtrackError | None = None


def _start_worker(model: str | None, parent: int | None = None) -> None:
    global _worker
    _exit_with_parent(parent)
    try:
        _worker = Extractor(model)
    except ClaimtrackError as error:
        # Raised from _work instead: an initializer's exception only breaks the pool, and the
        # user would see BrokenProcessPool rather than "no spaCy English model found ...".
        _worker = error


def _exit_with_parent(parent: int | None) -> None:
    """A worker holds a model's worth of memory: when the parent dies (SIGKILL, OOM) it must
    not live on. Linux ends it with the parent (PR_SET_PDEATHSIG); elsewhere, and in case the
    parent died before that was set, a thread watches for being handed to another parent."""
    import signal
    import threading

    parent = parent or os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="claimtrack-parent-watch", daemon=True).start()


def _work(article: Article) -> SourceDocument | ArticleSkipped:
    if isinstance(_worker, ClaimtrackError):
        raise _worker
    assert _worker is not None
    return next(iter(_worker.documents([article])))[1]


def _in_pool(
    articles: Iterator[Article], model: str | None, workers: int
) -> Iterator[tuple[Article, SourceDocument | ArticleSkipped]]:
    """Articles spread over worker processes; at most a few in flight per worker, so memory
    stays flat however many articles there are."""
    window = workers * 4
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(model, os.getpid())
    ) as pool:
        running: dict[Future[SourceDocument | ArticleSkipped], Article] = {}
        for article in articles:
            running[pool.submit(_work, article)] = article
            if len(running) >= window:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield running.pop(future), future.result()
        for future in list(running):
            yield running.pop(future), future.result()
