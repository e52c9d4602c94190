"""Check a running Crisis Ready site as a newcomer would: every public page answers 200, in
every language, and the demo author can log in to the admin.
Usage: python scripts/smoke_check.py [BASE_URL]

Page URLs are read from the catalogue's links, so only the HTTP interface is used."""

import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
LANGUAGE_PREFIXES = ["", "/fr", "/es", "/ar"]
LINK = re.compile(r'href="((?:/(?:fr|es|ar))?/courses/[^"#?]+)"')
PREFIX = re.compile(r"^/(?:fr|es|ar)(?=/)")


def fetch(opener, path: str, data: dict | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data else None
    request = urllib.request.Request(BASE + path, data=body, headers={"Referer": BASE + path})
    with opener.open(request, timeout=30) as response:
        return response.status, response.read().decode()


def crawl(opener) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = [f"{prefix}{path}" for prefix in LANGUAGE_PREFIXES for path in ("/", "/courses/")]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        status, html = fetch(opener, path)
        seen[path] = status
        queue.extend(link for link in LINK.findall(html) if link not in seen)
    return seen


def admin_login(opener, username: str, password: str) -> bool:
    """Log in through the site's login form, as the admin's login page redirects there."""
    _, html = fetch(opener, "/admin/login/?next=/admin/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    fetch(
        opener,
        "/accounts/login/",
        {"csrfmiddlewaretoken": token, "login": username, "password": password, "next": "/admin/"},
    )
    status, html = fetch(opener, "/admin/")
    return status == 200 and 'id="wagtail-sidebar"' in html and 'name="password"' not in html


def main() -> int:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    pages = crawl(opener)
    unprefixed = [PREFIX.sub("", path) for path in pages]
    courses = [p for p in unprefixed if p.count("/") == 3 and p.startswith("/courses/")]
    lessons = [p for p in unprefixed if p.count("/") == 5]
    bad = {path: status for path, status in pages.items() if status != 200}
    logged_in = admin_login(opener, "author", "crisis-ready-author")
    print(
        f"{len(pages)} pages answered in {len(LANGUAGE_PREFIXES)} languages "
        f"({len(courses)} courses, {len(lessons)} lessons); "
        f"not 200: {bad or 'none'}; demo author admin login: {'ok' if logged_in else 'FAILED'}"
    )
    return 0 if not bad and logged_in and len(courses) >= 3 * len(LANGUAGE_PREFIXES) else 1


if __name__ == "__main__":
    sys.exit(main())
