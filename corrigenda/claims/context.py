"""What a claim is about: the names near it and the content words of its clause.

No German NER model is installable here, so names are found by rule. German capitalises
every noun, which makes "capitalised" a weak signal; a capitalised word counts as a name
when one of these holds:

- its shape says so: inner capitals or an acronym ("OpenAI", "xAI", "SPÖ", "GPA-djp");
- it stands in a run of capitalised words ("Sam Altman", "Wall Street Journal"), from
  which leading titles are dropped ("OpenAI-Chef Altman" → "Altman");
- simplemma's German dictionary does not know it ("Musk", "Toberoff");
- it stands bare in mid-sentence (no article or adjective before it), is not inflected
  (simplemma gives it no other lemma) and has no common-noun ending ("-ung", "-heit",
  "-e"): "von Twitter", "wirft Altman vor", but not "in Höhe", "nach Angaben".

English capitalises names only, so there every capitalised word off the sentence start
is a name. Content words are lemmatised with simplemma's dictionary (lookup only, see
`_lexicon`: its rule-based guessing is twenty times slower and a rare word is best left
as it is).
`compound_head` finds the head of a German compound ("Übernahmeangebot" → "angebot");
`compare` uses it so that "Kaufangebot" and "Übernahmeangebot" share something.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache, partial

from corrigenda.claims import _lexicon
from corrigenda.claims.currencies import NAMES
from corrigenda.claims.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, word_set

_TOKEN = re.compile(r"[^\W\d_][\w&'’-]*[\w&]|[^\W\d_]")
_CLAUSE_MARK = re.compile(r"[,;:()–—]|\s-\s")
# The same marks in a sentence without a hyphen, where " - " cannot occur: a lone
# character class is found three times as fast as the alternation.
_CLAUSE_PUNCTUATION = re.compile(r"[,;:()–—]")

_STOPWORDS = GERMAN_STOPWORDS | ENGLISH_STOPWORDS
_ARTICLES = word_set(
    """
    der die das den dem des ein eine einer eines einem einen kein keine keinen keinem
    zum zur im am vom beim ins ans aufs dieser diese dieses diesen diesem jeder jede
    jedes jeden jedem sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser
    unsere unseren the a an this that these those his her its their our
    """
)
_NOT_NAMES = word_set(
    """
    KI AI CEO CFO CTO COO AG GmbH SE Inc Ltd Co TV PR IT US Mio Mrd Mia Nr Dr Prof Tel
    Fr Uhr Jänner Januar Februar März April Mai Juni Juli August September Oktober
    November Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag
    January February March May June July October December Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday Prozent Prozentpunkte Million Millionen Milliarde
    Milliarden Billion Billionen Herr Frau Mr Mrs Ms Bild Foto Video Laut Seit Ende
    Anfang Mitte
    """
) | frozenset(NAMES)
# Words of the figure itself, not of its subject.
_NOT_CONTENT = word_set(
    """
    Prozent Prozentpunkte Million Millionen Milliarde Milliarden Billion Billionen Mio
    Mrd Mia percent million billion
    """
) | frozenset(NAMES)
_COMMON_ENDINGS = tuple(
    word_set(
        "ung heit keit schaft tion sion ität ismus nis tum chen lein ling ei enz anz ent ik or e"
    )
)
_TITLES = tuple(
    word_set(
        """
        chef chefin präsident präsidentin minister ministerin kanzler kanzlerin sprecher
        sprecherin gründer gründerin anwalt anwältin direktor direktorin leiter leiterin
        vorsitzende vorsitzender konzern unternehmen firma partei trainer bürgermeister
        bürgermeisterin experte expertin analyst analystin milliardär unternehmer
        unternehmerin investor ceo herr frau dr prof mr mrs ms president senator chief
        founder billionaire boss
        """
    )
)
# Possessive "++": a lower-case word start ("die") is given up at once instead of being
# backtracked letter by letter looking for an inner capital ("xAI", "eBay").
_CAPITALISED_WORD = r"(?:[A-ZÄÖÜ]|[a-zäöü]++[A-Z])[\w&'’-]*"
_CAPITALISED_RUN = re.compile(rf"(?<![\w&'’-])({_CAPITALISED_WORD}(?: {_CAPITALISED_WORD})*)")
# Two in five German runs are one plain word (no inner capital, digit or hyphen) after
# an article or adjective ("die Regierung", "im Jahr", "neuen Chef"), which
# `_single_name` never takes for a name. `_GERMAN_RUN` matches them too, with group 1
# None, so that they are passed over in C instead of being looked at in Python; in
# English the word before does not matter. Most articles have the adjective's shape
# ("der", "eine"), so only the others are listed.
_ADJECTIVE_SHAPE = r"[a-zäöüß]*e[nrsm]?"
_GERMAN_RUN = re.compile(
    rf"(?<![\w&'’-])(?:({_CAPITALISED_WORD}(?: {_CAPITALISED_WORD})*)|(?<![^ ])(?:"
    + "|".join(
        sorted(
            (article for article in _ARTICLES if not re.fullmatch(_ADJECTIVE_SHAPE, article)),
            key=lambda article: (-len(article), article),
        )
    )
    + rf"|{_ADJECTIVE_SHAPE}) [A-ZÄÖÜ][a-zäöüß]++(?![\w&'’-]| (?:[A-ZÄÖÜ]|[a-zäöü]++[A-Z])))"
)
_PUNCTUATION = "\"'„“”«»‚‘’()[],.;:!?–—-"
_MIN_MODIFIER = 4
_MIN_HEAD = 5


def clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `sentence` around start..end (offsets into the sentence)."""
    marks = _CLAUSE_MARK if "-" in sentence else _CLAUSE_PUNCTUATION
    left = 0
    for mark in marks.finditer(sentence, 0, start):
        left = mark.end()
    right_mark = marks.search(sentence, end)
    right = right_mark.start() if right_mark else len(sentence)
    return left, right


