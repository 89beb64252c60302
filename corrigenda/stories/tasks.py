"""Background work of stories: assign an archived version to its story.

Enqueue `story_assign_task` in the transaction that archives the version (the task
row commits with it) so that a crash between the two cannot lose the assignment.
"""

from __future__ import annotations

from django.tasks import task

from corrigenda.archive.models import ArticleVersion
from corrigenda.stories import services


@task()
def story_assign_task(version_id: int) -> int | None:
    """Assign the version's article to a story; the story's id, or None if it is gone."""
    version = ArticleVersion.objects.select_related("article__outlet").filter(pk=version_id).first()
    if version is None:
        return None
    return services.story_assign(version=version).story_id
