"""Render `cleaner report` for a dataset version in headless Chromium and save a PNG of the page.

    python scripts/render_report.py out/news [--version 1.1.0] [-o report.png] [--width 1200] [--height 2600]

The HTML is written next to the PNG (same name, .html). Chromium is found as $CHROME, else
chromium, chromium-browser, google-chrome or google-chrome-stable on PATH (Debian: apt-get install
chromium). The page is self-contained, so Chromium loads it from a file:// URL with no network.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    env = os.environ.get("CHROME")
    if env:
        return env
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(html: Path, png: Path, width: int = 1200, height: int = 2600, chromium: str | None = None) -> Path:
    """Load ``html`` in headless Chromium and write a ``width`` x ``height`` screenshot to ``png``."""
    exe = chromium or find_chromium()
    if exe is None:
        raise FileNotFoundError("no Chromium found: set CHROME or install chromium (apt-get install chromium)")
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cleaner-chromium-") as profile:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               f"--user-data-dir={profile}", f"--window-size={width},{height}", f"--screenshot={png.resolve()}",
               html.resolve().as_uri()]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if proc.returncode != 0 or not png.is_file():
        raise RuntimeError(f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return png


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("--version", default=None)
    ap.add_argument("-o", "--output", default="report.png")
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--height", type=int, default=2600)
    args = ap.parse_args(argv)

    from cleaner.report import write_report

    png = Path(args.output)
    html = write_report(args.dataset, args.version, png.with_suffix(".html"))
    screenshot(html, png, args.width, args.height)
    print(f"wrote {html} and {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
