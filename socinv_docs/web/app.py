"""The ASGI app: GET / (the form), POST /check (the report), POST /result (the report in
the other language, carried.py), GET /tillganglighet (the accessibility statement), GET
/integritet (privacy), GET /mallar/... (the blank report forms), GET /logo, GET /healthz,
/static. What a municipality puts on it (its name, contact, funders, ...) is site.py's.

Status codes of POST /check (README, "The web page"):
- 200: the upload was checked, whatever it found; the report (page or JSON) says complete,
  incomplete or unreadable, as `socinv check`'s exit code would.
- 400: not a well-formed multipart body (cut off, no boundary, garbled).
- 408: the upload arrived too slowly (uploads.py).
- 413: a file, the whole request, the number of files or of form parts is over its limit.
- 415: not a form upload (multipart/form-data) at all.
- 422: a well-formed form with no file in the field `files`; a file named as another type
  than Word or Excel ("wrong_type"); a document of a funder this page does not accept
  ("funder": it is not checked by another funder's rules).
- 429: this client already has max_client_connections requests open (load.py).
- 503: the service is at its limit of requests at once ("busy", load.py), or the checking
  workers are not running (shutting down, "unavailable").
Every refusal is a Swedish page (English with ?lang=en), or {"error", "message", "hint",
"status"} with Accept: application/json. A refused upload's page is the form again, with
the error summary at its top and the file field marked (GOV.UK's and Designsystemet's
pattern); other refusals are a page of their own.

GET /healthz is never refused for load: 200 with "status" "ok", or "busy" while requests
are being refused for load (the service works, at its limit: a monitor should not restart
it, nor a load balancer take it out, which would only move the load); 503 "unavailable"
when the workers do not answer.

Privacy: each request gets its own temporary directory (in the service's, workdir.py),
removed before the response is sent; annotated copies travel inside the page as data:
links; nothing the applicant sent (file names, contents, their words in findings) is
written to a log.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from socinv_docs import __version__, messages, service
from socinv_docs.codes import Code
from socinv_docs.loading import form_path, load_schemas
from socinv_docs.web import pages
from socinv_docs.web.carried import MAX_FORM_BYTES, Seal
from socinv_docs.web.load import SKIP_REFUSED_FOR_LOAD, Admission, Load, OverloadLog
from socinv_docs.web.pool import CheckPool, PoolClosed
from socinv_docs.web.pool import check_document as default_check
from socinv_docs.web.settings import MB, WebSettings, megabytes
from socinv_docs.web.site import TESTED, Site
from socinv_docs.web.uploads import ACCEPTED_SUFFIXES, UploadRefused, receive_files, receive_form
from socinv_docs.web.workdir import WorkDir

log = logging.getLogger("socinv.web")

# How long /healthz waits for an idle worker (or a pool started again) to answer.
PING_SECONDS = 10

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
     b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
# An SVG logo opened on its own is a document of this site: nothing in it may run.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
# The refusals of an upload that are answered with the form again (the error pattern).
FORM_REFUSALS = 400, 408, 413, 415, 422


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "sv")
    return lang if lang in pages.LANGS else "sv"


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def create_app(settings: WebSettings | None = None, *, site: Site | None = None, check=default_check,
               workdir: WorkDir | None = None, schemas_folder: Path | None = None) -> Starlette:
    """The app. `site`: what the municipality put in its settings file (site.py; default:
    nothing named, every funder). `check` is what a worker runs per file (a seam for tests:
    a module-level function (path, display, limits) -> DocumentReport). `workdir`: the
    service's temporary directory, if made already (server.py); else the app makes its own
    at start. The app removes it when it stops, either way. `schemas_folder`: a folder of
    funders added to the shipped ones (`serve --schemas`), for this process and the workers."""
    settings = settings or WebSettings.from_env()
    site = site or Site()
    schemas = load_schemas(schemas_folder)  # a broken schema stops the start, not the first upload
    pool = CheckPool(settings.workers, settings.file_limits, check=check, schemas_folder=schemas_folder)
    load = Load(settings)
    seal = Seal()
    forms = _blank_forms(schemas, site)

    @asynccontextmanager
    async def lifespan(app):
        nonlocal workdir
        workdir = workdir or WorkDir.create(settings.tmp_root)
        logging.getLogger("uvicorn.access").addFilter(SKIP_REFUSED_FOR_LOAD)
        pool.start()
        if not await pool.ping(60):  # workers up before the first applicant waits for them
            log.warning("the checking workers did not answer at start")
        log.info("ready: %d workers, at most %d files of %d MB per upload", settings.workers, settings.max_files,
                 settings.max_file_bytes // MB)
        try:
            yield
        finally:
            pool.close()
            workdir.remove()  # uvicorn ends the process by the signal it caught: atexit would not run
            workdir = None

    def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        lang = _lang(request)
        title = context.pop("title", None) or messages.text(f"web.title.{template.removesuffix('.html')}", lang)
        html = pages.render(template, lang, title=title, page=context.pop("page", "/"), site=site, **context)
        return HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})

    def start_page(request: Request, status: int = 200, errors: list[dict] | None = None) -> HTMLResponse:
        lang = _lang(request)
        return page(request, "start.html", status, errors=errors or [],
                    funders=pages.funders(schemas, lang, site.funders), forms=forms_view(lang),
                    accept=",".join(ACCEPTED_SUFFIXES), max_files=settings.max_files,
                    max_file_bytes=settings.max_file_bytes, max_file_mb=megabytes(settings.max_file_bytes))

    def forms_view(lang: str) -> list[dict]:
        return [{"title": messages.text("web.forms.served", lang, kind=f["kind"], funder=f["funder"]), "url": url}
                for url, f in forms.items()]

    def refusal(request: Request, status: int, reason: str, headers: dict | None = None, *, form: bool = False,
                **params) -> Response:
        lang = _lang(request)
        message = messages.text(reason, lang, **params)
        hint = messages.hint(reason, lang, **params)
        if _wants_json(request):
            response = JSONResponse({"error": reason.rsplit(".", 1)[-1], "status": status, "message": message,
                                     "hint": hint}, status_code=status, headers={"cache-control": "no-store"})
        elif form:
            # The form again, the problem on top and at the field (README "The web page").
            response = start_page(request, status, [{"message": message, "hint": hint, "field": "files"}])
        else:
            response = page(request, "error.html", status, title=messages.text(f"{reason}.title", lang),
                            message=message, hint=hint)
        response.headers.update(headers or {})
        return response

    async def start(request: Request) -> Response:
        return start_page(request)

    async def check_upload(request: Request) -> Response:
        started = time.perf_counter()
        folder = workdir.request_dir()
        try:
            try:
                uploads = await receive_files(request, folder, settings)
            except UploadRefused as exc:
                log.info("refused %d %s", exc.status, exc.reason)
                return refusal(request, exc.status, exc.reason, form=exc.status in FORM_REFUSALS, **exc.params)
            except ClientDisconnect:
                log.info("upload abandoned by the client")
                return Response(status_code=400)
            response, status = await _report(request, uploads, folder)
            log.info("checked %d file(s), %d kB: %s in %.2f s", len(uploads), sum(u.size for u in uploads) // 1024,
                     status, time.perf_counter() - started)
            return response
        except PoolClosed:
            return refusal(request, 503, "web.refused.unavailable")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    async def _report(request: Request, uploads, folder: Path) -> tuple[Response, str]:
        lang = _lang(request)
        # The files are checked in the workers (pool.py), then judged as one submission the
        # way `socinv check` judges them (service.py).
        reports = list(await asyncio.gather(*(pool.check(u.path, u.name) for u in uploads)))
        refused = next((r for r in reports if not site.accepts(r.profile)), None)
        if refused is not None:  # not checked by another funder's rules: refused, and said why
            return refusal(request, 422, "web.refused.funder", form=True, name=refused.file,
                           funder=schemas.profiles[refused.profile].funder,
                           accepted=pages.funder_names(schemas, site.funders)), "refused"
        name = uploads[0].name if len(uploads) == 1 else " + ".join(u.name for u in uploads)
        checked = service.Checked.of(service.judge(name, reports, schemas))
        sub = checked.submission
        if _wants_json(request):
            return JSONResponse(checked.to_json(lang), headers={"cache-control": "no-store"}), sub.status.value
        copies = await asyncio.gather(*(
            pool.annotate(report, u.path, folder / f"annotated-{u.path.name}", lang, checked.extra)
            if _worth_a_copy(report, checked.extra) else _none() for u, report in zip(uploads, reports)))
        downloads = [pages.download_link(u.name, u.path.suffix, data, lang, annotated_copy=report.annotated_copy)
                     if data else None for u, data, report in zip(uploads, copies, reports)]
        views = {other: pages.report_view(sub, schemas, other, downloads if other == lang else
                                          [{"name": d["name"], "url": None} if d else None for d in downloads])
                 for other in pages.LANGS}
        carried = seal.seal({other: pages.carried_view(view) for other, view in views.items()})
        return page(request, "report.html", report=views[lang], carried=carried), sub.status.value

    async def check_or_back(request: Request) -> Response:
        if request.method == "POST":
            return await check_upload(request)
        # A result is not a page to come back to (it is not kept): the form instead.
        return RedirectResponse(f"/?lang={_lang(request)}", status_code=303)

    async def result(request: Request) -> Response:
        """The report posted back from its page (the language switch), in the page's language."""
        if request.method != "POST" or request.headers.get("sec-fetch-site") == "cross-site":
            return RedirectResponse(f"/?lang={_lang(request)}", status_code=303)
        try:
            form = await receive_form(request, settings, MAX_FORM_BYTES)
        except UploadRefused as exc:
            return refusal(request, exc.status, exc.reason, **exc.params)
        views = seal.open(form.get("result", ""))
        if views is None or _lang(request) not in views:
            return refusal(request, 400, "web.refused.result_gone")
        return page(request, "report.html", report=views[_lang(request)], carried=form["result"])

    async def statement(request: Request) -> Response:
        return page(request, "accessibility.html", page="/tillganglighet", tested=TESTED,
                    shortcomings=pages.shortcomings(site, _lang(request), forms=bool(forms)))

    async def privacy(request: Request) -> Response:
        return page(request, "privacy.html", page="/integritet")

    async def blank_form(request: Request) -> Response:
        found = forms.get(request.url.path)
        if found is None:
            return refusal(request, 404, "web.refused.not_found")
        return Response(found["data"], media_type=found["mime"], headers={
            "content-disposition": f'attachment; filename="{found["filename"]}"', "cache-control": "max-age=3600"})

    async def logo(request: Request) -> Response:
        if site.logo is None:
            return refusal(request, 404, "web.refused.not_found")
        headers = {"cache-control": "max-age=3600"}
        if site.logo.content_type == "image/svg+xml":
            headers["content-security-policy"] = SVG_POLICY
        return Response(site.logo.data, media_type=site.logo.content_type, headers=headers)

    async def healthz(request: Request) -> Response:
        # Busy workers are working workers (a stuck one is killed at its time limit), so a
        # full pool answers at once; an idle one must answer a ping (which starts a broken
        # pool again).
        working = pool.active and pool.in_flight >= pool.workers
        ok = working or await pool.ping(PING_SECONDS)
        body = {"status": ("busy" if load.busy else "ok") if ok else "unavailable", "version": __version__,
                "workers": pool.workers, "in_flight": pool.in_flight, "requests": load.requests,
                "max_requests": settings.max_connections, "refused_busy": load.refused}
        return JSONResponse(body, status_code=200 if ok else 503, headers={"cache-control": "no-store"})

    async def not_found(request: Request, exc) -> Response:
        status = getattr(exc, "status_code", 404)
        reason = "web.refused.method" if status == 405 else "web.refused.not_found"
        return refusal(request, status, reason, getattr(exc, "headers", None))  # 405: its Allow header

    def internal_error(scope) -> Response:
        request = Request(scope)
        lang = _lang(request)
        message = messages.text("web.refused.internal", lang)
        if _wants_json(request):
            return JSONResponse({"error": "internal", "status": 500, "message": message}, status_code=500)
        html = pages.render("error.html", lang, title=messages.text("web.refused.internal.title", lang),
                            message=message, hint=messages.hint("web.refused.internal", lang), site=site)
        return HTMLResponse(html, status_code=500)

    app = Starlette(
        routes=[
            Route("/", start, methods=["GET", "HEAD"]),
            Route("/check", check_or_back, methods=["GET", "HEAD", "POST"]),
            Route("/result", result, methods=["GET", "HEAD", "POST"]),
            Route("/tillganglighet", statement, methods=["GET", "HEAD"]),
            Route("/integritet", privacy, methods=["GET", "HEAD"]),
            Route("/mallar/{profile}/{name}", blank_form, methods=["GET", "HEAD"]),
            Route("/logo", logo, methods=["GET", "HEAD"]),
            Route("/healthz", healthz, methods=["GET", "HEAD"]),
            Mount("/static", StaticFiles(packages=[("socinv_docs.web", "static")]), name="static"),
        ],
        exception_handlers={404: not_found, 405: not_found},
        lifespan=lifespan,
    )
    # "/static" would redirect to "/static/" at an absolute URL made from the Host header
    # the client sent: a page of ours pointing wherever the client likes. 404 instead.
    app.router.redirect_slashes = False
    app.add_middleware(Admission, load=load, overload=OverloadLog(),
                       refuse=lambda scope, status, reason, headers: refusal(Request(scope), status, reason, headers))
    app.add_middleware(GuardMiddleware, refuse=internal_error)  # outermost: its headers on every answer
    app.state.pool = pool
    app.state.settings = settings
    app.state.site = site
    app.state.load = load
    return app


