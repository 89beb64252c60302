"""Links in a reader's mail: the article (location) and the evidence."""

from __future__ import annotations

from corrigenda.reports._mail_links import find_urls, split_links

ARTICLE = "https://www.mittellaendische.ch/ki/musk-openai-4711"


def test_urls_are_cut_at_punctuation_and_quotation_marks() -> None:
    text = (
        f"Siehe {ARTICLE}. Und «https://example.org/a», (https://example.org/b), "
        "https://en.wikipedia.org/wiki/OpenAI_(company)! <https://example.org/c>"
    )
    assert find_urls(text) == [
        ARTICLE,
        "https://example.org/a",
        "https://example.org/b",
        "https://en.wikipedia.org/wiki/OpenAI_%28company%29",  # as the archive spells it
        "https://example.org/c",
    ]


def test_tracking_parameters_and_fragments_are_removed_and_repeats_dropped() -> None:
    text = (
        f"{ARTICLE}?utm_source=x&utm_medium=y&fbclid=z#kommentare "
        f"{ARTICLE}?gclid=1 https://example.org/p?id=7&utm_campaign=c"
    )
    assert find_urls(text) == [ARTICLE, "https://example.org/p?id=7"]


def test_redirect_wrappers_are_unwrapped() -> None:
    safelink = (
        "https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fa"
        "&data=05%7C02&reserved=0"
    )
    google = "https://www.google.com/url?q=https://example.org/b&sa=D"
    facebook = "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fc&h=AT0"
    assert find_urls(f"{safelink} {google} {facebook}") == [
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/c",
    ]


def test_www_addresses_without_a_scheme_count_but_email_addresses_do_not() -> None:
    assert find_urls("www.example.org/a und info@www.example.org") == ["https://www.example.org/a"]


def test_the_location_is_the_first_article_on_the_outlet_and_the_rest_is_evidence() -> None:
    urls = [
        "https://www.nzz.ch/a",
        "https://www.mittellaendische.ch/",
        ARTICLE,
        "https://news.mittellaendische.ch/unsubscribe?u=1",
        "https://www.mittellaendische.ch/ki/anderer-artikel",
    ]
    location, evidence = split_links(urls, ["mittellaendische.ch"])
    assert location == ARTICLE  # an article beats the home page
    assert evidence == (
        "https://www.nzz.ch/a",
        "https://www.mittellaendische.ch/",
        "https://www.mittellaendische.ch/ki/anderer-artikel",
    )


def test_the_home_page_is_the_location_when_no_article_is_named() -> None:
    location, evidence = split_links(["https://mittellaendische.ch/"], ["mittellaendische.ch"])
    assert (location, evidence) == ("https://mittellaendische.ch/", ())


def test_international_domains_match_in_either_spelling() -> None:
    location, _ = split_links(["https://www.xn--zrich-kva.ch/artikel"], ["zürich.ch"])
    assert location == "https://www.xn--zrich-kva.ch/artikel"
