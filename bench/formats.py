"""The benchmark corpus in another file type: each `.txt` document as a saved web page or a
Word file, cached beside the text corpus, for `python -m bench --format html|docx`.

The pages carry what real ones do around the article (menu, sidebar, footer, a script), so the
reader's work of finding the article is part of what is measured.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from collections.abc import Callable
from html import escape as html_escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from bench.corpus import corpus_files

FORMATS = ("html", "docx")
_DONE = ".complete"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MENU = ("Thời sự", "Thế giới", "Kinh doanh", "Pháp luật", "Giáo dục", "Sức khỏe", "Du lịch")
_MOST_READ = (
    "Giá vàng tăng mạnh sau ba phiên giảm liên tiếp",
    "Mưa lớn gây ngập nhiều tuyến phố ở thủ đô",
    "Ngân hàng giảm lãi suất cho vay mua nhà ở xã hội",
)
_FOOTER = "Bản quyền thuộc về Công ty Cổ phần Truyền thông Mẫu. Giấy phép số 548/GP-BTTTT."


def _lines(text: str) -> tuple[str, list[str]]:
    """The title (first line) and the paragraphs (every other non-blank line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return (lines[0] if lines else ""), lines[1:]


def html_page(text: str) -> str:
    """A document as a saved news page: the article inside the chrome a site puts round it."""
    title, paragraphs = _lines(text)
    menu = "".join(
        f'<li><a href="/muc-{n}">{html_escape(item)}</a></li>' for n, item in enumerate(_MENU)
    )
    most_read = "".join(
        f'<li><a href="/tin-{n}">{html_escape(item)}</a></li>' for n, item in enumerate(_MOST_READ)
    )
    body = "".join(f"<p>{html_escape(paragraph)}</p>" for paragraph in paragraphs)
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{html_escape(title)} - Báo Mẫu</title>"
        f'<meta property="og:title" content="{html_escape(title, quote=True)}">'
        "<style>body { font-family: serif; }</style>"
        "<script>window.dataLayer = [];</script></head><body>"
        f'<header><nav><ul class="menu">{menu}</ul></nav></header>'
        f'<main><article class="detail"><h1>{html_escape(title)}</h1>{body}</article>'
        f"<aside><h3>Tin đọc nhiều</h3><ul>{most_read}</ul></aside></main>"
        f"<footer><p>{html_escape(_FOOTER)}</p></footer></body></html>"
    )


def _w_paragraph(text: str, style: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'


def write_docx(text: str, path: Path) -> None:
    """A document as a minimal Word file at `path`: the title a heading, a paragraph a line."""
    title, paragraphs = _lines(text)
    body = _w_paragraph(title, "Heading1") + "".join(_w_paragraph(p) for p in paragraphs)
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types '
            'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{_W_NS}"><w:body>{body}</w:body></w:document>'
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)


def _write_html(text: str, path: Path) -> None:
    path.write_text(html_page(text), encoding="utf-8")


_WRITERS: dict[str, Callable[[str, Path], None]] = {"html": _write_html, "docx": write_docx}


def converted_dir(txt_root: Path, fmt: str) -> Path:
    """Where the corpus at `txt_root` converted to `fmt` is cached: beside it."""
    return txt_root.with_name(f"{txt_root.name}-{fmt}")


def format_files(root: Path, fmt: str) -> list[Path]:
    """Every document of a converted corpus, in a stable order."""
    return sorted(root.rglob(f"*.{fmt}"))


def ensure_converted(txt_root: Path, fmt: str) -> Path:
    """The corpus at `txt_root` as `fmt` files (same folders, same names), converted once."""
    if fmt not in _WRITERS:
        raise ValueError(f"no converter to {fmt!r} (one of {', '.join(FORMATS)})")
    out = converted_dir(txt_root, fmt)
    if (out / _DONE).exists():
        return out
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    print(f"converting {txt_root.name} to {fmt} into {out} ...", file=sys.stderr, flush=True)
    write = _WRITERS[fmt]
    for source in corpus_files(txt_root):
        target = (partial / source.relative_to(txt_root)).with_suffix(f".{fmt}")
        target.parent.mkdir(parents=True, exist_ok=True)
        write(source.read_text(encoding="utf-8"), target)
    partial.rename(out)
    (out / _DONE).write_text("ok\n", encoding="utf-8")
    return out
