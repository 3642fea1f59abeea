"""The visible text of HTML: blocks on their own lines, inline runs whole, hidden parts gone.

Parsed from real markup strings the way a browser recovers from broken ones.
"""

from __future__ import annotations

import pytest

from index.text.formats.html_tree import parse_html, visible_text
from index.text.formats.limits import Deadline


def _text(markup: str) -> str:
    return visible_text(parse_html(markup, Deadline()))


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Chủ <b>tịch</b> nước</p>", "Chủ tịch nước"),
        ("<p>Hà<span>Nội</span></p>", "HàNội"),  # no space in the markup: none in the text
        ("<div>một</div><div>hai</div>", "một\nhai"),
        ("<li>một<li>hai", "một\nhai"),
        ("<p>dòng<br>mới</p>", "dòng\nmới"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        ("<pre>  mã\n    lệnh</pre>", "mã\nlệnh"),
        ("<p>a<script>var x = 'lộ';</script>b<style>p{}</style></p>", "a b"),
        ("<p>a<!-- bình luận ẩn -->b</p>", "ab"),
        ("<p hidden>ẩn</p><p style='display: none'>ẩn</p><p>hiện</p>", "hiện"),
        ("<p>  nhiều   khoảng\n\n trắng&nbsp;&nbsp;đây </p>", "nhiều khoảng trắng đây"),
        ("<head><title>Tựa</title></head><body>Thân</body>", "Thân"),
    ],
)
def test_visible_text_reads_as_a_browser_shows_it(markup: str, text: str) -> None:
    assert _text(markup) == text


def test_elements_keep_their_attributes_and_order() -> None:
    html = parse_html("<div id='a' class='Box Tin'><p>x</p></div><p>y</p>", Deadline())
    divs = html.find_all("div")
    assert divs[0].hints == "a box tin"
    orders = [element.order for element in html.iter()]
    assert orders == sorted(orders)


def test_a_page_nested_past_any_real_depth_is_read_flat() -> None:
    markup = "<body>" + "<div><span>" * 3000 + "sâu" + "</span></div>" * 3000 + "<p>cuối</p>"
    assert _text(markup) == "sâu\ncuối"
