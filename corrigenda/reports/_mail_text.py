"""A mail body split into the reader's own words, forwarded messages and the rest.

Dropped: reply history (the attribution line "Am … schrieb …:" / "On … wrote:" with
the quoted lines after it, or Outlook's "-----Original Message-----" block in a reply),
the signature ("-- ") and mobile footers. Kept as the reader's material: their own
words including lines they quote with ">" (a reader quoting the article), and
forwarded messages ("---------- Forwarded message ---------", "Ursprüngliche
Nachricht" in a forward), whose sender is read from the forwarded header lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corrigenda.reports._mail_headers import parse_addresses

MAX_FORWARD_DEPTH = 5

_FORWARD = re.compile(
    r"^[-_=*> \t]*(?:forwarded message|forwarded e-?mail|weitergeleitete (?:nachricht|e-?mail)"
    r"|begin forwarded message|anfang der weitergeleiteten (?:nachricht|e-?mail)"
    r"|message transf[ée]r[ée]|d[ée]but du message r[ée]exp[ée]di[ée]|messaggio inoltrato)"
    r"\s*:?[-_=* \t]*$",
    re.I,
)
# Outlook writes the same separator above a forward and above reply history.
_ORIGINAL = re.compile(
    r"^[-_=* \t]*(?:original message|urspr(?:ü|ue)ngliche nachricht|originalnachricht"
    r"|message d'origine|messaggio originale)[-_=* \t]*$",
    re.I,
)
_HEADER_LINE = re.compile(
    r"^\*?(from|von|de|da|sent|gesendet|envoy[ée]|inviato|date|datum|to|an|[àa]|cc|kopie"
    r"|subject|betreff|objet|oggetto|reply-to|antwort an)\*?\s*:\s*(.*)$",
    re.I,
)
_SENDER_FIELDS = frozenset({"from", "von", "de", "da"})
_ATTRIBUTION = re.compile(
    r"^(?:on\b.{3,300}\bwrote|am\b.{3,300}\bschrieb\b.{0,300}|.{1,300}\bschrieb(?:\s+am\b.*)?"
    r"|.{1,300}\bhat am\b.{3,200}\bgeschrieben|le\b.{3,300}\ba [ée]crit|.{1,300}\bwrote"
    r"|.{1,300}\bha scritto)\s*:\s*$",
    re.I,
)
# Attribution lines name a date, a time or an address; "Ihr Autor schrieb:" does not.
_ATTRIBUTION_DETAIL = re.compile(r"@|\d{1,2}[.:/]\d{1,2}|\b(?:19|20)\d\d\b")
_SIGNATURE = re.compile(r"^--\s?$")
_FOOTER = re.compile(
    r"^(?:sent from my|sent from (?:outlook|mail for windows|yahoo)|get outlook for"
    r"|von meinem \S+ gesendet|gesendet von meinem|gesendet (?:von|mit) (?:outlook|mail f[üu]r"
    r"|der|gmx|web\.de)|envoy[ée] de mon|inviato da)",
    re.I,
)
_MAILTO = re.compile(r"\[mailto:([^\]\s]+)\]", re.I)


@dataclass(frozen=True)
class Forwarded:
    sender: tuple[str, str] | None  # (display name, address) from the forwarded headers
    text: str


@dataclass(frozen=True)
class ReaderText:
    own: str  # the reader's words, with their own "> " quotes
    forwarded: tuple[Forwarded, ...]


def reader_text(text: str, *, reply: bool, depth: int = 0) -> ReaderText:
    """Split a body's text; `reply` says Outlook-style blocks are history, not forwards."""
    lines = text.split("\n")
    own: list[str] = []
    forwarded: list[Forwarded] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        block = _block_start(lines, index, reply=reply)
        if block is not None:
            kind, start = block
            if kind == "forward" and depth < MAX_FORWARD_DEPTH:
                forwarded.extend(_forwarded(lines[start:], depth=depth))
            break
        attribution = _attribution_length(lines, index)
        if attribution:
            index = _skip_quote(lines, index + attribution)
            continue
        if _SIGNATURE.match(line) or _FOOTER.match(line):
            index = _next_block(lines, index + 1, reply=reply)
            continue
        own.append(lines[index])
        index += 1
    return ReaderText(own="\n".join(own).strip("\n"), forwarded=tuple(forwarded))


def _block_start(lines: list[str], index: int, *, reply: bool) -> tuple[str, int] | None:
    """("forward" or "history", first line of that message) when one starts at `index`."""
    line = lines[index].strip()
    if _FORWARD.match(line):
        return "forward", index + 1
    kind = "history" if reply else "forward"
    if _ORIGINAL.match(line) or (
        re.fullmatch(r"_{10,}", line) and _header_block(lines, _skip_blank(lines, index + 1))
    ):
        return kind, index + 1
    if _header_block(lines, index):
        return kind, index
    return None


def _next_block(lines: list[str], index: int, *, reply: bool) -> int:
    """After a signature: where the next forwarded or quoted message starts, or the end."""
    while index < len(lines):
        if _block_start(lines, index, reply=reply) or _attribution_length(lines, index):
            return index
        index += 1
    return index


def _header_block(lines: list[str], index: int) -> bool:
    """Whether `index` starts a block of at least three header lines led by From/Von."""
    first = _HEADER_LINE.match(lines[index].strip()) if index < len(lines) else None
    if not first or first.group(1).lower() not in _SENDER_FIELDS:
        return False
    following = lines[index + 1 : index + 4]
    return sum(1 for line in following if _HEADER_LINE.match(line.strip())) >= 2


def _forwarded(lines: list[str], *, depth: int) -> list[Forwarded]:
    start = _skip_blank(lines, 0)
    sender: tuple[str, str] | None = None
    index = start
    while index < len(lines) and lines[index].strip():
        header = _HEADER_LINE.match(lines[index].strip())
        if header is None and index == start:
            break
        if header and header.group(1).lower() in _SENDER_FIELDS and sender is None:
            found = parse_addresses(_MAILTO.sub(r"<\1>", header.group(2)))
            sender = found[0] if found else None
        index += 1
    inner = reader_text("\n".join(lines[index:]), reply=False, depth=depth + 1)
    return [Forwarded(sender=sender, text=inner.own), *inner.forwarded]


def _attribution_length(lines: list[str], index: int) -> int:
    """1 or 2 when the attribution of quoted history starts at `index` (mail clients
    wrap long ones onto a second line), else 0."""
    line = lines[index].strip()
    if not line:
        return 0
    for length, candidate in ((1, line), (2, f"{line} {_line(lines, index + 1)}")):
        if _ATTRIBUTION.match(candidate) and _ATTRIBUTION_DETAIL.search(candidate):
            return length
    return 0


def _skip_quote(lines: list[str], index: int) -> int:
    """Past the quoted lines after an attribution; to the end when they are not quoted."""
    index = _skip_blank(lines, index)
    if index < len(lines) and not lines[index].lstrip().startswith(">"):
        return len(lines)  # unprefixed history (top-posting clients) runs to the end
    while index < len(lines) and (
        lines[index].lstrip().startswith(">") or not lines[index].strip()
    ):
        index += 1
    return index


def _skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _line(lines: list[str], index: int) -> str:
    return lines[index].strip() if index < len(lines) else ""
