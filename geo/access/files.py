"""File plumbing for writers that must never leave a broken file: a lock, atomic replace, durable append.

Every writer of a data folder uses it: the curation store (`geo.curation`),
suggestions (`geo.sources.suggestions`), the layer store during a rebuild
(`layers.rebuild`) and the plan catalog (`layers.plan_edit`). Its errors are
its own, not any one writer's: `LockTimeout` (a `TimeoutError`) when another
writer holds the lock too long, `NotWritableError` (an `OSError`) when the
folder cannot take the lock file.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

from geo.errors import LockTimeout, NotWritableError

#: How long a writer waits for another one before giving up with a message.
LOCK_TIMEOUT_S = 30.0


@contextlib.contextmanager
def locked(path: Path, *, shared: bool = False, timeout_s: float | None = None) -> Iterator[None]:
    """Hold an `flock` on `path` (created if missing) for the block.

    flock locks belong to the open file, so two threads of one process (two
    Streamlit sessions) exclude each other just as two processes do. A reader
    in a folder it cannot write (a read-only deployment) goes without the
    lock: nobody can be writing there either.

    Raises `LockTimeout` after `timeout_s` seconds of waiting (None: the
    module's `LOCK_TIMEOUT_S` at the time of the call), and `NotWritableError`
    when a writer cannot create the lock file.
    """
    try:
        if not shared:
            path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        unwritable = isinstance(exc, (PermissionError, FileNotFoundError)) or exc.errno == errno.EROFS
        if not shared:
            raise NotWritableError(f"Not saved: {disk_problem(exc)}. Nothing was changed") from None
        if not unwritable:
            raise
        yield
        return
    try:
        mode = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
        timeout_s = LOCK_TIMEOUT_S if timeout_s is None else timeout_s
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeout(
                        f"{path.parent} is busy: another save has held it for {timeout_s:.0f} s; try again"
                    ) from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def replace_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, and move it over `path`.

    Readers see the old file or the new one; the directory is synced so the
    rename itself survives a power cut.
    """
    install(prepare(path, data), path)


def prepare(path: Path, data: bytes) -> Path:
    """The temporary file (written and fsynced) that `install` moves over `path`.

    Split from the move so a writer can find out the disk has room before it
    commits anything else; on failure nothing is left behind.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def install(tmp: Path, path: Path) -> None:
    """Move a `prepare`d file over `path` and sync the directory."""
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def disk_problem(exc: OSError) -> str:
    """What an editor can do about a failed write, in words (no server path)."""
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the data folder is read-only"
    if isinstance(exc, PermissionError):
        return "the server may not write the data folder"
    return f"the data folder could not be written ({os.strerror(exc.errno) if exc.errno else type(exc).__name__})"


def append_lines(path: Path, data: bytes) -> None:
    """Append whole `\\n`-terminated lines durably, first cutting off a torn last line.

    A line cut short by a crash has no `\\n`; it never counted (readers skip
    it), and removing it keeps the next line from being glued to it.
    """
    if not data.endswith(b"\n"):
        raise ValueError("append_lines takes whole lines ending in \\n")
    with open(path, "a+b") as f:
        size = f.seek(0, os.SEEK_END)
        if size:
            f.seek(max(0, size - 1))
            if f.read(1) != b"\n":
                f.seek(0)
                content = f.read()
                size = content.rfind(b"\n") + 1
                f.truncate(size)
        try:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        except BaseException:
            # A partial append (disk full) must not count: cut it off again.
            with contextlib.suppress(OSError):
                f.truncate(size)
                os.fsync(f.fileno())
            raise


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
