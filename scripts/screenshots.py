"""Screenshots of the home page in Danish and English, on a desktop and a phone.

    make screenshots           (or: .venv/bin/python scripts/screenshots.py, after make messages)

Serves a throwaway copy of the initial content exactly as `make lighthouse` does (gunicorn, the
production settings, a temporary folder; scripts/lighthouse.py), opens the home page in Debian's
Chromium through Playwright at 1366×900 and 390×844 CSS pixels, and saves what the window shows
as docs/screenshots/home-<language>-<width>x<height>.png. The PNGs are reduced to a 256-colour
palette (Pillow): the site is flat colours and text, so they stay small enough to commit.

Environment: CHROME_PATH (default /usr/bin/chromium), SCREENSHOTS_PORT (default: a free port).
"""

import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lighthouse import (  # noqa: E402  (the same throwaway production site)
    CHROME_FLAGS,
    ROOT,
    free_port,
    serving_initial_content,
)

OUTPUT = ROOT / "docs" / "screenshots"
PAGES = {"da": "/", "en": "/en/"}
VIEWPORTS = [(1366, 900), (390, 844)]


def small_png(png: bytes) -> bytes:
    """The screenshot as an optimised 256-colour PNG (flat colours and text lose nothing)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


def main():
    from playwright.sync_api import sync_playwright

    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not os.access(chrome, os.X_OK):
        sys.exit(f"Chromium not found at {chrome}: apt-get install chromium")
    port = int(os.environ.get("SCREENSHOTS_PORT") or free_port())
    OUTPUT.mkdir(parents=True, exist_ok=True)
    saved = []
    with serving_initial_content(port) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chrome, args=CHROME_FLAGS.split(), headless=True
        )
        try:
            for language, path in PAGES.items():
                for width, height in VIEWPORTS:
                    context = browser.new_context(
                        viewport={"width": width, "height": height}, reduced_motion="reduce"
                    )
                    page = context.new_page()
                    response = page.goto(f"{base_url}{path}", wait_until="load")
                    if response is None or response.status != 200:
                        sys.exit(f"{path} answered {response and response.status}, not 200")
                    file = OUTPUT / f"home-{language}-{width}x{height}.png"
                    file.write_bytes(small_png(page.screenshot()))
                    saved.append(file)
                    context.close()
        finally:
            browser.close()
    for file in saved:
        print(f"{file.relative_to(ROOT)}  {file.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
