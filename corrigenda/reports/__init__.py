"""Reader reports: what readers send about an article and how it reaches the desk.

`corrigenda.reports.mail` is pure Python (no Django): it reads one e-mail message into
a `ParsedReport` — location, passage, proposed fix, evidence — or quarantines it.
"""
