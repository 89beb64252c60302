"""`_lexicon` looks words up in simplemma's dictionaries directly; the answers must be
simplemma's own, or names and context words would change with the shortcut."""

from __future__ import annotations

import unicodedata

import pytest
import simplemma
from simplemma.strategies import DictionaryLookupStrategy

from corrigenda.claims import _lexicon

_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DictionaryLookupStrategy())

WORDS = [
    # known as written, known only with the first letter's case flipped, unknown
    "Mitarbeiter", "Angebote", "gegründet", "Übernahmeangebot", "angebot", "Twitter",
    "Musk", "Toberoff", "OpenAI", "xAI", "SPÖ", "Wall", "Street", "employees", "said",
    "offered", "Billion", "billion", "heißt", "Straße", "Strasse", "Jänner",
    # apostrophes (simplemma tries their variants) and a decomposed "é" (NFC first)
    "don't", "don’t", "Musk’s", "Altman's", "Cafe\u0301", "Ca\u0301fe", "Kafe\u0301s",
    "A", "x",
]  # fmt: skip


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("word", WORDS)
def test_lookups_answer_as_simplemma_does(word: str, lang: str) -> None:
    assert _lexicon.known(word, lang) == simplemma.is_known(word, lang=lang)
    assert _lexicon.lemma(word, lang).lower() == _LEMMATIZER.lemmatize(word, lang=lang).lower()


def test_a_decomposed_accent_is_looked_up_in_its_composed_form() -> None:
    decomposed = "Cafe\u0301"
    assert _lexicon.lemma(decomposed, "de") == _lexicon.lemma(
        unicodedata.normalize("NFC", decomposed), "de"
    )
