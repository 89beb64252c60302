"""A regional outlet with a corrections desk, one archived article and readers' e-mail.

Shared by the e-mail intake tests (inbound, IMAP, file import, command). The texts are
invented for these tests.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

from corrigenda.archive.models import Outlet
from corrigenda.archive.services import article_ingest, outlet_register

DESK = "korrektur@jura-kurier.ch"
ARTICLE = "https://www.jura-kurier.ch/region/birsbruecke-eroeffnet-2291"
ARTICLE_TEXT = (
    "Neue Brücke über die Birs eröffnet\n\n"
    "Nach drei Jahren Bauzeit ist die neue Fussgängerbrücke über die Birs am Samstag "
    "eröffnet worden. Die Brücke ist 84 Meter lang und hat 6,3 Millionen Franken gekostet, "
    "wie das kantonale Tiefbauamt mitteilte. Rund 1200 Personen kamen zur Eröffnungsfeier.\n\n"
    "Die Gemeinde Soyhières hatte das Projekt seit 2015 vorangetrieben. Der "
    "Gemeindepräsident sprach von einem Meilenstein für den Langsamverkehr im Tal."
)
PASSAGE = "Die Brücke ist 84 Meter lang und hat 6,3 Millionen Franken gekostet"
FIX = "Die Brücke ist 48 Meter lang"
EVIDENCE = "https://www.jura.ch/tiefbauamt/medienmitteilung-birsbruecke"
READER = "beat.aebischer@example.ch"

# Another outlet whose articles the archive holds for comparison (no desk of its own).
OTHER_ARTICLE = "https://www.birstal-anzeiger.ch/lokal/neue-bruecke-48-meter-117"


def desk_outlet() -> Outlet:
    """The outlet with its desk and the archived article (needs the database)."""
    outlet = outlet_register(
        slug="jura-kurier",
        name="Jura-Kurier",
        desk_email=DESK,
        domains=("jura-kurier.ch",),
    )
    article_ingest(url=ARTICLE, text=ARTICLE_TEXT, outlet=outlet)
    outlet_register(
        slug="birstal-anzeiger", name="Birstal-Anzeiger", domains=("birstal-anzeiger.ch",)
    )
    return outlet


def reader_mail(
    *,
    message_id: str | None = "<birs-2291@example.ch>",
    sender: str = READER,
    body: str | None = None,
    headers: str = "",
    to: str = f"Korrektur Jura-Kurier <{DESK}>",
) -> bytes:
    """A reader's German report: the article link, the quoted passage, the fix, a source."""
    if body is None:
        body = (
            "Guten Tag\n\n"
            f"In Ihrem Artikel {ARTICLE}?utm_source=newsletter&utm_medium=email steht:\n\n"
            f"„{PASSAGE}“\n\n"
            f"Richtig ist: {FIX}. So steht es auch in der Mitteilung des Kantons:\n"
            f"{EVIDENCE}\n\n"
            "Freundliche Grüsse\n"
            "Beat Aebischer\n"
        )
    date = format_datetime(datetime(2025, 6, 2, 7, 12, 44, tzinfo=UTC))
    lines = [
        f"From: Beat Aebischer <{sender}>",
        f"To: {to}",
        "Subject: Fehler im Artikel =?utf-8?q?=C3=BCber?= die =?utf-8?q?Birsbr=C3=BCcke?=",
        f"Date: {date}",
        *([f"Message-ID: {message_id}"] if message_id else []),
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        *([headers] if headers else []),
        "",
        body,
    ]
    return "\r\n".join(lines).replace("\r\n", "\n").replace("\n", "\r\n").encode()


def auto_reply(message_id: str = "<ooo-77@example.ch>") -> bytes:
    """An out-of-office answer that quotes the article link: never a report, never answered."""
    return reader_mail(
        message_id=message_id,
        headers="Auto-Submitted: auto-replied",
        body=(
            "Ich bin bis am 10. Juni abwesend und lese meine E-Mails nicht.\n\n"
            f"> Ihr Artikel {ARTICLE}\n"
        ),
    )


# Not an e-mail at all: no header fields.
NOT_MAIL = "Das ist keine E-Mail, nur ein Stück Text ohne Kopfzeilen.\r\n".encode()
