"""Fixture makers for the web and book formats: saved news pages, EPUB books, Markdown notes.

Each takes an article text (first line the title, then paragraphs one per line) and returns
the path it wrote; the news pages wrap it in the menus, sidebars and footers real sites have.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from tests.index.text.legacy_fixtures import encode_cp1258

SITES = ("vnexpress", "tuoitre", "dantri", "oldsite")
PUBLISHED = "2024-04-02T08:30:00+07:00"
PUBLISHED_DMY = "02/04/2024"
SITE_SUFFIX = {
    "vnexpress": " - VnExpress",
    "tuoitre": " | Tuổi Trẻ Online",
    "dantri": " | Báo Dân trí",
    "oldsite": " - Báo Điện Tử Mẫu",
}
# What the page shows as the article's date line (part of the article, not boilerplate).
VISIBLE_DATE = {
    "vnexpress": "Thứ ba, 2/4/2024, 08:30 (GMT+7)",
    "tuoitre": "02/04/2024 08:30 GMT+7",
    "dantri": "Thứ ba, 02/04/2024 - 08:30",
    "oldsite": "Cập nhật: 02/04/2024",
}
MENU = (
    "Thời sự",
    "Góc nhìn",
    "Thế giới",
    "Kinh doanh",
    "Bất động sản",
    "Khoa học",
    "Giải trí",
    "Thể thao",
    "Pháp luật",
    "Giáo dục",
    "Sức khỏe",
    "Đời sống",
    "Du lịch",
    "Số hóa",
)
MOST_READ_HEADING = "Tin đọc nhiều"
MOST_READ = (
    "Giá vàng tăng mạnh sau ba phiên giảm liên tiếp",
    "Đội tuyển bóng đá nữ vào chung kết khu vực",
    "Mưa lớn gây ngập nhiều tuyến phố ở thủ đô",
    "Ngân hàng giảm lãi suất cho vay mua nhà ở xã hội",
    "Học sinh lớp mười hai bước vào kỳ thi thử tốt nghiệp",
)
RELATED_HEADING = "Tin liên quan"
RELATED = (
    "Nông dân miền Tây chuyển sang trồng dưa lưới trong nhà màng",
    "Giá cà phê xuất khẩu lập đỉnh mới trong tháng ba",
)
COMMENTS = (
    "Bài viết rất hay, cảm ơn tác giả đã phản ánh kịp thời nỗi vất vả của bà con, mong chính "
    "quyền sớm có biện pháp hỗ trợ thiết thực.",
    "Năm nào cũng vậy, đến mùa khô là lại thiếu nước, cần quy hoạch thủy lợi bài bản hơn nữa.",
)
FOOTER = (
    "Bản quyền thuộc về Công ty Cổ phần Truyền thông Mẫu",
    "Địa chỉ: Tầng 5, số 17 phố Tràng Tiền, quận Hoàn Kiếm, Hà Nội",
    "Điện thoại: 024 7300 8899, hộp thư liên hệ và góp ý của độc giả",
    "Giấy phép số 548/GP-BTTTT cấp ngày 24/8/2021",
)
AD_TEXT = "Khuyến mãi cực lớn mua một tặng một"
SCRIPT_TEXT = "Chương trình tài trợ bí mật"
HIDDEN_COMMENT = "Ghi chú ẩn của biên tập viên"
# Words of the page that are never the article: a reader must leave every one of them out.
BOILERPLATE = (
    *MENU,
    MOST_READ_HEADING,
    *MOST_READ,
    RELATED_HEADING,
    *RELATED,
    *COMMENTS,
    *FOOTER,
    AD_TEXT,
    SCRIPT_TEXT,
    HIDDEN_COMMENT,
)
FILES_FOLDER_PAGE_TEXT = "Trang quảng cáo nhúng trong thư mục tệp đi kèm"

ARTICLE = (
    "Hạn hán kéo dài ở đồng bằng sông Cửu Long\n"
    "Nắng nóng và xâm nhập mặn khiến hàng chục nghìn hộ dân ở các tỉnh miền Tây thiếu nước "
    "sinh hoạt trong nhiều tuần liền.\n"
    "Tại huyện Thạnh Phú, tỉnh Bến Tre, người dân phải mua từng can nước ngọt với giá gấp ba "
    "lần so với mọi năm, trong khi ruộng lúa khô nứt vì không còn nguồn tưới.\n"
    "Ông Nguyễn Văn Tám, một nông dân trồng dừa, cho biết gia đình ông đã mất gần nửa vườn "
    "cây giống, còn ao cá thì cạn trơ đáy sau hai tháng không có mưa.\n"
    "Chính quyền địa phương đã lắp đặt thêm các bồn chứa, điều xe bồn chở nước đến từng ấp và "
    "vận động các doanh nghiệp hỗ trợ máy lọc nước cho trường học, trạm y tế.\n"
    "Các chuyên gia thủy lợi khuyến cáo bà con chủ động trữ nước mưa, chuyển đổi sang giống cây "
    "chịu mặn và theo dõi sát bản tin độ mặn để lấy nước đúng thời điểm.\n"
    "Dự báo tình trạng khô hạn còn kéo dài đến giữa tháng năm, khi mùa mưa bắt đầu trở lại ở "
    "khu vực Nam Bộ."
)


def _split(article_text: str) -> tuple[str, str, list[str]]:
    lines = [line.strip() for line in article_text.split("\n") if line.strip()]
    title = lines[0] if lines else ""
    lead = lines[1] if len(lines) > 1 else ""
    return title, lead, lines[2:]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _marked(paragraph: str, tag: str) -> str:
    """The paragraph with its second and third words inside an inline `tag` (bold, a link)."""
    words = paragraph.split(" ")
    if len(words) < 4:
        return _e(paragraph)
    opening = '<a href="https://example.vn/chu-de">' if tag == "a" else f"<{tag}>"
    inner = f"{opening}{_e(' '.join(words[1:3]))}</{tag}>"
    return f"{_e(words[0])} {inner} {_e(' '.join(words[3:]))}"


def _links(items: tuple[str, ...], item: str = "li") -> str:
    return "".join(
        f'<{item}><a href="https://example.vn/tin-{n}.html">{_e(text)}</a></{item}>'
        for n, text in enumerate(items)
    )


def _menu() -> str:
    return _links(MENU)


def _comments(css: str) -> str:
    return "".join(f'<div class="{css}"><b>Độc giả</b><p>{_e(text)}</p></div>' for text in COMMENTS)


def _footer_lines() -> str:
    return "".join(f"<p>{_e(line)}</p>" for line in FOOTER)


_SCRIPT = (
    "<script>window.dataLayer = window.dataLayer || [];"
    f' var banner = "{SCRIPT_TEXT}"; if (a < b && b > c) {{ run(); }}</script>'
)


def _vnexpress(title: str, lead: str, body: list[str], files: str) -> str:
    paragraphs = [f'<p class="Normal">{_marked(p, "strong")}</p>' for p in body]
    paragraphs.insert(
        min(2, len(paragraphs)),
        f'<div id="ads_inarticle" class="banner-ads">{_e(AD_TEXT)}</div>{_SCRIPT}',
    )
    return f"""<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>{_e(title)}{SITE_SUFFIX["vnexpress"]}</title>
