"""What the archive announces to the stages after it, without importing them.

`version_archived` is sent by `article_ingest` inside its transaction, after a new
version is written. Receivers must only write rows (enqueue a task): that keeps the
follow-up work in the same transaction and the logic in the receiver's own services.
"""

from django.dispatch import Signal

# Sent with `version=` (an ArticleVersion) inside the ingest transaction.
version_archived = Signal()
