"""Review memos (beredningsunderlag) and the meeting summary, from editable templates.

The context handed to a template is plain data built from the RunReport and the
beredningsgrupp's register (Excel-in): strings already formatted for the reader, lists of
dicts (context). Templates are the secretary's: `templates/` holds the defaults in Swedish
and English (memo.docx, memo-en.docx, …), `socinv templates export DIR` copies them out,
`--template` uses an edited one (templates).

Safety: every template runs in Jinja's sandbox with strict undefined variables; applicant
text is only ever a value, never template source, and is escaped for the output format
(XML in Word by docxtpl's autoescape, HTML entities in HTML, Markdown per context: a table
cell or running text; markdown). A template that misbehaves (divides by zero, loops for
ever, builds a gigabyte string) is stopped: templates are rendered in a child process with a
time limit and a memory ceiling (child), and the sandbox refuses ranges, repetitions and
sums past a size (sandbox). Any template error is one line naming the template and the line
(in Word: the paragraph's text), and nothing is written (errors, write).
"""

from socinv_docs.render.memo.context import memo_context, read_assessments, single_context, submission_context
from socinv_docs.render.memo.errors import MemoError
from socinv_docs.render.memo.fill import render_bytes
from socinv_docs.render.memo.templates import (
    FORMATS,
    REPORT_FORMS_FOLDER,
    SUFFIXES,
    default_template,
    export_templates,
    report_forms,
    templates_dir,
)
from socinv_docs.render.memo.write import render, render_all, safe_file_name, split_names, write_memos

__all__ = ["FORMATS", "REPORT_FORMS_FOLDER", "SUFFIXES", "MemoError", "default_template", "export_templates",
           "memo_context", "read_assessments", "render", "render_all", "render_bytes", "report_forms",
           "safe_file_name", "single_context", "split_names", "submission_context", "templates_dir", "write_memos"]
