"""The CLI end to end: extract the seeds with the real pipeline, then read them back through
every command; every bad input gives one clean line and a non-zero exit."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.models import SCHEMA_VERSION
from claimtrack.store import Store

from .test_store import make_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def assert_clean_error(result, *fragments: str) -> None:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("store")
    result = invoke("extract", SEEDS, "--store", store, "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().startswith("4 articles extracted")
    return store


def test_cli_extract_reruns_cost_nothing_unless_forced(seed_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    before = {p.name: p.read_bytes() for p in copy.glob("*.json")}
    again = invoke("extract", SEEDS, "--store", copy, "--quiet")
    assert again.exit_code == 0
    assert "0 articles extracted" in again.stderr and "4 unchanged" in again.stderr
    assert {p.name: p.read_bytes() for p in copy.glob("*.json")} == before
    forced = invoke("extract", SEEDS, "--store", copy, "--quiet", "--force")
    assert "4 articles extracted" in forced.stderr
    ids = lambda: sorted(c.id for c in Store(copy).claims())  # noqa: E731
    assert ids() == sorted(c.id for c in Store(seed_store).claims())  # ids are stable


def test_cli_every_offset_points_into_the_source_text(seed_store):
    documents = {d.id: d for d in Store(seed_store).documents()}
    result = invoke("list", "--store", seed_store, "--json")
    claims = json.loads(result.stdout)
    assert len(claims) >= 20
    for claim in claims:
        text = documents[claim["source_id"]].text
        assert text[claim["start"] : claim["end"]] == claim["text"]
        spans = [claim["speaker"]] if claim["speaker"]["start"] is not None else []
        spans += [claim["cue"]] if claim["cue"] else []
        spans += claim["quantities"] + claim["flags"]
        for span in spans:
            assert text[span["start"] : span["end"]] == (span.get("text") or span.get("mention"))


def test_cli_list_flag_shows_each_caveat_with_its_words(seed_store):
    result = invoke("list", "--store", seed_store, "--flag", "no_response", "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    for row in rows:
        assert "no_response: “" in row["flags"], row
        # The claim is the statement the caveat qualifies, not the words of the caveat alone.
        assert row["claim"] not in ("to comment", "did not immediately respond")


def test_cli_list_speaker_finds_name_and_pronoun(seed_store):
    result = invoke("list", "--store", seed_store, "--speaker", "finkelstein", "--json")
    claims = json.loads(result.stdout)
    assert claims and {c["speaker"]["name"] for c in claims} == {"Claire Finkelstein"}
    assert {"she", "Finkelstein"} <= {c["speaker"]["mention"] for c in claims}


def test_cli_sources_and_speakers(seed_store):
    sources = json.loads(invoke("sources", "--store", seed_store, "--json").stdout)
    assert len(sources) == 4
    titles = {s["title"] for s in sources}
    assert "US Citizens Flock to Ukraine as Foreign Fighters, to Help Push Back Russia" in titles
    assert all(s["claims"] > 0 for s in sources)
    speakers = json.loads(invoke("speakers", "--store", seed_store, "--json").stdout)
    names = {s["name"]: s for s in speakers}
    assert "Claire Finkelstein" in names and names["Claire Finkelstein"]["claims"] >= 3
    assert "she" in names["Claire Finkelstein"]["aliases"]
    table = invoke("speakers", "--store", seed_store)
    assert table.exit_code == 0 and "Claire Finkelstein" in table.stdout


def test_cli_show_prints_the_claim_in_context(seed_store):
    claims = json.loads(
        invoke("list", "--store", seed_store, "--speaker", "Finkelstein", "--json").stdout
    )
    claim = claims[0]
    result = invoke("show", claim["id"][:8], "--store", seed_store)
    assert result.exit_code == 0
    assert claim["id"] in result.stdout and "Claire Finkelstein" in result.stdout
    as_json = json.loads(invoke("show", claim["id"], "--store", seed_store, "--json").stdout)
    assert as_json == claim


def test_cli_export_streams_every_claim(seed_store):
    total = len(list(Store(seed_store).claims()))
    jsonl = invoke("export", "--store", seed_store, "--format", "jsonl").stdout.splitlines()
    assert len(jsonl) == total and all(json.loads(line)["id"] for line in jsonl)
    rows = list(
        csv.DictReader(
            io.StringIO(invoke("export", "--store", seed_store, "--format", "csv").stdout)
        )
    )
    assert len(rows) == total
    claims = {c.id: c for c in Store(seed_store).claims()}
    assert any(len(c.text) > 160 for c in claims.values())  # the table's cut would show
    for row in rows:  # every field in full: no "…", the whole path
        claim = claims[row["id"]]
        assert row["claim"] == claim.text and row["source_path"] == claim.source_path
        assert row["start"] == str(claim.start) and row["speaker_kind"] == claim.speaker.kind


@pytest.fixture
def small_store(tmp_path) -> Path:
    store = Store(tmp_path)
    store.write(make_document("a" * 16, path="news/a.txt", n=2))
    other = make_document("b" * 16, path="news/b.txt", n=1)
    other.claims[0].speaker.name = other.claims[0].speaker.mention = "Sam Poe"
    other.claims[0].speaker.aliases = ["he"]
    other.claims[0].quote = "direct"
    other.claims[0].flags = []
    other.claims[0].quantities[0].value = 7.0
    other.claims[0].quantities[0].unit = "percent"
    store.write(other)
    return tmp_path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], 3),
        (["--speaker", "ROE"], 2),
        (["--speaker", "he"], 1),  # an alias
        (["--speaker", "o"], 0),  # whole words only
        (["--source", "bbbb"], 1),
        (["--source", "news/a.txt"], 2),
        (["--flag", "unverified"], 2),
        (["--unflagged"], 1),
        (["--quote", "direct"], 1),
        (["--unit", "percent"], 1),
        (["--min", "10"], 2),
        (["--max", "10"], 1),
        (["--min", "1", "--max", "100", "--speaker", "sam"], 1),
        (["--contains", "PEOPLE CAME"], 3),
        (["--contains", "nowhere"], 0),
        (["--speaker", "nobody"], 0),
    ],
)
def test_cli_list_filters_combine(small_store, args, expected):
    result = invoke("list", "--store", small_store, "--json", *args)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == expected


@pytest.mark.parametrize("fmt", ["--jsonl", "--csv", None])
def test_cli_list_formats(small_store, fmt):
    result = invoke("list", "--store", small_store, *([fmt] if fmt else []))
    assert result.exit_code == 0
    if fmt == "--jsonl":
        assert len(result.stdout.splitlines()) == 3
    elif fmt == "--csv":
        assert len(result.stdout.splitlines()) == 4
    else:
        assert "Sam Poe" in result.stdout


def test_cli_bad_inputs_get_one_line(tmp_path, small_store):
    assert_clean_error(
        invoke("extract", tmp_path / "missing.txt", "--store", tmp_path / "s"),
        "missing.txt",
        "no such file",
    )
    (tmp_path / "empty_dir").mkdir()
    assert_clean_error(
        invoke("extract", tmp_path / "empty_dir", "--store", tmp_path / "s"), "no articles"
    )
    assert_clean_error(invoke("show", "zzzz", "--store", small_store), "no claim 'zzzz'")
    assert_clean_error(invoke("list", "--store", small_store, "--source", "zz"), "no source")
    assert_clean_error(invoke("list", "--store", small_store, "--flag", "bogus"), "unknown flag")
    (small_store / "cccccccccccccccc.json").write_text(
        json.dumps({"schema_version": SCHEMA_VERSION + 1})
    )
    assert_clean_error(invoke("list", "--store", small_store), "cccccccccccccccc.json", "newer")
    assert invoke("list", "--store", small_store, "--skip-bad", "--json").exit_code == 0


def test_cli_doctor_lists_and_quarantines(small_store):
    assert invoke("doctor", "--store", small_store).exit_code == 0
    bad = small_store / "dddddddddddddddd.json"
    bad.write_text('{"truncated": ')
    result = invoke("doctor", "--store", small_store)
    assert result.exit_code == 1 and bad.name in result.stdout
    assert invoke("doctor", "--store", small_store, "--quarantine").exit_code == 0
    assert not bad.exists() and (small_store / "quarantine" / bad.name).exists()
    assert invoke("list", "--store", small_store).exit_code == 0


def test_cli_per_article_problems_are_reported_and_others_go_on(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text('The mayor said "the budget is balanced.\n\nIt is.', "utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (corpus / "latin.txt").write_bytes("Caf\xe9 owners said prices rose.".encode("cp1252"))
    store = tmp_path / "store"
    result = invoke("extract", corpus, "--store", store)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "2 articles extracted" in result.stderr
    assert "2 skipped" in result.stderr and "empty file" in result.stderr
    assert "binary file" in result.stderr and "Windows-1252" in result.stderr
    assert len(Store(store).sources()) == 2


def test_cli_reads_stdin(tmp_path):
    result = runner.invoke(
        app,
        ["extract", "-", "--store", str(tmp_path), "--quiet"],
        input="Officials said 12 bridges were closed.",
    )
    assert result.exit_code == 0, result.output
    (source,) = Store(tmp_path).sources()
    assert source.path == "<stdin>"


@pytest.mark.parametrize(
    "command",
    [["--help"], ["list"], ["sources"], ["speakers"], ["conflicts"], ["show", "x"], ["export"]],
)
def test_cli_read_commands_do_not_import_spacy(small_store, command):
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from claimtrack.cli import app\n"
        f"r = CliRunner().invoke(app, {command!r} + (['--store', {str(small_store)!r}] "
        f"if {command!r} != ['--help'] else []))\n"
        "assert 'No such command' not in r.output, r.output\n"
        "assert r.exit_code == 0 or 'no claim' in r.stderr, r.output\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
        "assert 'claimtrack.nlp' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_extract_with_workers_stores_what_one_process_does(seed_store, tmp_path):
    result = invoke("extract", SEEDS, "--store", tmp_path, "--quiet", "--workers", "2")
    assert result.exit_code == 0, result.output
    assert "4 articles extracted" in result.stderr

    def documents(store):
        return {d.id: d.model_dump(exclude={"extracted_at"}) for d in Store(store).documents()}

    assert documents(tmp_path) == documents(seed_store)


def test_cli_missing_model_is_one_line_in_any_mode(tmp_path):
    for workers in ("1", "2"):
        result = invoke(
            "extract",
            SEEDS,
            "--store",
            tmp_path,
            "--force",
            "--quiet",
            "--model",
            "no_such_model_xyz",
            "--workers",
            workers,
        )
        assert_clean_error(result, "no spaCy English model found", "pip install")
