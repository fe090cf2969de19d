"""Real inputs: web pages fetched from a local HTTP server (never the internet), the article
files news datasets ship (JSONL, CSV, a folder of JSON), their metadata and dates, progress."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimtrack
from claimtrack.cli import app
from claimtrack.store import Store

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>"
        "<nav>Home | World | Sport</nav><article>"
        f"<h1>{title}</h1>{body}</article><footer>All rights reserved</footer></body></html>"
    )


STORY = page(
    "Petition passes the mark",
    "<p>The mayor said on Tuesday that 1,200 residents had signed the petition in Київ (Kyiv), "
    "more than the council expected.</p><p>Officials said the count was final and that no "
    "further signatures would be accepted this year, according to the clerk.</p>",
    head='<meta property="og:site_name" content="The Daily Example">'
    '<meta name="author" content="Staff and News Service Reports">'
    '<meta property="article:published_time" content="2022-03-05T09:00:00Z">',
)
META = page(
    "Bridge closed for repairs",
    "<p>Engineers in Αθήνα said the bridge deck needed 300 new panels, and the work would take "
    "until the autumn, the city transport office said.</p><p>The closure adds about 20 "
    "minutes to the commute, drivers said in interviews on Monday morning.</p>",
    head='<meta charset="iso-8859-7">',
)


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []

    def log_message(self, *args) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/story":
            self._send(200, "text/html; charset=windows-1251", STORY.encode("cp1251"))
        elif self.path == "/meta":
            self._send(200, "text/html", META.encode("iso-8859-7"))
        elif self.path == "/flaky":
            if Handler.hits[self.path] == 1:
                self._send(503, "text/plain", b"busy")
            else:
                self._send(
                    200, "text/html; charset=utf-8", STORY.replace("1,200", "1,300").encode()
                )
        elif self.path == "/plain.txt":
            self._send(200, "text/plain; charset=utf-8", b"Police said 14 cars were towed.")
        elif self.path == "/photo.png":
            self._send(200, "image/png", b"\x89PNG\r\n")
        else:
            self._send(404, "text/html", b"<html><body>Not here</body></html>")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    Handler.hits, Handler.agents = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_inputs_urls_are_fetched_politely_with_their_metadata(server, tmp_path, monkeypatch):
    pauses: list[float] = []
    monkeypatch.setattr("claimtrack.fetch._pause", pauses.append)
    url_list = tmp_path / "urls.txt"
    url_list.write_text(f"# a comment\n{server}/plain.txt\n\n{server}/gone\n", encoding="utf-8")
    store = tmp_path / "store"
    result = invoke(
        "extract", f"{server}/story", f"{server}/meta", f"{server}/flaky", f"{server}/photo.png",
        "--urls", url_list, "--store", store, "--delay", "30", "--retries", "2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "4 articles extracted" in result.stderr and "2 skipped" in result.stderr
    assert f"skipped {server}/gone: HTTP 404" in result.stderr
    assert f"skipped {server}/photo.png: not an article (image/png)" in result.stderr
    assert Handler.hits["/flaky"] == 2  # retried after the 503
    assert Handler.agents and all(a.startswith("claimtrack/") for a in Handler.agents)
    # One host: every request after the first waited for the rest of the 30 s delay.
    assert len(pauses) == len(Handler.agents) - 2  # the 503's retry is urllib3's, not ours
    assert all(0 < p <= 30 for p in pauses)

    sources = {
        s["path"]: s for s in json.loads(invoke("sources", "--store", store, "--json").stdout)
    }
    story = sources[f"{server}/story"]
    assert story["url"] == f"{server}/story"
    assert story["outlet"] == "The Daily Example" and story["date"] == "2022-03-05"
    assert story["title"] == "Petition passes the mark"
    assert story["authors"] == ["Staff and News Service Reports"]
    assert sources[f"{server}/plain.txt"]["outlet"] == "127.0.0.1"
    documents = {d.path: d for d in Store(store).documents()}
    # Neither is UTF-8, and read as Windows-1252 both would be mojibake.
    assert "in Київ (Kyiv)" in documents[f"{server}/story"].text  # the server's charset
    assert "Engineers in Αθήνα said" in documents[f"{server}/meta"].text  # the page's <meta>
    assert "Home | World" not in documents[f"{server}/story"].text
    claims = json.loads(
        invoke("list", "--store", store, "--json", "--outlet", "The Daily Example").stdout
    )
    assert claims and {c["date"] for c in claims} == {"2022-03-05"}


ROWS = [
    {"text": "Officials said 12 bridges were closed after the storm.\n\nThe mayor said "
             "repairs would cost $4 million.", "url": "https://news.example/a",
     "title": "Storm closes bridges", "date": "March 3, 2022",
     "authors": "Staff and News Service Reports", "outlet": "News Example"},
    {"text": page("Port reopens", "<p>The harbour master said 40 ships were waiting to dock on "
                  "Friday, twice the usual number for the season.</p><p>Dock workers said the "
                  "queue would clear within a week if the weather held.</p>"),
     "url": "https://www.other.example/port", "date": 1651363200},
    {"title": "a row with no text"},
]  # fmt: skip


def test_inputs_jsonl_and_json_folder_each_row_one_source(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    dump = Path("dump")
    (dump / "more").mkdir(parents=True)
    lines = [json.dumps(r) for r in ROWS] + ["{not json"]
    (dump / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (dump / "more" / "one.json").write_text(
        json.dumps({"text": "The council said 7 schools would close.", "date": "2021-11-30"}),
        encoding="utf-8",
    )
    (dump / "more" / "two.json").write_text(
        json.dumps([{"text": "Doctors said 3 wards reopened."}])
    )
    store = dump / "data"  # inside the folder read: never read back as articles
    result = invoke("extract", dump, "--store", store)
    assert result.exit_code == 0, result.output
    assert "4 articles extracted" in result.stderr
    assert "skipped dump/articles.jsonl#3: no 'text' field" in result.stderr
    assert "skipped dump/articles.jsonl#4: not valid JSON" in result.stderr
    assert f"new store: {store.resolve()}" in result.stderr

    sources = {
        s["path"]: s for s in json.loads(invoke("sources", "--store", store, "--json").stdout)
    }
    assert set(sources) == {
        "https://news.example/a", "https://www.other.example/port", "dump/more/one.json",
        "dump/more/two.json#1",
    }  # fmt: skip
    first = sources["https://news.example/a"]
    assert (first["title"], first["date"], first["outlet"]) == (
        "Storm closes bridges", "2022-03-03", "News Example"
    )  # fmt: skip
    assert first["authors"] == ["Staff and News Service Reports"]
    port = sources["https://www.other.example/port"]
    assert (port["title"], port["date"], port["outlet"]) == (
        "Port reopens",
        "2022-05-01",
        "other.example",
    )
    assert sources["dump/more/one.json"]["date"] == "2021-11-30"
    claims = json.loads(invoke("list", "--store", store, "--json").stdout)
    assert not any('"text"' in c["text"] or "{" in c["text"] for c in claims)
    assert {c["date"] for c in claims if c["source_path"] == "https://news.example/a"} == {
        "2022-03-03"
    }

    again = invoke("extract", dump, "--store", store)
    assert "4 unchanged" in again.stderr and "data/" not in again.stderr.replace(
        f"store: {store}", ""
    )
    assert "new store" not in again.stderr


def test_inputs_csv_with_its_own_column_names(tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text(
        "link,headline,published,body,byline\n"
        'https://paper.example/x,Fares rise,2023-01-09,"The operator said fares would rise '
        'by 5 percent, a spokesman said.",Jo Smith and Al Roe\n',
        encoding="utf-8",
    )
    store = tmp_path / "store"
    names = ["--field", "text=body", "--field", "url=link", "--field", "title=headline",
             "--field", "date=published", "--field", "authors=byline"]  # fmt: skip
    result = invoke("extract", feed, "--store", store, *names)
    assert result.exit_code == 0, result.output
    (source,) = json.loads(invoke("sources", "--store", store, "--json").stdout)
    assert (source["path"], source["title"], source["date"]) == (
        "https://paper.example/x", "Fares rise", "2023-01-09"
    )  # fmt: skip
    assert source["authors"] == ["Jo Smith", "Al Roe"]  # two people: cut at "and"
    assert source["outlet"] == "paper.example"
    unnamed = invoke("extract", feed, "--store", tmp_path / "other")
    assert "no 'text' field" in unnamed.stderr and "--field text=NAME" in unnamed.stderr
    bad = invoke("extract", feed, "--store", store, "--field", "body")
    assert bad.exit_code != 0 and "KEY=NAME" in bad.stderr and len(bad.stderr.splitlines()) == 1


def test_inputs_progress_lines_without_a_terminal_and_quiet(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"{n}.txt").write_text(f"Officials said {n + 2} roads were closed.", "utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    result = invoke("extract", corpus, "--store", tmp_path / "s", "--progress-every", "2")
    lines = [line for line in result.stderr.splitlines() if line.startswith("extracting:")]
    assert [line.split(" articles")[0] for line in lines] == [
        "extracting: 2 of 4",
        "extracting: 4 of 4",
    ]
    assert all("articles/s" in line for line in lines)
    quiet = invoke("extract", corpus, "--store", tmp_path / "q", "--quiet", "--progress-every", "1")
    assert "extracting:" not in quiet.stderr
    assert "skipped" in quiet.stderr and "empty.txt: empty file" in quiet.stderr


def test_inputs_python_api_without_the_cli(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(ROWS[0]) + "\n" + json.dumps(ROWS[2]) + "\n", encoding="utf-8")
    skipped: list[tuple[str, str]] = []
    documents = list(
        claimtrack.extract_files([str(rows)], on_skip=lambda p, r: skipped.append((p, r)))
    )
    assert [d.url for d in documents] == ["https://news.example/a"]
    assert skipped and skipped[0][0].endswith("rows.jsonl#2")
    store = Store(tmp_path / "store")
    for document in documents:
        store.write(document)
    found = list(claimtrack.find_claims(claimtrack.open_store(tmp_path / "store"),
                                        claimtrack.ClaimFilter(outlets=["News Example"], since="2022")))  # fmt: skip
    assert found and all(c.date == "2022-03-03" for c in found)
