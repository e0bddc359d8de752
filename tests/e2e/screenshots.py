"""Screenshots of the site for the README: ``python -m tests.e2e.screenshots`` (``make screenshots``).

Builds the project's own logs (``sessions/``) and committed experiment results into a
temporary copy, serves it, and writes one 1280x800 PNG per page below to docs/images/.
The browser tests call ``take_screenshots`` too, writing into test-artifacts/.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

README_PAGES = {  # file name -> path on the site
    "home": "",
    "session": "sessions/2026-02-18-1503/",
    "concept": "concepts/learning-rate/",
    "recall": "recall/",
    "timeline": "timeline/",
    "glossary": "glossary/",
}
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def load_images(page, open_boxes: bool = False) -> list[dict]:
    """Scroll every image into view (they load lazily), wait for it, report its size.

    A closed box's figures load only when it is opened: ``open_boxes`` opens every one first,
    as a reader would to see them."""
    if open_boxes:
        page.evaluate("document.querySelectorAll('details').forEach(box => { box.open = true; })")
    return page.evaluate("""async () => {
        const settle = img => img.complete ? null : Promise.race([
            new Promise(done => { img.addEventListener("load", done, {once: true});
                                  img.addEventListener("error", done, {once: true}); }),
            new Promise(done => setTimeout(done, 5000))]);
        for (const img of document.images) { img.scrollIntoView(); await settle(img); }
        window.scrollTo(0, 0);
        return [...document.images].map(img => ({src: img.getAttribute("src"), width: img.naturalWidth}));
    }""")


def take_screenshots(page, site, out_dir: Path) -> list[Path]:
    """One viewport-sized PNG per README page, images loaded, at the top of the page."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, path in README_PAGES.items():
        page.goto(site.url(path))
        load_images(page)
        page.wait_for_load_state("networkidle")
        target = out_dir / f"{name}.png"
        page.screenshot(path=str(target), animations="disabled")
        written.append(target)
    return written


def main() -> int:
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, ROOT, _env, browser_skip_reason, make_project
    from tests.e2e.conftest import CHROMIUM_ARGS, VIEWPORT
    from tests.e2e.server import SubPathServer

    reason = browser_skip_reason()
    if reason:
        print(reason.split(":")[0], file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp), {}, with_results=True)
        shutil.copytree(ROOT / "sessions", project / "sessions", dirs_exist_ok=True)
        with SubPathServer(project / "site") as site:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project,
                           check=True, env={**_env(), "SITE_URL": site.base_url})
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                     args=CHROMIUM_ARGS)
                page = browser.new_page(viewport=VIEWPORT, color_scheme="light")
                for path in take_screenshots(page, site, IMAGES):
                    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} kB)")
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