<meta property="og:title" content="{_e(title)}{SITE_SUFFIX["vnexpress"]}">
<meta property="og:site_name" content="VnExpress">
<meta name="description" content="{_e(lead)}">
<meta property="article:published_time" content="{PUBLISHED}">
<link rel="stylesheet" href="{files}/main.css">
<style>.title-detail {{ font-size: 32px; }} body::before {{ content: "{SCRIPT_TEXT}"; }}</style>
{_SCRIPT}
</head>
<body class="page-detail has-sidebar">
<!-- {HIDDEN_COMMENT} -->
<header class="section header"><div class="container">
<a class="logo" href="/" title="VnExpress">VnExpress</a>
<nav class="main-nav"><ul class="parent">{_menu()}</ul></nav></div></header>
<section class="section page-detail top-detail"><div class="container">
<div class="sidebar-1">
<div class="header-content width_common">
<ul class="breadcrumb"><li><a href="/kinh-doanh">Kinh doanh</a></li>
<li><a href="/kinh-doanh/nong-nghiep">Nông nghiệp</a></li></ul>
<span class="date">{VISIBLE_DATE["vnexpress"]}</span></div>
<h1 class="title-detail">{_e(title)}</h1>
<p class="description">{_e(lead)}</p>
<article class="fck_detail">
{"".join(paragraphs)}
<p class="Normal" style="text-align:right;"><strong>Minh Anh</strong></p>
</article>
<div class="footer-content">
<div class="box-tinlienquanv2"><h3 class="title-box">{RELATED_HEADING}</h3>
<ul>{_links(RELATED)}</ul>
</div>
<div class="box-comment" id="box_comment_vne"><h3>Ý kiến (2)</h3>{_comments("comment_item")}</div>
</div></div>
<div class="sidebar-2"><div class="box-category box-most-view">
<h2 class="title-box">{MOST_READ_HEADING}</h2><ul>{_links(MOST_READ)}</ul></div>
<div class="banner-ads" id="sis_outstream_container">{_e(AD_TEXT)}</div></div>
</div></section>
<footer id="footer" class="footer"><div class="container">{_footer_lines()}</div></footer>
</body></html>
"""


def _tuoitre(title: str, lead: str, body: list[str], files: str) -> str:
    paragraphs = [f"<p>{_marked(p, 'a')}</p>" for p in body]
    paragraphs.insert(
        min(3, len(paragraphs)),
        '<div type="RelatedOneNews" class="VCSortableInPreviewMode">'
        f'<a href="https://example.vn/lien-quan.htm" class="link-callout">{_e(RELATED[0])}</a>'
        "</div>",
    )
    paragraphs.insert(1, f'<div id="adsWeb_AdsArticleMiddle">{_e(AD_TEXT)}</div>')
    return f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_e(title)}{SITE_SUFFIX["tuoitre"]}</title>
<meta property="og:title" content="{_e(title)}">
<meta name="pubdate" content="{PUBLISHED}">
<script src="{files}/app.js"></script>
</head><body>
<div class="header"><div class="header-top"><a href="/" class="logo">Tuổi Trẻ Online</a>
<div class="header-right">Đăng nhập</div></div>
<ul class="menu-nav">{_menu()}</ul></div>
<div class="container"><div class="detail-container">
<div class="detail-main"><div id="main-detail" class="detail-w">
<div class="detail-cate"><a href="/kinh-doanh.htm">Kinh doanh</a></div>
<h1 class="detail-title article-title" data-role="title">{_e(title)}</h1>
<div class="detail-top"><div class="detail-time">
<div data-role="publishdate">{VISIBLE_DATE["tuoitre"]}</div></div>
<div class="detail-share"><a href="#">Chia sẻ</a> <a href="#">Facebook</a>
<a href="#">Zalo</a></div>
</div>
<h2 class="detail-sapo" data-role="sapo">{_e(lead)}</h2>
<div class="detail-cmain"><div class="detail-content afcbc-body" data-role="content">
{"".join(paragraphs)}
<div class="author-info">LÊ VĂN HÙNG</div>
</div></div>
<div class="detail-tab"><a href="#">Đời sống</a><a href="#">Nông nghiệp</a></div>
<div class="box-tin-lien-quan"><h3>{RELATED_HEADING}</h3><ul>{_links(RELATED)}</ul></div>
<div class="detail-comment">{_comments("item-comment")}</div>
</div></div>
<div class="detail-aside"><div class="box-doc-nhieu"><h3>{MOST_READ_HEADING}</h3>
<ul>{_links(MOST_READ)}</ul></div></div>
</div></div>
<div class="footer"><div class="footer-info">{_footer_lines()}</div></div>
<script>var {_e("x")} = "{SCRIPT_TEXT}";</script>
<!-- {HIDDEN_COMMENT} -->
</body></html>
"""


