"""Reading a store as people do: dates and outlets as filters, groupings by outlet, every
format in full, tables that fit 80 columns, the store named, help that reads well. All on small
stores written here (no spaCy)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack import __version__
from claimtrack.cli import app
from claimtrack.models import SourceDocument
from claimtrack.store import Store

from .test_store import make_document

runner = CliRunner()
LONG_CLAIM = (
    "the city would need hundreds of thousands of sandbags and several weeks of work before "
    "the river reached its highest level, which forecasters expected late in the month after "
    "the spring rains had passed through the valley"
)


def invoke(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def one_error_line(result, *fragments):
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def document(
    source_id, *, path, speaker, value, date=None, outlet=None, url=None, counted="flood victim"
) -> SourceDocument:
    doc = make_document(source_id, path=path, n=1)
    doc.date, doc.outlet, doc.url = date, outlet, url
    claim = doc.claims[0]
    claim.speaker.name = claim.speaker.mention = speaker
    claim.speaker.aliases = []
    figure = claim.quantities[0]
    figure.value = figure.low = figure.high = value
    # One quantity at one time, so that two values of it conflict: people who died in 2021.
    figure.counted, figure.predicate, figure.period = counted, "die", "in 2021"
    return SourceDocument.model_validate(doc.model_dump())  # claims take the date


@pytest.fixture
def news(tmp_path) -> Path:
    """Three sources from two outlets over three months; the figures conflict."""
    store = Store(tmp_path / "news")
    store.write(
        document("a" * 16, path="feeds/march.jsonl#1", speaker="Jane Roe", value=40.0,
                 date="2022-03-05", outlet="The Daily", url="https://daily.example/a")
    )  # fmt: skip
    store.write(
        document("b" * 16, path="https://www.wire.example/news/flood-story/", speaker="Sam Poe",
                 value=400.0, date="2022-04-20", outlet="Wire Service",
                 url="https://www.wire.example/news/flood-story/")
    )  # fmt: skip
    late = document("c" * 16, path="local/may/report.txt", speaker="Ann Lee", value=41.0,
                    date="2022-05-31", outlet="The Daily")  # fmt: skip
    late.claims[0].text = LONG_CLAIM
    late.claims[0].quantities[0].text = "hundreds of thousands"
    late.claims[0].quantities[0].counted = "sandbag"
    store.write(late)
    return tmp_path / "news"


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        ([], "abc"),
        (["--since", "2022-04"], "bc"),
        (["--until", "2022-04"], "ab"),  # all of April
        (["--since", "2022-04-21", "--until", "2022-05-31"], "c"),
        (["--since", "2023"], ""),
        (["--outlet", "the daily"], "ac"),
        (["--outlet", "wire.example"], "b"),  # by domain, www. dropped
        (["--outlet", "The Daily", "--since", "2022-05"], "c"),
        (["--source", "report.txt"], "c"),  # the file name tables show
        (["--source", "flood-story"], "b"),  # a URL's last segment, as tables show it
        (["--source", "https://daily.example/a"], "a"),  # the source's URL
    ],
)
def test_outputs_list_filters_by_date_outlet_and_shown_name(news, args, ids):
    result = invoke("list", "--store", news, "--json", *args)
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)
    assert "".join(sorted(c["source_id"][0] for c in claims)) == ids


def test_outputs_every_claim_carries_its_sources_date(news):
    claims = json.loads(invoke("list", "--store", news, "--json").stdout)
    assert {c["source_id"][0]: c["date"] for c in claims} == {
        "a": "2022-03-05", "b": "2022-04-20", "c": "2022-05-31"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "May 2022"], "--since 'May 2022'"),
        (["--until", "2022-13"], "--until '2022-13'"),
        (["--outlet", "Nowhere Gazette"], "Nowhere Gazette"),
    ],
)
def test_outputs_bad_filters_are_one_line(news, args, message):
    one_error_line(invoke("list", "--store", news, *args), message)


def test_outputs_conflicts_filter_by_date_and_outlet(news):
    def sources(*args):
        result = invoke("conflicts", "--store", news, "--json", *args)
        assert result.exit_code == 0, result.output
        return [
            sorted({f["source_id"][0] for f in g["figures"]}) for g in json.loads(result.stdout)
        ]

    assert sources() == [["a", "b"]]
    assert sources("--since", "2022-04") == []  # March's side is out of the comparison
    assert sources("--outlet", "The Daily", "--outlet", "Wire Service") == [["a", "b"]]
    assert sources("--outlet", "the daily") == []
    assert sources("--until", "2022-04-20") == [["a", "b"]]


def test_outputs_conflicts_in_csv_and_jsonl(news):
    lines = invoke("conflicts", "--store", news, "--jsonl").stdout.splitlines()
    groups = [json.loads(line) for line in lines]
    assert len(groups) == 1 and groups[0]["status"] == "conflict"
    rows = list(csv.DictReader(io.StringIO(invoke("conflicts", "--store", news, "--csv").stdout)))
    assert sorted((r["group"], r["source_path"], r["value"], r["speaker"]) for r in rows) == [
        ("1", "feeds/march.jsonl#1", "40.0", "Jane Roe"),
        ("1", "https://www.wire.example/news/flood-story/", "400.0", "Sam Poe"),
    ]
    assert all(r["status"] == "conflict" and r["why"] for r in rows)


def test_outputs_report_filters_and_writes_to_stdout(news, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("report", "--store", news, "--out", "-", "--outlet", "Wire Service")
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().lower().startswith("<!doctype html")
    assert "Sam Poe" in result.stdout and "Ann Lee" not in result.stdout
    assert not (tmp_path / "-").exists()
    dated = invoke("report", "--store", news, "--out", "-", "--since", "2022-05")
    assert "Ann Lee" in dated.stdout and "Sam Poe" not in dated.stdout


def test_outputs_sources_and_speakers_by_outlet(news):
    outlets = json.loads(invoke("sources", "--store", news, "--by-outlet", "--json").stdout)
    assert [(o["outlet"], o["sources"], o["claims"], o["first"], o["last"]) for o in outlets] == [
        ("The Daily", 2, 2, "2022-03-05", "2022-05-31"),
        ("Wire Service", 1, 1, "2022-04-20", "2022-04-20"),
    ]
    rows = [
        json.loads(line)
        for line in invoke(
            "speakers", "--store", news, "--by-outlet", "--jsonl"
        ).stdout.splitlines()
    ]
    assert sorted((r["outlet"], r["name"], r["claims"]) for r in rows) == [
        ("The Daily", "Ann Lee", 1), ("The Daily", "Jane Roe", 1), ("Wire Service", "Sam Poe", 1)
    ]  # fmt: skip
    speakers = json.loads(invoke("speakers", "--store", news, "--json").stdout)
    assert {s["name"]: s["outlets"] for s in speakers}["Sam Poe"] == ["Wire Service"]


def test_outputs_sources_and_speakers_in_csv_and_jsonl_carry_everything(news):
    rows = list(csv.DictReader(io.StringIO(invoke("sources", "--store", news, "--csv").stdout)))
    by_id = {r["id"][0]: r for r in rows}
    assert by_id["b"]["url"] == "https://www.wire.example/news/flood-story/"
    assert by_id["b"]["path"] == "https://www.wire.example/news/flood-story/"
    assert (by_id["a"]["outlet"], by_id["a"]["date"]) == ("The Daily", "2022-03-05")
    lines = invoke("sources", "--store", news, "--jsonl").stdout.splitlines()
    assert {json.loads(line)["path"] for line in lines} == {
        "feeds/march.jsonl#1", "https://www.wire.example/news/flood-story/", "local/may/report.txt"
    }  # fmt: skip
    speakers = list(
        csv.DictReader(io.StringIO(invoke("speakers", "--store", news, "--csv").stdout))
    )
    assert {r["speaker"]: r["sources"] for r in speakers}["Ann Lee"] == "local/may/report.txt"


def test_outputs_list_csv_is_whole(news):
    rows = list(csv.DictReader(io.StringIO(invoke("list", "--store", news, "--csv").stdout)))
    row = next(r for r in rows if r["speaker"] == "Ann Lee")
    assert row["claim"] == LONG_CLAIM and len(LONG_CLAIM) > 160
    assert row["source_path"] == "local/may/report.txt" and row["outlet"] == "The Daily"
    assert row["date"] == "2022-05-31" and "hundreds of thousands" in row["figures"]


@pytest.mark.parametrize(
    "command",
    [["list"], ["sources"], ["speakers"], ["conflicts", "--all"], ["sources", "--by-outlet"]],
)
def test_outputs_tables_fit_80_columns_and_keep_words_whole(news, command):
    result = invoke(*command, "--store", news, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    words = re.findall(r"[\w']+", result.stdout)
    if command == ["list"]:
        assert "thousands" in words and "hundreds" in words  # the figure, never cut mid-word
        assert "sandbags" in words and "Ann" in words
    assert f"store: {news}" in result.output  # the store read is named


def test_outputs_wide_table_keeps_the_figure_whole(news):
    result = invoke("list", "--store", news, env={"COLUMNS": "150"})
    words = re.findall(r"[\w']+", result.stdout)
    assert "thousands" in words and "report.txt" in result.stdout


def test_outputs_missing_store_is_an_error_naming_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for command in (["list"], ["sources"], ["speakers"], ["conflicts"], ["export"], ["doctor"]):
        one_error_line(invoke(*command), "no store at data", str(tmp_path / "data"))
    one_error_line(invoke("list", "--store", "dtaa"), "no store at dtaa")
    assert not (tmp_path / "data").exists() and not (tmp_path / "dtaa").exists()


def test_outputs_empty_results_name_the_store(news):
    result = invoke("list", "--store", news, "--speaker", "nobody")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no claims match" in result.stderr and str(news) in result.stderr


def test_outputs_show_gives_one_object_and_its_source(news):
    partial = invoke("list", "--store", news, "--json", "--outlet", "Wire")
    one_error_line(partial, "no source from the outlet 'Wire'", "Wire Service")  # whole names
    assert partial.stdout == ""  # nothing half-written before the error
    (claim,) = json.loads(invoke("list", "--store", news, "--json", "--speaker", "Sam Poe").stdout)
    shown = json.loads(invoke("show", claim["id"], "--store", news, "--json").stdout)
    assert isinstance(shown, dict) and shown == claim
    text = invoke("show", claim["id"][:6], "--store", news).stdout
    assert "Wire Service" in text and "2022-04-20" in text
    assert "one JSON object" in invoke("show", "--help").stdout


COMMANDS = ["extract", "list", "show", "sources", "speakers", "conflicts", "diff", "report",
            "export", "doctor", "eval"]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
def test_outputs_help_has_examples_and_no_placeholders(command):
    result = invoke(command, "--help", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"claimtrack {command}" in result.stdout.split("Examples:")[1]
    assert not re.search(r"<[a-z_\[\]]+>|\{[a-z_]+\}", result.stdout), result.stdout


def test_outputs_version_and_completion():
    assert invoke("--version").stdout.strip() == f"claimtrack {__version__}"
    completion = runner.invoke(app, ["--show-completion", "bash"], prog_name="claimtrack")
    assert completion.exit_code == 0, completion.output
    assert "complete" in completion.stdout and "claimtrack" in completion.stdout


def test_outputs_a_schema_1_store_still_reads_and_is_extracted_again(tmp_path):
    old = make_document("d" * 16, path="old.txt", n=1).model_dump()
    old.update(schema_version=1, date="2021-06-01")
    del old["url"], old["outlet"]
    for claim in old["claims"]:
        del claim["date"]
    (tmp_path / ("d" * 16 + ".json")).write_text(json.dumps(old), encoding="utf-8")
    result = invoke("list", "--store", tmp_path, "--json", "--since", "2021")
    assert result.exit_code == 0, result.output
    (claim,) = json.loads(result.stdout)
    assert claim["date"] == "2021-06-01"  # claims of an old document take its date
    (source,) = json.loads(invoke("sources", "--store", tmp_path, "--json").stdout)
    assert source["outlet"] is None and source["url"] is None
    from claimtrack.extract import _unchanged
    from claimtrack.ingest import Article

    stored = Store(tmp_path).stored("d" * 16)
    assert stored is not None and stored.schema_version == 1
    article = Article("old.txt", stored.text)
    object.__setattr__(article, "sha256", stored.sha256)
    assert not _unchanged(Store(tmp_path), article, None)  # re-extracted for url and outlet


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "jsonld"],
        ["export", "--format", "csv"],
        ["sources", "--by-outlet", "--csv"],
        ["speakers", "--by-outlet"],
        ["conflicts", "--csv", "--since", "2022"],
        ["list", "--outlet", "The Daily", "--until", "2022-05"],
        ["report", "--out", "-"],
    ],
)
def test_outputs_new_read_paths_import_no_spacy_and_no_fetching(news, command):
    import subprocess
    import sys

    heavy = {"spacy", "claimtrack.nlp", "trafilatura", "dateparser", "requests"}
    if command[0] in ("conflicts", "report"):  # the report shows the conflicts
        heavy.discard("dateparser")  # it resolves each figure's period against its article date
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from claimtrack.cli import app\n"
        f"r = CliRunner().invoke(app, {command!r} + ['--store', {str(news)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        f"heavy = {heavy!r}\n"
        "assert not heavy & set(sys.modules), heavy & set(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
