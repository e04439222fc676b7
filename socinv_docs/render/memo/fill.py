"""Filling in one template: Word (docxtpl, then the page-break and table fixes a memo needs)
or text (HTML, Markdown), in this process; render_all (write.py) runs it within the limits."""

from __future__ import annotations

import io
import re
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from socinv_docs.atomic import TEXT_MARKER, TOOL_CREATOR
from socinv_docs.render.memo.chart import drawing_in
from socinv_docs.render.memo.errors import TEMPLATE_ERRORS, docx_where, template_error, text_where
from socinv_docs.render.memo.markdown import md_newlines
from socinv_docs.render.memo.sandbox import environment


def render_text(context: dict, template: Path, fmt: str, lang: str = "sv",
                env: SandboxedEnvironment | None = None) -> str:
    env = env or environment(fmt, template.parent)
    try:
        text = env.get_template(template.name).render(**context)
    except TEMPLATE_ERRORS as exc:
        raise template_error(exc, text_where(exc, template), lang) from None
    return _marked(md_newlines(text) if fmt == "md" else text)


class _MemoDocxTemplate(DocxTemplate):
    """docxtpl's DocxTemplate, remembering the XML it cleaned up for Jinja: every memo of a
    run (--split) starts from the same template, so the same cleaning is done once."""

    _patched: dict[str, str] = {}

    def patch_xml(self, src_xml):
        if src_xml not in self._patched:
            if len(self._patched) > 16:
                self._patched.clear()
            self._patched[src_xml] = super().patch_xml(src_xml)
        return self._patched[src_xml]


def render_docx(context: dict, template: Path, lang: str = "sv", env: SandboxedEnvironment | None = None) -> bytes:
    env = env or environment("docx")
    tpl = _MemoDocxTemplate(str(template))
    try:
        _move_breaks_out_of_tags(tpl.get_docx())
        with drawing_in(tpl):  # a chart the template prints becomes a Word chart (chart.py)
            tpl.render(context, jinja_env=env, autoescape=True)
    except TEMPLATE_ERRORS as exc:
        raise template_error(exc, docx_where(exc, template, tpl), lang) from None
    _drop_leading_page_break(tpl.docx)
    _keep_table_rows_together(tpl.docx)
    props = tpl.docx.core_properties
    props.author = TOOL_CREATOR  # so that `validate` never takes a memo for a submission
    props.title = context["meeting"] or props.title
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _move_breaks_out_of_tags(document) -> None:
    """Keep the page breaks of a template that LibreOffice saved. LibreOffice writes a
    heading's 'page break before' as a break at the end of the paragraph before it; when
    that paragraph is a docxtpl tag ({%p for … %}), docxtpl removes it, break and all. The
    break is moved into a paragraph of its own right after the tag, where it means the same
    and survives (the default templates have it there already)."""
    body = document.element.body
    with_breaks = {}
    for br in body.iter(_w("br")):
        if br.get(_w("type")) == "page":
            p = next((a for a in br.iterancestors(_w("p"))), None)
            if p is not None:
                with_breaks.setdefault(p, []).append(br)
    for p, breaks in with_breaks.items():
        if not re.search(r"\{%-?\s*p\s", "".join(t.text or "" for t in p.iter(_w("t")))):
            continue
        holder = p.makeelement(_w("p"), {})
        for br in breaks:
            run = br.getparent()
            run.remove(br)
            new_run = holder.makeelement(_w("r"), {})
            new_run.append(br)
            holder.append(new_run)
        p.addnext(holder)


def _drop_leading_page_break(document) -> None:
    """A memo never opens on a blank page: the break before the first beredningsunderlag is
    dropped when nothing comes before it (a memo of one submission, `--split`)."""
    body = document.element.body
    for p in body:
        if p.tag != _w("p"):
            return
        if "".join(p.itertext()).strip():
            return
        breaks = [br for br in p.iter(_w("br")) if br.get(_w("type")) == "page"]
        for br in breaks:
            br.getparent().remove(br)
        if p.find(_w("pPr")) is not None and p.find(_w("pPr")).find(_w("pageBreakBefore")) is not None:
            p.find(_w("pPr")).remove(p.find(_w("pPr")).find(_w("pageBreakBefore")))
        if breaks:
            body.remove(p)
            return


# Elements that come before keepNext in a paragraph's properties (the schema's order).
_BEFORE_KEEP_NEXT = {_w("pStyle")}


def _keep_table_rows_together(document) -> None:
    """No table leaves a lone row on a page, and no row is cut in two: every row may not
    split (cantSplit) and every row but the last keeps with the next (keepNext on its
    paragraphs), so a table that fits on a page moves to the next page whole. A longer
    table still breaks where it must, between rows, with its header row repeated."""
    for table in document.element.body.iter(_w("tbl")):
        rows = table.findall(_w("tr"))
        for i, row in enumerate(rows):
            tr_pr = row.find(_w("trPr"))
            if tr_pr is None:
                tr_pr = row.makeelement(_w("trPr"), {})
                after = row.find(_w("tblPrEx"))
                row.insert(0 if after is None else row.index(after) + 1, tr_pr)
            if tr_pr.find(_w("cantSplit")) is None:
                tr_pr.append(tr_pr.makeelement(_w("cantSplit"), {}))
            if i == len(rows) - 1:
                continue
            for tc in row.findall(_w("tc")):
                for p in tc.findall(_w("p")):
                    p_pr = p.find(_w("pPr"))
                    if p_pr is None:
                        p_pr = p.makeelement(_w("pPr"), {})
                        p.insert(0, p_pr)
                    if p_pr.find(_w("keepNext")) is None:
                        at = sum(1 for child in p_pr if child.tag in _BEFORE_KEEP_NEXT)
                        p_pr.insert(at, p_pr.makeelement(_w("keepNext"), {}))


def render_bytes(context: dict, fmt: str, template: Path, lang: str = "sv",
                 env: SandboxedEnvironment | None = None) -> bytes:
    """One memo, rendered in this process (no limits: see render_all). Memos of one run share
    `env`, so that the template is compiled once."""
    if fmt == "docx":
        return render_docx(context, template, lang, env)
    # A file name from an old share may hold undecodable bytes: shown as '?', never a crash.
    return render_text(context, template, fmt, lang, env).encode("utf-8", "replace")


def _marked(text: str) -> str:
    """Make sure `validate` recognises the memo as the tool's own output, even when the
    secretary's template dropped the marker (it must be in the first 4 KB)."""
    if TEXT_MARKER in text[:4000]:
        return text
    if text.lstrip().lower().startswith("<!doctype"):
        end = text.index(">") + 1
        return f"{text[:end]}\n{TEXT_MARKER}{text[end:]}"
    return f"{TEXT_MARKER}\n{text}"
