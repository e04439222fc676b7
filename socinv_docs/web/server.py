"""`socinv serve`: the app on uvicorn, one process serving HTTP and a pool of workers
checking files, with the limits of settings.py."""

from __future__ import annotations

import copy
import os
import tempfile
from pathlib import Path

from socinv_docs.web.app import create_app
from socinv_docs.web.protocol import protocol_class
from socinv_docs.web.settings import WebSettings
from socinv_docs.web.site import Site
from socinv_docs.web.workdir import WorkDir

# The longest path of a Unix socket (Linux: 108 bytes with the closing NUL; macOS: 104).
UNIX_PATH_MAX = 103


def log_config() -> dict:
    """uvicorn's own logging, plus our logger on the same handler. Access lines carry the
    method, path and status only (never a file name: uploads go in the body)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["socinv"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def uvicorn_config(app, host: str, port: int, **options):
    """How the app is served, the same for `socinv serve` and the tests: uvicorn's h11 with
    the time and per-client limits of protocol.py; the limit of requests at once is the
    app's (load.py), not uvicorn's, which counted idle and half-sent connections too and
    answered even /healthz 503; X-Forwarded-For believed from the trusted proxies only."""
    import uvicorn

    settings = app.state.settings
    return uvicorn.Config(app, host=host, port=port, http=protocol_class(settings), limit_concurrency=None,
                          forwarded_allow_ips=list(settings.trusted_proxies), server_header=False, **options)


def run(host: str = "127.0.0.1", port: int = 8000, workers: int | None = None, site: Site | None = None,
        schemas_folder: Path | None = None) -> None:
    import uvicorn

    settings = WebSettings.from_env(workers=workers)
    workdir = WorkDir.create(settings.tmp_root)  # and what a killed service left behind is removed
    # Everything this process and its children write to a temporary directory goes into the
    # service's own, removed when it stops: multiprocessing's pymp-* directory too, which
    # was left behind at every stop (uvicorn ends the process by the signal, not atexit).
    # (Unless the path of the forkserver's socket, <dir>/pymp-XXXXXXXX/listener-XXXXXXXX,
    # would then be longer than a Unix socket's path may be: the workers could not start.)
    if len(os.fsencode(workdir.path)) + len("/pymp-XXXXXXXX/listener-XXXXXXXX") <= UNIX_PATH_MAX:
        tempfile.tempdir = os.environ["TMPDIR"] = str(workdir.path)
    app = create_app(settings, site=site, workdir=workdir, schemas_folder=schemas_folder)
    uvicorn.Server(uvicorn_config(app, host, port, log_config=log_config())).run()
