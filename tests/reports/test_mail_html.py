"""HTML mail read as text: paragraphs, quotes and link targets kept; the rest dropped."""

from __future__ import annotations

from corrigenda.reports._mail_html import html_text


def test_links_keep_their_targets_unless_the_text_is_the_target() -> None:
    html = (
        '<p>Im <a href="https://example.org/a">Artikel</a> und '
        '<a href="https://example.org/b">https://example.org/b</a>'
        '<a href="mailto:x@example.org">Mail</a></p>'
    )
    assert html_text(html) == "Im Artikel <https://example.org/a> und https://example.org/bMail"


def test_blocks_breaks_and_quotes() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style><script>x()</script></head><body>"
        "<p>Eins<br>Zwei</p><blockquote><p>Zitat</p><blockquote>tiefer</blockquote></blockquote>"
        "<ul><li>a</li><li>b</li></ul><!-- Kommentar --></body></html>"
    )
    assert html_text(html) == "Eins\nZwei\n\n> Zitat\n>\n> > tiefer\n\n- a\n\n- b"


def test_signature_containers_are_dropped() -> None:
    html = (
        '<div>Text</div><div class="gmail_signature">Hans<br>Firma</div><div id="Signature">X</div>'
    )
    assert html_text(html) == "Text"


def test_empty_and_declared_documents() -> None:
    assert html_text("") == ""
    assert html_text("<!-- nur ein Kommentar -->") == ""
    assert (
        html_text('<?xml version="1.0" encoding="utf-8"?><html><body>Hallo</body></html>')
        == "Hallo"
    )