def _dantri(title: str, lead: str, body: list[str], files: str) -> str:
    paragraphs = [f"<p>{_marked(p, 'em')}</p>" for p in body]
    paragraphs.insert(
        min(4, len(paragraphs)),
        f'<article class="article-related"><h4>{RELATED_HEADING}</h4>'
        f'<div class="article-content">{_links(RELATED, "div")}</div></article>',
    )
    paragraphs.insert(2, f'<figure class="image"><img src="{files}/anh.jpg" alt=""></figure>')
    return f"""<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}{SITE_SUFFIX["dantri"]}</title>
<meta property="og:title" content="{_e(title)}">
<meta itemprop="datePublished" content="{PUBLISHED}">
<link rel="stylesheet" href="{files}/dantri.css">
</head><body>
<header class="site-header"><div class="header-wrap"><a class="logo" href="/">Dân trí</a>
<nav class="menu-wrap"><ol class="menu-list">{_menu()}</ol></nav></div></header>
<main class="body-container"><div class="grid-container">
<article class="singular-container">
<ul class="dt-breadcrumb"><li><a href="/kinh-doanh.htm">Kinh doanh</a></li></ul>
<h1 class="title-page detail">{_e(title)}</h1>
<div class="author-wrap"><div class="author-name"><a href="#"><b>Lan Hương</b></a></div>
<time class="author-time" datetime="2024-04-02 08:30">{VISIBLE_DATE["dantri"]}</time></div>
<h2 class="singular-sapo">{_e(lead)}</h2>
<div class="singular-content">
{"".join(paragraphs)}
</div>
<div class="singular-tags"><span>Tags:</span><a href="#">hạn mặn</a><a href="#">miền Tây</a></div>
<div class="comment-wrap" id="comment"><h3>Bình luận (2)</h3>{_comments("comment-item")}</div>
</article>
<aside class="sidebar"><div class="article-top-read"><h3>{MOST_READ_HEADING}</h3>
<ol>{_links(MOST_READ)}</ol></div>
<div class="ads-sidebar"><ins class="adsbygoogle">{_e(AD_TEXT)}</ins></div>
{_SCRIPT}</aside>
</div></main>
<footer class="site-footer">{_footer_lines()}</footer>
<!-- {HIDDEN_COMMENT} -->
</body></html>
"""


