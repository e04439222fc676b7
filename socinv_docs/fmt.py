"""Numbers for people: '1 250 000 kr', '2,5' (Swedish), '2.5' (English). Used by the message
catalogue and the renderers; nothing else formats a number for a reader."""

from __future__ import annotations


def kronor(amount: float | int | None, lang: str = "sv") -> str:
    """Amounts are printed Swedish style in every language (SPEC §1): '1 250 000 kr'."""
    if amount is None or isinstance(amount, bool):
        return "–"
    return f"{int(round(amount)):,}".replace(",", " ") + " kr"


def number(value: float | int | None, decimals: int = 2, lang: str = "sv") -> str:
    if value is None or isinstance(value, bool):
        return "–"
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    if lang == "en":
        return text
    return text.replace(",", " ").replace(".", ",")


def percent(share: float | None, lang: str = "sv") -> str:
    """A share as a percentage: 0.5 -> '50 %' (Swedish), '50%' (English)."""
    if share is None or isinstance(share, bool):
        return "–"
    text = number(share * 100, 1, lang=lang)
    return f"{text}%" if lang == "en" else f"{text} %"
