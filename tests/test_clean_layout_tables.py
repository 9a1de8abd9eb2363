"""Pages laid out with tables: the article comes out as paragraphs, not table rows."""

from __future__ import annotations

from helpers import BODY
from retina import clean
from retina.model import BlockKind

NAV = "".join(f'<a href="/s{i}/">Section {i}</a><br>' for i in range(8))


def test_layout_table_page_gives_paragraphs() -> None:
    paragraphs = "<br><br>\n".join(BODY)
    html = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><title>Coastal Ledger :: Marlow council approves harbour expansion</title></head>
<body><table width="980"><tr><td colspan="3"><a href="/"><b>Coastal Ledger</b></a></td></tr>
<tr><td width="160" class="menu">{NAV}</td>
<td class="content"><font size="5"><b>Marlow council approves harbour expansion</b></font>
<div class="article">{paragraphs}<br><br></div>
<font size="1"><a href="#">Print</a> | <a href="#">Send to a friend</a></font></td>
<td width="160"><b>Poll</b><br>Should the council act sooner?<br>( ) Yes ( ) No</td></tr>
</table></body></html>"""
    article = clean(html, url="https://ledger.example/local/1.htm")
    assert article.title == "Marlow council approves harbour expansion"
    assert [b.text for b in article.blocks] == BODY
    assert all(b.kind is BlockKind.PARAGRAPH for b in article.blocks)
