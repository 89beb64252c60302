"""The pre-check of a report on an invented takeover story told by four outlets."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.utils import translation

from corrigenda.archive.models import ArticleVersion, Outlet
from corrigenda.archive.services import article_ingest, outlet_register
from corrigenda.desk import precheck, verdict
from corrigenda.desk.models import Check, CheckState, EvidencePage, Hint
from corrigenda.reports.models import Channel, Report
from corrigenda.reports.services import report_merge, report_submit
from corrigenda.reports.validation import Submission
from corrigenda.stories.models import StoryMembership
from corrigenda.stories.services import story_assign
from corrigenda.web.demo import demo_load
from tests.archive.conftest import Site, article_page

pytestmark = pytest.mark.django_db

OURS = "https://www.seeland-bote.example/wirtschaft/varentis-kelmor"
DEMO_ARTICLE = "https://www.mittelland-kurier.example/wirtschaft/musk-konsortium-openai"


def our_text(offer: str) -> str:
    return (
        " date 2025-06-03 Pharmakonzern Varentis will Kelmor übernehmen\n\n"
        "Der Basler Pharmakonzern Varentis hat am Montag ein Übernahmeangebot für das "
        "amerikanische Biotech-Unternehmen Kelmor vorgelegt. "
        f"Varentis bietet {offer} Milliarden Dollar für sämtliche Aktien von Kelmor, wie der "
        "Konzern mitteilte. Das entspricht einem Aufschlag von 42 Prozent auf den Schlusskurs "
        "vom Freitag.\n\n"
        "Kelmor entwickelt Medikamente gegen seltene Stoffwechselkrankheiten und beschäftigt "
        "1800 Mitarbeiter. „Das ist ein wichtiger Schritt für unsere Forschung in Europa“, "
        "sagte Varentis-Chefin Miriam Obrist. Varentis hatte 2019 bereits das Genfer Labor "
        "Pellan für 310 Millionen Franken gekauft.\n\n"
        "Die Behörden müssen der Übernahme noch zustimmen. Varentis rechnet mit einem "
        "Abschluss im Herbst 2025.\n"
    )


OTHERS = {
    "alpenpost": (
        "Alpenpost",
        " date 2025-06-02 Varentis greift nach Kelmor\n\n"
        "Varentis bietet 9,74 Milliarden Dollar für die Aktien von Kelmor. Der Basler "
        "Pharmakonzern legte das Übernahmeangebot am Montag vor; der Aufschlag auf den "
        "letzten Börsenkurs beträgt 42 Prozent.\n\n"
        "Kelmor mit seinen 1800 Mitarbeitern ist auf seltene Stoffwechselkrankheiten "
        "spezialisiert. „Das ist ein wichtiger Schritt für unsere Forschung in den USA“, "
        "sagte Konzernchefin Miriam Obrist. Die Behörden müssen noch zustimmen.\n",
    ),
    "donau-kurier": (
        "Donau-Kurier",
        " date 2025-06-02 Milliardenofferte für Kelmor\n\n"
        "Die Varentis-Gruppe aus Basel will das US-Biotechunternehmen Kelmor kaufen und "
        "bietet den Aktionären 9,74 Milliarden Dollar. Das Übernahmeangebot liegt 42 Prozent "
        "über dem Kurs vom Freitag.\n\n"
        "„Das ist ein wichtiger Schritt für unsere Forschung in den USA“, sagte Miriam "
        "Obrist, die Varentis seit 2021 führt. Kelmor beschäftigt 1800 Mitarbeiter und "
        "forscht an Medikamenten gegen seltene Stoffwechselkrankheiten. Den Abschluss "
        "erwartet Varentis im Herbst 2025.\n",
    ),
    "nordlicht": (
        "Nordlicht Zeitung",
        " date 2025-06-03 Varentis: Milliarden für Kelmor\n\n"
        "Der Pharmahersteller Varentis aus Basel hat den Aktionären von Kelmor am Montag ein "
        "Übernahmeangebot über 9,74 Milliarden Dollar unterbreitet. Kelmor, ein "
        "Biotech-Unternehmen mit 1800 Mitarbeitern, entwickelt Medikamente gegen seltene "
        "Stoffwechselkrankheiten. Der Aufschlag auf den Börsenkurs beträgt 42 Prozent; die "
        "Übernahme soll im Herbst 2025 abgeschlossen sein.\n",
    ),
}


def story(offer: str = "9,75") -> Outlet:
    """Our article with `offer` and three other outlets' articles, in one story."""
    ours = outlet_register(
        slug="seeland-bote",
        name="Seeland-Bote",
        desk_email="korrektur@seeland-bote.example",
        domains=("seeland-bote.example",),
    )
    versions: list[ArticleVersion] = [
        article_ingest(outlet=ours, url=OURS, text=our_text(offer)).version
    ]
    for slug, (name, text) in OTHERS.items():
        outlet = outlet_register(slug=slug, name=name, domains=(f"{slug}.example",))
        url = f"https://www.{slug}.example/wirtschaft/varentis-kelmor"
        versions.append(article_ingest(outlet=outlet, url=url, text=text).version)
    stories = {story_assign(version=v).story_id for v in versions}
    assert len(stories) == 1, "the four articles must form one story"
    return ours


