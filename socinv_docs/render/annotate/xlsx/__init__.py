"""SpreadsheetML parts of an annotated copy, edited in place (lxml over the package): the
layer between the package (package.py) and the Excel annotator's policy (excel.py). It
knows workbooks, sheets, notes, conditional formats and styles, not findings.

From the bottom up: base (namespaces of either flavour, element order, cell addresses and
texts), notes (comments part, VML drawing), styles (styles.xml), sheet (one worksheet),
book (the workbook: its sheets, strings, styles).
"""
