"""Quotations in German and English news, with the speaker where the text names one.

What counts as a quotation:
- Text in „…“, “…”, «…», »…« or straight "…" (the outer pair; nested marks stay part
  of it; a quotation may run over line breaks but not over a blank line). Single marks
  ‚…‘, ‹…›, ‘…’, '…' count only with a speech verb attached, since they are also
  apostrophes and nested titles.
- Four words or more; a lower-case fragment of two or three ("three remarkable years");
  a single word or a capitalised short phrase only when someone is said to have said it
  („Meilenstein“ after "sprach von", „Nein, danke.“, sagte er). Otherwise short quoted
  text is a name, title or scare quote (der "Wall Street Journal", „Tesla“) and skipped.
- Titles are skipped however long: after words like "Film", "Buch", "Motto", "titled",
  before "ein Roman", after a genitive name (Heiner Müllers „…“), or in title case with
  every longer word capitalised ("Das Märchen der Märchen", "A Tax On Every Family").
- An embedded post ("thanks but no … — Sam Altman (@sama) February 10, 2025"): the line
  before the dash (or the line above a signature on its own line) is the quotation,
  the name before the handle its speaker, the date after it `said_on`.

Who said it, in this order:
1. After the quotation, behind a comma or dash (or a comma inside it): „…“, sagte
   Altman / so Altman / wird Musk zitiert / "…," said Sam Altman / "…," Altman said /
   according to …; or a name in brackets: „…“ (Heinz-Christian Strache).
2. Before it: a speech verb in the clause that ends with a colon (Musk schrieb: „…“ /
   In einem Beitrag schrieb er: "…"), a verb that introduces a fragment ("sprach von
   „…“", "nannte es „…“"), or a headline's label (Tsipras: „…“).
3. Elsewhere in its sentence: "laut Altman", "according to Altman", "Altman zufolge",
   or a speech verb with its subject.
The speaker is the name in that phrase without its role ("der OpenAI-Chef Sam Altman"
→ "Sam Altman"); a surname becomes the full name the text introduces ("Musk" → "Elon
Musk"); without a name, the role itself ("Sprecher des Unternehmens"). A pronoun ("er",
"sie", "he", "she") is the most recent person named before the quotation (outside
quotations) whose first name does not say otherwise; plural "sie sagten" and "they"
stay unresolved, as does a pronoun with no named person before it. A quotation
interrupted by its attribution („…“, sagte Altman, „…“), and one that is the whole next
sentence ("…," said Carter. "…"), has the speaker of the one before.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corrigenda.claims import _people
from corrigenda.claims._sentence_index import SentenceIndex
from corrigenda.claims.dates import read_date
from corrigenda.claims.language import detect, word_set
from corrigenda.claims.model import Claim, Kind, Span

_MAX = 1500  # characters: longer "quotations" are unbalanced marks


# Pairs of marks, most specific first; a later pair never overrides an earlier one.
# Inside a quotation: anything but its own marks, and line breaks only within a
# paragraph (hard-wrapped text), never across a blank line.
def _inside(marks: str) -> str:
    return rf"(?:[^{marks}\n]|\n(?![ \t]*\n)){{1,{_MAX}}}?"


# Pairs of marks, most specific first; a later pair never overrides an earlier one.
# Every pattern starts with its opening mark, which `re` skips to at C speed; what may
# not stand before the mark is a look-behind after it ("(?<![\w"]")", not "(?<![\w"])").
_PRIMARY = (
    re.compile(rf"„(?P<inner>{_inside('„“”')})[“”]"),
    re.compile(rf"„(?P<inner>{_inside('„“”"')})\""),
    # Guillemets point either way («…» Swiss, »…« German): a quotation hugs its marks.
    re.compile(rf"«(?=\S)(?P<inner>{_inside('«»')})(?<=\S)»"),
    re.compile(rf"»(?=\S)(?P<inner>{_inside('»«')})(?<=\S)«"),
    re.compile(rf"“(?=\S)(?P<inner>{_inside('“”„')})(?<=\S)”"),
    re.compile(rf"\"(?<![\w\"]\")(?=\S)(?P<inner>{_inside('"')})(?<=\S)\"(?!\w)"),
)
_SECONDARY = (
    re.compile(rf"‚(?P<inner>{_inside('‚‘')})‘"),
    re.compile(rf"‹(?=\S)(?P<inner>{_inside('‹›')})(?<=\S)›"),
    re.compile(rf"›(?=\S)(?P<inner>{_inside('›‹')})(?<=\S)‹"),
    re.compile(rf"‘(?<!\w‘)(?=\w)(?P<inner>{_inside('‘’')})(?<=[\w.,!?])’(?!\w)"),
    re.compile(rf"'(?<![\w']')(?=\w)(?P<inner>{_inside("'")})(?<=[\w.,!?])'(?!\w)"),
)
_QUOTE_MARKS = "„“”«»\"‚‘’‹›'"
_STRAIGHT = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "‚": "'",
                           "‘": "'", "’": "'", "‹": "'", "›": "'"})  # fmt: skip

_WORD = re.compile(r"\w+")
_ATTACHING = (",", "–", "—", "-")  # after a quotation, before its attribution
_CLOSING = (",", ".", "!", "?", "…")  # inside a quotation, at its end
# The rest of an attributed sentence, then only the next quotation.
_CONTINUED = re.compile(r"[^.!?\n„“”\"«»]{0,80}[.!?][ \t]*")

_SPEECH_DE = (
    r"sagte|sagten|sagt|sagen|schrieb|schrieben|schreibt|erklärte|erklärten|erklärt|betonte"
    r"|betont|meinte|meint|twitterte|twittert|postete|postet|fügte|ergänzte|ergänzt"
    r"|kommentierte|kritisierte|warnte|antwortete|versicherte|verkündete|erläuterte"
    r"|bekräftigte|unterstrich|forderte|sprach|argumentierte|beklagte|lobte|erzählte"
    r"|berichtete|mahnte|entgegnete|konterte|räumte|teilte|resümierte|bilanzierte"
)
_SPEECH_EN = (
    r"said|says|wrote|writes|told|tells|added|adds|tweeted|posted|stated|explained|noted"
    r"|asked|replied|responded|insisted|warned|argued|claimed|declared|announced|continued"
    r"|admitted"
)
# Verbs that introduce a quoted fragment inside a sentence ("nannte das Angebot „…“").
_NAMING = r"nannte|nennt|bezeichnete|bezeichnet|called|calls|described|describes"
_STOP = r"[^.!?;:\n„“”\"«»]"

# 1. After the quotation: ", sagte Altman", ", wird Musk zitiert", ", Altman said".
_AFTER = re.compile(
    rf"[ \t]*[,–—-]?[ \t]*(?:wird\s+(?P<cited>{_STOP}{{1,60}}?)\s+(?:mit\s+den\s+Worten\s+)?"
    rf"zitiert|(?P<verb>{_SPEECH_DE}|{_SPEECH_EN}|so|according\s+to)\s+(?P<after>{_STOP}{{1,80}})"
    rf"|(?P<before>[^.!?;:\n„“”\"«»]{{1,60}}?)\s+(?P<verb_en>{_SPEECH_EN})\b)"
)
# 2. Before it, in the clause that ends with a colon: "Musk schrieb:", "schrieb er:".
_BEFORE = re.compile(
    rf"(?P<head>[^.!?\n„“”\"«»]*?)\b(?P<verb>{_SPEECH_DE}|{_SPEECH_EN}|zitiert)\b"
    rf"(?P<tail>[^.!?:\n„“”\"«»]{{0,80}}?)[ \t]*:[ \t]*$"
)
# 2a. A verb that introduces a quoted fragment: "sprach von „…“", "nannte es „…“".
_INTRODUCING = rf"sprach|spricht|sprachen|{_NAMING}"
_INTRODUCED = re.compile(
    rf"(?P<head>[^.!?\n„“”\"«»]*?)(?<![\w-])(?P<verb>{_INTRODUCING})\b"
    rf"(?P<tail>[^.!?:\n„“”\"«»]{{0,60}}?)\s*(?:von|vom|als|as)?\s*$"
)
# 2b. A headline's label: "Leitl: „…“", "Justizminister Heiko Maas: „…“".
_LABEL = re.compile(r"(?:^|[–—]\s|[.!?]\s|\n)\s*(?P<label>[^.!?:\n„“”\"«»–—]{2,60}?)\s*:\s*$")
_LABEL_LOWER = word_set("von vom des der die das über zu zum zur aus und of the on")
# 1b. A name in brackets after the quotation: „…“ (Heinz-Christian Strache).
_BRACKETED = re.compile(r"[ \t]*\((?P<name>[A-ZÄÖÜ][^()\n]{1,40})\)")
# 3. Elsewhere in the sentence.
_ACCORDING = re.compile(
    rf"\b(?:[Ll]aut|[Aa]ccording\s+to)\s+(?P<after>{_STOP}{{1,60}})"
    rf"|(?P<before>[A-ZÄÖÜ][\w’'-]*(?:\s+[A-ZÄÖÜ][\w’'-]*){{0,2}})\s+zufolge\b"
)
_INTRODUCING_VERB = re.compile(_INTRODUCING)
_SENTENCE_VERB = re.compile(rf"\b(?P<verb>{_SPEECH_DE}|{_SPEECH_EN}|{_NAMING})\b")

_TITLE_CUES = word_set(
    """
    film buch roman serie titel album song lied sendung zeitung magazin zeitschrift
    kolumne studie programm projekt kampagne initiative aktion motto slogan stück oper
    ausstellung hashtag podcast show festival bewegung operation plattform newsletter
    blog namens genannt genannten genannte sogenannte sogenannten sogenannter
    movie book novel series album newspaper magazine column study report campaign
    slogan hashtag podcast titled entitled called dubbed named headline
    """
)

# Nouns right after a quoted title that say what it is: „…“ ist ein Roman, einen Film.
_TITLE_NOUNS = word_set(
    """
    film films roman buch album serie verfilmung dokumentation theaterstück stück oper
    ausstellung song lied single novel book movie series documentary play exhibition
    """
)
# Capitalised words ending in "s" that are not a genitive name before a title.
_NOT_GENITIVE = word_set("Das Dies Alles Etwas Nichts Laus Haus Kurs Preis")
_PRONOUNS: dict[str, str | None] = {
    "er": "m", "he": "m", "sie": "f", "she": "f", "they": None, "wir": None, "we": None,
}  # fmt: skip
_ARTICLES = word_set("der die das ein eine the a an")
_TIME_WORDS = word_set(
    """
    Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday Januar Februar März April Mai Juni Juli August
    September Oktober November Dezember Jänner January February March May June July
    October December Wochenende Abend Morgen Nachmittag Interview Pressekonferenz X
    Twitter Reuters AP AFP CNN BBC
    """
)

_POST = re.compile(
    r"[—–-]{1,2}[ \t]*(?P<name>[^\n()@—–]{1,60}?)[ \t]*\(@(?P<handle>[\w.]{1,50})\)"
    r"[ \t]*(?P<date>[^\n]{0,40}?)[ \t]*$",
    re.MULTILINE,
)


@dataclass(slots=True)
class _Quote:
    start: int  # the opening mark
    end: int  # after the closing mark
    inner: str
    primary: bool
    speaker: str | None = None
    direct: bool = False  # the speech verb is attached (patterns 1 and 2)
    said_on: dt.date | None = None


def find_quotes(text: str, sentences: Sequence[Span], *, lang: str) -> list[Claim]:
    """Every quotation in `text` with its speaker, and embedded posts with their date."""
    if not any(mark in text for mark in _QUOTE_MARKS) and "(@" not in text:
        return []
    index = SentenceIndex(text, sentences, lang)
    posts = _posts(text)
    quotes = [
        q for q in _candidates(text) if not any(p.start < q.end and q.start < p.end for p in posts)
    ]
    spans = [(q.start, q.end) for q in quotes]
    people = _people.People(text, spans)
    kept: list[_Quote] = []
    for quote in quotes:
        _attribute(quote, text, index, spans, people)
        if _is_statement(quote, text):
            kept.append(quote)
    _share_interrupted(kept, text)
    found = sorted(kept + posts, key=lambda q: q.start)
    return [_claim(q, index) for q in found]


def _candidates(text: str) -> list[_Quote]:
    """Outermost quotation spans: nested pairs stay inside the quotation that holds them."""
    found: list[_Quote] = []
    for patterns, primary in ((_PRIMARY, True), (_SECONDARY, False)):
        for pattern in patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(q.start < end and start < q.end for q in found):
                    continue
                found.append(_Quote(start, end, match["inner"], primary))
    return sorted(found, key=lambda q: q.start)


def _posts(text: str) -> list[_Quote]:
    """Embedded posts: "text — Name (@handle) date"; the text may be on the line above."""
    if "(@" not in text:
        return []
    posts: list[_Quote] = []
    for match in _POST.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        start, end = line_start, match.start()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:  # the signature stands on a line of its own
            end = max(text.rfind("\n", 0, line_start), 0)
            while end > 0 and text[end - 1].isspace():
                end -= 1
            start = text.rfind("\n", 0, end) + 1
        if end - start < 2:
            continue
        posts.append(
            _Quote(
                start,
                end,
                inner=text[start:end],
                primary=True,
                speaker=" ".join(match["name"].split()),
                direct=True,
                said_on=read_date(match["date"]) if match["date"] else None,
            )
        )
    return posts


def _attribute(
    quote: _Quote,
    text: str,
    index: SentenceIndex,
    spans: list[tuple[int, int]],
    people: _people.People,
) -> None:
    after = _AFTER.match(text, quote.end)
    if after is not None and not _attached(quote, text):
        after = None  # „Bürgers“ berichtete …: the quotation is the subject, not a speech
    phrase: str | None = None
    verb = ""
    if after is not None:
        quote.direct = True
        if after["cited"]:
            phrase = after["cited"]
        elif after["verb"]:
            phrase, verb = after["after"], after["verb"]
        else:
            phrase, verb = after["before"], after["verb_en"]
    elif (bracketed := _BRACKETED.match(text, quote.end)) is not None:
        quote.direct, phrase = True, bracketed["name"]
    else:
        low, _ = index.bounds(quote.start, quote.start)
        previous = max((end for start, end in spans if end <= quote.start), default=0)
        window = max(low, previous)
        before = _before(text, window, quote.start)
        label = _LABEL.search(text, max(0, window - 2), quote.start)
        if before is not None:
            quote.direct = True
            verb = before["verb"]
            phrase = _subject(before["head"], before["tail"], verb)
        elif label is not None and _is_label(label["label"]) and _ends_clause(text, quote.end):
            quote.direct, phrase = True, label["label"]
        else:
            phrase, verb = _in_sentence(quote, text, index, spans)
    if phrase:
        quote.speaker = _speaker(phrase, verb, people, quote.start)


def _before(text: str, window: int, end: int) -> re.Match[str] | None:
    """The speech verb before a quotation: `_BEFORE`, else `_INTRODUCED`.

    Both patterns try their lazy head at every position of the window, which costs the
    square of its length; most windows lack what each needs (a colon at the end, an
    introducing verb somewhere), and looking for that first is a hundred times cheaper.
    """
    lead = text[window:end]
    if lead.rstrip().endswith(":") and (before := _BEFORE.search(text, window, end)):
        return before
    if _INTRODUCING_VERB.search(lead):
        return _INTRODUCED.search(text, window, end)
    return None


def _attached(quote: _Quote, text: str) -> bool:
    """An attribution follows a comma or dash after the quotation, or one inside it."""
    following = text[quote.end : quote.end + 3].lstrip(" \t")
    return following[:1] in _ATTACHING or quote.inner.rstrip()[-1:] in _CLOSING


def _ends_clause(text: str, position: int) -> bool:
    """Whether the quotation closes its clause (Tsipras: „…“. / – / ,), rather than being
    a noun inside it (Facebook: „Bürgerwehren“ stellen …)."""
    following = text[position : position + 3].lstrip(" \t")
    return not following or following[0] in ".,;:!?–—-)\n"


def _is_label(label: str) -> bool:
    """A short name or role, not a clause: "Tsipras", "Graz-Coach Foda", "Kaiser über Lösung"."""
    words = label.split()
    return 0 < len(words) <= 5 and all(w[:1].isupper() or w.lower() in _LABEL_LOWER for w in words)


def _subject(head: str, tail: str, verb: str) -> str:
    """Who speaks in "Altman schrieb auf X:" (head) or "schrieb er auf X:" (tail)."""
    if verb == "zitiert":
        cited = re.search(r"\bwird\s+(.+)$", head)
        return cited[1] if cited else ""
    first = tail.split()[0] if tail.split() else ""
    # After "nannte" an article starts the object ("nannte das Angebot"), not the speaker.
    articles = () if re.fullmatch(_NAMING, verb) else _ARTICLES
    speaker_first = first.lower() in _PRONOUNS or first.lower() in articles or first[:1].isupper()
    if first and speaker_first and first not in _TIME_WORDS:
        return tail
    words = head.split()
    # The noun phrase just before the verb: "Der OpenAI-Chef Sam Altman", "Musk", "Er".
    phrase: list[str] = []
    for word in reversed(words[-5:]):
        if word.endswith(","):
            break
        phrase.insert(0, word)
        if word.lower() in _ARTICLES or word.lower() in _PRONOUNS:
            break
    return " ".join(phrase)


def _in_sentence(
    quote: _Quote, text: str, index: SentenceIndex, spans: list[tuple[int, int]]
) -> tuple[str | None, str]:
    low, high = index.bounds(quote.start, quote.end)
    outside = _blank(text, low, high, spans)
    according = _ACCORDING.search(outside)
    if according is not None:
        return according["after"] or according["before"], "laut"
    for match in _SENTENCE_VERB.finditer(outside):
        tail = outside[match.end() :].split(",")[0]
        head = outside[: match.start()].split(",")[-1]
        phrase = _subject(head, tail, match["verb"])
        if phrase:
            return phrase, match["verb"]
    return None, ""


def _blank(text: str, low: int, high: int, spans: list[tuple[int, int]]) -> str:
    """The sentence with every quotation blanked out (offsets kept)."""
    chars = list(text[low:high])
    for start, end in spans:
        for position in range(max(start, low), min(end, high)):
            chars[position - low] = " "
    return "".join(chars)


def _speaker(phrase: str, verb: str, people: _people.People, position: int) -> str | None:
    """The speaker a phrase names: a person's full name, a role, or whom "er" means."""
    words = [w for w in phrase.split() if w.strip(",;()")]
    index = 0
    while index < len(words) and index < 4:
        word = words[index].strip(",;()")
        lower = word.lower()
        if lower in _PRONOUNS:
            plural = lower == "sie" and verb.endswith("en")
            return None if plural else _resolve(lower, people, position)
        if lower in _ARTICLES or (word[:1].isupper() and word not in _TIME_WORDS):
            break
        index += 1
        if lower in ("am", "on", "im", "in") and index < len(words):
            index += 1  # "am Montag", "on Monday"
    words = words[index:]
    if not words:
        return None
    if words[0].strip(",;()").lower() in _ARTICLES:
        return _described(words[1:], people, position)
    whole_run = _capitalised_run(words)
    person = _people.full_name(whole_run)
    if person is not None:
        return person[0]
    run = [w for w in whole_run if not _people.is_role(w)]
    if not run:
        return _described(words, people, position)
    if len(run) == 1:
        return people.full_name(run[0], position)
    return " ".join(run[-3:])


