"""Which sentence a span of the text stands in, and that sentence's language."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from corrigenda.claims.language import detect
from corrigenda.claims.model import Span


class SentenceIndex:
    """The sentences of one document, looked up by character offset."""

    def __init__(self, text: str, sentences: Sequence[Span], lang: str) -> None:
        self.text = text
        self.sentences = sentences
        self.lang = lang
        self._starts = [s.start for s in sentences]
        self._languages: dict[tuple[int, int], str] = {}

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Start of the sentence holding `start` to the end of the one holding `end`.

        A span outside every sentence (a headline the splitter skipped, a marker) gets
        its line instead.
        """
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0 or self.sentences[index].end < start:
            low = self.text.rfind("\n", 0, start) + 1
            high = self.text.find("\n", end)
            return low, len(self.text) if high < 0 else max(high, end)
        last = index
        while last + 1 < len(self.sentences) and self.sentences[last].end < end:
            last += 1
        return self.sentences[index].start, max(self.sentences[last].end, end)

    def sentence(self, start: int, end: int) -> str:
        low, high = self.bounds(start, end)
        return self.text[low:high]

    def language(self, start: int, end: int) -> str:
        """The language of the sentence(s) around the span; the document's on a tie."""
        bounds = self.bounds(start, end)
        if bounds not in self._languages:
            self._languages[bounds] = detect(self.text[bounds[0] : bounds[1]], self.lang)
        return self._languages[bounds]
