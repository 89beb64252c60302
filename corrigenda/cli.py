"""The `corrigenda` console command: Django's management commands under one name.

`corrigenda serve`, `corrigenda ingest …`, `corrigenda worker` and so on are
management commands; this entry point only selects the settings module.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corrigenda.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["corrigenda", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