def _capitalised_run(words: list[str]) -> list[str]:
    """Leading capitalised words, up to a comma: "Sam Altman, Musk habe …" → Sam Altman."""
    run: list[str] = []
    for word in words[:4]:
        clean = word.strip(",;()")
        if not clean[:1].isupper() or clean in _TIME_WORDS:
            break
        run.append(clean)
        if word.endswith((",", ";")):
            break
    return run


def _described(words: list[str], people: _people.People, position: int) -> str | None:
    """A speaker given by role: "der OpenAI-Chef Sam Altman", "ein Sprecher des Konzerns".

    The head noun is the first capitalised word (German), else the first word (English
    "the company"); capitalised words right after it are the person's name.
    """
    if not words:
        return None
    head_index = next((i for i, w in enumerate(words[:3]) if w[:1].isupper()), 0)
    head = words[head_index].strip(",;()")
    rest = words[head_index + 1 :]
    if words[head_index].endswith(","):
        rest = []
    name = [w for w in _capitalised_run(rest) if not _people.is_role(w)]
    if name:
        return people.full_name(name[0], position) if len(name) == 1 else " ".join(name[:3])
    described = [head]
    if rest and rest[0].lower() in ("des", "der", "of", "for"):
        for word in rest[:3]:
            described.append(word.strip(",;()"))
            if word.endswith(","):
                break
    return " ".join(described).rstrip(".,")


