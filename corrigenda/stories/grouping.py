"""Group articles into stories, one article at a time, without recomputing the rest.

A story is an event as every outlet reported it. An article joins the story it
resembles most, or starts a new one. This is single-pass clustering as in the topic
detection and tracking (TDT) research of the late 1990s: features weighted by inverse
document frequency, a story profile that is the mean of its members, cosine similarity,
and a time penalty because events are short.

What "resembles" means is split by the kind of feature, because the kinds travel
differently across outlets and languages:

- entities (names) and figures (normalised amounts, percentages, counts) are the same
  in German and English: "97,4 Milliarden Dollar" and "$97.4 billion" are one key;
- dates the text mentions (not the publication date) are the same in both languages;
- content-word lemmas only compare within one language.

The score is a weighted mean of one cosine per kind, taken over the kinds both sides
have (a German article compared with an English-only story has no lemma term rather than
a lemma term of zero). Figures and dates separate near misses: a 2024 lawsuit and a
2025 bid involve the same people but not the same numbers, and lie months apart.

Retrieval is an inverted index: feature → postings (day, article) kept sorted by day,
so the candidates of an article are the stories of the articles within the time window
that share one of its rarer features. Features in more than `max_df` articles are too
common to retrieve by; they still count when the candidates are scored.

Editors' decisions stick: an article never changes story unless an editor moves it
(`move`), merged stories stay one (`merge`), and a new version of an article updates
its story's profile without re-deciding the story (`update`).

Pure Python, no Django: `corrigenda.stories.services` keeps one index per process in
step with the database.
"""

from __future__ import annotations

import datetime as dt
import math
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Kind(IntEnum):
    ENTITY = 0
    FIGURE = 1
    DATE = 2
    LEMMA = 3


_PREFIX = {Kind.ENTITY: "e", Kind.FIGURE: "f", Kind.DATE: "d", Kind.LEMMA: "l"}
_KIND_OF_PREFIX = {prefix: kind for kind, prefix in _PREFIX.items()}


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What the grouping knows of one article (see `corrigenda.stories.features`)."""

    id: str
    published: dt.date
    lang: str = "de"
    outlet: str = ""
    entities: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()
    lemmas: frozenset[str] = frozenset()

    def feature_keys(self) -> Iterator[tuple[Kind, str]]:
        for name in self.entities:
            yield Kind.ENTITY, name
        for figure in self.figures:
            yield Kind.FIGURE, figure
        for date in self.dates:
            yield Kind.DATE, date
        for lemma in self.lemmas:
            # Lemmas only mean the same within one language.
            yield Kind.LEMMA, f"{self.lang}:{lemma}"

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "published": self.published.isoformat(),
            "lang": self.lang,
            "outlet": self.outlet,
            "entities": sorted(self.entities),
            "figures": sorted(self.figures),
            "dates": sorted(self.dates),
            "lemmas": sorted(self.lemmas),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleFeatures:
        return cls(
            id=str(data["id"]),
            published=dt.date.fromisoformat(data["published"]),
            lang=data.get("lang", "de"),
            outlet=data.get("outlet", ""),
            entities=frozenset(data.get("entities", ())),
            figures=frozenset(data.get("figures", ())),
            dates=frozenset(data.get("dates", ())),
            lemmas=frozenset(data.get("lemmas", ())),
        )


@dataclass(frozen=True, slots=True)
class Settings:
    """The grouping's knobs; the defaults are tuned on tests/stories/fixtures."""

    # Chosen on the labelled set and on the synthetic archive of the benchmark together
    # (docs/adr/0005-story-grouping-index.md): dates weigh little because every
    # article of a day mentions that day, whatever its event.
    threshold: float = 0.2
    weights: tuple[float, float, float, float] = (1.0, 1.0, 0.3, 0.6)  # by Kind
    window_days: int = 21  # candidates come from articles at most this far apart
    half_life_days: float = 7.0  # the time penalty halves the score every week...
    grace_days: int = 3  # ...after the first three days outside the story's span
    max_df: int = 2000  # features in more articles than this are not retrieved by
    max_candidates: int = 12  # stories scored in full per article
    retrieve_by: int = 24  # the article's rarest features that retrieve candidates
    max_window_postings: int = 300  # ...if at most this many articles in the window have it
    prior_documents: int = 50  # an archive is taken to hold this many more articles
    one_sided: float = 0.5  # weight of a kind only the article or only the story has


@dataclass(frozen=True, slots=True)
class Match:
    """A story an article resembles, with the score and the features behind it."""

    story: int
    score: float
    by_kind: dict[Kind, float] = field(default_factory=dict)
    shared: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assignment:
    story: int
    created: bool  # the article started a new story
    match: Match | None  # the best story above the threshold, if it joined one