def _blank_forms(schemas, site: Site) -> dict[str, dict]:
    """The blank report forms the tool ships for the funders the page accepts (profiles'
    `forms:`), by the path they are served at, read into memory now: the page serves
    these, never a path a request names."""
    if not site.serve_forms:
        return {}
    forms = {}
    for profile in sorted(schemas.profiles.values(), key=lambda p: (p.funder, p.id)):
        if not site.accepts(profile.id):
            continue
        for kind_id in profile.forms:
            path = form_path(profile, kind_id, schemas)
            kind = schemas.kinds[kind_id]
            forms[f"/mallar/{profile.id}/{path.name}"] = {
                "data": path.read_bytes(), "mime": pages.MIME.get(path.suffix.lower(), "application/octet-stream"),
                "filename": f"{profile.id}-{path.name}", "kind": messages.literal(sv=kind.name_in("sv"),
                                                                                en=kind.name_in("en")),
                "funder": profile.funder}
    return forms


async def _none():
    return None


def _worth_a_copy(report, extra) -> bool:
    """A copy with comments for a file that was read and has something to comment on."""
    return (not any(f.code is Code.FILE_UNREADABLE for f in report.findings)) and bool(report.findings or extra)


class GuardMiddleware:
    """Security headers on every response; and no exception leaves the app: a bug of ours
    answers 500 with a page and logs only the exception's type (its message could quote an
    applicant's words), so uvicorn never prints a traceback with them."""

    def __init__(self, app, refuse) -> None:
        self.app = app
        self.refuse = refuse

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            log.error("internal error: %s", type(exc).__name__)
            if not started:
                await self.refuse(scope)(scope, receive, send_with_headers)
