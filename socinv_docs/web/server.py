"""`socinv serve`: the app on uvicorn, one process serving HTTP and a pool of workers
checking files, with the limits of settings.py."""

from __future__ import annotations

import copy

from socinv_docs.web.app import create_app
from socinv_docs.web.settings import WebSettings


def log_config() -> dict:
    """uvicorn's own logging, plus our logger on the same handler. Access lines carry the
    method, path and status only (never a file name: uploads go in the body)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["socinv"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def run(host: str = "127.0.0.1", port: int = 8000, workers: int | None = None) -> None:
    import uvicorn

    settings = WebSettings.from_env(workers=workers)
    config = uvicorn.Config(create_app(settings), host=host, port=port, log_config=log_config(),
                            limit_concurrency=settings.max_connections, server_header=False)
    uvicorn.Server(config).run()
