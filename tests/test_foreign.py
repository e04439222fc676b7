"""Office files written by other programs: test files from other projects' suites (POI,
Open-XML-SDK, ClosedXML, PhpSpreadsheet, …) that socinv once got wrong. tests/data/foreign
holds them with MANIFEST.tsv (where each comes from, what happened before). None is one of
our templates: each must be read and checked (KIND_UNKNOWN), or refused with a reason that
is true; quickly, and `socinv check` within 600 MB.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from socinv_docs import messages
from socinv_docs.pipeline import check_document

ROOT = Path(__file__).resolve().parent.parent
FOREIGN = ROOT / "tests" / "data" / "foreign"
UNKNOWN = ("KIND_UNKNOWN", None)

# file -> (first finding's code, its reason key)
EXPECTED = {
    # Read; not one of our templates. The first four took 12-15 s, the last of them 12.3 GB.
    "poi-bug62181.xlsx": UNKNOWN,
    "openxmlsdk-RelationalPivotB5.xlsx": UNKNOWN,
    "closedxml-InvalidPrintTitles.xlsx": UNKNOWN,
    # 12 000 cells showing one 1 MB shared string: 12 GB of text, more than the limit.
    "poi-poc-shared-strings.xlsx": ("FILE_UNREADABLE", "unreadable.too_much_text"),
    # Excel's binary workbook: its own reason, and how to save it as .xlsx.
    "apache+poi__51519.xlsb": ("FILE_UNREADABLE", "unreadable.xlsb"),
    "apache+poi__62815.xlsb": ("FILE_UNREADABLE", "unreadable.xlsb"),
    # ISO Strict: read (these Word files hold charts and shapes, no text).
    "dotnet+Open-XML-SDK__2D Column-O12-Word-Charts.docx": UNKNOWN,
    "dotnet+Open-XML-SDK__AllShadows-O12-Word-OartTextEffects.docx": UNKNOWN,
    "dotnet+Open-XML-SDK__AlphaMod - Parent Cont - Enum tree.docx": UNKNOWN,
    "dotnet+Open-XML-SDK__AbbreviatedCaseNumber-Abbreviated Case Number.docx": UNKNOWN,
    "ClosedXML+ClosedXML__universal-content-strict.xlsx": UNKNOWN,
    "PHPOffice+PhpSpreadsheet__namespacepurl.xlsx": UNKNOWN,
    "PHPOffice+PhpSpreadsheet__issue.3843a.template.xlsx": UNKNOWN,
    "apache+poi__57914.xlsx": UNKNOWN,
    # Form buttons (VML that is not well-formed XML), UTF-16 custom properties: parts no
    # reader parses; read.
    "apache+poi__BrNotClosed.xlsx": UNKNOWN,
    "PHPOffice+PhpSpreadsheet__formscomments.xlsx": UNKNOWN,
    "PHPOffice+PhpSpreadsheet__double_attr_drawing.xlsx": UNKNOWN,
    "apache+poi__HsGetVal.xlsx": UNKNOWN,
    "apache+poi__61034.xlsx": UNKNOWN,
    # Pivot caches, chartsheets, a macro-enabled template: read.
    "ClosedXML+ClosedXML__TemplateWithTableSourcePivotTables.xlsx": UNKNOWN,
    "apache+poi__stress024.xlsx": UNKNOWN,
    "dotnet+Open-XML-SDK__IntegratedMarketingCampaign DataAnalysis_TP10186504.xltm": UNKNOWN,
    # One merge over a whole column (B1:B1048576): a million cells, over Limits.max_cells.
    "ClosedXML+ClosedXML__DrawingSizeInPx.xlsx": ("FILE_UNREADABLE", "unreadable.too_many_cells"),
    # Read (see ANNOTATED for what their annotated copies did).
    "apache+poi__clusterfuzz-POIXWPFFuzzer-6733884933668864.docx": UNKNOWN,
    "PHPOffice+PhpSpreadsheet__issue.2246a.xlsx": UNKNOWN,
}
# file -> what `check FILE --annotate OUT` makes of it: None, a copy (that openpyxl opens);
# else the key of the refusal and the reader's reason in it.
ANNOTATED = {
    # A bad CRC in word/theme/theme1.xml, a member the check never reads: the Word annotator's
    # plain zip read ended in a traceback (BadZipFile). Now refused with the reader's reason.
    "apache+poi__clusterfuzz-POIXWPFFuzzer-6733884933668864.docx": ("annotate.damaged", "unreadable.corrupt"),
    # No styles part: the annotator's went to xl/styles1.xml, which openpyxl never reads (it
    # looks for xl/styles.xml by name), so the copy did not re-open (IndexError).
    "PHPOffice+PhpSpreadsheet__issue.2246a.xlsx": None,
}
# Strict workbooks that do hold text: read as such, not as empty (openpyxl saw 0 cells).
STRICT_WITH_TEXT = ["ClosedXML+ClosedXML__universal-content-strict.xlsx", "PHPOffice+PhpSpreadsheet__namespacepurl.xlsx",
                    "apache+poi__57914.xlsx"]
# The ones that cost the most, for the memory measurement.
WORST = ["poi-poc-shared-strings.xlsx", "poi-bug62181.xlsx", "openxmlsdk-RelationalPivotB5.xlsx",
         "closedxml-InvalidPrintTitles.xlsx", "ClosedXML+ClosedXML__DrawingSizeInPx.xlsx"]
SECONDS_PER_FILE = 2.0  # processor time; `check` answers each in well under a second
MAX_CHECK_MB = 600

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Office 97–2003 files (OLE containers), told apart by the streams at the root of their
# directory; what xlrd cannot read is said in its words, never as XML.
EXPECTED |= {
    "apache+poi__BOOK_in_capitals.xls": UNKNOWN,  # its stream is named BOOK
    "PHPOffice+PhpSpreadsheet__CF_Basic_Comparisons.xls": UNKNOWN,  # a sector chain xlrd refused by default
    "apache+poi__60460.xls": UNKNOWN,  # a workbook with an embedded Word object
    "apache+poi__47251_1.xls": ("FILE_UNREADABLE", "unreadable.xls_failed"),  # an assertion inside xlrd
    "apache+poi__clusterfuzz-POIHSSFFuzzer-4657005060816896.xls": ("FILE_UNREADABLE", "unreadable.xls_failed"),
    "apache+poi__PasswordProtected.doc": ("FILE_UNREADABLE", "unreadable.encrypted"),  # its FIB says so
    "apache+poi__47950_lower.doc": UNKNOWN if SOFFICE else ("FILE_UNREADABLE", "unreadable.legacy"),
    "apache+poi__53446.xls": ("FILE_UNREADABLE", "unreadable.too_many_cells_workbook"),  # no one sheet does
}


def manifest() -> dict[str, dict[str, str]]:
    with (FOREIGN / "MANIFEST.tsv").open(encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


def all_files() -> list[str]:
    return sorted(p.name for p in FOREIGN.iterdir() if p.name != "MANIFEST.tsv")


def test_every_file_comes_with_its_manifest_row():
    rows = manifest()
    assert set(all_files()) <= set(rows), "a file in tests/data/foreign without a MANIFEST.tsv row"
    assert set(EXPECTED) <= set(all_files())
    for name in EXPECTED:
        assert rows[name]["from repository"] and rows[name]["commit"], name


@pytest.mark.parametrize("name", all_files())
def test_foreign_file_gets_the_right_answer(schemas, name):
    path = FOREIGN / name
    started = time.process_time()
    report = check_document(path, schemas)
    assert time.process_time() - started < SECONDS_PER_FILE, name
    first = report.findings[0]
    reason = first.params.get("reason_key")
    assert reason is None or reason in messages.CATALOGUE
    assert reason not in ("unreadable.crashed", "unreadable.internal", "unreadable.timeout"), first.params
    if name in EXPECTED:
        assert (first.code.value, reason) == EXPECTED[name], first.params
    assert report.status.value == "unreadable"  # none of them is one of our templates


def test_limit_hit_names_the_tab():
    from socinv_docs.loading import load_schemas

    report = check_document(FOREIGN / "ClosedXML+ClosedXML__DrawingSizeInPx.xlsx", load_schemas())
    sheet = report.findings[0].params["sheet"]
    assert "/" not in sheet and not sheet.endswith(".xml"), sheet  # a tab, not xl/worksheets/sheet6.xml


@pytest.mark.parametrize("name", STRICT_WITH_TEXT)
def test_strict_workbook_is_read_with_its_text(name):
    from socinv_docs.limits import Limits
    from socinv_docs.pipeline import read_raw

    raw = read_raw(FOREIGN / name, Limits())
    assert any(b.text.strip() for b in raw.blocks)


# Runs `socinv check` as its only child and reports the child's peak memory with its output.
_PROBE = """
import json, resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "socinv_docs", "check", "--format", "json", *sys.argv[1:]],
                      capture_output=True, text=True)