def _resolve(pronoun: str, people: _people.People, position: int) -> str | None:
    """The most recent person named before `position` whom the pronoun can refer to."""
    gender = _PRONOUNS[pronoun]
    if pronoun in ("they", "wir", "we"):
        return None
    for mention in reversed(people.before(position)):
        if mention.gender is None or mention.gender == gender:
            return mention.name
    return None


def _is_statement(quote: _Quote, text: str) -> bool:
    """Whether a quoted text is someone's wording rather than a name or a scare quote."""
    words = _WORD.findall(quote.inner)
    if not any(w[:1].isalpha() for w in words):
        return False
    said = quote.direct and quote.speaker is not None
    if not quote.primary:
        # Single marks are apostrophes and nested titles unless a speech verb is attached.
        return quote.direct and (len(words) >= 4 or said)
    if len(words) == 1 or (len(words) < 4 and not quote.inner[:1].islower()):
        # "reckless", „Tesla“, "Wall Street Journal": a quotation only when said by someone.
        return said
    if quote.direct:
        return True
    return not _is_title(quote, text, words)


def _is_title(quote: _Quote, text: str, words: list[str]) -> bool:
    """A quoted name of a work, campaign or association, not a statement.

    Said by the words around it (Film „…“, „…“ ist ein Roman, Heiner Müllers „…“) or by
    its own shape: every longer word capitalised, as in titles and slogans ("Das Märchen
    der Märchen", "Urban Change in Time"), and no closing full stop.
    """
    before = _WORD.findall(text, max(0, quote.start - 30), quote.start)
    if before and (
        before[-1].lower() in _TITLE_CUES
        or (
            before[-1][:1].isupper()
            and before[-1].endswith("s")
            and len(before[-1]) > 3
            and text[quote.start - 1 : quote.start] == " "
            and before[-1] not in _NOT_GENITIVE
        )
    ):
        return True
    after = _WORD.findall(text, quote.end, min(len(text), quote.end + 40))[:4]
    if any(w.lower() in _TITLE_NOUNS for w in after):
        return True
    if quote.inner.rstrip()[-1:] in ".!?…":
        return False
    content = [w for w in words if len(w) > 4 and w[:1].isalpha()]
    return bool(content) and all(w[:1].isupper() for w in content)


