"""Which passage a reader says is wrong, and how they say it should read.

The passage is quoted text the reader points at: „…“, “…”, "…", «…» or »…« next to
words like "steht", "heisst es", "schreiben Sie", "it says", "you wrote" (or followed
by "ist falsch", "is wrong"); failing that, lines the reader quotes with ">"; failing
that, any other quotation that is not an article title. The proposed fix follows
phrases like "richtig ist", "sollte heissen/heißen", "korrekt wäre", "correct is",
"should read", or fills the slots of "statt … muss es … heissen" and
"nicht …, sondern …". Swiss spelling (ss) and ß are both accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corrigenda.claims.language import word_set

MAX_TEXT = 20_000
_MAX_QUOTE = 600
# Opening mark: the marks that may close it (German, English, Swiss, single quotes).
_PAIRS = {
    "„": '“”"',
    "“": "”“",
    '"': '"',
    "«": "»",
    "»": "«",
    "‹": "›",
    "‚": "‘’",
    "‘": "’",
    "'": "'",
}
# Marks that also close quotations or stand for apostrophes and inches: a quotation
# opens on them only after a space and closes only before one.
_AMBIGUOUS = frozenset("\"“”'‘’")
_SS = r"(?:ss|ß)"
_MODAL = r"(?:muss|m(?:ü|ue)sste|m(?:ü|ue)ßte|sollte|soll)"
_NAME_VERB = rf"(?:hei{_SS}en|lauten)"

_CUE_BEFORE = re.compile(
    rf"\b(?:steht|stand|stehe|hei{_SS}t es|hie{_SS} es|schreiben sie|sie schreiben|schrieben sie"
    r"|geschrieben|schreibt|"
    r"sie schrieben|schreibt ihr|ihr schreibt|wird (?:behauptet|geschrieben|erwähnt|gesagt)"
    r"|behaupten sie|lautet|ist zu lesen|lese ich|liest man|zitat|zitiere|satz|passage"
    r"|textstelle|stelle|formulierung|aussage|angabe|behauptung|falsch|fehlerhaft|fehler"
    r"|it says|says|you wrote|you write|you say|you state|you claim|you report|reads|states"
    r"|stated|sentence|line|statement|claim|quote|wrong|incorrect|error|mistake)\b",
    re.I,
)
_CUE_AFTER = re.compile(
    rf"^[\s,;:–—-]*(?:steht|stand|hei{_SS}t es|hie{_SS} es|schreiben sie|ist (?:so )?(?:falsch"
    r"|nicht korrekt|nicht richtig|unkorrekt|inkorrekt|fehlerhaft)|stimmt (?:so )?nicht"
    r"|trifft (?:so )?nicht zu|is (?:wrong|incorrect|not correct|not true|false|inaccurate"
    r"|misleading)|isn't (?:correct|true|right))\b",
    re.I,
)
_NEGATION_BEFORE = re.compile(
    r"\b(?:nicht|statt|anstatt|anstelle von|not|instead of|rather than)\s*$", re.I
)
# "Ihr Artikel «…»" names the article; "die Überschrift «…»" may well be the passage.
_TITLE_BEFORE = re.compile(
    r"\b(?:artikel|beitrag|bericht|article|story|piece|report)\s*[:,]?\s*$", re.I
)
# Phrases after which the reader writes the correction; tier 1 is explicit.
_FIX_MARKERS = [
    (1, rf"\brichtig(?:erweise)?\s+(?:ist|sind|w(?:ä|ae)ren?|war|waren|lautet|hei{_SS}t es)\b"),
    (1, rf"\bkorrekt(?:erweise)?\s+(?:ist|sind|w(?:ä|ae)ren?|lautet|hei{_SS}t es)\b"),
    (1, r"\b(?:richtig|korrekt|korrektur(?:vorschlag)?|richtigstellung|berichtigung)\s*:"),
    (1, rf"\b{_MODAL}\s+(?:es\s+)?(?:(?:richtig|korrekt)(?:erweise)?\s+|doch\s+)?{_NAME_VERB}\b"),
    (1, r"\btats(?:ä|ae)chlich\s+(?:ist|sind|war|waren)\s+es\b"),
    (
        1,
        r"\b(?:the\s+)?(?:correct|right|accurate|actual|true)\s+(?:\w+\s+)?(?:is|are|was|were|would be)\b",
    ),
    (1, r"\bcorrect(?:ion)?\s*:"),
    (1, r"\bshould\s+(?:read|say|state)\b"),
    (1, r"\bit\s+should\s+(?:be|have been)\b"),
    (1, r"\bought\s+to\s+(?:read|say|be)\b"),
    (1, r"\b(?:it|this|that)\s*(?:is|was|'s)\s+actually\b"),
    (2, r"\bshould\s+be\b"),
    (
        2,
        r"\b(?:stimmt (?:so )?nicht|ist (?:so )?(?:falsch|nicht korrekt|nicht richtig))\s*[,;:–—-]"
        r"\s*(?:es|das|er|sie)\s+(?:war|waren|ist|sind)\b",
    ),
    (
        2,
        r"\b(?:wrong|incorrect|not correct|not true|inaccurate)\s*[,;:–—-]\s*"
        r"(?:it|this|that|he|she)\s+(?:was|is|were|are)\b",
    ),
    (
        2,
        r"\b(?:korrigieren|(?:ä|ae)ndern|berichtigen|ersetzen)\s+(?:sie\s+)?(?:bitte\s+)?(?:\S+\s+){0,3}?(?:auf|in|durch)\b",
    ),
    (2, r"\b(?:change|correct|amend)\s+(?:it|this|that|the\s+\w+)\s+to\b"),
]
_FIX_MARKER = [(tier, re.compile(pattern, re.I)) for tier, pattern in _FIX_MARKERS]
_SHORT_SPAN = r"(?:[^\n.;!?]|(?<=\d)[.](?=\d))"  # a clause; "9.74" is one number
_INSTEAD = re.compile(
    rf"\b(?:an)?statt\s+(?P<wrong>[^\n]{{1,100}}?)\s*,?\s+{_MODAL}\s+es\s+"
    rf"(?:(?:richtig|korrekt)(?:erweise)?\s+)?(?P<right>[^\n]{{1,160}}?)\s+{_NAME_VERB}\b",
    re.I,
)
# "es müsste 2015 heissen", "müsste es richtig 2015 heissen"
_NAMED = re.compile(
    rf"\b(?:es\s+{_MODAL}|{_MODAL}\s+es)\s+(?:(?:richtig|korrekt)(?:erweise)?\s+)?"
    rf"(?P<right>{_SHORT_SPAN}{{1,120}}?)\s+{_NAME_VERB}\b",
    re.I,
)
_RATHER = [
    (
        2,
        re.compile(
            rf"\bnicht\s+(?!nur\b|mehr\b|einmal\b|blo(?:ss|ß)\b|allein\b|zuletzt\b)"
            rf"(?P<wrong>{_SHORT_SPAN}{{1,80}}?)\s*,?\s+sondern\s+(?!auch\b)",
            re.I,
        ),
    ),
    (
        2,
        re.compile(
            rf"\bnot\s+(?!only\b|just\b|merely\b)(?P<wrong>{_SHORT_SPAN}{{1,80}}?)\s*,?\s+"
            r"but\s+(?:rather\s+)?(?!also\b)",
            re.I,
        ),
    ),
    (
        1,
        re.compile(
            rf"\binstead\s+of\s+(?P<wrong>{_SHORT_SPAN}{{1,100}}?)\s*,?\s+it\s+should\s+"
            r"(?:be|read|say)\b",
            re.I,
        ),
    ),
]
_MODAL_BEFORE = re.compile(rf"\b{_MODAL}\b(?:\s+\w+){{0,3}}\s*$", re.I)
_NAME_VERB_AFTER = re.compile(rf"^\s*(?:{_NAME_VERB}|sein)\b", re.I)
_ELLIPSIS = "…. \t\n"
_ABBREVIATIONS = word_set(
    """
    mrd mio tsd fr rp chf nr no bzw ca zb dh ua usw vgl evtl ggf inkl exkl zzgl sog dr prof
    st kt abs art bd jan feb mär apr jun jul aug sep sept okt nov dez mr mrs ms vs etc eg ie
    approx bn
    """
)
_MONTHS = re.compile(
    r"(?:jan(?:uar)?|jänner|feb(?:ruar)?|m(?:ä|ae)rz|apr(?:il)?|mai|jun[i]?|jul[i]?|aug(?:ust)?"
    r"|sep(?:t|tember)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?)\b",
    re.I,
)
_CLAUSE_STOP = re.compile(
    r"\n\s*\n|;|https?://|\s\((?:siehe|see|quelle|source|vgl)\b"
    r"|,\s*(?:siehe|see|laut|gem(?:ä|ae)(?:ss|ß)|according to|wie\s|as\s)",
    re.I,
)


@dataclass(frozen=True)
class Quote:
    start: int  # index of the opening mark
    end: int  # index after the closing mark
    text: str  # what is between the marks


@dataclass(frozen=True)
class _Fix:
    tier: int
    start: int
    end: int
    text: str
    wrong: tuple[int, int] | None  # span naming the wrong passage ("statt X …", "nicht X")


def passage_and_fix(text: str) -> tuple[str | None, str | None]:
    """(passage, proposed fix) in a reader's text; lines starting with ">" are quotes.

    Only the first MAX_TEXT characters are read: a report is short, and every search
    here must stay linear on whatever arrives.
    """
    text = text[:MAX_TEXT]
    prose = "\n".join(" " * len(line) if _quoted(line) else line for line in text.split("\n"))
    quotes = find_quotes(prose)
    fix = _find_fix(prose, quotes)
    passage = _passage(prose, text, quotes, fix)
    return passage, _clean(fix.text, fix=True) if fix else None


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    index = 0
    while index < len(text):
        closers = _PAIRS.get(text[index])
        if closers and _opens(text, index):
            close = _closing(text, index, closers)
            if close is not None:
                inner = text[index + 1 : close]
                if any(char.isalnum() for char in inner):
                    quotes.append(Quote(index, close + 1, inner))
                    index = close + 1
                    continue
        index += 1
    return quotes


def _opens(text: str, index: int) -> bool:
    after = text[index + 1 : index + 2]
    if not after or after == "\n":
        return False
    if text[index] not in _AMBIGUOUS:
        return True
    before = text[index - 1] if index else " "
    return (before.isspace() or before in "([{/–—-:;,>") and not after.isspace()


def _closing(text: str, start: int, closers: str) -> int | None:
    opener = text[start]
    for index in range(start + 1, min(len(text), start + _MAX_QUOTE)):
        char = text[index]
        if char == "\n" and text[index + 1 : index + 2] == "\n":
            return None
        if char in closers and _closes(text, index):
            return index
        if char == opener and opener in "„«":
            return None  # an unclosed quote; the next one starts here
    return None


def _closes(text: str, index: int) -> bool:
    if text[index] not in _AMBIGUOUS:
        return True
    after = text[index + 1 : index + 2]
    return not text[index - 1].isspace() and not after.isalnum()


def _find_fix(prose: str, quotes: list[Quote]) -> _Fix | None:
    found: list[_Fix] = []
    for match in _INSTEAD.finditer(prose):
        found.append(_Fix(1, *match.span("right"), match.group("right"), match.span("wrong")))
    for match in _NAMED.finditer(prose):
        found.append(_Fix(1, *match.span("right"), match.group("right"), None))
    for tier, pattern in _RATHER:
        for match in pattern.finditer(prose):
            text, end = _following(prose, match.end(), quotes)
            if text:
                found.append(_Fix(tier, match.end(), end, text, match.span("wrong")))
    for tier, marker in _FIX_MARKER:
        for match in marker.finditer(prose):
            text, end = _following(prose, match.end(), quotes)
            if text:
                found.append(_Fix(tier, match.end(), end, text, None))
    for quote in quotes:  # "Es müsste «…» heissen"
        if _NAME_VERB_AFTER.match(prose[quote.end : quote.end + 20]) and _MODAL_BEFORE.search(
            prose[max(0, quote.start - 40) : quote.start]
        ):
            found.append(_Fix(1, quote.start, quote.end, quote.text, None))
    return min(found, key=lambda fix: (fix.tier, fix.start), default=None)


def _following(prose: str, start: int, quotes: list[Quote]) -> tuple[str, int]:
    """The correction written after a marker: a quotation if one follows, else the clause."""
    for quote in quotes:
        if quote.start >= start:
            gap = prose[start : quote.start]
            if len(gap.split()) <= 4 and not re.search(r"[.!?]\s|\n\s*\n", gap):
                return quote.text, quote.end
            break
    return _clause(prose, start)


def _clause(text: str, start: int) -> tuple[str, int]:
    """From `start` to the end of the sentence, leaving out sources ("siehe …", links)."""
    limit = min(len(text), start + 400)
    stop = _CLAUSE_STOP.search(text, start, limit)
    end = stop.start() if stop else limit
    for match in re.finditer(r"[.!?](?=\s|$)", text[start:end]):
        position = start + match.start()
        if _ends_sentence(text, position):
            end = position
            break
    return _clean(text[start:end], fix=True), end


def _ends_sentence(text: str, position: int) -> bool:
    if text[position] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[max(0, position - 40) : position])
    token = word.group(1).replace(".", "").lower() if word else ""
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    after = text[position + 1 : position + 40].lstrip()
    if token.isdigit() and len(token) <= 2 and _MONTHS.match(after):
        return False  # "am 3. Februar"
    return not after or not after[0].islower()


def _passage(prose: str, text: str, quotes: list[Quote], fix: _Fix | None) -> str | None:
    fix_span = (fix.start, fix.end) if fix else (-1, -1)
    wrong = fix.wrong if fix else None
    best: tuple[int, Quote] | None = None
    bare: Quote | None = None
    previous_end = 0
    for quote in quotes:
        before = prose[max(previous_end, quote.start - 80) : quote.start].rsplit("\n\n", 1)[-1]
        previous_end = quote.end
        if quote.start < fix_span[1] and quote.end > fix_span[0]:
            continue
        if _TITLE_BEFORE.search(before[-40:]):
            continue
        score = _passage_score(prose, quote, before, wrong)
        if score and (best is None or score > best[0]):
            best = (score, quote)
        bare = bare or quote
    if best:
        return _clean(best[1].text, fix=False)
    quoted = _quoted_lines(text)
    if quoted:
        return quoted
    if bare:
        return _clean(bare.text, fix=False)
    if wrong:
        return _clean(prose[wrong[0] : wrong[1]], fix=False) or None
    return None


def _passage_score(prose: str, quote: Quote, before: str, wrong: tuple[int, int] | None) -> int:
    """3: a cue before it ("steht", "you wrote"); 2: named as wrong ("statt «…»", "«…» ist
    falsch"); 0: a quotation nothing points at."""
    if _CUE_BEFORE.search(before):
        return 3
    if _NEGATION_BEFORE.search(before[-16:]) or _CUE_AFTER.match(prose[quote.end : quote.end + 40]):
        return 2
    return 2 if wrong and wrong[0] <= quote.start and quote.end <= wrong[1] else 0


def _quoted_lines(text: str) -> str | None:
    """The first block of lines the reader quotes with ">"."""
    block: list[str] = []
    for line in text.split("\n"):
        if _quoted(line):
            block.append(line.lstrip().lstrip("> \t"))
        elif block and line.strip():
            break
    return _clean(" ".join(block), fix=False) or None


def _quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _clean(text: str, *, fix: bool) -> str:
    text = " ".join(text.split())
    if len(text) >= 2 and text[0] in _PAIRS and text[-1] in _PAIRS[text[0]]:
        text = text[1:-1]
    return text.strip(_ELLIPSIS + (",;:" if fix else "")).strip()
