"""HTML mail as plain text that keeps what a reader meant: paragraphs, quotes, links.

Link targets are written after the link text (`Ihr Artikel <https://…>`) because
readers paste the article and their evidence as links. Block quotes become `> ` lines,
so reply history and a reader's quote are told apart by the same rules as in plain
text. Signature containers of the common mail clients are dropped.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

_SKIP = frozenset(
    {"head", "title", "script", "style", "template", "noscript", "object", "svg", "select"}
)
_BLOCK = frozenset(
    {
        *("p", "div", "section", "article", "header", "footer", "main", "aside", "nav"),
        *("table", "tr", "ul", "ol", "dl", "dt", "dd", "pre", "address", "form"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "center", "fieldset", "figure", "body"),
    }
)
# Gmail, Thunderbird and Outlook put the sender's signature in these containers.
_SIGNATURE_CLASSES = frozenset({"gmail_signature", "moz-signature"})
_SIGNATURE_IDS = frozenset({"signature", "appendonsend"})
_SPACE = re.compile(r"\s+")
_QUOTE_PREFIX = re.compile(r"^((?:>\s?)*)(.*)$")


def html_text(markup: str) -> str:
    """The text of an HTML document or fragment; "" when there is none."""
    root = _parse(markup)
    if root is None:
        return ""
    return tidy(_render(root, pre=False))


def _parse(markup: str) -> etree._Element | None:
    if not markup.strip():
        return None
    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        pass  # an XML declaration in a str, or nothing but white space and comments
    try:
        parser = lxml_html.HTMLParser(encoding="utf-8")
        return lxml_html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _render(element: etree._Element, *, pre: bool) -> str:
    if not isinstance(element.tag, str):  # comments and processing instructions
        return ""
    tag = element.tag.lower()
    if tag in _SKIP or _is_signature(element):
        return ""
    if tag == "br":
        return "\n"
    if tag == "hr":
        return "\n\n"
    pre = pre or tag == "pre"
    parts = [_inline(element.text, pre=pre)]
    for child in element:
        parts.append(_render(child, pre=pre))
        parts.append(_inline(child.tail, pre=pre))
    inner = "".join(parts)
    if tag == "a":
        return _link(inner, element.get("href"))
    if tag == "blockquote":
        lines = tidy(inner).split("\n")
        return "\n" + "\n".join(f"> {line}" if line else ">" for line in lines) + "\n"
    if tag == "li":
        return f"\n- {inner.strip()}\n"
    if tag in {"td", "th"}:
        return f"{inner} "
    if tag in _BLOCK:
        return f"\n{inner}\n"
    return inner


def _inline(text: str | None, *, pre: bool) -> str:
    if not text:
        return ""
    return text if pre else _SPACE.sub(" ", text)


def _link(inner: str, href: str | None) -> str:
    href = (href or "").strip()
    if not href.lower().startswith(("http://", "https://")):
        return inner
    if href.rstrip("/") in inner:
        return inner
    return f"{inner} <{href}>" if inner.strip() else f"<{href}>"


def _is_signature(element: etree._Element) -> bool:
    classes = set((element.get("class") or "").split())
    identifier = (element.get("id") or "").lower()
    return bool(classes & _SIGNATURE_CLASSES) or identifier in _SIGNATURE_IDS


def tidy(text: str) -> str:
    """Trim every line (keeping `> ` quote marks), collapse runs of blank lines."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = _QUOTE_PREFIX.match(line.strip())
        depth = match.group(1).count(">") if match else 0
        content = (match.group(2) if match else line).strip()
        lines.append(("> " * depth + content).rstrip() if depth else content)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