print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr,
                  "kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def test_check_stays_within_600_mb():
    """The costliest files through the real command, in one process: 12.3 GB before."""
    proc = subprocess.run([sys.executable, "-c", _PROBE, *(str(FOREIGN / n) for n in WORST)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    result = json.loads(proc.stdout)
    assert result["code"] == 2 and "Traceback" not in result["err"], result["err"]
    assert len(json.loads(result["out"])["documents"]) == len(WORST)
    assert result["kb"] / 1024 < MAX_CHECK_MB, f"{result['kb'] / 1024:.0f} MB"


def test_refusals_of_old_formats_say_what_is_true(schemas):
    """What xlrd said, short; the workbook's count where no sheet alone is over the limit."""
    for name in ("apache+poi__47251_1.xls", "apache+poi__clusterfuzz-POIHSSFFuzzer-4657005060816896.xls"):
        (failed,) = check_document(FOREIGN / name, schemas).findings
        assert 0 < len(failed.params["detail"]) <= 80, failed.params
    (too_many,) = check_document(FOREIGN / "apache+poi__53446.xls", schemas).findings
    assert "sheet" not in too_many.params and too_many.params["count"] > too_many.params["limit"]


def _socinv(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "socinv_docs", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_check_json_is_all_that_stdout_holds():
    """`check --format json` over every file here: standard output is the JSON and nothing
    else (xlrd printed its diagnostics there first, for 30 .xls files of other projects)."""
    done = _socinv("check", "--format", "json", *(FOREIGN / n for n in all_files()))
    assert done.returncode == 2, done.stderr
    assert len(json.loads(done.stdout)["documents"]) == len(all_files())


def test_validate_json_is_all_that_stdout_holds(tmp_path):
    """The same for `validate --format json`, whose workers read the files."""
    for name in all_files():
        if name.endswith(".xls"):
            shutil.copyfile(FOREIGN / name, tmp_path / name)
    done = _socinv("validate", tmp_path, "--format", "json", "--jobs", "2")
    assert done.returncode == 2, done.stderr
    assert len(json.loads(done.stdout)["submissions"]) == len(list(tmp_path.iterdir()))


@pytest.mark.parametrize("name", sorted(ANNOTATED))
def test_annotated_copy_of_a_foreign_file(schemas, tmp_path, name, cli):
    from socinv_docs.render.annotate import AnnotateError, annotate

    source, target = FOREIGN / name, tmp_path / f"granskad{Path(name).suffix}"
    result = cli("check", source, "--annotate", target)  # a traceback would fail the test here
    if ANNOTATED[name] is not None:
        assert result.exit_code == 2 and not target.exists()
        with pytest.raises(AnnotateError) as refused:
            annotate(check_document(source, schemas), source, target)
        assert (refused.value.key, refused.value.params["reason"]["key"]) == ANNOTATED[name]
        return
    assert target.exists(), result.output
    _assert_opens_in_openpyxl(target)


def _assert_opens_in_openpyxl(path: Path) -> None:
    """openpyxl re-opens the copy with its styles: the review sheet's title is bold, and the
    styles part sits where openpyxl looks (xl/styles.xml), related and typed as styles."""
    import zipfile

    import openpyxl
    from lxml import etree

    wb = openpyxl.load_workbook(path)
    assert wb.worksheets[0]["A1"].font.b
    with zipfile.ZipFile(path) as z:
        rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        types = etree.fromstring(z.read("[Content_Types].xml"))
    assert [r.get("Target") for r in rels if r.get("Type", "").endswith("/styles")] == ["styles.xml"]
    assert [t.get("ContentType") for t in types if t.get("PartName") == "/xl/styles.xml"] == \
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"]
