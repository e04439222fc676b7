"""Reading typed values the way applicants write them: amounts, percents, periods, durations.

Each parser returns None when the text cannot be read; the caller turns that into
FIELD_INVALID. None of them raises on any input.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

from socinv_docs.extract.text import fold

DASHES = "-–—‐‑−"
_DASH_CLASS = "[" + re.escape(DASHES) + "]"

NUMBER_WORDS = {
    "ett": 1, "en": 1, "ettan": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "atta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "arton": 18, "tjugofyra": 24,
    "trettiosex": 36, "halvt": 0.5, "halvår": 0.5,
}

MONTHS = {
    "jan": 1, "januari": 1, "feb": 2, "februari": 2, "mar": 3, "mars": 3, "apr": 4, "april": 4,
    "maj": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "augusti": 8, "sep": 9,
    "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}


def _to_float(text: str) -> float | None:
    """'3 600 000', '3.600.000', '3,6', '1 250,50' → float."""
    t = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    t = re.sub(r"(?<=\d) (?=\d{3}\b)", "", t)  # thousands separated by spaces
    t = t.replace(" ", "")
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", t):  # 3.600.000
        t = t.replace(".", "")
    elif re.fullmatch(r"[+-]?\d{1,3}(,\d{3}){2,}", t):  # 3,600,000
        t = t.replace(",", "")
    elif re.fullmatch(r"[+-]?\d+(\.\d{3})+,\d+", t):  # 1.250,50
        t = t.replace(".", "").replace(",", ".")
    else:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


_AMOUNT = re.compile(
    r"^(?P<num>[+-]?\d[\d\s\u00a0\u202f.,]*)\s*(?P<unit>mkr|msek|miljoner|miljon|mnkr|milj|tkr|tsek|tusen|kkr|kr|sek|kronor|:-)?\.?$"
)


# Every kind of space Word and Excel put between digits: no-break, narrow no-break, thin,
# figure space.
_SPACES = re.compile(r"[\u00a0\u202f\u2009\u2007\u2002\u2003]")
_APPROX = re.compile(r"^(?:ca\.?|cirka|circa|omkring|ungefär|drygt|knappt|totalt|summa:?)\s+")


def _plain(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def parse_amount(text: str) -> int | None:
    """An amount in kronor: '3 600 000 kr', '3,6 mkr', '3 600 tkr', '3.600.000',
    'ca 3 600 000', 'SEK 3 600 000', '3,6 miljoner kronor'."""
    t = _plain(text).lower().replace("kr.", "kr").rstrip(":-").strip()
    t = _APPROX.sub("", t)
    t = re.sub(r"^(?:sek|kr)\s*", "", t)
    t = re.sub(r"\s+(?:kronor|kr|sek)$", "", t) if re.search(r"(miljon|miljoner|milj|tusen)\s+(kronor|kr|sek)$", t) else t
    t = re.sub(r"\s*:-$", "", t)
    m = _AMOUNT.match(t)
    if not m:
        return None
    value = _to_float(m.group("num"))
    if value is None:
        return None
    unit = m.group("unit") or ""
    if unit in ("mkr", "msek", "miljoner", "miljon", "mnkr", "milj"):
        value *= 1_000_000
    elif unit in ("tkr", "tsek", "tusen", "kkr"):
        value *= 1_000
    return int(round(value))


# A number written with a unit that is not kronor: a currency, hours, a percentage. Never read
# as kronor (a sum in euros or hours added to kronor is a wrong sum): the finding names the
# unit instead. One token, letters or a currency sign, before or after the number.
_UNIT_TOKEN = r"(?:[A-Za-zÅÄÖåäöÉé]{1,12}\.?|[€$£¥%])"
_FOREIGN_AFTER = re.compile(r"^[+-]?\d[\d\s.,]*?\s*(?P<unit>" + _UNIT_TOKEN + r")$")
_FOREIGN_BEFORE = re.compile(r"^(?P<unit>" + _UNIT_TOKEN + r")\s*[+-]?\d[\d\s.,]*$")


def foreign_unit(text: str) -> str | None:
    """The unit of an amount that is not in kronor, as written: '350 EUR' → 'EUR',
    '12 000 dollar' → 'dollar', '40 timmar' → 'timmar', '€350' → '€'. None when the text is
    kronor (parse_amount reads it) or not a number with one unit ('ungefär tre miljoner')."""
    if parse_amount(text) is not None:
        return None
    t = _APPROX.sub("", _plain(text).lower()).strip()
    m = _FOREIGN_AFTER.match(t) or _FOREIGN_BEFORE.match(t)
    if not m:
        return None
    unit = m.group("unit").rstrip(".")
    start = _plain(text).lower().find(unit)  # the unit as the applicant wrote it (EUR, not eur)
    return _plain(text)[start:start + len(unit)] if start >= 0 else unit


_TIME_WORDS = {"heltid": 100.0, "halvtid": 50.0, "kvartstid": 25.0, "trekvartstid": 75.0}


def parse_percent(text: str) -> float | None:
    """'50 %', '50', '0,5', '25 procent', 'halvtid' → percent of full time."""
    t = _plain(text).lower().rstrip(".")
    if t in _TIME_WORDS:
        return _TIME_WORDS[t]
    m = re.fullmatch(r"([+-]?\d+(?:[.,]\d+)?)\s*(%|procent|pct)?(?:\s*av heltid)?", t)
    if not m:
        return None
    value = _to_float(m.group(1))
    if value is None:
        return None
    if not m.group(2) and value <= 1 and re.search(r"[.,]", m.group(1)):
        value *= 100  # "0,5" means half time
    return round(value, 4)


# -- dates and periods ------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_MONTH_YEAR = re.compile(r"([a-zåäö]+)\.?\s*(\d{4})")
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")


def _date(text: str, end: bool) -> dt.date | None:
    t = text.strip().lower()
    m = _ISO.fullmatch(t)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})", t)  # "1 januari 2026"
    if m and m.group(2) in MONTHS:
        try:
            return dt.date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
        except ValueError:
            return None
    m = _MONTH_YEAR.fullmatch(t)
    if m and m.group(1) in MONTHS:
        year, month = int(m.group(2)), MONTHS[m.group(1)]
        return dt.date(year, month, monthrange(year, month)[1] if end else 1)
    m = re.fullmatch(r"(\d{4})[-/](\d{1,2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        year, month = int(m.group(1)), int(m.group(2))
        return dt.date(year, month, monthrange(year, month)[1] if end else 1)
    m = _YEAR.fullmatch(t)
    if m:
        year = int(m.group(1))
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    return None


def parse_period(text: str) -> dict | None:
    """'2026-01-01 – 2028-12-31', 'jan 2026 – dec 2028', '2026–2028' → {'start','end'}."""
    t = " ".join(_plain(text).split()).strip().rstrip(".")
    t = re.sub(r"^(fr\.?o\.?m\.?|från|from)\s+", "", t, flags=re.IGNORECASE)
    parts = re.split(r"\s+(?:" + _DASH_CLASS + r"|till|t\.o\.m\.?|tom|to)\s+", t, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) != 2:
        # "2026–2028" or "2026-01-01–2028-12-31" without spaces
        m = re.fullmatch(r"(.+?\d)\s*" + _DASH_CLASS + r"\s*([a-zåäö0-9].*)", t, flags=re.IGNORECASE)
        if not m:
            return None
        candidates = []
        # A hyphen also separates ISO date parts: try each dash as the split point.
        for pos in [i for i, ch in enumerate(t) if ch in DASHES]:
            candidates.append((t[:pos], t[pos + 1:]))
        for left, right in candidates:
            start, end = _date(left, end=False), _date(right, end=True)
            if start and end:
                parts = [left, right]
                break
        else:
            return None
    start, end = _date(parts[0], end=False), _date(parts[1], end=True)
    if not start or not end or end < start:
        return None
    return {"start": start.isoformat(), "end": end.isoformat()}


def period_years(period: dict) -> float:
    """Length of an inclusive period in years: 2026-01-01 – 2027-12-31 is exactly 2.0."""
    start = dt.date.fromisoformat(period["start"])
    end = dt.date.fromisoformat(period["end"]) + dt.timedelta(days=1)
    months = (end.year - start.year) * 12 + (end.month - start.month)
    days = end.day - start.day
    if days < 0:
        months -= 1
        prev_month_end = end.replace(day=1) - dt.timedelta(days=1)
        days += prev_month_end.day
    return round((months + days / 30.4375) / 12, 6)


def parse_date(text: str) -> str | None:
    """A day, as ISO: '2027-09-15', '15 september 2027', '2027/09/15' → '2027-09-15'."""
    t = " ".join(_plain(text).split()).rstrip(".")
    if not re.search(r"\d{1,2}\D+\d{1,2}\D+\d{4}|\d{4}\D\d{1,2}\D\d{1,2}|\d{1,2} [a-zåäö]+\.? \d{4}", t.lower()):
        return None  # a month or a year alone is no date
    day = _date(t, end=False)
    return day.isoformat() if day else None


# -- report periods ---------------------------------------------------------------------

# What a redovisning covers (SPEC §9): delår 2 ("Delår 2 2027", "delårsrapport 2, 2027") or
# the whole year ("Helår 2027", "årsbokslut 2027"). The ids are those of a profile's
# follow-up schedule (`period: delar2`, `period: helar`).
_INTERIM = re.compile(r"\bdelars?\w*\s*(?:nr\s*)?([1-3]|ett|tva|tre)\b")
_INTERIM_NUMBER = {"ett": "1", "tva": "2", "tre": "3"}
_FULL_YEAR = re.compile(r"\b(?:helar\w*|arsbokslut\w*|bokslut\w*|arsredovisning\w*|helarsredovisning\w*|"
                        r"arsrapport\w*)\b")


def parse_report_period(text: str) -> dict | None:
    """{'period': 'delar2', 'year': 2027} from 'Delår 2 2027', 'delår 2, 2027', '2027 delår 2',
    'Delårsrapport 2/2027'; {'period': 'helar', 'year': 2027} from 'Helår 2027', 'helåret
    2027', 'Årsbokslut 2027'. None without exactly one year, or without a period word."""
    folded = fold(text)
    years = _YEAR.findall(folded)
    if len(set(years)) != 1:
        return None
    rest = _YEAR.sub(" ", folded)
    interim = _INTERIM.search(rest)
    full = _FULL_YEAR.search(rest)
    if bool(interim) == bool(full):
        return None  # neither, or both: not one period
    period = f"delar{_INTERIM_NUMBER.get(interim.group(1), interim.group(1))}" if interim else "helar"
    return {"period": period, "year": int(years[0])}


