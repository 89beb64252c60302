"""Outlet slugs and the fixed pages under /corrections/ do not shadow each other."""

from collections.abc import Sequence

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver

from corrigenda.archive import services
from corrigenda.archive.models import RESERVED_SLUGS, Outlet
from corrigenda.publish import urls


def _first_segments(patterns: Sequence[URLPattern | URLResolver], prefix: str = "") -> set[str]:
    segments: set[str] = set()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            segments |= _first_segments(pattern.url_patterns, route)
        elif "/" in route and not route.startswith("<"):
            segments.add(route.split("/", 1)[0])
    return segments


def test_every_fixed_segment_of_the_corrections_pages_is_a_reserved_slug() -> None:
    fixed = _first_segments(urls.urlpatterns)
    assert "alerts" in fixed  # the walk sees the included pattern lists
    assert fixed <= RESERVED_SLUGS


@pytest.mark.django_db
def test_an_outlet_cannot_take_a_reserved_slug() -> None:
    with pytest.raises(ValidationError):
        services.outlet_register(slug="alerts", name="Alerts Zeitung")
    assert not Outlet.objects.filter(slug="alerts").exists()
    with pytest.raises(ValidationError):
        Outlet(name="Alerts Zeitung", slug="alerts").full_clean()
