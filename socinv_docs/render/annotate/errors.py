"""When an annotated copy cannot be made: AnnotateError, and the check's limits that raise it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from socinv_docs import messages
from socinv_docs.fmt import number
from socinv_docs.limits import Limits, OutOfTime, memory_ceiling, time_limit
from socinv_docs.readers.safety import UnreadableFile


class AnnotateError(messages.CatalogueError):
    """The copy cannot be made; `key` is a message-catalogue key ("annotate.*")."""


@contextmanager
def bounded(limits: Limits, file: str) -> Iterator[None]:
    """Run the annotator under the check's limits: Limits.max_seconds and the worker's
    memory cap (limits.time_limit, limits.memory_ceiling, as pipeline.check_document_in_time).
    Running out of either raises AnnotateError; the write in progress is then abandoned by
    atomic.atomic_path, which removes its temporary file. So does a member the readers'
    bounded stream refuses (UnreadableFile: a stream that lies about its size, a bad CRC):
    "annotate.damaged", with the reader's reason."""
    try:
        with memory_ceiling(), time_limit(limits.max_seconds):
            yield
    except OutOfTime:
        raise AnnotateError("annotate.timeout", file=file, seconds=number(limits.max_seconds, 1)) from None
    except MemoryError:
        raise AnnotateError("annotate.too_big", file=file) from None
    except UnreadableFile as exc:
        raise AnnotateError("annotate.damaged", file=file, reason=messages.msg(exc.reason, **exc.params)) from None
