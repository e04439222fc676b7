"""The follow-up workbook's sheets, one module each: its columns, its words, its rows' values.

satsningar (one row per satsning, with the processledare's beslut columns), rapporter (one
row per expected report), ekonomi (plan against utfall per satsning, calendar year and
component), findings (Brister), lists (Listor). A new column goes into its sheet's module
alone; a new sheet is a new module declaring a workbook.spec.SheetSpec.
"""
