"""Story pages, the editor's merge and move, and the JSON API. Thin: a selector or a
service does the work."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from corrigenda.archive.models import Article
from corrigenda.stories import selectors, services
from corrigenda.stories.forms import MergeForm, MoveForm
from corrigenda.stories.models import Story

PAGE_SIZE = 50
API_LIMIT = 200


@require_GET
def story_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.story_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "stories/story_list.html", {"page": page})


@require_GET
def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(Story, pk=pk)
    if story.merged_into_id is not None:
        return redirect("stories:detail", pk=story.merged_into_id, permanent=True)
    context = {
        "page": selectors.story_page(story),
        "merge_form": MergeForm(),
        "move_form": MoveForm(),
    }
    return render(request, "stories/story_detail.html", context)


@require_POST
@permission_required("stories.change_story", raise_exception=True)
def story_merge(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Story, pk=pk, merged_into__isnull=True)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the number of the story to merge into."))
        return redirect("stories:detail", pk=pk)
    target = Story.objects.filter(pk=form.cleaned_data["target"]).first()
    if target is None:
        messages.error(request, _("There is no story with that number."))
        return redirect("stories:detail", pk=pk)
    try:
        services.story_merge(source=source, target=target, actor=request.user)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("stories:detail", pk=pk)
    messages.success(request, _("The stories were merged."))
    return redirect("stories:detail", pk=target.pk)


@require_POST
@permission_required("stories.change_story", raise_exception=True)
def story_move(request: HttpRequest, pk: int) -> HttpResponse:
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the number of an existing story, or none."))
        return redirect("stories:detail", pk=pk)
    article = get_object_or_404(
        Article, pk=form.cleaned_data["article"], story_membership__story=pk
    )
    target_id = form.cleaned_data["target"]
    target = get_object_or_404(Story, pk=target_id) if target_id else None
    try:
        membership = services.story_move_article(article=article, story=target, actor=request.user)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("stories:detail", pk=pk)
    messages.success(request, _("The article was moved."))
    return redirect("stories:detail", pk=membership.story_id)


@require_GET
def api_story_list(request: HttpRequest) -> JsonResponse:
    try:
        limit = min(max(int(request.GET.get("limit", 50)), 1), API_LIMIT)
        offset = max(int(request.GET.get("offset", 0)), 0)
    except ValueError:
        return JsonResponse({"error": "limit and offset must be integers"}, status=400)
    stories = selectors.story_list()
    return JsonResponse(
        {
            "count": stories.count(),
            "limit": limit,
            "offset": offset,
            "stories": [selectors.story_summary_json(s) for s in stories[offset : offset + limit]],
        }
    )


@require_GET
def api_story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    story = Story.objects.filter(pk=pk).first()
    if story is None:
        return JsonResponse({"error": "no such story"}, status=404)
    if story.merged_into_id is not None:
        return redirect("stories_api:detail", pk=story.merged_into_id, permanent=True)
    return JsonResponse(selectors.story_json(selectors.story_page(story)))