def lemmas(words: str, lang: str) -> tuple[str, ...]:
    """The content-word lemmas of `words`, lower-cased, first occurrence first."""
    return tuple(dict.fromkeys(_content_lemmas(words, lang)))


def lemmas_around(before: str, after: str, lang: str) -> tuple[str, ...]:
    """The content-word lemmas either side of a claim, nearest first.

    The order carries meaning: the words right next to a figure ("Übernahmeangebot in
    Höhe von …", "… mitgegründet") say more about what it counts than the rest of the
    clause, and `compare` weighs them so.
    """
    left = _content_lemmas(before, lang)
    left.reverse()
    # Both sides in turn; zip_longest pads the shorter one with "", dropped at the end.
    pairs = itertools.zip_longest(left, _content_lemmas(after, lang), fillvalue="")
    nearest_first = dict.fromkeys(itertools.chain.from_iterable(pairs))
    nearest_first.pop("", None)
    return tuple(nearest_first)


def _content_lemmas(words: str, lang: str) -> list[str]:
    """The lemma of every content word of `words`, in order (repeats included).

    `map` and `filter` call the cached lemma without a Python loop: most words of a
    clause have been seen before, so this loop was most of the cost.
    """
    content_lemma = _CONTENT_LEMMA.get(lang) or partial(_content_lemma, lang=lang)
    return list(filter(None, map(content_lemma, _TOKEN.findall(words))))


def _content_lemma(token: str, lang: str) -> str | None:
    """The lemma of `token` if it is a content word, else None."""
    if len(token) > 2 and token.lower() not in _STOPWORDS and token not in _NOT_CONTENT:
        return _lexicon.lemma(token, lang).lower()
    return None


@lru_cache(maxsize=65536)
def _german_content_lemma(token: str) -> str | None:
    return _content_lemma(token, "de")


@lru_cache(maxsize=65536)
def _english_content_lemma(token: str) -> str | None:
    return _content_lemma(token, "en")


# A cache keyed on the token alone is hit faster than one keyed on (token, lang), and
# nearly every token hits. `extract` asks for no other language; any other is looked
# up uncached.
_CONTENT_LEMMA = {"de": _german_content_lemma, "en": _english_content_lemma}


@lru_cache(maxsize=65536)
def compound_head(noun: str) -> str | None:
    """The longest known noun that ends `noun` ("Übernahmeangebot" → "angebot"), lower-cased."""
    if "-" in noun:
        return noun.rpartition("-")[2].lower() or None
    # Short heads and modifiers are mostly false splits ("Kon|flikt", "Be|richt").
    for cut in range(_MIN_MODIFIER, len(noun) - _MIN_HEAD + 1):
        head = noun[cut:].capitalize()
        if _german_lemma(head) is not None:
            return head.lower()
    return None


