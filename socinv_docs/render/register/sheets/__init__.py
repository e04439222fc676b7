"""The register's sheets, one module each: its columns as data, its rows' values, its words.

submissions (Ansökningar), findings (Brister), lists (Listor). A new column goes into its
sheet's module alone; a new sheet is a new module declaring a workbook.spec.SheetSpec.
"""
