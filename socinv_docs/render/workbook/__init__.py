"""Workbooks people keep, written by the tool (openpyxl): the generic layer under the register
and the follow-up workbook. It knows sheets, columns, rows and what people typed; it knows
nothing of submissions, findings or satsningar (a sheet module says those, as a SheetSpec).

From the bottom up:
    spec     what a sheet module declares: Column, SheetSpec, Colour
    cells    values: text that stays text, typed numbers and dates, links to files
    styles   number formats, the header, shared body styles
    refs     references moved along when rows and columns move (formulas, ranges)
    book     the file: lock files, safe opening, atomic saving, the tool's stamp
    read     what people left on a sheet: columns (by header, name or values), rows, formats
    merge    this run's rows and columns merged with theirs; their formulas, validations,
             conditional formats and merged cells carried along
    table    the sheet written as an Excel table: header, widths, filter, colours, print setup
    rebuild  one sheet: read → merge → write, in the order people's edits need
"""