@lru_cache(maxsize=8192)
def entities(sentence: str, lang: str) -> tuple[str, ...]:
    """Names in `sentence`: people, organisations, places, publications."""
    names: dict[str, None] = {}
    # Runs of capitalised words come from one regex; only they are looked at in Python.
    for found in (_CAPITALISED_RUN if lang == "en" else _GERMAN_RUN).finditer(sentence):
        text = found[1]
        if text is None:  # a plain noun after an article or adjective
            continue
        previous, initial = _word_before(sentence, found.start())
        if " " not in text:  # most runs are one word: decide once per kind of context
            for name in _one_word(text, _context_of(previous), initial, lang):
                names[name] = None
            continue
        run: list[str] = []
        for word in text.split(" "):
            word = word.rstrip("'’-")
            if not word or word in _NOT_NAMES or word.lower() in _STOPWORDS:
                _close_run(run, previous, initial, lang, names)
                run, initial, previous = [], False, word
                continue
            if run and (_strong(_last_part(word)) or _strong(_last_part(run[-1]))):
                # "Musk OpenAI": a brand name does not join a person's name.
                _close_run(run, previous, initial, lang, names)
                run, initial, previous = [], False, run[-1]
            run.append(word)
        _close_run(run, previous, initial, lang, names)
    return tuple(names)


@lru_cache(maxsize=65536)
def _one_word(word: str, previous: str, initial: bool, lang: str) -> tuple[str, ...]:
    """The names in a run of one capitalised word, after a word of kind `previous`."""
    word = word.rstrip("'’-")
    if not word or word in _NOT_NAMES or word.lower() in _STOPWORDS:
        return ()
    if "-" not in word:  # what `_close_run` makes of it, in one step: the common case
        return (word,) if not _title(word) and _single_name(word, previous, initial, lang) else ()
    names: dict[str, None] = {}
    _close_run([word], previous, initial, lang, names)
    return tuple(names)


@lru_cache(maxsize=16384)
def _context_of(previous: str) -> str:
    """All that `_single_name` asks of the word before: is it an article or adjective?"""
    return "der" if previous.lower() in _ARTICLES or _adjective(previous) else ""


def _word_before(sentence: str, start: int) -> tuple[str, bool]:
    """The word before `start` (without punctuation), and whether there is none."""
    end = start
    while end > 0 and not sentence[end - 1].isalnum():
        end -= 1
    begin = sentence.rfind(" ", 0, end) + 1
    return sentence[begin:end].strip(_PUNCTUATION), end == 0


def _close_run(
    run: list[str], previous: str, initial: bool, lang: str, names: dict[str, None]
) -> None:
    if not run:
        return
    for word in run:
        for part in word.split("-")[:-1]:
            if _strong(part) and part not in _NOT_NAMES:
                names[part] = None
    # Titles separate names: "Musks Anwalt Marc Toberoff" → "Musk", "Marc Toberoff".
    segment: list[str] = []
    for position, word in enumerate([*run, ""]):
        if word and not _title(word):
            segment.append(word)
            continue
        if len(segment) > 1 or (segment and _single_name(segment[0], previous, initial, lang)):
            name = " ".join(segment)
            if word and name.endswith("s") and not name.endswith("ss"):
                name = name[:-1]  # a genitive in front of a title
            names[name] = None
        segment = []
        previous, initial = word, initial and position == 0


def _strong(word: str) -> bool:
    """Inner capitals, digits or an acronym: "OpenAI", "xAI", "G20", "SPÖ"."""
    return len(word) > 1 and not word[1:].islower()


def _last_part(word: str) -> str:
    return word.rpartition("-")[2]


def _title(word: str) -> bool:
    """A title or role in front of a name: "OpenAI-Chef", "Anwalt", "Präsident"."""
    return word.lower().endswith(_TITLES)


def _single_name(word: str, previous: str, initial: bool, lang: str) -> bool:
    head = word.rpartition("-")[2]
    if _strong(head):
        return True
    if lang == "en":
        return not initial or not _lexicon.known(word.lower(), "en")
    if previous.lower() in _ARTICLES or _adjective(previous):
        return False  # "die Organisation", "der gemeinnützige Verein"
    lemma = _german_lemma(head)
    if lemma is None:
        return True
    if initial:
        return False
    return lemma.lower() == head.lower() and not head.endswith(_COMMON_ENDINGS)


@lru_cache(maxsize=65536)
def _german_lemma(word: str) -> str | None:
    """The lemma simplemma's German dictionary lists for `word`, or None if it does not
    know it: one lookup answers both questions `_single_name` asks."""
    return _lexicon.lookup(word, "de")


def _adjective(word: str) -> bool:
    return word[:1].islower() and word.endswith(("e", "en", "er", "es", "em"))
