"""The automated pre-check of a report: gather the inputs, fetch the evidence, judge.

`check_run` is what the worker runs for every queued `Check` (`desk.tasks`). It reads
the reader's passage in the archived version it was anchored in, the proposed fix,
the other outlets' articles on the article's story and the reader's evidence pages
(each fetched through the SSRF-safe fetcher and archived), hands the claims to the
pure `desk.verdict`, and stores the result with its inputs. It never raises: an
evidence page that cannot be fetched is recorded as such, and an unexpected failure
marks the check failed with the reason. A pre-check never blocks intake.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corrigenda import fetcher
from corrigenda.archive import addresses
from corrigenda.archive.models import ArticleVersion, Precision
from corrigenda.archive.services import Fetch, article_ingest, default_fetch
from corrigenda.archive.text import NotAnArticle
from corrigenda.claims import Claim, extract
from corrigenda.desk import verdict
from corrigenda.desk.models import Check, CheckState, EvidencePage
from corrigenda.reports.models import AnchorState, Evidence, Report
from corrigenda.stories.models import StoryMembership
from corrigenda.stories.services import story_assign

logger = logging.getLogger(__name__)

# The reasons of `verdict.REASONS`, translatable; the same English text (a test keeps
# them in step). Parameters: the claim's text, the fix, and counts of sources.
REASONS = {
    "fix_supported": _(
        "%(reader)d of %(total)d sources give the reader's “%(fix)s”, "
        "none the article's “%(text)s”."
    ),
    "article_contradicted": _(
        "%(other)d of %(total)d sources state “%(text)s” differently, "
        "none as the article does (for example “%(example)s”)."
    ),
    "article_supported": _(
        "%(article)d of %(total)d sources agree with the article's “%(text)s”, "
        "none with the reader's “%(fix)s”."
    ),
    "article_confirmed": _("%(article)d of %(total)d sources agree with the article's “%(text)s”."),
    "sources_split": _(
        "The sources are split on “%(text)s”: %(article)d with the article, "
        "%(reader)d with the reader, %(other)d otherwise."
    ),
    "no_sources": _("No other source states “%(text)s”."),
    "only_copies": _(
        "No other source states “%(text)s” in its own words "
        "(sources repeating the article's sentence: %(copies)d)."
    ),
    "no_claims": _("The passage has no figure, date or quotation to compare."),
}

# Why an evidence page could not be used (EvidencePage.failure).
FAILURES = {
    "blocked_address": _("blocked: not a public address"),
    "bad_url": _("not a valid web address"),
    "timeout": _("timed out"),
    "too_large": _("too large"),
    "unreachable": _("unreachable"),
    "http_status": _("the server answered with an error"),
    "too_many_redirects": _("too many redirects"),
    "unsupported_content": _("not a web page"),
    "not_an_article": _("not an article"),
    "unreadable": _("unreadable"),
    "error": _("could not be read"),
}


def check_run(*, check: Check, fetch: Fetch = default_fetch) -> Check:
    """Run the pre-check and store its result (state done) or its failure (state failed)."""
    try:
        report = Report.objects.select_related("article__outlet", "anchor_version", "outlet").get(
            pk=check.report_id
        )
        inputs, result, found = _run(report, fetch)
    except Exception as error:  # a pre-check never blocks intake: record and go on
        logger.exception("pre-check %s of report %s failed", check.pk, check.report_id)
        with transaction.atomic():
            check.state = CheckState.FAILED
            check.hint = ""
            check.reason = f"{type(error).__name__}: {error}"[:300]
            check.finished = timezone.now()
            check.save(update_fields=["state", "hint", "reason", "finished"])
        return check
    with transaction.atomic():
        check.state = CheckState.DONE
        check.hint = str(found.hint)
        check.reason = found.reason[:300]
        check.inputs = inputs
        check.result = result
        check.finished = timezone.now()
        check.save(update_fields=["state", "hint", "reason", "inputs", "result", "finished"])
    return check


def reason_display(check: Check) -> str:
    """The check's one-line reason in the active language (its failure as stored)."""
    code = check.result.get("code") if isinstance(check.result, dict) else None
    if check.state != CheckState.DONE or code not in REASONS:
        return check.reason
    return str(REASONS[code]) % dict(check.result.get("params", {}))


