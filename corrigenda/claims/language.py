"""Tell German from English in a span of text by counting function words.

Function words are the most frequent words of a language and nearly disjoint between
German and English, so even a short post ("thanks but no, happy to buy twitter …")
inside a German article is recognised. Words both languages share ("in", "so", "was",
"man", "will", "an") count for neither. Ties keep the caller's default.
"""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one white-space separated string, for word lists."""
    return frozenset(words.split())


GERMAN_STOPWORDS = word_set(
    """
    der die das den dem des ein eine einer eines einem einen kein keine keinen keinem
    und oder aber doch sondern denn weil dass ob wenn als wie auch noch nur schon sehr
    nicht nichts ist sind war waren wird werden wurde wurden worden sei seien hat haben
    hatte hatten habe bin bist sein seine seinen seinem seiner ihr ihre ihren ihrem
    ihrer er sie es wir ich du uns euch ihm ihn mich mir dir dich sich mit von zu zum
    zur bei beim für über unter nach vor aus auf im ins am vom durch gegen ohne um bis
    seit während dieser diese dieses diesen diesem jener jede jeder jedes alle allen
    aller auch dabei damit dazu darauf darüber davon dort hier jetzt nun dann danach
    bereits zudem jedoch allerdings sowie bzw etwa laut kann können konnte konnten muss
    müssen soll sollen sollte will wollen wollte würde würden mehr man welche welcher
    welches wer wo wurde falls möchtest möchte danke nein ja
    """
)

ENGLISH_STOPWORDS = word_set(
    """
    the a of and to is are was were be been being has have had it its this that these
    those with from for by on at as or but not no yes if then than they them their there
    he she his her him we our us you your i me my what which who whom whose when where
    why how would could should shall can may might must do does did done about into over
    after before between through during without within also just only very more most
    some any each every all both such other another said says say thank thanks want
    wants
    """
)


_GERMAN_ONLY = GERMAN_STOPWORDS - ENGLISH_STOPWORDS
_ENGLISH_ONLY = ENGLISH_STOPWORDS - GERMAN_STOPWORDS
_WORD = re.compile(r"[a-zäöüß]+")


def detect(text: str, default: str = "de") -> str:
    """ "de" or "en": the language of `text`, or `default` when the evidence is even."""
    german = english = 0
    for word in _WORD.findall(text.lower()):
        if word in _GERMAN_ONLY:
            german += 1
        elif word in _ENGLISH_ONLY:
            english += 1
    if english > german:
        return "en"
    if german > english:
        return "de"
    return default


# Unambiguous function words of each language, for a quick look at a whole text.
_HINT_WORDS = {
    "de": "der|die|das|und|nicht|ist|mit|sich|auch|wird|wurde|dass|wir|ich",
    "en": "the|and|of|is|are|was|were|with|that|this|you|have|has|we|our|by|not|if",
}


def _by_initial(words: str) -> str:
    """An alternation of `words` grouped by first letter ("t(?:he|hat)|a(?:nd|re)"): at
    the many spaces where no hint starts, `re` then tries a few letters, not every word."""
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{initial}(?:{'|'.join(rests)})" for initial, rests in groups.items())


# A hint is a whole word: after a space, after another character that is not part of a
# word, or at the start of the text. Searched for in these three parts because a
# pattern that starts with "\b" is tried at every position of the text, while one
# that starts with " " or a character class is searched for at C speed (as in
# `numbers.find_lower_words`, which also explains the class).
_HINTS = {
    lang: (
        re.compile(rf" (?:{_by_initial(words)})\b"),
        re.compile(rf"[^0-9A-Za-z_ ](?<!\w)(?:{words})\b"),
        re.compile(rf"(?:{words})\b"),
    )
    for lang, words in _HINT_WORDS.items()
}


def mixed(lowered: str, lang: str) -> bool:
    """Whether a lower-cased text in `lang` may contain spans of the other language.

    One pass over the text lets the callers skip detecting the language of every
    sentence in the common case of a text in one language.
    """
    after_space, after_other, at_start = _HINTS["en" if lang == "de" else "de"]
    return bool(
        after_space.search(lowered) or after_other.search(lowered) or at_start.match(lowered)
    )
