"""The reply templates every installation starts with (outlet empty: for all outlets).

Subject and body are Django templates; see `desk.models.ReplyTemplate` for their
context. `{{ status_url }}` becomes each reader's own status link when sent. The
German texts avoid "ß", so they suit Swiss outlets as well. Outlets override them
in the admin with templates of their own.
"""

from __future__ import annotations

DEFAULT_REPLIES: tuple[tuple[str, str, str, str], ...] = (
    (
        "received",
        "de",
        "Ihre Korrekturmeldung an {{ outlet.name }}",
        """Guten Tag{% if reader_name %} {{ reader_name }}{% endif %}

Vielen Dank für Ihre Meldung. Die Korrekturredaktion von {{ outlet.name }} prüft sie jetzt.

Wie es weitergeht, sehen Sie jederzeit auf dieser Seite:
{{ status_url }}

Freundliche Grüsse
Korrekturredaktion {{ outlet.name }}""",
    ),
    (
        "received",
        "en",
        "Your correction request to {{ outlet.name }}",
        """Hello{% if reader_name %} {{ reader_name }}{% endif %},

Thank you for your report. The corrections desk of {{ outlet.name }} is looking into it now.

You can follow it on this page at any time:
{{ status_url }}

Kind regards,
The corrections desk of {{ outlet.name }}""",
    ),
    (
        "accepted",
        "de",
        "Wir korrigieren den Artikel – danke für Ihren Hinweis",
        """Guten Tag{% if reader_name %} {{ reader_name }}{% endif %}

Wir haben Ihre Meldung geprüft: Sie haben recht. Wir korrigieren den Artikel und weisen in ihm auf die Korrektur hin.

Danke, dass Sie uns geholfen haben, genau zu sein. Den Stand sehen Sie hier:
{{ status_url }}

Freundliche Grüsse
Korrekturredaktion {{ outlet.name }}""",
    ),
    (
        "accepted",
        "en",
        "We are correcting the article – thank you",
        """Hello{% if reader_name %} {{ reader_name }}{% endif %},

We have checked your report, and you are right. We are correcting the article and adding a note about the correction to it.

Thank you for helping us get it right. You can see where it stands here:
{{ status_url }}

Kind regards,
The corrections desk of {{ outlet.name }}""",
    ),
    (
        "rejected",
        "de",
        "Ihre Korrekturmeldung: unser Entscheid",
        """Guten Tag{% if reader_name %} {{ reader_name }}{% endif %}

Wir haben Ihre Meldung sorgfältig geprüft und lassen den Artikel so, wie er ist. Unsere Begründung:

{{ reason }}

Wenn Sie neue Belege haben, antworten Sie gern auf diese E-Mail. Den Stand sehen Sie hier:
{{ status_url }}

Freundliche Grüsse
Korrekturredaktion {{ outlet.name }}""",
    ),
    (
        "rejected",
        "en",
        "Your correction request: our decision",
        """Hello{% if reader_name %} {{ reader_name }}{% endif %},

We have checked your report carefully and are leaving the article as it is. Our reason:

{{ reason }}

If you have new evidence, please reply to this e-mail. You can see where it stands here:
{{ status_url }}

Kind regards,
The corrections desk of {{ outlet.name }}""",
    ),
    (
        "question",
        "de",
        "Eine Frage zu Ihrer Korrekturmeldung",
        """Guten Tag{% if reader_name %} {{ reader_name }}{% endif %}

Danke für Ihre Meldung. Um sie zu prüfen, haben wir eine Frage:

[Ihre Frage]

Antworten Sie einfach auf diese E-Mail. Den Stand sehen Sie hier:
{{ status_url }}

Freundliche Grüsse
Korrekturredaktion {{ outlet.name }}""",
    ),
    (
        "question",
        "en",
        "A question about your correction request",
        """Hello{% if reader_name %} {{ reader_name }}{% endif %},

Thank you for your report. To check it, we have a question:

[Your question]

Just reply to this e-mail. You can see where it stands here:
{{ status_url }}

Kind regards,
The corrections desk of {{ outlet.name }}""",
    ),
)
