"""Screenshots of every public page type at phone and desktop widths in Finnish, Swedish and English.

Run through `make screenshots`, which first builds the demo database in var/. Starts the development
server on a free loopback port with the screenshots settings, drives Debian's chromium with Playwright
and writes var/screenshots/<language>-<page>-<width>.png (home, content page, the method bank with
filters, project, model, good practice, search results, sign-up, 404 and the styleguide's examples),
the 500 page, keyboard focus, and a print preview of a real model page (PDF, plus PNGs when pdftoppm
is installed).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
PDFTOPPM = "/usr/bin/pdftoppm"
WIDTHS = {"phone": 360, "desktop": 1280}
NARROWEST = 320  # WCAG 1.4.10 reflow: nothing may scroll sideways at this width
LANGUAGES = ("fi", "sv", "en")
SEARCH_TERMS = {"fi": "malli", "sv": "modell", "en": "model"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.screenshots"


def ensure_tools():
    """chromium (make installs it too) and pdftoppm for the print preview, from Debian's packages."""
    missing = [
        package for package, path in (("chromium", CHROMIUM), ("poppler-utils", PDFTOPPM)) if not Path(path).exists()
    ]
    if not missing:
        return
    print(f"Installing {', '.join(missing)} from Debian's packages")
    subprocess.run(["apt-get", "update", "-qq"], check=True)  # noqa: S607 - Debian's own tools
    subprocess.run(  # noqa: S603 - fixed package names
        ["apt-get", "install", "-y", "-qq", *missing],  # noqa: S607
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the development server stopped (exit code {server.returncode}); see {OUT}/server.log")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own loopback server
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the development server did not answer at {url} within {seconds} s")


def pages():
    """(name, path) for each language; paths come from the URL configuration and the demo content."""
    import django

    django.setup()
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from demo.content import demo_page
    from home.models import ContentPage, HomePage
    from methodbank.models import GoodPracticePage, MethodBankIndexPage, ModelPage, ProjectPage

    result = {}
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        home = HomePage.objects.get(locale=locale)
        about = ContentPage.objects.live().filter(locale=locale).first()
        live = {"locale": locale, "live": True}
        index = MethodBankIndexPage.objects.get(**live)
        with translation.override(language):
            result[language] = [
                ("home", home.url),
                ("content", about.url),
                ("method-bank", index.url),
                ("method-bank-filtered", f"{index.url}?theme=C&type=model&type=practice"),
                ("project", demo_page(ProjectPage, "sopu", language).url),
                ("model", demo_page(ModelPage, "koulutukseen-tutustuminen", language).url),
                ("practice", demo_page(GoodPracticePage, "tutustujan-perehdytys", language).url),
                ("search", f"{reverse('search')}?q={SEARCH_TERMS[language]}"),
                ("sign-up", reverse("register")),
                ("404", f"/{language}/no-such-page/"),
                ("styleguide-listing", reverse("styleguide", args=["listing"])),
                ("styleguide-model", reverse("styleguide", args=["model"])),
                ("styleguide-form", reverse("styleguide", args=["form"])),
            ]
    return result


def server_error_html():
    from django.template.loader import get_template

    return get_template("500.html").render({})


def main():
    ensure_tools()
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    to_visit = pages()
    error_page = server_error_html()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (OUT / "server.log").open("wb")
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "runserver", "--insecure", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.screenshots"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    written = []
    overflowing = []
    try:
        wait_for(f"{base}/robots.txt", server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width_name, width in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=1)
                page = context.new_page()
                for language, entries in to_visit.items():
                    for name, path in entries:
                        page.goto(base + path, wait_until="networkidle")
                        target = OUT / f"{language}-{name}-{width_name}.png"
                        page.screenshot(path=target, full_page=True)
                        written.append(target)
                # The 500 page as the server would send it; its stylesheet loads from the running server.
                page.route(
                    f"{base}/server-error-preview/",
                    lambda route: route.fulfill(status=500, content_type="text/html; charset=utf-8", body=error_page),
                )
                page.goto(f"{base}/server-error-preview/", wait_until="networkidle")
                target = OUT / f"500-{width_name}.png"
                page.screenshot(path=target, full_page=True)
                written.append(target)
                context.close()
            # Keyboard focus: the skip link after one Tab, the first language link after three.
            context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 400})
            page = context.new_page()
            page.goto(base + dict(to_visit["en"])["home"], wait_until="networkidle")
            for presses, name in ((1, "skip-link"), (2, "language-link")):
                for _ in range(presses):
                    page.keyboard.press("Tab")
                target = OUT / f"en-focus-{name}-desktop.png"
                page.screenshot(path=target)
                written.append(target)
            context.close()
            context = browser.new_context(viewport={"width": NARROWEST, "height": 640})
            page = context.new_page()
            for language, entries in to_visit.items():
                for name, path in entries:
                    page.goto(base + path, wait_until="networkidle")
                    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                        overflowing.append(f"{language} {name}")
            context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + dict(to_visit["en"])["model"], wait_until="networkidle")
            pdf = OUT / "en-model-print.pdf"
            page.pdf(path=pdf, format="A4")
            written.append(pdf)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, OUT / "en-model-print"], check=True)  # noqa: S603,S607
        written.extend(sorted(OUT.glob("en-model-print*.png")))
    print(f"{len(written)} files in {OUT.relative_to(ROOT)}/")
    if overflowing:
        raise SystemExit(f"wider than {NARROWEST} px, scrolls sideways: {', '.join(overflowing)}")


if __name__ == "__main__":
    main()
