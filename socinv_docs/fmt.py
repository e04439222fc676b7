"""Numbers the Swedish way: '1 250 000 kr', '2,5'. Used by messages and renderers."""

from __future__ import annotations


def kronor(amount: float | int | None) -> str:
    if amount is None:
        return "–"
    return f"{int(round(amount)):,}".replace(",", " ") + " kr"


def number(value: float | int | None, decimals: int = 2) -> str:
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",")