def _share_interrupted(quotes: list[_Quote], text: str) -> None:
    """The second of two quotations has the first one's speaker when it continues it.

    „…“, sagte Altman, „…“ (interrupted by its attribution) and "…," said Carter. "…"
    (the next sentence is nothing but another quotation).
    """
    for first, second in itertools.pairwise(quotes):
        if second.speaker is not None or first.speaker is None or second.direct:
            continue
        gap = text[first.end : second.start]
        interrupted = len(gap) < 80 and not re.search(r"[.!?\n]", gap)
        closed = second.inner.rstrip()[-1:] in _CLOSING[1:] or _ends_clause(text, second.end)
        continued = _CONTINUED.fullmatch(gap) is not None and closed
        if interrupted or continued:
            second.speaker = first.speaker


def _normalise(inner: str) -> str:
    return " ".join(inner.translate(_STRAIGHT).split()).rstrip(",")


def _claim(quote: _Quote, index: SentenceIndex) -> Claim:
    return Claim(
        kind=Kind.QUOTE,
        text=index.text[quote.start : quote.end],
        start=quote.start,
        end=quote.end,
        sentence=index.sentence(quote.start, quote.end),
        value=_normalise(quote.inner),
        lang=detect(quote.inner, index.lang),
        speaker=quote.speaker,
        said_on=quote.said_on,
    )
