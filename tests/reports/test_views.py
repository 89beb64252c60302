"""The reader's pages: the report form, its spam checks, the confirmation and the status."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import altcha
import pytest
from django.test import Client

from corrigenda.archive.models import Article, Outlet
from corrigenda.archive.services import article_ingest, outlet_register
from corrigenda.reports import proof_of_work, services
from corrigenda.reports.models import Channel, IntakePolicy, Report, Status
from corrigenda.reports.validation import Submission

URL = "https://www.seeblick-zeitung.ch/wirtschaft/hafen-ausbau"
TEXT = (
    "Hafen wird ausgebaut\n\n"
    "Der Stadtrat hat am Dienstag den Ausbau des Hafens beschlossen. "
    "Die Kosten belaufen sich auf 14,2 Millionen Franken, wie die Stadt mitteilte. "
    "Baubeginn ist im Frühjahr 2026.\n\n"
    "Die Opposition hatte eine Volksabstimmung verlangt."
)
WRONG = "Die Kosten belaufen sich auf 14,2 Millionen Franken"
FIX = "Die Kosten belaufen sich auf 12,4 Millionen Franken"


@pytest.fixture
def outlet(db: None) -> Outlet:
    outlet = outlet_register(
        slug="seeblick",
        name="Seeblick-Zeitung",
        desk_email="korrektur@seeblick-zeitung.ch",
        domains=("seeblick-zeitung.ch",),
    )
    article_ingest(url=URL, text=TEXT, outlet=outlet)
    # The form's spam check is tested on its own below; here it stays out of the way.
    IntakePolicy.objects.create(outlet=outlet, proof_of_work=False)
    return outlet


def fields(**changes: str) -> dict[str, str]:
    values = {
        "location": URL,
        "passage": WRONG,
        "proposed_fix": FIX,
        "description": "",
        "evidence": "https://stadt.example/mitteilung\n\nhttps://stadt.example/budget\n",
        "reporter_name": "Anna Leser",
        "reporter_email": "anna@example.org",
    }
    values.update(changes)
    return values


def post(client: Client, language: str = "en", **changes: Any) -> Any:
    return client.post("/report/", fields(**changes), HTTP_ACCEPT_LANGUAGE=language)


def text_of(response: Any) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def solved(difficulty: int = 10) -> str:
    """A challenge from the desk, solved as the reader's browser would."""
    challenge = altcha.Challenge.from_dict(proof_of_work.challenge_create(difficulty=difficulty))
    solution = altcha.solve_challenge(challenge)
    assert solution is not None
    return altcha.Payload(challenge, solution).to_base64()


# --- the form -------------------------------------------------------------------------