# -- durations ------------------------------------------------------------------------

_UNIT_YEARS = {"ar": 1.0, "aren": 1.0, "aret": 1.0, "ars": 1.0, "manad": 1 / 12, "manader": 1 / 12, "man": 1 / 12,
               "veckor": 1 / 52, "vecka": 1 / 52, "terminer": 0.5, "termin": 0.5, "lasar": 1.0}
_NUM = r"\d+(?:[.,]\d+)?"


def parse_duration(text: str) -> float | None:
    """Years from '3 år', 'två år', '24 månader', '2019–2021', '1,5 år', 'ett och ett halvt år'."""
    if not text.strip():
        return None
    period = None
    for candidate in re.findall(r"\d{4}(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?\s*[" + DASHES + r"]\s*\d{4}(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?", text):
        period = parse_period(candidate)
        if period:
            return round(period_years(period), 4)
    folded = fold(text)
    # "ett och ett halvt år", "två och ett halvt år"
    m = re.search(r"\b(\w+) och ett halvt ar\b", folded)
    if m and m.group(1) in NUMBER_WORDS:
        return NUMBER_WORDS[m.group(1)] + 0.5
    if re.search(r"\bett halvt ar\b|\bhalvar\b", folded):
        return 0.5
    tokens = folded.split()
    total = None
    last = -10
    for index, number, unit in _number_units(tokens, text):
        joined = index == last + 1 or (index == last + 2 and tokens[last + 1] == "och")
        if total is not None and not joined:
            break  # only "2 år (och) 6 månader" adds up, not a second period later in the text
        total = (total or 0.0) + number * _UNIT_YEARS[unit]
        last = index + 1
        if unit not in ("ar", "aren", "aret", "ars"):
            break  # years, then one smaller unit
    return round(total, 4) if total is not None else None


