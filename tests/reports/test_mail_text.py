"""A body's text split into the reader's words, forwarded messages and reply history."""

from __future__ import annotations

import pytest

from corrigenda.reports._mail_text import reader_text


@pytest.mark.parametrize(
    "attribution",
    [
        "Am 11.02.2025 um 10:12 schrieb Korrektur-Desk <korrektur@mittellaendische.ch>:",
        "Am Di., 11. Feb. 2025 um 10:12 Uhr schrieb Korrektur-Desk <\nkorrektur@mittellaendische.ch>:",
        "On Tue, Feb 11, 2025 at 10:12 AM Korrektur-Desk <korrektur@mittellaendische.ch> wrote:",
        "Korrektur-Desk <korrektur@mittellaendische.ch> hat am 11. Februar 2025 um 10:12 geschrieben:",
        "Le mar. 11 févr. 2025 à 10:12, Korrektur-Desk <korrektur@mittellaendische.ch> a écrit :",
    ],
)
def test_reply_history_after_an_attribution_is_dropped(attribution: str) -> None:
    text = (
        f"Danke, hier der Beleg.\n\n{attribution}\n> Ihr Hinweis zu «X».\n>\n> Gruss\n\nNachtrag."
    )
    assert reader_text(text, reply=True).own == "Danke, hier der Beleg.\n\nNachtrag."


def test_a_reader_quoting_the_article_keeps_the_quote() -> None:
    text = "Ihr Autor schrieb:\n> Musk gründete OpenAI 2016.\n\nDas ist falsch."
    assert reader_text(text, reply=False).own == text


def test_unquoted_history_after_an_attribution_runs_to_the_end() -> None:
    text = "Danke!\n\nAm 11.02.2025 um 10:12 schrieb Desk <d@example.ch>:\nIhr Hinweis ist da."
    assert reader_text(text, reply=True).own == "Danke!"


def test_signature_and_mobile_footer_are_dropped() -> None:
    assert reader_text("Text.\n\n-- \nHans\nhttps://hans.example", reply=False).own == "Text."
    assert reader_text("Text.\n\nVon meinem iPhone gesendet", reply=False).own == "Text."


def test_a_forward_after_the_signature_is_still_read() -> None:
    text = (
        "FYI\n-- \nSarah\n\n---------- Forwarded message ---------\n"
        "From: Anna <anna@example.ch>\nDate: Mon, 10 Feb 2025\nSubject: Fehler\n\nDer Text."
    )
    split = reader_text(text, reply=False)
    assert split.own == "FYI"
    assert [(f.sender, f.text) for f in split.forwarded] == [
        (("Anna", "anna@example.ch"), "Der Text.")
    ]


@pytest.mark.parametrize(
    ("reply", "own", "forwarded"),
    [(False, "Bitte ansehen.", ["Leserbrief."]), (True, "Bitte ansehen.", [])],
)
def test_an_outlook_block_is_a_forward_or_history_depending_on_the_message(
    reply: bool, own: str, forwarded: list[str]
) -> None:
    text = (
        "Bitte ansehen.\n\n________________________________\n"
        "Von: Anna Meier <anna@example.ch>\nGesendet: Mittwoch, 12. Februar 2025 10:02\n"
        "An: Redaktion\nBetreff: Fehler\n\nLeserbrief."
    )
    split = reader_text(text, reply=reply)
    assert split.own == own
    assert [f.text for f in split.forwarded] == forwarded
