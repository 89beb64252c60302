"""The outbox: every e-mail corrigenda sends is first a row, written in the transaction
of the change that caused it, then sent by a background task (retried on failure)."""
