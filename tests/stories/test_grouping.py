"""The grouping engine on the labelled set, and the editor's decisions that must stick."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from corrigenda.stories.grouping import (
    ArticleFeatures,
    Kind,
    Settings,
    StoryIndex,
    group,
    pairwise_scores,
)
from tests.stories.labelled import labelled_articles, story_articles

MINIMUM = 0.9


def _in_order(features: dict[str, ArticleFeatures], ids: list[str]) -> list[ArticleFeatures]:
    return sorted((features[i] for i in ids), key=lambda f: (f.published, f.id))


def _ids(story: str) -> list[str]:
    return [a.id for a in story_articles(story)]


def test_the_labelled_set_is_big_enough_to_mean_something() -> None:
    articles = labelled_articles()
    stories = {a.story for a in articles if not a.distractor}
    assert len(stories) >= 12
    for story in stories:
        members = story_articles(story)
        assert 3 <= len(members) <= 6, story
        assert len({a.outlet for a in members}) == len(members), f"{story}: one outlet twice"
        assert {a.lang for a in members} == {"de", "en"}, f"{story}: not bilingual"
    assert {a.country for a in articles} >= {"CH", "AT", "DE"}
    assert sum(a.distractor for a in articles) >= 6


def test_grouping_the_labelled_set_reaches_the_pinned_precision_and_recall(
    labelled_features: dict[str, ArticleFeatures],
) -> None:
    truth = {a.id: a.story for a in labelled_articles()}
    predicted = group(labelled_features.values())
    precision, recall = pairwise_scores(predicted, truth)
    print(f"pairwise precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= MINIMUM
    assert recall >= MINIMUM


def test_arrival_order_does_not_decide_the_grouping(
    labelled_features: dict[str, ArticleFeatures],
) -> None:
    # Archives are ingested late and out of order too: newest first must still work.
    truth = {a.id: a.story for a in labelled_articles()}
    index = StoryIndex()
    for features in sorted(labelled_features.values(), key=lambda f: f.published, reverse=True):
        index.assign(features)
    predicted = {article: index.story_of(article) for article in truth}
    precision, recall = pairwise_scores(predicted, truth)
    assert precision >= MINIMUM
    assert recall >= MINIMUM


@pytest.mark.parametrize(
    ("story", "near_miss"),
    [
        # Same people, a year apart: the 2024 lawsuit is not the 2025 bid.
        ("musk_openai_bid", "musk_openai_lawsuit"),
        # Same days, Altman and OpenAI in both: the Paris summit is another event.
        ("musk_openai_bid", "ai_action_summit"),
        # Same day, two central banks cutting rates, the SNB article mentions the ECB.
        ("snb_cut_december_2024", "distractor_ecb_december_2024"),
        # Same bank, same people, five weeks later, one figure in common.
        ("ecb_cut_january_2025", "distractor_ecb_march_2025"),
        # OpenAI and Altman three days before the bid.
        ("musk_openai_bid", "distractor_openai_munich"),
        ("volkswagen_ig_metall_deal", "distractor_volkswagen_results"),
        ("austria_coalition_talks_fail", "distractor_austria_election"),
    ],
)
def test_near_misses_stay_apart(
    labelled_features: dict[str, ArticleFeatures], story: str, near_miss: str
) -> None:
    ids = _ids(story) + _ids(near_miss)
    grouped = group(_in_order(labelled_features, ids))
    assert {grouped[i] for i in _ids(story)}.isdisjoint({grouped[i] for i in _ids(near_miss)})
    assert len({grouped[i] for i in _ids(story)}) == 1


def test_german_and_english_articles_on_one_event_are_one_story(
    labelled_features: dict[str, ArticleFeatures],
) -> None:
    english = [a.id for a in story_articles("musk_openai_bid") if a.lang == "en"]
    german = [a.id for a in story_articles("musk_openai_bid") if a.lang == "de"]
    index = StoryIndex()
    story = index.assign(labelled_features[english[0]]).story
    # Lemmas cannot match across languages; names, figures and dates carry it.
    match = index.match(labelled_features[german[0]])
    assert match is not None
    assert match.story == story
    assert "USD 9.74e+10" in match.shared


def test_the_time_window_keeps_a_similar_article_from_months_later_out(
    labelled_features: dict[str, ArticleFeatures],
) -> None:
    first, second = (labelled_features[i] for i in _ids("myanmar_earthquake")[:2])
    index = StoryIndex()
    story = index.assign(first).story
    assert index.match(second) is not None
    later = dataclasses.replace(
        second, id="later", published=second.published + dt.timedelta(days=120)
    )
    assert index.match(later) is None
    assert index.assign(later).story != story


def _two_stories(
    features: dict[str, ArticleFeatures],
) -> tuple[StoryIndex, int, int]:
    index = StoryIndex()
    bid = _ids("musk_openai_bid")
    suit = _ids("musk_openai_lawsuit")
    for f in _in_order(features, bid[:2] + suit[:2]):
        index.assign(f)
    return index, index.story_of(bid[0]), index.story_of(suit[0])


def test_merged_stories_stay_merged_when_new_articles_arrive(
    labelled_features: dict[str, ArticleFeatures],
) -> None:
    index, bid_story, suit_story = _two_stories(labelled_features)
    assert bid_story != suit_story
    index.merge(suit_story, bid_story)
    later_suit = labelled_features[_ids("musk_openai_lawsuit")[2]]
    later_bid = labelled_features[_ids("musk_openai_bid")[2]]
    assert index.assign(later_suit).story == bid_story
    assert index.assign(later_bid).story == bid_story
    assert index.story_count == 1


def test_an_article_moved_out_is_not_pulled_back(
    labelled_features: dict[str, ArticleFeatures],
) -> None:
    bid = _ids("musk_openai_bid")
    index = StoryIndex()
    for f in _in_order(labelled_features, bid[:3]):
        index.assign(f)
    story = index.story_of(bid[0])
    moved = bid[1]
    own = index.move(moved)
    for f in _in_order(labelled_features, bid[3:]):
        assert index.assign(f).story == story
    # A new version of the moved article keeps the editor's choice.
    index.assign(labelled_features[moved])
    assert index.story_of(moved) == own != story
    assert moved not in index.members(story)


def test_a_new_version_updates_its_story_without_moving_it(
    labelled_features: dict[str, ArticleFeatures],
) -> None:
    first, second = (labelled_features[i] for i in _ids("ubs_capital_rules")[:2])
    index = StoryIndex()
    story = index.assign(first).story
    rewritten = dataclasses.replace(first, figures=frozenset({"USD 3.1e+10"}), entities=frozenset())
    assert index.assign(rewritten).story == story
    # The story now knows the rewritten figures only.
    assert (
        index.candidates(dataclasses.replace(second, id="probe"))[0].by_kind.get(Kind.FIGURE, 0.0)
        == 0.0
    )


def test_replaying_memberships_rebuilds_the_same_stories(
    labelled_features: dict[str, ArticleFeatures],
) -> None:
    grouped = group(labelled_features.values())
    replayed = StoryIndex()
    for article, story in grouped.items():
        replayed.add(labelled_features[article], story=story)
    assert replayed.stories() == {
        story: sorted(a for a, s in grouped.items() if s == story)
        for story in set(grouped.values())
    }
    fresh = ArticleFeatures.from_json(labelled_features["bid-limmat"].as_json())
    assert fresh == labelled_features["bid-limmat"]


def test_a_dropped_article_no_longer_attracts_new_ones(
    labelled_features: dict[str, ArticleFeatures],
) -> None:
    first, second = (labelled_features[i] for i in _ids("lufthansa_ita_approval")[:2])
    index = StoryIndex()
    index.assign(first)
    index.drop(first.id)
    assert first.id not in index
    assert index.match(second) is None


def test_common_features_are_not_retrieved_by_but_still_scored() -> None:
    day = dt.date(2025, 1, 1)
    index = StoryIndex(Settings(max_df=3))
    for n in range(5):
        index.assign(
            ArticleFeatures(id=f"n{n}", published=day, entities=frozenset({"everywhere", f"x{n}"}))
        )
    # "everywhere" is in five articles: too common to look up, so nothing is found by it.
    probe = ArticleFeatures(id="probe", published=day, entities=frozenset({"everywhere"}))
    assert index.candidates(probe) == []


def test_pairwise_scores_count_pairs() -> None:
    truth = {"a": "s", "b": "s", "c": "s", "d": "t"}
    assert pairwise_scores({"a": 1, "b": 1, "c": 2, "d": 2}, truth) == (0.5, 1 / 3)
    assert pairwise_scores({"a": 1, "b": 1, "c": 1, "d": 2}, truth) == (1.0, 1.0)
