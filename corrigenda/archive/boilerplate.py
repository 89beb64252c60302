"""Outlet boilerplate at the end of an article body, and image credit lines.

Pure Python. Outlets append the same blocks to every article — how to report an error,
a donation appeal, a comment counter, a newsletter box — and those blocks are not the
article: left in, they would be compared, diffed and checked as if they were. They are
moved to `stripped`, never dropped, so a reader of the archive can still see them.

Conservative by design:
- A trailing region starts at a paragraph that matches a pattern, and only counts if
  every paragraph after it is boilerplate too, or follows a boilerplate *heading*
  ("Fehler- und Korrekturhinweise", "Support our journalism"). A reader-notice
  sentence in the middle of a body is therefore kept.
- In the middle of a body only image credit and caption lines ("Foto: Keystone",
  "Elon Musk (Bild: depositphotos.com)") are removed.
- An outlet's own correction note ("Korrektur: In einer früheren Version …") is article
  text and stays: it is exactly what a corrections desk wants to see in a diff.

The patterns are data: add a language or an outlet's wording to `PATTERNS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    HEADING = "heading"  # opens a trailing section: everything after it goes too
    LINE = "line"  # boilerplate on its own, stripped only inside a trailing region


@dataclass(frozen=True)
class Pattern:
    kind: str
    role: Role
    regex: re.Pattern[str]


def _heading(kind: str, *alternatives: str) -> Pattern:
    # A heading is the whole paragraph, allowing closing punctuation.
    body = "|".join(alternatives)
    return Pattern(kind, Role.HEADING, re.compile(rf"^(?:{body})\s*[!?.:]*$", re.IGNORECASE))


def _line(kind: str, *starts: str) -> Pattern:
    body = "|".join(starts)
    return Pattern(kind, Role.LINE, re.compile(rf"^(?:{body})", re.IGNORECASE))


PATTERNS: tuple[Pattern, ...] = (
    # How to report an error — the reader notice this product turns into software.
    _heading(
        "correction_notice",
        r"Fehler-? und Korrekturhinweise?",
        r"Korrekturhinweise?",
        r"Fehler (?:gefunden|entdeckt)",
        r"Haben Sie einen Fehler (?:gefunden|entdeckt)",
        r"Fehler melden",
        r"(?:Spotted|Found|See) an? (?:error|mistake|typo)",
        r"Report an? (?:error|correction|mistake)",
        r"Corrections? (?:policy|notice|requests?)",
    ),
    _line(
        "correction_notice",
        r"Wenn Sie einen Fehler (?:entdecken|gefunden haben|bemerken|finden)",
        r"Haben Sie einen Fehler (?:gefunden|entdeckt)",
        r"Wir prüfen eingegangene (?:Fehler|Hinweise)",
        r"(?:If you )?(?:spot|notice|find|see) an? (?:error|mistake)",
        r"We (?:review|check) (?:all )?(?:corrections|reports)",
    ),
    # Donation and subscription appeals.
    _heading(
        "donation_appeal",
        r"Unterstützen Sie (?:uns|unseren Journalismus|unabhängigen Journalismus)(?: jetzt)?",
        r"Jetzt (?:unterstützen|spenden|abonnieren)",
        r"Support (?:us|our journalism|independent journalism)(?: today| now)?",
        r"(?:Donate|Subscribe)(?: now| today)?",
    ),
    _line(
        "donation_appeal",
        r"Unterstützen Sie ",
        r"Jeder Beitrag zählt",
        r"Schon mit (?:einem Beitrag von )?\d",
        r"Vielen Dank für Ihre Unterstützung",
        r"(?:Please )?support (?:us|our work|independent journalism)",
        r"Every contribution",
    ),
    # Comment counters and comment sections.
    _heading(
        "comment_counter",
        r"(?:Leser)?[Kk]ommentare",
        r"Comments",
        r"Diskutieren Sie mit",
        r"Join the (?:conversation|discussion)",
    ),
    _line(
        "comment_counter",
        r"(?:Kommentare|Comments)\s*[:(]?\s*\d+\)?$",
        r"\d+\s+(?:Kommentare?|comments?)$",
    ),
    # Newsletter and sharing boxes.
    _heading(
        "newsletter",
        r"Newsletter(?: abonnieren)?",
        r"Sign up for our newsletter",
    ),
    _heading(
        "sharing",
        r"(?:Artikel )?teilen",
        r"Share this (?:article|story)",
    ),
    _line("sharing", r"(?:Teilen|Share)(?: on| auf)? (?:Facebook|X|Twitter|WhatsApp|LinkedIn)\b"),
)

# Image credits and captions: the only lines removed from the middle of a body.
_CREDIT_WORDS = r"Bild(?:er)?|Fotos?|Photos?|Images?|Grafik|Illustration|Video|Credit|Quelle"
_CREDIT_LINES = (
    # "Foto: Keystone/Peter Muster", "Photo: Reuters"
    re.compile(rf"^(?:{_CREDIT_WORDS})\s*:\s*\S.{{0,120}}$", re.IGNORECASE),
    # "Bild OpenAI" — a credit word and at most three more words, no punctuation
    re.compile(rf"^(?:{_CREDIT_WORDS})(?:\s+[^\s.!?]+){{1,3}}$"),
    # "Elon Musk (Bild: depositphotos.com)" — a caption ending in its credit
    re.compile(rf"^.{{0,200}}\((?:{_CREDIT_WORDS})\s*:[^()]+\)$", re.IGNORECASE),
    # "© Keystone", "Copyright: AP"
    re.compile(r"^(?:©|\(c\)|Copyright\b:?)\s*\S.{0,120}$", re.IGNORECASE),
)


def is_credit(paragraph: str) -> bool:
    return len(paragraph) <= 240 and any(p.match(paragraph) for p in _CREDIT_LINES)


def match(paragraph: str) -> Pattern | None:
    """The first pattern a paragraph matches, or None."""
    if len(paragraph) > 600:  # boilerplate sentences are short; long text is article
        return None
    return next((p for p in PATTERNS if p.regex.match(paragraph)), None)


@dataclass(frozen=True)
class Stripped:
    paragraphs: list[str]
    stripped: list[str]
    kinds: frozenset[str]


def strip(paragraphs: list[str]) -> Stripped:
    """Split a body's paragraphs into article text and stripped boilerplate."""
    start = _region_start(paragraphs)
    end = len(paragraphs) if start is None else start
    body: list[str] = []
    removed: list[str] = []
    kinds: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        if index >= end:
            removed.append(paragraph)
            found = match(paragraph)
            if found is not None:
                kinds.add(found.kind)
        elif is_credit(paragraph):
            removed.append(paragraph)
            kinds.add("credit")
        else:
            body.append(paragraph)
    return Stripped(body, removed, frozenset(kinds))


def _region_start(paragraphs: list[str]) -> int | None:
    """The earliest start of a trailing region (never the first paragraph), or None.

    From the start on, every paragraph must be boilerplate, a credit line, or follow a
    boilerplate heading.
    """
    matches = [match(p) for p in paragraphs]
    credits = [is_credit(p) for p in paragraphs]
    for start in range(1, len(paragraphs)):
        if matches[start] is None:
            continue
        under_heading = False
        for found, credit in zip(matches[start:], credits[start:], strict=True):
            if found is not None and found.role is Role.HEADING:
                under_heading = True
            elif found is None and not credit and not under_heading:
                break
        else:
            return start
    return None
