"""Patterns that run over whole texts take time linear in the text.

Nothing here is timed: each case runs in a child process that gets a budget far above what a
linear pass needs (a few hundred milliseconds for a megabyte) and far below what a quadratic one
does (a 200 kB run without a space cost the old URL pattern about four minutes). A child that
runs out of its budget is killed and the test fails.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

BUDGET_S = 60

CASES = {
    "one long token": "'abcdefghij' * 100_000",
    "base64 image": "base64.b64encode(bytes(range(256)) * 3000).decode()",
    "at signs": "'@' * 1_000_000",
    "an address that never ends": "'a@' + 'b.' * 500_000",
    "many URLs": "'see http://x.org/a, ' * 50_000",
}


@pytest.mark.parametrize("expression", CASES.values(), ids=CASES.keys())
def test_linear_time_url_pattern(expression: str) -> None:
    code = textwrap.dedent(
        f"""
        import base64
        from claimtrack.figparse.tokens import URL
        text = {expression}
        print(sum(1 for _ in URL.finditer(text)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=BUDGET_S
    )
    assert done.returncode == 0, done.stderr


def test_linear_time_url_pattern_blocks_what_it_did() -> None:
    """The linear pattern blocks the same spans: whole runs with a URL, addresses to their end."""
    from claimtrack.figparse.tokens import URL

    text = "Go to http://x.org/a, or www.y.com; mail ann@b.co.uk, now. Not @x.y or 5.5 or a@b."
    assert [m.group(0) for m in URL.finditer(text)] == [
        "http://x.org/a,",
        "www.y.com;",
        "ann@b.co.uk",
    ]


def _figures_found(text_expression: str) -> str:
    """How many figures the whole reader finds in the text, counted in a child process that is
    killed past the budget."""
    code = (
        "from claimtrack import figparse\n"
        f"text = {text_expression}\n"
        "print(len(figparse.find(text)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=BUDGET_S
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_linear_time_figures_in_a_long_token() -> None:
    """The whole figure reader on 200 kB without a space (before: minutes)."""
    assert _figures_found("'abcdefghij' * 20_000 + ' 40 people'") == "1"


def test_linear_time_digits_spread_over_a_long_token() -> None:
    """Digits far apart in one run without a space (400 kB): each digit's window was widened
    over the whole run on its own, so the work grew with digits x run length."""
    assert _figures_found("('x' * 199 + '7') * 2_000 + ' 40 people'") == "1"


def test_linear_time_many_urls_among_figures() -> None:
    """200 kB of URLs between figures: each token was checked against every URL of the text."""
    assert _figures_found("' '.join(f'http://x.org/{i} 5 people' for i in range(8_000))") == "8000"
