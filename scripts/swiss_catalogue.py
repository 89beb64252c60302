"""Write the Swiss German catalogue (de_CH) from the German one: every ß becomes ss.

Run by `make messages` after the German catalogue changed; tests/web/test_i18n.py
fails when the two are out of step.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po, write_po

from corrigenda.archive.spelling import swiss

LOCALE = Path(__file__).resolve().parent.parent / "corrigenda" / "locale"
GERMAN = LOCALE / "de" / "LC_MESSAGES" / "django.po"
SWISS = LOCALE / "de_CH" / "LC_MESSAGES" / "django.po"


def swiss_catalogue() -> bytes:
    """The de_CH catalogue as .po bytes."""
    import io

    with GERMAN.open("rb") as file:
        catalog = read_po(file, locale="de_CH")
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if not message.id or any("ß" in i for i in ids):  # text about the letter itself
            continue
        if isinstance(message.string, tuple):
            message.string = tuple(swiss(s) for s in message.string)
        elif isinstance(message.string, str):
            message.string = swiss(message.string)
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False)
    return out.getvalue()


def main() -> None:
    SWISS.parent.mkdir(parents=True, exist_ok=True)
    SWISS.write_bytes(swiss_catalogue())
    print("wrote", SWISS)


if __name__ == "__main__":
    main()