def report(passage: str, fix: str, evidence: tuple[str, ...] = (), **fields: Any) -> Report:
    return report_submit(
        submission=Submission(
            location=OURS, passage=passage, proposed_fix=fix, evidence=evidence, **fields
        ),
        channel=Channel.FORM,
    )


def run(report: Report, site: Site) -> Check:
    """Run the pre-check queued when the report was filed."""
    check = report.checks.get()
    assert check.state == CheckState.QUEUED
    check = precheck.check_run(check=check, fetch=site.fetch)
    check.refresh_from_db()
    json.dumps(check.inputs), json.dumps(check.result)  # what the database holds
    return check


def offer_claim(check: Check) -> dict[str, Any]:
    claims: list[dict[str, Any]] = check.result["claims"]
    return next(c for c in claims if c["kind"] == "amount" and "Milliarden" in c["text"])


def test_the_other_outlets_figure_makes_a_reported_wrong_figure_a_likely_error(
    site: Site,
) -> None:
    story("9,75")
    filed = report("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden")

    check = run(filed, site)

    assert check.state == CheckState.DONE
    assert check.finished is not None
    assert check.hint == Hint.LIKELY_ERROR
    assert check.reason == (
        "3 of 3 sources give the reader's “9,74 Milliarden Dollar”, "
        "none the article's “9,75 Milliarden Dollar”."
    )
    assert check.result["code"] == "fix_supported"
    offer = offer_claim(check)
    assert offer["fix"]["text"] == "9,74 Milliarden Dollar"  # the reader's figure, our unit
    assert offer["article"] == []
    assert offer["other"] == []
    assert {s["outlet"] for s in offer["reader"]} == {
        "Alpenpost",
        "Donau-Kurier",
        "Nordlicht Zeitung",
    }
    alpenpost = next(s for s in offer["reader"] if s["outlet"] == "Alpenpost")
    assert (
        alpenpost["sentence"] == "Varentis bietet 9,74 Milliarden Dollar für die Aktien von Kelmor."
    )
    assert alpenpost["url"] == "https://www.alpenpost.example/wirtschaft/varentis-kelmor"
    assert alpenpost["title"] == "Varentis greift nach Kelmor"
    # Inputs: the passage as anchored, the version it stands in, the sources used.
    assert check.inputs["passage"] == "Varentis bietet 9,75 Milliarden Dollar"
    assert check.inputs["version"] == filed.anchor_version_id
    assert check.inputs["published"] == "2025-06-03"
    assert check.inputs["fix"] == "9,74 Milliarden"
    assert len(check.inputs["sources"]) == 3
    assert all(s["kind"] == "story" for s in check.inputs["sources"])


def test_a_right_figure_given_only_in_the_description_is_checked(site: Site) -> None:
    story("9,75")
    filed = report(
        "Varentis bietet 9,75 Milliarden Dollar",
        "",
        description="Die anderen Zeitungen schreiben 9,74 Milliarden, nicht 9,75.",
    )

    check = run(filed, site)

    assert check.hint == Hint.LIKELY_ERROR
    assert check.inputs["fix"] == ""
    assert check.inputs["fix_from_description"] == "9,74 Milliarden"
    assert offer_claim(check)["fix"]["text"] == "9,74 Milliarden Dollar"
    assert len(offer_claim(check)["reader"]) == 3


def test_a_reader_who_is_wrong_about_a_right_figure_gets_likely_correct(site: Site) -> None:
    story("9,74")
    filed = report(
        "Varentis bietet 9,74 Milliarden Dollar für sämtliche Aktien von Kelmor",
        "Varentis bietet 9,75 Milliarden Dollar für sämtliche Aktien von Kelmor",
    )

    check = run(filed, site)

    assert check.hint == Hint.LIKELY_CORRECT
    assert check.result["code"] == "article_supported"
    offer = offer_claim(check)
    assert len(offer["article"]) == 3
    assert offer["reader"] == []
    assert "3 of 3 sources agree with the article's “9,74 Milliarden Dollar”" in check.reason