def _number_units(tokens: list[str], text: str):
    """(token index, number, unit) in the order written: '2 år och 6 månader' → (0, 2, ar), (3, 6, manader)."""
    for i, tok in enumerate(tokens[:-1]):
        unit = tokens[i + 1]
        if unit not in _UNIT_YEARS:
            continue
        if re.fullmatch(r"\d+", tok):
            # fold() split "1,5" into "1 5": look back for the decimal part
            if i >= 1 and re.fullmatch(r"\d+", tokens[i - 1]) and re.search(
                    re.escape(tokens[i - 1]) + r"[.,]" + re.escape(tok), text):
                number = float(f"{tokens[i - 1]}.{tok}")
            else:
                number = float(tok)
        elif tok in NUMBER_WORDS:
            number = NUMBER_WORDS[tok]
        else:
            continue
        yield i, number, unit


# -- table cells ------------------------------------------------------------------------

# A cell left blank on purpose: nothing to count, and nothing wrong either.
_NO_VALUE = ("-", "–", "—")


def cell_amount(text: str) -> tuple[int | None, bool]:
    """(kronor, readable) of a table cell: an empty cell or a dash is readable and no amount
    (a year without lokaler), "0" is 0 kr."""
    t = text.strip()
    if not t or t in _NO_VALUE or t == "0":
        return (0 if t == "0" else None), True
    value = parse_amount(t)
    return value, value is not None


