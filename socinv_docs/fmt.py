"""Numbers for people, as CLDR writes them (through Babel): '1 250 000 kr', '2,5' in Swedish,
'2.5' in English, and which plural form a count takes. The message catalogue and the
renderers use these; nothing else formats a number for a reader.

Amounts in kronor are printed Swedish style in every language (SPEC §1), with no-break
spaces, so that '1 250 000 kr' never wraps in a memo, a register cell or a terminal.

Babel is imported when the first number is formatted, not when the program starts: its
import and locale data cost tens of milliseconds that `socinv --help` should not pay.
"""

from __future__ import annotations

from functools import cache

NBSP = "\u00a0"
LOCALES = {"sv": "sv_SE", "en": "en"}  # the languages of the catalogue -> CLDR locales


@cache
def _locale(lang: str):
    from babel import Locale

    return Locale.parse(LOCALES.get(lang, LOCALES["sv"]))


def _decimal(value: float | int, pattern: str, lang: str) -> str:
    from babel.numbers import format_decimal

    # CLDR's Swedish group separator is already a no-break space; English groups with ','.
    return format_decimal(value, format=pattern, locale=_locale(lang))


def kronor(amount: float | int | None, lang: str = "sv") -> str:
    """'1 250 000 kr' (no-break spaces) in every language (SPEC §1), rounded to whole kronor."""
    if amount is None or isinstance(amount, bool):
        return "–"
    return _decimal(round(amount), "#,##0", "sv") + NBSP + "kr"


def number(value: float | int | None, decimals: int = 2, lang: str = "sv") -> str:
    """A number in the reader's language, at most `decimals` decimals: '2,5' / '2.5', '12 000'."""
    if value is None or isinstance(value, bool):
        return "–"
    return _decimal(value, "#,##0" + ("." + "#" * decimals if decimals > 0 else ""), lang)


def percent(share: float | None, lang: str = "sv") -> str:
    """A share as a percentage in the language's own pattern, one decimal at most: 0.5 ->
    '50 %' (Swedish, with a no-break space), '50%' (English)."""
    if share is None or isinstance(share, bool):
        return "–"
    from babel.numbers import format_percent

    pattern = _locale(lang).percent_formats[None].pattern.replace("0", "0.#", 1)
    return format_percent(share, format=pattern, locale=_locale(lang))


def long_date(day, lang: str = "sv") -> str:
    """A date as the language writes it in running text: '5 december 2026', 'December 5, 2026'."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=_locale(lang))


def plural_form(n: int | float, lang: str = "sv") -> str:
    """The CLDR plural category of `n` in the language: 'one' or 'other' for Swedish and English."""
    return _locale(lang).plural_form(abs(n))
