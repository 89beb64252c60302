"""Split German and English news text into sentences, fast and without a model.

A candidate boundary is sentence-final punctuation followed by white space and
something that can start a sentence (a capital, a digit, an opening quote), or a line
break. The candidate is then rejected when the word before the full stop is an
abbreviation ("Mio.", "z. B.", "Dr."), an initial ("J. Trump"), or an ordinal in front
of a noun ("am 10. Februar", "die 3. Liga"). Boundaries inside a short quotation are
dropped too, so that `schrieb er: "Nein, danke. Aber …"` stays one sentence with its
speaker. SoMaJo does this more carefully at 1% of the speed; news text rarely needs more.
"""

from __future__ import annotations

import re

from corrigenda.claims.language import word_set
from corrigenda.claims.model import Span

# Abbreviations that end with a full stop but do not end a sentence (case-sensitive:
# "So." is Sunday, "so." ends a sentence).
_ABBREVIATIONS = word_set(
    """
    Mio Mrd Mia Mill Bio Tsd Nr Dr Prof Mag Ing Dipl Univ Dkfm Hrsg Abs Art Bd Kap Anm
    Aufl Abb Tab Hr Fr Frl Hl St Str Tel Fax Pkt Ziff lit ca bzw usw etc vgl ggf evtl
    inkl exkl zzgl max min Min Std Jh Jhd rd gem lt sog geb verh urspr bzw insb Nrn Sp
    Co Inc Ltd Corp Mr Mrs Ms Jr Sr vs No approx Jan Feb Mär Apr Jun Jul Aug Sep Sept
    Okt Oct Nov Dez Dec Mo Di Mi Do Sa So Chr Bsp Gebr Jhs Mrz Vol vol Bzw Reg Ges Dt
    Wiss Rel Kt Kant bspw
    """
)

# Words that can start a sentence after a number: "… stieg auf 12. Die Polizei …".
# After any other capitalised word, a number with a full stop is an ordinal.
_SENTENCE_STARTERS = word_set(
    """
    Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Er Sie Es Wir Ihr Ich Man
    Dies Diese Dieser Dieses Damit Dann Danach Davor Dabei Dazu Doch Aber Und Oder Auch
    Im In Am An Auf Aus Bei Mit Nach Seit Von Vor Zu Zum Zur Für Gegen Nicht Noch Nur So
    Wie Was Wer Wo Wenn Weil Als Ob Zudem Jedoch Allerdings Außerdem Trotzdem Deshalb
    Laut Bereits Schon Heute Gestern Morgen Insgesamt Somit Hier Dort Da Denn Alle Jeder
    The A An It He She They We This That These Those In On At For But And Or So Yet
    """
)

# A candidate boundary: punctuation, closing quotes or brackets, white space, and a
# look at what follows. Line breaks are boundaries of their own (headlines, posts).
# The pattern starts with the character class of its first character, which `re`
# skips to at C speed; a pattern that starts with a look-ahead is tried at every
# position (2.5 times slower). The look-behinds then tell the two kinds apart.
_CANDIDATE = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*(?P<close>[\"'»«“”’‘)\]]*)"
    r"(?P<space>[ \t\u00a0]+|[ \t]*\n\s*)(?=[„\"'»«“‚‘(\[]?[\wÄÖÜ])"
    r"|(?<=\n)\s*(?=\S))"
)
_NEXT_WORD = re.compile(r"[„\"'»«“‚‘(\[]?([\w-]+)")
_ORDINAL = re.compile(r"\d{1,3}")
_INITIAL = re.compile(r"(?:[A-Za-zÄÖÜäöü]|[A-Za-z]\.[A-Za-z])")

# Quotations inside which boundaries are ignored: at most 400 characters, one paragraph.
QUOTATION = re.compile(
    r"„[^“”\"\n]{1,400}[“”\"]"
    r"|“[^“”\n]{1,400}”"
    r"|«[^«»\n]{1,400}»"
    r"|»[^«»\n]{1,400}«"
    # The look-behind follows the mark (rather than preceding it) so that every branch
    # starts with a mark, which `re` skips to at C speed: six times faster.
    r"|\"(?<!\w\")[^\"\n]{1,400}\""
)


def split(text: str) -> list[Span]:
    """The sentences of `text` as spans, without the white space between them."""
    spans: list[Span] = []
    start = 0
    quotations = _quotation_spans(text) if _has_quote(text) else []
    # One loop without helpers: it runs for every candidate boundary of every text.
    for match in _CANDIDATE.finditer(text):
        space = match["space"]
        if space is None:  # a line break
            end = match.start()
        else:
            end = match.end("close")
            if "\n" not in space:
                if quotations and _inside(end, quotations):
                    continue
                # A full stop alone, without closing quotes or brackets.
                alone = end - match.start() == 1 and text[end - 1] == "."
                if alone and not _ends_sentence(text, match):
                    continue
        if start < end and not text[start].isspace() and not text[end - 1].isspace():
            spans.append(Span(start, end))  # nothing to trim: the common case, inline
        else:
            _append(spans, text, start, end)
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in '„“«»"')


def _quotation_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTATION.finditer(text)]


def _inside(position: int, quotations: list[tuple[int, int]]) -> bool:
    # Few quotations per text: a linear scan is faster than bisect bookkeeping.
    return any(start < position < end - 1 for start, end in quotations)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether the full stop at `match` ends a sentence (not an abbreviation or ordinal)."""
    start = match.start()
    window = start - 40 if start > 40 else 0
    cut = text.rfind(" ", window, start)
    word = text[cut + 1 : start]
    if "\n" in word:  # rarely: one `in` is cheaper than another `rfind` every time
        cut = max(cut, text.rfind("\n", window, start))
        word = text[cut + 1 : start]
    word = word.lstrip("(\"'„“«»")
    if not word:
        return True
    # Initials and ordinals have at most three characters: longer words skip the patterns.
    short = len(word) <= 3
    if word in _ABBREVIATIONS or (short and _INITIAL.fullmatch(word)):
        return False
    if "." in word and not word.endswith("."):
        # "z.B.", "u.a.", "d.h." written without spaces, or a URL ("www.example.at").
        return False
    if short and _ORDINAL.fullmatch(word):
        following = _NEXT_WORD.match(text, match.end())
        return following is not None and following[1] in _SENTENCE_STARTERS
    return True


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    # Trim white space so that every span starts and ends on a visible character.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end))
