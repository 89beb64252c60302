"""Signals of intake, sent inside the transaction that stores the change.

`report_filed(report=…)`: a report was stored, or its passage was anchored later by
the worker. Receivers (the desk's pre-check) write their follow-up work as rows in the
same transaction, so a crash cannot separate the report from its check.
"""

from django.dispatch import Signal

report_filed = Signal()
