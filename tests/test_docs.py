"""Every setting and every CLI command is documented (a test keeps it so)."""

import re
from pathlib import Path

from django.core.management import get_commands, load_command_class

REPO = Path(__file__).resolve().parent.parent


def test_every_environment_variable_read_by_the_settings_is_documented() -> None:
    source = (REPO / "corrigenda" / "settings.py").read_text()
    names = set(
        re.findall(r"""(?:os\.environ\.get|env_bool|env_list|env_sockets)\(\s*"([A-Z_]+)""", source)
    )
    documented = set(
        re.findall(r"^\| `([A-Z_]+)` \|", (REPO / "docs/settings.md").read_text(), re.M)
    )
    assert names, "no environment variables found: the pattern is out of date"
    assert names - documented == set(), "undocumented settings"
    assert documented - names == set(), "documented settings that no longer exist"


def test_every_corrigenda_command_and_option_is_documented() -> None:
    docs = (REPO / "docs" / "cli.md").read_text()
    ours = {name: app for name, app in get_commands().items() if app.startswith("corrigenda.")}
    assert "serve" in ours
    for name, app in ours.items():
        assert f"### `corrigenda {name}`" in docs, f"command {name} is not in docs/cli.md"
        parser = load_command_class(app, name).create_parser("corrigenda", name)
        section = docs.split(f"### `corrigenda {name}`", 1)[1].split("\n### ", 1)[0]
        for action in parser._actions:
            own = [o for o in action.option_strings if o.startswith("--")]
            if not own or action.dest in _DJANGO_COMMON:
                continue
            assert any(o in section for o in own), f"{name}: option {own[0]} undocumented"


# Options every Django command has; documented once at the top of docs/cli.md.
_DJANGO_COMMON = {
    "help",
    "version",
    "verbosity",
    "settings",
    "pythonpath",
    "traceback",
    "no_color",
    "force_color",
    "skip_checks",
}
