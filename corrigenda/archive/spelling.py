"""Swiss outlets write "ss" where German elsewhere writes "ß" (a per-outlet setting).

Reader-facing text (the report form, status pages, e-mails to readers, notices) is
rendered in the locale `reader_locale` gives: "de-ch" for a Swiss outlet's German, whose
catalogue is the German one with every ß spelled ss (scripts/swiss_catalogue.py).
"""

from __future__ import annotations

SWISS = "swiss"


def reader_locale(language: str, spelling: str) -> str:
    """The locale for `language` at an outlet with `spelling` ("standard" or "swiss")."""
    if language.split("-")[0].lower() == "de" and spelling == SWISS:
        return "de-ch"
    return language


def swiss(text: str) -> str:
    """German text in Swiss spelling."""
    return text.replace("ß", "ss").replace("ẞ", "SS")
