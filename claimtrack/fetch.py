"""Fetching articles from URLs, politely: a timeout, retries with backoff on the statuses that
say "try again" (and Retry-After honoured), a user agent that names claimtrack, and a pause
between two requests to one host.

Each page is stored under the URL it was asked for; `Article.url` is where it ended up after
redirects. HTML is decoded with the charset the server declares, else the page's own <meta>.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from claimtrack.errors import ArticleSkipped
from claimtrack.ingest import (
    MAX_BYTES,
    Article,
    Fields,
    decode,
    decode_html,
    from_html,
    from_text,
    is_url,
    iter_articles,
)
from claimtrack.version import __version__

USER_AGENT = f"claimtrack/{__version__} (news claim extraction; python-requests)"
RETRY_STATUSES = (429, 500, 502, 503, 504)
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


def iter_sources(
    paths: Iterable[str], *, names: Fields | None = None, fetcher: Fetcher | None = None
) -> Iterator[tuple[str, Article | ArticleSkipped]]:
    """Each article of `paths` (files, URLs, "-") or why it was skipped, in order, with where it
    came from (see `claimtrack.ingest.iter_articles`). URLs are fetched with `fetcher`, one made
    on first need (so a run without URLs never imports an HTTP client)."""
    for path in paths:
        if not is_url(path):
            yield from iter_articles([path], names=names)
            continue
        if fetcher is None:
            fetcher = Fetcher()
        try:
            yield path, fetcher.article(path)
        except ArticleSkipped as skipped:
            yield path, skipped


class Fetcher:
    """One HTTP session for a run: connections are reused and each host gets `delay` seconds
    between two requests."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        retries: int = 3,
        delay: float = 1.0,
        backoff: float = 0.5,
    ) -> None:
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        self.timeout = timeout
        self.delay = delay
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers["Accept"] = "text/html,application/xhtml+xml,text/plain;q=0.9"
        adapter = HTTPAdapter(
            max_retries=Retry(
                total=retries,
                backoff_factor=backoff,
                status_forcelist=RETRY_STATUSES,
                allowed_methods=frozenset({"GET", "HEAD"}),
                respect_retry_after_header=True,
                raise_on_status=False,
            )
        )
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._last: dict[str, float] = {}

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - time.monotonic()
            if pause > 0:
                _pause(pause)

    def get(self, url: str) -> tuple[bytes, str, str | None, str]:
        """The body, the media type, the declared charset and the final URL; ArticleSkipped
        (with the reason) for a page that cannot be had."""
        import requests

        host = urlsplit(url).netloc.lower()
        self._wait_for(host)
        try:
            with self.session.get(url, timeout=self.timeout, stream=True) as response:
                if response.status_code >= 400:
                    reason = response.reason or ""
                    raise ArticleSkipped(f"HTTP {response.status_code} {reason}".strip())
                media, _, params = (response.headers.get("Content-Type") or "").partition(";")
                media = media.strip().lower() or "text/html"
                if not media.startswith(_TEXT_TYPES):
                    raise ArticleSkipped(f"not an article ({media})")
                body = b""
                for chunk in response.iter_content(64 * 1024):
                    body += chunk
                    if len(body) > MAX_BYTES:
                        raise ArticleSkipped("too large for one article")
                charset = _charset(params)
                return body, media, charset, response.url
        except requests.exceptions.Timeout:
            raise ArticleSkipped(
                f"cannot be fetched (no answer within {self.timeout:g} s)"
            ) from None
        except requests.exceptions.RetryError as error:
            raise ArticleSkipped(
                f"cannot be fetched (gave up after retries: {_cause(error)})"
            ) from None
        except requests.exceptions.RequestException as error:
            raise ArticleSkipped(f"cannot be fetched ({_cause(error)})") from None
        finally:
            self._last[host] = time.monotonic()

    def article(self, url: str) -> Article:
        """The article at `url`, stored under that URL."""
        body, media, charset, final = self.get(url)
        if not body.strip():
            raise ArticleSkipped("empty page")
        if media in ("text/plain", "text/markdown"):
            if charset:
                text, notes = decode_html(body, charset)
            else:
                text, notes = decode(body)
            from claimtrack.ingest import outlet_of

            return from_text(url, text, notes, url=final, outlet=outlet_of(final))
        text, notes = decode_html(body, charset)
        return from_html(url, text, notes, url=final)

    def close(self) -> None:
        self.session.close()


def _pause(seconds: float) -> None:
    time.sleep(seconds)


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


_CAUSES = re.compile(
    r"too many \d+ error responses|Connection refused|Name or service not known|"
    r"Temporary failure in name resolution|No route to host|certificate verify failed"
)


def _cause(error: Exception) -> str:
    """The innermost reason in a few words ("Connection refused", "too many 503 error
    responses"), rather than urllib3's nested repr."""
    text = str(error)
    if found := _CAUSES.search(text):
        return found.group(0)
    return text.split(" (Caused by")[0][:200]
