"""The register's rows of each submission, made as the submission is judged.

`socinv validate` adds each submission while its workers check the rest (validate_folder's
on_submission): the main process waits for them anyway, and at the end only the sheets are
left to write. A row carries what the sheets need besides its values: links to the files
(relative to the register) and the files' fingerprints (for "what changed since the last run").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from socinv_docs.render.register.sheets.findings import finding_rows
from socinv_docs.render.register.sheets.submissions import SubmissionRow, submission_row
from socinv_docs.render.workbook.cells import link_target
from socinv_docs.render.workbook.merge import Row
from socinv_docs.report import DocumentReport, SubmissionReport
from socinv_docs.summary import main_first


def fingerprint(path: Path) -> list | None:
    """[size, mtime_ns, sha256] of a file (RegisterRows makes them while the workers run)."""
    try:
        st = path.stat()
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return [st.st_size, st.st_mtime_ns, digest.hexdigest()]
    except (OSError, UnicodeError):  # gone since it was checked, a name the file system cannot give back
        return None


class RegisterRows:
    """The register's rows of each submission, made as the submission is judged. Messages
    in `lang`; `now` is the run's "Kontrollerad"."""

    def __init__(self, *, root: Path, register: Path, schemas=None, lang: str = "sv",
                 now: dt.datetime | None = None) -> None:
        self.root = Path(os.path.abspath(root))
        self.base = Path(os.path.abspath(register)).parent  # links are relative to the register
        self.schemas = schemas
        self.lang = lang
        self.now = (now or dt.datetime.now()).replace(microsecond=0)
        self._made: dict[int, tuple[SubmissionRow, list[Row]]] = {}

    def add(self, sub: SubmissionReport) -> None:
        self._made[id(sub)] = self._make(sub)

    def of(self, sub: SubmissionReport) -> tuple[SubmissionRow, list[Row]]:
        """The submission's row on Ansökningar and its rows on Brister. Taken once: building
        a sheet changes its rows (the old row each continues), so a second build makes new."""
        made = self._made.pop(id(sub), None)
        return made if made is not None and made[0].sub is sub else self._make(sub)

    def _make(self, sub: SubmissionReport) -> tuple[SubmissionRow, list[Row]]:
        row = SubmissionRow(submission_row(sub, self.schemas, self.lang, self.now), sub=sub,
                            status=sub.shown_status.value)
        docs = main_first(sub)
        if docs:
            row.links["files"] = link_target(self._real(docs[0]), self.base)
        row.fingerprints = {d.file: fingerprint(self._real(d)) for d in sub.documents}
        findings = []
        for values, doc in finding_rows(sub, self.lang, self.schemas):
            finding = Row(values)
            if doc is not None:
                finding.links["file"] = link_target(self._real(doc), self.base)
            findings.append(finding)
        return row, findings

    def _real(self, doc: DocumentReport) -> Path:
        """The document's file by its real name (where validate read it); `doc.file`, the
        name shown, may be an escaped one that no file has."""
        return Path(os.path.abspath(doc.path)) if doc.path else self.root / doc.file
