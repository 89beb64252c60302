"""What an article says about its event, in keys that travel across outlets and languages.

The claim engine reads the text; this module turns its claims and context into the
sets `grouping.StoryIndex` compares:

- entities: names, lower-cased and stripped of accents ("FPÖ" = "FPO"), plus the last
  word of a multi-word name ("Elon Musk" also yields "musk"), because outlets name
  people in full once and by surname after;
- figures: amounts, percentages and counts rounded to three significant digits, with
  the currency for amounts: "97,4 Milliarden Dollar" and "$97.4 billion" are both
  `USD 9.74e+10`. Counts drop their noun, which is language-specific, and small counts
  ("drei Tore") are too common to say anything;
- dates the text mentions, at the precision it states them (day, month or year);
- content-word lemmas of the title and the lead (the first sentences, where a news
  article states its event), which only compare within one language. The rest of a
  long article adds background words that every story shares, and memory.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from corrigenda.claims import Claim, Kind, extract, sentences
from corrigenda.claims import context as claim_context
from corrigenda.claims.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS
from corrigenda.stories.grouping import ArticleFeatures

# Sentences after the title whose lemmas count: the lead of a news article.
LEAD_SENTENCES = 6
# Counts below this are everyday numbers ("drei Tore", "zwei Tage").
_MIN_COUNT = 10
_FIGURE_KINDS = {Kind.AMOUNT, Kind.PERCENT, Kind.POINTS, Kind.COUNT}
_POSSESSIVE = re.compile(r"'s\b")
# Words a sentence's first capital drags into a name: "In Bangkok", "Beim Gipfel".
_LEADING = GERMAN_STOPWORDS | ENGLISH_STOPWORDS | {"in", "an", "on", "at", "so", "laut"}


def article_features(
    *,
    id: str,
    text: str,
    published: dt.date,
    title: str = "",
    lang: str = "de",
    outlet: str = "",
    claims: Iterable[Claim] | None = None,
) -> ArticleFeatures:
    """The grouping features of one article; pass `claims` if they are already known."""
    body = f"{title}\n\n{text}" if title else text
    if claims is None:
        claims = extract(body, lang=lang, published=published)
    figures: set[str] = set()
    dates: set[str] = set()
    for claim in claims:
        if claim.kind in _FIGURE_KINDS:
            figures.update(figure_keys(claim))
        elif claim.kind is Kind.DATE:
            key = date_key(claim)
            if key:
                dates.add(key)
    names: set[str] = set()
    spans = sentences.split(body)
    for span in spans:
        for name in claim_context.entities(body[span.start : span.end], lang):
            names.update(entity_keys(name))
    lead_end = spans[min(len(spans), LEAD_SENTENCES + bool(title)) - 1].end if spans else 0
    return ArticleFeatures(
        id=id,
        published=published,
        lang=lang,
        outlet=outlet,
        entities=frozenset(names),
        figures=frozenset(figures),
        dates=frozenset(dates),
        lemmas=frozenset(claim_context.lemmas(body[:lead_end], lang)),
    )


def entity_keys(name: str) -> set[str]:
    """ "Elon Musk" → {"elon musk", "musk"}; "FPÖ" → {"fpo"}."""
    folded = fold(name)
    keys = {folded}
    words = folded.split()
    if len(words) > 1 and len(words[-1]) > 2:
        keys.add(words[-1])
    return keys


def fold(name: str) -> str:
    """Lower case without accents or punctuation at the ends: the key of a name."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("ß", "ss"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = _POSSESSIVE.sub("", bare.replace("’", "'"))  # "Musk's" is Musk
    words = bare.replace("-", " ").split()
    while len(words) > 1 and words[0] in _LEADING:
        del words[0]  # a sentence's first word taken into the name: "In Bangkok"
    return " ".join(words).strip(".,'\"")


def figure_keys(claim: Claim) -> tuple[str, ...]:
    """A figure's value in three and in two significant digits, with its currency.

    Two precisions because outlets round differently: "1644 Tote" and "mehr als 1600
    Tote" share the coarse key, "97,4 Milliarden" and "$97.4 billion" share both.
    """
    if claim.vague or not isinstance(claim.value, Decimal):
        return ()
    value = claim.value
    if claim.kind is Kind.COUNT:
        if value < _MIN_COUNT and value == value.to_integral_value():
            return ()
        unit = "n"  # the counted noun is language-specific
    else:
        unit = claim.unit or str(claim.kind)
    return (f"{unit} {float(value):.3g}", f"{unit} ~{float(value):.2g}")


def date_key(claim: Claim) -> str | None:
    """A mentioned date at the precision the text gives it: day, month or year."""
    low, high = claim.low, claim.high
    if claim.vague or not isinstance(low, dt.date) or not isinstance(high, dt.date):
        return None
    if low == high:
        return low.isoformat()
    if (low.year, low.month) == (high.year, high.month):
        return f"{low:%Y-%m}"
    if low.year == high.year and claim.granularity == "year":
        return f"{low:%Y}"
    return None  # a range or a week: too loose to say which event
