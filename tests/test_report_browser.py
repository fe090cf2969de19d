"""The report for the seeds, opened in headless Chromium: what a reader sees and can do.

Uses Debian's chromium (/usr/bin/chromium; .ci/run installs it) driven by Playwright, never a
downloaded browser. Where chromium or Playwright is missing the tests skip with a message.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrack.store import Store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Store]:
    work = tmp_path_factory.mktemp("seeds-report")
    store, html = work / "store", work / "report.html"
    cli = [sys.executable, "-m", "claimtrack.cli"]
    subprocess.run([*cli, "extract", str(ROOT / "seeds"), "--store", str(store), "--quiet"],
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run([*cli, "report", "--store", str(store), "--out", str(html)], check=True,
                   capture_output=True)  # fmt: skip
    return html, Store(store)


@pytest.fixture(scope="module")
def browser_page(
    seeds_report: tuple[Path, Store], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, list[str]]]:
    """The seeds' report open in a fresh Chromium profile; every request but the page's own is
    recorded and refused."""
    if not CHROMIUM.exists():
        pytest.skip(f"chromium not installed: {CHROMIUM} is absent (apt-get install chromium)")
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed: pip install -e '.[dev]'"
    )
    html, _ = seeds_report
    page_url = html.resolve().as_uri()
    outside: list[str] = []
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )

        def guard(route: Any) -> None:
            url = route.request.url
            if url.split("#", 1)[0] == page_url:
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        context.route("**/*", guard)
        context.on(
            "request", lambda r: r.url.split("#", 1)[0] != page_url and outside.append(r.url)
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_url)
        page.wait_for_load_state("load")
        assert not errors, errors
        yield page, outside
        context.close()


def test_report_browser_makes_no_network_request(browser_page):
    page, outside = browser_page
    page.wait_for_timeout(300)  # let anything lazy start
    assert outside == []


def test_report_browser_shows_the_conflicts_first(browser_page):
    page, _ = browser_page
    section = page.locator("section#conflicts")
    assert section.is_visible()
    order = page.evaluate("[...document.querySelectorAll('main > section')].map(s => s.id)")
    assert order.index("conflicts") < order.index("articles") < order.index("speakers")
    tables = page.locator("section#conflicts .group.status-conflict table.figures")
    assert tables.count() >= 1, "the seeds should yield at least one conflict group"
    rows = tables.first.locator("tbody tr")
    assert rows.count() >= 2
    links = page.locator("section#conflicts .status-conflict td.fig a")
    assert links.count() >= 2
    for i in range(links.count()):
        target = links.nth(i).get_attribute("href")
        assert target and page.locator(target).count() == 1, target
    # Following a figure's link lands on its mark in the article.
    links.first.click()
    first_target = links.first.get_attribute("href")
    assert page.evaluate("location.hash") == first_target
    mark = page.locator(f"{first_target} + .seg")
    assert mark.count() == 1 and "m-figure" in (mark.get_attribute("class") or "")
    assert mark.is_visible()


def test_report_browser_marks_the_articles_with_a_legend(browser_page, seeds_report):
    page, _ = browser_page
    _, store = seeds_report
    legend = page.locator("#legend .swatch")
    kinds = [legend.nth(i).get_attribute("data-kind") for i in range(legend.count())]
    assert kinds == ["claim", "speaker", "cue", "figure", "flag"]
    assert all(legend.nth(i).is_visible() for i in range(legend.count()))
    colours = {
        kind: page.eval_on_selector(
            f"#legend .m-{kind}", "e => getComputedStyle(e).backgroundColor"
        )
        for kind in kinds
    }
    assert len(set(colours.values())) == len(kinds), colours  # five distinct colours
    for kind in kinds:
        marks = page.locator(f"article.article .text .m-{kind}")
        assert marks.count() > 0, kind
        # A segment inside several spans shows one colour; compare on one of this kind alone.
        others = "".join(f":not(.m-{k})" for k in kinds if k not in (kind, "claim"))
        alone = f"article.article .text .m-{kind}{others}"
        assert page.locator(alone).count() > 0, kind
        shown = page.eval_on_selector(alone, "e => getComputedStyle(e).backgroundColor")
        assert shown == colours[kind] or kind == "claim", (kind, shown)
    for document in store.documents():
        text = page.eval_on_selector(f".text[data-source='{document.id}']", "e => e.textContent")
        assert text == document.text  # the page shows the article exactly, marks and all


def test_report_browser_speaker_filter_hides_other_speakers_claims(browser_page):
    page, _ = browser_page
    options = page.locator("#filter-speaker option")
    assert options.count() > 2
    chosen = options.nth(1).get_attribute("value")  # the speaker with the most claims
    assert chosen
    cards = page.locator(".claim-card")
    total = cards.count()
    mine = page.locator(f".claim-card[data-speaker='{chosen}']").count()
    assert 0 < mine < total
    page.select_option("#filter-speaker", chosen)
    visible = page.evaluate(
        """() => [...document.querySelectorAll('.claim-card')].map(c => [
             c.dataset.speaker, c.dataset.claim, c.checkVisibility(),
             getComputedStyle(c).display])"""
    )
    for speaker, claim_id, is_visible, display in visible:
        if speaker == chosen:
            assert is_visible, claim_id
        else:
            assert not is_visible and display == "none", (speaker, claim_id)
    # Their marks in the text fade too: no claim mark or claim pill of another speaker shows.
    stray = page.evaluate(
        """(chosen) => {
             const mine = new Set([...document.querySelectorAll(
               `.claim-card[data-speaker='${chosen}']`)].map(c => c.dataset.claim));
             return [...document.querySelectorAll('.text [data-claims]')].filter(e =>
               !e.dataset.claims.split(' ').some(id => mine.has(id)) && e.checkVisibility() &&
               (e.classList.contains('claim-end') ||
                getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)')
             ).map(e => e.outerHTML.slice(0, 120));
           }""",
        chosen,
    )
    assert stray == []
    assert "claims shown" in page.locator("#filter-count").inner_text()
    page.click("#filter-reset")
    assert page.locator(".claim-card:visible").count() == total


def test_report_browser_source_and_flag_filters(browser_page):
    page, _ = browser_page
    sources = page.locator("#filter-source option")
    source = sources.nth(1).get_attribute("value")
    page.select_option("#filter-source", source)
    articles = page.evaluate(
        "[...document.querySelectorAll('article.article')].map(a => [a.dataset.source, "
        "a.checkVisibility()])"
    )
    assert [s for s, shown in articles if shown] == [source]
    page.click("#filter-reset")
    page.select_option("#filter-flag", "-")
    flagged = page.evaluate(
        "[...document.querySelectorAll('.claim-card')].filter(c => c.checkVisibility())"
        ".map(c => c.dataset.flags)"
    )
    assert flagged and all(f == "" for f in flagged)
    page.click("#filter-reset")
