"""Keep readers' private status links out of the logs.

A status token is the only key to a reader's report page; request logs (the dev
server's access log, Django's "Not Found: /report/status/…" warnings) would otherwise
write it into every log file. The filter shortens it to its first four characters.
"""

from __future__ import annotations

import logging
import re

_PRIVATE = re.compile(
    r"(/report/(?:status|received)/|/api/v1/reports/)([A-Za-z0-9_-]{4})[A-Za-z0-9_-]+"
)


class PrivateLinks(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = _PRIVATE.sub(r"\1\2…", message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True
