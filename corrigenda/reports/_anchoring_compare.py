"""What a fuzzy match may not change: figures and names. And where sentences are.

A fuzzy match tolerates slips of the keyboard. It does not tolerate a different figure
(the reader wrote 9,75 where the article says 9,74) or a different name (Maier for
Meier): such a passage is not the one in the article, however similar it looks.

- Figures are compared as written, in order, after folding (so 1'234 and 1’234 and
  1 234 with a thin space are the same figure; 9,74 and 9.74 are not).
- Names are capitalised words that do not start a sentence. German capitalises every
  noun, so every noun counts as a name: each must have a counterpart on the other side
  that is the same word, or the same word but for one slip: from five letters a
  letter missing or added or two letters swapped (Zürihc, Strase), from eight letters
  also one letter wrong. A wrong letter in a shorter word is taken as another name
  (Maier is not Meier, Bern is not Born) and turns the match down; so does any typo
  in a capitalised word of up to four letters. Limitation: Hofmann and Hoffmann pass
  as one name with a slip.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA, Indel, Levenshtein

from corrigenda.reports._anchoring_fold import fold_passage, fold_word

SLIP_WORD = 5  # shorter capitalised words must be the same
WRONG_LETTER_WORD = 8  # from this length a wrong letter is a slip, not another name
_SEPARATOR_IN_FIGURE = re.compile(r'(?<=\d)[" ](?=\d\d\d(?!\d))')
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:](?!\d)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'“”»«’‘)]*\s+|\s*\n\s*")


def figures(text: str) -> list[str]:
    """The figures of `text` in order, thousands separators removed."""
    return _FIGURE.findall(_SEPARATOR_IN_FIGURE.sub("", fold_passage(text)))


def names(text: str) -> list[str]:
    """The folded capitalised words of `text` that do not start a sentence."""
    found = []
    previous_end = None  # where the word before ended
    for match in _WORD.finditer(text):
        between = text[previous_end : match.start()] if previous_end is not None else ""
        starts_sentence = previous_end is None or _SENTENCE_END.search(between)
        if match.group()[0].isupper() and not starts_sentence:
            found.append(fold_word(match.group()))
        previous_end = match.end()
    return found


def _words(text: str) -> set[str]:
    return {fold_word(word) for word in _WORD.findall(text)}


def _slip(name: str, word: str) -> bool:
    """Whether `word` is `name` with one slip of the keyboard (see the module)."""
    if min(len(name), len(word)) < SLIP_WORD:
        return False
    if Indel.distance(name, word, score_cutoff=2) == 1:  # a letter missing or added
        return True
    if sorted(name) == sorted(word) and OSA.distance(name, word, score_cutoff=1) == 1:
        return True  # two letters swapped
    return min(len(name), len(word)) >= WRONG_LETTER_WORD and (
        Levenshtein.distance(name, word, score_cutoff=1) == 1  # a letter wrong
    )


def _has_counterpart(name: str, words: set[str]) -> bool:
    return name in words or any(_slip(name, word) for word in words)


def figures_or_names_differ(passage: str, span: str) -> bool:
    """Whether `span` (the article) has other figures or names than `passage` (the reader)."""
    if figures(passage) != figures(span):
        return True
    passage_words, span_words = _words(passage), _words(span)
    return not all(_has_counterpart(name, span_words) for name in names(passage)) or not all(
        _has_counterpart(name, passage_words) for name in names(span)
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentences of `text` are (a plain split: abbreviations split too)."""
    spans = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans
