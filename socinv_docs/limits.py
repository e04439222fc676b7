"""Limits that keep one hostile or huge file from taking the run down (documented in README).

Every limit hit becomes a FILE_UNREADABLE finding with its own reason; none raises past
the reader. Values can be overridden with environment variables of the same name, so a
beredningsgrupp with unusually large attachments can raise them without a code change.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


def _env_int(name: str, default: int) -> int:
    """An integer from the environment ("50000000" or "50_000_000"); the default when unset,
    unparsable or not positive (a zero limit would make every file unreadable by mistake)."""
    try:
        value = int(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def _env_float(name: str, default: float) -> float:
    # Seconds may be fractional ("0.5"); int() would silently ignore such a value.
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


# libxml2 (lxml, without huge_tree) refuses documents nested deeper than this by itself.
XML_DEPTH_CEILING = 256


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * 1024 * 1024  # what lands on disk
    max_inflated_bytes: int = 200 * 1024 * 1024  # all zip members, uncompressed
    max_xml_part_bytes: int = 30 * 1024 * 1024  # one XML part, uncompressed (a long ansökan is ~2 MB)
    max_members: int = 2000  # zip members
    max_ratio: int = 200  # uncompressed/compressed for one large member
    # Cells openpyxl would create in a workbook: written cells plus every cell a merged or
    # hyperlink range covers (openpyxl makes an object for each). A form has a few thousand;
    # 200 000 loads in a couple of seconds, a hostile "A1:XFD1048576" merge never would.
    max_cells: int = 200_000
    max_seconds: float = 60.0  # one file, in `validate`
    # Element nesting in one XML part. Office writes ~10 levels, a table in a table in a text
    # box a few dozen; hostile nesting is refused before the readers' recursive walks (and
    # openpyxl's) can meet it. The XML parser itself never goes past 256 (XML_DEPTH_CEILING).
    max_xml_depth: int = 200
    # Characters of text the blocks of one file may hold. Counted per cell and paragraph as
    # they are built, so a text shown in many cells (one shared string referenced by 12 000
    # cells) counts each time: that is what reading it would build. A long ansökan holds
    # ~100 000 characters; an answer of 20 million is ~10 000 pages.
    max_text_chars: int = 20_000_000

    @classmethod
    def from_env(cls) -> "Limits":
        d = cls()
        return cls(
            max_file_bytes=_env_int("SOCINV_MAX_FILE_BYTES", d.max_file_bytes),
            max_inflated_bytes=_env_int("SOCINV_MAX_INFLATED_BYTES", d.max_inflated_bytes),
            max_xml_part_bytes=_env_int("SOCINV_MAX_XML_PART_BYTES", d.max_xml_part_bytes),
            max_members=_env_int("SOCINV_MAX_MEMBERS", d.max_members),
            max_ratio=_env_int("SOCINV_MAX_RATIO", d.max_ratio),
            max_cells=_env_int("SOCINV_MAX_CELLS", d.max_cells),
            max_seconds=_env_float("SOCINV_MAX_SECONDS", d.max_seconds),
            max_xml_depth=_env_int("SOCINV_MAX_XML_DEPTH", d.max_xml_depth),
            max_text_chars=_env_int("SOCINV_MAX_TEXT_CHARS", d.max_text_chars),
        )

    @property
    def xml_depth(self) -> int:
        """The depth limit in force: the setting, or the parser's own ceiling if lower."""
        return min(self.max_xml_depth, XML_DEPTH_CEILING)


# -- memory ----------------------------------------------------------------------------------

# Address-space cap of a process checking files (MB): each `validate` worker, and `socinv
# check` while it reads and judges a file. 0 switches it off. A file that makes the process
# grow past it ends as "unreadable.crashed" (MemoryError) instead of taking the machine down.
DEFAULT_MAX_PROCESS_MB = 3072


def max_process_mb() -> int:
    try:
        value = int(os.environ.get("SOCINV_MAX_WORKER_MB", DEFAULT_MAX_PROCESS_MB) or 0)
    except ValueError:
        return DEFAULT_MAX_PROCESS_MB
    return max(value, 0)


def limit_memory(megabytes: int | None = None, *, beyond_current: bool = False) -> int | None:
    """Cap this process's address space (RLIMIT_AS) at `megabytes` (default:
    SOCINV_MAX_WORKER_MB, 3072), or with `beyond_current` at what it holds now plus
    `megabytes` (a memo's template child). Returns the previous soft limit, for
    restore_memory, or None when nothing was set (switched off, or no such limit here)."""
    megabytes = max_process_mb() if megabytes is None else megabytes
    if megabytes <= 0:
        return None
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = megabytes * 1024 * 1024
        if beyond_current:
            with open("/proc/self/statm") as fh:
                cap += int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        if soft != resource.RLIM_INFINITY and soft <= cap:
            return None  # already as low or lower: leave it
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        return soft
    except (ImportError, ValueError, OSError):
        return None


def restore_memory(previous: int | None) -> None:
    """Undo limit_memory (for `check` run in-process, as the tests do)."""
    if previous is None:
        return
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (previous, hard))
    except (ImportError, ValueError, OSError):
        pass


@contextmanager
def memory_ceiling(megabytes: int | None = None) -> Iterator[None]:
    """limit_memory for the duration of a `with` block (`check` and the annotator run in
    the caller's process, which gets its old limit back afterwards)."""
    previous = limit_memory(megabytes)
    try:
        yield
    finally:
        restore_memory(previous)


class OutOfTime(BaseException):
    """Raised in a `time_limit` block when its time is up. A BaseException, so no `except
    Exception` in a reader or renderer can take it for merely bad content."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise OutOfTime in the block after `seconds`. SIGALRM stops a file stuck in Python
    code; it exists only on POSIX and only on the main thread: elsewhere the block runs
    without a clock, and a pool's own watchdog (validate, serve) is what stops a file."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = True

    def on_alarm(signum, frame):
        if armed:  # not once the block is left, even if the signal comes late
            raise OutOfTime

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def exit_detail(code: int | None) -> str:
    """How a worker process ended, for "unreadable.crashed" (SIGKILL, SIGSEGV, exit 3)."""
    import signal

    if code is None:
        return "?"
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"
