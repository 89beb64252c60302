"""The report button on an article page and the form it opens, in a real Chromium."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from corrigenda.archive.models import Article
from corrigenda.reports.models import IntakePolicy, Report
from corrigenda.web.demo import demo_load

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

SENTENCE = (
    "Das 180 Meter lange Bauwerk hat 14,2 Millionen Franken gekostet, "
    "1,1 Millionen mehr als budgetiert."
)
SELECT = """sentence => {
    const paragraph = [...document.querySelectorAll("article p")]
        .find(p => p.textContent.includes(sentence));
    const node = paragraph.firstChild;
    const start = node.data.indexOf(sentence);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + sentence.length);
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
}"""


def bridge(live_server: LiveServer) -> Article:
    demo_load()
    article = Article.objects.get(canonical_url__endswith="/region/velobruecke-aare")
    # The real widget solves a real challenge; an easy one keeps the test quick.
    IntakePolicy.objects.create(outlet=article.outlet, proof_of_work_difficulty=2_000)
    return article


@pytest.mark.django_db(transaction=True)
def test_selecting_a_sentence_and_pressing_the_button_files_an_anchored_report(
    page: Page, live_server: LiveServer
) -> None:
    article = bridge(live_server)
    page.goto(f"{live_server.url}/report/try/{article.pk}/")
    button = page.get_by_role("link", name="Fehler melden")
    assert not button.is_visible()

    page.evaluate(SELECT, SENTENCE)
    page.mouse.move(10, 10)
    page.mouse.up()
    button.wait_for(state="visible")
    with page.expect_popup() as opened:
        button.click()
    form = opened.value
    form.wait_for_load_state()

    assert form.get_by_label("Address (URL) of the article").input_value() == (
        article.canonical_url
    )
    assert form.get_by_label("The wrong passage").input_value() == SENTENCE
    form.get_by_label("How it should read").fill(
        "Das 180 Meter lange Bauwerk hat 14,2 Millionen Franken gekostet, "
        "1,2 Millionen mehr als budgetiert."
    )
    form.get_by_role("button", name="Send the report").click()
    form.get_by_role("heading", name="Thank you: we received your report").wait_for(timeout=30_000)

    report = Report.objects.order_by("-pk").first()  # the demo has reports of its own
    assert report is not None
    assert report.channel == "widget"
    assert report.anchor_state == "anchored"
    assert report.anchor_exact == SENTENCE
    assert report.anchor_prefix.endswith("eröffnet worden. ")
    assert report.payload.get("altcha") is None  # the proof is checked, not kept
    status_link = form.get_by_role("link", name=f"{live_server.url}/report/status/{report.token}/")
    status_link.click()
    form.get_by_role("heading", name="Your report").wait_for()
    # The demo's desk already reviews a report on this passage: the reader joins it.
    expected = "In review" if report.merged_into_id else "Received"
    assert expected in form.content()


@pytest.mark.django_db(transaction=True)
def test_the_button_appears_for_a_keyboard_selection_and_takes_the_focus(
    page: Page, live_server: LiveServer
) -> None:
    article = bridge(live_server)
    page.goto(f"{live_server.url}/report/try/{article.pk}/")
    page.evaluate(SELECT, SENTENCE)  # as the keyboard selects: no mouse involved
    button = page.get_by_role("link", name="Fehler melden")
    button.wait_for(state="visible")

    page.keyboard.press("Tab")  # the next Tab reaches the button
    focused = "document.activeElement?.shadowRoot?.activeElement?.textContent"
    assert page.evaluate(focused) == "Fehler melden"
    with page.expect_popup() as opened:
        page.keyboard.press("Enter")
    form = opened.value
    form.wait_for_load_state()
    assert form.get_by_label("The wrong passage").input_value() == SENTENCE
    form.close()

    page.keyboard.press("Escape")
    button.wait_for(state="hidden")


@pytest.mark.django_db(transaction=True)
def test_the_form_fits_a_phone_screen(page: Page, live_server: LiveServer) -> None:
    article = bridge(live_server)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/report/?url={article.canonical_url}&passage={SENTENCE}")
    page.locator("altcha-widget").wait_for()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the form scrolls sideways by {overflow}px"