def test_a_figure_nobody_else_gives_is_undecidable(site: Site) -> None:
    story()
    filed = report("für 310 Millionen Franken gekauft", "350 Millionen Franken")

    check = run(filed, site)

    assert check.state == CheckState.DONE
    assert check.hint == Hint.UNDECIDABLE
    assert check.result["code"] == "no_sources"
    assert check.reason == "No other source states “310 Millionen Franken”."


def test_a_misquotation_is_checked_for_its_wording(site: Site) -> None:
    story()
    filed = report(
        "„Das ist ein wichtiger Schritt für unsere Forschung in Europa“",
        "„Das ist ein wichtiger Schritt für unsere Forschung in den USA“",
    )

    check = run(filed, site)

    assert check.hint == Hint.LIKELY_ERROR
    quote = next(c for c in check.result["claims"] if c["kind"] == "quote")
    assert quote["speaker"] == "Miriam Obrist"
    assert {s["outlet"] for s in quote["reader"]} == {"Alpenpost", "Donau-Kurier"}
    assert all(s["speaker"] == "Miriam Obrist" for s in quote["reader"])
    assert all(s["differs"] == ["wording"] for s in quote["reader"])


def test_evidence_is_archived_and_a_blocked_address_is_shown_not_fatal(site: Site) -> None:
    story()
    release = site.add(
        "/medien/angebot",
        article_page(
            "Varentis unterbreitet Angebot für Kelmor",
            [
                "Basel, 2. Juni 2025 – Varentis bietet den Aktionären der Kelmor Inc. "
                "insgesamt 9,74 Milliarden Dollar für sämtliche Aktien von Kelmor.",
                "Das Übernahmeangebot entspricht einem Aufschlag von 42 Prozent auf den "
                "Schlusskurs vom Freitag. Die Transaktion soll im Herbst 2025 abgeschlossen "
                "werden, sofern die Behörden zustimmen.",
            ],
        ),
    )
    blocked = "http://10.20.30.40/medienmitteilung"
    filed = report("Varentis bietet 9,75 Milliarden Dollar", "9,74", evidence=(blocked, release))

    check = run(filed, site)

    assert check.state == CheckState.DONE
    assert check.hint == Hint.LIKELY_ERROR
    failed = EvidencePage.objects.get(evidence__url=blocked)
    assert failed.failure == "blocked_address"
    assert failed.version is None
    assert failed.fetched_at is None
    fetched = EvidencePage.objects.get(evidence__url=release)
    assert fetched.failure == ""
    assert fetched.version is not None
    assert fetched.fetched_at is not None
    assert "9,74 Milliarden Dollar" in fetched.version.text
    shown = {e["url"]: e for e in check.result["evidence"]}
    assert shown[blocked]["failure"] == "blocked_address"
    assert "non_public_address" in shown[blocked]["detail"]
    assert shown[release]["source"] == f"article:{fetched.version.article_id}"
    offer = offer_claim(check)
    evidence = [s for s in offer["reader"] if s["kind"] == "evidence"]
    assert [s["url"] for s in evidence] == [release]
    assert len(offer["reader"]) == 4
    assert site.requests == ["/medien/angebot"]  # the blocked address was never contacted


def test_evidence_of_merged_readers_is_fetched_too(site: Site) -> None:
    story()
    first = report("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden")
    page = site.add("/beleg", article_page("Kelmor", ["Kein Artikel über das Angebot."] * 3))
    second = report(
        "Varentis bietet 9,75 Milliarden Dollar für sämtliche Aktien",
        "9,74",
        evidence=(page,),
        accept_unanchored=True,
    )
    if second.merged_into_id is None:
        report_merge(report=second, into=first)

    check = precheck.check_run(check=first.checks.get(), fetch=site.fetch)

    assert [e["url"] for e in check.result["evidence"]] == [page]
    assert EvidencePage.objects.filter(evidence__report=second).exists()