def failure_display(code: str) -> str:
    return str(FAILURES.get(code, FAILURES["error"]))


# ---------------------------------------------------------------- the run


@dataclass(frozen=True)
class _Passage:
    text: str  # the text the offsets refer to: the version's, or the passage alone
    start: int
    end: int
    version: ArticleVersion | None
    lang: str | None
    published: verdict.Published


def _run(
    report: Report, fetch: Fetch
) -> tuple[dict[str, object], dict[str, object], verdict.Verdict]:
    passage = _passage(report)
    # Evidence first: a link to a story article archives its current text, used once.
    evidence_sources, evidence = _evidence_sources(report, fetch)
    story_sources, source_inputs = _story_sources(
        report, passage.version, known={s.id for s in evidence_sources}
    )
    sources = [*story_sources, *evidence_sources]
    disputed = passage.text[passage.start : passage.end]
    given = report.proposed_fix.strip()
    from_description = "" if given else verdict.fix_in_description(report.description, disputed)
    readings = verdict.read(
        passage.text,
        passage.start,
        passage.end,
        report.proposed_fix or from_description,
        lang=passage.lang,
        published=passage.published,
    )
    found = verdict.judge(readings, sources)
    inputs: dict[str, object] = {
        "passage": disputed,
        "anchored": report.anchor_state == AnchorState.ANCHORED,
        "article": report.article_id,
        "version": passage.version.pk if passage.version else None,
        "language": passage.lang,
        "published": _published_json(passage.published),
        "fix": report.proposed_fix,
        "description": report.description,
        # The figure read from the description when the fix was left empty.
        "fix_from_description": from_description,
        "sources": [*source_inputs, *(e for e in evidence if e.get("source"))],
        "evidence": evidence,
    }
    result = {
        **found.as_json(),
        "sources": [
            {"id": s.id, "kind": s.kind, "outlet": s.outlet, "title": s.title, "url": s.url}
            for s in sources
        ],
        "evidence": evidence,
    }
    return inputs, result, found


def _passage(report: Report) -> _Passage:
    """The reader's passage in the version it was anchored in (for its context), else
    found in the article's latest version, else the passage alone."""
    version = report.anchor_version
    exact = report.anchor_exact or report.passage
    start = report.anchor_start
    if version is not None and start is not None and report.anchor_end is not None:
        if version.text[start : report.anchor_end] != exact:
            start = version.text.find(exact) if exact else -1
        if start is not None and start >= 0:
            end = start + len(exact) if exact else report.anchor_end
            return _Passage(version.text, start, end, version, *_reading(version))
    if report.article is not None:
        latest = report.article.versions.order_by("-number").first()
        if latest is not None:
            at = latest.text.find(exact) if exact else -1
            if at >= 0:
                return _Passage(latest.text, at, at + len(exact), latest, *_reading(latest))
            lang, published = _reading(latest)
            return _Passage(exact, 0, len(exact), None, lang, published)
    lang = report.outlet.language if report.outlet.language in {"de", "en"} else None
    return _Passage(exact, 0, len(exact), None, lang, None)


