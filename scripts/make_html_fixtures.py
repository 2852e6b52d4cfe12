"""Write web-page copies of the demo articles into ``tests/data/html/`` (run by hand).

    python scripts/make_html_fixtures.py [--check]

Each demo article becomes a page as a news site would serve it: a cookie banner, the
site's navigation, a share bar and a byline around the article, then related links, a
newsletter box, readers' comments and a footer. The article's own lines go into the
``<article>`` element unchanged, as paragraphs (its headline line, when it has one, as the
``<h1>``; a leading ``date YYYY-MM-DD`` marker becomes the page's publication date), so
extracting the page must give back the text of the demo file. ``tests/test_html.py``
checks that a comparison of two pages equals the comparison of the two text files, and
that these files are what this script writes (``--check`` does the same here).

``03`` is written in windows-1252 with the charset declared in a ``<meta http-equiv>``
tag, as older sites still serve pages; the others are UTF-8.
"""

from __future__ import annotations

import argparse
import re
import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "diffreader" / "demo"
OUT = ROOT / "tests" / "data" / "html"

SITES = {
    "00_original": ("Saltmere Gazette", "saltmeregazette.example", "Jo Pellow"),
    "01_rewrite_syndicated": ("Coastline Daily", "coastlinedaily.example", "Coastline Press"),
    "02_rewrite_contentfarm": ("TrendWire Now", "trendwire.example", "Staff Writer"),
    "03_rewrite_update": ("NewsPulse Digest", "newspulse.example", "Automated Desk"),
    "04_unrelated": ("Saltmere Gazette", "saltmeregazette.example", "Jo Pellow"),
}
"""Fictional sites (``.example`` domains) and bylines."""

_MARKER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")

_COMMENTS = (
    ("harbourwatcher", "About time. The railings have been rusting for as long as I remember."),
    ("E. Marsh", "Will the buses be rerouted over the ring road? Nobody has said."),
    ("kestle_kid", "Shame for the shops. Hope they get some help from the county."),
)

_RELATED = (
    "Ferry fares to rise in spring as fuel costs bite",
    "Harbour wall works finished two months early",
    "Council publishes its budget for the coming year",
    "Photos: the storm surge that flooded the quay",
)


def _headline(lines: list[str]) -> str | None:
    """The article's headline line, when the demo file opens with one (no final stop)."""
    first = lines[0]
    return first if not first.rstrip().endswith((".", "”", '"', "?", "!")) else None


def page(name: str, text: str) -> str:
    """The page of one demo article (a ``str``; the caller encodes it)."""
    site, domain, author = SITES[name]
    lines = [line for line in text.split("\n") if line.strip()]
    date = None
    if match := _MARKER.match(lines[0]):
        date = match.group(1)
        lines[0] = lines[0][match.end() :]
    headline = _headline(lines)
    body = lines[1:] if headline else lines
    title = headline or f"Saltmere bridge news – {site}"
    charset = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        if name.startswith("03")
        else '<meta charset="utf-8">'
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        charset,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} | {escape(site)}</title>",
        f'<meta property="og:title" content="{escape(title)}">',
        f'<meta property="og:site_name" content="{escape(site)}">',
        f'<meta name="author" content="{escape(author)}">',
        f'<link rel="canonical" href="https://{domain}/news/{name}">',
    ]
    if date:
        out.append(f'<meta property="article:published_time" content="{date}T08:30:00+00:00">')
    out += [
        '<link rel="stylesheet" href="/static/site.css">',
        "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({page: 'article'});"
        "</script>",
        "</head>",
        "<body>",
        '<div id="cookie-consent" class="cookie-banner" role="dialog">',
        "<p>We use cookies to personalise content and ads and to analyse our traffic. "
        "You can change your choice at any time in the privacy settings.</p>",
        "<button>Accept all</button> <button>Manage preferences</button>",
        "</div>",
        '<header class="site-header">',
        f'<a class="logo" href="/">{escape(site)}</a>',
        '<nav class="main-nav"><ul>',
        *(
            f'<li><a href="/{section.lower()}">{section}</a></li>'
            for section in ("News", "Local", "Business", "Sport", "Weather", "Opinion")
        ),
        "</ul></nav>",
        '<form class="search" action="/search"><input name="q" placeholder="Search">'
        "<button>Go</button></form>",
        "</header>",
        '<main id="content">',
        '<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/local">Local</a></nav>',
        "<article>",
    ]
    if headline:
        out.append(f"<h1>{escape(headline)}</h1>")
    out += [
        f'<p class="byline">By <a href="/authors/{author.lower().replace(" ", "-")}">'
        f"{escape(author)}</a></p>",
        '<div class="share"><a href="#">Share</a> <a href="#">Email</a> <a href="#">Print</a>'
        "</div>",
    ]
    out += [f"<p>{escape(line)}</p>" for line in body]
    out += [
        "</article>",
        '<aside class="related"><h2>Related stories</h2><ul>',
        *(f'<li><a href="/news/{i}">{escape(t)}</a></li>' for i, t in enumerate(_RELATED)),
        "</ul></aside>",
        '<div class="newsletter"><h2>Get the morning briefing</h2>'
        "<p>The day's local news in your inbox before breakfast.</p>"
        '<input type="email" placeholder="Your email"><button>Sign up</button></div>',
        '<section id="comments" class="comments"><h2>Comments (3)</h2>',
        *(
            f'<div class="comment"><p class="comment-author">{escape(who)}</p>'
            f"<p>{escape(said)}</p></div>"
            for who, said in _COMMENTS
        ),
        "</section>",
        "</main>",
        '<footer class="site-footer">',
        '<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
        '<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms</a></li></ul>',
        f"<p>© 2026 {escape(site)}. All rights reserved.</p>",
        "</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


def pages() -> dict[str, bytes]:
    """File name -> bytes of every fixture page."""
    written = {}
    for source in sorted(DEMO.glob("0*.txt")):
        encoding = "cp1252" if source.stem.startswith("03") else "utf-8"
        html = page(source.stem, source.read_text(encoding="utf-8"))
        written[source.stem + ".html"] = html.encode(encoding)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the files are current")
    args = parser.parse_args(argv)
    stale = []
    for name, data in pages().items():
        target = OUT / name
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target.relative_to(ROOT)} ({len(data):,} bytes)")
    if stale:
        print(f"stale: {', '.join(stale)} (run scripts/make_html_fixtures.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
