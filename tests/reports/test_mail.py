"""Reading readers' e-mail: a corpus of real-world shapes, each with what it must yield."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from corrigenda.reports.mail import ParsedReport, Quarantined, mail_parse

FIXTURES = Path(__file__).parent / "fixtures" / "mail"
OUTLET = ["mittellaendische.ch"]
ARTICLE_4711 = "https://www.mittellaendische.ch/ki/musk-openai-4711"
ARTICLE_815 = "https://www.mittellaendische.ch/ki/altman-lehnt-ab-815"
TWEET = "https://x.com/sama/status/1889059531625464090"

# What each message must yield; fields not named are checked by the tests below.
EXPECTED: dict[str, dict[str, object]] = {
    "de_swiss_three_parts.eml": {
        "location": "https://www.mittellaendische.ch/wirtschaft/musk-bietet-fuer-openai-4711",
        "passage": "Das Angebot beläuft sich auf 74,9 Milliarden Dollar",
        "proposed_fix": "Das Angebot beläuft sich auf 97,4 Milliarden Dollar",
        "evidence": ("https://www.reuters.com/technology/musk-led-group-bids-openai-2025-02-10/",),
        "reporter": "Regula.Brunner@gmx.ch",  # Reply-To over From, domain lower-cased
        "reporter_name": "R. Brunner",
        "language": "de",
        "automated": False,
        "message_id": "<20250211091403.4711@bluewin.ch>",
        "subject": "Fehler im Artikel zum Angebot von Musk",
        "received_at": dt.datetime(2025, 2, 11, 8, 14, 3, tzinfo=dt.UTC),
        "lenient": False,
    },
    "en_report_flowed.eml": {
        "location": "https://mittellaendische.ch/en/tech/altman-declines-bid-815",
        "passage": "Altman offered to buy Twitter for $9.74 million",
        "proposed_fix": "$9.74 billion",
        "evidence": (TWEET,),
        "reporter": "jane.doe@example.org",
        "language": "en",
        "received_at": dt.datetime(2025, 2, 12, 18, 40, tzinfo=dt.UTC),  # "-0000"
    },
    "html_only.eml": {
        "location": ARTICLE_815,
        "passage": "Altman schrieb auf X, er würde Twitter für 9,74 Millionen Dollar kaufen",
        "proposed_fix": "9,74 Milliarden Dollar",
        "evidence": (TWEET,),  # the LinkedIn link sits in the signature
        "language": "de",
    },
    "rfc2047_mixed_charsets.eml": {
        "subject": "Fehler im Artikel über OpenAI – Leserin aus Zürich",
        "reporter_name": "Françoise Müller",
        "reporter": "francoise.mueller@sunrise.ch",
        "location": ARTICLE_4711,
        "passage": "2016",
        "proposed_fix": "2015 mitgegründet",
    },
    "cp1252_labelled_utf8.eml": {
        "passage": "Musk verließ OpenAI 2019",
        "proposed_fix": "Musk verließ den Vorstand von OpenAI 2018",
        "evidence": ("https://openai.com/index/openai-elon-musk/",),
        "lenient": False,
    },
    "alternative_base64_qp.eml": {
        "location": ARTICLE_4711,
        "passage": "Toberoff ist der Anwalt von Altman",
        "proposed_fix": "Marc Toberoff vertritt Elon Musk",
        # the second link exists only in the HTML alternative's href
        "evidence": (
            "https://www.wsj.com/tech/musk-openai-bid-toberoff",
            "https://www.nytimes.com/2025/02/10/technology/elon-musk-openai-bid.html",
        ),
    },
    "attachments_rfc2231.eml": {
        "location": ARTICLE_4711,
        "passage": "OpenAI ist seit 2019 ein reines Unternehmen",
        "attachments": (
            "Geschäftsbericht 2024.pdf",
            "Medienmitteilung über OpenAI.pdf",
            "Bildschirmfoto Überblick.png",
        ),
    },
    "broken_name_param.eml": {
        "lenient": True,
        "location": ARTICLE_4711,
        "passage": "Altman nannte das Angebot laecherlich",
        "proposed_fix": "Altman antwortete mit einem Gegenangebot fuer Twitter",
        "reporter": "sandra.gerber@bluewin.ch",
        "subject": "Zitat falsch zugeordnet",
    },
    "forwarded_rfc822.eml": {
        "location": ARTICLE_4711,
        "passage": "Musk gründete OpenAI 2016 zusammen mit Altman",
        "proposed_fix": "2015",
        "evidence": ("https://de.wikipedia.org/wiki/OpenAI",),
        # a colleague at the outlet forwarded it: the reader is the forwarded sender
        "reporter": "T.Widmer@hispeed.ch",
        "reporter_name": "Thomas Widmer",
        "attachments": ("Leserhinweis.eml",),
    },
    "forwarded_inline_outlook.eml": {
        "location": ARTICLE_815,
        "passage": "9,74 Millionen Dollar",
        "proposed_fix": "9,74 Milliarden Dollar",
        "evidence": (TWEET,),
        "reporter": "anna.meier@gmx.ch",
        "reporter_name": "Anna Meier",
    },
    "forwarded_inline_gmail_en.eml": {
        "location": "https://mittellaendische.ch/en/tech/musk-openai-4711",
        "passage": "The consortium is led by Sam Altman",
        "proposed_fix": "Elon Musk",
        "evidence": ("https://apnews.com/article/openai-musk-bid-altman",),
        "reporter": "mark.jones@gmail.com",  # a reader forwarding: stays the reporter
        "language": "en",
    },
    "reply_with_history.eml": {
        "location": None,  # only in the quoted history
        "passage": None,
        "proposed_fix": None,
        "evidence": ("https://www.bfs.admin.ch/bfs/de/home/aktuell/medienmitteilungen.html",),
        "references": ("<ack-4711@mittellaendische.ch>", "<20250211091403.4711@bluewin.ch>"),
        "automated": False,
    },
    "reader_quotes_lines.eml": {
        "location": ARTICLE_4711,
        "passage": "Der Milliardär hat das KI-Labor im Jahr 2016 gemeinsam mit Sam Altman gegründet",
        "proposed_fix": "2015",
        "evidence": ("https://openai.com/index/introducing-openai/",),
    },
    "auto_replied.eml": {
        "automated": True,
        "automated_reason": "Auto-Submitted: auto-replied",
    },
    "out_of_office_exchange.eml": {
        "automated": True,
        "automated_reason": "X-Auto-Response-Suppress: All",
    },
    "mailing_list.eml": {
        "automated": True,
        "automated_reason": "List-Id",
        "location": "https://www.mittellaendische.ch/wirtschaft/musk-bietet-fuer-openai-4711",
        "evidence": (),  # the unsubscribe link is no evidence
    },
    "dsn_bounce.eml": {
        "automated": True,
        "automated_reason": "multipart/report (delivery-status)",
        "subject": "Undelivered Mail Returned to Sender",
    },
    "foreign_outlet_link.eml": {
        "location": None,
        "evidence": ("https://www.nzz.ch/technologie/musk-openai-angebot-ld.1871234",),
        "passage": "the offer was rejected within minutes",
        "language": "en",
    },
    "tracking_links.eml": {
        "location": ARTICLE_4711,  # unwrapped from Outlook Safe Links, tracking removed
        "evidence": (
            "https://www.sec.gov/Archives/edgar/data/openai-filing.htm",
            "https://www.irs.gov/charities-non-profits/search-for-tax-exempt-organizations",
        ),
        "passage": "OpenAI wurde als Aktiengesellschaft gegründet",
    },
    "alternative_stub_text.eml": {
        "location": ARTICLE_815,
        "passage": "Altman ist Mitgründer von Tesla",
        "proposed_fix": "Altman ist Mitgründer von OpenAI, nicht von Tesla",
    },
    "swiss_unquoted_unknown_charset.eml": {
        "location": ARTICLE_815,  # written as www.… without a scheme
        "passage": "9,74 Millionen",
        "proposed_fix": "9,74 Milliarden Dollar geboten",
        "language": "de",
    },
}
QUARANTINED = {"garbage.eml": "not_mail", "empty_body.eml": "no_text"}


def parse(name: str, domains: list[str] = OUTLET) -> ParsedReport:
    return mail_parse((FIXTURES / name).read_bytes(), outlet_domains=domains)


def test_the_corpus_is_complete() -> None:
    names = {path.name for path in FIXTURES.glob("*.eml")}
    assert names == set(EXPECTED) | set(QUARANTINED)
    assert len(names) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_message_yields_what_it_says(name: str) -> None:
    report = parse(name)
    got = {field: getattr(report, field) for field in EXPECTED[name]}
    assert got == EXPECTED[name]


@pytest.mark.parametrize(("name", "reason"), sorted(QUARANTINED.items()))
def test_unreadable_messages_are_quarantined_with_a_reason(name: str, reason: str) -> None:
    with pytest.raises(Quarantined) as caught:
        parse(name)
    assert caught.value.reason == reason
    assert str(caught.value)  # a message a person can read


def test_empty_input_is_quarantined() -> None:
    with pytest.raises(Quarantined) as caught:
        mail_parse(b"\r\n  \r\n", outlet_domains=OUTLET)
    assert caught.value.reason == "empty"


def test_reader_messages_are_not_automated_and_automated_ones_say_why() -> None:
    for name in EXPECTED:
        report = parse(name)
        assert report.automated == (report.automated_reason is not None), name
        assert report.automated == (name in _AUTOMATED), name


_AUTOMATED = {
    "auto_replied.eml",
    "out_of_office_exchange.eml",
    "mailing_list.eml",
    "dsn_bounce.eml",
}


def test_every_date_is_timezone_aware() -> None:
    for name in EXPECTED:
        received = parse(name).received_at
        assert received is not None, name
        assert received.utcoffset() is not None, name


def test_the_description_is_the_readers_words_without_signature_or_history() -> None:
    swiss = parse("de_swiss_three_parts.eml").description
    assert swiss.startswith("Grüezi")
    assert "Die Ziffern sind vertauscht." in swiss
    assert "brunner-texte.ch" not in swiss  # the signature
    assert (
        parse("de_swiss_three_parts.eml").evidence
        == EXPECTED["de_swiss_three_parts.eml"]["evidence"]
    )
    reply = parse("reply_with_history.eml").description
    assert "Danke für die rasche Antwort" in reply
    assert "Vielen Dank für Ihren Hinweis" not in reply
    assert "schrieb Korrektur-Desk" not in reply


def test_forwarded_content_counts_as_the_readers_material() -> None:
    attached = parse("forwarded_rfc822.eml").description
    assert attached.startswith("Leserhinweis zur Prüfung")
    assert "Der Satz lautet" in attached
    inline = parse("forwarded_inline_outlook.eml").description
    assert "Statt «9,74 Millionen Dollar»" in inline
    assert "Gesendet:" not in inline  # the forwarded header lines are not the reader's words


def test_reply_history_of_an_outlook_reply_is_dropped() -> None:
    raw = (FIXTURES / "forwarded_inline_outlook.eml").read_bytes()
    reply = raw.replace(b"Subject: WG: Korrektur", b"Subject: AW: Korrektur")
    report = mail_parse(reply, outlet_domains=OUTLET)
    assert report.description == "Bitte ansehen.\n\nSarah"
    assert report.location is None
    assert report.passage is None
    assert report.reporter == "sarah.koller@mittellaendische.ch"


def test_html_is_read_as_text_with_its_link_targets() -> None:
    report = parse("html_only.eml")
    assert "Sehr geehrte Redaktion" in report.description
    assert "<p>" not in report.description
    assert "margin" not in report.description  # style sheets are not text


def test_without_outlet_domains_every_link_is_evidence() -> None:
    report = parse("de_swiss_three_parts.eml", domains=[])
    assert report.location is None
    assert report.evidence[0] == EXPECTED["de_swiss_three_parts.eml"]["location"]


@pytest.mark.parametrize(
    "domain", ["www.mittellaendische.ch", "MITTELLAENDISCHE.CH", "https://mittellaendische.ch/"]
)
def test_outlet_domains_are_compared_without_www_case_or_scheme(domain: str) -> None:
    assert parse("html_only.eml", domains=[domain]).location == ARTICLE_815


def test_a_subdomain_of_the_outlet_counts_but_a_lookalike_does_not() -> None:
    assert parse("en_report_flowed.eml", domains=["ch"]).location is not None
    assert parse("en_report_flowed.eml", domains=["laendische.ch"]).location is None


def test_reading_twice_gives_the_same_report() -> None:
    for name in EXPECTED:
        assert parse(name) == parse(name), name


def test_the_report_as_json_holds_plain_values() -> None:
    fields = parse("de_swiss_three_parts.eml").as_json()
    assert fields["received_at"] == "2025-02-11T09:14:03+01:00"
    assert fields["evidence"] == [
        "https://www.reuters.com/technology/musk-led-group-bids-openai-2025-02-10/"
    ]


# A message is never lost: whatever arrives, mail_parse returns a report or raises
# Quarantined (the caller keeps the raw bytes) — never any other exception.


@pytest.mark.parametrize("name", sorted(set(EXPECTED) | set(QUARANTINED)))
def test_every_fixture_is_read_or_quarantined(name: str) -> None:
    _read_or_quarantine((FIXTURES / name).read_bytes())


def test_mutated_messages_are_read_or_quarantined() -> None:
    rng = random.Random(5)  # noqa: S311 -- a fixed seed makes any failure reproducible
    sources = [path.read_bytes() for path in sorted(FIXTURES.glob("*.eml"))]
    outcomes = {"read": 0, "quarantined": 0}
    for _ in range(400):
        raw = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 12)):
            _mutate(raw, rng)
        outcomes[_read_or_quarantine(bytes(raw))] += 1
    assert outcomes["read"] > 0  # mutations must not all be trivially rejected


def _mutate(raw: bytearray, rng: random.Random) -> None:
    if not raw:
        return
    position = rng.randrange(len(raw))
    kind = rng.randrange(5)
    if kind == 0:
        raw[position] = rng.randrange(256)
    elif kind == 1:
        del raw[position:]
    elif kind == 2:
        del raw[position : position + rng.randint(1, 40)]
    elif kind == 3:
        raw[position:position] = rng.choice([b"\n", b"=?", b"?=", b"\xc3", b"--", b";", b'"', b"*"])
    else:
        chunk = raw[rng.randrange(len(raw)) :][: rng.randint(1, 200)]
        raw[position:position] = chunk


def _read_or_quarantine(raw: bytes) -> str:
    """ "read" or "quarantined"; any other exception fails the test."""
    try:
        report = mail_parse(raw, outlet_domains=OUTLET)
    except Quarantined as quarantined:
        reason = quarantined.reason
    else:
        assert isinstance(report.description, str)
        assert report.language in {"de", "en"}
        return "read"
    assert reason in {"empty", "not_mail", "no_text", "unparseable"}
    return "quarantined"


def test_an_mbox_from_line_or_a_byte_order_mark_before_the_headers_is_ignored() -> None:
    raw = (FIXTURES / "en_report_flowed.eml").read_bytes()
    for prefix in (b"From jane.doe@example.org Wed Feb 12 18:40:00 2025\n", b"\xef\xbb\xbf\n"):
        assert mail_parse(prefix + raw, outlet_domains=OUTLET) == parse("en_report_flowed.eml")
