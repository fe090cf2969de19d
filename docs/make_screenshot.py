"""Make docs/report.png, the picture of `claimtrack report` that README shows.

Extracts the seed articles into a temporary store, writes the report, and photographs its top in
Debian's headless Chromium driven by Playwright (never a downloaded browser):

    python docs/make_screenshot.py [--out docs/report.png] [--html report.html]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def write_report(work: Path, html: Path) -> None:
    store = work / "store"
    run = [sys.executable, "-m", "claimtrack.cli"]
    subprocess.run([*run, "extract", str(ROOT / "seeds"), "--store", str(store), "--quiet"],
                   check=True, cwd=ROOT)  # fmt: skip
    subprocess.run([*run, "report", "--store", str(store), "--out", str(html)], check=True)


def screenshot(html: Path, out: Path, *, width: int, height: int) -> None:
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="claimtrack-chromium-") as profile,
        sync_playwright() as p,
    ):
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            viewport={"width": width, "height": height},
            device_scale_factor=1,
        )
        page = context.new_page()
        page.goto(html.resolve().as_uri())
        page.wait_for_load_state("load")
        page.screenshot(path=str(out), full_page=False)
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--html", type=Path, help="Also keep the report here.")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1400)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"make_screenshot: {CHROMIUM} not found; install Debian's chromium package")
    with tempfile.TemporaryDirectory(prefix="claimtrack-report-") as tmp:
        html = args.html or Path(tmp) / "report.html"
        write_report(Path(tmp), html)
        screenshot(html, args.out, width=args.width, height=args.height)
    print(args.out, file=sys.stderr)


if __name__ == "__main__":
    main()