def cell_number(text: str, unit: str) -> tuple[float | None, bool]:
    """(number, readable) of a table cell of years ("10", "8 år", "tio år") or hours ("200",
    "200 timmar", "200 h"); an empty cell is readable and no number."""
    t = text.strip()
    if not t:
        return None, True
    m = re.fullmatch(rf"(\d+(?:[.,]\d+)?)\s*(?:{unit}|h|tim|timmar)?", t, flags=re.IGNORECASE)
    if m:
        return float(m.group(1).replace(",", ".")), True
    value = parse_duration(t) if unit == "år" else None
    return value, value is not None


def parse_cell(type_: str, text: str) -> tuple[object, bool]:
    """(value, readable) of a table cell of a column type (schema.ColumnType): kronor for
    `amount`, years for `duration`, hours for `hours`, the text itself for `text`."""
    if type_ == "amount":
        return cell_amount(text)
    if type_ == "duration":
        return cell_number(text, "år")
    if type_ == "hours":
        return cell_number(text, "timmar")
    if type_ == "text":
        return text, True
    raise ValueError(f"unknown column type {type_}")


def parse_calendar_year(text: str) -> int | None:
    """The one calendar year a cell names: "2027", "2027 (år 2)" → 2027; None for none
    ("År 1") or several ("2026–2027")."""
    years = set(_YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else None


_PROJECT_YEAR = re.compile(r"^(?:år|year)\s*(\d{1,2})\b", re.IGNORECASE)


def parse_budget_year(label: str) -> tuple[int | None, int | None]:
    """(project year, calendar year) a budget row's label names: "År 2" → (2, None), "2027"
    → (None, 2027), "År 1 (2027)" → (1, 2027); (None, None) for anything else ("Totalt")."""
    t = _plain(label)
    project = _PROJECT_YEAR.match(t)
    calendar = _YEAR.search(t)
    return (int(project.group(1)) if project else None), (int(calendar.group(1)) if calendar else None)


# -- measures of a follow-up report (SPEC §9) ---------------------------------------------

# A term: vårterminen ends in June, höstterminen in December ("vt 2028", "HT-27" is not read).
_TERM = re.compile(r"^(vt|vart|varterminen|ht|host|hostterminen)\s*(\d{4})$")


def parse_time_point(text: str) -> dt.date | None:
    """The last day of the time a measure's tidpunkt names: '2028-06' → 2028-06-30,
    '2028-06-15', 'juni 2028' → 2028-06-30, '2028' → 2028-12-31, 'vt 2028' → 2028-06-30,
    'ht 2027' → 2027-12-31. None for anything else ('efter avslut')."""
    t = " ".join(_plain(text).split()).rstrip(".")
    if not t:
        return None
    term = _TERM.fullmatch(fold(t))
    if term:
        year = int(term.group(2))
        return dt.date(year, 6, 30) if term.group(1).startswith("v") else dt.date(year, 12, 31)
    return _date(t, end=True)


# A measure's value as people write it: a number at the start, a per cent sign or word after
# it, then anything that is no number of its own ("62 % (vt 2025)", "45 elever").
_MEASURE = re.compile(r"^(?:ca\.?|cirka|circa|omkring|ungefär|drygt|knappt)?\s*"
                      r"(?P<num>[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|[+-]?\d+(?:[.,]\d+)?)"
                      r"\s*(?P<pct>%|procent\b)?(?P<rest>.*)$", re.IGNORECASE)


def parse_measure_value(text: str) -> tuple[float, bool] | None:
    """(number, is a percentage) of a measure's basmätning, målvärde or utfall: '72 %' →
    (72.0, True), '45' → (45.0, False), '62 % (vt 2025)' → (62.0, True), '1 200 besök' →
    (1200.0, False). None when it does not begin with one number ('Ej mätt', '2027: 45',
    '40–50')."""
    m = _MEASURE.match(_plain(text))
    if not m:
        return None
    rest = m.group("rest").strip()
    if rest and (rest[0] in ":-–—/" or re.match(r"^[.,]?\d", rest)):
        return None  # a number of a list, a range or a date, not a value
    value = _to_float(m.group("num"))
    return (value, bool(m.group("pct"))) if value is not None else None


def track_named(text: str, tracks: dict) -> str | None:
    """The track a form's track field names (profile `tracks`: id -> schema.Track): the one
    whose id, name or one of whose words the whole value is, with case, accents and
    punctuation folded ("spår a" is "Spår A"). None when it names none: never a guess, and
    never a tie (the loader keeps different tracks' words apart)."""
    said = fold(text)
    if not said:
        return None
    return next((track_id for track_id, track in tracks.items()
                 if said in {fold(word) for word in (track_id, track.name or "", *track.words) if word}), None)
