"""Quotations with the speaker the text names, embedded posts, and the quoted names and
titles that are not quotations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corrigenda.claims import quotes as quotes_module
from corrigenda.claims import sentences
from corrigenda.claims.model import Claim, Kind
from corrigenda.claims.quotes import find_quotes


def quotes(text: str, lang: str = "de") -> list[Claim]:
    return find_quotes(text, sentences.split(text), lang=lang)


def only(text: str, lang: str = "de") -> Claim:
    found = quotes(text, lang)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


# --- the seeds -------------------------------------------------------------------------


def _seed(seeds: Path, prefix: str) -> str:
    return next(seeds.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_000_reads_altmans_post_with_speaker_date_and_language(seeds: Path) -> None:
    post = only(_seed(seeds, "000"))
    assert post.speaker == "Sam Altman"
    assert post.said_on == dt.date(2025, 2, 10)
    assert post.lang == "en"
    assert str(post.value).startswith("no thank you")
    assert "(@sama)" not in post.text


def test_seed_001_attributes_both_quotes_and_skips_the_newspapers_name(seeds: Path) -> None:
    found = quotes(_seed(seeds, "001"))
    speakers = [c.speaker for c in found]
    assert len(found) == 2
    assert "Musk" in str(speakers[0])  # "…", wird Musk zitiert
    assert speakers[1] == "Sam Altman"  # schrieb er: "…" (er = Sam Altman)
    assert all("Wall Street Journal" not in c.text for c in found)


# --- attribution ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Wir investieren in die Zukunft der Region“, sagte Berger bei der Eröffnung.", "Berger"),
        ("„Wir haben ein faires Angebot gemacht“, so Wagner.", "Wagner"),
        ("„Es ist an der Zeit, dass hier investiert wird“, wird Wagner zitiert.", "Wagner"),
        ("Wagner schrieb auf X: „Das Angebot steht bis Ende Monat.“", "Wagner"),
        ("Dazu sagte Wagner am Montag: „Wir bleiben bei unserem Angebot.“", "Wagner"),
        ("«Das Paket trifft die Falschen», sagt Präsident Marco Steiner.", "Marco Steiner"),
        ("»Ohne Geld bleibt das ein Versprechen« (Präsidentin Eva Lindner).", "Eva Lindner"),
        ("Tsipras: „Das Referendum wird stattfinden, ob es passt oder nicht.“", "Tsipras"),
        (
            "„Das ist ein Erfolg für alle Beteiligten“, sagte der OpenAI-Chef Sam Altman.",
            "Sam Altman",
        ),
        (
            "„Wir prüfen das Angebot sehr genau“, sagte ein Sprecher des Konzerns.",
            "Sprecher des Konzerns",
        ),
        ("Laut Roth ist das Angebot „ein durchschaubarer Versuch, billig einzukaufen“.", "Roth"),
        ("Die Bahn sprach von einem „Meilenstein“.", "Bahn"),
    ],
)
def test_the_speaker_is_the_one_the_attribution_names(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“We will not tolerate this conduct,” said Laura Finch, the agency’s director.",
            "Laura Finch",
        ),
        (
            "“The decision is wrong and we will appeal,” its chief executive, David Morgan, told reporters.",
            "David Morgan",
        ),
        ("“We let the fans down,” Carter said after the match.", "Carter"),
        ("According to Finch, the audit found “systematic failures in the controls”.", "Finch"),
        ("Morgan added: “Our customers lost nothing at all.”", "Morgan"),
    ],
)
def test_english_attribution_in_both_orders(text: str, speaker: str) -> None:
    assert only(text, "en").speaker == speaker


def test_a_surname_is_the_full_name_the_text_introduced() -> None:
    text = "Elon Musk legte ein Angebot vor. „Die Offerte steht, ob es gefällt oder nicht“, sagte Musk."
    assert only(text).speaker == "Elon Musk"


def test_er_and_sie_are_the_most_recent_person_of_that_gender() -> None:
    text = (
        "Die Ministerin Katharina Berger verteidigte den Ausbau. Ihr Kollege Thomas Keller "
        "widersprach. Er schrieb: „Das Projekt ist zu teuer und kommt zu spät.“ "
        "Später sagte sie: „Ich halte an dem Zeitplan fest.“"
    )
    first, second = quotes(text)
    assert first.speaker == "Thomas Keller"
    assert second.speaker == "Katharina Berger"


def test_a_pronoun_without_a_named_person_or_in_the_plural_stays_unresolved() -> None:
    nobody = only("Der Minister stellte den Plan vor. „Das werden wir bald ändern“, sagte er.")
    assert nobody.speaker is None
    plural = "Anna Roth und Jonas Weber kamen. „Wir sind sehr zufrieden damit“, sagten sie."
    assert only(plural).speaker is None


def test_an_interrupted_quotation_shares_its_speaker() -> None:
    text = "„Wir haben ein faires Angebot gemacht“, so Wagner, „und wir bleiben dabei.“"
    assert [c.speaker for c in quotes(text)] == ["Wagner", "Wagner"]


def test_a_quotation_that_is_the_whole_next_sentence_continues_the_last_speaker() -> None:
    text = "“We let the fans down,” said Ben Carter. “There is no excuse.” The club agreed."
    assert [c.speaker for c in quotes(text, "en")] == ["Ben Carter", "Ben Carter"]


# --- what counts as a quotation ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'So steht es im "Wall Street Journal", das sich auf Insider beruft.',
        "Der Konzern „Alpenbahn“ prüft eine Klage.",
        "Die Debatte findet im «Rathaus» statt.",
        "Der Regisseur zeigt seinen Film „Die lange Nacht der Stadt“ in Cannes.",
        "Heiner Müllers „Erinnerung an eine Revolution“ wurde gespielt.",
        "„Das Märchen der Märchen“ eröffnet das Festival.",
        'Morgan\'s memoir "The Long Game" was published in 2019.',
        'The leaflet, titled "A Tax On Every Family", went out on Friday.',
        'The so-called "experts" disagreed with each other.',
        "It's the minister's third reform, and the bank's plan.",
        "The 'new normal' worries the board.",
    ],
)
def test_names_titles_scare_quotes_and_apostrophes_are_not_quotations(text: str) -> None:
    assert quotes(text, "en" if text[0] in "MTCI" else "de") == []


def test_a_lower_case_fragment_of_a_few_words_is_a_quotation() -> None:
    claim = only('The statement thanked the coach for "three remarkable years".', "en")
    assert claim.value == "three remarkable years"


def test_nested_quotation_marks_stay_inside_the_outer_quotation() -> None:
    text = "„Er sagt immer ‚niemand zahlt mehr‘, aber die Zahlen sagen etwas anderes“, sagte Reyes."
    claim = only(text)
    assert claim.value == "Er sagt immer 'niemand zahlt mehr', aber die Zahlen sagen etwas anderes"
    assert claim.speaker == "Reyes"


def test_a_quotation_of_several_sentences_is_one_claim_with_all_its_sentences() -> None:
    text = "Der Minister sprach. »Die Wartezeiten sind zu lang. Das werden wir ändern«, sagte er."
    claim = only(text)
    assert claim.value == "Die Wartezeiten sind zu lang. Das werden wir ändern"
    assert claim.sentence.endswith("sagte er.")


def test_value_is_the_wording_with_white_space_collapsed_and_straight_marks() -> None:
    text = "„Wir  bleiben\u00a0dabei,\n egal was kommt“, sagte Wagner."
    assert only(text).value == "Wir bleiben dabei, egal was kommt"


def test_claims_are_quotes_with_their_exact_surface_text() -> None:
    text = "Vorher. „Wir bleiben bei unserem Angebot“, sagte Wagner. Nachher."
    claim = only(text)
    assert claim.kind is Kind.QUOTE
    assert text[claim.start : claim.end] == claim.text == "„Wir bleiben bei unserem Angebot“"


def test_an_english_quotation_in_german_text_is_english() -> None:
    claim = only("„We are not for sale“, sagte Altman dem Sender Bloomberg.")
    assert claim.lang == "en"


# --- embedded posts ------------------------------------------------------------------


def test_an_embedded_post_with_a_german_date_in_its_signature() -> None:
    text = (
        "Die Gemeinderätin reagierte am Abend.\n\n"
        "Ein schwarzer Tag für unsere Stadt. — Maria Huber (@mhuber) 3. März 2025\n"
    )
    post = only(text)
    assert (post.speaker, post.said_on, post.lang) == ("Maria Huber", dt.date(2025, 3, 3), "de")
    assert post.value == "Ein schwarzer Tag für unsere Stadt."


def test_an_embedded_post_whose_signature_stands_on_its_own_line() -> None:
    text = (
        "Auch der Stadtpräsident meldete sich:\n\n"
        "we respect the vote and will talk to everyone\n"
        "— Peter Graf (@petergraf) March 3, 2025\n"
    )
    post = only(text)
    assert (post.speaker, post.said_on, post.lang) == ("Peter Graf", dt.date(2025, 3, 3), "en")
    assert post.value == "we respect the vote and will talk to everyone"


@pytest.mark.parametrize(
    "lead",
    [
        "Musk schrieb auf X: ",
        "In einem Beitrag schrieb er:\n",
        "Tsipras sagte am Montag :\t",
        "Der Minister sprach von ",
        "Sie nannte das Angebot ",
        "He described it as ",
        "Die Regierung hat am Montag beschlossen, dass ",
        "Altman, der sagte, es sei gut, und ",
        "Er bezeichnete: ",
        "",
    ],
)
def test_the_verb_before_a_quotation_is_found_as_by_the_patterns_alone(lead: str) -> None:
    # `_before` skips the costly patterns where a colon or an introducing verb is
    # missing; it must find exactly what they find.
    text = lead + "„Das ist gut.“"
    end = len(lead)
    plain = quotes_module._BEFORE.search(text, 0, end) or quotes_module._INTRODUCED.search(
        text, 0, end
    )
    found = quotes_module._before(text, 0, end)
    assert (found and (found.re, found.span(), found.groupdict())) == (
        plain and (plain.re, plain.span(), plain.groupdict())
    )