def _oldsite(title: str, lead: str, body: list[str], files: str) -> str:
    text = "<br><br>\n".join(_e(p) for p in (lead, *body))
    menu = " | ".join(f'<a href="/{n}.htm">{_e(name)}</a>' for n, name in enumerate(MENU))
    most_read = "".join(f'<a href="/{n}.htm">{_e(t)}</a><br>' for n, t in enumerate(MOST_READ))
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>{_e(title)}{SITE_SUFFIX["oldsite"]}</title>
<script language="JavaScript">document.write("{SCRIPT_TEXT}");</script>
</head>
<body bgcolor="#FFFFFF"><table width="780" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><img src="{files}/logo.gif"><br>{menu}</td></tr>
<tr><td width="180" valign="top"><font size="2"><b>{MOST_READ_HEADING}</b><br>{most_read}</font>
</td>
<td valign="top"><font face="Arial" size="4"><b>{_e(title)}</b></font><br>
<i>{VISIBLE_DATE["oldsite"]}</i><br><br>
<font face="Arial" size="2">{text}</font>
</td></tr>
<tr><td colspan="2" align="center"><font size="1">{"<br>".join(_e(f) for f in FOOTER)}</font>
</td></tr></table>
<!-- {HIDDEN_COMMENT} -->
</body></html>
"""


_BUILDERS = {"vnexpress": _vnexpress, "tuoitre": _tuoitre, "dantri": _dantri, "oldsite": _oldsite}


def news_page_html(article_text: str, site: str = "vnexpress", files: str = "bai_files") -> str:
    """The HTML of a saved news page of `site`'s layout around `article_text`."""
    title, lead, body = _split(article_text)
    return _BUILDERS[site](title, lead, body, files)


def article_truth(article_text: str, site: str) -> str:
    """What a reader should give for the page: the article and its visible date line."""
    title, lead, body = _split(article_text)
    return "\n".join([title, VISIBLE_DATE[site], lead, *body])


def _encode_page(page: str, charset: str) -> bytes:
    declared = "utf-8" if charset == "ascii" else charset
    page = re.sub(r"(charset=\"?)[\w-]+", lambda m: m.group(1) + declared, page)
    if charset == "utf-8":
        return page.encode("utf-8")
    if charset == "windows-1258":
        return encode_cp1258(page)
    if charset == "ascii":  # every letter outside ASCII as a numeric character reference
        return page.encode("ascii", "xmlcharrefreplace")
    raise ValueError(charset)


