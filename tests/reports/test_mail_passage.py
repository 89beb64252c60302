"""How readers write which passage is wrong and how it should read, in German and English."""

from __future__ import annotations

import pytest

from corrigenda.reports._mail_passage import find_quotes, passage_and_fix

CASES = [
    # quotation marks of every kind, with the cue before the quotation
    (
        "Im Artikel steht „Musk gründete OpenAI 2016.“ Richtig ist 2015.",
        "Musk gründete OpenAI 2016",
        "2015",
    ),
    (
        "Sie schreiben «Altman bot 9,74 Millionen». Korrekt wäre «9,74 Milliarden».",
        "Altman bot 9,74 Millionen",
        "9,74 Milliarden",
    ),
    (
        'Dort heisst es "Toberoff vertritt Altman". Richtig: Toberoff vertritt Musk.',
        "Toberoff vertritt Altman",
        "Toberoff vertritt Musk",
    ),
    (
        "Da steht »OpenAI ist eine AG«, richtig wäre »OpenAI ist eine Stiftung«.",
        "OpenAI ist eine AG",
        "OpenAI ist eine Stiftung",
    ),
    # ß and ss, "sollte heißen" with the correction before or after the verb
    (
        "Es heißt dort „74,9 Milliarden“. Es sollte heißen: „97,4 Milliarden“.",
        "74,9 Milliarden",
        "97,4 Milliarden",
    ),
    (
        "Es heisst dort «74,9 Milliarden». Es sollte «97,4 Milliarden» heissen.",
        "74,9 Milliarden",
        "97,4 Milliarden",
    ),
    ("Statt «2016» muss es «2015» heissen.", "2016", "2015"),
    ("Statt 2016 müsste es 2015 heißen.", "2016", "2015"),
    ("Das Jahr ist falsch, es müsste 2015 heissen.", None, "2015"),
    ("Musk hat OpenAI nicht 2016, sondern 2015 mitgegründet.", "2016", "2015 mitgegründet"),
    (
        "Richtig ist «97,4 Milliarden», nicht «74,9 Milliarden».",
        "74,9 Milliarden",
        "97,4 Milliarden",
    ),
    # the cue after the quotation
    (
        "«Altman ist Mitgründer von Tesla» ist falsch. Richtig wäre OpenAI.",
        "Altman ist Mitgründer von Tesla",
        "OpenAI",
    ),
    # an article title in quotation marks is not the passage
    (
        "Ihr Artikel «Musk will OpenAI» enthält einen Fehler: nicht 2016, sondern 2015.",
        "2016",
        "2015",
    ),
    (
        "Im Beitrag «Musk will OpenAI» steht «gegründet 2016». Richtig ist 2015.",
        "gegründet 2016",
        "2015",
    ),
    # the fix clause ends at the sentence, not at abbreviations or ordinals
    (
        "Sie schreiben «74,9 Mrd.». Richtig ist: 97,4 Mrd. Dollar, angekündigt am 10. Februar. Danke!",
        "74,9 Mrd",
        "97,4 Mrd. Dollar, angekündigt am 10. Februar",
    ),
    ("Richtig ist 2015, siehe https://de.wikipedia.org/wiki/OpenAI", None, "2015"),
    # English
    (
        "The article says “Musk founded OpenAI in 2016”. The correct year is 2015.",
        "Musk founded OpenAI in 2016",
        "2015",
    ),
    ('You wrote "9.74 million". It should read "9.74 billion".', "9.74 million", "9.74 billion"),
    ("Instead of 2016, it should be 2015.", "2016", "2015"),
    (
        "It says “Altman leads xAI” but that is wrong; it's actually Musk who leads xAI.",
        "Altman leads xAI",
        "Musk who leads xAI",
    ),
    (
        "In paragraph 3: 'Musk founded OpenAI in 2016' - wrong, it was 2015.",
        "Musk founded OpenAI in 2016",
        "2015",
    ),
    (
        'Please fix the headline "Musk buys OpenAI". It should say "Musk bids for OpenAI".',
        "Musk buys OpenAI",
        "Musk bids for OpenAI",
    ),
    (
        "Sie schreiben, Musk habe OpenAI 2016 gegründet. Das stimmt nicht, es war 2015.",
        None,
        "2015",
    ),
    # nothing to find
    (
        "Vielen Dank für die Antwort, das ist nicht nur für mich, sondern auch für andere wichtig.",
        None,
        None,
    ),
    ("Thanks for your reply.", None, None),
]


@pytest.mark.parametrize(("text", "passage", "fix"), CASES)
def test_passage_and_fix(text: str, passage: str | None, fix: str | None) -> None:
    assert passage_and_fix(text) == (passage, fix)


def test_lines_quoted_with_a_bracket_are_the_passage_when_nothing_is_in_quotation_marks() -> None:
    text = "Dort lese ich:\n\n> Der Milliardär gründete\n> das Labor 2016.\n\nRichtig ist 2015."
    assert passage_and_fix(text) == ("Der Milliardär gründete das Labor 2016", "2015")


def test_a_correction_inside_a_quoted_line_is_the_articles_text_not_the_readers() -> None:
    text = "> Richtig ist, dass Musk 2016 gründete.\n\nDas Jahr stimmt nicht."
    assert passage_and_fix(text) == ("Richtig ist, dass Musk 2016 gründete", None)


def test_quotations_do_not_cross_paragraphs_or_take_apostrophes_and_inches() -> None:
    text = 'Ein 24" Monitor und Musk\'s "Angebot"\n\n„offen\n\nzu'
    assert [quote.text for quote in find_quotes(text)] == ["Angebot"]