def test_the_button_link_fills_in_the_form(client: Client, outlet: Outlet) -> None:
    query = urlencode(
        {
            "url": URL,
            "passage": WRONG,
            "prefix": "beschlossen. ",
            "suffix": ", wie",
            "via": "button",
        }
    )
    page = client.get(f"/report/?{query}", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f'value="{URL}"' in page
    assert f">\n{WRONG}</textarea>" in page
    assert 'name="passage_prefix" value="beschlossen. "' in page
    assert 'name="passage_suffix" value=", wie"' in page
    assert 'name="via" value="button"' in page
    assert "Seeblick-Zeitung" in page  # the outlet, known by the article's domain
    assert "You can ask us at any time to erase them" in page  # the consent note


def test_a_report_is_stored_and_the_reader_sees_the_private_status_link(
    client: Client, outlet: Outlet
) -> None:
    response = post(client, passage_prefix="beschlossen. ", passage_suffix=", wie", via="button")

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/report/received/{report.token}/"
    assert report.channel == Channel.WIDGET
    assert report.anchor_state == "anchored"
    assert report.anchor_exact == WRONG
    assert report.proposed_fix == FIX
    assert report.reporter_email == "anna@example.org"
    assert report.language == "en"
    assert [e.url for e in report.evidence.all()] == [
        "https://stadt.example/mitteilung",
        "https://stadt.example/budget",
    ]
    assert "csrfmiddlewaretoken" not in report.payload
    assert report.payload["passage"] == WRONG

    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert page["Referrer-Policy"] == "no-referrer"
    assert f"http://testserver/report/status/{report.token}/" in page.content.decode()


def test_a_form_report_without_the_button_is_a_form_report(client: Client, outlet: Outlet) -> None:
    post(client)
    assert Report.objects.get().channel == Channel.FORM


def test_errors_stand_next_to_their_fields_and_in_a_summary(client: Client, outlet: Outlet) -> None:
    response = post(client, proposed_fix="", description="", reporter_email="anna@")
    page = response.content.decode()

    assert response.status_code == 200
    assert not Report.objects.exists()
    assert 'role="alert"' in page
    assert '<a href="#id_reporter_email">' in page
    assert '<a href="#id_description">' in page
    assert 'aria-invalid="true"' in page
    described = re.search(r'aria-describedby="([^"]*)"[^>]*id="id_reporter_email"', page)
    assert described is not None
    assert "id_reporter_email_error" in described[1].split()
    assert 'id="id_reporter_email_error"' in page
    assert "This e-mail address is not valid." in text_of(response)
    # What the reader wrote is still there.
    assert f">\n{WRONG}</textarea>" in page


def test_errors_speak_english_to_an_english_browser(client: Client, outlet: Outlet) -> None:
    response = post(client, location="", language="en-GB,en;q=0.8")

    assert '<html lang="en">' in response.content.decode()
    assert "Please give the address (URL) of the article." in text_of(response)


def test_errors_speak_german_to_a_german_browser(client: Client, outlet: Outlet) -> None:
    response = post(client, location="", language="de-CH,de;q=0.9")

    assert '<html lang="de">' in response.content.decode()
    assert "Bitte prüfen Sie einen Punkt:" in text_of(response)
    assert "Please give the address" not in text_of(response)


def test_a_browser_speaking_neither_gets_the_outlets_language(client: Client, db: None) -> None:
    outlet_register(slug="ledger", name="Ledger", language="en", domains=("ledger.example",))
    response = client.get(
        "/report/?url=https://ledger.example/a", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9"
    )
    assert '<html lang="en">' in response.content.decode()


def test_a_foreign_url_is_refused_with_a_clear_message(client: Client, outlet: Outlet) -> None:
    response = post(client, location="https://www.other-paper.example/story")

    assert not Report.objects.exists()
    assert "This address is not one of our articles." in text_of(response)


def test_a_passage_not_in_the_article_offers_the_closest_and_a_way_to_send_anyway(
    client: Client, outlet: Outlet
) -> None:
    quoted = "Die Kosten betragen rund 14,2 Millionen Franken laut Stadtrat"
    response = post(client, passage=quoted)
    page = text_of(response)

    assert not Report.objects.exists()
    assert "Did you mean this passage of the article?" in page
    assert 'name="use_passage"' in page
    assert 'name="accept_unanchored"' in page

    # The reader takes the closest passage: the form comes back with it in place.
    closest = re.search(r'name="use_passage" value="([^"]*)"', page)
    assert closest is not None
    again = client.post(
        "/report/", {**fields(passage=quoted), "use_passage": closest[1]}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert f"> {closest[1]}</textarea>" in text_of(again)
    assert not Report.objects.exists()

    # Or sends the report as it is.
    sent = post(client, passage=quoted, accept_unanchored="on")
    assert sent.status_code == 302
    assert Report.objects.get().anchor_state == "unanchored"


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(
    client: Client, outlet: Outlet
) -> None:
    response = post(client, leave_this_empty="https://spam.example")

    assert response.status_code == 200
    assert "we received your report" in text_of(response)
    assert "/report/status/" not in text_of(response)
    assert not Report.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(
    client: Client, outlet: Outlet
) -> None:
    page = client.get("/report/").content.decode()
    honeypot = page[page.index('<div class="hp"') :]
    honeypot = honeypot[: honeypot.index("</div>")]
    assert 'aria-hidden="true"' in honeypot
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot


def test_too_many_reports_get_a_friendly_429_that_keeps_the_text(
    client: Client, outlet: Outlet
) -> None:
    IntakePolicy.objects.filter(outlet=outlet).update(per_sender_per_hour=2)
    for i in range(2):
        assert post(client, proposed_fix=f"Fix {i}").status_code == 302
    response = post(client, proposed_fix="Die dritte Korrektur")

    assert response.status_code == 429
    assert "Too many reports at the moment" in text_of(response)
    assert "Die dritte Korrektur" in text_of(response)
    assert "korrektur@seeblick-zeitung.ch" in text_of(response)
    assert Report.objects.count() == 2


# --- the proof of work -----------------------------------------------------------------


@pytest.fixture
def guarded(outlet: Outlet) -> Outlet:
    IntakePolicy.objects.filter(outlet=outlet).update(
        proof_of_work=True, proof_of_work_difficulty=10
    )
    return outlet


def test_the_form_carries_the_widget_only_when_the_policy_asks(
    client: Client, guarded: Outlet
) -> None:
    page = client.get(f"/report/?url={URL}").content.decode()
    assert '<altcha-widget challenge="/report/challenge/?outlet=seeblick"' in page
    IntakePolicy.objects.filter(outlet=guarded).update(proof_of_work=False)
    assert "<altcha-widget" not in client.get(f"/report/?url={URL}").content.decode()


def test_the_challenge_is_as_hard_as_the_outlets_policy(client: Client, guarded: Outlet) -> None:
    challenge = client.get("/report/challenge/?outlet=seeblick").json()
    assert challenge["parameters"]["data"] == {"difficulty": 10}
    assert challenge["parameters"]["expiresAt"] > 0
    assert challenge["signature"]


def test_a_solved_challenge_lets_the_report_in(client: Client, guarded: Outlet) -> None:
    response = post(client, altcha=solved())
    assert response.status_code == 302
    assert Report.objects.count() == 1


def test_a_solution_is_accepted_once(client: Client, guarded: Outlet) -> None:
    proof = solved()
    assert post(client, altcha=proof).status_code == 302
    replay = post(client, altcha=proof, proposed_fix="Noch einmal")

    assert replay.status_code == 200
    assert "The spam check did not work out." in text_of(replay)
    assert Report.objects.count() == 1


def test_a_forged_or_too_easy_solution_is_refused(client: Client, guarded: Outlet) -> None:
    assert "did not work out" in text_of(post(client, altcha="bm90IGEgcGF5bG9hZA=="))
    IntakePolicy.objects.filter(outlet=guarded).update(proof_of_work_difficulty=1000)
    assert "did not work out" in text_of(post(client, altcha=solved(difficulty=10)))
    assert not Report.objects.exists()


def test_without_javascript_a_few_reports_still_get_in(client: Client, guarded: Outlet) -> None:
    allowed = proof_of_work.NO_PROOF_PER_SENDER
    sent = [post(client, proposed_fix=f"Fix {i}").status_code for i in range(allowed + 1)]
    assert sent == [302] * allowed + [429]
    assert Report.objects.count() == proof_of_work.NO_PROOF_PER_SENDER


# --- the status page -------------------------------------------------------------------


def file(outlet: Outlet, **changes: Any) -> Report:
    values: dict[str, Any] = {"location": URL, "passage": WRONG, "proposed_fix": FIX}
    values.update(changes)
    return services.report_submit(submission=Submission(**values), channel=Channel.FORM)


def status_page(client: Client, report: Report) -> Any:
    return client.get(f"/report/status/{report.token}/", HTTP_ACCEPT_LANGUAGE="en")


def test_the_status_page_shows_what_was_sent_privately(client: Client, outlet: Outlet) -> None:
    report = file(
        outlet,
        reporter_email="anna.leser@example.org",
        evidence=("https://stadt.example/mitteilung",),
    )
    response = status_page(client, report)
    page = text_of(response)

    assert '<meta name="robots" content="noindex">' in page
    assert response["Referrer-Policy"] == "no-referrer"
    assert "Received" in page
    assert WRONG in page
    assert FIX in page
    assert "We found this passage in the article." in page
    assert 'href="https://stadt.example/mitteilung"' in page
    assert "anna.leser@example.org" not in page
    assert "a•••@example.org" in page


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (Status.IN_REVIEW, "An editor is checking the report."),
        (Status.ACCEPTED, "the article will be corrected."),
        (Status.REJECTED, "leaves the article as it is."),
    ],
)
def test_the_status_page_says_where_the_report_stands(
    client: Client, outlet: Outlet, status: Status, words: str
) -> None:
    report = file(outlet)
    Report.objects.filter(pk=report.pk).update(status=status)
    assert words in text_of(status_page(client, report))


