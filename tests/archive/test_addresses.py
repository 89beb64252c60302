"""Two spellings of one address are one article."""

from pathlib import Path

import pytest

from corrigenda.archive.addresses import (
    BadAddress,
    canonical_url,
    domain_of,
    file_url,
    trusted_canonical,
)


def test_tracking_parameters_case_port_and_fragment_do_not_matter() -> None:
    assert canonical_url("HTTPS://WWW.News.Example:443/a?utm_source=x&b=2&a=1#top") == (
        "https://www.news.example/a?a=1&b=2"
    )


@pytest.mark.parametrize("url", ["ftp://news.example/a", "javascript:alert(1)", "news.example/a"])
def test_only_web_and_file_addresses_are_accepted(url: str) -> None:
    with pytest.raises(BadAddress):
        canonical_url(url)


def test_domain_is_lower_case_without_www_and_port() -> None:
    assert domain_of("http://WWW.News.Example:8080/x") == "news.example"


def test_files_are_identified_by_absolute_uri(tmp_path: Path) -> None:
    path = tmp_path / "a b.txt"
    assert file_url(path) == path.resolve().as_uri()
    assert canonical_url(file_url(path)) == file_url(path)


def test_declared_canonical_is_trusted_only_on_the_same_domain() -> None:
    page = "https://news.example/a?session=1"
    assert trusted_canonical(page, "https://www.news.example/a") == "https://www.news.example/a"
    assert trusted_canonical(page, "https://other.example/a") == canonical_url(page)
