"""Files factcheck reads and writes, made safe against what a folder may hold.

Reads take only regular files (a FIFO, a device or a socket would block or never end) and at most a
given number of bytes. Writes go to a temporary file beside the target, renamed into place once
complete, so that a full disk or an interruption leaves the previous file whole; an output is refused
when it is one of the files the run reads.
"""
from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from .models import SourceRef

DEFAULT_MAX_SIZE = 10_000_000  # bytes of a file (and characters of an archive record) read at most

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class TooLarge(OSError):
    """A file larger than the limit it is read under."""


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: Path | str) -> BinaryIO:
    """`path` opened for reading, or an OSError (its `strerror` says why) when it is not a regular file.
    Opened without blocking and checked once open, so a FIFO put in a file's place cannot hang a run."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL,
                          f"{_kind(mode)}, not a regular file", str(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file `path`; `TooLarge` when it holds more than `limit`."""
    with open_regular(path) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(errno.EFBIG, f"larger than the {limit:,}-byte limit", str(path))
    return data


def relative(path: str, root: Path | None = None) -> str:
    """The file `path` relative to `root` (default: the current folder) when it lies inside it, with forward
    slashes and no `./` prefix, as CI systems and baselines name files; `<stdin>` and `<text>` as they are."""
    if path.startswith("<"):
        return path
    p = Path(path)
    try:
        rel = p.resolve().relative_to((root or Path.cwd()).resolve())
    except ValueError:
        rel = p
    return rel.as_posix().removeprefix("./")


def relative_name(origin: SourceRef, root: Path | None = None) -> str:
    """The name of a report's article (`export.jsonl#a1` for a record) with its file relative to `root`."""
    return origin.model_copy(update={"file": relative(origin.file, root)}).name


def same_file(a: Path | str, b: Path | str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # either missing (so not the same), or a name the system refuses
        return False


def clashing(target: Path | str, protected: Iterable[Path | str]):
    """The first of `protected` (files the run reads) that `target` is, through links or not; else None."""
    if not os.path.lexists(target):
        return None
    return next((p for p in protected if same_file(target, p)), None)


def write_atomic(target: Path | str, text: str) -> None:
    """Writes `text` (UTF-8) to `target` through a temporary file beside it, renamed into place; an
    OSError leaves `target` as it was. What is not a regular file (a pipe, /dev/full) or stands for a
    stream (/dev/stdout) is written in place: there is nothing to replace."""
    data = text.encode("utf-8", "replace")  # a lone surrogate (from a file name) must not end the write
    with AtomicFile(target) as fh:
        fh.write(data)


class AtomicFile:
    """`target` written in pieces as `write_atomic` writes it whole: into a temporary file beside it,
    renamed into place when the `with` block ends without an exception; otherwise `target` is left as
    it was and the temporary file removed. A report streamed while a batch is checked goes through it."""

    def __init__(self, target: Path | str):
        self.target, self.temporary = target, None
        try:
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and (not stat.S_ISREG(mode) or os.path.abspath(target).startswith("/dev/")):
            self.fh = _open_in_place(target, os.O_WRONLY | (os.O_TRUNC if stat.S_ISREG(mode) else 0))
            return
        if mode is not None and not mode & 0o222:
            raise PermissionError(errno.EACCES, "the file is read-only", str(target))
        target = Path(os.path.realpath(target))  # through a link, to the file it names: the link stays
        # hidden: never checked
        self.target, self.temporary = target, target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # a new file: as the umask says
        self.fh = os.fdopen(fd, "wb")
        if mode is not None:  # a replaced file keeps its permissions
            try:
                os.fchmod(fd, stat.S_IMODE(mode))
            except BaseException:
                self.discard()
                raise

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self) -> None:
        """Puts what was written in place."""
        if self.temporary is None:
            self.fh.close()
            return
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self.temporary, self.target)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Leaves `target` as it was (what was written in place stays)."""
        with suppress(OSError):
            self.fh.close()
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind, *_) -> None:
        self.commit() if kind is None else self.discard()


def append_text(target: Path | str, text: str) -> None:
    """Appends `text` to `target`, a log such as GitHub's step summary."""
    _write_in_place(target, text.encode("utf-8", "replace"), os.O_WRONLY | os.O_APPEND | os.O_CREAT)


def _write_in_place(target: Path | str, data: bytes, flags: int) -> None:
    with _open_in_place(target, flags) as fh:
        fh.write(data)


def _open_in_place(target: Path | str, flags: int) -> BinaryIO:
    """Opened without blocking, so that a FIFO with no reader fails (ENXIO) rather than waits; then
    written as usual."""
    fd = os.open(target, flags | getattr(os, "O_NONBLOCK", 0), 0o666)
    fh = os.fdopen(fd, "wb")
    os.set_blocking(fd, True)
    return fh


__all__ = [
    "AtomicFile",
    "TooLarge",
    "append_text",
    "clashing",
    "open_regular",
    "read_regular",
    "relative",
    "relative_name",
    "same_file",
    "write_atomic",
]
