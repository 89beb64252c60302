"""Background sending of queued e-mail."""

from __future__ import annotations

from django.tasks import task

from corrigenda.outbox import services


@task()
def message_send_task(message_id: int) -> str:
    return str(services.message_send(message_id=message_id))
