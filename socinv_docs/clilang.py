"""One language per screen for the `socinv` command: click's own words (Usage, Options,
Error, "Missing argument …") and our help texts, in Swedish or English.

The language is chosen before click parses anything: `--lang` on the command line, else
the locale (LC_ALL, LC_MESSAGES, LANG: sv_* or en_*), else Swedish. Then:

- click's own strings go through gettext (`from gettext import gettext as _` in each of its
  modules). We point those module-level `_` and `ngettext` names at a lookup in the
  catalogue's table of click's message ids (messages.CLICK). A message id click adds or
  changes in a later version is simply shown in English; nothing breaks. This is simpler
  and sturdier than compiling .mo files or re-implementing click's error formatting.
- our help texts, metavars and the `--lang` default are set from the catalogue ("cli.*").

Nothing here holds user-facing text: it is all in the catalogue (messages/cli.py).
"""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import click

from socinv_docs import messages

LANGS = ("sv", "en")
_current = {"lang": "sv"}


def detect_language(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """`--lang X` / `--lang=X` among the arguments, else the locale, else Swedish."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            return value
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX precedence: the first one set decides
        value = environ.get(name)
        if value:
            return value[:2].lower() if value[:2].lower() in LANGS else "sv"
    return "sv"


def _gettext(message: str) -> str:
    if _current["lang"] == "sv":
        return messages.CLICK.get(message, message)
    return message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install(lang: str) -> None:
    """Make click's own strings speak `lang` (see the module docstring)."""
    _current["lang"] = lang if lang in LANGS else "sv"
    for name, module in list(sys.modules.items()):
        if not (name == "click" or name.startswith("click.")) or module is None:
            continue
        if getattr(module, "_", None) in (gettext.gettext, _gettext):
            module._ = _gettext
        if getattr(module, "ngettext", None) in (gettext.ngettext, _ngettext):
            module.ngettext = _ngettext


def _catalogue(key: str, lang: str, **params: object) -> str | None:
    return messages.text(key, lang, **params) if messages.has(key) else None


def help_wanted(args: Sequence[str]) -> bool:
    """Whether the command line asks for help (-h, --help before any `--`)."""
    own = list(args[:list(args).index("--")]) if "--" in args else list(args)
    return "-h" in own or "--help" in own


def loaded_choices(args: Sequence[str], lang: str) -> dict[str, list[str]]:
    """The kinds and profiles the help texts name: those of the schemas the command would
    load (`--schemas DIR`, else SOCINV_SCHEMAS, with the shipped ones), so that `check -h`
    names every funder installed. Only when help is shown (a load costs ~0.1 s from the
    cache); schemas that cannot be loaded are named by `socinv profiles` instead."""
    folder = None
    for i, arg in enumerate(args):
        if arg == "--schemas" and i + 1 < len(args):
            folder = args[i + 1]
        elif arg.startswith("--schemas="):
            folder = arg.split("=", 1)[1]
    try:
        # Only for help (see above): the loader imports every rule.
        from socinv_docs.loading import load_schemas

        schemas = load_schemas(Path(folder) if folder else None)
    except Exception:  # noqa: BLE001 (a schema error is the command's to say; help still shows)
        unknown = [messages.text("cli.see_profiles", lang)]
        return {"kinds": unknown, "profiles": unknown}
    return {"kinds": sorted(schemas.kinds), "profiles": sorted(schemas.profiles)}


def localise(command: click.Command, lang: str, path: str = "main", choices: dict | None = None) -> None:
    """Help texts, metavars and the `--lang` default of `command` and its subcommands, from
    the catalogue: "cli.<command>.doc" (and ".short" for the list of commands),
    "cli.<command>.<param>" else "cli.opt.<param>",
    "cli.metavar.<param>". A text the catalogue lacks is left as the code gives it. `choices`:
    the loaded kinds and profiles, for the texts that name them (loaded_choices)."""
    choices = choices or {}
    command.help = _catalogue(f"cli.{path}.doc", lang) or command.help
    command.short_help = _catalogue(f"cli.{path}.short", lang) or command.short_help
    command.options_metavar = _catalogue("cli.metavar.options", lang) or command.options_metavar
    if isinstance(command, click.Group):
        command.subcommand_metavar = _catalogue("cli.metavar.subcommand", lang) or command.subcommand_metavar
    for param in command.params:
        name = param.name or ""
        if isinstance(param, click.Option):
            param.help = (_catalogue(f"cli.{path}.{name}", lang, **choices)
                          or _catalogue(f"cli.opt.{name}", lang, **choices) or param.help)
            if name == "lang":
                param.default = lang  # the report speaks the language the help and errors speak
        param.metavar = _catalogue(f"cli.metavar.{name}", lang) or param.metavar
    for sub_name, sub in getattr(command, "commands", {}).items():
        localise(sub, lang, f"{path}.{sub_name}" if path != "main" else sub_name, choices)


class LocalisedGroup(click.Group):
    """The `socinv` group: picks the language, then lets click run as usual."""

    def main(self, args: Sequence[str] | None = None, *rest, **kwargs):
        argv = list(sys.argv[1:] if args is None else args)
        lang = detect_language(argv)
        install(lang)
        localise(self, lang, choices=loaded_choices(argv, lang) if help_wanted(argv) else None)
        return super().main(argv, *rest, **kwargs)