def _reading(version: ArticleVersion) -> tuple[str | None, verdict.Published]:
    """The language and publication date to read a version's claims with."""
    lang = version.language if version.language in {"de", "en"} else None
    day = version.published_on
    if day is None:
        return lang, timezone.localdate(version.fetched_at)
    if version.published_precision == Precision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return lang, (day.replace(day=1), day.replace(day=last))
    if version.published_precision == Precision.YEAR:
        return lang, (dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    return lang, day


def _story_sources(
    report: Report, version: ArticleVersion | None, *, known: set[str]
) -> tuple[list[verdict.Source], list[dict[str, object]]]:
    """The latest versions of the other outlets' articles on the article's story
    (except those `known` already as evidence)."""
    if report.article is None:
        return [], []
    membership = StoryMembership.objects.filter(article=report.article).first()
    if membership is None:
        # Not grouped yet (the worker assigns stories too): assignment is idempotent.
        latest = version or report.article.versions.order_by("-number").first()
        if latest is None:
            return [], []
        membership = story_assign(version=latest)
    others = (
        StoryMembership.objects.filter(story_id=membership.story_id)
        .exclude(article__outlet_id=report.article.outlet_id)
        .select_related("article__outlet")
        .order_by("article_id")
    )
    sources, inputs = [], []
    for other in others:
        latest = other.article.versions.order_by("-number").first()
        if latest is None or f"article:{other.article_id}" in known:
            continue
        sources.append(_source(latest, kind="story"))
        inputs.append(
            {
                "id": f"article:{other.article_id}",
                "kind": "story",
                "story": membership.story_id,
                "version": latest.pk,
                "url": other.article.canonical_url,
            }
        )
    return sources, inputs


def _evidence_sources(
    report: Report, fetch: Fetch
) -> tuple[list[verdict.Source], list[dict[str, object]]]:
    """Each evidence link of the report and its merged readers, fetched and archived."""
    items = Evidence.objects.filter(report__in=[report, *report.merged.all()]).order_by(
        "report_id", "position"
    )
    sources: list[verdict.Source] = []
    shown: list[dict[str, object]] = []
    known: set[str] = set()
    for evidence in items:
        page, detail = _fetch(evidence, fetch)
        entry: dict[str, object] = {
            "url": evidence.url,
            "version": page.version_id,
            "fetched_at": page.fetched_at.isoformat() if page.fetched_at else None,
            "failure": page.failure,
            "detail": detail,
            "source": None,
            "same_article": page.version is not None
            and page.version.article_id == report.article_id,
        }
        version = page.version
        if version is not None and version.article_id != report.article_id:
            source_id = f"article:{version.article_id}"
            entry["source"] = source_id
            if source_id not in known:
                known.add(source_id)
                sources.append(_source(version, kind="evidence", url=evidence.url))
        shown.append(entry)
    return sources, shown


def _fetch(evidence: Evidence, fetch: Fetch) -> tuple[EvidencePage, str]:
    """Archive the evidence page; its EvidencePage, and the failure's message if any."""
    version, failure, detail = None, "", ""
    try:
        version = article_ingest(url=evidence.url, fetch=fetch).version
    except fetcher.FetchError as error:
        # The class's reason is the category (blocked_address); the instance's is
        # finer (non_public_address) and shows in the detail.
        failure, detail = type(error).reason, f"{error.reason}: {error}"
    except (NotAnArticle, addresses.BadAddress) as error:
        failure, detail = error.reason, str(error)
    except (OSError, ValueError) as error:
        failure, detail = "unreadable", str(error)
    except Exception as error:
        logger.exception("evidence %s could not be archived", evidence.pk)
        failure, detail = "error", f"{type(error).__name__}: {error}"
    page, _created = EvidencePage.objects.update_or_create(
        evidence=evidence,
        defaults={
            "version": version,
            "fetched_at": timezone.now() if version is not None else None,
            "failure": failure[:64],
        },
    )
    return page, detail[:300]


def _source(version: ArticleVersion, *, kind: str, url: str = "") -> verdict.Source:
    article = version.article
    lang, published = _reading(version)
    return verdict.Source(
        id=f"article:{article.pk}",
        outlet=article.outlet.name,
        title=version.headline,
        url=url or (article.canonical_url if article.is_web else ""),
        claims=_claims(version.pk, version.content_hash, version.text, lang, published),
        kind=kind,
    )


@lru_cache(maxsize=512)
def _claims(
    version: int, content_hash: str, text: str, lang: str | None, published: verdict.Published
) -> tuple[Claim, ...]:
    """A version's claims (its text never changes: cached per process)."""
    return tuple(extract(text, lang=lang, published=published))


def _published_json(published: verdict.Published) -> object:
    if isinstance(published, tuple):
        return [day.isoformat() for day in published]
    return published.isoformat() if published else None
