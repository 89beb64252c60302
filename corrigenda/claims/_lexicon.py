"""simplemma's dictionaries, looked up directly: is a word known, and its listed lemma.

simplemma's public calls (`is_known`, `Lemmatizer.lemmatize`) check their input,
normalise it and pass through a cache and a strategy object on every call: for a word
seen for the first time that costs three times the lookup itself, and every article
brings hundreds of such words. `lookup` does what simplemma's `DictionaryLookupStrategy`
does (the word as written, then with the case of its first letter flipped) for the words
that need nothing more: Unicode-normalised and without an apostrophe. Any other word
goes through simplemma itself, so the answers are the same.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from simplemma.strategies import DictionaryLookupStrategy
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

_STRATEGY = DictionaryLookupStrategy(DEFAULT_DICTIONARY_FACTORY)
# Filled on first use (loading a dictionary takes a moment; the CLI may need neither).
_DICTIONARIES: dict[str, Mapping[str, str]] = {}


def lookup(word: str, lang: str) -> str | None:
    """The lemma simplemma's dictionary for `lang` lists for `word`, or None."""
    if "'" in word or "’" in word or "ʼ" in word or not unicodedata.is_normalized("NFC", word):
        return _STRATEGY.get_lemma(unicodedata.normalize("NFC", word), lang)
    dictionary = _DICTIONARIES.get(lang)
    if dictionary is None:
        dictionary = _DICTIONARIES[lang] = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
    found = dictionary.get(word)
    if found is None:
        found = dictionary.get(word.lower() if word[:1].isupper() else word.capitalize())
    return found


def known(word: str, lang: str) -> bool:
    """Whether simplemma's dictionary for `lang` knows `word` (as `simplemma.is_known`)."""
    return lookup(word, lang) is not None


def lemma(word: str, lang: str) -> str:
    """The listed lemma of `word`, or the word itself (as simplemma's dictionary lookup)."""
    found = lookup(word, lang)
    return found if found is not None else unicodedata.normalize("NFC", word).lower()
