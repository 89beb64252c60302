"""Stories: every outlet's coverage of one event, and how each article came to be in it.

Rows are written by `services.py` only. A story's members are articles (not versions):
an article stays in its story when a new version of it is archived, and the membership
remembers which version's features the grouping last saw.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from corrigenda.archive.models import Article, ArticleVersion


class Story(models.Model):
    """One event as the archived outlets reported it."""

    title = models.CharField(_("title"), max_length=300)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # The span of its articles' publication dates, for lists and the time window.
    first_published = models.DateField(_("first published"), null=True, blank=True)
    last_published = models.DateField(_("last published"), null=True, blank=True)
    # An editor merged this story into another; it keeps its id so links still lead there.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
    )

    class Meta:
        ordering = ("-last_published", "-id")
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = (
            models.Index(fields=["-last_published", "-id"], name="stories_story_recent_idx"),
        )

    def __str__(self) -> str:
        return self.title


class AssignedBy(models.TextChoices):
    AUTO = "auto", _("automatically")
    EDITOR = "editor", _("by an editor")


class StoryMembership(models.Model):
    """An article's place in a story; at most one story per article."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="story_membership"
    )
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="memberships")
    # The version whose features the grouping knows: the latest one assigned.
    version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="+")
    assigned_by = models.CharField(
        _("assigned"), max_length=8, choices=AssignedBy.choices, default=AssignedBy.AUTO
    )
    # An editor put the article here: nothing automatic moves it again.
    pinned = models.BooleanField(_("pinned"), default=False)
    score = models.FloatField(_("similarity"), null=True, blank=True)
    reasons = models.JSONField(_("shared features"), default=list, blank=True)
    # The grouping features of `version` (features.as_json), so that a process can
    # rebuild its index without running the claim engine over the archive again.
    features = models.JSONField(_("features"))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ("story", "created")
        verbose_name = _("story membership")
        verbose_name_plural = _("story memberships")

    def __str__(self) -> str:
        return f"{self.article} → {self.story}"


class StoryAction(models.TextChoices):
    ASSIGNED = "assigned", _("article assigned")
    UPDATED = "updated", _("new version of an article")
    MOVED = "moved", _("article moved by an editor")
    MERGED = "merged", _("stories merged by an editor")


class StoryEvent(models.Model):
    """The audit trail of stories, and the feed every process's index follows.

    Written in the same transaction as the change it records. A process applies the
    events it has not seen to its in-memory index, so an editor's merge in the web
    process reaches the worker's index before its next assignment.
    """

    action = models.CharField(_("action"), max_length=16, choices=StoryAction.choices)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="events")
    # MERGED: the story merged away; MOVED: the story the article left.
    other_story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ("id",)
        verbose_name = _("story event")
        verbose_name_plural = _("story events")

    def __str__(self) -> str:
        return f"{self.action} {self.story_id}"