def write_news_page(
    path: Path,
    article_text: str,
    *,
    site: str = "vnexpress",
    charset: str = "utf-8",
    with_files_folder: bool = False,
) -> Path:
    """A saved news page at `path` (`charset`: utf-8, windows-1258 or ascii with entities);
    with `with_files_folder`, the `<name>_files/` folder a browser saves beside it, holding
    styles, scripts and an embedded page of its own."""
    files = f"{path.stem}_files"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_encode_page(news_page_html(article_text, site, files), charset))
    if with_files_folder:
        folder = path.parent / files
        folder.mkdir(exist_ok=True)
        (folder / "main.css").write_text("body { color: #222; }", encoding="utf-8")
        (folder / "app.js").write_text(f'var a = "{SCRIPT_TEXT}";', encoding="utf-8")
        (folder / "quangcao.html").write_text(
            f"<html><body><p>{FILES_FOLDER_PAGE_TEXT}</p></body></html>", encoding="utf-8"
        )
        (folder / "ghi-chu.txt").write_text(FILES_FOLDER_PAGE_TEXT, encoding="utf-8")
    return path


# --- EPUB ------------------------------------------------------------------------------------

_CONTAINER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles></container>"""


def _chapter_xhtml(chapter: str) -> str:
    title, _, rest = chapter.partition("\n")
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in rest.split("\n") if p.strip())
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>{_e(title)}</title><link rel="stylesheet" href="../Styles/sach.css"/></head>
<body><section epub:type="chapter"><h2>{_e(title)}</h2>{paragraphs}</section></body></html>"""


def write_epub(
    path: Path,
    chapters: list[str],
    title: str = "Sách mẫu",
    *,
    date: str = "2024-04-02",
    file_names: list[str] | None = None,
    encrypted: bool = False,
) -> Path:
    """An EPUB 3 book at `path`: each chapter (first line its title) an XHTML file in spine
    order; `file_names` name the chapter files (so zip order can differ from spine order);
    `encrypted` adds the `META-INF/encryption.xml` a DRM shop puts in."""
    names = file_names or [f"chuong{n:02d}.xhtml" for n in range(1, len(chapters) + 1)]
    manifest = "".join(
        f'<item id="c{n}" href="Text/{name}" media-type="application/xhtml+xml"/>'
        for n, name in enumerate(names)
    )
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(len(names)))
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:uuid:0000</dc:identifier><dc:title>{_e(title)}</dc:title>
<dc:language>vi</dc:language><dc:date>{date}</dc:date></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="css" href="Styles/sach.css" media-type="text/css"/>{manifest}</manifest>
<spine>{spine}</spine></package>"""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", _CONTAINER_XML)
        if encrypted:
            book.writestr(
                "META-INF/encryption.xml",
                '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                f'<enc:CipherData><enc:CipherReference URI="OEBPS/Text/{names[0]}"/>'
                "</enc:CipherData></enc:EncryptedData></encryption>",
            )
        book.writestr("OEBPS/content.opf", opf)
        book.writestr("OEBPS/Styles/sach.css", "p { text-indent: 1em; }")
        book.writestr(
            "OEBPS/nav.xhtml",
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><nav><ol><li>Mục lục</li></ol>'
            "</nav></body></html>",
        )
        for name, chapter in sorted(zip(names, chapters, strict=True)):
            book.writestr(f"OEBPS/Text/{name}", _chapter_xhtml(chapter))
    return path


def write_article_epub(path: Path, article_text: str) -> Path:
    """An EPUB of one chapter holding `article_text` (its title the book's title too)."""
    return write_epub(path, [article_text], title=_split(article_text)[0])


# --- Markdown --------------------------------------------------------------------------------


def write_markdown(path: Path, article_text: str, *, front_matter: bool = False) -> Path:
    """`article_text` as a Markdown note: the title a `#` heading, a word in each paragraph in
    `**bold**`, one in `_italics_` and a link; with `front_matter`, YAML title and date."""
    title, lead, body = _split(article_text)
    lines = []
    if front_matter:
        lines += ["---", f'title: "{title}"', f"date: {PUBLISHED[:10]}", "---", ""]
    lines += [f"# {title}", ""]
    for n, paragraph in enumerate((lead, *body)):
        words = paragraph.split(" ")
        if len(words) >= 4:
            marks = ("**{}**", "_{}_", "[{}](https://example.vn/{})")[n % 3]
            words[1] = marks.format(words[1], n)
        lines += [" ".join(words), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