class _Query:
    __slots__ = ("day", "known", "lang", "sizes")

    def __init__(self, lang: str, day: int) -> None:
        self.lang = lang
        self.day = day
        self.known: list[tuple[int, Kind, float]] = []  # (feature, kind, idf) in the index
        self.sizes = [0.0, 0.0, 0.0, 0.0]  # squared norm per kind, unseen features included


class _Story:
    __slots__ = ("counts", "first", "langs", "last", "lemma_norms", "members", "norms")

    def __init__(self) -> None:
        self.members: set[int] = set()
        self.counts: dict[int, int] = {}  # feature → members having it
        self.langs: dict[str, int] = {}  # language → members in it
        self.first = 0
        self.last = 0
        # Squared norms of the mean vector per kind, and of lemmas per language: a cache.
        self.norms: list[float] | None = None
        self.lemma_norms: dict[str, float] = {}


class StoryIndex:
    """Stories and their articles in memory, with an inverted index for retrieval."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._vocabulary: dict[str, int] = {}
        self._kind = array("b")  # feature → Kind
        self._label: list[str] = []  # feature → its key, for explanations
        self._lemma_lang: list[str] = []  # feature → language of a lemma, else ""
        self._df = array("i")  # feature → articles having it
        # feature → days of its postings, sorted, and the articles in parallel. A
        # feature in more than `max_df` articles loses its postings (too common to
        # retrieve by; its document frequency still counts).
        self._days: list[array[int] | None] = []
        self._posted: list[array[int] | None] = []
        self._article_ids: list[str] = []
        self._article_index: dict[str, int] = {}
        self._features: list[array[int]] = []  # article → its features
        self._day = array("i")  # article → publication day (proleptic ordinal)
        self._lang: list[str] = []
        self._story_of = array("q")  # article → story
        self._stories: dict[int, _Story] = {}
        self._next_story = 1

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self._article_ids)

    def __contains__(self, article: str) -> bool:
        return article in self._article_index

    @property
    def story_count(self) -> int:
        return len(self._stories)

    def story_of(self, article: str) -> int:
        return self._story_of[self._article_index[article]]

    def members(self, story: int) -> list[str]:
        return sorted(self._article_ids[a] for a in self._stories[story].members)

    def stories(self) -> dict[int, list[str]]:
        return {story: self.members(story) for story in self._stories}

    # ------------------------------------------------------------------ deciding

    def match(self, features: ArticleFeatures) -> Match | None:
        """The story `features` belongs to, or None for a new story. Changes nothing."""
        matches = self.candidates(features, limit=1)
        if matches and matches[0].score >= self.settings.threshold:
            return matches[0]
        return None

    def candidates(self, features: ArticleFeatures, *, limit: int = 5) -> list[Match]:
        """The stories most like `features`, best first, scored in full."""
        query = self._query(features)
        scored = [self._score(query, story) for story in self._retrieve(query)]
        scored.sort(key=lambda m: (-m.score, m.story))
        return [self._explain(query, match) for match in scored[:limit]]

    def assign(self, features: ArticleFeatures) -> Assignment:
        """Put an article into its best story or a new one; a known article stays put."""
        if features.id in self._article_index:
            self.update(features)
            return Assignment(self.story_of(features.id), created=False, match=None)
        found = self.match(features)
        if found is None:
            return Assignment(self.add(features), created=True, match=None)
        self.add(features, story=found.story)
        return Assignment(found.story, created=False, match=found)

    # ------------------------------------------------------------------ changing

    def add(self, features: ArticleFeatures, *, story: int | None = None) -> int:
        """Put a new article into `story` (created if unknown) or into a new story."""
        if features.id in self._article_index:
            raise ValueError(
                f"article {features.id!r} is already in story {self.story_of(features.id)}"
            )
        if story is None:
            story = self._next_story
        self._next_story = max(self._next_story, story + 1)
        article = len(self._article_ids)
        self._article_ids.append(features.id)
        self._article_index[features.id] = article
        day = features.published.toordinal()
        self._day.append(day)
        self._lang.append(features.lang)
        fids = array(
            "i", sorted({self._intern(kind, key) for kind, key in features.feature_keys()})
        )
        self._features.append(fids)
        for fid in fids:
            self._post(fid, day, article)
        self._story_of.append(story)
        self._join(story, article)
        return story

    def update(self, features: ArticleFeatures) -> None:
        """A new version of a known article: its story learns the new features only."""
        article = self._article_index[features.id]
        story = self._story_of[article]
        self._leave(story, article)
        fids = array(
            "i", sorted({self._intern(kind, key) for kind, key in features.feature_keys()})
        )
        day = self._day[article]
        for fid in set(fids) - set(self._features[article]):
            self._post(fid, day, article)
        # Postings of features the article lost stay; scoring reads the story profile.
        self._features[article] = fids
        self._lang[article] = features.lang
        self._join(story, article)

    def move(self, article_id: str, *, story: int | None = None) -> int:
        """An editor takes an article out of its story into `story` or a new one."""
        article = self._article_index[article_id]
        self._leave(self._story_of[article], article)
        if story is None:
            story = self._next_story
        self._next_story = max(self._next_story, story + 1)
        self._story_of[article] = story
        self._join(story, article)
        return story

    def merge(self, source: int, target: int) -> None:
        """An editor joins `source` into `target`; `source` ceases to exist."""
        if source == target:
            return
        for article in sorted(self._stories[source].members):
            self._leave(source, article)
            self._story_of[article] = target
            self._join(target, article)

    def drop(self, article_id: str) -> None:
        """Forget an article (erased from the archive)."""
        article = self._article_index.pop(article_id)
        self._leave(self._story_of[article], article)
        self._story_of[article] = 0
        self._features[article] = array("i")

    # ------------------------------------------------------------------ internals

    def _intern(self, kind: Kind, key: str) -> int:
        name = f"{_PREFIX[kind]}{key}"
        fid = self._vocabulary.get(name)
        if fid is None:
            fid = self._vocabulary[name] = len(self._label)
            self._kind.append(kind)
            lang, _, word = key.partition(":") if kind == Kind.LEMMA else ("", "", key)
            self._label.append(word)
            self._lemma_lang.append(lang)
            self._df.append(0)
            self._days.append(array("i"))
            self._posted.append(array("i"))
        return fid

    def _post(self, fid: int, day: int, article: int) -> None:
        self._df[fid] += 1
        days, posted = self._days[fid], self._posted[fid]
        if days is None or posted is None:
            return
        if self._df[fid] > self.settings.max_df:
            self._days[fid] = self._posted[fid] = None
            return
        at = bisect_right(days, day)
        days.insert(at, day)
        posted.insert(at, article)

    def _join(self, story: int, article: int) -> None:
        profile = self._stories.get(story)
        if profile is None:
            profile = self._stories[story] = _Story()
            profile.first = profile.last = self._day[article]
        profile.members.add(article)
        counts = profile.counts
        for fid in self._features[article]:
            counts[fid] = counts.get(fid, 0) + 1
        lang = self._lang[article]
        profile.langs[lang] = profile.langs.get(lang, 0) + 1
        profile.first = min(profile.first, self._day[article])
        profile.last = max(profile.last, self._day[article])
        profile.norms = None

    def _leave(self, story: int, article: int) -> None:
        profile = self._stories[story]
        profile.members.discard(article)
        if not profile.members:
            del self._stories[story]
            return
        counts = profile.counts
        for fid in self._features[article]:
            left = counts[fid] - 1
            if left:
                counts[fid] = left
            else:
                del counts[fid]
        lang = self._lang[article]
        profile.langs[lang] -= 1
        days = [self._day[member] for member in profile.members]
        profile.first, profile.last = min(days), max(days)
        profile.norms = None

    def _idf(self, fid: int) -> float:
        # +1 in both: the article being scored counts as one of the documents. The
        # prior documents keep a young archive's weights sane: in five articles on one
        # event every shared name would otherwise look as common as "the".
        documents = len(self._article_ids) + self.settings.prior_documents + 1
        return math.log(documents / (self._df[fid] + 1)) + 0.1

    def _query(self, features: ArticleFeatures) -> _Query:
        """The article's features with their weights, and its norm per kind.

        A feature nobody has yet cannot match, but it is the rarest of all and weighs in
        the article's norm: an article whose figures no story has is unlike them all.
        """
        query = _Query(features.lang, features.published.toordinal())
        vocabulary = self._vocabulary
        unseen = math.log(len(self._article_ids) + self.settings.prior_documents + 1) + 0.1
        for kind, key in features.feature_keys():
            fid = vocabulary.get(f"{_PREFIX[kind]}{key}")
            weight = unseen if fid is None else self._idf(fid)
            query.sizes[kind] += weight * weight
            if fid is not None:
                query.known.append((fid, kind, weight))
        query.known.sort(key=lambda feature: -feature[2])  # rarest first
        return query

    def _retrieve(self, query: _Query) -> list[int]:
        """Stories of articles in the time window that share one of the rarest features.

        Only the `retrieve_by` rarest features are looked up, and of those only the ones
        rare within the window too (at most `max_window_postings` articles): "Trump" in
        an election week retrieves half the archive and decides nothing.
        """
        settings = self.settings
        window, day = settings.window_days, query.day
        votes: dict[int, float] = {}
        story_of = self._story_of
        used = 0
        for fid, _kind, weight in query.known:
            days, posted = self._days[fid], self._posted[fid]
            if days is None or posted is None:
                continue
            lo = bisect_left(days, day - window)
            hi = bisect_right(days, day + window)
            if hi - lo > settings.max_window_postings:
                continue
            for article in posted[lo:hi]:
                story = story_of[article]
                votes[story] = votes.get(story, 0.0) + weight
            used += 1
            if used == settings.retrieve_by:
                break
        votes.pop(0, None)  # dropped articles
        limit = self.settings.max_candidates
        if len(votes) <= limit:
            return list(votes)
        return sorted(votes, key=votes.__getitem__, reverse=True)[:limit]

    def _score(self, query: _Query, story: int) -> Match:
        settings = self.settings
        profile = self._stories[story]
        norms = profile.norms
        if norms is None:
            norms = profile.norms = self._norms(profile)
        counts = profile.counts
        lang = query.lang
        n = len(profile.members)
        same_lang = profile.langs.get(lang, 0) or 1
        dots = [0.0, 0.0, 0.0, 0.0]
        for fid, kind, weight in query.known:
            count = counts.get(fid)
            if count:
                dots[kind] += weight * weight * count / (same_lang if kind == Kind.LEMMA else n)
        by_kind: dict[Kind, float] = {}
        total = weighted = 0.0
        for kind in Kind:
            norm = profile.lemma_norms.get(lang, 0.0) if kind == Kind.LEMMA else norms[kind]
            size = query.sizes[kind]
            weight = settings.weights[kind]
            if size and norm:
                cosine = dots[kind] / math.sqrt(size * norm)
            elif kind == Kind.LEMMA or not (size or norm):
                continue  # other languages' lemmas, or a kind neither side has
            else:
                # Figures on one side only: weak evidence of different events.
                cosine, weight = 0.0, weight * settings.one_sided
            by_kind[kind] = cosine
            total += weight * cosine
            weighted += weight
        score = total / weighted if weighted else 0.0
        return Match(story, score * self._recency(query.day, profile), by_kind)

    def _explain(self, query: _Query, match: Match) -> Match:
        """The match with the shared features that weigh most, for editors to see."""
        counts = self._stories[match.story].counts
        weights = self.settings.weights
        shared = sorted(
            ((weights[kind] * weight, fid) for fid, kind, weight in query.known if fid in counts),
            reverse=True,
        )
        # The coarse twin of a figure ("USD ~9.7e+10") adds nothing an editor needs.
        labels = tuple(label for _, fid in shared if " ~" not in (label := self._label[fid]))[:8]
        return Match(match.story, match.score, match.by_kind, labels)

    def _norms(self, profile: _Story) -> list[float]:
        """Squared norms of the story's mean vector per kind; lemmas per language after."""
        norms = [0.0, 0.0, 0.0, 0.0]
        by_lang: dict[str, float] = {}
        n = len(profile.members)
        for fid, count in profile.counts.items():
            kind = self._kind[fid]
            if kind == Kind.LEMMA:
                lang = self._lemma_lang[fid]
                weight = self._idf(fid) * count / (profile.langs.get(lang, 0) or 1)
                by_lang[lang] = by_lang.get(lang, 0.0) + weight * weight
            else:
                weight = self._idf(fid) * count / n
                norms[kind] += weight * weight
        profile.lemma_norms = by_lang
        return norms

    def _recency(self, day: int, profile: _Story) -> float:
        distance = max(profile.first - day, day - profile.last, 0) - self.settings.grace_days
        if distance <= 0:
            return 1.0
        return float(0.5 ** (distance / self.settings.half_life_days))


def group(articles: Iterable[ArticleFeatures], settings: Settings | None = None) -> dict[str, int]:
    """Group articles in order of publication; article id → story."""
    index = StoryIndex(settings)
    for features in sorted(articles, key=lambda a: (a.published, a.id)):
        index.assign(features)
    return {article: index.story_of(article) for article in index._article_index}


def pairwise_scores(predicted: dict[str, int], truth: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping against labelled stories."""
    ids = sorted(truth)
    together = right = expected = 0
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            same_truth = truth[first] == truth[second]
            same_predicted = predicted[first] == predicted[second]
            expected += same_truth
            together += same_predicted
            right += same_truth and same_predicted
    precision = right / together if together else 1.0
    recall = right / expected if expected else 1.0
    return precision, recall