def test_a_rejected_report_shows_the_desks_reason(client: Client, outlet: Outlet) -> None:
    report = file(outlet)
    Report.objects.filter(pk=report.pk).update(
        status=Status.REJECTED,
        decision_reason="The figure is right.",
        decided_at=datetime(2025, 3, 4, 10, 0, tzinfo=UTC),
    )
    page = text_of(status_page(client, report))
    assert "The figure is right." in page
    assert "decided" in page


def test_a_merged_report_shows_the_state_of_the_item_it_joined(
    client: Client, outlet: Outlet
) -> None:
    first = file(outlet)
    second = file(outlet, proposed_fix="Es sind 12,4 Millionen")
    second.refresh_from_db()
    assert second.merged_into == first
    Report.objects.filter(pk=first.pk).update(status=Status.ACCEPTED)

    page = text_of(status_page(client, second))
    assert "Your report was joined with theirs" in page
    assert "the article will be corrected." in page


def test_an_unknown_token_is_not_found(client: Client, outlet: Outlet) -> None:
    assert client.get("/report/status/not-a-token/").status_code == 404
    assert client.get("/report/received/not-a-token/").status_code == 404


def test_the_try_page_includes_the_button_on_the_article(client: Client, outlet: Outlet) -> None:
    pk = Article.objects.get().pk
    page = client.get(f"/report/try/{pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f'<link rel="canonical" href="{URL}">' in page
    assert 'src="/static/reports/widget.js" data-desk="http://testserver"' in page
    assert "Die Opposition hatte eine Volksabstimmung verlangt." in page
    assert "This is a test page" in page
