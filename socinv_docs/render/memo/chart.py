"""A small bar chart in a memo: a native Word chart, an inline SVG in HTML, its alt text
elsewhere. It knows bars and their numbers, nothing of what they are about.

In Word the chart is a real chart part (DrawingML, `word/charts/chartN.xml`) with its data
in an embedded workbook, as Word itself saves one: the reader can restyle it and edit its
data (Word's "Edit data", LibreOffice's data table), and the drawing carries the alt text
(`descr`) a screen reader says. In HTML it is an `<svg role="img">` with a `<title>` and
`<desc>`. Neither is the only way to the numbers: a template shows the same rows in a table
beside it, and Markdown has only the table.

A template prints it as any value (`{{ chart.picture }}`): Jinja asks the value for its
`__html__`, which gives the Word drawing while a Word memo is being filled in (`drawing_in`,
set by fill.py around docxtpl's render) and the SVG otherwise. Every text in it — a
satsning's name is the applicant's — is escaped for XML here; none is template source.
"""

from __future__ import annotations

import contextvars
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr as xml_quoteattr

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from markupsafe import Markup
from openpyxl import Workbook

from socinv_docs.fmt import kronor

# What XML cannot hold (a Word or Excel file never gives it, a name typed elsewhere might).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEMPLATE: contextvars.ContextVar = contextvars.ContextVar("word_template", default=None)

# Two series a reader tells apart in grey too (light and dark), with their numbers beside them.
COLOURS = ("9DB3DE", "2F5496")
# Amounts as Swedish writes them whatever the reader's locale ("1 500 000"): the format code's
# locale prefix (LCID 0x41D, Swedish), which Word and LibreOffice both honour.
_AMOUNT = {"sv": "[$-41D]#,##0", "en": "[$-41D]#,##0"}
EMU_PER_CM = 360_000


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int | None, ...]  # one per category; None: no bar


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one group per category (top to bottom in the categories' order)."""

    title: str
    alt: str  # the text alternative: what the chart shows, in words
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    lang: str = "sv"

    def __bool__(self) -> bool:
        return bool(self.categories)

    def __str__(self) -> str:  # Markdown and plain text: the words, never a picture
        return self.alt

    def __html__(self) -> str:
        tpl = _TEMPLATE.get()
        if tpl is not None:
            return word_drawing(self, tpl.current_rendering_part)
        return svg(self)


@contextmanager
def drawing_in(tpl) -> Iterator[None]:
    """While docxtpl fills in `tpl`, a chart printed by the template becomes a Word chart."""
    token = _TEMPLATE.set(tpl)
    try:
        yield
    finally:
        _TEMPLATE.reset(token)


def escape(text: str) -> str:
    return xml_escape(_NOT_XML.sub("", text))


def quoteattr(text: str) -> str:
    return xml_quoteattr(_NOT_XML.sub("", text))


# -- HTML ------------------------------------------------------------------------------------------

_SVG_WIDTH, _BAR, _GAP, _LABEL = 640, 14, 4, 18


def svg(chart: BarChart) -> Markup:
    """An inline SVG: a legend, then per category its name and one bar per series with its
    amount written after it."""
    biggest = max((v for s in chart.series for v in s.values if v), default=0) or 1
    room = _SVG_WIDTH - 170  # the longest bar, leaving room for its amount
    parts: list[str] = []
    x = 0
    for n, series in enumerate(chart.series):
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="#{COLOURS[n % 2]}"/>'
                     f'<text x="{x + 16}" y="14">{escape(series.name)}</text>')
        x += 24 + 8 * len(series.name)
    y = 34
    for i, category in enumerate(chart.categories):
        parts.append(f'<text x="0" y="{y + 12}" font-weight="bold">{escape(category)}</text>')
        y += _LABEL
        for n, series in enumerate(chart.series):
            value = series.values[i]
            width = round(room * (value or 0) / biggest)
            parts.append(f'<rect x="0" y="{y}" width="{width}" height="{_BAR}" fill="#{COLOURS[n % 2]}"/>'
                         f'<text x="{width + 6}" y="{y + 11}">{escape(kronor(value) if value is not None else "–")}'
                         f'</text>')
            y += _BAR + _GAP
        y += 10
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" '
        f'width="{_SVG_WIDTH}" height="{y}" viewBox="0 0 {_SVG_WIDTH} {y}" font-family="Calibri, Carlito, Arial, '
        f'sans-serif" font-size="12"><title id="chart-title">{escape(chart.title)}</title>'
        f'<desc id="chart-desc">{escape(chart.alt)}</desc>{"".join(parts)}</svg>')


# -- Word ------------------------------------------------------------------------------------------

_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET = "Data"


def _column(n: int) -> str:
    return chr(ord("A") + n)