def test_only_other_outlets_of_the_story_are_sources(site: Site) -> None:
    ours = story()
    # A second article of ours on the same story does not confirm our own figure.
    second = article_ingest(
        outlet=ours,
        url="https://www.seeland-bote.example/wirtschaft/varentis-kommentar",
        text=" date 2025-06-03 Kommentar: Varentis zahlt zu viel\n\nVarentis bietet 9,75 "
        "Milliarden Dollar für Kelmor, einen Aufschlag von 42 Prozent.\n",
    ).version
    story_assign(version=second)
    filed = report("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden")

    check = run(filed, site)

    ids = {s["id"] for s in check.result["sources"]}
    assert f"article:{second.article_id}" not in ids
    assert f"article:{filed.article_id}" not in ids
    assert len(ids) == 3
    assert check.hint == Hint.LIKELY_ERROR


def test_an_article_not_yet_in_a_story_is_assigned_first(site: Site) -> None:
    story()
    StoryMembership.objects.filter(article__canonical_url=OURS).delete()
    filed = report("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden")

    check = run(filed, site)

    assert StoryMembership.objects.filter(article__canonical_url=OURS).exists()
    assert len(offer_claim(check)["reader"]) == 3


def test_a_report_on_an_unarchived_article_is_checked_on_its_passage_alone(site: Site) -> None:
    story()
    filed = report_submit(
        submission=Submission(
            location="https://www.seeland-bote.example/wirtschaft/noch-nicht-archiviert",
            passage="Varentis bietet 9,75 Milliarden Dollar für Kelmor.",
            proposed_fix="9,74 Milliarden",
        ),
        channel=Channel.FORM,
    )
    assert filed.article is None
    check = Check.objects.create(report=filed)

    check = precheck.check_run(check=check, fetch=site.fetch)

    assert check.state == CheckState.DONE
    assert check.hint == Hint.UNDECIDABLE  # no story to compare with
    assert check.inputs["version"] is None
    assert offer_claim(check)["fix"]["text"] == "9,74 Milliarden Dollar"


def test_a_stale_anchor_falls_back_to_finding_the_passage(site: Site) -> None:
    story()
    filed = report("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden")
    Report.objects.filter(pk=filed.pk).update(anchor_start=10**6, anchor_end=10**6 + 5)

    check = run(Report.objects.get(pk=filed.pk), site)

    assert check.hint == Hint.LIKELY_ERROR
    assert check.inputs["passage"] == "Varentis bietet 9,75 Milliarden Dollar"


def test_an_unexpected_failure_marks_the_check_failed_and_raises_nothing(site: Site) -> None:
    story()
    check = report("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden").checks.get()
    check.report_id = 10**9  # the report vanished while its check was queued

    check = precheck.check_run(check=check, fetch=site.fetch)

    assert check.state == CheckState.FAILED
    assert check.hint == ""
    assert check.reason.startswith("DoesNotExist")
    assert check.finished is not None
    stored = Check.objects.get(pk=check.pk)
    assert stored.state == CheckState.FAILED
    assert stored.result == {}


def test_the_planted_wrong_figure_of_the_demo_is_a_likely_error(site: Site) -> None:
    demo_load()
    filed = report_submit(
        submission=Submission(
            location=DEMO_ARTICLE,
            passage="Twitter für 9,75 Milliarden Dollar zu kaufen",
            proposed_fix="9,74 Milliarden",
        ),
        channel=Channel.FORM,
    )

    check = run(filed, site)

    assert check.hint == Hint.LIKELY_ERROR
    assert check.reason == (
        "2 of 2 sources give the reader's “9,74 Milliarden Dollar”, "
        "none the article's “9,75 Milliarden Dollar”."
    )
    offer = offer_claim(check)
    said = {s["outlet"]: s["sentence"] for s in offer["reader"]}
    assert said == {
        "Rheinblick Online": "Auf X antwortete er knapp, man lehne ab – kaufe aber gern Twitter "
        "für 9,74 Milliarden Dollar.",
        "The Harbour Ledger": "In a post on X he countered with an offer to buy Twitter for "
        "$9.74 billion, roughly a tenth of what Musk had put on the table.",
    }


def test_the_translatable_reasons_are_the_verdicts_english_ones() -> None:
    assert precheck.REASONS.keys() == verdict.REASONS.keys()
    with translation.override("en"):
        for code, text in verdict.REASONS.items():
            assert str(precheck.REASONS[code]) == text


def test_the_reason_is_shown_in_the_editors_language(site: Site) -> None:
    story()
    check = run(report("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden"), site)
    with translation.override("en"):
        assert precheck.reason_display(check) == check.reason
    with translation.override("en"):
        assert precheck.failure_display("blocked_address") == "blocked: not a public address"
        assert precheck.failure_display("something new") == "could not be read"
