"""The project's URLs with the stories' pages and API, wherever the project mounts them.

Until corrigenda/urls.py includes stories (at "stories/" and "api/v1/"), the tests
mount them here at the same places.
"""

from django.urls import URLResolver, include, path

from corrigenda.urls import urlpatterns as project

_mounted = {p.namespace for p in project if isinstance(p, URLResolver)}

urlpatterns = list(project)
if "stories" not in _mounted:
    urlpatterns.append(path("stories/", include("corrigenda.stories.urls")))
if "stories_api" not in _mounted:
    urlpatterns.append(path("api/v1/", include("corrigenda.stories.api_urls")))
