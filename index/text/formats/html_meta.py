"""What a web page says about itself: its title without the site's name, and when it was published.

Read from `og:title`, the article's `<h1>` or `<title>`, and `article:published_time`-like meta.
"""

from __future__ import annotations

import re

from index.text.describe import date_of
from index.text.formats.html_tree import Element, visible_text

# Meta names and properties that give the publication date, best first.
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "date",
    "dcterms.created",
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "lastmod",
)
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
# `Tiêu đề - VnExpress`, `Tiêu đề | Tuổi Trẻ Online`, `Tiêu đề – Báo Dân trí`.
_SITE_SEPARATOR = re.compile(r"\s+[-|–—:»]{1,2}\s+")
_MAX_SITE_NAME_WORDS = 4


def meta_values(html: Element) -> dict[str, str]:
    """Every `<meta>` (and `itemprop`) of the page: lower-cased name or property -> content.

    The first of each name wins; `<time datetime>` and `itemprop` elements count too."""
    values: dict[str, str] = {}
    for element in html.iter():
        if element.tag == "meta":
            key = (
                element.attrs.get("property")
                or element.attrs.get("name")
                or element.attrs.get("itemprop")
                or element.attrs.get("http-equiv")
                or ""
            )
            content = element.attrs.get("content", "")
        elif element.tag == "time" and element.attrs.get("datetime"):
            key = element.attrs.get("itemprop") or "time"
            content = element.attrs["datetime"]
        else:
            continue
        key = key.strip().lower()
        if key and content.strip() and key not in values:
            values[key] = content.strip()
    return values


def page_date(meta: dict[str, str]) -> str:
    """The publication date (`dd/mm/yyyy`) the page's metadata gives, or ''."""
    for key in (*_DATE_KEYS, "time"):
        if key in meta:
            found = date_of(meta[key])
            if found:
                return found
    return ""


def page_title(html: Element, meta: dict[str, str], heading: str = "") -> str:
    """The page's title: `og:title`, else the article `heading`, else `<title>`; the site's
    name after a separator (` - VnExpress`) left out."""
    site = meta.get("og:site_name", "")
    for key in _TITLE_KEYS:
        if meta.get(key):
            return strip_site_name(meta[key], site, heading)
    if heading:
        return heading
    titles = html.find_all("title")
    if titles:
        return strip_site_name(visible_text(titles[0], skip=lambda _: False), site, heading)
    return ""


def strip_site_name(title: str, site: str = "", heading: str = "") -> str:
    """`title` without a trailing (or leading) site name: `Bão số 3 - VnExpress` -> `Bão số 3`.

    A part is the site's name when it is `site`, or when the rest is the article's `heading`,
    or when it is a short last part (a few words) after the article's longer title."""
    title = " ".join(title.split())
    parts = _SITE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    rest_first = title[: title.rfind(parts[-1])].rstrip(" -|–—:»")
    rest_last = title[len(parts[0]) :].lstrip(" -|–—:»")
    site_key = site.strip().lower()
    if site_key and parts[-1].lower() == site_key:
        return rest_first
    if site_key and parts[0].lower() == site_key:
        return rest_last
    if heading and rest_first == " ".join(heading.split()):
        return rest_first
    last_words = len(parts[-1].split())
    if last_words <= _MAX_SITE_NAME_WORDS and last_words <= len(rest_first.split()):
        return rest_first
    return title