def _workbook(chart: BarChart) -> bytes:
    """The chart's data as Word keeps it: a workbook embedded in the document."""
    wb = Workbook()
    ws = wb.active
    ws.title = _SHEET
    ws.append(["", *(s.name for s in chart.series)])
    for i, category in enumerate(chart.categories):
        ws.append([category, *(s.values[i] for s in chart.series)])
    ws.column_dimensions["A"].width = max((len(c) for c in chart.categories), default=10) + 2
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _strings(ref: str, values: list[str]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{escape(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return f"<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val=\"{len(values)}\"/>{points}</c:strCache></c:strRef>"


def _numbers(ref: str, values: tuple[int | None, ...], code: str) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values) if v is not None)
    return (f'<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>{escape(code)}</c:formatCode>'
            f'<c:ptCount val="{len(values)}"/>{points}</c:numCache></c:numRef>')


def _text_props(size: int) -> str:
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"/></a:pPr>'
            f'<a:endParaRPr lang="sv-SE"/></a:p></c:txPr>')


def chart_xml(chart: BarChart, workbook_rid: str) -> bytes:
    """The chart part: clustered horizontal bars, the first category at the top, the amounts
    written at the bars (so no axis of amounts), the legend below; the numbers cached so that
    it shows without opening the embedded workbook."""
    n = len(chart.categories)
    code = escape(_AMOUNT.get(chart.lang, _AMOUNT["sv"]))
    categories = f"{_SHEET}!$A$2:$A${n + 1}"
    series = []
    for k, s in enumerate(chart.series):
        col = _column(k + 1)
        series.append(
            f'<c:ser><c:idx val="{k}"/><c:order val="{k}"/>'
            f'<c:tx>{_strings(f"{_SHEET}!${col}$1", [s.name])}</c:tx>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{COLOURS[k % 2]}"/></a:solidFill></c:spPr>'
            f'<c:invertIfNegative val="0"/>'
            f'<c:dLbls><c:numFmt formatCode="{code}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln>'
            f'</c:spPr>{_text_props(800)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
            f'<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
            f'<c:showBubbleSize val="0"/></c:dLbls>'
            f'<c:cat>{_strings(categories, list(chart.categories))}</c:cat>'
            f'<c:val>{_numbers(f"{_SHEET}!${col}$2:${col}${n + 1}", s.values, code)}</c:val></c:ser>')
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}" xmlns:r="{_R}">'
        f'<c:date1904 val="0"/><c:lang val="{"sv-SE" if chart.lang == "sv" else "en-GB"}"/>'
        f'<c:roundedCorners val="0"/>'
        f'<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr>'
        f'<a:r><a:rPr lang="sv-SE" sz="1100" b="1"/><a:t>{escape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>'
        f'<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
        f'<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>'
        f'<c:varyColors val="0"/>{"".join(series)}<c:gapWidth val="60"/>'
        f'<c:axId val="50010"/><c:axId val="50020"/></c:barChart>'
        # Categories top to bottom as listed (maxMin), the amounts' axis kept below the bars.
        f'<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{_text_props(900)}<c:crossAx val="50020"/>'
        f'<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        f'<c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>'
        f'<c:delete val="1"/><c:axPos val="b"/><c:numFmt formatCode="{code}" sourceLinked="0"/>'
        f'<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>'
        f'</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_text_props(900)}</c:legend>'
        f'<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:externalData r:id="{workbook_rid}"><c:autoUpdate val="0"/></c:externalData>'
        f'</c:chartSpace>')
    return xml.encode("utf-8")


def word_drawing(chart: BarChart, part) -> str:
    """The chart added to the document part being filled in, and the run that shows it, to
    stand where the template printed it (docxtpl's way for an inline picture: close the
    text run, put the drawing's run, open a text run again)."""
    package = part.package
    embedded = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), CT.SML_SHEET,
                    _workbook(chart), package)
    chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, b"", package)
    chart_part._blob = chart_xml(chart, chart_part.relate_to(embedded, RT.PACKAGE))
    rid = part.relate_to(chart_part, RT.CHART)
    width = 16 * EMU_PER_CM
    height = round((2.2 + 0.9 * len(chart.categories) * max(1, len(chart.series) / 2 + 0.5)) * EMU_PER_CM)
    number = 9000 + int(PackURI(chart_part.partname).idx or 1)
    inline = (
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" '
        f'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{number}" name={quoteattr(chart.title)} descr={quoteattr(chart.alt)}/>'
        f'<wp:cNvGraphicFramePr/><a:graphic xmlns:a="{_A}"><a:graphicData uri="{_C}">'
        f'<c:chart xmlns:c="{_C}" xmlns:r="{_R}" r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>')
    return f'</w:t></w:r><w:r><w:drawing>{inline}</w:drawing></w:r><w:r><w:t xml:space="preserve">'
