"""The archive: outlets, their articles and every version of every article.

Rows are written by `services.py` only; no model carries business logic.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")


class Spelling(models.TextChoices):
    STANDARD = "standard", _("Standard German (ß)")
    SWISS = "swiss", _("Swiss German (ss, no ß)")


# Path segments of /corrections/ that come before an outlet's public log there
# (/corrections/<slug>/): an outlet with one of these slugs would have no reachable log.
# tests/publish/test_urls.py fails when a new such segment is missing here.
RESERVED_SLUGS = frozenset({"alerts", "desk", "embed"})


def validate_outlet_slug(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved for the corrections pages; choose another slug."),
            code="reserved",
            params={"slug": slug},
        )


class Outlet(models.Model):
    """A publication: ours or another outlet whose articles we archive for comparison."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, validators=[validate_outlet_slug]
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.GERMAN
    )
    desk_email = models.EmailField(
        _("corrections desk e-mail"),
        blank=True,
        help_text=_("Where readers' correction requests for this outlet go."),
    )
    spelling = models.CharField(
        _("spelling"), max_length=16, choices=Spelling.choices, default=Spelling.STANDARD
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ("name",)
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self) -> str:
        return self.name


class OutletDomain(models.Model):
    """A host an outlet publishes under, lower-case and without "www."."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, unique=True)

    class Meta:
        ordering = ("domain",)
        verbose_name = _("outlet domain")
        verbose_name_plural = _("outlet domains")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(domain=Lower("domain")) & ~models.Q(domain__startswith="www."),
                name="archive_outletdomain_normalised",
            ),
        )

    def __str__(self) -> str:
        return self.domain


class Article(models.Model):
    """One article, identified by its canonical URL; its content lives in its versions."""

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    canonical_url = models.CharField(_("canonical URL"), max_length=2048, unique=True)
    created = models.DateTimeField(_("archived"), auto_now_add=True)
    # When the latest version was fetched; kept by the ingest service so the archive
    # lists "most recently changed first" from an index instead of an aggregate.
    last_changed = models.DateTimeField(_("last changed"))

    class Meta:
        ordering = ("-last_changed", "-id")
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = (
            models.Index(fields=["-last_changed", "-id"], name="archive_article_changed_idx"),
            models.Index(
                fields=["outlet", "-last_changed", "-id"], name="archive_article_outlet_idx"
            ),
        )

    def __str__(self) -> str:
        return self.canonical_url

    @property
    def is_web(self) -> bool:
        return self.canonical_url.startswith(("http://", "https://"))


class SourceKind(models.TextChoices):
    URL = "url", _("web page")
    FEED = "feed", _("feed or sitemap entry")
    HTML_FILE = "html_file", _("HTML file")
    TEXT_FILE = "text_file", _("text file")


class Precision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class ArticleVersion(models.Model):
    """An article's text as it stood when fetched; a changed text is a new version.

    `published_on` is the first day of what the source states, `published_precision`
    says how much of it is known: ` date 2025-02` is stored as 2025-02-01 / month.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=1000, blank=True)
    byline = models.CharField(_("byline"), max_length=500, blank=True)
    text = models.TextField(_("text"))
    stripped = models.TextField(
        _("stripped boilerplate"),
        blank=True,
        help_text=_("Outlet boilerplate removed from the body, kept as it was."),
    )
    published_on = models.DateField(_("published"), null=True, blank=True)
    published_precision = models.CharField(
        _("precision of the publication date"), max_length=8, choices=Precision.choices, blank=True
    )
    updated_on = models.DateField(_("updated"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64)
    fetched_at = models.DateTimeField(_("fetched"))
    source_url = models.CharField(_("source"), max_length=2048, blank=True)
    source_kind = models.CharField(_("source kind"), max_length=16, choices=SourceKind.choices)
    raw = models.TextField(_("raw source"), blank=True)

    class Meta:
        ordering = ("article", "number")
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        constraints = (
            models.UniqueConstraint(
                fields=["article", "number"], name="archive_articleversion_unique_number"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="archive_articleversion_number_positive"
            ),
        )

    def __str__(self) -> str:
        return f"{self.article} v{self.number}"

    @property
    def headline(self) -> str:
        """The title, or the opening words of the text for an untitled article."""
        if self.title:
            return self.title
        words = self.text.split()
        return " ".join(words[:12]) + (" …" if len(words) > 12 else "")

    @property
    def published_display(self) -> str:
        if self.published_on is None:
            return ""
        if self.published_precision == Precision.YEAR:
            return f"{self.published_on:%Y}"
        if self.published_precision == Precision.MONTH:
            return f"{self.published_on:%Y-%m}"
        return self.published_on.isoformat()

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]

    @property
    def stripped_paragraphs(self) -> list[str]:
        return [p for p in self.stripped.split("\n\n") if p]
