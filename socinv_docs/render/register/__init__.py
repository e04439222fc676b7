"""The register the beredningsgrupp works in (SPEC §6): register.xlsx, written from a RunReport.

The register's policy on top of the generic workbook layer (render/workbook/): which sheets
(book), which columns and words on each (sheets/), a submission's rows made during the run
(rows). docs/architecture.md, "Outputs (render/)", has the map.
"""

from socinv_docs.render.register.book import (
    RegisterError,
    RegisterResult,
    build_workbook,
    check_writable,
    read_group_values,
    write_register,
)
from socinv_docs.render.register.rows import RegisterRows
from socinv_docs.render.workbook.book import lock_file

__all__ = ["RegisterError", "RegisterResult", "RegisterRows", "build_workbook", "check_writable", "lock_file",
           "read_group_values", "write_register"]
