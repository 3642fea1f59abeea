"""EPUB books: each chapter in spine (reading) order, its title first; the book's title and date.

The zip's `container.xml` names the package (OPF) whose spine orders the XHTML chapters.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from urllib.parse import unquote
from xml.etree import ElementTree

from index.errors import UndecodableFile
from index.text.describe import date_of
from index.text.formats.extracted import Extracted
from index.text.formats.html import decode_html
from index.text.formats.html_tree import parse_html, visible_text
from index.text.formats.limits import MAX_PARTS, Deadline, TextBudget, open_zip, read_member

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
# Font obfuscation (IDPF, Adobe) is not DRM: the text stays readable.
_FONT_OBFUSCATION = (
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
)
_FONT_SUFFIXES = (".otf", ".ttf", ".woff", ".woff2")
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")
_HEADINGS = ("h1", "h2", "h3", "h4")


def read_epub(data: bytes, deadline: Deadline) -> Extracted:
    """The chapters of an EPUB book in reading order, each an unpaged part starting with its
    title; refuses a DRM-encrypted book."""
    archive = open_zip(data)
    unpacked = [0]
    if _is_encrypted(archive, unpacked):
        raise UndecodableFile("encrypted (DRM-protected e-book)")
    opf_path = _package_path(archive, unpacked)
    package = _parse_xml(read_member(archive, opf_path, unpacked), opf_path)
    title, date = _metadata(package)
    budget = TextBudget()
    parts: list[str] = []
    for name in _spine(package, posixpath.dirname(opf_path))[:MAX_PARTS]:
        deadline.check()
        if budget.spent:
            break
        try:
            chapter = read_member(archive, name, unpacked)
        except UndecodableFile as error:
            if "missing" in str(error):
                continue  # a spine entry the shop left out: the rest of the book still reads
            raise
        text = budget.take(_chapter_text(chapter, deadline))
        if text:
            parts.append(text)
    if not parts:
        raise UndecodableFile("damaged file: the book has no readable chapters")
    return Extracted(tuple(parts), "epub", title=title, date=date)


def _local(tag: str) -> str:
    """`{namespace}name` -> `name`."""
    return tag.rsplit("}", 1)[-1]


def _parse_xml(data: bytes, name: str) -> ElementTree.Element:
    if b"<!ENTITY" in data:
        raise UndecodableFile(f"damaged file: {name} declares entities")  # entity bombs
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise UndecodableFile(f"damaged file: {name}: {error}") from error


def _is_encrypted(archive: zipfile.ZipFile, unpacked: list[int]) -> bool:
    """True when `encryption.xml` lists a resource other than an obfuscated font."""
    if _ENCRYPTION not in archive.namelist():
        return False
    root = _parse_xml(read_member(archive, _ENCRYPTION, unpacked), _ENCRYPTION)
    for data in root.iter():
        if _local(data.tag) != "EncryptedData":
            continue
        method = next((e for e in data.iter() if _local(e.tag) == "EncryptionMethod"), None)
        reference = next((e for e in data.iter() if _local(e.tag) == "CipherReference"), None)
        algorithm = method.get("Algorithm", "") if method is not None else ""
        uri = reference.get("URI", "") if reference is not None else ""
        if algorithm in _FONT_OBFUSCATION or uri.lower().endswith(_FONT_SUFFIXES):
            continue
        return True
    return False


def _package_path(archive: zipfile.ZipFile, unpacked: list[int]) -> str:
    """The OPF package's path, from `container.xml` (or the first `.opf` in the zip)."""
    if _CONTAINER in archive.namelist():
        container = _parse_xml(read_member(archive, _CONTAINER, unpacked), _CONTAINER)
        for rootfile in container.iter():
            if _local(rootfile.tag) == "rootfile" and rootfile.get("full-path"):
                return rootfile.get("full-path", "")
    found = next((n for n in archive.namelist() if n.lower().endswith(".opf")), None)
    if found is None:
        raise UndecodableFile("damaged file: not an EPUB book (no package file)")
    return found


def _metadata(package: ElementTree.Element) -> tuple[str, str]:
    """The book's `dc:title` and its `dc:date` as `dd/mm/yyyy` (a bare year gives none)."""
    title = date = ""
    for element in package.iter():
        name = _local(element.tag)
        value = " ".join((element.text or "").split())
        if name == "title" and not title:
            title = value
        elif name == "date" and not date:
            date = date_of(value)
    return title, date


def _spine(package: ElementTree.Element, base: str) -> list[str]:
    """The chapters' member names in reading order: the spine's itemrefs through the manifest."""
    manifest: dict[str, tuple[str, str]] = {}
    spine: list[str] = []
    for element in package.iter():
        name = _local(element.tag)
        if name == "item" and element.get("id") and element.get("href"):
            manifest[element.get("id", "")] = (
                element.get("href", ""),
                element.get("media-type", ""),
            )
        elif name == "itemref" and element.get("linear", "yes") != "no":
            spine.append(element.get("idref", ""))
    names: list[str] = []
    for idref in spine:
        if idref not in manifest:
            continue
        href, media_type = manifest[idref]
        if media_type and media_type not in _CHAPTER_TYPES:
            continue
        member = posixpath.normpath(posixpath.join(base, unquote(href.split("#", 1)[0])))
        if member not in names:
            names.append(member)
    return names


def _chapter_text(data: bytes, deadline: Deadline) -> str:
    """A chapter's text, its title first: its own heading, else its `<title>` put before it."""
    text, _encoding = decode_html(data)
    html = parse_html(text, deadline)
    body = visible_text(html, deadline=deadline)
    if any(element.tag in _HEADINGS for element in html.iter()):
        return body
    titles = html.find_all("title")
    title = visible_text(titles[0], skip=lambda _: False) if titles else ""
    if title and not _same(body.split("\n", 1)[0], title):
        return f"{title}\n{body}" if body else title
    return body


def _same(line: str, title: str) -> bool:
    return re.sub(r"\W+", "", line).lower() == re.sub(r"\W+", "", title).lower()
